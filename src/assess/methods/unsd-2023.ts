// unsd-2023: the UN Statistics Division's Progress Chart from 2023 on (methods.md
// "unsd-2023"): extrapolate the current growth rate to the target year and measure the
// share of the required change it would achieve. Source: the 2023 technical note, as
// implemented by the Basque statistics office (EUSTAT-DES/site _pages/en/metodologia.md:
// score 3 for P >= 0.95, 2 for 0.10 <= P < 0.95, 1 below).
import type { AssessmentMethod } from '../method-types.js';
import { verdictFrame } from './verdict-frame.js';
import { cagr, finiteOrNull, finiteOrUndefined, growthObstacle, reachesTarget } from '../growth.js';
import { methodMessagesOf } from '../../messages/methods.js';

export type Unsd2023Category = 'target_met' | 'on_track' | 'fair_progress' | 'stagnation_or_regression';

/** The cut-offs of the projected share P of the required change (on track, fair progress). */
export const UNSD_2023_P = { onTrack: 0.95, fair: 0.1 } as const;

/** Category of the projected share P of the required change; boundaries go to the better class. */
export function unsd2023Category(p: number): Exclude<Unsd2023Category, 'target_met'> {
  if (p >= UNSD_2023_P.onTrack) return 'on_track';
  if (p >= UNSD_2023_P.fair) return 'fair_progress';
  return 'stagnation_or_regression';
}

export const unsd2023: AssessmentMethod = (input) => {
  const { baseline, target, direction } = input;
  const { latest, inputs, verdict } = verdictFrame<Unsd2023Category>('unsd-2023', input, {
    cagr_actual: null,
    value_target_year_estimate: null,
    p: null,
  });

  const m = methodMessagesOf(input.locale);
  if (target === undefined) return verdict(null, m.unsd2023NoTarget());
  if (latest === undefined) return verdict(null, m.noObservations());
  // EUSTAT exception 1: a latest value meeting the target is met, whatever the trend.
  if (reachesTarget(latest.value, target.value, direction)) return verdict('target_met');

  const obstacle = growthObstacle(baseline, latest, target, direction, input.locale);
  if (obstacle) return verdict(null, obstacle);
  const cagrActual = cagr(latest.value, baseline.value, latest.time, baseline.time);
  inputs.cagr_actual = finiteOrNull(cagrActual);
  if (cagrActual === undefined) return verdict(null, m.growthCannot());
  // v_T_est = v_t * (1 + CAGR_a)^(T - t): the current pace kept up to the target date.
  const estimate = finiteOrUndefined(latest.value * (1 + cagrActual) ** (target.time - latest.time));
  inputs.value_target_year_estimate = finiteOrNull(estimate);
  if (estimate === undefined) return verdict(null, m.expectedAtTargetCannot());
  // growthObstacle guarantees target != baseline.
  const p = (estimate - baseline.value) / (target.value - baseline.value);
  inputs.p = finiteOrNull(p);
  return verdict(unsd2023Category(p));
};
