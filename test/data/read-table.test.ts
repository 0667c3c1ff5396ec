import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { periodReasonIn } from '../../src/messages/periods.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable, type ReadTableOptions } from '../../src/data/read-table.js';
import type { Series } from '../../src/data/series.js';
import { dataEn as msg } from '../../src/messages/data.js';
import { parsePeriod } from '../../src/periods/period.js';
import { dataSourceSchema, type DataSource } from '../../src/spec/schema.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'data');
const options: ReadTableOptions = { root: fixtures, fiscalYearStart: 1, matchColumns: [] };

/** A data source as program.yaml would give it, defaults filled by the schema. */
const source = (fields: Record<string, unknown>): DataSource => dataSourceSchema.parse({ id: 'src', ...fields });

const find = (series: readonly Series[], keys: Record<string, string>) =>
  series.find((s) => Object.entries(keys).every(([k, v]) => s.keys[k] === v));

/** A series as plain data: period ids, values (NaN as null), lines and sources. */
const plain = (s: Series | undefined) =>
  s && {
    periods: s.periods.map((p) => p.id),
    values: Array.from(s.values, (v) => (Number.isNaN(v) ? null : v)),
    lines: Array.from(s.lines),
    sources: s.sources,
  };

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mel-read-table-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('a Spanish Excel export (BOM, CRLF, ;, decimal comma, accented headers)', () => {
  const spanish = source({
    file: 'spanish-excel.csv',
    columns: { indicator: 'Indicador', period: 'Año', value: 'Valor', source: 'Fuente' },
    disaggregations: ['Ámbito'],
    source: 'INEI ENDES',
  });

  it('reads 29,5 as exactly 29.5 and 1.200.000,75 as 1200000.75', async () => {
    const { table, issues } = await readTable(spanish, options);
    expect(issues).toEqual([]);
    expect(table.reading).toMatchObject({ encoding: 'utf-8', delimiter: ';', decimal: ',', headerLine: 1 });
    expect(table.reading.assumedEncoding).toBeUndefined();
    expect(table.keyColumns).toEqual(['Ámbito', 'Indicador']);
    expect(plain(find(table.series, { Indicador: 'desnutricion_cronica', Ámbito: 'Nacional' }))).toEqual({
      periods: ['2006', '2011'],
      values: [29.5, 19.5],
      lines: [2, 4],
      sources: ['ENDES 2006', 'INEI ENDES'],
    });
    expect(plain(find(table.series, { Indicador: 'presupuesto_agricola' }))?.values).toEqual([1200000.75, 1350000]);
  });

  it('keeps n.d. as a missing value, counted, never zero', async () => {
    const { table } = await readTable(spanish, options);
    expect(plain(find(table.series, { Ámbito: 'Rural' }))?.values).toEqual([45.7, null]);
    expect(table.missingCount).toBe(1);
    expect(table.rowCount).toBe(6);
    expect(table.rowsByCode).toEqual(
      new Map([
        ['desnutricion_cronica', 4],
        ['presupuesto_agricola', 2],
      ]),
    );
  });

  it('matches a header in another case, and names the closest header when one is misspelt', async () => {
    const anyCase = await readTable(
      source({ ...spanish, columns: { indicator: 'indicador', period: 'AÑO', value: 'valor' } }),
      options,
    );
    expect(anyCase.issues).toEqual([]);
    expect(anyCase.table.series).toHaveLength(3);

    const { table, issues } = await readTable(
      source({ ...spanish, columns: { indicator: 'Indicador', period: 'Ano', value: 'Valor' } }),
      options,
    );
    expect(issues).toMatchObject([
      {
        severity: 'error',
        file: 'spanish-excel.csv',
        line: 1,
        column: undefined,
        message: msg.missingColumn('Ano', 'period', ['Año', 'Ámbito', 'Indicador', 'Valor', 'Fuente'], 'Año'),
      },
    ]);
    expect(issues[0]!.message).toContain('did you mean `Año`?');
    expect(table.series).toEqual([]);
  });

  it('reports a missing disaggregation and reads the file without it', async () => {
    const { table, issues } = await readTable(source({ ...spanish, disaggregations: ['Ámbito', 'Sexo'] }), options);
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [1, msg.missingColumn('Sexo', 'disaggregation', ['Año', 'Ámbito', 'Indicador', 'Valor', 'Fuente'])],
    ]);
    expect(table.series).toHaveLength(3);
  });
});

describe('Windows-1252', () => {
  // "Año;Ámbito;Indicador;Valor" / "2006;Nacional;desnutrición;29,5" as Spanish Excel's
  // "CSV (delimitado por comas)" writes it.
  const bytes = Buffer.concat([
    Buffer.from('A'),
    Buffer.from([0xf1]),
    Buffer.from('o;'),
    Buffer.from([0xc1]),
    Buffer.from('mbito;Indicador;Valor\r\n'),
    Buffer.from('2006;Nacional;desnutrici'),
    Buffer.from([0xf3]),
    Buffer.from('n;29,5\r\n'),
    Buffer.from('2007;Nacional;desnutrici'),
    Buffer.from([0xf3]),
    Buffer.from('n;28,1\r\n'),
  ]);
  const cp1252 = (file: string) =>
    source({ file, columns: { indicator: 'Indicador', period: 'Año', value: 'Valor' }, disaggregations: ['Ámbito'] });

  it('is detected when the file is not UTF-8, and said so in the table', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cp1252.csv'), bytes);
    const { table, issues } = await readTable(cp1252('cp1252.csv'), { ...options, root: dir });
    expect(issues).toEqual([]);
    expect(table.reading).toMatchObject({ encoding: 'windows-1252', assumedEncoding: 'windows-1252' });
    expect(table.series[0]!.keys).toEqual({ Ámbito: 'Nacional', Indicador: 'desnutrición' });
    expect(Array.from(table.series[0]!.values)).toEqual([29.5, 28.1]);
  });

  it('is read as declared without being reported as assumed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cp1252.csv'), bytes);
    const { table } = await readTable(source({ ...cp1252('cp1252.csv'), encoding: 'latin1' }), {
      ...options,
      root: dir,
    });
    expect(table.reading.encoding).toBe('windows-1252');
    expect(table.reading.assumedEncoding).toBeUndefined();
    expect(table.series[0]!.keys.Indicador).toBe('desnutrición');
  });

  it('is detected even when the first accented letter comes after the first 64 KB', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 4000 }, (_, i) => `${1900 + (i % 100)};Distrito ${i};plain;1\n`).join('');
    writeFileSync(
      join(dir, 'late.csv'),
      Buffer.concat([
        Buffer.from('Año;Ámbito;Indicador;Valor\n', 'latin1'),
        Buffer.from(rows),
        bytes.subarray(bytes.indexOf('\n') + 1),
      ]),
    );
    const { table, issues } = await readTable(cp1252('late.csv'), { ...options, root: dir });
    expect(issues).toEqual([]);
    expect(table.reading.assumedEncoding).toBe('windows-1252');
    expect(find(table.series, { Indicador: 'desnutrición' })?.lines).toEqual(Int32Array.from([4002, 4003]));
  });
});

describe('a wide World Bank download', () => {
  const worldBank = source({
    file: 'world-bank.csv',
    format: 'wide',
    columns: { indicator: 'Indicator Code' },
    id_columns: ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'],
    disaggregations: ['Country Code'],
    source: 'World Bank WDI',
  });

  it('skips the preamble, reads one column per year and leaves empty cells out', async () => {
    const { table, issues } = await readTable(worldBank, options);
    expect(issues).toEqual([]);
    expect(table.reading.headerLine).toBe(5);
    expect(table.keyColumns).toEqual(['Country Code', 'Indicator Code']);
    expect(plain(find(table.series, { 'Country Code': 'PER', 'Indicator Code': 'SH.STA.STNT.ZS' }))).toEqual({
      periods: ['2010', '2011', '2012', '2013'],
      values: [23.2, 19.5, 18.4, 17.5],
      lines: [6, 6, 6, 6],
      sources: Array(4).fill('World Bank WDI'),
    });
    expect(plain(find(table.series, { 'Country Code': 'BOL' }))).toMatchObject({
      periods: ['2012'],
      values: [18.1],
      lines: [7],
    });
    expect(table.missingCount).toBe(0);
    expect(table.rowsByCode).toEqual(
      new Map([
        ['SH.STA.STNT.ZS', 2],
        ['SP.POP.TOTL', 1],
      ]),
    );
  });

  it('reports a repeated series at the later row, in the column of the repeated year', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wide-dup.csv'), 'indicator,area,2010,2011\nx,north,1,2\nx,north,,3\n');
    const { issues } = await readTable(source({ file: 'wide-dup.csv', format: 'wide', disaggregations: ['area'] }), {
      ...options,
      root: dir,
    });
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 4, msg.duplicateRow('`x` (area: north)', '2011', 2, 'src')],
    ]);
  });

  it('reports the column and line of a value that is not a number', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wide.csv'), 'indicator,area,2010,2011,2012\nx,north,1.5,..,abc\n');
    const { table, issues } = await readTable(source({ file: 'wide.csv', format: 'wide', disaggregations: ['area'] }), {
      ...options,
      root: dir,
    });
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 5, msg.nonNumericValue('abc', '2012', msg.notANumberReason('.', []))],
    ]);
    expect(plain(table.series[0])?.values).toEqual([1.5, null]);
    expect(table.missingCount).toBe(1);
  });
});

describe('quoted fields', () => {
  it('keep delimiters, doubled quotes and line breaks, and later rows keep their physical lines', async () => {
    const { table, issues } = await readTable(
      source({ file: 'quoted.csv', columns: { note: 'note' }, disaggregations: ['district'] }),
      options,
    );
    const s = table.series[0]!;
    expect(s.keys).toEqual({ indicator: 'hh_reached', district: 'Lima, Cercado' });
    expect(Array.from(s.lines)).toEqual([2, 3, 5]);
    expect(s.notes).toEqual([
      'plain',
      'two lines:\nsecond line of the note',
      'he said "final", then\nleft\n\nafter a blank line',
    ]);
    // The row after a note of four lines starts on line 9.
    expect(issues.map((i) => [i.line, i.column])).toEqual([[9, 4]]);
  });

  it('report a quote never closed at the line it opens, keeping the rows before it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'open-quote.csv'), 'indicator,period,value\nx,2010,1\nx,2011,"2\nx,2012,3\n');
    const { table, issues } = await readTable(source({ file: 'open-quote.csv' }), { ...options, root: dir });
    expect(issues.map((i) => [i.line, i.message])).toEqual([[3, msg.unclosedQuote()]]);
    expect(Array.from(table.series[0]!.values)).toEqual([1]);
  });
});

describe('numbers as spreadsheets write them', () => {
  it('reads thousands separators and percent signs, and counts missing markers as missing', async () => {
    const { table, issues } = await readTable(source({ file: 'numbers.csv', missing: ['sin dato'] }), options);
    expect(issues).toEqual([]);
    expect(plain(find(table.series, { indicator: 'budget' }))?.values).toEqual([1200000, 1200000, 1200000, 1250000]);
    expect(plain(find(table.series, { indicator: 'coverage' }))?.values).toEqual([29.5, 30.25, 31]);
    expect(plain(find(table.series, { indicator: 'change' }))?.values).toEqual([
      -2.5,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(table.missingCount).toBe(8);
  });

  it('says how to declare a decimal comma in a comma-delimited file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'comma.csv'), 'indicator,period,value\nx,2010,"29,5"\n');
    const { issues } = await readTable(source({ id: 'endes', file: 'comma.csv' }), { ...options, root: dir });
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 3, msg.nonNumericValue('29,5', 'value', msg.decimalCommaReason('endes'))],
    ]);
    const declared = await readTable(source({ id: 'endes', file: 'comma.csv', decimal: ',' }), {
      ...options,
      root: dir,
    });
    expect(Array.from(declared.table.series[0]!.values)).toEqual([29.5]);
  });
});

describe('periods', () => {
  it('reads multi-year survey rounds as one period each, in order of their midpoints', async () => {
    const { table, issues } = await readTable(source({ file: 'survey-rounds.csv' }), options);
    expect(issues).toEqual([]);
    expect(plain(table.series[0])).toMatchObject({
      periods: ['2005', '2007-2008', '2010-2011', '2013-2014'],
      values: [23, 21.5, 19.9, 18.2],
    });
    expect(table.series[0]!.periods[1]!.mid).toBe(2008);
  });

  it('reads 2007-08 as August when the file holds months that can only be months', async () => {
    const { table } = await readTable(source({ file: 'monthly.csv' }), options);
    expect(table.series[0]!.periods.map((p) => [p.id, p.kind])).toEqual([
      ['2007-07', 'month'],
      ['2007-08', 'month'],
      ['2007-09', 'month'],
    ]);
  });

  it('reads 2007-08 as a month when the indicators are monthly', async () => {
    const { table } = await readTable(source({ file: 'survey-rounds.csv' }), { ...options, frequencyHint: 'monthly' });
    expect(table.series[0]!.periods.map((p) => p.id)).toContain('2007-08');
  });
});

describe('a file with several problems', () => {
  it('reports each at its own line and column, all in one run', async () => {
    const { table, issues } = await readTable(
      source({ id: 'dhs', file: 'problems.csv', disaggregations: ['area'] }),
      options,
    );
    const reason = parsePeriod('2O12');
    expect(issues).toMatchObject([
      {
        severity: 'error',
        file: 'problems.csv',
        line: 3,
        column: 4,
        message: msg.nonNumericValue('twenty', 'value', msg.notANumberReason('.', [])),
      },
      {
        severity: 'error',
        file: 'problems.csv',
        line: 4,
        column: 2,
        message: msg.unreadablePeriod(
          '2O12',
          'period',
          reason.ok ? '' : periodReasonIn(reason.problem, 'en'),
          true,
          true,
        ),
      },
      { severity: 'error', file: 'problems.csv', line: 5, column: 4, message: msg.wrongFieldCount(3, 4, ',') },
      {
        severity: 'error',
        file: 'problems.csv',
        line: 6,
        column: 2,
        message: msg.duplicateRow('`stunting` (area: national)', '2010', 2, 'dhs'),
      },
    ]);
    expect(plain(table.series[0])).toMatchObject({ periods: ['2010', '2014'], values: [20.1, 17], lines: [2, 7] });
    expect(table.rowCount).toBe(6);
  });

  it('lists at most 20 problems of a kind and counts the rest, from the first to the last place', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 250 }, (_, i) => `x,${1800 + i},bad`).join('\n');
    writeFileSync(join(dir, 'many.csv'), `indicator,period,value\n${rows}\n`);
    const { issues } = await readTable(source({ file: 'many.csv' }), { ...options, root: dir });
    expect(issues).toHaveLength(21);
    expect(issues[20]).toMatchObject({
      line: 22,
      column: 3,
      message: msg.moreProblems(230, 'value', 'line 22, column 3', 'line 251, column 3'),
    });
    expect(issues[20]!.message).toBe(
      '230 more rows with a value that is not a number (from line 22, column 3 to line 251, column 3) are not listed',
    );
  });
});

describe('duplicates policies (two surveys in one year)', () => {
  const repeated = (duplicates: string) =>
    readTable(
      source({ file: 'repeated-years.csv', columns: { source: 'source' }, disaggregations: ['area'], duplicates }),
      options,
    );

  it('first keeps the earlier row, last the later one', async () => {
    const first = await repeated('first');
    expect(first.issues).toEqual([]);
    expect(plain(first.table.series[0])).toEqual({
      periods: ['2009', '2010', '2011', '2012'],
      values: [41, 40, 38, null],
      lines: [7, 2, 3, 5],
      sources: ['DHS', 'DHS', 'DHS', 'DHS'],
    });
    const last = await repeated('last');
    expect(plain(last.table.series[0])).toEqual({
      periods: ['2009', '2010', '2011', '2012'],
      values: [41, 40, 36, 35],
      lines: [7, 2, 4, 6],
      sources: ['DHS', 'DHS', 'MICS', 'MICS'],
    });
  });

  it('mean averages the values that are not missing, at the first line, naming both sources', async () => {
    const { table, issues } = await repeated('mean');
    expect(issues).toEqual([]);
    expect(plain(table.series[0])).toEqual({
      periods: ['2009', '2010', '2011', '2012'],
      values: [41, 40, 37, 35],
      lines: [7, 2, 3, 5],
      sources: ['DHS', 'DHS', 'DHS; MICS', 'DHS; MICS'],
    });
  });

  it('error names the earlier line at the later row', async () => {
    const { issues } = await repeated('error');
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [4, 2, msg.duplicateRow('`stunting` (area: rural)', '2011', 3, 'src')],
      [6, 2, msg.duplicateRow('`stunting` (area: rural)', '2012', 5, 'src')],
    ]);
  });
});

describe('rows and files that are not data', () => {
  it('skips empty lines and Excel’s empty rows, and accepts a trailing delimiter', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blank.csv'), 'indicator;period;value\r\n\r\nx;2010;1,5;\r\n;;;\r\nx;2011;2\r\n');
    const { table, issues } = await readTable(source({ file: 'blank.csv' }), { ...options, root: dir });
    expect(issues).toEqual([]);
    expect(plain(table.series[0])).toMatchObject({ values: [1.5, 2], lines: [3, 5] });
    expect(table.rowCount).toBe(2);
  });

  it('reports a row with more fields than the header at its first extra field', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'long-row.csv'), 'indicator,period,value\nx,2010,1,200\nx,2011,2\n');
    const { table, issues } = await readTable(source({ file: 'long-row.csv' }), { ...options, root: dir });
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([[2, 4, msg.wrongFieldCount(4, 3, ',')]]);
    expect(Array.from(table.series[0]!.values)).toEqual([2]);
  });

  it('stops at a quote that swallows the rest of a large file, naming the line it opens', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 100_000 }, (_, i) => `x,${1800 + (i % 400)},${i}`).join('\n');
    writeFileSync(join(dir, 'runaway.csv'), `indicator,period,value\nx,2010,1\ny,2011,"2\n${rows}\n`);
    const { issues } = await readTable(source({ file: 'runaway.csv' }), { ...options, root: dir });
    expect(issues.map((i) => [i.line, i.message])).toEqual([[3, msg.recordTooLong(1_000_000)]]);
  });

  it('warns about a row without an indicator code', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nocode.csv'), 'indicator,period,value\n,2010,1\n');
    const { issues } = await readTable(source({ file: 'nocode.csv' }), { ...options, root: dir });
    expect(issues).toMatchObject([
      { severity: 'warning', file: 'nocode.csv', line: 2, column: 1, message: msg.emptyIndicatorCode('indicator') },
    ]);
  });

  it('reports a file that does not exist as one error, without a stack trace', async () => {
    const { table, issues } = await readTable(source({ id: 'endes', file: 'no/such/file.csv' }), options);
    expect(issues).toMatchObject([
      {
        severity: 'error',
        file: 'no/such/file.csv',
        line: undefined,
        column: undefined,
        message: msg.fileNotFound('endes'),
      },
    ]);
    expect(table.series).toEqual([]);
  });

  it('reports a folder and an empty file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.csv'), '\ufeff');
    expect(
      (await readTable(source({ file: 'empty.csv' }), { ...options, root: dir })).issues.map((i) => i.message),
    ).toEqual([msg.fileEmpty()]);
    expect((await readTable(source({ file: '.' }), { ...options, root: dir })).issues.map((i) => i.message)).toEqual([
      msg.fileUnreadable('src', 'it is a folder, not a file'),
    ]);
  });

  it('makes match columns key columns', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'match.csv'), 'indicator,period,value,round\nx,2010,1,a\nx,2010,2,b\n');
    const { table, issues } = await readTable(source({ file: 'match.csv' }), {
      ...options,
      root: dir,
      matchColumns: ['round'],
    });
    expect(issues).toEqual([]);
    expect(table.keyColumns).toEqual(['indicator', 'round']);
    expect(table.series.map((s) => s.keys)).toEqual([
      { indicator: 'x', round: 'a' },
      { indicator: 'x', round: 'b' },
    ]);
  });
});

describe('a header that names a column twice', () => {
  it('two `value` columns: an error naming both, and no value read (every value was the first column’s)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'two-values.csv'), 'indicator,period,value,area,value\nx,2020,99,north,30.1\n');
    const { table, issues } = await readTable(source({ file: 'two-values.csv', disaggregations: ['area'] }), {
      ...options,
      root: dir,
    });
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [1, 5, msg.duplicateColumn('value', ['value', 'value'], [2, 4])],
    ]);
    expect(issues[0]!.message).toBe(
      'the header names `value` 2 times (`value` in column C and `value` in column E), so mel cannot ' +
        'tell which one to read; rename or remove the others; nothing is read from this file until then',
    );
    expect(table.series).toEqual([]);
  });

  it('the same name in another case counts too, and so does a wide file with one year twice', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cases.csv'), 'Indicator,period,Value,VALUE\nx,2020,1,2\n');
    const cases = await readTable(source({ file: 'cases.csv' }), { ...options, root: dir });
    expect(cases.issues.map((i) => i.message)).toEqual([msg.duplicateColumn('value', ['Value', 'VALUE'], [2, 3])]);
    writeFileSync(join(dir, 'wide-twice.csv'), 'indicator,2010,2011,2010.0\nx,1,2,3\n');
    const wide = await readTable(source({ file: 'wide-twice.csv', format: 'wide' }), { ...options, root: dir });
    expect(wide.issues.map((i) => [i.column, i.message])).toEqual([
      [4, msg.duplicatePeriodColumn('2010', ['2010', '2010.0'], [1, 3])],
    ]);
    expect(wide.table.series).toEqual([]);
  });
});
