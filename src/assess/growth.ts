// Growth arithmetic shared by the assessment methods (formulas from
// ../shared/reference/methods.md). Every helper returns `undefined` where the quantity
// does not exist (a zero base, equal times, too few points), never NaN or Infinity, so a
// method can turn "undefined" into a category null with a reason an officer understands.
import type { InputValue, TimedValue } from './method-types.js';
import { methodMessagesOf } from '../messages/methods.js';
import type { Locale } from '../spec/schema.js';

/** A number, or undefined when it is NaN or infinite. */
export function finiteOrUndefined(x: number): number | undefined {
  return Number.isFinite(x) ? x : undefined;
}

/** A number for a verdict's `inputs`: null stands for "does not exist". */
export function finiteOrNull(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

/**
 * Compound annual growth rate CAGR(v1, v0, t1, t0) = (v1/v0)^(1/(t1-t0)) - 1
 * (methods.md, notation). Undefined for a zero or negative base, a negative end value
 * (a real root of a negative ratio does not exist) or equal times. An end value of 0
 * gives -1: the quantity vanished.
 */
export function cagr(v1: number, v0: number, t1: number, t0: number): number | undefined {
  if (!(v0 > 0) || !(v1 >= 0) || t1 === t0) return undefined;
  return finiteOrUndefined((v1 / v0) ** (1 / (t1 - t0)) - 1);
}

/**
 * Average annual rate of reduction between two points, AARR = 1 - (p2/p1)^(1/(t2-t1))
 * (UNICEF/WHO, methods.md "aarr"); arguments in the order of `cagr`, later point first.
 * It is -CAGR.
 */
export function aarrBetween(p2: number, p1: number, t2: number, t1: number): number | undefined {
  const growth = cagr(p2, p1, t2, t1);
  return growth === undefined ? undefined : -growth;
}

export interface Point {
  time: number;
  value: number;
}

export interface Line {
  slope: number;
  /** Value of the line at time 0. */
  intercept: number;
  /** Means of the times and values: the line passes through them. */
  meanTime: number;
  meanValue: number;
}

/**
 * Ordinary least squares line through the points: slope = S(x-mx)(y-my) / S(x-mx)^2
 * (methods.md "Projections"). Undefined for fewer than two points or when every point
 * has the same time.
 */
export function olsLine(points: readonly Point[]): Line | undefined {
  if (points.length < 2) return undefined;
  const meanTime = mean(points.map((p) => p.time));
  const meanValue = mean(points.map((p) => p.value));
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.time - meanTime) * (p.value - meanValue);
    sxx += (p.time - meanTime) ** 2;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const intercept = meanValue - slope * meanTime;
  if (!Number.isFinite(slope) || !Number.isFinite(intercept)) return undefined;
  return { slope, intercept, meanTime, meanValue };
}

export function olsSlope(points: readonly Point[]): number | undefined {
  return olsLine(points)?.slope;
}

/** The line's value at a time, computed around the means so years near 2000 lose no digits. */
export function lineValueAt(line: Line, time: number): number {
  return line.meanValue + line.slope * (time - line.meanTime);
}

/**
 * AARR of several points: regress ln(P) on t and take 1 - e^slope (UNICEF/WHO practice
 * for nutrition targets, methods.md "aarr"). Undefined when a value is not positive (its
 * logarithm does not exist) or the points do not span two times.
 */
export function aarrRegression(points: readonly Point[]): number | undefined {
  if (points.some((p) => !(p.value > 0))) return undefined;
  const slope = olsSlope(points.map((p) => ({ time: p.time, value: Math.log(p.value) })));
  return slope === undefined ? undefined : finiteOrUndefined(1 - Math.exp(slope));
}

/** Value at `time` on the straight path from (t0, v0) to (t1, v1); undefined when t1 == t0. */
export function linearPathValue(v0: number, t0: number, v1: number, t1: number, time: number): number | undefined {
  if (t1 === t0) return undefined;
  return finiteOrUndefined(v0 + ((v1 - v0) * (time - t0)) / (t1 - t0));
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

// ---------------------------------------------------------------------------------------
// Helpers the methods share about series and targets.

/**
 * Whether a value has reached a target in the desired direction (methods.md
 * "trajectory: achieved"): at or above it when an increase is desired, at or below it
 * when a decrease is.
 */
export function reachesTarget(value: number, target: number, direction: 1 | -1): boolean {
  return direction === 1 ? value >= target : value <= target;
}

/** Strictly beyond the target: the UNSD 2022 "target already met" test. */
export function exceedsTarget(value: number, target: number, direction: 1 | -1): boolean {
  return direction === 1 ? value > target : value < target;
}

/** The latest observation (observations are sorted by time), if any. */
export function latestObservation(observations: readonly TimedValue[]): TimedValue | undefined {
  return observations.length > 0 ? observations[observations.length - 1] : undefined;
}

/** The names of a point's inputs, made once per name. */
const pointInputNames = new Map<string, readonly [string, string, string]>();

/** Sets `name_value`, `name_time` and `name_period` of a point in a verdict's inputs (null without the point). */
export function setPointInputs(inputs: Record<string, InputValue>, name: string, point: TimedValue | undefined): void {
  let names = pointInputNames.get(name);
  if (names === undefined) {
    names = [`${name}_value`, `${name}_time`, `${name}_period`];
    pointInputNames.set(name, names);
  }
  inputs[names[0]] = point?.value ?? null;
  inputs[names[1]] = point?.time ?? null;
  inputs[names[2]] = point?.period ?? null;
}

/**
 * Why the CAGR-based methods (UNSD, Eurostat, AARR) cannot compare the baseline, the
 * latest value and the target, as a sentence; undefined when they can. A target whose
 * change from the baseline runs against the desired direction is refused too: the
 * baseline already meets it, and a ratio of growth rates would read moving back towards
 * it as progress.
 */
export function growthObstacle(
  baseline: TimedValue,
  latest: TimedValue,
  target: TimedValue | undefined,
  direction: 1 | -1,
  locale?: Locale,
): string | undefined {
  const m = methodMessagesOf(locale);
  if (latest.time <= baseline.time) return m.growthNoData(baseline.period);
  if (!(baseline.value > 0)) return m.growthBaselineNotPositive(baseline.value);
  if (latest.value < 0) return m.growthLatestNegative(latest.value);
  if (target === undefined) return undefined;
  if (target.time <= baseline.time) return m.growthTargetNotAfterBaseline(target.period, baseline.period);
  if (target.value < 0) return m.growthTargetNegative(target.value);
  if (direction * (target.value - baseline.value) <= 0)
    return m.growthBaselineMeetsTarget(baseline.value, target.value);
  return undefined;
}
