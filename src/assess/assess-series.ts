// One indicator x one breakdown -> one assessment result: baseline, the target pursued,
// latest value, expected value on the linear path, progress ratio, status, every past
// target's outcome, projections, and the chosen published method beside `trajectory`.
// Flows (`accumulation: sum`) are counted in windows instead: assess-flow.ts.
//
//   1. observations up to as-of, and how old the latest is
//   2. baseline (given, or read from this breakdown's data)
//   3. the targets this breakdown pursues, resolved from its own baseline; the one pursued at as-of
//   4. trajectory status (or `missed` once every target is past), target outcomes,
//      projections from the baseline on, the chosen method
import { assessMessages } from '../messages/assess.js';
import { frequencyStepYears } from '../periods/period.js';
import type { TargetDef } from '../spec/model.js';
import type { AssessedTarget, AssessmentResult, Status } from './assessment.js';
import { assessFlow } from './assess-flow.js';
import {
  observationsUpTo,
  pursuedTarget,
  resolveBaseline,
  resolveTarget,
  type ObservedPoint,
  type ResolvedTarget,
} from './baseline-and-targets.js';
import { lopTargetOf, targetsOf } from './breakdown-targets.js';
import { reachesTarget } from './growth.js';
import type { MethodInput } from './method-types.js';
import { runMethod } from './methods/index.js';
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
import { judgeTarget } from './target-outcome.js';
import { type MethodMessages, methodMessagesOf } from '../messages/methods.js';

export type { SeriesAssessmentContext };

const EPS = 1e-9;

const statusOfTrajectory = (category: string | null): Status | undefined =>
  category === 'achieved' ||
  category === 'on_track' ||
  category === 'at_risk' ||
  category === 'off_track' ||
  category === 'deteriorating'
    ? category
    : undefined;

export function assessSeries(ctx: SeriesAssessmentContext): AssessmentResult {
  if (ctx.indicator.accumulation === 'sum') return assessFlow(ctx);
  const { program, indicator: ind, series, asOf } = ctx;
  const locale = localeOf(ctx);
  const m = assessMessages[locale];
  const mm = methodMessagesOf(locale);
  const base = emptyResult(ctx);
  const notes = base.notes;
  const dims = base.disaggregation;
  const direction = ind.direction === 'increase' ? 1 : -1;

  // 1. observations
  const observed = series ? observationsUpTo(series, asOf) : [];
  countObservations(base, series, asOf);
  const latest = observed[observed.length - 1];
  setDataAge(base, latest, ctx);
  const afterAsOf = series ? valuesAfter(series, asOf.endYear + EPS) : 0;
  if (afterAsOf) notes.push(mm.valuesAfterAsOf(afterAsOf, asOf.id));

  // 2. baseline
  const baseline = resolveBaseline(ind.baseline, ctx.isHeadline, observed, locale);
  if (baseline.note) notes.push(baseline.note);
  if (baseline.point)
    base.baseline = {
      period: baseline.point.period,
      value: roundForOutput(baseline.point.value),
      source: baseline.point.source,
    };
  if (latest) base.latest = { period: latest.period, value: roundForOutput(latest.value), source: latest.source };
  if (ind.accumulation === 'cumulative' && latest) base.actual_to_date = roundForOutput(latest.value);

  // 3. targets: this breakdown's, resolved from its own baseline
  const defs = targetsOf(ind, dims);
  const resolved: ResolvedTarget[] = [];
  for (const def of defs) {
    const r = resolveTarget(def, baseline.point?.value, ind.unit, locale);
    if ('target' in r) resolved.push(r.target);
    else {
      notes.push(r.unresolved);
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
  const stepYears = frequencyStepYears(ind.frequency);
  for (const t of resolved) {
    const outcome = judgeTarget(t, observed, asOf, direction, stepYears, locale);
    const judgedWell = outcome.by && (outcome.outcome === 'achieved' || outcome.outcome === 'missed');
    const met = judgedWell && outcome.by ? percentMet(outcome.by.value, t.value, ind.direction) : undefined;
    // Member by member rather than spread (a literal with a spread in its middle is built slowly), in this order.
    const value = roundForOutput(t.value);
    const derivation = t.derivation === 'given' ? undefined : t.derivation;
    const judged_by = outcome.by ? { period: outcome.by.period, value: roundForOutput(outcome.by.value) } : undefined;
    const assessed: AssessedTarget = t.def.for
      ? { period: t.period, value, label: t.label, for: t.def.for, derivation, outcome: outcome.outcome, judged_by }
      : { period: t.period, value, label: t.label, derivation, outcome: outcome.outcome, judged_by };
    if (met !== undefined) assessed.percent_met = met === null ? null : roundForOutput(met);
    assessed.reason = outcome.reason;
    base.targets.push(assessed);
  }
  base.targets.sort(
    (a, b) => defs.findIndex((t) => t.period.id === a.period) - defs.findIndex((t) => t.period.id === b.period),
  );
  const pursued = pursuedTarget(resolved, asOf);
  if (pursued) base.target = { period: pursued.period, value: roundForOutput(pursued.value), label: pursued.label };
  if (ind.accumulation === 'cumulative') {
    const lop = lopTargetOf(ind, dims) ?? resolved[resolved.length - 1]?.value;
    if (lop !== undefined) {
      base.lop_target = roundForOutput(lop);
      if (latest && lop !== 0) base.percent_of_lop = roundForOutput(latest.value / lop);
    }
  }

  // 4. methods. Published methods that judge without a target (Open SDG method 1,
  // Eurostat) still run when there is none; the status is then no_target.
  const input: MethodInput | undefined =
    baseline.point && observed.length
      ? {
          direction,
          unit: ind.unit,
          accumulation: ind.accumulation,
          observations: observed, // the points themselves: methods read their time and value, never keep them
          baseline: {
            period: baseline.point.period,
            time: baseline.point.time,
            firstYear: baseline.point.firstYear,
            value: baseline.point.value,
          },
          target: pursued ? toTimed(pursued) : undefined,
          targets: resolved.map(toTimed),
          targetEndTimes: resolved.map((t) => t.endTime),
          asOf: { period: asOf.id, time: asOf.mid, endTime: asOf.endYear },
          stepYears,
          bands: program.bands,
          openSdgBaseYear: program.openSdgBaseYear,
          naturalLimit: ind.naturalLimit,
          locale,
        }
      : undefined;
  const run = (trajectory: ReturnType<typeof runMethod>) =>
    input ? { trajectory, input, ipttInput: input } : undefined;
  const withoutTrajectory = (status: Status, reason: string) =>
    finishResult(base, status, reason, ctx, run({ method: 'trajectory', category: null, inputs: {}, reason }));

  if (!defs.length) {
    const breakdownOfCount = ind.targets.length > 0 && Object.keys(dims).length > 0;
    return withoutTrajectory('no_target', breakdownOfCount ? m.breakdownWithoutTarget() : m.noTarget());
  }

  // A target whose date has passed is never at risk: once every target is past, the
  // last one not reached (at its date, or by any value since) is missed.
  const missed = missedLastTarget(defs, resolved, base.targets, observed, asOf, direction, baseline.point?.time);
  if (missed === 'missed' && latest && pursued)
    return withoutTrajectory('missed', m.missedLevel(pursued.value, pursued.period, latest.value, latest.period));

  if (!baseline.point) return withoutTrajectory('no_data', baseline.note ?? mm.noBaselineValue());
  if (!pursued) return withoutTrajectory('no_target', notes[notes.length - 1] ?? mm.noTargetResolved());
  if (!observed.length || !input) return withoutTrajectory('no_data', mm.noValueToAsOf());
  if (pursued.time <= baseline.point.time)
    return withoutTrajectory('no_target', mm.targetBeforeBaseline(pursued.period, baseline.point.period));
  if (!observed.some((o) => o.time > (baseline.point?.time ?? Number.POSITIVE_INFINITY)))
    return withoutTrajectory('no_data', mm.noValueAfterBaseline(baseline.point.period, asOf.id));
  if (missed === 'unjudged') return withoutTrajectory('no_data', m.pastTargetUnjudged(pursued.period));

  const trajectory = runMethod('trajectory', input);
  const e = trajectory.inputs.expected;
  const pr = trajectory.inputs.progress_ratio;
  base.expected = typeof e === 'number' ? roundForOutput(e) : null;
  base.progress_ratio = typeof pr === 'number' ? roundForOutput(pr) : null;
  if (ind.accumulation === 'cumulative') base.target_to_date = base.expected;

  // Projections are fitted on the observations from the baseline on (every observation
  // only when fewer than two follow it): a pace from decades before the baseline is not
  // the programme's.
  const fitted = { ...input, observations: fromBaselineOn(observed, baseline.point.time) };
  const linear = toProjection(projectLinear(fitted), pursued.period);
  base.projections = [linear, toProjection(projectCagr(fitted), pursued.period)];
  base.projection = linear;

  const status = statusOfTrajectory(trajectory.category);
  const runs = run(trajectory);
  if (!status) return finishResult(base, 'no_data', trajectory.reason ?? mm.trajectoryCannot(), ctx, runs);
  const note = projectionMissNote(status, base.projection, pursued, direction, ctx);
  if (note) notes.push(note);
  return finishResult(base, status, trajectory.reason ?? reasonOf(status, base, mm), ctx, runs);
}

/** How many values of a series are not missing and fall after `endYear`. */
function valuesAfter(
  series: { periods: readonly { endYear: number }[]; values: Float64Array },
  endYear: number,
): number {
  let n = 0;
  for (let i = 0; i < series.values.length; i++) {
    const p = series.periods[i];
    if (p !== undefined && !Number.isNaN(series.values[i]) && p.endYear > endYear) n++;
  }
  return n;
}

/** The observations from the baseline on, or all of them when fewer than two follow the baseline. */
export function fromBaselineOn(observed: readonly ObservedPoint[], baselineTime: number): ObservedPoint[] {
  const after = observed.filter((o) => o.time > baselineTime + EPS);
  if (after.length < 2) return [...observed];
  return observed.filter((o) => o.time >= baselineTime - EPS);
}

/**
 * Whether every target is past at as-of and the last one was not reached: `missed` when
 * its outcome is missed, or a value observed after its date still falls short of it;
 * `unjudged` when nothing observed at or after its date can tell; undefined otherwise
 * (a target still ahead, the last one reached, or unresolved).
 */
function missedLastTarget(
  defs: readonly TargetDef[],
  resolved: readonly ResolvedTarget[],
  assessed: AssessmentResult['targets'],
  observed: readonly ObservedPoint[],
  asOf: { endYear: number },
  direction: 1 | -1,
  baselineTime: number | undefined,
): 'missed' | 'unjudged' | undefined {
  if (defs.length === 0 || defs.some((t) => t.period.endYear > asOf.endYear + EPS)) return undefined;
  const last = resolved.find((t) => t.def === defs[defs.length - 1]);
  // A target dated at or before the baseline is no target to miss.
  if (!last || (baselineTime !== undefined && last.time <= baselineTime)) return undefined;
  const latest = observed[observed.length - 1];
  if (!latest || reachesTarget(latest.value, last.value, direction)) return undefined;
  const outcome = assessed.find((t) => t.period === last.period)?.outcome;
  if (outcome === 'missed' || latest.time > last.endTime - EPS) return 'missed';
  return 'unjudged';
}

function reasonOf(status: Status, r: Omit<AssessmentResult, 'status' | 'reason'>, mm: MethodMessages): string {
  const { latest, target, baseline } = r;
  if (status === 'achieved' && latest && target)
    return mm.reachedTarget(latest.value, latest.period, target.value, target.period);
  if (status === 'deteriorating' && latest && baseline) return mm.movedAway(latest.value, baseline.value);
  return mm.progressShare(r.progress_ratio, latest?.period ?? '?');
}
