// The size rules of the pack (src/report/workbook/size-rules.ts) on a national-shaped
// programme built in memory: 20 indicators x 100 breakdowns (50 districts x 2 sexes) x
// 60 months. The Data sheet points to data.csv, each sheet stays bounded, the indicator
// sheets hold a breakdown table, the tracking table keeps only the periods with a target.
// MEL_SCALE=1 also builds the full national size (200 x 100 x 60) and logs its times.
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { statuses, type Status } from '../../src/assess/assessment.js';
import { reportMessages } from '../../src/messages/report.js';
import type { PackInput } from '../../src/report/pack-input.js';
import { buildWorkbook } from '../../src/report/workbook/build-workbook.js';
import { dataSheetColumns } from '../../src/report/workbook/data-sheet.js';
import { createPackContext } from '../../src/report/workbook/pack-context.js';
import {
  DATA_SHEET_MAX_ROWS,
  INDICATOR_VALUES_MAX_ROWS,
  MAX_DETAILED_BREAKDOWNS,
  QUALITY_SECTION_MAX_ROWS,
  TRACKING_MAX_PERIODS,
  dataRowsCount,
  dataSheetHoldsEveryRow,
  showsEveryBreakdown,
} from '../../src/report/workbook/size-rules.js';
import { trackingLayout } from '../../src/report/workbook/tracking-sheet.js';
import { packageWorkbook } from '../../src/report/workbook/xlsx-package.js';
import { sheetCells } from '../../src/report/workbook/sheet-cells.js';
import { readBack } from './read-back.js';
import { zipEntries } from './zip-entries.js';
import { TINY_PNG, packFixture, scalePackFixture, scaleValue } from './pack-fixture.js';

const en = reportMessages.en;

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

function findRow(ws: ExcelJS.Worksheet, predicate: (row: ExcelJS.Row) => boolean, from = 1): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.number >= from && predicate(row)) found = row;
  });
  if (!found) throw new Error(`no matching row in ${ws.name}`);
  return found;
}

function columnOf(row: ExcelJS.Row, text: string): number {
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === text) return c;
  throw new Error(`no header "${text}" in row ${row.number}`);
}

/** The cells of a workbook read back from its file. */
function cellCount(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets)
    ws.eachRow((r) => {
      n += r.cellCount;
    });
  return n;
}

/** The cells of a workbook laid out, before it is written (sheet-cells.ts). */
function storedCellCount(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets)
    for (const row of sheetCells(ws).rows) if (row) n += row.styles.filter(Boolean).length;
  return n;
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** Builds and writes the workbook, logging the times; returns the workbook read back. */
async function buildTimed(
  input: PackInput,
  label: string,
): Promise<{ wb: ExcelJS.Workbook; built: ExcelJS.Workbook; file: Buffer }> {
  const t0 = performance.now();
  const built = buildWorkbook(input);
  const t1 = performance.now();
  const buffer = await packageWorkbook(built, built.created);
  const t2 = performance.now();
  console.log(
    `${label}: build ${((t1 - t0) / 1000).toFixed(2)} s, writeBuffer ${((t2 - t1) / 1000).toFixed(2)} s, ` +
      `${storedCellCount(built)} cells, ${mb(buffer.byteLength)} file, heap ` +
      `${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`,
  );
  const wb = await new ExcelJS.Workbook().xlsx.load(buffer.buffer);
  return { wb, built, file: buffer };
}

describe('the pack of a national-shaped programme (20 indicators x 100 breakdowns x 60 months)', () => {
  // The first two indicators also have a headline (total) series; the others have breakdowns only.
  const input = scalePackFixture({ indicators: 20, districts: 50, months: 60, withHeadline: (k) => k < 2 });
  const results = input.doc.results;
  let wb: ExcelJS.Workbook;
  let file: Buffer;
  beforeAll(async () => {
    ({ wb, file } = await buildTimed(input, '20 x 100 x 60'));
  }, 60_000);

  it('counts the flat data rows as data.csv has them, and sends the reader there', () => {
    const rows = 20 * 100 * 60 + 2 * 60;
    expect(dataRowsCount(input)).toBe(rows);
    expect(dataSheetHoldsEveryRow(input)).toBe(false);
    expect(rows).toBeGreaterThan(DATA_SHEET_MAX_ROWS);

    const ws = sheet(wb, 'Data');
    const note = String(ws.getCell('A1').value);
    expect(note).toContain('120,120');
    expect(note).toContain('data.csv');
    expect(String(ws.getCell('A2').value)).toBe(en.data.headlineRowsOnly(120));
    // The header (the columns data.csv has) after a blank row, then the headline rows only.
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(dataSheetColumns(input));
    expect(ws.rowCount).toBe(4 + 120);
    expect(ws.autoFilter).toBe('A4:P124');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const header = ws.getRow(4);
    const first = ws.getRow(5);
    expect(first.getCell(columnOf(header, en.columns.indicator)).value).toBe('IND001');
    expect(first.getCell(columnOf(header, 'district')).value ?? null).toBeNull();
    expect(first.getCell(columnOf(header, en.columns.value)).value).toBe(input.data.get('IND001')!.headline!.values[0]);
  });

  it('keeps every sheet bounded', () => {
    const total = cellCount(wb);
    // 122,120 values, 2,022 results: about 150,000 cells, 40 % of them the data-quality lists.
    expect(total).toBeLessThan(200_000);
    // Five sections of at most QUALITY_SECTION_MAX_ROWS rows each (title, header, note around them).
    expect(sheet(wb, 'Data quality').rowCount).toBeLessThanOrEqual(1 + 5 * (QUALITY_SECTION_MAX_ROWS + 4));
    for (const ws of wb.worksheets)
      if (ws.name !== 'Data quality') expect(ws.rowCount, ws.name).toBeLessThanOrEqual(2_100);
    expect(sheet(wb, 'Summary').rowCount).toBe(10 + 20);
    // Method inputs: the results shown in full only (each indicator's total or first breakdown).
    expect(sheet(wb, 'Method inputs').rowCount).toBeLessThan(20 * 12 + 3);
    // Title block (7 rows), the result groups G1 and O1, every result, a blank row and two notes.
    expect(sheet(wb, 'Tracking table').rowCount).toBe(7 + 2 + results.length + 1 + 2);
    for (let k = 1; k <= 20; k++) expect(sheet(wb, `IND${String(k).padStart(3, '0')}`).rowCount).toBeLessThan(300);
  });

  it('summarises an indicator without a total in one row, its breakdowns counted by status', () => {
    const ws = sheet(wb, 'Summary');
    const header = ws.getRow(10);
    const col = (label: string) => columnOf(header, label);
    const ind3 = results.filter((r) => r.indicator === 'IND003');
    const counts = new Map<Status, number>();
    for (const r of ind3) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);

    const row = findRow(ws, (r) => r.getCell(col(en.columns.indicator)).value === 'IND003', 11);
    expect(row.getCell(col(en.columns.breakdown)).value).toBe('100 breakdowns');
    expect(row.getCell(col(en.summary.breakdowns)).value).toBe(100);
    expect(row.getCell(col(en.columns.latest)).value ?? null).toBeNull();
    for (const s of statuses) expect(row.getCell(col(en.statuses[s])).value, s).toBe(counts.get(s) ?? 0);
    expect(row.getCell(col(en.columns.status)).value).toBe(
      statuses
        .filter((s) => counts.get(s))
        .map((s) => `${en.statuses[s]}: ${counts.get(s)}`)
        .join('; '),
    );

    // An indicator with a total keeps its one headline row.
    const ind1 = findRow(ws, (r) => r.getCell(col(en.columns.indicator)).value === 'IND001', 11);
    expect(ind1.getCell(col(en.columns.breakdown)).value).toBe(en.headline);
    expect(ind1.getCell(col(en.columns.latest)).value).toBe(results[0]!.latest!.value);
    expect(ind1.getCell(col(en.columns.status)).value).toBe(en.statuses[results[0]!.status]);

    // The counts above the table count each breakdown of the grouped indicators.
    expect(ws.getCell('A6').value).toBe(en.summary.statusCountsBreakdowns);
    let sum = 0;
    for (let c = 2; c <= 8; c++) sum += ws.getRow(7).getCell(c).value as number;
    expect(sum).toBe(2 + 18 * 100);
    expect(String(ws.getCell('A8').value)).toBe(en.summary.breakdownsNote(MAX_DETAILED_BREAKDOWNS));
  });

  it('keeps only the reporting periods with a target in the tracking table, after the life-of-programme group', () => {
    const ws = sheet(wb, 'Tracking table');
    const groups = ws.getRow(6);
    const labels = ws.getRow(7);
    // 60 monthly periods with actuals and a target after as-of: more than 24, so the target periods only.
    expect(labels.cellCount).toBe(14 + 2 * 3 + 2);
    expect(String(groups.getCell(1).value)).toBe(
      en.tracking.targetPeriodsOnly(2, 61, en.indicator.dataFileAt('data.csv')),
    );
    expect(groups.getCell(8).value).toBe(en.tracking.lifeOfProgramme);
    expect(groups.getCell(15).value).toBe('2020-12');
    expect(groups.getCell(18).value).toBe(`2025-12\n(${en.tracking.notYetDue})`);
    expect((labels.values as unknown[]).slice(15)).toEqual([
      en.tracking.target,
      en.tracking.actual,
      en.tracking.percentMet,
      en.tracking.target,
      en.tracking.actual,
      en.tracking.percentMet,
      en.tracking.flaggedPeriods,
      en.tracking.explanation,
    ]);

    const r = results.find(
      (x) =>
        x.indicator === 'IND004' && x.disaggregation.district === 'District 017' && x.disaggregation.sex === 'male',
    )!;
    const row = findRow(ws, (x) => x.getCell(1).value === 'IND004' && x.getCell(3).value === 'District 017 / male', 8);
    // Life of programme of a level: the last target, the expected value, the latest value, % of the last target met.
    expect(row.getCell(8).value).toBe(r.target!.value);
    expect(row.getCell(9).value).toBe(r.expected);
    expect(row.getCell(10).value).toBe(r.latest!.value);
    expect(row.getCell(11).value).toBeCloseTo(r.latest!.value / r.target!.value!, 12);
    // 2020-12: the mid-term target, its actual and % met, marked when more than 10 % away.
    const mid = r.targets[0]!;
    const actual = mid.judged_by!.value;
    expect(row.getCell(15).value).toBe(mid.value);
    expect(row.getCell(16).value).toBe(actual);
    expect(row.getCell(17).value).toBeCloseTo(actual / mid.value!, 12);
    const off = Math.abs(actual / mid.value! - 1) > 0.1;
    expect(row.getCell(17).numFmt !== '0%').toBe(off);
    // 2025-12 is not due: a target, no actual.
    expect(row.getCell(18).value).toBe(r.target!.value);
    expect(row.getCell(19).value ?? null).toBeNull();
  });

  it('gives an indicator with many breakdowns a breakdown table, the first one in full as a worked example', () => {
    const ws = sheet(wb, 'IND003');
    const ind3 = results.filter((r) => r.indicator === 'IND003');
    const title = findRow(ws, (r) => r.getCell(1).value === en.indicator.breakdownTable(100));
    const header = findRow(
      ws,
      (r) => r.getCell(1).value === en.columns.breakdown && r.getCell(2).value === 'district',
      title.number,
    );
    // Breakdown, district, sex, baseline, latest, its period, target, its period, expected,
    // progress, status, category.
    expect(ws.autoFilter).toBe(`A${header.number}:L${header.number + 100}`);
    const col = (label: string) => columnOf(header, label);
    expect(col(en.indicator.categoryOf('Trajectory (progress ratio)'))).toBe(12);
    for (const [district, sex] of [
      ['District 001', 'female'],
      ['District 007', 'male'],
      ['District 050', 'male'],
    ]) {
      const r = ind3.find((x) => x.disaggregation.district === district && x.disaggregation.sex === sex)!;
      const row = findRow(ws, (x) => x.getCell(1).value === `${district} / ${sex}`, header.number + 1);
      expect(row.getCell(2).value).toBe(district);
      expect(row.getCell(3).value).toBe(sex);
      expect(row.getCell(col(en.columns.baseline)).value).toBe(r.baseline!.value);
      expect(row.getCell(col(en.columns.latest)).value).toBe(r.latest!.value);
      expect(row.getCell(col(en.columns.latest) + 1).value).toBe('2023-12');
      expect(row.getCell(col(en.columns.target)).value).toBe(r.target!.value);
      expect(row.getCell(col(en.columns.target) + 1).value).toBe('2025-12');
      expect(row.getCell(col(en.columns.expected)).value).toBe(r.expected);
      expect(row.getCell(col(en.columns.progress)).value).toBe(r.progress_ratio);
      expect(row.getCell(col(en.columns.progress)).numFmt).toBe('0%');
      const status = row.getCell(col(en.columns.status));
      expect(status.value).toBe(en.statuses[r.status]);
      expect(status.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(row.getCell(12).value).toBe(en.methodCategories[r.methods.trajectory!.category!]);
    }
    // The counts by status above the table, one cell per status present.
    const counts = ws.getRow(title.number + 1);
    let sum = 0;
    for (let c = 2; c <= 8; c++) {
      const m = /: (\d+)$/.exec(String(counts.getCell(c).value ?? ''));
      if (m) sum += Number(m[1]);
    }
    expect(sum).toBe(100);

    // The first breakdown in full: every method the caller computed for it, its values only.
    const first = ind3[0]!;
    const label = `${first.disaggregation.district} / ${first.disaggregation.sex}`;
    findRow(ws, (r) => r.getCell(1).value === en.indicator.detailExample(label, 100));
    const methods = findRow(
      ws,
      (r) => r.getCell(1).value === en.columns.breakdown && r.getCell(2).value === en.columns.method,
    );
    const methodRows: unknown[] = [];
    ws.eachRow((r) => {
      if (r.number > methods.number && r.number < methods.number + 5 && r.getCell(1).value === label)
        methodRows.push(r.getCell(2).value);
    });
    expect(methodRows).toEqual([
      'Trajectory (progress ratio)',
      'IPTT % met (TolaData)',
      'Open SDG progress (Statistics Canada)',
    ]);
    const values = findRow(ws, (r) => r.getCell(1).value === en.columns.period && r.getCell(2).value === label);
    expect(values.getCell(3).value ?? null).toBeNull();
    let listed = 0;
    ws.eachRow((r) => {
      if (r.number > values.number && typeof r.getCell(2).value === 'number') listed++;
    });
    expect(listed).toBe(60);
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe(
      en.indicator.valuesShown(60, 6000, en.indicator.dataFileAt('data.csv')),
    );
    expect(ws.getImages()).toHaveLength(1);
  });

  it('shows the total in full when the indicator has one, and its breakdowns in the table', () => {
    const ws = sheet(wb, 'IND001');
    findRow(ws, (r) => r.getCell(1).value === en.indicator.detailHeadline(100));
    const assessment = findRow(ws, (r) => r.getCell(1).value === en.indicator.assessment);
    expect(ws.getRow(assessment.number + 2).getCell(1).value).toBe(en.headline);
    const title = findRow(ws, (r) => r.getCell(1).value === en.indicator.breakdownTable(100));
    const header = findRow(
      ws,
      (r) => r.getCell(1).value === en.columns.breakdown && r.getCell(2).value === 'district',
      title.number,
    );
    const rows: unknown[] = [];
    for (let n = header.number + 1; n <= header.number + 101; n++) rows.push(ws.getRow(n).getCell(1).value ?? null);
    expect(rows.slice(0, 2)).toEqual(['District 001 / female', 'District 001 / male']);
    expect(rows[99]).toBe('District 050 / male');
    expect(rows[100]).toBeNull();
    const methods = findRow(
      ws,
      (r) => r.getCell(1).value === en.columns.breakdown && r.getCell(2).value === en.columns.method,
    );
    expect(ws.getRow(methods.number + 1).getCell(1).value).toBe(en.headline);
    expect(ws.getRow(methods.number + 3).getCell(1).value).toBe(en.headline);
    expect(ws.getRow(methods.number + 4).getCell(1).value).not.toBe(en.headline);
  });

  it('stores the chart images as they are (zip method 0), deflates the rest, and they read back byte for byte', () => {
    const entries = zipEntries(file);
    const images = entries.filter((e) => e.name.startsWith('xl/media/'));
    expect(images).toHaveLength(20);
    for (const e of images) expect(e.method, e.name).toBe(0);
    const sheets = entries.filter((e) => e.name.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBeGreaterThan(5);
    for (const e of sheets) expect(e.method, e.name).toBe(8);
    const media = (wb.model as unknown as { media: { extension?: string; buffer?: Buffer }[] }).media;
    expect(media).toHaveLength(20);
    for (const m of media) {
      expect(m.extension).toBe('png');
      expect(Buffer.from(m.buffer!).equals(TINY_PNG)).toBe(true);
    }
  });

  it('cuts the long data-quality sections, keeping the most extreme swings', () => {
    const ws = sheet(wb, 'Data quality');
    const swings = input.quality.swings;
    expect(swings.length).toBeGreaterThan(QUALITY_SECTION_MAX_ROWS);
    const title = findRow(ws, (r) => r.getCell(1).value === `${en.quality.swings}: ${swings.length}`);
    const more = findRow(
      ws,
      (r) => r.getCell(1).value === en.quality.moreLessExtreme(swings.length - QUALITY_SECTION_MAX_ROWS),
    );
    expect(more.number - title.number - 2).toBe(QUALITY_SECTION_MAX_ROWS);
    // Every swing listed is at least as large as every swing left out.
    const listed: number[] = [];
    for (let n = title.number + 2; n < more.number; n++) listed.push(Math.abs(ws.getRow(n).getCell(7).value as number));
    const cut = [...swings].map((s) => Math.abs(s.change)).sort((a, b) => b - a)[QUALITY_SECTION_MAX_ROWS - 1]!;
    expect(Math.min(...listed)).toBeGreaterThanOrEqual(cut);
    // A short section is whole.
    findRow(ws, (r) => r.getCell(1).value === `${en.quality.outliers}: ${input.quality.outliers.length}`);
  });
});

describe('the size rules at their thresholds', () => {
  it('shows every breakdown in full up to six, and switches to the breakdown table at seven', async () => {
    expect(showsEveryBreakdown(MAX_DETAILED_BREAKDOWNS)).toBe(true);
    expect(showsEveryBreakdown(MAX_DETAILED_BREAKDOWNS + 1)).toBe(false);
    const six = await readBack(buildWorkbook(scalePackFixture({ indicators: 1, districts: 3, months: 12 })));
    const ws6 = six.getWorksheet('IND001')!;
    const texts: unknown[] = [];
    ws6.eachRow((r) => texts.push(r.getCell(1).value));
    expect(texts).not.toContain(en.indicator.breakdownTable(6));
    // Every breakdown's values listed, one column each; the summary has each breakdown.
    let valuesHeader: ExcelJS.Row | undefined;
    ws6.eachRow((r) => {
      if (r.getCell(1).value === en.columns.period) valuesHeader = r;
    });
    expect(((valuesHeader?.values ?? []) as unknown[]).slice(2)).toEqual([
      'District 001 / female',
      'District 001 / male',
      'District 002 / female',
      'District 002 / male',
      'District 003 / female',
      'District 003 / male',
    ]);
    expect(six.getWorksheet('Summary')!.rowCount).toBe(9 + 6);
    expect(six.getWorksheet('Summary')!.getCell('A6').value).toBe(en.summary.statusCounts);
    // 12 months and 2 target periods: every period keeps its columns.
    expect(six.getWorksheet('Tracking table')!.getRow(7).cellCount).toBe(14 + 14 * 3 + 2);

    const eight = await readBack(buildWorkbook(scalePackFixture({ indicators: 1, districts: 4, months: 12 })));
    const ws8 = eight.getWorksheet('IND001')!;
    const texts8: unknown[] = [];
    ws8.eachRow((r) => texts8.push(r.getCell(1).value));
    expect(texts8).toContain(en.indicator.breakdownTable(8));
    expect(eight.getWorksheet('Summary')!.rowCount).toBe(10 + 1);
  });

  it('keeps every reporting period up to 24, then only those with a target', () => {
    const layoutOf = (months: number) =>
      trackingLayout(createPackContext(scalePackFixture({ indicators: 1, districts: 1, months })));
    // 22 months with actuals + 2020-12 and 2025-12 with targets, after as-of = 24 periods.
    expect(layoutOf(22)).toMatchObject({ targetWindowsOnly: false, allWindows: TRACKING_MAX_PERIODS });
    const cut = layoutOf(23);
    expect(cut).toMatchObject({ targetWindowsOnly: true, allWindows: 25 });
    expect(cut.windows.map((w) => w.id)).toEqual(['2020-12', '2025-12']);
  });

  it('keeps the latest due target periods and the next one when there are more than 24', async () => {
    const input = scalePackFixture({ indicators: 1, districts: 1, months: 60 });
    const s = input.data.get('IND001')!.breakdowns[0]!;
    for (const r of input.doc.results) {
      r.targets = s.periods.map((p) => ({ period: p.id, value: 50, outcome: 'achieved' as const }));
      r.targets.push({ period: '2025-12', value: 55, outcome: 'not_due' });
      r.reporting_periods = s.periods.map((p, i) => ({
        period: p.id,
        target: 50,
        actual: s.values[i]!,
        percent_met: s.values[i]! / 50,
        complete: true,
      }));
    }
    const layout = trackingLayout(createPackContext(input));
    expect(layout.windows).toHaveLength(TRACKING_MAX_PERIODS);
    expect(layout.windows[0]!.id).toBe('2022-02');
    expect(layout.windows.slice(-2).map((w) => w.id)).toEqual(['2023-12', '2025-12']);
    // The marks still cover every reporting period, shown or not.
    const ws = (await readBack(buildWorkbook(input))).getWorksheet('Tracking table')!;
    const labels = ws.getRow(7);
    const row = findRow(ws, (x) => x.getCell(1).value === 'IND001', 8);
    const flagged = String(row.getCell(columnOf(labels, en.tracking.flaggedPeriods)).value);
    const expected = s.periods.filter((_, i) => Math.abs(scaleValue(0, i) / 50 - 1) > 0.1 + 1e-12).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(flagged).toBe(expected.join(', '));
  });

  it('lists at most 1,000 values on an indicator sheet, whole periods', async () => {
    // 6 breakdowns x 200 months: shown in full, but the values stop at the limit: 166 months of 6.
    const input = scalePackFixture({ indicators: 1, districts: 3, months: 200 });
    const ws = (await readBack(buildWorkbook(input))).getWorksheet('IND001')!;
    const last = ws.getRow(ws.rowCount).getCell(1).value;
    const shown = Math.floor(INDICATOR_VALUES_MAX_ROWS / 6) * 6;
    expect(shown).toBe(996);
    expect(last).toBe(en.indicator.valuesShown(shown, 1200, en.indicator.dataSheetAt('Data')));
  });

  it('shows the methods an every-method entry has, and never fails on a missing or empty one', async () => {
    const input = packFixture();
    input.everyMethod = [{}, { iptt: { category: 'on_target', inputs: {} } }];
    const wb = await readBack(buildWorkbook(input));
    const ws = sheet(wb, 'PE-STUNT');
    const header = findRow(
      ws,
      (r) => r.getCell(1).value === en.columns.breakdown && r.getCell(2).value === en.columns.method,
    );
    const rows: string[] = [];
    for (let n = header.number + 1; ['Total', 'rural'].includes(String(ws.getRow(n).getCell(1).value)); n++)
      rows.push(`${ws.getRow(n).getCell(1).value} ${ws.getRow(n).getCell(2).value}`);
    expect(rows).toEqual([
      'Total Trajectory (progress ratio)',
      'rural Trajectory (progress ratio)',
      'rural IPTT % met (TolaData)',
    ]);
    // GE-BUDGET's results have no entry at all: the assessment's own methods.
    const ge = sheet(wb, 'GE-BUDGET');
    findRow(ge, (r) => r.getCell(1).value === 'agriculture' && r.getCell(2).value === 'Trajectory (progress ratio)');
  });

  it('keeps the small pack as it was: every data row in the Data sheet', async () => {
    const input = packFixture();
    expect(dataRowsCount(input)).toBe(22);
    expect(dataSheetHoldsEveryRow(input)).toBe(true);
    expect((await readBack(buildWorkbook(input))).getWorksheet('Data')!.getCell('A1').value).toBe(en.columns.programId);
  });
});

describe.skipIf(!process.env.MEL_SCALE)('the full national size (MEL_SCALE=1)', () => {
  it('builds and writes 200 indicators x 100 breakdowns x 60 months', async () => {
    const t0 = performance.now();
    const input = scalePackFixture({ indicators: 200, districts: 50, months: 60 });
    console.log(
      `national input: ${input.doc.results.length} results, ${dataRowsCount(input)} ` +
        `values, built in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    );
    const t1 = performance.now();
    const built = buildWorkbook(input);
    const t2 = performance.now();
    const cells = storedCellCount(built);
    const buffer = await packageWorkbook(built, built.created);
    const t3 = performance.now();
    console.log(
      `200 x 100 x 60: build ${((t2 - t1) / 1000).toFixed(2)} s, writeBuffer ${((t3 - t2) / 1000).toFixed(2)} s, ` +
        `${cells} cells, ${mb(buffer.byteLength)} file, heap ` +
        `${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`,
    );
    expect(cells).toBeLessThan(1_500_000);
    for (const ws of built.worksheets) expect(sheetCells(ws).rows.length - 1, ws.name).toBeLessThan(25_000);
  }, 300_000);
});
