// One flow (`accumulation: sum`: people trained each month) x one breakdown -> one result,
// counted as an IPTT counts it (FORMAT.md section 5):
//
//   1. observations up to as-of, and how old the latest is; the baseline, informational
//   2. the actual to date: the running total from the programme's start
//   3. each target for its window: the window's actual, achieved / missed once it has
//      ended, percent met, complete or the periods it lacks
//   4. the cumulative target path and the life-of-programme (LOP) target: target to date,
//      progress ratio, status (`achieved` at the LOP, `missed` once every window has ended)
//   5. the running total's projection to the programme's end, the chosen method
import { assessMessages } from '../messages/assess.js';
import { frequencyStepYears } from '../periods/period.js';
import type { AssessedTarget, AssessmentResult, Status } from './assessment.js';
import {
  observationsUpTo,
  pursuedTarget,
  resolveBaseline,
  resolveTarget,
  type ResolvedTarget,
} from './baseline-and-targets.js';
import { lopTargetOf, targetsOf } from './breakdown-targets.js';
import { cumulativeTargetPath, type CumulativeTargetPath } from './cumulative-target-path.js';
import { runningTotal, windowActual } from './flow-windows.js';
import { reachesTarget } from './growth.js';
import type { MethodInput, MethodVerdict, TimedValue } from './method-types.js';
import { statusOfProgressRatio } from './methods/trajectory.js';
import { percentMet } from './percent-met.js';
import { projectCagr, projectLinear } from './projection.js';
import {
  countObservations,
  emptyResult,
  finishResult,
  localeOf,
  projectionMissNote,
  setDataAge,
  toProjection,
  toTimed,
  type SeriesAssessmentContext,
} from './result-frame.js';
import { roundForOutput } from './rounding.js';

const EPS = 1e-9;

export function assessFlow(ctx: SeriesAssessmentContext): AssessmentResult {
  const { program, indicator: ind, series, asOf } = ctx;
  const m = assessMessages[localeOf(ctx)];
  const base = emptyResult(ctx);
  const dims = base.disaggregation;
  const direction = ind.direction === 'increase' ? 1 : -1;
  const start = program.period.start;

  // 1. observations; the baseline is shown, never subtracted, never required
  const observed = series ? observationsUpTo(series, asOf) : [];
  countObservations(base, series, asOf);
  setDataAge(base, observed[observed.length - 1], ctx);
  const baseline = resolveBaseline(ind.baseline, ctx.isHeadline, observed, localeOf(ctx));
  if (ind.baseline && baseline.point)
    base.baseline = {
      period: baseline.point.period,
      value: roundForOutput(baseline.point.value),
      source: baseline.point.source,
    };

  // 2. actual to date
  const toDate = runningTotal(series, start.startYear, asOf);
  if (toDate.latest) {
    base.actual_to_date = roundForOutput(toDate.total);
    base.latest = { period: toDate.latest.id, value: base.actual_to_date };
    base.notes.push(m.runningTotal(toDate.counted, start.id, toDate.latest.id));
  }

  // 3. targets, each for its window
  const defs = targetsOf(ind, dims);
  const resolved: ResolvedTarget[] = [];
  for (const def of defs) {
    const r = resolveTarget(def, baseline.point?.value, ind.unit, localeOf(ctx));
    if ('target' in r) resolved.push(r.target);
    else {
      base.notes.push(r.unresolved);
      base.targets.push({
        period: def.period.id,
        value: null,
        label: def.label,
        ...(def.for ? { for: def.for } : {}),
        outcome: 'no_data',
        reason: r.unresolved,
      });
    }
  }
  for (const t of resolved) base.targets.push(windowTarget(t, ctx, direction));
  for (const t of base.targets)
    if (t.outcome !== 'not_due' && t.missing?.length) base.notes.push(m.windowIncomplete(t.period, t.missing));
  base.targets.sort(
    (a, b) => defs.findIndex((t) => t.period.id === a.period) - defs.findIndex((t) => t.period.id === b.period),
  );
  const pursued = pursuedTarget(resolved, asOf);
  if (pursued) base.target = { period: pursued.period, value: roundForOutput(pursued.value), label: pursued.label };

  // 4. the cumulative target path, LOP target and status
  const lopGiven = lopTargetOf(ind, dims);
  const path = cumulativeTargetPath(
    resolved.map((t) => ({ period: t.period, startYear: t.startTime, endYear: t.endTime, value: t.value })),
    lopGiven === undefined
      ? undefined
      : { value: lopGiven, startYear: start.startYear, endYear: program.period.end.endYear },
  );
  const hasTarget = resolved.length > 0 || lopGiven !== undefined;
  if (hasTarget) {
    base.lop_target = roundForOutput(path.lop);
    if (base.actual_to_date !== null && path.lop !== 0)
      base.percent_of_lop = roundForOutput(base.actual_to_date / path.lop);
  }
  const input = methodInputOf(ctx, toDate.latest ? observed : [], resolved, pursued, path);
  const judge = (status: Status, reason: string, verdict?: MethodVerdict) =>
    finishResult(
      base,
      status,
      reason,
      ctx,
      input
        ? {
            trajectory: verdict ?? { method: 'trajectory', category: null, inputs: {}, reason },
            input: input.running,
            ipttInput: input.flows,
          }
        : undefined,
    );

  if (!hasTarget) {
    const breakdownOfCount = ind.targets.length > 0 && Object.keys(dims).length > 0;
    return judge('no_target', breakdownOfCount ? m.breakdownWithoutTarget() : m.noTarget());
  }
  if (!toDate.latest || base.actual_to_date === null) return judge('no_data', m.flowNoValues(asOf.id));
  const actual = toDate.total;
  const at = toDate.latest.endYear;
  const targetToDate = path.valueAt(at);
  base.target_to_date = roundForOutput(targetToDate);
  base.expected = base.target_to_date;
  const everyWindowEnded =
    resolved.every((t) => t.endTime <= asOf.endYear + EPS) &&
    (lopGiven === undefined || program.period.end.endYear <= asOf.endYear + EPS);
  const verdict = flowVerdict(actual, targetToDate, path, everyWindowEnded, direction, toDate.latest.id, ctx);
  base.progress_ratio = verdict.ratio === null ? null : roundForOutput(verdict.ratio);
  const trajectory: MethodVerdict = {
    method: 'trajectory',
    category: verdict.status,
    inputs: {
      direction,
      actual_to_date: base.actual_to_date,
      at_time: at,
      target_to_date: base.target_to_date,
      lop_target: base.lop_target,
      progress_ratio: base.progress_ratio,
      band_on_track: program.bands.onTrack,
      band_at_risk: program.bands.atRisk,
    },
  };

  // 5. projection of the running total to the programme's end, against the LOP target
  if (input) {
    const horizon = { period: program.period.end.id, time: program.period.end.endYear, value: path.lop };
    const linear = toProjection(projectLinear(input.running, horizon), program.period.end.id);
    const cagr = toProjection(projectCagr(input.running, horizon), program.period.end.id);
    base.projections = [linear, cagr];
    base.projection = linear;
    const note = projectionMissNote(
      verdict.status,
      base.projection,
      { value: path.lop, period: program.period.end.id },
      direction,
      ctx,
    );
    if (note) base.notes.push(note);
  }
  return judge(verdict.status, verdict.reason, trajectory);
}

/** A target judged on its window's actual. */
function windowTarget(t: ResolvedTarget, ctx: SeriesAssessmentContext, direction: 1 | -1): AssessedTarget {
  const { indicator: ind, asOf } = ctx;
  const m = assessMessages[localeOf(ctx)];
  const w = windowActual(ctx.series, t.def.period, ind.frequency, asOf);
  const outcome: AssessedTarget['outcome'] = !w.ended
    ? 'not_due'
    : w.actual === null
      ? 'no_data'
      : reachesTarget(w.actual, t.value, direction)
        ? 'achieved'
        : 'missed';
  const met = w.actual === null ? null : percentMet(w.actual, t.value, ind.direction);
  return {
    period: t.period,
    value: roundForOutput(t.value),
    label: t.label,
    ...(t.def.for ? { for: t.def.for } : {}),
    derivation: t.derivation === 'given' ? undefined : t.derivation,
    outcome,
    window_actual: w.actual === null ? null : roundForOutput(w.actual),
    percent_met: met === null ? null : roundForOutput(met),
    complete: w.complete,
    ...(w.missing.length ? { missing: w.missing } : {}),
    ...(Object.keys(w.missingBreakdowns).length ? { missing_breakdowns: w.missingBreakdowns } : {}),
    ...(outcome === 'not_due'
      ? { reason: m.windowNotDue(t.period, asOf.id) }
      : outcome === 'no_data'
        ? { reason: m.windowWithoutValue(t.period) }
        : {}),
  };
}

/**
 * Status of a flow: `achieved` once the actual to date reaches the LOP target (for a
 * decrease, once every window has ended within it), `missed` once every window has ended
 * short of it, else the trajectory bands on actual to date / target to date (target to
 * date / actual to date for a decrease, as TolaData shows it).
 */
function flowVerdict(
  actual: number,
  targetToDate: number,
  path: CumulativeTargetPath,
  everyWindowEnded: boolean,
  direction: 1 | -1,
  latest: string,
  ctx: SeriesAssessmentContext,
): { status: Status; ratio: number | null; reason: string } {
  const m = assessMessages[localeOf(ctx)];
  if (direction === 1 && actual >= path.lop - EPS)
    return {
      status: 'achieved',
      ratio: ratioOf(actual, targetToDate, direction),
      reason: m.achievedFlow(actual, path.lop),
    };
  if (everyWindowEnded) {
    const reached = reachesTarget(actual, path.lop, direction);
    return reached
      ? {
          status: 'achieved',
          ratio: ratioOf(actual, targetToDate, direction),
          reason: m.achievedFlow(actual, path.lop),
        }
      : { status: 'missed', ratio: ratioOf(actual, targetToDate, direction), reason: m.missedFlow(actual, path.lop) };
  }
  const ratio = ratioOf(actual, targetToDate, direction);
  if (ratio === null) return { status: 'on_track', ratio, reason: m.flowNoTargetToDate(latest) };
  return {
    status: statusOfProgressRatio(ratio, ctx.program.bands),
    ratio,
    reason: m.flowProgress(actual, roundForOutput(targetToDate), ratio, latest),
  };
}

/** actual / target to date (target / actual for a decrease); null when nothing is expected yet. */
function ratioOf(actual: number, targetToDate: number, direction: 1 | -1): number | null {
  const r = direction === 1 ? actual / targetToDate : targetToDate / actual;
  return targetToDate > EPS && Number.isFinite(r) ? r : null;
}

/**
 * What the published methods get: the running totals (at the end of each period) against
 * the cumulative target path, from 0 at the programme's start; TolaData's IPTT sums the
 * flows itself and gets them as reported, with the window targets.
 */
function methodInputOf(
  ctx: SeriesAssessmentContext,
  observed: ReturnType<typeof observationsUpTo>,
  resolved: readonly ResolvedTarget[],
  pursued: ResolvedTarget | undefined,
  path: CumulativeTargetPath,
): { running: MethodInput; flows: MethodInput } | undefined {
  const { program, indicator: ind, asOf } = ctx;
  const start = program.period.start;
  const inProgramme = observed.filter((o) => o.periodObj.startYear >= start.startYear - EPS);
  if (!inProgramme.length) return undefined;
  let total = 0;
  const running: TimedValue[] = inProgramme.map((o) => {
    total += o.value;
    return { period: o.period, time: o.periodObj.endYear, firstYear: o.firstYear, value: total };
  });
  const onPath = (t: ResolvedTarget): TimedValue => ({
    period: t.period,
    time: t.endTime,
    firstYear: t.firstYear,
    value: path.valueAt(t.endTime),
  });
  const origin: TimedValue = { period: start.id, time: start.startYear, firstYear: start.firstYear, value: 0 };
  const common = {
    direction: (ind.direction === 'increase' ? 1 : -1) as 1 | -1,
    unit: ind.unit,
    accumulation: ind.accumulation,
    targetEndTimes: resolved.map((t) => t.endTime),
    asOf: { period: asOf.id, time: asOf.mid, endTime: asOf.endYear },
    stepYears: frequencyStepYears(ind.frequency),
    bands: program.bands,
    openSdgBaseYear: program.openSdgBaseYear,
    naturalLimit: ind.naturalLimit,
    locale: localeOf(ctx),
  };
  return {
    running: {
      ...common,
      observations: running,
      baseline: origin,
      target: pursued ? onPath(pursued) : undefined,
      targets: resolved.map(onPath),
    },
    flows: {
      ...common,
      observations: inProgramme.map(toTimed),
      baseline: origin,
      target: pursued ? toTimed(pursued) : undefined,
      targets: resolved.map(toTimed),
    },
  };
}
