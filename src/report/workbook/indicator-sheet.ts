// Sheets 3...: one per indicator, everything an evaluator needs to check it by hand.
//
//   1. what the indicator is (name, definition, unit, direction, frequency, result)
//   2. its charts, embedded as images
//   3. the assessment of each breakdown, its targets, every method with its inputs,
//      the projections
//   4. the SMART findings, the PIRS fields and the references
//   5. every value with its source and the file line it came from (longest, so last)
//
// An indicator with more than MAX_DETAILED_BREAKDOWNS breakdowns (50 districts x 2 sexes)
// shows in full only its headline, or without one its first breakdown as a worked example;
// a breakdown table follows the assessment, one row per breakdown (baseline, latest,
// target, expected, progress ratio, status, the chosen method's category), and the values
// listed are the detailed result's only. At most INDICATOR_VALUES_MAX_ROWS values are
// listed; every value is in the Data sheet or data.csv. A result whose every-method entry
// is missing or empty shows the methods the assessment has.
import type ExcelJS from 'exceljs';
import { statuses, type AssessmentResult, type MethodOutcome, type Status } from '../../assess/assessment.js';
import type { InputValue } from '../../assess/method-types.js';
import { letters } from '../../assess/smart-review.js';
import { allSeries } from '../../data/indicator-data.js';
import { levelLabel, methodCategoryLabel } from '../../messages/report.js';
import type { Indicator } from '../../spec/model.js';
import { methodNames, type MethodName } from '../../spec/schema.js';
import type { ChartImage } from '../pack-input.js';
import { joinText, type PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, link, num, styled, type CellSpec } from './sheet-writer.js';
import { INDICATOR_VALUES_MAX_ROWS, TABLE_MAX_ROWS, showsEveryBreakdown } from './size-rules.js';
import { FORMATS, STYLES, findingStyle, statusStyle } from './styles.js';
import { dataAgeCell } from './summary-sheet.js';

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;
/** Rows a chart covers at Excel's default row height (15 pt = 20 px), plus a gap. */
const ROWS_PER_CHART = Math.ceil(CHART_HEIGHT / 20) + 2;

export interface IndicatorSheetInput {
  indicator: Indicator;
  /** Indexes into input.doc.results (and input.everyMethod) of this indicator's breakdowns. */
  resultIndexes: number[];
  charts: ChartImage[];
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
  const sheet = createSheet(workbook, name, { frozenRows: 1 });
  const w = new SheetWriter(sheet);
  const results = part.resultIndexes.map((i) => input.doc.results[i]);
  // Which results are shown in full: all, or with many breakdowns the headline (else the first breakdown).
  const breakdownIndexes = part.resultIndexes.filter((i) => !isHeadline(input.doc.results[i]));
  const everyBreakdown = showsEveryBreakdown(breakdownIndexes.length);
  const headlineIndex = part.resultIndexes.find((i) => isHeadline(input.doc.results[i]));
  const detailIndexes = everyBreakdown ? part.resultIndexes : [headlineIndex ?? breakdownIndexes[0]];
  const detail = detailIndexes.map((i) => input.doc.results[i]);
  const fmt = ctx.valueFormat(ind.id);
  const label = (text: string) => styled(text, STYLES.label);

  // 1. What the indicator is
  w.title(`${ind.id}: ${ind.name}`, STYLES.title);
  const result = ctx.result(ind.result);
  w.add([label(c.indicator), ind.id]);
  w.add([label(c.name), ind.name]);
  w.add([label(L.definition), ind.definition]);
  const unitName = m.units[ind.unit] ?? ind.unit;
  w.add([label(c.unit), ind.unitLabel ? `${ind.unitLabel} (${unitName})` : unitName]);
  w.add([label(c.direction), m.directions[ind.direction] ?? ind.direction]);
  w.add([label(c.frequency), m.frequencies[ind.frequency] ?? ind.frequency]);
  w.add([label(L.accumulation), m.accumulations[ind.accumulation] ?? ind.accumulation]);
  w.add([label(c.result), joinText([ind.result, result?.statement], ': ')]);
  w.add([label(c.level), levelLabel(input.locale, result?.level)]);
  w.add([label(c.method), results[0]?.method ?? ind.method ?? input.program.method]);
  w.add([label(L.indicatorFile), ind.file]);

  // 2. Charts
  if (part.charts.length) {
    w.skip();
    w.title(L.charts);
    for (const chart of part.charts) {
      // exceljs types its buffer as its own ArrayBuffer-like interface; a Node Buffer is what it reads.
      const imageId = workbook.addImage({ buffer: chart.png as unknown as ExcelJS.Image['buffer'], extension: 'png' });
      sheet.addImage(imageId, {
        tl: { col: 0, row: w.row },
        ext: { width: CHART_WIDTH, height: CHART_HEIGHT },
        editAs: 'oneCell',
      });
      w.skip(ROWS_PER_CHART);
    }
  }

  // 3. Assessment, targets, every method, projections
  w.skip();
  w.title(L.assessment);
  w.header([
    c.breakdown,
    c.baseline,
    c.baselinePeriod,
    c.latest,
    c.latestPeriod,
    c.target,
    c.targetPeriod,
    c.expected,
    c.progressRatio,
    c.status,
    c.reason,
    L.observations,
    L.missing,
    L.notes,
    c.actualToDate,
    c.targetToDate,
    c.lopTarget,
    c.percentOfLop,
    c.dataAge,
  ]);
  for (const r of detail) {
    w.add([
      ctx.breakdown(r.disaggregation),
      num(r.baseline?.value, fmt),
      r.baseline?.period,
      num(r.latest?.value, fmt),
      r.latest?.period,
      num(r.target?.value, fmt),
      r.target?.period,
      num(r.expected, fmt),
      num(r.progress_ratio, FORMATS.ratio),
      styled(m.statuses[r.status] ?? r.status, statusStyle(r.status)),
      r.reason,
      num(r.observations, FORMATS.count),
      num(r.missing, FORMATS.count),
      r.notes.length ? r.notes.join('\n') : null,
      num(r.actual_to_date, fmt),
      num(r.target_to_date, fmt),
      num(r.lop_target, fmt),
      num(r.percent_of_lop, FORMATS.percent),
      dataAgeCell(r, m.staleMarker),
    ]);
  }
  if (!detail.length) w.add([m.none]);
  if (!everyBreakdown) {
    w.title(
      headlineIndex !== undefined
        ? L.detailHeadline(breakdownIndexes.length)
        : L.detailExample(ctx.breakdown(detail[0].disaggregation), breakdownIndexes.length),
      STYLES.note,
    );
    addBreakdownTable(
      w,
      ctx,
      breakdownIndexes.map((i) => input.doc.results[i]),
      fmt,
    );
  }

  w.skip();
  w.title(L.targets);
  w.header([
    c.breakdown,
    c.targetPeriod,
    c.target,
    c.label,
    L.derivation,
    L.outcome,
    L.judgedByPeriod,
    L.judgedByValue,
    c.reason,
    c.windowActual,
    c.percentMet,
    c.complete,
    c.missingPeriods,
  ]);
  let targetRows = 0;
  for (const r of detail) {
    for (const t of r.targets) {
      targetRows++;
      w.add([
        ctx.breakdown(r.disaggregation),
        t.period,
        num(t.value, fmt),
        t.label,
        t.derivation,
        m.targetOutcomes[t.outcome] ?? t.outcome,
        t.judged_by?.period,
        num(t.judged_by?.value, fmt),
        t.reason,
        num(t.window_actual, fmt),
        num(t.percent_met, FORMATS.percent),
        t.complete === undefined ? null : t.complete ? m.yes : m.no,
        t.missing?.length ? t.missing.join(', ') : null,
      ]);
    }
  }
  if (!targetRows) w.add([m.none]);

  addMethodsTable(w, ctx, detailIndexes);
  addProjections(w, ctx, detail, fmt);

  // 4. SMART findings, PIRS, references
  w.skip();
  w.title(L.smart);
  w.header([L.letter, m.smart.letterStatus, m.smart.findingStatus, L.finding, m.smart.concernsTarget]);
  const review = input.smart.indicators.find((s) => s.indicator === ind.id);
  if (review) {
    for (const letter of letters) {
      const lr = review.letters[letter];
      if (!lr) continue;
      for (const f of lr.findings) {
        w.add([
          m.letters[letter],
          styled(m.findingStatuses[lr.status], findingStyle(lr.status)),
          styled(m.findingStatuses[f.status], findingStyle(f.status)),
          f.text,
          f.target,
        ]);
      }
    }
  } else w.add([m.none]);

  const pirs = Object.entries(ind.pirs ?? {});
  if (pirs.length) {
    w.skip();
    w.title(L.pirs);
    w.header([L.field, c.value]);
    for (const [key, value] of pirs) {
      w.add([
        key,
        typeof value === 'boolean'
          ? value
            ? m.yes
            : m.no
          : typeof value === 'number'
            ? num(value, Number.isInteger(value) ? FORMATS.integer : FORMATS.precise)
            : value,
      ]);
    }
  }
  const references = ind.references ?? [];
  if (references.length) {
    w.skip();
    w.title(L.references);
    w.header([L.title, L.url]);
    for (const ref of references) w.add([ref.title, ref.url ? link(ref.url) : null]);
  }

  // 5. Every value
  w.skip();
  w.title(L.values);
  w.header([c.breakdown, c.period, c.value, c.source, c.where, c.missingReason]);
  const d = input.data.get(ind.id);
  const every = d ? allSeries(d) : [];
  // The series of the results shown in full (all of them unless there are many breakdowns).
  const listedSeries = everyBreakdown
    ? every
    : detail.flatMap((r) => {
        const s = ctx.series(ind.id, r.disaggregation);
        return s ? [s] : [];
      });
  let valueRows = 0;
  listing: for (const s of listedSeries) {
    const breakdown = ctx.breakdown(s.dims);
    for (let i = 0; i < s.periods.length; i++) {
      if (valueRows === INDICATOR_VALUES_MAX_ROWS) break listing;
      valueRows++;
      const line = s.lines[i];
      w.add([
        breakdown,
        s.periods[i].id,
        num(s.values[i], fmt),
        s.sources[i],
        line > 0 ? `${s.file}:${line}` : `${s.file} (${m.computed})`,
        s.missingReasons[i],
      ]);
    }
  }
  if (!valueRows) w.add([m.none]);
  let allValues = 0;
  for (const s of every) allValues += s.periods.length;
  if (valueRows < allValues) w.title(L.valuesShown(valueRows, allValues, ctx.everyValueAt), STYLES.note);

  w.fitColumns();
  return sheet;
}

const isHeadline = (r: AssessmentResult) => Object.keys(r.disaggregation).length === 0;

/**
 * An indicator with many breakdowns: how many have each status, then one row per breakdown
 * (each disaggregation also in a column of its own, for the filter) with baseline, latest,
 * target, expected, progress ratio, status, the chosen method's category and the reason.
 */
function addBreakdownTable(w: SheetWriter, ctx: PackContext, breakdowns: AssessmentResult[], fmt: string): void {
  const { input, m } = ctx;
  const c = m.columns;
  const L = m.indicator;
  w.skip();
  w.title(L.breakdownTable(breakdowns.length));
  const counts = new Map<Status, number>();
  for (const r of breakdowns) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  w.add([styled(L.breakdownsByStatus, STYLES.label), ...statuses.map((s) => styled(m.statuses[s], statusStyle(s)))]);
  w.add([styled(c.count, STYLES.label), ...statuses.map((s) => num(counts.get(s) ?? 0, FORMATS.count))]);

  const keys: string[] = [];
  const known = new Set<string>();
  for (const r of breakdowns) {
    for (const k in r.disaggregation) {
      if (!known.has(k)) {
        known.add(k);
        keys.push(k);
      }
    }
  }
  const method = breakdowns[0]?.method ?? input.program.method;
  const header = [
    c.breakdown,
    ...keys,
    c.baseline,
    c.baselinePeriod,
    c.latest,
    c.latestPeriod,
    c.target,
    c.targetPeriod,
    c.expected,
    c.progressRatio,
    c.status,
    L.categoryOf(method),
    c.reason,
  ];
  const headerRow = w.header(header);
  const shown = Math.min(breakdowns.length, TABLE_MAX_ROWS);
  for (let n = 0; n < shown; n++) {
    const r = breakdowns[n];
    const chosen = r.methods[r.method];
    w.add([
      ctx.breakdown(r.disaggregation),
      ...keys.map((k) => r.disaggregation[k] ?? null),
      num(r.baseline?.value, fmt),
      r.baseline?.period,
      num(r.latest?.value, fmt),
      r.latest?.period,
      num(r.target?.value, fmt),
      r.target?.period,
      num(r.expected, fmt),
      num(r.progress_ratio, FORMATS.ratio),
      styled(m.statuses[r.status] ?? r.status, statusStyle(r.status)),
      chosen ? methodCategoryLabel(input.locale, chosen.category) : null,
      r.reason,
    ]);
  }
  autoFilter(w.sheet, headerRow, w.row, header.length);
  if (breakdowns.length > shown) w.title(m.moreResults(breakdowns.length - shown), STYLES.note);
}

/** One row per breakdown x method: category, score, reason, then every input in its own column. */
function addMethodsTable(w: SheetWriter, ctx: PackContext, resultIndexes: number[]): void {
  const { input, m } = ctx;
  const c = m.columns;
  const rows: { r: AssessmentResult; method: MethodName; outcome: MethodOutcome }[] = [];
  for (const i of resultIndexes) {
    const r = input.doc.results[i];
    // The caller may leave out (or give {} for) results not shown in full.
    const every = { ...r.methods, ...(input.everyMethod?.[i] ?? {}) };
    for (const method of methodNames) {
      const outcome = every[method];
      if (outcome) rows.push({ r, method, outcome });
    }
  }
  // The inputs of each method stay side by side: columns in the order methods are listed.
  const inputNames: string[] = [];
  const seen = new Set<string>();
  for (const method of methodNames) {
    for (const row of rows) {
      if (row.method !== method) continue;
      for (const k of Object.keys(row.outcome.inputs ?? {})) {
        if (!seen.has(k)) {
          seen.add(k);
          inputNames.push(k);
        }
      }
    }
  }

  w.skip();
  w.title(m.indicator.everyMethod);
  w.header([c.breakdown, c.method, c.category, c.score, c.reason, ...inputNames]);
  for (const { r, method, outcome } of rows) {
    w.add([
      ctx.breakdown(r.disaggregation),
      method,
      methodCategoryLabel(input.locale, outcome.category),
      num(outcome.score, FORMATS.score),
      outcome.reason,
      ...inputNames.map((k) => inputCell(outcome.inputs?.[k], ctx)),
    ]);
  }
  if (!rows.length) w.add([m.none]);
}

function inputCell(value: InputValue | undefined, ctx: PackContext): CellSpec {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? ctx.m.yes : ctx.m.no;
  if (typeof value === 'number') return num(value, Number.isInteger(value) ? FORMATS.integer : FORMATS.precise);
  return value;
}

function addProjections(w: SheetWriter, ctx: PackContext, results: AssessmentResult[], fmt: string): void {
  const { m } = ctx;
  const c = m.columns;
  const L = m.indicator;
  w.skip();
  w.title(L.projections);
  w.header([c.breakdown, c.method, c.targetPeriod, L.valueAtTarget, L.attainment, c.reason]);
  let n = 0;
  for (const r of results) {
    const projections = r.projections.length ? r.projections : r.projection ? [r.projection] : [];
    for (const p of projections) {
      n++;
      w.add([
        ctx.breakdown(r.disaggregation),
        m.projectionMethods[p.method] ?? p.method,
        p.period,
        num(p.value, fmt),
        p.attainment,
        p.reason,
      ]);
    }
  }
  if (!n) w.add([m.none]);
}
