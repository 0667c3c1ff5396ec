// aarr: average annual rate of reduction, the measure behind the World Health Assembly
// 2025 nutrition targets and the Global Nutrition Report (UNICEF/WHO; methods.md "aarr").
// Two points: AARR = 1 - (P2/P1)^(1/(t2-t1)); more: regress ln(P) on t, AARR = 1 - e^slope.
import type { AssessmentMethod } from '../method-types.js';
import { verdictFrame } from './verdict-frame.js';
import { aarrBetween, aarrRegression, finiteOrNull, growthObstacle, type Point } from '../growth.js';
import { methodMessagesOf } from '../../messages/methods.js';

export type AarrCategory = 'on_course' | 'some_progress' | 'no_progress_or_worsening';

/** Below this current AARR (0.5 % a year) there is no progress to speak of. */
export const AARR_PROGRESS_FLOOR = 0.005;

/** Category of the current AARR against the required one; boundaries go to the better class. */
export function aarrCategory(current: number, required: number): AarrCategory {
  if (current >= required) return 'on_course';
  if (current >= AARR_PROGRESS_FLOOR) return 'some_progress';
  return 'no_progress_or_worsening';
}

export const aarr: AssessmentMethod = (input) => {
  const { baseline, target, direction } = input;
  // The baseline is always a point; observations after it join it.
  const points: Point[] = [baseline, ...input.observations.filter((o) => o.time > baseline.time)];
  const formula = points.length > 2 ? 'regression' : 'two_points';
  const { latest, inputs, verdict } = verdictFrame<AarrCategory>('aarr', input, {
    points: points.length,
    formula,
    aarr: null,
    required_aarr: null,
    progress_floor: AARR_PROGRESS_FLOOR,
  });

  const m = methodMessagesOf(input.locale);
  if (direction === 1) return verdict(null, m.aarrOnlyDecrease());
  if (latest === undefined) return verdict(null, m.noObservations());
  const obstacle = growthObstacle(baseline, latest, target, direction, input.locale);
  if (obstacle) return verdict(null, obstacle);
  if (points.some((p) => !(p.value > 0))) {
    return verdict(null, m.reductionNeedsPositive());
  }

  const current =
    formula === 'two_points'
      ? aarrBetween(latest.value, baseline.value, latest.time, baseline.time)
      : aarrRegression(points);
  inputs.aarr = finiteOrNull(current);
  if (current === undefined) return verdict(null, m.reductionCannot());
  if (target === undefined) return verdict(null, m.aarrNoTarget());
  const required = aarrBetween(target.value, baseline.value, target.time, baseline.time);
  inputs.required_aarr = finiteOrNull(required);
  if (required === undefined) return verdict(null, m.requiredReductionCannot());
  return verdict(aarrCategory(current, required));
};
