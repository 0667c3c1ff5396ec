import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/read-table.js';
import type { ColumnMatch } from '../../src/data/row-usage.js';
import { dataSourceSchema } from '../../src/spec/schema.js';

// The plain lines of a long table are read in place (TableReader.plainLine), without a
// string per field; every other line goes through `record`. A file whose header holds a
// quote goes through csv-parse and `record` from its first line: the same rows must read
// the same either way, to the value, line, source, note, count and issue.

const dir = mkdtempSync(join(tmpdir(), 'mel-plain-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function readBoth(header: string, rows: string[], source: Record<string, unknown>, matches?: ColumnMatch[]) {
  const read = async (head: string) => {
    const file = `f${files++}.csv`;
    writeFileSync(join(dir, file), `${[head, ...rows].join('\n')}\n`);
    const parsed = dataSourceSchema.parse({ id: 'hmis', ...source, file });
    const { table, issues } = await readTable(parsed, { root: dir, fiscalYearStart: 1, matchColumns: [], matches });
    const series = table.series.map((s) => ({
      keys: s.keys,
      periods: s.periods.map((p) => p.id),
      values: Array.from(s.values, (v) => (Object.is(v, -0) ? '-0' : v)),
      lines: Array.from(s.lines),
      sources: s.sources,
      notes: s.notes,
    }));
    const { rowCount, missingCount, rowsByCode } = table;
    return {
      series,
      rowCount,
      missingCount,
      rowsByCode: [...rowsByCode],
      issues: issues.map((i) => ({ ...i, file: '' })),
    };
  };
  const plain = await read(header);
  const quoted = await read(`"${header.replace(/^(\w+)/, '$1"')}`);
  return { plain, quoted };
}

describe('plain rows read in place', () => {
  it('read as csv-parse and record read them: values, lines, sources, notes, counts', async () => {
    const rows = [
      'anc4,2019-01,North,female,63.9,HMIS,',
      'anc4,2019-02,North,female,60.1,HMIS,revised',
      'anc4,2019-03,North,female,-0,,',
      'anc4,2019-01,North,male,.5,HMIS,',
      'anc4,2019-02,North,male,NA,HMIS,',
      'anc4,2019-03,North,male,,HMIS,',
      'anc4,2019-01,South ,female, 7.25 ,Survey,',
      'anc4,2019-02,South,female,12%,Survey,',
      'anc4,2019-02,South,female,13,Survey,',
      'anc4,2019-03,South,female,1e3,Survey,',
      'anc4,2019-01,South,male,5.,HMIS,',
      ',2019-01,South,male,5,HMIS,',
      '  ,2019-01,South,male,5,HMIS,',
      'anc4,2019-04,South,male,6',
      'anc4,2019-05,South,male,7,HMIS,,',
      'anc4,2019-06,South,male,8,HMIS,,extra',
      '',
      'Source: ministry',
      'fp,2019-13,North,female,9,HMIS,',
      'fp,2019-01,North,female,10,HMIS,',
      'fp,2019-01,North,female,11,HMIS,',
      'fp,2019-02,North,female,12.3456789012345,HMIS,',
      'fp,2019-03,North,female,123456789012345678,HMIS,',
      'fp,2019-01,North,female,abc,HMIS,',
      'anc4,2019-07,North,female,64.5,HMIS,',
      // Key fields one character shorter, longer or different than the previous row's.
      'anc4,2019-08,Nort,female,1,HMIS,',
      'anc4,2019-08,North,female,2,HMIS,',
      'anc4,2019-08,Northh,female,3,HMIS,',
      'anc4,2019-08,North,femalf,4,HMIS,',
      'anc4,2019-08,North,femal,5,HMIS,',
      'anc,2019-08,North,femal,6,HMIS,',
      'Note below the table',
    ];
    const { plain, quoted } = await readBoth(
      'indicator,period,district,sex,value,source,note',
      rows,
      {
        disaggregations: ['district', 'sex'],
        columns: { source: 'source', note: 'note' },
        duplicates: 'error',
        source: 'hmis-label',
      },
      [{ indicator: 'anc4' }],
    );
    expect(plain).toEqual(quoted);
    // And what was read is what the rows say.
    expect(plain.series[0]).toEqual({
      keys: { indicator: 'anc4', district: 'North', sex: 'female' },
      periods: ['2019-01', '2019-02', '2019-03', '2019-07', '2019-08'],
      values: [63.9, 60.1, '-0', 64.5, 2],
      lines: [2, 3, 4, 26, 28],
      sources: ['HMIS', 'HMIS', 'hmis-label', 'HMIS', 'HMIS'],
      notes: [undefined, 'revised', undefined, undefined, undefined],
    });
    expect(plain.rowCount).toBe(30); // every row but the empty line and the note below the table
    expect(plain.issues.length).toBeGreaterThan(4);
  });

  it('reads a decimal comma and a semicolon the same way', async () => {
    const rows = [
      'anc4;2019-01;North;63,9',
      'anc4;2019-02;North;-1,25',
      'anc4;2019-03;North;1.200',
      'anc4;2019;North;7',
    ];
    const { plain, quoted } = await readBoth('indicator;period;district;value', rows, {
      disaggregations: ['district'],
      decimal: ',',
    });
    expect(plain).toEqual(quoted);
    expect(plain.series[0]?.values).toEqual([63.9, -1.25, 1200, 7]);
  });
});
