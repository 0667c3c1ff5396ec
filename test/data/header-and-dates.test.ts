// Where the header is, how dates written 01/02/2024 are read, and how an unreadable
// period column is explained (once per file, not once per row).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReadTableOptions, readTable } from '../../src/data/read-table.js';
import { dataEn as msg } from '../../src/messages/data.js';
import { type DataSource, dataSourceSchema } from '../../src/spec/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'mel-header-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options: ReadTableOptions = { root: dir, fiscalYearStart: 1, matchColumns: [] };
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const source = (fields: Record<string, unknown>): DataSource => dataSourceSchema.parse({ id: 'src', ...fields });

describe('the header', () => {
  it('is the row header_row names, even when a row above has the same columns', async () => {
    const name = file('two-headers.csv', 'indicator,period,value\nx,2010,1\nindicator,period,value\nx,2011,2\n');
    const { table, issues } = await readTable(source({ file: name, header_row: 3 }), options);
    expect(issues).toEqual([]);
    expect(table.reading.headerLine).toBe(3);
    expect(Array.from(table.series[0]!.values)).toEqual([2]);
  });

  it('when no row has the columns, the row most like a header is reported, saying where mel looked', async () => {
    const name = file('preamble.csv', 'Title,\n\nNotes,here\nindicador,periodo,valor,area\nx,2010,1,n\n');
    const { issues } = await readTable(source({ file: name }), options);
    expect(issues[0]!.line).toBe(4);
    expect(issues[0]!.message).toContain(msg.headerSearched(20));
  });
});

describe('dates written as numbers', () => {
  const monthly = { ...options, frequencyHint: 'monthly' as const, locale: 'en' as const };

  it('are read day first, and an English programme is told so when nothing in the file shows the order', async () => {
    const name = file('dmy.csv', 'indicator,period,value\nx,01/02/2024,1\nx,01/03/2024,2\n');
    const { table, issues } = await readTable(source({ file: name }), monthly);
    expect(table.series[0]!.periods.map((p) => p.id)).toEqual(['2024-02', '2024-03']);
    expect(issues.map((i) => [i.severity, i.line, i.column, i.message])).toEqual([
      ['warning', 1, 2, msg.ambiguousDates('01/02/2024')],
    ]);
    const es = await readTable(source({ file: name }), { ...monthly, locale: 'es' });
    expect(es.issues).toEqual([]);
  });

  it('are read month first when a day above 12 shows it, or when the data source says so', async () => {
    const name = file('mdy.csv', 'indicator,period,value\nx,01/02/2024,1\nx,02/13/2024,2\n');
    const { table, issues } = await readTable(source({ file: name }), monthly);
    expect(issues).toEqual([]);
    expect(table.series[0]!.periods.map((p) => p.id)).toEqual(['2024-01', '2024-02']);
    const us = file('us.csv', 'indicator,period,value\nx,01/02/2024,1\nx,02/02/2024,2\n');
    const given = await readTable(source({ file: us, dates: 'mdy' }), monthly);
    expect(given.issues).toEqual([]);
    expect(given.table.series[0]!.periods.map((p) => p.id)).toEqual(['2024-01', '2024-02']);
  });
});

describe('a period column that cannot be read', () => {
  it('lists the forms mel reads in its first message only', async () => {
    const name = file('bad-periods.csv', 'indicator,period,value\nx,2010 Q1,1\nx,2010 Q2,2\n');
    const { issues } = await readTable(source({ file: name }), options);
    expect(issues.map((i) => i.message)).toEqual([
      msg.unreadablePeriod('2010 Q1', 'period', '', true, true),
      msg.unreadablePeriod('2010 Q2', 'period', '', true, false),
    ]);
    expect(issues[0]!.message).toContain('format the column as Text and write the periods as yyyy-mm');
    expect(issues[1]!.message).toBe('`2010 Q2` in column `period` is not a period');
  });
});
