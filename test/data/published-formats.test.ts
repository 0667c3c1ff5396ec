// Files shaped exactly like the ones statistics offices and health systems publish
// (test/fixtures/data/published/), read as a user would configure them, with the values
// a user would check by hand against the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReadTableOptions, readTable } from '../../src/data/read-table.js';
import type { Series } from '../../src/data/series.js';
import { dataEn as msg } from '../../src/messages/data.js';
import { formatIssue } from '../../src/spec/issues.js';
import { type DataSource, dataSourceSchema } from '../../src/spec/schema.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'data', 'published');
const options: ReadTableOptions = { root, fiscalYearStart: 1, matchColumns: [] };
const source = (fields: Record<string, unknown>): DataSource => dataSourceSchema.parse({ id: 'src', ...fields });

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mel-published-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const find = (series: readonly Series[], keys: Record<string, string>) =>
  series.find((s) => Object.entries(keys).every(([k, v]) => s.keys[k] === v));
const values = (s: Series | undefined) => s && Array.from(s.values, (v) => (Number.isNaN(v) ? null : v));
const periods = (s: Series | undefined) => s?.periods.map((p) => p.id);

describe('a World Bank API_*.csv re-saved by a French-locale Excel', () => {
  const wb = source({
    file: 'API_SH.STA.STNT.ZS_DS2_fr_excel.csv',
    format: 'wide',
    columns: { indicator: 'Indicator Code' },
    id_columns: ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'],
    disaggregations: ['Country Code'],
  });
  const kenyaOnly = { ...options, matches: [{ 'Indicator Code': 'SH.STA.STNT.ZS', 'Country Code': 'KEN' }] };

  it('finds the header on line 5 below the preamble, and reads rows short of the empty last column', async () => {
    const { table, issues } = await readTable(wb, kenyaOnly);
    expect(table.reading).toMatchObject({ headerLine: 5, delimiter: ';', decimal: ',' });
    const kenya = find(table.series, { 'Country Code': 'KEN' });
    expect(periods(kenya)).toEqual(['2019', '2020', '2021', '2022']);
    expect(values(kenya)).toEqual([19.4, 18.9, 18.4, 17.6]);
    expect(Array.from(kenya?.lines ?? [])).toEqual([8, 8, 8, 8]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('counts the problems of countries no indicator uses into one warning that blocks nothing', async () => {
    const { issues } = await readTable(wb, kenyaOnly);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', line: 7, column: 8 });
    expect(issues[0]!.message).toMatch(/^2 problems in rows that no indicator uses \(2 values that are not numbers; /);
    expect(issues[0]!.message).toContain(' numbers; from line 7, column 8 to line 9, column 7)');
  });

  it('makes the same problems errors when an indicator uses those rows', async () => {
    const { issues } = await readTable(wb, options);
    expect(issues.map((i) => [i.severity, i.line, i.column])).toEqual([
      ['error', 7, 8],
      ['error', 9, 7],
    ]);
  });
});

describe('a World Bank API_*.csv as downloaded, with nothing but `format: wide`', () => {
  it('takes the layout’s columns: Indicator Code, the four id columns, Country Code as the breakdown', async () => {
    const { table, issues } = await readTable(source({ file: '../world-bank.csv', format: 'wide' }), options);
    expect(issues).toEqual([]);
    expect(table.indicatorColumn).toBe('Indicator Code');
    expect(table.disaggregations).toEqual(['Country Code']);
    const peru = find(table.series, { 'Indicator Code': 'SH.STA.STNT.ZS', 'Country Code': 'PER' });
    expect(values(peru)).toEqual([23.2, 19.5, 18.4, 17.5]);
  });
});

describe('SDMX-CSV', () => {
  it('reads a .Stat Suite (OECD) export with ID and label column pairs and OBS_STATUS', async () => {
    const { table, issues } = await readTable(
      source({ file: 'oecd-DF_IALFS_UNE_M.csv', format: 'sdmx-csv', columns: { indicator: 'MEASURE' } }),
      options,
    );
    expect(issues).toEqual([]);
    // Every dimension but the indicator and the period breaks the series down; label columns are gone.
    expect(table.disaggregations).toEqual(['REF_AREA', 'FREQ', 'UNIT_MEASURE', 'ADJUSTMENT', 'SEX', 'AGE']);
    expect(table.impliedDisaggregations).toEqual(table.disaggregations);
    const total = find(table.series, { MEASURE: 'UNE_LF_M', SEX: '_T', AGE: 'Y15T24', REF_AREA: 'ESP' });
    expect(periods(total)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(values(total)).toEqual([28.7, 28.4, 27.9]);
    // OBS_STATUS A (normal value) is not a note; E is, with its label.
    expect(total?.notes).toEqual([undefined, undefined, 'OBS_STATUS: E (Estimated value)']);
    const male = find(table.series, { SEX: 'M' });
    expect(values(male)).toEqual([27.9, null]);
    expect(male?.notes?.[1]).toBe('OBS_STATUS: M (Missing value; data cannot exist)');
  });

  it('reads a UNICEF export with IDs and labels in one column (labels=both), codes or names', async () => {
    const unicef = source({ file: 'unicef-NT_ANT_HAZ_NE2_MOD.csv', format: 'sdmx-csv' });
    const { table, issues } = await readTable(unicef, options);
    expect(issues).toEqual([]);
    expect(table.disaggregations).toEqual(['REF_AREA', 'SEX']); // AGE comes after OBS_VALUE: an attribute column
    const kenya = find(table.series, { INDICATOR: 'NT_ANT_HAZ_NE2_MOD', REF_AREA: 'KEN', SEX: '_T' });
    expect(periods(kenya)).toEqual(['2014', '2020', '2022']);
    expect(values(kenya)).toEqual([26.2, 18.9, 17.6]);
    expect(kenya?.notes).toEqual([undefined, 'OBS_STATUS: E (Estimated value)', undefined]);

    const named = await readTable({ ...unicef, names: true }, options);
    const byName = find(named.table.series, { REF_AREA: 'Kenya', SEX: 'Female' });
    expect(byName?.keys.INDICATOR).toBe('Height-for-age <-2 SD (stunting)');
    expect(values(byName)).toEqual([15.7]);
  });
});

describe('DHIS2 Web API JSON', () => {
  it('reads an analytics response by header name, with ou as a breakdown and rows in any order', async () => {
    const { table, issues } = await readTable(source({ file: 'dhis2-analytics-anc.json', format: 'dhis2' }), options);
    expect(table.disaggregations).toEqual(['ou']);
    const bo = find(table.series, { dx: 'Uvn6LCg7dVU', ou: 'O6uvpzGd5pu' });
    expect(periods(bo)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(values(bo)).toEqual([96.65, 101.22, 98.4]);
    expect(values(find(table.series, { dx: 'OdiHJayrsKo' }))).toEqual([71.3, null]);
    expect(table.missingCount).toBe(1);
    expect(issues).toEqual([]);
  });

  it('uses the display names of metaData.items with names: true', async () => {
    const { table } = await readTable(
      source({ file: 'dhis2-analytics-anc.json', format: 'dhis2', names: true }),
      options,
    );
    const bombali = find(table.series, { dx: 'ANC 1 Coverage', ou: 'Bombali' });
    expect(values(bombali)).toEqual([88.1, 90.5]);
    expect(periods(bombali)).toEqual(['2024-01', '2024-02']); // periods stay codes
  });

  it('reads an older server’s response with metaData.names and ou as a filter', async () => {
    const { table, issues } = await readTable(
      source({ file: 'dhis2-analytics-legacy.json', format: 'dhis2', names: true }),
      options,
    );
    expect(issues).toEqual([]);
    expect(table.disaggregations).toEqual([]);
    const measles = find(table.series, { dx: 'Measles Coverage <1 y' });
    expect(periods(measles)).toEqual(['2016-Q1', '2016-Q2']);
    expect(values(measles)).toEqual([84, 88.9]);
  });

  it('reads a data value set with set-level period and orgUnit, skipping deleted values', async () => {
    const { table, issues } = await readTable(source({ file: 'dhis2-dataValueSet.json', format: 'dhis2' }), options);
    const ix = find(table.series, { dataElement: 'Ix2HsbDMLea' });
    expect(ix?.keys).toEqual({
      dataElement: 'Ix2HsbDMLea',
      orgUnit: 'DiszpKrYNg8',
      categoryOptionCombo: 'bRowv6yZOF2',
    });
    expect(periods(ix)).toEqual(['2014-01', '2014-02']);
    expect(values(ix)).toEqual([14, 17]);
    expect(ix?.notes).toEqual(['recounted', undefined]);
    expect(issues.map(formatIssue)).toEqual([
      `dhis2-dataValueSet.json:$.dataValues[3].value: ` +
        `${msg.nonNumericValue('twelve', 'value', msg.notANumberReason('.', []))}`,
    ]);
  });

  it('says where a broken JSON file breaks, and what a CSV given as JSON is', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.json'), '{\n  "headers": [\n    { "name": "dx" }\n    { "name": "pe" }\n  ]\n}\n');
    const cut = await readTable(source({ file: 'cut.json', format: 'dhis2' }), { ...options, root: dir });
    expect(cut.issues).toHaveLength(1);
    expect(cut.issues[0]).toMatchObject({ severity: 'error', line: 4, column: 5 });
    expect(cut.issues[0]!.message).toMatch(/^this file is not valid JSON: /);
    const csv = await readTable(source({ file: 'dhis2-pivot-anc1.csv', format: 'dhis2' }), options);
    expect(csv.issues.map((i) => [i.line, i.message])).toEqual([[1, msg.notJsonAtAll('periodid,periodname,')]]);
  });
});

describe('a DHIS2 pivot: one row per period, one column per facility', () => {
  const pivot = {
    file: 'dhis2-pivot-anc1.csv',
    format: 'wide',
    periods: 'rows',
    columns: { period: 'periodid' },
    id_columns: ['periodname', 'periodcode', 'perioddescription'],
  };

  it('makes each column a series whose indicator code is its header', async () => {
    const { table, issues } = await readTable(source(pivot), options);
    expect(issues).toEqual([]);
    expect(table.series.map((s) => s.keys.indicator)).toEqual(['Ngelehun CHC', 'Njandama MCHP', 'Baoma Station CHP']);
    const njandama = find(table.series, { indicator: 'Njandama MCHP' });
    expect(periods(njandama)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(values(njandama)).toEqual([7, 9, 11]);
    expect(values(find(table.series, { indicator: 'Baoma Station CHP' }))).toEqual([4, 6]); // empty cells: no value
  });

  it('with `indicator:`, makes each column a breakdown of that one indicator', async () => {
    const { table } = await readTable(source({ ...pivot, indicator: 'ANC1', disaggregations: ['facility'] }), options);
    expect(table.keyColumns).toEqual(['indicator', 'facility']);
    expect(find(table.series, { indicator: 'ANC1', facility: 'Ngelehun CHC' })?.values).toEqual(
      Float64Array.from([12, 15]),
    );
  });
});

describe('a Eurostat TSV with flags', () => {
  const eurostat = source({ file: 'estat_une_rt_a.tsv', format: 'eurostat-tsv', indicator: 'UNE-RT-Y15-24' });

  it('splits the packed first column into dimensions and reads flagged values with their notes', async () => {
    const { table, issues } = await readTable(eurostat, options);
    expect(issues).toEqual([]);
    expect(table.keyColumns).toEqual(['freq', 'age', 'unit', 'sex', 'geo', 'indicator']);
    const spain = find(table.series, { geo: 'ES', unit: 'PC_ACT' });
    expect(periods(spain)).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(values(spain)).toEqual([32.5, 38.3, 34.8, 29.8, 28.7]);
    expect(spain?.notes?.[2]).toEqual({ en: 'b (break in time series)', es: 'b (ruptura de la serie temporal)' });
    const malta = find(table.series, { geo: 'MT' });
    expect(values(malta)).toEqual([9.3, null, 10.3, null, null]);
    expect(malta?.notes).toEqual([
      undefined,
      { en: 'u (low reliability)', es: 'u (fiabilidad baja)' },
      { en: 'u (low reliability)', es: 'u (fiabilidad baja)' },
      { en: 'c (confidential)', es: 'c (confidencial)' },
      undefined,
    ]);
    expect(table.missingCount).toBe(3);
  });

  it('reports a problem at its column of the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.tsv'), 'unit,geo\\time\t2021 \t2020 \nPC,ES\t34.8 b\t3x.1 \nPC\t1 \t2 \n');
    const { table, issues } = await readTable({ ...eurostat, file: 'bad.tsv' }, { ...options, root: dir });
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 3, msg.nonNumericValue('3x.1', '2020', msg.notANumberReason('.', []))],
      [3, 1, msg.wrongDimensionCount(1, 2)],
    ]);
    expect(values(find(table.series, { geo: 'ES' }))).toEqual([34.8]);
  });
});

describe('a one-indicator file from Spain’s INE (no indicator column)', () => {
  it('gives every row the code of `indicator:` and reads 2024T1 as a quarter', async () => {
    const { table, issues } = await readTable(
      source({
        file: 'ine-65349-paro-menores-25.csv',
        indicator: 'PARO-MENORES-25',
        columns: { period: 'Periodo', value: 'Total' },
        disaggregations: ['Sexo', 'Comunidades y Ciudades Autónomas'],
      }),
      options,
    );
    expect(issues).toEqual([]);
    const national = find(table.series, { Sexo: 'Ambos sexos', 'Comunidades y Ciudades Autónomas': 'Total Nacional' });
    expect(national?.keys.indicator).toBe('PARO-MENORES-25');
    expect(periods(national)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
    expect(values(national)).toEqual([28.38, 28.69, 26.5]);
  });
});
