// What the tracking table (IPTT) shows, decided before a cell is written: its rows in the
// order of the results framework, its reporting-period columns, and per row the life-of-
// programme figures and each period's target, actual, % met and how the actual stands.
//
//   rows      each result of the framework (depth first, parents before children, in the
//             programme's order), then its indicators in the programme's order, each with
//             its headline, group totals and breakdowns (the assessment's order); then the
//             indicators linked to no result
//   columns   the reporting windows of `program.reporting` up to as-of (assessment.json
//             `reporting.periods`) that hold a target or an actual in some row, then the
//             windows after as-of that hold a target; beyond TRACKING_MAX_PERIODS windows,
//             only those with a target (the latest due ones and the next ones)
import type { AssessedTarget, AssessmentResult } from '../../assess/assessment.js';
import { percentMet } from '../../assess/percent-met.js';
import { reportingWindows } from '../../assess/reporting-periods.js';
import type { Accumulation } from '../../spec/schema.js';
import type { ResultSpec } from '../../spec/schema.js';
import { type PackContext, resultsByIndicator } from './pack-context.js';
import { TRACKING_MAX_PERIODS } from './size-rules.js';
import type { Variance } from './styles.js';

const EPS = 1e-6;

/** Share of its target an actual may miss or exceed before it needs an explanation (donors' 10 %). */
export const VARIANCE_SHARE = 0.1;

/** |actual / target - 1| > 0.10, decided without binary noise: 110 against 100 is exactly 10 %. */
export function beyondTenPercent(actual: number, target: number): boolean {
  if (target === 0) return actual !== 0;
  const gap = Math.abs(actual - target) - VARIANCE_SHARE * Math.abs(target);
  return gap > 1e-9 * Math.abs(target);
}

export interface TrackingWindow {
  id: string;
  /** The name shown: the fiscal label when there is one ("FY2024 Q1"), else the id. */
  label: string;
  startYear: number;
  endYear: number;
  /** Ended by as-of. */
  ended: boolean;
  /** Starts after as-of: shown for its targets only. */
  future: boolean;
}

export interface TrackingLayout {
  /** The windows with columns, in time order. */
  windows: TrackingWindow[];
  /** Windows with a target or an actual in some row. */
  allWindows: number;
  /** Whether only windows with a target have columns. */
  targetWindowsOnly: boolean;
}

const sameWindow = (a: { startYear: number; endYear: number }, b: { startYear: number; endYear: number }) =>
  Math.abs(a.startYear - b.startYear) < EPS && Math.abs(a.endYear - b.endYear) < EPS;

/** The target of a result whose period is exactly a window. */
export function targetIn(r: AssessmentResult, w: TrackingWindow, ctx: PackContext): AssessedTarget | undefined {
  return r.targets.find((t) => {
    const p = ctx.period(t.period);
    return t.value !== null && p !== undefined && sameWindow(p, w);
  });
}

/** Every window the table could have: up to as-of from the assessment, after it to the programme's end. */
function candidateWindows(ctx: PackContext): TrackingWindow[] {
  const { input } = ctx;
  const out: TrackingWindow[] = [];
  for (const p of input.doc.reporting?.periods ?? []) {
    const period = ctx.period(p.period);
    const start = period?.startYear ?? Number(p.start.slice(0, 4));
    const end = period?.endYear ?? Number(p.end.slice(0, 4)) + 1;
    out.push({
      id: p.period,
      label: p.label ?? p.period,
      startYear: start,
      endYear: end,
      ended: p.ended,
      future: false,
    });
  }
  const asOf = ctx.asOf;
  const program = input.program;
  if (asOf && program.period.end.endYear > asOf.endYear + EPS) {
    const later = reportingWindows(
      program.reporting,
      program.fiscalYearStart,
      program.period.start,
      program.period.end,
    );
    for (const w of later) {
      if (w.startYear < asOf.endYear - EPS) continue;
      out.push({
        id: w.id,
        label: w.label ?? w.id,
        startYear: w.startYear,
        endYear: w.endYear,
        ended: false,
        future: true,
      });
    }
  }
  return out;
}

/** The reporting windows that get columns. */
export function trackingLayout(ctx: PackContext): TrackingLayout {
  const results = ctx.input.doc.results;
  const candidates = candidateWindows(ctx);
  const withTarget = new Set<string>();
  const withActual = new Set<string>();
  for (const r of results) {
    for (const f of r.reporting_periods ?? []) {
      if (f.target !== null) withTarget.add(f.period);
      if (f.actual !== null) withActual.add(f.period);
    }
  }
  for (const w of candidates) {
    if (!w.future) continue;
    if (results.some((r) => targetIn(r, w, ctx))) withTarget.add(w.id);
  }
  const used = candidates.filter((w) => withTarget.has(w.id) || withActual.has(w.id));
  if (used.length <= TRACKING_MAX_PERIODS) return { windows: used, allWindows: used.length, targetWindowsOnly: false };

  const targeted = used.filter((w) => withTarget.has(w.id));
  let windows = targeted;
  if (targeted.length > TRACKING_MAX_PERIODS) {
    const due = targeted.filter((w) => !w.future);
    const upcoming = targeted.filter((w) => w.future);
    const keepUpcoming = Math.min(
      upcoming.length,
      Math.max(TRACKING_MAX_PERIODS - due.length, Math.floor(TRACKING_MAX_PERIODS / 4)),
    );
    const keepDue = Math.min(due.length, TRACKING_MAX_PERIODS - keepUpcoming);
    windows = [...due.slice(due.length - keepDue), ...upcoming.slice(0, keepUpcoming)];
  }
  return { windows, allWindows: used.length, targetWindowsOnly: true };
}

/** A row of the table: a result of the framework, or one assessment result (`first` of its indicator's). */
export type TrackingRow = { group: ResultSpec | null } | { result: AssessmentResult; first: boolean };

/** The rows, in the order of the results framework. */
export function trackingRows(ctx: PackContext): TrackingRow[] {
  const { program, doc } = ctx.input;
  const byIndicator = resultsByIndicator(doc.results);
  const known = new Set(program.results.map((r) => r.id));
  const children = new Map<string | undefined, ResultSpec[]>();
  for (const r of program.results) {
    const parent = r.parent && known.has(r.parent) && r.parent !== r.id ? r.parent : undefined;
    const list = children.get(parent);
    if (list) list.push(r);
    else children.set(parent, [r]);
  }
  const rows: TrackingRow[] = [];
  const placed = new Set<string>();
  const visited = new Set<string>();
  const indicatorRows = (indicatorId: string) => {
    if (placed.has(indicatorId)) return;
    placed.add(indicatorId);
    for (const [k, result] of (byIndicator.get(indicatorId) ?? []).entries()) rows.push({ result, first: k === 0 });
  };
  const visit = (result: ResultSpec) => {
    if (visited.has(result.id)) return;
    visited.add(result.id);
    const own = program.indicators.filter((i) => i.result === result.id);
    const before = rows.length;
    rows.push({ group: result });
    for (const ind of own) indicatorRows(ind.id);
    for (const child of children.get(result.id) ?? []) visit(child);
    // A result with neither indicators nor sub-results below it is left out.
    if (rows.length === before + 1) rows.pop();
  };
  for (const root of children.get(undefined) ?? []) visit(root);
  // Results in a cycle of parents, never reached from a root.
  for (const r of program.results) visit(r);
  const rest = [...program.indicators.map((i) => i.id), ...byIndicator.keys()].filter(
    (id) => !placed.has(id) && byIndicator.has(id),
  );
  if (rest.length) {
    rows.push({ group: null });
    for (const id of new Set(rest)) indicatorRows(id);
  }
  return rows;
}

/** The life-of-programme figures of a row. */
export interface LopFigures {
  lopTarget: number | null;
  targetToDate: number | null;
  actualToDate: number | null;
  percentOfLop: number | null;
}

/**
 * A flow's or a running total's figures as the assessment gives them; a level's: its
 * last target, the expected value at its latest value's date, its latest value, and the
 * share of that last target met (TolaData's % met).
 */
export function lopFigures(r: AssessmentResult, accumulation: Accumulation): LopFigures {
  if (accumulation !== 'level' || r.lop_target !== null) {
    return {
      lopTarget: r.lop_target,
      targetToDate: r.target_to_date ?? r.expected,
      actualToDate: r.actual_to_date,
      percentOfLop: r.percent_of_lop,
    };
  }
  const last = r.targets.filter((t) => t.value !== null).at(-1);
  const lopTarget = last?.value ?? null;
  const actual = r.latest?.value ?? null;
  return {
    lopTarget,
    targetToDate: r.expected,
    actualToDate: actual,
    percentOfLop: lopTarget !== null && actual !== null ? percentMet(actual, lopTarget, r.direction) : null,
  };
}

/** One row's figures in one reporting window. */
export interface PeriodFigures {
  target: number | null;
  actual: number | null;
  percentMet: number | null;
  /** How the actual stands against the target, when it is marked. */
  variance?: Variance;
  /** A flow's window with periods not reported, or still running. */
  incomplete: boolean;
}

/** A row's figures per window (from the assessment's reporting periods; after as-of, its targets). */
export function periodFigures(
  r: AssessmentResult,
  windows: readonly TrackingWindow[],
  accumulation: Accumulation,
  ctx: PackContext,
): PeriodFigures[] {
  const byPeriod = new Map((r.reporting_periods ?? []).map((f) => [f.period, f]));
  return windows.map((w) => {
    const target = targetIn(r, w, ctx);
    if (w.future) return { target: target?.value ?? null, actual: null, percentMet: null, incomplete: false };
    const f = byPeriod.get(w.id);
    if (!f) return { target: null, actual: null, percentMet: null, incomplete: false };
    const out: PeriodFigures = {
      target: f.target,
      actual: f.actual,
      percentMet: f.percent_met,
      incomplete: accumulation === 'sum' && f.actual !== null && !f.complete,
    };
    if (f.target !== null && f.actual !== null) {
      if (target?.outcome === 'missed') out.variance = 'missed';
      else if (beyondTenPercent(f.actual, f.target))
        out.variance = f.percent_met !== null && f.percent_met > 1 ? 'over' : 'under';
    }
    return out;
  });
}

/** The reporting periods of a row whose actual is marked (beyond 10 %, or missed), columns or not. */
export function flaggedPeriods(r: AssessmentResult, ctx: PackContext): string[] {
  const out: string[] = [];
  for (const f of r.reporting_periods ?? []) {
    if (f.target === null || f.actual === null) continue;
    const missed = r.targets.find((t) => t.period === f.period)?.outcome === 'missed';
    if (missed || beyondTenPercent(f.actual, f.target)) out.push(f.label ?? f.period);
  }
  return out.sort(ctx.comparePeriodIds);
}
