// One indicator x one breakdown -> one assessment result: baseline, the target pursued,
// latest value, expected value on the linear path, progress ratio, status, every past
// target's outcome, projections, and the chosen published method beside `trajectory`.
//
//   1. observations up to as-of
//   2. baseline (given, or read from this breakdown's data)
//   3. targets resolved from this breakdown's baseline; the one pursued at as-of
//   4. trajectory status, target outcomes, projections, the chosen method
import type { BreakdownSeries } from '../data/indicator-data.js';
import { frequencyStepYears, type Period } from '../periods/period.js';
import type { Indicator, Program } from '../spec/model.js';
import { methodNames, type MethodName } from '../spec/schema.js';
import type { AssessedTarget, AssessmentResult, MethodOutcome, ProjectionResult, Status } from './assessment.js';
import {
  observationsUpTo,
  pursuedTarget,
  resolveBaseline,
  resolveTarget,
  type ObservedPoint,
  type ResolvedTarget,
} from './baseline-and-targets.js';
import type { MethodInput, MethodVerdict, TimedValue } from './method-types.js';
import { runMethod } from './methods/index.js';
import { projectCagr, projectLinear } from './projection.js';
import { judgeTarget } from './target-outcome.js';
import { roundForOutput } from './rounding.js';

export interface SeriesAssessmentContext {
  program: Program;
  indicator: Indicator;
  series: BreakdownSeries | undefined;
  isHeadline: boolean;
  asOf: Period;
  method: MethodName;
  everyMethod?: boolean;
}

const statusOfTrajectory = (category: string | null): Status | undefined =>
  category === 'achieved' ||
  category === 'on_track' ||
  category === 'at_risk' ||
  category === 'off_track' ||
  category === 'deteriorating'
    ? category
    : undefined;

export function assessSeries(ctx: SeriesAssessmentContext): AssessmentResult {
  const { program, indicator: ind, series, asOf } = ctx;
  const notes: string[] = [];
  const result = program.results.find((r) => r.id === ind.result);
  const base: Omit<AssessmentResult, 'status' | 'reason'> = {
    indicator: ind.id,
    name: ind.name,
    result: ind.result,
    level: result?.level,
    disaggregation: series?.dims ?? {},
    unit: ind.unit,
    direction: ind.direction,
    method: ctx.method,
    baseline: null,
    target: null,
    latest: null,
    expected: null,
    progress_ratio: null,
    targets: [],
    projection: null,
    projections: [],
    methods: {},
    observations: 0,
    missing: 0,
    notes,
  };

  // 1. observations
  const observed = series ? observationsUpTo(series, asOf) : [];
  base.observations = observed.length;
  if (series) {
    for (let i = 0; i < series.values.length; i++)
      if (Number.isNaN(series.values[i]) && series.periods[i].endYear <= asOf.endYear + 1e-9) base.missing++;
  }
  const lastObserved = observed[observed.length - 1];
  if (
    lastObserved &&
    asOf.endYear - lastObserved.periodObj.endYear >= frequencyStepYears(ind.frequency) * 2 - 1e-9 &&
    ind.frequency !== 'irregular'
  ) {
    notes.push(`the latest value is from ${lastObserved.period}; the series stops before as-of ${asOf.id}`);
  }
  const afterAsOf = series
    ? series.periods.filter((p, i) => !Number.isNaN(series.values[i]) && p.endYear > asOf.endYear + 1e-9).length
    : 0;
  if (afterAsOf) notes.push(`${afterAsOf} value${afterAsOf === 1 ? '' : 's'} after as-of ${asOf.id} not used`);

  // 2. baseline
  const baseline = resolveBaseline(ind.baseline, ctx.isHeadline, observed);
  if (baseline.note) notes.push(baseline.note);
  if (baseline.point)
    base.baseline = {
      period: baseline.point.period,
      value: roundForOutput(baseline.point.value),
      source: baseline.point.source,
    };

  // A `sum` indicator counts flows (people trained each quarter): it is judged on the
  // running total since the baseline against totals (TolaData), not on its last flow.
  const summed = ind.accumulation === 'sum' && baseline.point !== undefined;
  const judged = summed ? runningTotalsAfter(observed, baseline.point!.time) : observed;
  if (summed)
    notes.push(
      `values are flows: the latest is the running total of ${judged.length} value${judged.length === 1 ? '' : 's'} after the baseline`,
    );
  const latest = judged[judged.length - 1];
  if (latest) base.latest = { period: latest.period, value: roundForOutput(latest.value), source: latest.source };

  // 3. targets
  const resolved: ResolvedTarget[] = [];
  for (const def of ind.targets) {
    const r = resolveTarget(def, baseline.point?.value, ind.unit);
    if ('target' in r) resolved.push(r.target);
    else {
      notes.push(r.unresolved);
      base.targets.push({
        period: def.period.id,
        value: null,
        label: def.label,
        outcome: 'no_data',
        reason: r.unresolved,
      });
    }
  }
  const stepYears = frequencyStepYears(ind.frequency);
  for (const t of resolved) {
    const outcome = judgeTarget(t, judged, asOf, ind.direction === 'increase' ? 1 : -1, stepYears);
    base.targets.push({
      period: t.period,
      value: roundForOutput(t.value),
      label: t.label,
      derivation: t.derivation === 'given' ? undefined : t.derivation,
      outcome: outcome.outcome,
      judged_by: outcome.by ? { period: outcome.by.period, value: roundForOutput(outcome.by.value) } : undefined,
      reason: outcome.reason,
    });
  }
  base.targets.sort(
    (a, b) =>
      ind.targets.findIndex((t) => t.period.id === a.period) - ind.targets.findIndex((t) => t.period.id === b.period),
  );
  const pursued = pursuedTarget(resolved, asOf);
  if (pursued) base.target = { period: pursued.period, value: roundForOutput(pursued.value), label: pursued.label };

  // 4. methods. Published methods that judge without a target (Open SDG method 1,
  // Eurostat) still run when there is none; the status is then no_target.
  const input: MethodInput | undefined =
    baseline.point && observed.length
      ? {
          direction: ind.direction === 'increase' ? 1 : -1,
          unit: ind.unit,
          accumulation: ind.accumulation,
          observations: judged.map(toTimed),
          baseline: {
            period: baseline.point.period,
            time: baseline.point.time,
            firstYear: baseline.point.firstYear,
            value: summed ? 0 : baseline.point.value,
          },
          target: pursued ? toTimed(pursued) : undefined,
          targets: resolved.map(toTimed),
          targetEndTimes: resolved.map((t) => t.endTime),
          asOf: { period: asOf.id, time: asOf.mid, endTime: asOf.endYear },
          stepYears,
          bands: program.bands,
          openSdgBaseYear: program.openSdgBaseYear,
          naturalLimit: ind.naturalLimit,
        }
      : undefined;
  // TolaData's IPTT sums the flows itself: it gets the values as reported.
  const ipttInput =
    input && summed
      ? { ...input, observations: observed.map(toTimed), baseline: { ...input.baseline, value: baseline.point!.value } }
      : input;
  const withoutTrajectory = (status: Status, reason: string) =>
    finish(
      base,
      status,
      reason,
      ctx,
      input
        ? { trajectory: { method: 'trajectory', category: null, inputs: {}, reason }, input, ipttInput: ipttInput! }
        : undefined,
    );

  if (!ind.targets.length) return withoutTrajectory('no_target', 'the indicator has no target');
  if (!baseline.point) return withoutTrajectory('no_data', baseline.note ?? 'no baseline value');
  if (!pursued) return withoutTrajectory('no_target', notes[notes.length - 1] ?? 'no target could be resolved');
  if (!judged.length || !input) return withoutTrajectory('no_data', 'no value has been observed up to as-of');
  if (pursued.time <= baseline.point.time) {
    return withoutTrajectory(
      'no_target',
      `the target ${pursued.period} is dated at or before the baseline ${baseline.point.period}`,
    );
  }
  if (!judged.some((o) => o.time > baseline.point!.time)) {
    return withoutTrajectory('no_data', `no value after the baseline ${baseline.point.period} up to as-of ${asOf.id}`);
  }

  const trajectory = runMethod('trajectory', input);
  const e = trajectory.inputs.expected;
  const pr = trajectory.inputs.progress_ratio;
  base.expected = typeof e === 'number' ? roundForOutput(e) : null;
  base.progress_ratio = typeof pr === 'number' ? roundForOutput(pr) : null;

  const projections = [projectLinear(input), projectCagr(input)].map((p) => toProjection(p, pursued.period));
  base.projections = projections;
  base.projection = projections[0];

  const status = statusOfTrajectory(trajectory.category);
  if (status)
    return finish(base, status, trajectory.reason ?? reasonOf(status, base), ctx, {
      trajectory,
      input,
      ipttInput: ipttInput!,
    });
  return finish(base, 'no_data', trajectory.reason ?? 'the trajectory cannot be judged', ctx, {
    trajectory,
    input,
    ipttInput: ipttInput!,
  });
}

function finish(
  base: Omit<AssessmentResult, 'status' | 'reason'>,
  status: Status,
  reason: string,
  ctx: SeriesAssessmentContext,
  run: { trajectory: MethodVerdict; input: MethodInput; ipttInput: MethodInput } | undefined,
): AssessmentResult {
  const methods: AssessmentResult['methods'] = {};
  const names: MethodName[] = ctx.everyMethod ? [...methodNames] : ['trajectory', ctx.method];
  for (const name of names) {
    if (methods[name]) continue;
    if (!run) methods[name] = { category: null, inputs: {}, reason };
    else
      methods[name] = outcomeOf(
        name === 'trajectory' ? run.trajectory : runMethod(name, name === 'iptt' ? run.ipttInput : run.input),
      );
  }
  return { ...base, status, reason, methods };
}

/** Every published method on the same input, for the report's per-indicator sheet. */
export function outcomeOf(v: MethodVerdict): MethodOutcome {
  const inputs: MethodOutcome['inputs'] = {};
  for (const [k, x] of Object.entries(v.inputs)) inputs[k] = typeof x === 'number' ? roundForOutput(x) : x;
  const out: MethodOutcome = { category: v.category, inputs };
  if (v.score !== undefined) out.score = roundForOutput(v.score);
  if (v.reason) out.reason = v.reason;
  return out;
}

/** Running totals of the values dated after the baseline. */
function runningTotalsAfter(observed: readonly ObservedPoint[], baselineTime: number): ObservedPoint[] {
  let total = 0;
  return observed.filter((o) => o.time > baselineTime).map((o) => ({ ...o, value: (total += o.value) }));
}

function toTimed(t: TimedValue): TimedValue {
  return { period: t.period, time: t.time, firstYear: t.firstYear, value: t.value };
}

function reasonOf(status: Status, r: Omit<AssessmentResult, 'status' | 'reason'>): string {
  const ratio = r.progress_ratio;
  switch (status) {
    case 'achieved':
      return `the latest value (${r.latest?.value}, ${r.latest?.period}) has reached the target (${r.target?.value}, ${r.target?.period})`;
    case 'deteriorating':
      return `the latest value (${r.latest?.value}) has moved away from the target since the baseline (${r.baseline?.value})`;
    default:
      return `${ratio === null ? '?' : Math.round(ratio * 100)} % of the change expected by ${r.latest?.period} on the path from the baseline to the target has happened`;
  }
}

type RawProjection = ReturnType<typeof projectLinear>;

function toProjection(p: RawProjection, targetPeriod: string): ProjectionResult {
  const raw = p as unknown as {
    method: 'linear' | 'cagr';
    value?: number | null;
    attainment?: { time: number } | null;
    reason?: string;
    inputs?: Record<string, unknown>;
  };
  const inputs: Record<string, number | string | boolean | null> = {};
  for (const [k, v] of Object.entries(raw.inputs ?? {})) {
    if (typeof v === 'number') inputs[k] = roundForOutput(v);
    else if (typeof v === 'string' || typeof v === 'boolean' || v === null) inputs[k] = v;
  }
  return {
    method: raw.method,
    period: targetPeriod,
    value: typeof raw.value === 'number' && Number.isFinite(raw.value) ? roundForOutput(raw.value) : null,
    attainment: raw.attainment ? String(Math.floor(raw.attainment.time)) : null,
    ...(raw.reason ? { reason: raw.reason } : {}),
    inputs,
  };
}

export type { AssessedTarget };
