import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/read-table.js';
import { dataSourceSchema } from '../../src/spec/schema.js';

// A series whose rows are one run of the file, in period order, keeps views of the
// read points (finish-series.ts, inPlace); any other is sorted, merged and copied. Both
// must give each series its own values, lines and periods, whatever their neighbours.

const dir = mkdtempSync(join(tmpdir(), 'mel-finish-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seriesOf(rows: string[], duplicates = 'last') {
  writeFileSync(join(dir, 'f.csv'), `indicator,period,area,value\n${rows.join('\n')}\n`);
  const source = dataSourceSchema.parse({ id: 's', file: 'f.csv', disaggregations: ['area'], duplicates });
  const { table, issues } = await readTable(source, { root: dir, fiscalYearStart: 1, matchColumns: [] });
  const series = table.series.map((s) => ({
    area: s.keys.area,
    periods: s.periods.map((p) => p.id),
    values: Array.from(s.values),
    lines: Array.from(s.lines),
  }));
  return { series, issues };
}

describe('series from the points read', () => {
  it('reads a file written series by series and one whose series are interleaved alike', async () => {
    const grouped = await seriesOf(['x,2020,A,1', 'x,2021,A,2', 'x,2022,A,3', 'x,2020,B,4', 'x,2021,B,5']);
    expect(grouped.series).toEqual([
      { area: 'A', periods: ['2020', '2021', '2022'], values: [1, 2, 3], lines: [2, 3, 4] },
      { area: 'B', periods: ['2020', '2021'], values: [4, 5], lines: [5, 6] },
    ]);
    const interleaved = await seriesOf(['x,2020,A,1', 'x,2020,B,4', 'x,2021,A,2', 'x,2021,B,5', 'x,2022,A,3']);
    expect(interleaved.series).toEqual([
      { area: 'A', periods: ['2020', '2021', '2022'], values: [1, 2, 3], lines: [2, 4, 6] },
      { area: 'B', periods: ['2020', '2021'], values: [4, 5], lines: [3, 5] },
    ]);
  });

  it('sorts, merges repeats and drops unreadable periods beside series read in place', async () => {
    const { series, issues } = await seriesOf([
      'x,2020,A,1',
      'x,2021,A,2',
      'x,2022,B,6',
      'x,2020,B,4',
      'x,2021,C,7',
      'x,2021,C,8',
      'x,20x1,D,9',
      'x,2020,D,10',
      'x,2020,E,11',
      'x,2021,E,12',
    ]);
    expect(series).toEqual([
      { area: 'A', periods: ['2020', '2021'], values: [1, 2], lines: [2, 3] },
      { area: 'B', periods: ['2020', '2022'], values: [4, 6], lines: [5, 4] },
      { area: 'C', periods: ['2021'], values: [8], lines: [7] },
      { area: 'D', periods: ['2020'], values: [10], lines: [9] },
      { area: 'E', periods: ['2020', '2021'], values: [11, 12], lines: [10, 11] },
    ]);
    expect(issues.map((i) => i.line)).toEqual([8]);
  });
});
