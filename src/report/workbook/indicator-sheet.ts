// Sheets 3...: one per indicator, a performance indicator reference sheet (PIRS) that
// prints on one page wide, portrait, in at most PIRS_COLUMNS columns:
//
//   1. what the indicator is: definition, unit, direction, frequency, result, method,
//      data sources (their labels, not file paths), the PIRS fields of its file
//   2. its main chart, as wide as the page
//   3. progress per breakdown: baseline, latest, target (each with its period in a cell
//      of its own), expected value, progress, status
//   4. baseline, targets and how each came out, with its % met
//   5. notes: why each status, the assessment's notes, the projections in words, every
//      published method's verdict
//   6. the SMART findings in plain words, the references
//   7. the values, one column per breakdown (every value with its source, file and line
//      is in the Data sheet), then the charts of the breakdowns
//
// Every method's inputs are on the Method inputs sheet (one row per input), not here.
// Beside the printed page (columns after the last printed one): the main chart's native,
// editable copy and the table of the numbers it plots (native-charts/).
// An indicator with more than MAX_DETAILED_BREAKDOWNS breakdowns (50 districts x 2 sexes)
// shows in full only its headline, or without one its first breakdown as a worked
// example, and then one row per breakdown in a breakdown table.
import type ExcelJS from 'exceljs';
import { statuses, type AssessedTarget, type AssessmentResult, type Status } from '../../assess/assessment.js';
import { letters } from '../../assess/smart-review.js';
import { allSeries, type BreakdownSeries } from '../../data/indicator-data.js';
import { levelLabel, methodCategoryLabel, methodLabel, pirsFieldLabel } from '../../messages/report.js';
import type { Indicator } from '../../spec/model.js';
import type { Accumulation } from '../../spec/schema.js';
import { methodNames } from '../../spec/schema.js';
import type { NativeChart } from '../native-charts/native-chart.js';
import { placeNativeChart } from '../native-charts/place-native-chart.js';
import type { ChartImage } from '../pack-input.js';
import { joinText, type PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, link, num, styled, type SpanCell } from './sheet-writer.js';
import {
  INDICATOR_VALUES_MAX_ROWS,
  TABLE_MAX_ROWS,
  detailedResults,
  isHeadline,
  type NumberedResult,
  showsEveryBreakdown,
} from './size-rules.js';
import { FORMATS, STYLES, findingStyle, statusStyle } from './styles.js';
import { keepBlocksOnPages, type KeptBlock, portraitPagePoints } from './keep-on-page.js';
import { dataAgeCell } from './summary-sheet.js';
import { lopFigures } from './tracking-layout.js';
import { percentMet } from '../../assess/percent-met.js';
import { addPicture } from './workbook-images.js';

/** Columns of an indicator sheet: a label column and ten narrow ones. */
export const PIRS_COLUMNS = 11;
const LABEL_WIDTH = 18;
const COLUMN_WIDTH = 8.5;
/** Most breakdowns given a column of their own in the values table. */
const MAX_VALUE_COLUMNS = PIRS_COLUMNS - 1;

/** The charts' aspect ratio (their PNGs are 1600 x 900). */
const CHART_ASPECT = 9 / 16;
/** Pixels of a row of Excel's default height (15 pt). */
const ROW_PIXELS = 20;

/** Pixels of a column of width w (Excel: 7 px a unit of width, plus 5 of padding). */
const columnPixels = (w: number) => Math.round(w * 7 + 5);
/** The sheet's width in pixels: the width of a chart that fills it. */
export const SHEET_PIXELS = columnPixels(LABEL_WIDTH) + (PIRS_COLUMNS - 1) * columnPixels(COLUMN_WIDTH);

export interface IndicatorSheetInput {
  indicator: Indicator;
  /** This indicator's results (its headline and breakdowns), each with its index. */
  results: NumberedResult[];
  charts: ChartImage[];
  /** Where the sheet's native chart goes, to be added to the workbook's parts once laid out. */
  nativeCharts?: NativeChart[];
}

export function addIndicatorSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  ctx: PackContext,
  part: IndicatorSheetInput,
): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const { indicator: ind } = part;
  const c = m.columns;
  const L = m.indicator;
  const sheet = createSheet(workbook, name, { frozenRows: 0, print: { orientation: 'portrait' } }, ctx.page);
  const w = new SheetWriter(sheet, { textMeasure: COLUMN_WIDTH });
  const all = PIRS_COLUMNS;
  const label = (text: string) => styled(text, STYLES.label);

  // Which results are shown in full: all, or with many breakdowns the headline (else the first breakdown).
  const breakdowns = part.results.filter((r) => !isHeadline(r.result)).map((r) => r.result);
  const everyBreakdown = showsEveryBreakdown(breakdowns.length);
  const detailed = detailedResults(part.results);
  const detail = detailed.map((r) => r.result);
  const fmt = ctx.valueFormat(ind.id);

  // 1. What the indicator is
  w.title(`${ind.id}: ${ind.name}`, STYLES.title, all);
  const result = ctx.result(ind.result);
  w.field(label(L.definition), ind.definition, all);
  const unitName = m.units[ind.unit] ?? ind.unit;
  w.field(label(c.unit), ind.unitLabel ? `${ind.unitLabel} (${unitName})` : unitName, all);
  w.field(label(c.direction), m.directions[ind.direction] ?? ind.direction, all);
  w.field(
    label(c.frequency),
    `${m.frequencies[ind.frequency] ?? ind.frequency}; ${m.accumulationWords[ind.accumulation] ?? ind.accumulation}`,
    all,
  );
  if (result || ind.result) {
    const level = levelLabel(input.locale, result?.level);
    const id = joinText([ind.result, level ? `(${level})` : null]);
    w.field(label(c.result), joinText([id, result?.statement], ': '), all);
  }
  const method = detail[0]?.method ?? ind.method ?? input.program.method;
  w.field(label(c.method), methodLabel(input.locale, method), all);
  // The programme's data sources, unless the indicator's PIRS names its own.
  const sources = dataSourcesOf(ind, ctx);
  if (sources && !Object.hasOwn(ind.pirs ?? {}, 'data_source')) w.field(label(L.dataSources), sources, all);
  for (const [key, value] of Object.entries(ind.pirs ?? {})) {
    const text =
      typeof value === 'boolean' ? (value ? m.yes : m.no) : typeof value === 'number' ? String(value) : value;
    w.field(label(pirsFieldLabel(input.locale, key)), text, all);
  }

  // 2. The main chart, as wide as the sheet; its native (editable) copy beside it, outside
  // the print area, or in its place with --charts native; the chart's numbers in the
  // columns after the print area's, which the native chart reads.
  const mainChart = part.charts.find((ch) => !ch.disaggregation);
  /** Rows of the charts, each kept on one printed page. */
  const kept: KeptBlock[] = [];
  const nativeSpec = input.chartMode === 'png' ? undefined : mainChart?.spec;
  if (mainChart && (mainChart.png || nativeSpec)) {
    w.skip();
    const top = w.row;
    const width = SHEET_PIXELS - 10;
    kept.push({ first: top + 1, last: top + chartRows(Math.round(width * CHART_ASPECT)) });
    if (mainChart.png) addChart(workbook, w, mainChart.png, width);
    if (nativeSpec) {
      const beside = Boolean(mainChart.png);
      const height = Math.round(width * CHART_ASPECT);
      if (!beside) w.skip(chartRows(height));
      const native = placeNativeChart(sheet, nativeSpec, {
        sheet: name,
        anchor: { col: beside ? PIRS_COLUMNS : 0, row: top, width, height },
        data: { column: PIRS_COLUMNS + 1, row: beside ? top + chartRows(height) + 1 : top + 1 },
        valueFormat: fmt,
      });
      if (native) part.nativeCharts?.push(native);
    }
  }

  // 3. Progress per breakdown
  w.skip();
  w.title(L.assessment);
  w.spans(
    [
      c.breakdown,
      c.baseline,
      c.period,
      c.latest,
      c.period,
      c.target,
      c.period,
      c.expected,
      m.columns.progress,
      [c.status, 2],
    ],
    STYLES.header,
  );
  for (const r of detail) {
    w.spans([
      ctx.breakdown(r.disaggregation),
      num(r.baseline?.value, fmt),
      periodCell(r.baseline?.period),
      num(r.latest?.value, fmt),
      periodCell(r.latest?.period),
      num(r.target?.value, fmt),
      periodCell(r.target?.period),
      num(r.expected, fmt),
      num(r.progress_ratio, FORMATS.percentWhole),
      [styled(m.statuses[r.status] ?? r.status, statusStyle(r.status)), 2],
    ]);
  }
  if (!detail.length) w.add([m.none]);
  addLifeOfProgramme(w, ctx, detail, ind.accumulation, fmt);
  if (!everyBreakdown) {
    // The one result shown in full: the headline, or without one the first breakdown.
    const [shown] = detail;
    w.note(
      shown === undefined || isHeadline(shown)
        ? L.detailHeadline(breakdowns.length)
        : L.detailExample(ctx.breakdown(shown.disaggregation), breakdowns.length),
      all,
    );
    addBreakdownTable(w, ctx, breakdowns, fmt);
  }

  // 4. Baseline, targets and outcomes
  w.skip();
  w.title(L.targets);
  w.spans(
    [
      c.breakdown,
      c.period,
      c.target,
      [c.label, 3],
      [L.outcome, 2],
      L.judgedByPeriod,
      L.judgedByValue,
      m.tracking.percentMet,
    ],
    STYLES.header,
  );
  let targetRows = 0;
  for (const r of detail) {
    for (const t of r.targets) {
      targetRows++;
      // A flow's target is judged by its window's sum; a level's by the value observed at its date.
      const windowSum = typeof t.window_actual === 'number' && t.outcome !== 'not_due';
      const judgedPeriod = windowSum ? t.period : t.judged_by?.period;
      const judgedValue = windowSum ? t.window_actual : t.judged_by?.value;
      const met =
        t.percent_met ??
        (typeof judgedValue === 'number' && typeof t.value === 'number' && t.outcome !== 'not_due'
          ? percentMet(judgedValue, t.value, r.direction)
          : null);
      w.spans([
        ctx.breakdown(r.disaggregation),
        periodCell(t.period),
        num(t.value, fmt),
        [styled(joinText([t.label, t.derivation ? `(${t.derivation})` : null]), STYLES.besideNumber), 3],
        [styled(m.targetOutcomes[t.outcome] ?? t.outcome, outcomeStyle(t.outcome)), 2],
        periodCell(judgedPeriod),
        num(judgedValue, fmt),
        num(met, FORMATS.percentWhole),
      ]);
    }
  }
  if (!targetRows) w.add([m.none]);

  // 5. Notes: why each status, the assessment's notes, the projections, every method's verdict
  w.skip();
  w.title(L.notes);
  // The same sentence about several breakdowns is written once, naming them all.
  const notes = new Map<string, string[]>();
  const note = (r: AssessmentResult, text: string) => {
    const key = sentence(text);
    const who = ctx.breakdown(r.disaggregation);
    const list = notes.get(key);
    if (list) list.push(who);
    else notes.set(key, [who]);
  };
  for (const r of detail) {
    note(r, L.statusBecause(m.statuses[r.status] ?? r.status, r.reason));
    // A target not yet due says so in its outcome already.
    for (const t of r.targets) if (t.reason && t.outcome !== 'not_due') note(r, L.targetNote(t.period, t.reason));
    for (const text of r.notes) note(r, text);
    const projections = r.projections.length ? r.projections : r.projection ? [r.projection] : [];
    for (const p of projections) {
      const methodName = m.projectionMethods[p.method] ?? p.method;
      note(
        r,
        p.value === null
          ? L.projectionNone(methodName, p.period, p.reason)
          : L.projection(methodName, ctx.formatValue(ind.id, p.value), p.period, p.attainment),
      );
    }
  }
  for (const [text, who] of notes)
    w.note(`• ${detail.length > 1 ? `${who.join(', ')}: ${text}` : text}`, all, STYLES.wrap);
  if (!notes.size) w.add([m.none]);
  addMethodVerdicts(w, ctx, detailed);

  // 6. SMART findings and references
  w.skip();
  w.title(L.smart);
  w.spans([L.letter, [m.smart.findingStatus, 2], [L.finding, all - 3]], STYLES.header);
  const review = input.smart.indicators.find((s) => s.indicator === ind.id);
  if (review) {
    for (const letter of letters) {
      const lr = review.letters[letter];
      if (!lr) continue;
      for (const f of lr.findings) {
        w.spans([
          m.letters[letter],
          [styled(m.findingStatuses[f.status], findingStyle(f.status)), 2],
          [f.target ? `${f.text} (${m.smart.concernsTarget}: ${f.target})` : f.text, all - 3],
        ]);
      }
    }
  } else w.add([m.none]);

  const references = ind.references ?? [];
  if (references.length) {
    w.skip();
    w.title(L.references);
    for (const ref of references) {
      const r = w.spans([[ref.title, 5]]);
      if (ref.url) w.put(r, 6, [link(ref.url)]);
    }
  }

  // 7. Values, one column per breakdown; then the breakdowns' charts
  addValuesTable(w, ctx, ind, everyBreakdown ? part.results : detailed);
  const others = part.charts.flatMap((ch) => (ch !== mainChart && ch.png ? [ch.png] : []));
  if (others.length) {
    w.skip();
    const title = w.row + 1;
    w.title(L.breakdownCharts);
    for (const [i, png] of others.entries()) {
      const first = i === 0 ? title : w.row + 1;
      addChart(workbook, w, png, SHEET_PIXELS - 10);
      kept.push({ first, last: w.row });
    }
  }

  w.finish({ fixed: pirsWidths() });
  // No chart cut by a page break: the charts' rows (the first with the section's title) on
  // one page; and no section's title alone at the foot of a page: with two rows after it.
  const titles = w.titleRows.filter((r) => r > 1).map((r) => ({ first: r, last: Math.min(r + 2, w.row) }));
  keepBlocksOnPages(sheet, [...titles, ...kept], portraitPagePoints(SHEET_PIXELS));
  return sheet;
}

/** The designed widths of an indicator sheet's columns. */
export function pirsWidths(): Record<number, number> {
  const widths: Record<number, number> = { 1: LABEL_WIDTH };
  for (let col = 2; col <= PIRS_COLUMNS; col++) widths[col] = COLUMN_WIDTH;
  return widths;
}

/**
 * The life-of-programme figures of each breakdown shown in full, and its data age: for a
 * count added up over time its LOP target and running total, for a level its last target
 * and latest value (as the tracking table shows them).
 */
function addLifeOfProgramme(
  w: SheetWriter,
  ctx: PackContext,
  detail: AssessmentResult[],
  accumulation: Accumulation,
  fmt: string,
): void {
  const { m } = ctx;
  const c = m.columns;
  if (!detail.length) return;
  w.skip();
  w.title(m.tracking.lifeOfProgramme);
  w.spans(
    [c.breakdown, [c.lopTarget, 2], [c.targetToDate, 2], [c.actualToDate, 2], [c.percentOfLop, 2], [c.dataAge, 2]],
    STYLES.header,
  );
  for (const r of detail) {
    const lop = lopFigures(r, accumulation);
    w.spans([
      ctx.breakdown(r.disaggregation),
      [num(lop.lopTarget, fmt), 2],
      [num(lop.targetToDate, fmt), 2],
      [num(lop.actualToDate, fmt), 2],
      [num(lop.percentOfLop, FORMATS.percentWhole), 2],
      [dataAgeCell(r, m.staleMarker), 2],
    ]);
  }
}

/** A target's outcome: missed in the tracking table's red, achieved in its status colour. */
function outcomeStyle(outcome: AssessedTarget['outcome']): Partial<ExcelJS.Style> {
  if (outcome === 'missed') return statusStyle('missed');
  if (outcome === 'achieved') return statusStyle('achieved');
  return STYLES.wrap;
}

/** A text as a sentence: its first letter a capital. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const periodCell = (period: string | undefined) => (period ? styled(period, STYLES.period) : null);

/** Embeds a chart `width` pixels wide below the last row, and moves past the rows it covers. */
function addChart(workbook: ExcelJS.Workbook, w: SheetWriter, png: Buffer | Promise<Buffer>, width: number): void {
  const height = Math.round(width * CHART_ASPECT);
  const imageId = addPicture(workbook, png);
  w.sheet.addImage(imageId, { tl: { col: 0, row: w.row }, ext: { width, height }, editAs: 'oneCell' });
  w.skip(chartRows(height));
}

/** Rows a chart `height` pixels high covers, and one more. */
const chartRows = (height: number) => Math.ceil(height / ROW_PIXELS) + 1;

/** Where the indicator's numbers come from: its data sources' labels, or its formula. */
function dataSourcesOf(ind: Indicator, ctx: PackContext): string | null {
  const { input, m } = ctx;
  if (ind.formula) return m.indicator.computedFrom(ind.formula.text, Object.values(ind.inputs ?? {}));
  const d = input.data.get(ind.id);
  const labels: string[] = [];
  const files = new Set((d ? allSeries(d) : []).map((s) => s.file));
  for (const source of input.program.dataSources) {
    const used = ind.series?.data === source.id || files.has(source.file);
    if (used) labels.push(source.source ?? source.id);
  }
  return labels.length ? [...new Set(labels)].join('; ') : null;
}

/** Every published method's verdict on the results shown in full: method, category, score, reason. */
function addMethodVerdicts(w: SheetWriter, ctx: PackContext, results: readonly NumberedResult[]): void {
  const { input, m } = ctx;
  const c = m.columns;
  const rows: SpanCell[][] = [];
  for (const { index, result: r } of results) {
    const every = { ...r.methods, ...(input.everyMethod?.[index] ?? {}) };
    for (const method of methodNames) {
      const outcome = every[method];
      if (!outcome) continue;
      rows.push([
        ctx.breakdown(r.disaggregation),
        [methodLabel(input.locale, method), 3],
        [outcome.category === null ? null : methodCategoryLabel(input.locale, outcome.category), 2],
        num(outcome.score, FORMATS.score),
        [styled(outcome.reason ?? null, STYLES.besideNumber), PIRS_COLUMNS - 7],
      ]);
    }
  }
  if (!rows.length) return;
  w.skip();
  w.title(m.indicator.methodVerdicts);
  w.spans([c.breakdown, [c.method, 3], [c.category, 2], c.score, [c.reason, PIRS_COLUMNS - 7]], STYLES.header);
  for (const row of rows) w.spans(row);
  w.note(m.indicator.inputsAt(m.sheets.methodInputs), PIRS_COLUMNS);
}

/**
 * The values, one row per period and one column per series (the total first, then the
 * breakdowns, at most MAX_VALUE_COLUMNS): a table that fits the page. Every value with
 * its source, file and line is in the Data sheet (or data.csv).
 */
function addValuesTable(w: SheetWriter, ctx: PackContext, ind: Indicator, shown: readonly NumberedResult[]): void {
  const { input, m } = ctx;
  const L = m.indicator;
  const fmt = ctx.valueFormat(ind.id);
  const d = input.data.get(ind.id);
  w.skip();
  w.title(L.values);
  if (!d) {
    w.add([m.none]);
    return;
  }
  const shownDims = new Set(shown.map((r) => JSON.stringify(r.result.disaggregation)));
  const every = allSeries(d);
  const listed: BreakdownSeries[] = every.filter((s) => shownDims.has(JSON.stringify(s.dims)));
  const series = (listed.length ? listed : every).slice(0, MAX_VALUE_COLUMNS);
  const periods = new Map<string, { sort: number; values: (number | null)[] }>();
  series.forEach((s, k) => {
    s.periods.forEach((p, i) => {
      let row = periods.get(p.id);
      if (!row) {
        row = { sort: p.startYear, values: new Array(series.length).fill(null) };
        periods.set(p.id, row);
      }
      const value = s.values[i] ?? Number.NaN;
      row.values[k] = Number.isNaN(value) ? null : value;
    });
  });
  const ordered = [...periods.entries()].sort((a, b) => a[1].sort - b[1].sort || ctx.comparePeriodIds(a[0], b[0]));
  w.spans([m.columns.period, ...series.map((s) => ctx.breakdown(s.dims))], STYLES.header);
  // At most INDICATOR_VALUES_MAX_ROWS values: whole periods, as many as fit.
  const maxRows = Math.max(1, Math.floor(INDICATOR_VALUES_MAX_ROWS / series.length));
  let listedValues = 0;
  for (const [period, row] of ordered.slice(0, maxRows)) {
    w.spans([styled(period, STYLES.period), ...row.values.map((v) => num(v, fmt))]);
    listedValues += row.values.filter((v) => v !== null).length;
  }
  if (!ordered.length) w.add([m.none]);
  let allValues = 0;
  for (const s of every) for (const v of s.values) if (!Number.isNaN(v)) allValues++;
  w.note(
    listedValues < allValues
      ? L.valuesShown(listedValues, allValues, ctx.everyValueAt)
      : L.everyValueAt(ctx.everyValueAt),
    PIRS_COLUMNS,
  );
}

/**
 * An indicator with many breakdowns: how many have each status, then one row per
 * breakdown with baseline, latest, target (periods in cells of their own), progress,
 * status and the chosen method's category.
 */
function addBreakdownTable(w: SheetWriter, ctx: PackContext, breakdowns: AssessmentResult[], fmt: string): void {
  const { input, m } = ctx;
  const c = m.columns;
  const L = m.indicator;
  w.skip();
  w.title(L.breakdownTable(breakdowns.length));
  const counts = new Map<Status, number>();
  for (const r of breakdowns) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const present = statuses.filter((s) => counts.get(s));
  w.spans([
    styled(L.breakdownsByStatus, STYLES.label),
    ...present.map((s) => styled(`${m.statuses[s]}: ${counts.get(s) ?? 0}`, statusStyle(s))),
  ]);

  // Each disaggregation in a column of its own too, for the filter, while the sheet stays within 12 columns.
  const keys: string[] = [];
  for (const r of breakdowns) for (const k in r.disaggregation) if (!keys.includes(k)) keys.push(k);
  const keyColumns = keys.length <= 2 ? keys : [];
  const categorySpan = Math.max(1, 2 - keyColumns.length);
  const method = breakdowns[0]?.method ?? input.program.method;
  const headerRow = w.spans(
    [
      c.breakdown,
      ...keyColumns,
      c.baseline,
      c.latest,
      c.period,
      c.target,
      c.period,
      c.expected,
      c.progress,
      c.status,
      [L.categoryOf(methodLabel(input.locale, method)), categorySpan],
    ],
    STYLES.header,
  );
  const shown = breakdowns.slice(0, TABLE_MAX_ROWS);
  for (const r of shown) {
    const chosen = r.methods[r.method];
    w.spans([
      ctx.breakdown(r.disaggregation),
      ...keyColumns.map((k) => r.disaggregation[k] ?? null),
      num(r.baseline?.value, fmt),
      num(r.latest?.value, fmt),
      periodCell(r.latest?.period),
      num(r.target?.value, fmt),
      periodCell(r.target?.period),
      num(r.expected, fmt),
      num(r.progress_ratio, FORMATS.percentWhole),
      styled(m.statuses[r.status] ?? r.status, statusStyle(r.status)),
      [chosen?.category ? methodCategoryLabel(input.locale, chosen.category) : null, categorySpan],
    ]);
  }
  autoFilter(w.sheet, headerRow, w.row, 1 + keyColumns.length + 8 + categorySpan);
  if (breakdowns.length > shown.length) w.note(m.moreResults(breakdowns.length - shown.length), PIRS_COLUMNS);
}
