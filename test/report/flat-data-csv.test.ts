// data.csv: every row as wide as its header, whatever the breakdown columns; every
// value written as the series holds it, in bytes, however many chunks it takes.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { BreakdownSeries, IndicatorData } from '../../src/data/indicator-data.js';
import { monthPeriod, type Period, yearPeriod } from '../../src/periods/period.js';
import { flatDataCsv } from '../../src/report/flat-data-csv.js';
import type { Program } from '../../src/spec/model.js';
import { starterProgramme } from '../../src/spec/starter-programme.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { writeProgramme } from '../helpers/programme.js';

/** Each chunk is copied as it comes: the next one reuses its memory. */
const copies = (chunks: Iterable<Uint8Array>) => Array.from(chunks, (c) => Buffer.from(c));
const csvText = (chunks: Iterable<Uint8Array>) => Buffer.concat(copies(chunks)).toString('utf8');

async function programmeOf(files: Record<string, string>): Promise<Program> {
  const { workspace } = await loadWorkspace(writeProgramme(files), 'indicators/program.yaml');
  if (!workspace) throw new Error('the programme does not load');
  return workspace.program;
}

type SeriesParts = Partial<Omit<BreakdownSeries, 'values'>> & { periods: Period[]; values: number[] };

const series = (s: SeriesParts): BreakdownSeries => ({
  dims: {},
  sources: [],
  missingReasons: [],
  file: 'data/d.csv',
  origin: 'data',
  ...s,
  values: Float64Array.from(s.values),
  lines: s.lines ?? new Int32Array(s.values.length),
});

describe('data.csv', () => {
  it('the untouched `mel init` programme: headline rows keep their empty breakdown field', async () => {
    const dir = writeProgramme(starterProgramme('starter'));
    const { workspace } = await loadWorkspace(dir, 'indicators/program.yaml');
    if (!workspace) throw new Error('the starter programme does not load');
    const rows: string[][] = parse(csvText(flatDataCsv(workspace.program, workspace.data)), { bom: true });
    const [header = [], ...data] = rows;
    expect(header.slice(6, 9)).toEqual(['area', 'period', 'period_start']);
    expect(data).toHaveLength(9);
    for (const row of data) expect(row).toHaveLength(header.length);
    const national2020 = data.find((r) => r[6] === '' && r[7] === '2020');
    expect(national2020?.[header.indexOf('value')]).toBe('30.1');
    expect(data.filter((r) => r[6] === 'rural').map((r) => r[header.indexOf('value')])).toEqual(['38.4', '36', '34.1']);
  });

  it('writes numbers as the series holds them, quotes and guards texts, says reasons in the locale', async () => {
    const program = await programmeOf({
      'indicators/program.yaml':
        'program: { id: p1, name: P, period: { start: 2019, end: 2030 } }\n' +
        'results:\n  - { id: G1, level: impact, statement: Goal }\n' +
        'data:\n  - { id: d, file: data/d.csv }\n',
      'indicators/a.yaml':
        'id: A\nname: \'Niños "stunted", rural\'\nresult: G1\nunit: percent\nunit_label: "=share"\n' +
        'direction: decrease\nseries: { data: d }\n',
      'data/d.csv': 'indicator,period,value\nA,2020,1\n',
    });
    const reason = { en: 'missing marker NA', es: 'marcador de ausencia NA' };
    const headline = series({
      periods: [2019, 2020, 2021, 2022, 2023, 2024, 2025].map(yearPeriod),
      values: [68.2, Number.NaN, 0.1 + 0.2, -3.25, 120, -0, 0.0005],
      lines: Int32Array.from([12, 13, 0, 15, 16, 17, 18]),
      sources: ['Ministry, "HMIS"', undefined, '@import', 'Survey'],
      missingReasons: [undefined, reason],
    });
    const rural = series({
      dims: { area: 'rural' },
      periods: [monthPeriod(2020, 2), monthPeriod(2020, 3)],
      values: [1e21, 12345678.901],
      lines: Int32Array.from([2, 3]),
      file: 'data/rural, 2020.csv',
    });
    const data = new Map<string, IndicatorData>([['A', { indicatorId: 'A', headline, breakdowns: [rural] }]]);
    const head = 'p1,G1,impact,A,"Niños ""stunted"", rural",\'=share';
    const expected = (missing: string) =>
      '\ufeffprogram,result,level,indicator,indicator_name,unit,area,period,period_start,period_end,' +
      'value,missing_reason,source,file,line\r\n' +
      `${head},,2019,2019-01-01,2019-12-31,68.2,,"Ministry, ""HMIS""",data/d.csv,12\r\n` +
      `${head},,2020,2020-01-01,2020-12-31,,${missing},,data/d.csv,13\r\n` +
      `${head},,2021,2021-01-01,2021-12-31,0.30000000000000004,,'@import,data/d.csv,\r\n` +
      `${head},,2022,2022-01-01,2022-12-31,-3.25,,Survey,data/d.csv,15\r\n` +
      `${head},,2023,2023-01-01,2023-12-31,120,,,data/d.csv,16\r\n` +
      `${head},,2024,2024-01-01,2024-12-31,0,,,data/d.csv,17\r\n` +
      `${head},,2025,2025-01-01,2025-12-31,0.0005,,,data/d.csv,18\r\n` +
      `${head},rural,2020-02,2020-02-01,2020-02-29,1e+21,,,"data/rural, 2020.csv",2\r\n` +
      `${head},rural,2020-03,2020-03-01,2020-03-31,12345678.901,,,"data/rural, 2020.csv",3\r\n`;
    expect(csvText(flatDataCsv(program, data, 'en'))).toBe(expected('missing marker NA'));
    expect(csvText(flatDataCsv(program, data, 'es'))).toBe(expected('marcador de ausencia NA'));
  });

  it('a series longer than a chunk: every row once, in order', async () => {
    const program = await programmeOf({
      'indicators/program.yaml':
        'program: { id: p2, name: P, period: { start: 2000, end: 2030 } }\n' +
        'data:\n  - { id: d, file: data/d.csv }\n',
      'indicators/b.yaml': `id: B\nname: ${'Long name '.repeat(20)}\nunit: number\ndirection: increase\n`,
    });
    const months = Array.from({ length: 12 }, (_, m) => monthPeriod(2020, m + 1));
    // Two periods with one id and other dates: each row keeps its own dates.
    const odd = { ...monthPeriod(2020, 1), start: '2019-12-28', end: '2020-01-27' };
    const n = 6000;
    const b = series({
      periods: Array.from({ length: n }, (_, i) => (i % 13 === 12 ? odd : (months[i % 12] as Period))),
      values: Array.from({ length: n }, (_, i) => i / 10),
      lines: Int32Array.from({ length: n }, (_, i) => i + 2),
    });
    const chunks = copies(flatDataCsv(program, new Map([['B', { indicatorId: 'B', headline: b, breakdowns: [] }]])));
    expect(chunks.length).toBeGreaterThan(1); // some 1.6 MB
    const [header = [], ...rows]: string[][] = parse(csvText(chunks), { bom: true });
    expect(rows).toHaveLength(n);
    const at = (name: string) => header.indexOf(name);
    expect(rows[0]?.slice(at('period'))).toEqual([
      '2020-01',
      '2020-01-01',
      '2020-01-31',
      '0',
      '',
      '',
      'data/d.csv',
      '2',
    ]);
    expect(rows[12]?.slice(at('period'), at('value') + 1)).toEqual(['2020-01', '2019-12-28', '2020-01-27', '1.2']);
    expect(rows[13]?.slice(at('period'), at('value') + 1)).toEqual(['2020-02', '2020-02-01', '2020-02-29', '1.3']);
    expect(rows[5999]?.slice(at('value'))).toEqual(['599.9', '', '', 'data/d.csv', '6001']);
    expect(rows.map((r) => Number(r[at('line')]))).toEqual(Array.from({ length: n }, (_, i) => i + 2));
  });
});
