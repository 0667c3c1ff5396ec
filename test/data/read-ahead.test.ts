import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReadTableOptions, readAhead, readTable } from '../../src/data/read-table.js';
import { dataSourceSchema } from '../../src/spec/schema.js';

// A data file read ahead, before the indicators that use it are known (readAhead, while
// the indicator files are parsed), then finished with their matches and frequency, must
// be the table and the issues reading it with them gives: a problem in a row no indicator
// uses is still a counted warning, one in a used row an error, in the same order.

const dir = mkdtempSync(join(tmpdir(), 'mel-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function sourceOf(text: string, config: Record<string, unknown> = {}) {
  const file = `f${files++}.csv`;
  writeFileSync(join(dir, file), text);
  return dataSourceSchema.parse({ id: 'hmis', file, disaggregations: ['area'], ...config });
}

const plain = (r: Awaited<ReturnType<typeof readTable>>) => ({
  series: r.table.series.map((s) => ({ ...s, periods: s.periods.map((p) => p.id), values: Array.from(s.values) })),
  rowsByCode: [...r.table.rowsByCode],
  rowCount: r.table.rowCount,
  issues: r.issues,
});

async function both(text: string, options: Partial<ReadTableOptions>, config: Record<string, unknown> = {}) {
  const source = sourceOf(text, config);
  const full: ReadTableOptions = { root: dir, fiscalYearStart: 1, matchColumns: [], locale: 'en', ...options };
  const pending = await readAhead(source, { root: dir, fiscalYearStart: 1, locale: 'en' });
  if (!pending) throw new Error('a CSV file is read ahead');
  return {
    fits: pending.fits(full),
    ahead: () => plain(pending.finish(full)),
    now: async () => plain(await readTable(source, full)),
  };
}

describe('a data file read ahead, then finished', () => {
  it('judges its problems by the matches it is finished with: errors in used rows, a warning for the others', async () => {
    const rows = [
      'indicator,period,area,value',
      'anc,2020,North,1',
      'anc,2021,North,x1',
      'anc,2021,North,2',
      'fp,2020,South,y2',
      'fp,2021,South,3',
      'fp,2021,South,4',
      'anc,20x1,South,5',
      'fp,2022',
      'anc,2022,North,6,extra',
      'anc,2023,North,',
    ];
    const r = await both(`${rows.join('\n')}\n`, { matches: [{ indicator: 'anc' }], frequencyHint: 'annual' });
    expect(r.fits).toBe(true);
    const now = await r.now();
    expect(r.ahead()).toEqual(now);
    // anc's problems are errors at their lines; fp's are one counted warning.
    expect(now.issues.filter((i) => i.severity === 'error').map((i) => i.line)).toEqual([3, 8, 10]);
    expect(now.issues.filter((i) => i.severity === 'warning')).toHaveLength(1);
  });

  it('finishes with the indicators frequency: 2007-08 is August for a monthly indicator', async () => {
    const text = 'indicator,period,area,value\nanc,2007-08,North,1\nanc,2007-09,North,2\n';
    for (const frequencyHint of ['monthly', 'annual', undefined] as const) {
      const r = await both(text, { frequencyHint });
      expect(r.fits).toBe(true);
      expect(r.ahead()).toEqual(await r.now());
    }
  });

  it('does not fit indicators that match on another column, nor a wide table read with a frequency', async () => {
    const long = await both('indicator,period,area,value,sex\nanc,2020,North,1,f\n', { matchColumns: ['sex'] });
    expect(long.fits).toBe(false);
    const wide = 'indicator,area,2020,2021\nanc,North,1,2\n';
    expect((await both(wide, { frequencyHint: 'annual' }, { format: 'wide' })).fits).toBe(false);
    const widePlain = await both(wide, {}, { format: 'wide' });
    expect(widePlain.fits).toBe(true);
    expect(widePlain.ahead()).toEqual(await widePlain.now());
  });

  it('gives up holding problems past a limit: the file is read again', async () => {
    const bad = Array.from({ length: 20_001 }, (_, i) => `anc,${2000 + (i % 100)},A${i},x`);
    const r = await both(`indicator,period,area,value\n${bad.join('\n')}\n`, {});
    expect(r.fits).toBe(false);
  });
});
