// Why a value is missing is mel's words, so a Spanish pack says it in Spanish: the Data
// sheet's reason column and data.csv's `missing_reason`, for a file's missing marker (NA),
// a Eurostat flag on a missing value, and a formula dividing by zero. The user's own
// texts (names, sources) stay as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportMessages } from '../../src/messages/report.js';
import { buildPack } from '../../src/report/build-pack.js';
import { flatDataCsv } from '../../src/report/flat-data-csv.js';
import { layOutWorkbook } from '../../src/report/workbook/build-workbook.js';
import type { Locale } from '../../src/spec/schema.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { writeProgramme } from '../helpers/programme.js';
import { TINY_PNG } from './pack-fixture.js';
import { readBack } from './read-back.js';

const dir = writeProgramme({
  'indicators/program.yaml': `program:
  id: reasons
  name: Missing values
  period: { start: 2019, end: 2030 }
  as_of: 2023
results:
  - { id: G1, level: impact, statement: Goal }
data:
  - { id: d, file: data/d.csv }
  - { id: eurostat, file: data/une_rt_a.tsv, format: eurostat-tsv, indicator: UNE-RT-Y15-24 }
`,
  'indicators/visits.yaml':
    'id: VISITS\nname: Visits\nresult: G1\nunit: number\ndirection: increase\nseries: { data: d }\n',
  'indicators/staff.yaml':
    'id: STAFF\nname: Staff\nresult: G1\nunit: number\ndirection: increase\nseries: { data: d }\n',
  'indicators/per-staff.yaml':
    'id: PER-STAFF\nname: Visits per staff\nresult: G1\nunit: number\ndirection: increase\n' +
    'formula: v / s\ninputs: { v: VISITS, s: STAFF }\n',
  'indicators/mt.yaml': `id: UNE-MT
name: Youth unemployment rate, Malta
result: G1
unit: percent
direction: decrease
series: { data: eurostat, match: { geo: MT, unit: PC_ACT } }
`,
  'data/d.csv': 'indicator,period,value\nVISITS,2020,120\nVISITS,2021,NA\nSTAFF,2020,0\nSTAFF,2021,4\n',
  'data/une_rt_a.tsv': readFileSync(join(import.meta.dirname, '../fixtures/data/published/estat_une_rt_a.tsv')),
});

/** [indicator, period, reason] of every missing value, from the pack's Data sheet and data.csv. */
async function reasons(locale: Locale) {
  const { workspace, issues } = await loadWorkspace(dir, 'indicators/program.yaml');
  if (!workspace) throw new Error('the programme does not load');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  const csv: string[][] = parse(
    Buffer.concat(Array.from(flatDataCsv(workspace.program, workspace.data, locale), (c) => Buffer.from(c))),
    {
      bom: true,
    },
  );
  const [header = [], ...rows] = csv;
  const at = (name: string) => header.indexOf(name);
  const fromCsv = rows
    .filter((r) => r[at('value')] === '')
    .map((r) => [r[at('indicator')], r[at('period')], r[at('missing_reason')]]);

  const built = await buildPack(workspace, {
    locale,
    engineVersion: 'test',
    runTime: '2024-01-01T00:00:00Z',
    inputFiles: [],
    renderCharts: async (charts) => charts.map(() => TINY_PNG),
    chartMode: 'native',
  });
  const workbook = await readBack(layOutWorkbook(built.input).workbook);
  const c = reportMessages[locale].columns;
  const sheet = workbook.worksheets.find((ws) => ws.getRow(1).values.toString().includes(c.missingReason));
  if (!sheet) throw new Error('no Data sheet');
  const cells = (sheet.getRow(1).values as unknown[]).map(String);
  const col = (name: string) => cells.indexOf(name);
  const fromSheet: unknown[][] = [];
  sheet.eachRow((row, n) => {
    const reason = row.getCell(col(c.missingReason)).value;
    if (n > 1 && reason)
      fromSheet.push([row.getCell(col(c.indicator)).value, row.getCell(col(c.period)).value, reason]);
  });
  return { fromCsv, fromSheet };
}

describe("a missing value's reason, in the pack's language", () => {
  it('Spanish: the Data sheet and data.csv say why in Spanish', async () => {
    const { fromCsv, fromSheet } = await reasons('es');
    const expected = [
      ['PER-STAFF', '2020', 'división por cero (s (STAFF) es 0)'],
      ['PER-STAFF', '2021', 'no hay valor para v (VISITS)'],
      ['UNE-MT', '2020', 'el archivo marca este valor como faltante (u (fiabilidad baja))'],
      ['UNE-MT', '2022', 'el archivo marca este valor como faltante (c (confidencial))'],
      ['UNE-MT', '2023', 'el archivo marca este valor como faltante'],
      ['VISITS', '2021', 'el archivo marca este valor como faltante'],
    ];
    expect(fromCsv.sort()).toEqual(expected);
    expect(fromSheet.sort()).toEqual(expected);
  });

  it('English: the same reasons in English', async () => {
    const { fromCsv, fromSheet } = await reasons('en');
    const expected = [
      ['PER-STAFF', '2020', 'division by zero (s (STAFF) is 0)'],
      ['PER-STAFF', '2021', 'no value for v (VISITS)'],
      ['UNE-MT', '2020', 'the file marks this value as missing (u (low reliability))'],
      ['UNE-MT', '2022', 'the file marks this value as missing (c (confidential))'],
      ['UNE-MT', '2023', 'the file marks this value as missing'],
      ['VISITS', '2021', 'the file marks this value as missing'],
    ];
    expect(fromCsv.sort()).toEqual(expected);
    expect(fromSheet.sort()).toEqual(expected);
  });
});
