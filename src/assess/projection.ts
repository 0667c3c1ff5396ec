// Projections shown with every assessment (methods.md "Projections"): where the series
// would stand at the target date if it kept its pace, and when it would first reach the
// target. Linear: the least-squares line through the observations. CAGR: the latest
// value grown at the compound annual rate since the baseline.
import type { InputValue, MethodInput, TimedValue } from './method-types.js';
import {
  cagr,
  finiteOrNull,
  finiteOrUndefined,
  latestObservation,
  lineValueAt,
  olsLine,
  reachesTarget,
} from './growth.js';
import { methodMessagesOf } from '../messages/methods.js';

export type ProjectionMethod = 'linear' | 'cagr';

export interface ProjectionValue {
  ok: true;
  method: ProjectionMethod;
  /** The target's period id, when projecting to the target. */
  period?: string;
  /** Time projected to (fractional year). */
  time: number;
  value: number;
  /**
   * Fractional time at which the projection first reaches the target, from the latest
   * observation on (the latest time itself when it has already reached it); null if it
   * never does (moving away, flat); absent without a target value.
   */
  attainment?: { time: number } | null;
  inputs: Record<string, InputValue>;
}

export interface ProjectionFailure {
  ok: false;
  method: ProjectionMethod;
  period?: string;
  time?: number;
  reason: string;
  inputs: Record<string, InputValue>;
}

export type Projection = ProjectionValue | ProjectionFailure;

/** Where to project to: the target by default. A horizon without a value has no attainment. */
export interface Horizon {
  period?: string;
  time: number;
  value?: number;
}

function horizonOf(input: MethodInput, horizon: Horizon | undefined): Horizon | undefined {
  return (
    horizon ??
    (input.target ? { period: input.target.period, time: input.target.time, value: input.target.value } : undefined)
  );
}

function failure(
  method: ProjectionMethod,
  horizon: Horizon | undefined,
  reason: string,
  inputs: Record<string, InputValue>,
): ProjectionFailure {
  return {
    ok: false,
    method,
    ...(horizon?.period !== undefined ? { period: horizon.period } : {}),
    ...(horizon !== undefined ? { time: horizon.time } : {}),
    reason,
    inputs,
  };
}

function success(
  method: ProjectionMethod,
  horizon: Horizon,
  value: number,
  attainment: { time: number } | null | undefined,
  inputs: Record<string, InputValue>,
): ProjectionValue {
  return {
    ok: true,
    method,
    ...(horizon.period !== undefined ? { period: horizon.period } : {}),
    time: horizon.time,
    value,
    ...(attainment !== undefined ? { attainment } : {}),
    inputs,
  };
}

/** OLS line through every observation (time, value), evaluated at the horizon (the target by default). */
export function projectLinear(input: MethodInput, horizon?: Horizon): Projection {
  const to = horizonOf(input, horizon);
  const line = olsLine(input.observations);
  const latest = latestObservation(input.observations);
  const inputs: Record<string, InputValue> = {
    points: input.observations.length,
    slope: finiteOrNull(line?.slope),
    intercept: finiteOrNull(line?.intercept),
    mean_time: finiteOrNull(line?.meanTime),
    mean_value: finiteOrNull(line?.meanValue),
    latest_time: latest?.time ?? null,
    horizon_time: to?.time ?? null,
    target_value: to?.value ?? null,
    direction: input.direction,
  };
  const m = methodMessagesOf(input.locale);
  if (to === undefined) return failure('linear', to, m.projectionNoTargetDate(), inputs);
  if (line === undefined || latest === undefined) {
    return failure('linear', to, m.projectionNeedsTwoPeriods(), inputs);
  }
  const value = finiteOrUndefined(lineValueAt(line, to.time));
  if (value === undefined) return failure('linear', to, m.projectionCannot(), inputs);
  let attainment: { time: number } | null | undefined;
  if (to.value !== undefined) {
    const from = lineValueAt(line, latest.time);
    if (reachesTarget(from, to.value, input.direction)) attainment = { time: latest.time };
    // Not reached yet: the target lies ahead in the desired direction, so the line must move that way.
    else if (input.direction * line.slope > 0) attainment = { time: latest.time + (to.value - from) / line.slope };
    else attainment = null;
  }
  return success('linear', to, value, attainment, inputs);
}

/** v_t * (1 + CAGR(v_t, v_b, t, b))^(T - t): the latest value kept growing at the pace since the baseline. */
export function projectCagr(input: MethodInput, horizon?: Horizon): Projection {
  const to = horizonOf(input, horizon);
  const { baseline } = input;
  const latest = latestObservation(input.observations);
  const inputs: Record<string, InputValue> = {
    baseline_value: baseline.value,
    baseline_time: baseline.time,
    latest_value: latest?.value ?? null,
    latest_time: latest?.time ?? null,
    cagr: null,
    horizon_time: to?.time ?? null,
    target_value: to?.value ?? null,
    direction: input.direction,
  };
  const m = methodMessagesOf(input.locale);
  if (to === undefined) return failure('cagr', to, m.projectionNoTargetDate(), inputs);
  if (latest === undefined || latest.time <= baseline.time) {
    return failure('cagr', to, m.projectionNoData(baseline.period), inputs);
  }
  const rate = cagr(latest.value, baseline.value, latest.time, baseline.time);
  inputs.cagr = finiteOrNull(rate);
  if (rate === undefined) {
    return failure('cagr', to, m.projectionCagrNeeds(baseline.value, latest.value), inputs);
  }
  const value = finiteOrUndefined(latest.value * (1 + rate) ** (to.time - latest.time));
  if (value === undefined) return failure('cagr', to, m.projectionCannot(), inputs);
  const attainment = to.value === undefined ? undefined : cagrAttainment(latest, rate, to.value, input.direction);
  return success('cagr', to, value, attainment, inputs);
}

/**
 * When v_t * (1 + r)^(x - t) first equals the target: x = t + ln(target / v_t) / ln(1 + r).
 * A constant rate never reaches 0 or crosses to the other sign, and a zero rate stays put.
 */
function cagrAttainment(latest: TimedValue, rate: number, target: number, direction: 1 | -1): { time: number } | null {
  if (reachesTarget(latest.value, target, direction)) return { time: latest.time };
  const growth = 1 + rate;
  if (!(target > 0) || !(latest.value > 0) || !(growth > 0) || growth === 1) return null;
  const years = Math.log(target / latest.value) / Math.log(growth);
  return Number.isFinite(years) && years > 0 ? { time: latest.time + years } : null;
}
