// What a flow's chart shows (FORMAT.md section 5: `accumulation: sum`): the running total
// from the programme's start against the cumulative target path, with the life-of-
// programme target marked at the programme's end; never per-period values against a
// cumulative path. Totals are placed at the end of their period, where they are reached.
import type { AssessmentResult } from '../../assess/assessment.js';
import { lopTargetOf } from '../../assess/breakdown-targets.js';
import { cumulativeTargetPath } from '../../assess/cumulative-target-path.js';
import type { BreakdownSeries } from '../../data/indicator-data.js';
import { chartMessages } from '../../messages/chart.js';
import { periodOf, type Period } from '../../periods/period.js';
import type { Indicator, Program } from '../../spec/model.js';
import type { Locale } from '../../spec/schema.js';
import { formatNumber } from '../../messages/format-number.js';
import { DEFAULT_ROLE_LABELS, type ChartGroup, type ChartPoint, type ChartSpec } from './chart-spec.js';

const EPS = 1e-9;

export interface FlowChartContext {
  program: Program;
  indicator: Indicator;
  locale: Locale;
  asOf: Period;
  /** Decimals of the indicator's values (value-decimals.ts); unset: up to one. */
  decimals?: number;
}

/** Running totals from the programme's start, one point at the end of each reported period. */
export function runningTotalPoints(s: BreakdownSeries, from: number, asOf: Period): ChartPoint[] {
  const out: ChartPoint[] = [];
  let total = 0;
  s.periods.forEach((p, i) => {
    const v = s.values[i] ?? Number.NaN; // NaN: missing, as in the series itself
    if (Number.isNaN(v) || p.startYear < from - EPS || p.endYear > asOf.endYear + EPS) return;
    total += v;
    out.push({ x: p.endYear, y: total, label: p.id });
  });
  return out;
}

/** The cumulative target path of a result, and its LOP target, from its windowed targets. */
export function targetPathOf(r: AssessmentResult, ctx: FlowChartContext): { path: ChartPoint[]; lop?: number } {
  const { program } = ctx;
  const windows = r.targets.flatMap((t) => {
    if (t.value === null) return [];
    const p = periodOf(t.period, { fiscalYearStart: program.fiscalYearStart });
    return [{ period: t.period, startYear: p.startYear, endYear: p.endYear, value: t.value }];
  });
  const lop = lopTargetOf(ctx.indicator, r.disaggregation);
  if (!windows.length && lop === undefined) return { path: [] };
  const path = cumulativeTargetPath(
    windows,
    lop === undefined
      ? undefined
      : { value: lop, startYear: program.period.start.startYear, endYear: program.period.end.endYear },
  );
  return { path: path.vertices.map((v) => ({ x: v.time, y: v.value, label: '' })), lop: path.lop };
}

export function flowGroup(
  label: string,
  s: BreakdownSeries,
  r: AssessmentResult | undefined,
  ctx: FlowChartContext,
  withPaths: boolean,
): ChartGroup {
  const m = chartMessages[ctx.locale];
  const { program } = ctx;
  const end = program.period.end;
  const group: ChartGroup = {
    label,
    actual: runningTotalPoints(s, program.period.start.startYear, ctx.asOf),
    targets: [],
  };
  if (!r) return group;
  const { path, lop } = targetPathOf(r, ctx);
  if (withPaths && path.length > 1) group.expectedPath = path;
  if (lop !== undefined)
    group.targets.push({
      x: end.endYear,
      y: lop,
      label: end.id,
      name: m.lopTargetName(formatNumber(lop, ctx.locale, { decimals: ctx.decimals })),
    });
  const proj = r.projection;
  const last = group.actual[group.actual.length - 1];
  if (withPaths && proj && proj.value !== null && last && r.status !== 'achieved' && end.endYear > last.x)
    group.projection = [last, { x: end.endYear, y: proj.value, label: end.id }];
  return group;
}

/** The legend's words for a flow's chart, and its value axis. */
export function flowChartWords(ctx: FlowChartContext, unitLabel: string): Pick<ChartSpec, 'roleLabels' | 'unitLabel'> {
  const m = chartMessages[ctx.locale];
  return {
    roleLabels: { ...DEFAULT_ROLE_LABELS[ctx.locale], actual: m.runningTotal, expected: m.cumulativeTargetPath },
    unitLabel: m.runningTotalAxis(unitLabel),
  };
}

/** The status line's target: the LOP target of a flow. */
export function flowTargetText(r: AssessmentResult, locale: Locale, decimals?: number): string | undefined {
  return r.lop_target === null
    ? undefined
    : chartMessages[locale].lopShort(formatNumber(r.lop_target, locale, { decimals }));
}
