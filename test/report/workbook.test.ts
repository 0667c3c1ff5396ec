import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportMessages, statusLabel } from '../../src/messages/report.js';
import { buildWorkbook, packSheetNames } from '../../src/report/workbook/build-workbook.js';
import { packageWorkbook } from '../../src/report/workbook/xlsx-package.js';
import { SheetNames, sanitizeSheetName } from '../../src/report/workbook/sheet-names.js';
import { beyondTenPercent, percentMet } from '../../src/report/workbook/tracking-sheet.js';
import { colBreaksXml, columnBreaks } from '../../src/report/workbook/column-breaks.js';
import { unzipSync } from 'fflate';
import { valueFormat } from '../../src/report/workbook/styles.js';
import type { PackInput } from '../../src/report/pack-input.js';
import { lastColumnUsed, parseRange, rowsTooLow } from './layout-checks.js';
import { FORMULA_NAME, FORMULA_SOURCE, LONG_ID, packFixture } from './pack-fixture.js';

/** Builds the pack, writes it as an .xlsx and reads it back, as a donor's Excel would. */
async function roundTrip(input: PackInput): Promise<ExcelJS.Workbook> {
  const built = buildWorkbook(input);
  const buffer = await packageWorkbook(built, built.created);
  return new ExcelJS.Workbook().xlsx.load(buffer.buffer);
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Every non-empty cell of a workbook, as [sheet, cell]. */
function everyCell(wb: ExcelJS.Workbook): [ExcelJS.Worksheet, ExcelJS.Cell][] {
  const out: [ExcelJS.Worksheet, ExcelJS.Cell][] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => out.push([ws, cell])));
  return out;
}

/** The row whose column `col` holds each of the given texts in turn (first match). */
function findRow(ws: ExcelJS.Worksheet, predicate: (row: ExcelJS.Row) => boolean): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && predicate(row)) found = row;
  });
  if (!found) throw new Error(`no matching row in ${ws.name}`);
  return found;
}

/** The column (1-based) of a header text in a row. */
function columnOf(row: ExcelJS.Row, text: string, from = 1): number {
  for (let c = from; c <= row.cellCount; c++) if (row.getCell(c).value === text) return c;
  throw new Error(`no header "${text}"`);
}

const en = reportMessages.en;
const es = reportMessages.es;

describe('the Excel progress pack', () => {
  it('has every sheet, in order, with valid names (a long indicator id is cut to 31 characters)', async () => {
    const wb = await roundTrip(packFixture());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Tracking table',
      'PE-STUNT',
      'GE-BUDGET',
      LONG_ID.slice(0, 31),
      'SMART review',
      'Data quality',
      'Method inputs',
      'Data',
      'About',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('summarises each headline: its trend, baseline, latest, target, progress as a percentage and status', async () => {
    const input = packFixture();
    const wb = await roundTrip(input);
    const ws = sheet(wb, 'Summary');
    expect(ws.getCell('A1').value).toBe(input.program.name);
    expect(ws.getCell('B2').value).toBe('care-test');
    expect(ws.getCell('B3').value).toBe('2013');
    expect(ws.getCell('B4').value).toBe('Trajectory (progress ratio)');

    const header = findRow(ws, (r) => r.getCell(1).value === en.columns.level);
    const col = (label: string) => columnOf(header, label);
    const pe = findRow(ws, (r) => r.getCell(col(en.columns.indicator)).value === 'PE-STUNT');
    const doc = input.doc.results[0]!;
    expect(pe.getCell(col(en.columns.level)).value).toBe('Impact');
    expect(pe.getCell(col(en.columns.result)).value).toBe('PE-G');
    expect(pe.getCell(col(en.columns.baseline)).value).toBe(doc.baseline!.value);
    expect(pe.getCell(col(en.columns.baselinePeriod)).value).toBe('2007');
    expect(pe.getCell(col(en.columns.latest)).value).toBe(doc.latest!.value);
    expect(pe.getCell(col(en.columns.latestPeriod)).value).toBe('2013');
    expect(pe.getCell(col(en.columns.target)).value).toBe(doc.target!.value);
    expect(pe.getCell(col(en.columns.targetPeriod)).value).toBe('2021');
    // 116 % of the expected change: a number shown as a percentage, never 1.16.
    const ratio = pe.getCell(col(en.columns.progressRatio));
    expect(ratio.value).toBe(doc.progress_ratio);
    expect(ratio.type).toBe(ExcelJS.ValueType.Number);
    expect(ratio.numFmt).toBe('0%');
    // Periods in cells of their own, centred: "17.5" and "2013" never read as one.
    expect(pe.getCell(col(en.columns.latestPeriod)).alignment).toMatchObject({ horizontal: 'center' });
    for (const label of [en.columns.baseline, en.columns.latest, en.columns.target]) {
      expect(pe.getCell(col(label)).type).toBe(ExcelJS.ValueType.Number);
      expect(pe.getCell(col(label)).numFmt).toBe('0.0');
    }

    // Status: the word AND the colour.
    const status = pe.getCell(col(en.columns.status));
    expect(status.value).toBe('On track');
    expect(status.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCDE8C0' } });
    const deteriorating = findRow(ws, (r) => r.getCell(col(en.columns.breakdown)).value === 'agriculture').getCell(
      col(en.columns.status),
    );
    expect(deteriorating.value).toBe('Deteriorating');
    expect(deteriorating.font?.color?.argb).toBe('FFFFFFFF');

    // An indicator without a headline shows each breakdown; counts cover the rows shown.
    const rows: string[] = [];
    ws.eachRow((r, n) => {
      if (n > header.number)
        rows.push(`${r.getCell(col(en.columns.indicator)).value} ${r.getCell(col(en.columns.breakdown)).value}`);
    });
    expect(rows).toEqual(['PE-STUNT Total', 'GE-BUDGET agriculture', 'GE-BUDGET health', `${LONG_ID} Total`]);
    const statusRow = findRow(ws, (r) => r.getCell(1).value === en.summary.statusCounts);
    const countRow = ws.getRow(statusRow.number + 1);
    const counts: Record<string, unknown> = {};
    for (let c = 2; c <= 9; c++) counts[String(statusRow.getCell(c).value)] = countRow.getCell(c).value;
    expect(counts).toEqual({
      Achieved: 0,
      'On track': 1,
      'At risk': 0,
      'Off track': 1,
      Deteriorating: 1,
      Missed: 0,
      'No data': 1,
      'No target': 0,
    });
    // The strip: each status in its colour, its count below in the same colour.
    expect(countRow.getCell(3).fill).toMatchObject({ fgColor: { argb: 'FFCDE8C0' } });
    expect(countRow.getCell(3).numFmt).toBe('0');
    // A trend image on each row that shows one result, in the Trend column.
    const trend = col(en.summary.trend);
    const images = ws.getImages();
    expect(images).toHaveLength(3);
    expect(images.every((i) => Math.floor(i.range.tl.col) === trend - 1)).toBe(true);
    expect(images.map((i) => Math.floor(i.range.tl.row) + 1).sort()).toEqual(
      [
        pe.number,
        ...['agriculture', 'health'].map(
          (b) => findRow(ws, (r) => r.getCell(col(en.columns.breakdown)).value === b).number,
        ),
      ].sort(),
    );
  });

  it('lays out the tracking table as an IPTT: results framework rows, LOP, a group per reporting period', async () => {
    const input = packFixture();
    const wb = await roundTrip(input);
    const ws = sheet(wb, 'Tracking table');
    expect(ws.getCell('A1').value).toBe(en.tracking.title);
    expect(ws.getCell('A2').value).toBe(input.program.name);
    expect(ws.getCell('A3').value).toBe(en.tracking.periodLine('2006', '2025', '2013', 'annual'));
    const groups = ws.getRow(6);
    const labels = ws.getRow(7);
    expect((labels.values as unknown[]).slice(1, 15)).toEqual([
      en.tracking.number,
      en.columns.indicator,
      en.columns.breakdown,
      en.columns.unit,
      en.columns.direction,
      en.columns.baseline,
      en.columns.baselinePeriod,
      en.columns.lopTarget,
      en.columns.targetToDate,
      en.columns.actualToDate,
      en.columns.percentOfLop,
      en.columns.progress,
      en.columns.status,
      en.columns.dataAge,
    ]);
    expect(groups.getCell(8).value).toBe(en.tracking.lifeOfProgramme);
    // Reporting periods in time order, each over Target / Actual / % met: the years up to
    // as-of with a target or an actual, then the later years with a target.
    const periodColumns: Record<string, number> = {};
    for (let c = 15; labels.getCell(c).value === en.tracking.target; c += 3) {
      periodColumns[String(groups.getCell(c).value)] = c;
      expect(labels.getCell(c + 1).value).toBe(en.tracking.actual);
      expect(labels.getCell(c + 2).value).toBe(en.tracking.percentMet);
    }
    const later = (year: string) => `${year}\n(${en.tracking.notYetDue})`;
    expect(Object.keys(periodColumns)).toEqual([
      '2007',
      '2008',
      '2009',
      '2010',
      '2011',
      '2012',
      '2013',
      later('2014'),
      later('2021'),
      later('2025'),
    ]);
    const last = 15 + 10 * 3 + 1;
    expect(labels.getCell(last).value).toBe(en.tracking.explanation);
    expect(labels.getCell(last - 1).value).toBe(en.tracking.flaggedPeriods);

    // Rows in the order of the results framework: each result, then its indicators' rows.
    const order: string[] = [];
    ws.eachRow((r, n) => {
      if (n <= 7 || en.tracking.notes.includes(String(r.getCell(1).value))) return;
      const first = String(r.getCell(1).value ?? '');
      if (r.getCell(1).fill && (r.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb === 'FFD9D9D9')
        order.push(first);
      else if (r.getCell(3).value) order.push(`${first} ${r.getCell(3).value}`);
    });
    expect(order).toEqual([
      'Impact · PE-G: Less chronic malnutrition among children under five',
      'PE-STUNT Total',
      'PE-STUNT rural',
      'Outcome · GE-O1: More public money for agriculture',
      'GE-BUDGET agriculture',
      'GE-BUDGET health',
      'Specific objective · ZM-P1: Zambia measures stunting every year',
      `${LONG_ID} Total`,
    ]);

    const row = (indicator: string, breakdown: string) =>
      findRow(ws, (r) => r.number > 7 && r.getCell(1).value === indicator && r.getCell(3).value === breakdown);

    // Life of programme of a level: its last target (6.4 by 2021), the expected value by its
    // latest value's date, its latest value, and the share of the last target met (a decrease: 6.4 / 17.5).
    const pe = row('PE-STUNT', 'Total');
    expect(pe.getCell(2).value).toBe(input.program.indicators[0]!.name);
    expect([8, 9, 10].map((c) => pe.getCell(c).value)).toEqual([6.4, 19.0286, 17.5]);
    expect(pe.getCell(11).value).toBeCloseTo(6.4 / 17.5, 12);
    expect(pe.getCell(11).numFmt).toBe('0%');
    expect(pe.getCell(12).value).toBe(1.1614);
    expect(pe.getCell(13).value).toBe('On track');
    // A breakdown's row does not repeat the indicator's name.
    expect(row('PE-STUNT', 'rural').getCell(2).value ?? null).toBeNull();

    // 2011: the target of 23.5 met with 19.5; a decrease, so % met = 23.5 / 19.5 = 121 %:
    // over-achievement, in its own colour and with ▲.
    const c2011 = periodColumns['2011']!;
    expect(pe.getCell(c2011).value).toBe(23.5);
    expect(pe.getCell(c2011 + 1).value).toBe(19.5);
    const met = pe.getCell(c2011 + 2);
    expect(met.type).toBe(ExcelJS.ValueType.Number);
    expect(met.value).toBeCloseTo(23.5 / 19.5, 12);
    expect(met.numFmt).toBe('0%" ▲"');
    expect(met.fill).toMatchObject({ fgColor: { argb: 'FFBFE1F5' } });
    expect(pe.getCell(last - 1).value).toBe('2011');
    expect(pe.getCell(last).value ?? null).toBeNull();
    // An actual without a target has no % met; a target not yet due has no actual.
    expect(pe.getCell(periodColumns['2013']! + 1).value).toBe(17.5);
    expect(pe.getCell(periodColumns['2013']! + 2).value ?? null).toBeNull();
    expect(pe.getCell(periodColumns[later('2021')]!).value).toBe(6.4);
    expect(pe.getCell(periodColumns[later('2021')]! + 1).value ?? null).toBeNull();

    // Within 10 %: 121,000 against 120,000, % met 101 %, not marked.
    const agri = row('GE-BUDGET', 'agriculture');
    const c2012 = periodColumns['2012']!;
    expect(agri.getCell(c2012).value).toBe(120000);
    expect(agri.getCell(c2012 + 1).value).toBe(121000);
    expect(agri.getCell(c2012 + 2).value).toBeCloseTo(121000 / 120000, 12);
    expect(agri.getCell(c2012 + 2).numFmt).toBe('0%');
    expect((agri.getCell(c2012 + 2).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    // The missed 2013 target: its actual in red with ✗.
    const c2013 = periodColumns['2013']!;
    expect(agri.getCell(c2013 + 1).value).toBe(98000);
    expect(agri.getCell(c2013 + 1).fill).toMatchObject({ fgColor: { argb: 'FFD55E00' } });
    expect(agri.getCell(c2013 + 2).value).toBeCloseTo(98000 / 130000, 12);
    expect(agri.getCell(c2013 + 2).numFmt).toBe('0%" ✗"');
    expect(agri.getCell(last - 1).value).toBe('2013');
    expect(agri.getCell(periodColumns[later('2014')]!).value).toBe(150000);

    // 70,000 against 60,000: 17 % beyond.
    const health = row('GE-BUDGET', 'health');
    expect(health.getCell(c2012 + 2).value).toBeCloseTo(70000 / 60000, 12);
    expect(health.getCell(c2012 + 2).numFmt).toBe('0%" ▲"');
    expect(health.getCell(last - 1).value).toBe('2012');

    // Frozen headers and identifying columns, repeated on every printed page.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7, xSplit: 3 });
    expect(ws.pageSetup.printTitlesRow).toBe('6:7');
    expect(ws.pageSetup.printTitlesColumn).toBe('A:C');
    expect(ws.autoFilter).toBeTruthy();
  });

  it('prints a wide tracking table at a readable scale, breaking pages between whole period groups', async () => {
    const built = buildWorkbook(packFixture());
    const ws = built.getWorksheet('Tracking table');
    if (!ws) throw new Error('no tracking table');
    expect(ws.pageSetup.fitToPage).toBe(false);
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(55);
    const breaks = columnBreaks(ws);
    // The first page ends after the life-of-programme group; then each break ends a period group.
    expect(breaks[0]).toBe(14);
    for (const b of breaks.slice(1)) expect((b - 14) % 3).toBe(0);
    // Written into the sheet's part of the file.
    const parts = unzipSync(new Uint8Array(await packageWorkbook(built, built.created)));
    const xml = Buffer.from(parts[`xl/worksheets/sheet${ws.id}.xml`]!).toString('utf8');
    expect(xml).toContain(colBreaksXml(breaks));
    expect(xml.indexOf('<colBreaks')).toBeGreaterThan(xml.indexOf('</headerFooter>'));
  });

  it("marks an incomplete window of a flow, and shows a flow's LOP figures as the assessment gives them", async () => {
    const input = packFixture();
    const ind = input.program.indicators[1]!;
    input.program.indicators[1] = { ...ind, accumulation: 'sum' };
    const r = input.doc.results[3]!;
    Object.assign(r, { lop_target: 400000, target_to_date: 180000, actual_to_date: 195000.5, percent_of_lop: 0.4875 });
    r.reporting_periods = [
      { period: '2013', target: null, actual: 75000.5, percent_met: null, complete: false, missing: ['2013-12'] },
    ];
    const wb = await roundTrip(input);
    const ws = sheet(wb, 'Tracking table');
    const health = findRow(ws, (x) => x.number > 7 && x.getCell(3).value === 'health');
    expect([8, 9, 10, 11].map((c) => health.getCell(c).value)).toEqual([400000, 180000, 195000.5, 0.4875]);
    const labels = ws.getRow(7);
    let c2013 = 0;
    for (let c = 15; c < 50; c += 3) if (ws.getRow(6).getCell(c).value === '2013') c2013 = c;
    expect(labels.getCell(c2013 + 1).value).toBe(en.tracking.actual);
    expect(health.getCell(c2013 + 1).value).toBe(75000.5);
    expect(health.getCell(c2013 + 1).numFmt).toBe('#,##0.0" *"');
    expect(health.getCell(c2013 + 1).font?.italic).toBe(true);
  });

  it('decides the 10 % variance without binary noise and computes % met as TolaData does', () => {
    expect(beyondTenPercent(110, 100)).toBe(false);
    expect(beyondTenPercent(90, 100)).toBe(false);
    expect(beyondTenPercent(110.01, 100)).toBe(true);
    expect(beyondTenPercent(26.95, 24.5)).toBe(false);
    expect(beyondTenPercent(1, 0)).toBe(true);
    expect(beyondTenPercent(0, 0)).toBe(false);
    expect(percentMet(47, 52, 'increase')).toBeCloseTo(47 / 52, 12);
    expect(percentMet(27, 24, 'decrease')).toBeCloseTo(24 / 27, 12);
    expect(percentMet(0, 24, 'decrease')).toBeNull();
  });

  it('indicator sheet: definition, progress, targets, % met, notes, methods, SMART, references, values', async () => {
    const input = packFixture();
    const wb = await roundTrip(input);
    const ws = sheet(wb, 'PE-STUNT');
    const texts: string[] = [];
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (typeof c.value === 'string') texts.push(c.value);
      }),
    );
    expect(ws.getCell('A1').value).toBe('PE-STUNT: Chronic malnutrition in children under five, Peru');
    const field = (label: string) => findRow(ws, (r) => r.getCell(1).value === label).getCell(2).value;
    expect(field(en.indicator.definition)).toBe(input.program.indicators[0]!.definition);
    expect(field(en.columns.unit)).toBe('% of children under 5 (Percent)');
    expect(field(en.columns.result)).toBe('PE-G (Impact): Less chronic malnutrition among children under five');
    expect(field(en.columns.method)).toBe('Trajectory (progress ratio)');
    // PIRS fields of the file, named in words.
    expect(field('Data source')).toBe('INEI, ENDES');
    expect(field('Frequency and timing')).toBe('continuous survey');
    for (const section of [
      en.indicator.assessment,
      en.indicator.targets,
      en.indicator.notes,
      en.indicator.methodVerdicts,
      en.indicator.smart,
      en.indicator.references,
      en.indicator.values,
    ]) {
      expect(texts).toContain(section);
    }
    // No file path and no raw method input name on the sheet.
    expect(texts.some((t) => t.includes('stunting.csv'))).toBe(false);
    expect(texts).not.toContain('cagr_observed');

    // Progress: each value with its period in a cell of its own, progress as a percentage.
    const progressHeader = findRow(
      ws,
      (r) => r.getCell(1).value === en.columns.breakdown && r.getCell(2).value === en.columns.baseline,
    );
    const rural = findRow(ws, (r) => r.number > progressHeader.number && r.getCell(1).value === 'rural');
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((c) => rural.getCell(c).value)).toEqual([
      46.3,
      '2007',
      32.3,
      '2013',
      6.4,
      '2021',
      29.2,
      0.8187,
    ]);
    expect(rural.getCell(9).numFmt).toBe('0%');
    expect(rural.getCell(10).value).toBe('At risk');

    // Targets: the 2011 target of 23.5 (28.5 - 5 points) met with 19.5: % met = 23.5 / 19.5 (a decrease).
    const targetsHeader = findRow(
      ws,
      (r) =>
        r.getCell(1).value === en.columns.breakdown &&
        r.getCell(2).value === en.columns.period &&
        r.getCell(3).value === en.columns.target,
    );
    const t2011 = findRow(
      ws,
      (r) => r.number > targetsHeader.number && r.getCell(1).value === 'Total' && r.getCell(2).value === '2011',
    );
    expect(t2011.getCell(3).value).toBe(23.5);
    expect(t2011.getCell(4).value).toBe('5x5x5 (28.5 - 5 percentage points)');
    expect(t2011.getCell(7).value).toBe('Achieved');
    expect(t2011.getCell(9).value).toBe('2011');
    expect(t2011.getCell(10).value).toBe(19.5);
    expect(t2011.getCell(11).value).toBeCloseTo(23.5 / 19.5, 12);
    expect(t2011.getCell(11).numFmt).toBe('0%');

    // Notes: the status and its reason, the projections in words (value with the indicator's decimals).
    expect(texts).toContain('• Total: On track: 116 % of the expected change has happened.');
    expect(texts).toContain('• Total: Linear (least squares) projection: 4.2 in 2021; reaches the target in 2020.');
    expect(texts).toContain('• Total: Compound annual growth projection: 8.9 in 2021; does not reach the target.');

    // Published methods: each method's verdict by its published name and category.
    const openSdg = findRow(ws, (r) => r.getCell(2).value === 'Open SDG progress (Statistics Canada)');
    expect(openSdg.getCell(5).value).toBe('Substantial progress');
    expect(openSdg.getCell(7).value).toBe(4.2857);

    // Values: one row per period, one column per series; a missing value is an empty cell.
    const valuesHeader = findRow(ws, (r) => r.getCell(1).value === en.columns.period && r.getCell(2).value === 'Total');
    expect(valuesHeader.getCell(3).value).toBe('rural');
    const v2010 = findRow(ws, (r) => r.number > valuesHeader.number && r.getCell(1).value === '2010');
    expect(v2010.getCell(2).value ?? null).toBeNull();
    expect(v2010.getCell(3).value).toBe(38.8);
    const v2011 = findRow(ws, (r) => r.number > valuesHeader.number && r.getCell(1).value === '2011');
    expect([v2011.getCell(2).value, v2011.getCell(3).value]).toEqual([19.5, 37]);
    expect(v2011.getCell(2).numFmt).toBe('0.0');

    const reference = findRow(ws, (r) => r.getCell(1).value === 'ENDES 2013');
    expect(reference.getCell(6).value).toMatchObject({ hyperlink: 'https://proyectos.inei.gob.pe/endes/' });
    // Only web and mail addresses become links.
    const zm = sheet(wb, LONG_ID.slice(0, 31));
    expect(findRow(zm, (r) => r.getCell(1).value === '@SUM(A1)').getCell(6).value).toBe('javascript:alert(1)');
  });

  it('lists each method input on its own row of the Method inputs sheet, in words and as in methods.md', async () => {
    const input = packFixture();
    const wb = await roundTrip(input);
    const ws = sheet(wb, 'Method inputs');
    const header = findRow(ws, (r) => r.getCell(1).value === en.columns.indicator);
    const col = (label: string) => columnOf(header, label);
    expect(lastColumnUsed(ws)).toBe(9);
    const cagr = findRow(
      ws,
      (r) =>
        r.getCell(1).value === 'PE-STUNT' &&
        r.getCell(2).value === 'Total' &&
        r.getCell(col(en.methodInputs.variable)).value === 'cagr_observed',
    );
    expect(cagr.getCell(col(en.columns.method)).value).toBe('Open SDG progress (Statistics Canada)');
    expect(cagr.getCell(col(en.methodInputs.input)).value).toBe('Observed compound annual growth rate');
    expect(cagr.getCell(col(en.columns.value)).value).toBe(-0.0409621);
    expect(cagr.getCell(col(en.columns.value)).numFmt).toBe('0.0######');
    // The category and score on the method's first row only.
    const first = findRow(
      ws,
      (r) =>
        r.getCell(1).value === 'PE-STUNT' &&
        r.getCell(2).value === 'Total' &&
        r.getCell(col(en.methodInputs.variable)).value === 'base_year',
    );
    expect(first.getCell(col(en.columns.category)).value).toBe('Substantial progress');
    expect(first.getCell(col(en.columns.score)).value).toBe(4.2857);
    expect(cagr.getCell(col(en.columns.category)).value ?? null).toBeNull();
    // A method with no input still has its row, with its reason.
    const aarr = findRow(
      ws,
      (r) =>
        r.getCell(1).value === 'PE-STUNT' &&
        r.getCell(col(en.columns.method)).value === 'Average annual rate of reduction (AARR)',
    );
    expect(aarr.getCell(col(en.columns.reason)).value).toBe('needs a percentage');
    // One row per indicator x breakdown x method x input.
    let rows = 0;
    input.doc.results.forEach((r, i) => {
      for (const o of Object.values({ ...r.methods, ...input.everyMethod[i] }))
        rows += Math.max(1, Object.keys(o?.inputs ?? {}).length);
    });
    let written = 0;
    ws.eachRow((_row, n) => {
      if (n > header.number) written++;
    });
    expect(written).toBe(rows);
  });

  it('embeds each chart as an image on its indicator sheet, as wide as the sheet', async () => {
    const wb = await roundTrip(packFixture());
    const pe = sheet(wb, 'PE-STUNT').getImages();
    expect(pe).toHaveLength(2);
    expect(sheet(wb, 'GE-BUDGET').getImages()).toHaveLength(1);
    expect(sheet(wb, 'Summary').getImages()).toHaveLength(3);
    // The main chart below the definition, the breakdown's at the end, both starting in column A.
    expect(pe.every((i) => i.range.tl.col === 0)).toBe(true);
    expect(pe[0]!.range.tl.row).toBeLessThan(pe[1]!.range.tl.row);
    const media = (wb.model as unknown as { media: { extension?: string; type: string }[] }).media;
    expect(media).toHaveLength(6);
    expect(media.every((m) => m.extension === 'png')).toBe(true);
  });

  it('never turns text from the data into a formula, even when it starts with = + - @', async () => {
    const wb = await roundTrip(packFixture());
    for (const [ws, cell] of everyCell(wb)) {
      expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula, `${ws.name}!${cell.address}`).toBeUndefined();
    }
    const strings = everyCell(wb)
      .filter(([, c]) => c.type === ExcelJS.ValueType.String)
      .map(([ws, c]) => ({ ws: ws.name, c }));
    for (const text of [
      FORMULA_NAME,
      FORMULA_SOURCE,
      '@import',
      '-cmd',
      '=1+2',
      '+cmd|calc',
      '@SUM(A1)',
      '-2+3',
      '=SUM(1) is ambitious',
    ]) {
      const found = strings.filter(({ c }) => c.value === text);
      expect(found.length, text).toBeGreaterThan(0);
      // Marked as text, so it stays text if the officer edits the cell.
      for (const { c } of found) expect(c.numFmt).toBe('@');
    }
    const summary = sheet(wb, 'Summary');
    const name = findRow(summary, (r) => r.getCell(3).value === 'GE-BUDGET').getCell(4);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(FORMULA_NAME);
  });

  it('stores every number as a number with a display format, and never a number as text', async () => {
    const wb = await roundTrip(packFixture());
    for (const [ws, cell] of everyCell(wb)) {
      if (cell.type === ExcelJS.ValueType.Number) {
        expect(cell.numFmt, `${ws.name}!${cell.address}`).toBeTruthy();
        expect(cell.numFmt).not.toBe('General');
      }
    }
    const data = sheet(wb, 'Data');
    const header = data.getRow(1);
    const value = columnOf(header, en.columns.value);
    const line = columnOf(header, en.columns.line);
    data.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.getCell(value);
      expect([ExcelJS.ValueType.Number, ExcelJS.ValueType.Null]).toContain(v.type);
      expect(row.getCell(line).type).toBe(ExcelJS.ValueType.Number);
    });
  });

  it('writes the data flat for pivot tables: every id, each disaggregation in its own column, real dates', async () => {
    const wb = await roundTrip(packFixture());
    const ws = sheet(wb, 'Data');
    const header = ws.getRow(1);
    const names = (header.values as unknown[]).slice(1);
    expect(names).toEqual([
      'Programme id',
      'Result',
      'Level',
      'Indicator',
      'Indicator name',
      'Unit',
      'area',
      'ministry',
      'Period',
      'Period start',
      'Period end',
      'Value',
      'Missing reason',
      'Source',
      'File',
      'Line',
    ]);
    expect(ws.rowCount).toBe(1 + 7 + 7 + 4 + 4);
    const col = (label: string) => columnOf(header, label);
    const health2010 = findRow(
      ws,
      (r) => r.getCell(col('ministry')).value === 'health' && r.getCell(col('Period')).value === '2010',
    );
    expect(health2010.getCell(col('Value')).value).toBe(50000);
    expect(health2010.getCell(col('Source')).value).toBe(FORMULA_SOURCE);
    expect(health2010.getCell(col('Source')).type).toBe(ExcelJS.ValueType.String);
    const start = health2010.getCell(col('Period start'));
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect((start.value as Date).toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(start.numFmt).toBe('yyyy-mm-dd');
    expect((health2010.getCell(col('Period end')).value as Date).toISOString()).toBe('2010-12-31T00:00:00.000Z');
    const missing = findRow(
      ws,
      (r) => r.getCell(col('ministry')).value === 'health' && r.getCell(col('Period')).value === '2011',
    );
    expect(missing.getCell(col('Value')).value ?? null).toBeNull();
    expect(missing.getCell(col('Missing reason')).value).toBe('n/a');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:P23');
  });

  it('lists the SMART findings with status words and colours, then the per-letter summary', async () => {
    const wb = await roundTrip(packFixture());
    const ws = sheet(wb, 'SMART review');
    const fail = findRow(ws, (r) => r.getCell(1).value === LONG_ID && r.getCell(3).value === 'Measurable');
    expect(fail.getCell(5).value).toBe('Fail');
    expect(fail.getCell(5).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(fail.getCell(6).value).toBe('No baseline: progress cannot be measured from a known starting point.');
    // The YAML fix is for the terminal (mel smart), never in the pack.
    for (const [, cell] of everyCell(wb)) expect(String(cell.value)).not.toContain('`baseline');
    const summary = findRow(ws, (r) => r.getCell(1).value === 'Measurable' && typeof r.getCell(2).value === 'number');
    expect([summary.getCell(2).value, summary.getCell(3).value, summary.getCell(4).value]).toEqual([2, 0, 1]);
    expect(ws.autoFilter).toBe('A1:G19');
  });

  it('puts each data-quality check in its own section with its own header row', async () => {
    const wb = await roundTrip(packFixture());
    const ws = sheet(wb, 'Data quality');
    const swing = findRow(ws, (r) => r.getCell(3).value === '2011' && r.getCell(5).value === '2012');
    expect(swing.getCell(7).value).toBe(-0.1378);
    expect(swing.getCell(7).numFmt).toBe('0.0%');
    expect(swing.getCell(8).value).toBe('data/peru/stunting.csv:14');
    const outlier = findRow(ws, (r) => r.getCell(1).value === 'GE-BUDGET' && r.getCell(3).value === '2013');
    expect([outlier.getCell(4).value, outlier.getCell(5).value, outlier.getCell(6).value]).toEqual([75000.5, 3.2, 4.1]);
    const missing = findRow(ws, (r) => r.getCell(6).value === '2010');
    expect([missing.getCell(4).value, missing.getCell(5).value]).toEqual([7, 6]);
    const comparison = findRow(ws, (r) => r.getCell(2).value === 'GE-BUDGET' && r.getCell(1).value === 'PE-STUNT');
    expect(comparison.getCell(8).value).toBe('2010');
    expect(comparison.getCell(9).value).toBe(19.6);
    expect(comparison.getCell(10).value).toBe('2012');
    const headers: unknown[] = [];
    ws.eachRow((r) => {
      if (r.getCell(1).value === en.columns.file || r.getCell(1).value === en.columns.indicator)
        headers.push(r.getCell(2).value);
    });
    expect(headers).toEqual([
      en.columns.line,
      en.columns.breakdown,
      en.columns.breakdown,
      en.columns.breakdown,
      en.quality.other,
    ]);
  });

  it('records how the pack was made, dated from the run time, never from the clock', async () => {
    const input = packFixture();
    const built = buildWorkbook(input);
    expect(built.creator).toBe('mel-engine');
    expect(built.created.toISOString()).toBe(input.about.runTime);
    expect(built.modified.toISOString()).toBe(input.about.runTime);
    const wb = await roundTrip(input);
    const ws = sheet(wb, 'About');
    const run = findRow(ws, (r) => r.getCell(1).value === en.about.runTime).getCell(2);
    expect(run.type).toBe(ExcelJS.ValueType.Date);
    expect((run.value as Date).toISOString()).toBe(input.about.runTime);
    expect(findRow(ws, (r) => r.getCell(1).value === 'data/peru/stunting.csv').getCell(2).value).toBe('a'.repeat(64));
    // Each method described with the thresholds it applies, in the pack's language.
    const trajectory = findRow(ws, (r) => r.getCell(1).value === 'Trajectory (progress ratio)').getCell(2).value;
    expect(trajectory).toContain('On track from 0.85, at risk from 0.6');
    const openSdg = findRow(ws, (r) => r.getCell(1).value === 'Open SDG progress (Statistics Canada)').getCell(2).value;
    expect(openSdg).toContain('substantial progress from 0.95, moderate from 0.6');
    expect(openSdg).toContain('substantial from 1.5 % a year, moderate from 0.5 %');
    expect(findRow(ws, (r) => r.getCell(1).value === en.about.roundingRule).getCell(2).value).toBe(
      en.about.rounding(12),
    );
    const es = await roundTrip(packFixture('es'));
    const iptt = findRow(sheet(es, 'Acerca de'), (r) => r.getCell(1).value === 'IPTT % cumplido (TolaData)').getCell(
      2,
    ).value;
    expect(iptt).toContain('dentro de 15 % en torno al 100 %');
    const aarr = findRow(
      sheet(es, 'Acerca de'),
      (r) => r.getCell(1).value === 'Tasa anual promedio de reducción (TAPR)',
    );
    expect(aarr.getCell(2).value).toContain('algún progreso desde 0,5 % al año');
  });

  it("writes a problem's message on the data-quality sheet in the pack's language", async () => {
    const input = packFixture('es');
    input.quality.warnings = [
      {
        severity: 'warning',
        file: 'data/d.csv',
        line: 7,
        column: 3,
        message: 'a note, not data',
        es: 'una nota, no datos',
      },
    ];
    const es = await roundTrip(input);
    expect(findRow(sheet(es, 'Calidad de datos'), (r) => r.getCell(1).value === 'data/d.csv').getCell(4).value).toBe(
      'una nota, no datos',
    );
    const en = await roundTrip({ ...input, locale: 'en' });
    expect(findRow(sheet(en, 'Data quality'), (r) => r.getCell(1).value === 'data/d.csv').getCell(4).value).toBe(
      'a note, not data',
    );
  });

  it('gives the same cell contents for the same input', async () => {
    const dump = async () => {
      const wb = await roundTrip(packFixture());
      return everyCell(wb).map(([ws, c]) => `${ws.name}!${c.address}=${JSON.stringify(c.value)}|${c.numFmt ?? ''}`);
    };
    expect(await dump()).toEqual(await dump());
  });

  it('prints on A4, one page wide but the IPTT; programme and as-of in the header, page numbers below', async () => {
    for (const locale of ['en', 'es'] as const) {
      const input = packFixture(locale);
      const wb = await roundTrip(input);
      const m = reportMessages[locale];
      for (const ws of wb.worksheets) {
        expect(ws.pageSetup.paperSize, ws.name).toBe(9);
        // Every sheet one page wide, but the tracking table: at a fixed scale across pages.
        if (ws.name === m.sheets.tracking) expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(55);
        else {
          expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
          expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
        }
        expect(ws.pageSetup.printArea, ws.name).toMatch(/^A1:[A-Z]+\d+$/);
        expect(ws.headerFooter.oddHeader, ws.name).toContain(input.program.name);
        expect(ws.headerFooter.oddHeader, ws.name).toContain(m.page.asOf('2013'));
        expect(ws.headerFooter.oddFooter, ws.name).toContain('&A');
        expect(ws.headerFooter.oddFooter, ws.name).toContain(m.page.pageOf('&P', '&N'));
      }
      // Indicator sheets: reference sheets, portrait, at most 12 columns.
      for (const id of ['PE-STUNT', 'GE-BUDGET', LONG_ID.slice(0, 31)]) {
        const ws = sheet(wb, id);
        expect(ws.pageSetup.orientation).toBe('portrait');
        expect(lastColumnUsed(ws), id).toBeLessThanOrEqual(12);
        expect(parseRange(ws.pageSetup.printArea ?? '').right).toBeLessThanOrEqual(12);
      }
      // The Summary fits one page; tables repeat their header rows on every page.
      const summary = sheet(wb, m.sheets.summary);
      expect(summary.pageSetup.orientation).toBe('landscape');
      expect(summary.pageSetup.fitToHeight).toBe(1);
      expect(summary.pageSetup.printTitlesRow).toBe('9:9');
      expect(sheet(wb, m.sheets.data).pageSetup.printTitlesRow).toBe('1:1');
    }
  });

  it('gives every row holding wrapped text the height its text needs, in English and Spanish', async () => {
    for (const locale of ['en', 'es'] as const) {
      const input = packFixture(locale);
      // Long texts where they overflowed before: a definition, a reason, a note, a finding.
      input.program.indicators[0]!.definition = 'A definition long enough to wrap over several lines. '.repeat(6);
      input.doc.results[0]!.reason = 'a reason that explains at length why the status is what it is, '.repeat(4);
      input.doc.results[0]!.notes = ['A note. '.repeat(40)];
      const wb = await roundTrip(input);
      expect(rowsTooLow(wb)).toEqual([]);
      // And the rows did grow: the definition's row is several lines high.
      const ws = sheet(wb, 'PE-STUNT');
      const definition = findRow(ws, (r) => r.getCell(1).value === reportMessages[locale].indicator.definition);
      expect(definition.height ?? 15).toBeGreaterThanOrEqual(45);
    }
  });

  it('fits columns to their content, capped at 60 characters', async () => {
    const built = buildWorkbook(packFixture());
    const smart = built.getWorksheet('SMART review');
    // The id column: as wide as the longest id in the font's metrics, plus a margin.
    expect(smart?.getColumn(1).width).toBeGreaterThanOrEqual(LONG_ID.length);
    expect(smart?.getColumn(1).width).toBeLessThanOrEqual(LONG_ID.length + 8);
    for (const ws of built.worksheets) for (const c of ws.columns ?? []) expect(c.width ?? 0).toBeLessThanOrEqual(60);
    const wb = await roundTrip(packFixture());
    expect(sheet(wb, 'Summary').autoFilter).toBe('A9:O13');
  });

  it('uses Spanish labels when the locale is es, and keeps numbers numeric', async () => {
    const wb = await roundTrip(packFixture('es'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Resumen',
      'Tabla de seguimiento',
      'PE-STUNT',
      'GE-BUDGET',
      LONG_ID.slice(0, 31),
      'Revisión SMART',
      'Calidad de datos',
      'Datos de los métodos',
      'Datos',
      'Acerca de',
    ]);
    const summary = sheet(wb, 'Resumen');
    const header = findRow(summary, (r) => r.getCell(1).value === es.columns.level);
    const pe = findRow(summary, (r) => r.getCell(3).value === 'PE-STUNT');
    expect(pe.getCell(columnOf(header, 'Estado')).value).toBe('En camino');
    expect(pe.getCell(columnOf(header, 'Línea de base')).value).toBe(28.5);
    expect(pe.getCell(columnOf(header, 'Línea de base')).type).toBe(ExcelJS.ValueType.Number);
    expect(pe.getCell(1).value).toBe('Impacto');
    const tracking = sheet(wb, 'Tabla de seguimiento');
    expect(tracking.getCell('A1').value).toBe('Tabla de seguimiento del desempeño de los indicadores');
    expect(tracking.getRow(6).getCell(8).value).toBe('Vida del programa');
    expect(tracking.getRow(7).getCell(8).value).toBe('Meta de vida del programa');
    expect(tracking.getRow(7).getCell(15).value).toBe('Meta');
    expect(tracking.getRow(7).getCell(16).value).toBe('Real');
    expect(tracking.getRow(7).getCell(17).value).toBe('% cumplido');
    expect(
      findRow(
        tracking,
        (r) => r.getCell(1).value === 'Impacto · PE-G: Less chronic malnutrition among children under five',
      ).number,
    ).toBeGreaterThan(7);
    const smart = sheet(wb, 'Revisión SMART');
    expect(smart.getRow(2).getCell(3).value).toBe('Específico');
    expect(smart.getRow(2).getCell(5).value).toBe('Cumple');
  });
});

describe('edge cases', () => {
  it('still gives every sheet for a programme with no indicator and no data', async () => {
    const input = packFixture();
    const empty: PackInput = {
      ...input,
      program: { ...input.program, indicators: [], results: [] },
      doc: { ...input.doc, results: [] },
      everyMethod: [],
      smart: { ...input.smart, indicators: [] },
      quality: { warnings: [], outliers: [], swings: [], missingPeriods: [], sourceComparisons: [] },
      data: new Map(),
      charts: [],
      about: { ...input.about, sources: [], methods: [] },
    };
    const wb = await roundTrip(empty);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Tracking table',
      'SMART review',
      'Data quality',
      'Method inputs',
      'Data',
      'About',
    ]);
    const quality = sheet(wb, 'Data quality');
    const nones: unknown[] = [];
    quality.eachRow((r) => {
      if (r.getCell(1).value === en.none) nones.push(r.number);
    });
    expect(nones).toHaveLength(5);
  });

  it('cuts a text longer than an Excel cell holds instead of writing a file Excel must repair', async () => {
    const input = packFixture();
    const stunting = input.data.get('PE-STUNT')!;
    const series = stunting.headline!;
    stunting.headline = { ...series, sources: ['x'.repeat(40_000), ...series.sources.slice(1)] };
    const wb = await roundTrip(input);
    const data = sheet(wb, 'Data');
    const source = columnOf(data.getRow(1), en.columns.source);
    const text = data.getRow(2).getCell(source).value as string;
    expect(text.length).toBe(32_767);
    expect(data.getColumn(source).width).toBe(60);
    expect(data.getRow(2).getCell(source).alignment).toMatchObject({ wrapText: true });
  });

  it('marks a stale row: its data age keeps the number, with the word and a fill', async () => {
    const input = packFixture();
    Object.assign(input.doc.results[0]!, { data_age: 6, stale: true, status: 'missed' });
    const wb = await roundTrip(input);
    const summary = sheet(wb, 'Summary');
    const header = findRow(summary, (r) => r.getCell(1).value === en.columns.level);
    const pe = findRow(summary, (r) => r.getCell(3).value === 'PE-STUNT');
    const age = pe.getCell(columnOf(header, en.columns.dataAge));
    expect(age.value).toBe(6);
    expect(age.numFmt).toBe('0.0#" stale"');
    expect(age.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(pe.getCell(columnOf(header, en.columns.status)).value).toBe('Missed');
  });

  it('writes nothing for a number that is not finite', async () => {
    const input = packFixture();
    input.doc.results[0]!.progress_ratio = Number.NaN;
    input.doc.results[1]!.expected = Number.POSITIVE_INFINITY;
    const wb = await roundTrip(input);
    const summary = sheet(wb, 'Summary');
    const header = findRow(summary, (r) => r.getCell(1).value === en.columns.level);
    const pe = findRow(summary, (r) => r.getCell(3).value === 'PE-STUNT');
    expect(pe.getCell(columnOf(header, en.columns.progressRatio)).value ?? null).toBeNull();
  });
});

describe('the report catalogue', () => {
  it('names every status in English and Spanish', () => {
    expect(statusLabel('en', 'on_track')).toBe('On track');
    expect(statusLabel('es', 'on_track')).toBe('En camino');
    expect(statusLabel('en', 'deteriorating')).toBe('Deteriorating');
    expect(statusLabel('es', 'deteriorating')).toBe('Empeorando');
    expect(statusLabel('es', 'no_target')).toBe('Sin meta');
    expect(statusLabel('es', 'off_track')).toBe('Desviado');
  });

  it('has the same labels in both languages, and valid unique sheet names', () => {
    const keysOf = (o: object, prefix = ''): string[] =>
      Object.entries(o)
        .flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
        .sort();
    expect(keysOf(es)).toEqual(keysOf(en));
    for (const m of [en, es]) {
      const names = Object.values(m.sheets);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const n of names) expect(sanitizeSheetName(n)).toBe(n);
    }
  });
});

describe('sheet names', () => {
  it('replaces forbidden characters, cuts at 31 characters and keeps names unique ignoring case', () => {
    expect(sanitizeSheetName("a[b]:c*d?e/f\\g'")).toBe('a_b__c_d_e_f_g');
    const names = new SheetNames();
    expect(names.take('Data')).toBe('Data');
    expect(names.take('DATA')).toBe('DATA (2)');
    expect(names.take('history')).toBe('history (2)');
    const long = 'X'.repeat(40);
    expect(names.take(long)).toBe('X'.repeat(31));
    expect(names.take(long)).toBe(`${'X'.repeat(27)} (2)`);
  });

  it('gives an indicator named like a fixed sheet a name of its own', () => {
    const input = packFixture();
    const ind = { ...input.program.indicators[0]!, id: 'Summary' };
    const names = packSheetNames({ locale: 'en', program: { ...input.program, indicators: [ind] } });
    expect(names.summary).toBe('Summary');
    expect(names.indicators.get('Summary')).toBe('Summary (2)');
  });
});

describe('value formats', () => {
  it('shows the decimals values have (format-number.ts: unit minimum, at most two from 1 up), thousands split', () => {
    expect(valueFormat('percent', [29.5, 24])).toBe('0.0');
    expect(valueFormat('percent', [29.25])).toBe('0.00');
    expect(valueFormat('ratio', [1])).toBe('0.00');
    expect(valueFormat('number', [12, 15])).toBe('0');
    expect(valueFormat('currency', [1234567.5])).toBe('#,##0.0');
    // Never 7,459.280: two decimals at most for values of 1 and more.
    expect(valueFormat('currency', [7459.2795, 9703.1])).toBe('#,##0.00');
    expect(valueFormat('number', [0.1 + 0.2])).toBe('0.0');
    expect(valueFormat('number', [1 / 3])).toBe('0.000');
  });
});
