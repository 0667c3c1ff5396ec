// An Excel workbook as an M&E officer keeps one: a title above the table, month cells
// typed in every way Spanish Excel users type them, a value column whose header cell is
// empty, percentages, a formula, and a note below the table. Written with exceljs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadTableOptions, readTable } from '../../src/data/read-table.js';
import type { Series } from '../../src/data/series.js';
import { dataEn as msg } from '../../src/messages/data.js';
import { formatIssue } from '../../src/spec/issues.js';
import { type DataSource, dataSourceSchema } from '../../src/spec/schema.js';
import { assessDir, headline, writeProgramme } from '../helpers/programme.js';

const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The workbook: a cover sheet, then `Datos`. */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Portada').getCell('A1').value = 'Informe mensual';
  const ws = wb.addWorksheet('Datos');
  ws.getCell('A1').value = 'Programa Nutrición Cusco: indicadores mensuales';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = 'Fuente: HIS MINSA';
  ws.addRow([]);
  ws.getRow(4).values = ['Indicador', 'Distrito', 'Mes', null, 'Observación'];
  const rows: [string, string, ExcelJS.CellValue, ExcelJS.CellValue][] = [
    ['vacunados', 'Anta', utcDate(2024, 1, 1), 120], // row 5: a date cell
    ['vacunados', 'Anta', utcDate(2024, 2, 1), 134],
    ['vacunados', 'Anta', utcDate(2024, 3, 15), 141], // a day inside March
    ['vacunados', 'Urubamba', 45292, 88], // a serial date left as a number: 2024-01-01
    ['vacunados', 'Urubamba', 'febrero 2024', 90],
    ['vacunados', 'Urubamba', '01/03/2024', 97], // row 10: day/month/year
    ['cobertura', 'Anta', 'ene-24', 0.452],
    ['cobertura', 'Anta', 'feb-24', { formula: 'D11+0.016', result: 0.468 }],
    ['cobertura', 'Anta', 'mar-24', 'ciento'], // row 13: not a number
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.values = r;
    if (r[2] instanceof Date) row.getCell(3).numFmt = 'mmm-yy';
    if (r[0] === 'cobertura') row.getCell(4).numFmt = '0.0%';
  });
  ws.getCell('A15').value = 'Nota: datos preliminares, sujetos a revisión.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let dir: string;
let options: ReadTableOptions;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mel-xlsx-'));
  writeFileSync(join(dir, 'cusco.xlsx'), await workbook());
  writeFileSync(join(dir, 'not-a-workbook.xlsx'), 'indicator,period,value\n');
  options = { root: dir, fiscalYearStart: 1, matchColumns: [], frequencyHint: 'monthly' };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = (fields: Record<string, unknown>): DataSource =>
  dataSourceSchema.parse({
    id: 'his',
    file: 'cusco.xlsx',
    format: 'xlsx',
    sheet: 'Datos',
    columns: { indicator: 'Indicador', period: 'Mes', value: 'D' },
    disaggregations: ['Distrito'],
    ...fields,
  });
const find = (series: readonly Series[], keys: Record<string, string>) =>
  series.find((s) => Object.entries(keys).every(([k, v]) => s.keys[k] === v));
const plain = (s: Series | undefined) =>
  s && { periods: s.periods.map((p) => p.id), values: Array.from(s.values), lines: Array.from(s.lines) };

describe('an Excel workbook', () => {
  it('skips the title, names the empty header cell by its letter, and reads month cells of every kind', async () => {
    const { table } = await readTable(source({}), options);
    expect(table.reading.headerLine).toBe(4);
    expect(plain(find(table.series, { Indicador: 'vacunados', Distrito: 'Anta' }))).toEqual({
      periods: ['2024-01', '2024-02', '2024-03'],
      values: [120, 134, 141],
      lines: [5, 6, 7],
    });
    expect(plain(find(table.series, { Indicador: 'vacunados', Distrito: 'Urubamba' }))).toEqual({
      periods: ['2024-01', '2024-02', '2024-03'],
      values: [88, 90, 97],
      lines: [8, 9, 10],
    });
  });

  it('reads a percentage cell as the percentage it shows, and a formula by its result', async () => {
    const { table } = await readTable(source({}), options);
    expect(plain(find(table.series, { Indicador: 'cobertura' }))).toEqual({
      periods: ['2024-01', '2024-02'],
      values: [45.2, 46.8],
      lines: [11, 12],
    });
  });

  it('names problems by cell, and ignores the note below the table with a warning', async () => {
    const { issues } = await readTable(source({}), options);
    expect(issues.map(formatIssue)).toEqual([
      `cusco.xlsx:Datos!D13: ${msg.nonNumericValue('ciento', 'D', msg.notANumberReason('.', []))}`,
      `cusco.xlsx:Datos!A15: warning: ${msg.noteRowIgnored('Nota: datos preliminares, sujetos a revisión.')}`,
    ]);
  });

  it('finds a sheet by position, and names the sheets when one is missing', async () => {
    const byIndex = await readTable(source({ sheet: 2 }), options);
    expect(byIndex.table.series).toHaveLength(3);
    const missing = await readTable(source({ sheet: 'Data' }), options);
    expect(missing.issues.map((i) => i.message)).toEqual([msg.sheetNotFound('Data', ['Portada', 'Datos'])]);
    const csv = await readTable(source({ file: 'not-a-workbook.xlsx' }), options);
    expect(csv.issues).toHaveLength(1);
    expect(csv.issues[0]!.message).toMatch(/^this file cannot be read as an Excel workbook/);
  });
});

describe('a workbook in a programme', () => {
  it('is assessed with its date cells as the months of a monthly indicator', async () => {
    const prog = writeProgramme({
      'indicators/program.yaml': `program:
  id: cusco
  name: Nutrición Cusco
  locale: es
  period: { start: 2024-01, end: 2024-12 }
  as_of: 2024-03
results:
  - { id: G1, level: impacto, statement: Más niños vacunados }
data:
  - { id: his, file: data/cusco.xlsx, format: xlsx, sheet: Datos,
      columns: { indicator: Indicador, period: Mes, value: D }, disaggregations: [Distrito] }
`,
      'indicators/vacunados.yaml': `id: VAC
name: Niños vacunados
result: G1
unit: number
direction: increase
frequency: monthly
series: { data: his, match: { indicator: vacunados } }
aggregate: sum
baseline: { period: 2024-01 }
targets:
  - { period: 2024-12, value: 300 }
`,
      'data/cusco.xlsx': await workbook(),
    });
    try {
      const doc = await assessDir(prog);
      const total = headline(doc);
      expect(total.baseline).toMatchObject({ period: '2024-01', value: 208 });
      expect(total.latest).toMatchObject({ period: '2024-03', value: 238 });
    } finally {
      rmSync(prog, { recursive: true, force: true });
    }
  });
});
