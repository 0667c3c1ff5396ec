// iptt: TolaData's Indicator Performance Tracking Table (methods.md "iptt"). Source:
// mercycorps/toladata indicators/models.py (ONSCOPE_MARGIN = .15) and
// indicators/queries/utils.py (indicator_lop_actual_progress_annotation,
// indicator_lop_target_progress_annotation, indicator_over_under_annotation).
import type { AssessmentMethod, InputValue, MethodInput, MethodVerdict } from '../method-types.js';
import { finiteOrNull, latestObservation } from '../growth.js';
import { methodMessagesOf } from '../../messages/methods.js';

export type IpttCategory = 'on_target' | 'above_target' | 'below_target';

/** TolaData's ONSCOPE_MARGIN: within 15 % of the target is on target. */
export const IPTT_MARGIN = 0.15;
const EPS = 1e-9;

/**
 * Category of percent met. The ratio is actual / target, or target / actual for a
 * decrease (methods.md), so for a decrease a ratio above the band means the actual is
 * BELOW its target: the category names where the actual lies, and above is bad for a
 * decrease (TolaData's "over is negative if direction of change is negative").
 */
export function ipttCategory(percentMet: number, direction: 1 | -1): { category: IpttCategory; good: boolean } {
  if (percentMet >= 1 - IPTT_MARGIN && percentMet <= 1 + IPTT_MARGIN) return { category: 'on_target', good: true };
  const ratioAbove = percentMet > 1 + IPTT_MARGIN;
  if (direction === 1) return { category: ratioAbove ? 'above_target' : 'below_target', good: ratioAbove };
  return { category: ratioAbove ? 'below_target' : 'above_target', good: ratioAbove };
}

/**
 * Whether the indicator compares its latest value with its latest target (TolaData:
 * percentages and cumulative indicators).
 */
function comparesLatest(input: MethodInput): boolean {
  return input.accumulation !== 'sum' || input.unit === 'percent';
}

export const iptt: AssessmentMethod = (input) => {
  const { direction, baseline } = input;
  const completed = input.targets.filter(
    (_, i) => (input.targetEndTimes[i] ?? Number.POSITIVE_INFINITY) <= input.asOf.endTime + EPS,
  );
  const completedEnds = input.targetEndTimes.filter((end) => end <= input.asOf.endTime + EPS);
  const latestMode = comparesLatest(input);
  const inputs: Record<string, InputValue> = {
    direction,
    accumulation: input.accumulation,
    unit: input.unit,
    aggregation: latestMode ? 'latest' : 'sum',
    baseline_value: baseline.value,
    baseline_time: baseline.time,
    baseline_period: baseline.period,
    completed_targets: completed.length,
    last_completed_target_period: completed.at(-1)?.period ?? null,
    last_completed_target_end_time: completedEnds.length > 0 ? Math.max(...completedEnds) : null,
    actual_to_date: null,
    target_to_date: null,
    observations_counted: null,
    latest_period: null,
    percent_met: null,
    margin: IPTT_MARGIN,
    good: null,
  };
  const verdict = (category: IpttCategory | null, reason?: string): MethodVerdict => ({
    method: 'iptt',
    category,
    inputs,
    ...(reason !== undefined ? { reason } : {}),
  });

  // TolaData counts only targets whose period has ended ("active" periodic targets).
  const m = methodMessagesOf(input.locale);
  const lastCompleted = completed.at(-1);
  if (lastCompleted === undefined) return verdict(null, m.ipttNothingDue(input.asOf.period));

  let actual: number;
  let target: number;
  if (latestMode) {
    const latest = latestObservation(input.observations);
    if (latest === undefined) return verdict(null, m.ipttNoValue());
    actual = latest.value;
    target = lastCompleted.value;
    inputs.observations_counted = 1;
    inputs.latest_period = latest.period;
  } else {
    const lastEnd = Math.max(...completedEnds);
    const counted = input.observations.filter((o) => o.time > baseline.time && o.time < lastEnd);
    if (counted.length === 0) return verdict(null, m.ipttNothingReported(baseline.period));
    actual = counted.reduce((sum, o) => sum + o.value, 0);
    target = completed.reduce((sum, t) => sum + t.value, 0);
    inputs.observations_counted = counted.length;
  }
  inputs.actual_to_date = finiteOrNull(actual);
  inputs.target_to_date = finiteOrNull(target);

  const numerator = direction === 1 ? actual : target;
  const denominator = direction === 1 ? target : actual;
  if (denominator === 0) {
    return verdict(null, direction === 1 ? m.ipttTargetZero() : m.ipttActualZero());
  }
  const percentMet = numerator / denominator;
  inputs.percent_met = finiteOrNull(percentMet);
  const { category, good } = ipttCategory(percentMet, direction);
  inputs.good = good;
  return verdict(category);
};
