// unsd-2022: the UN Statistics Division's SDG Progress Chart 2022 (methods.md
// "unsd-2022"): the ratio of the actual to the required compound annual growth rate.
// Source: the 2022 Progress Chart Technical Note, as implemented by UNDP-Data/SDG-Accelerator
// src/utils/getStatus.tsx (strict "target achieved" test, CR cut-offs 0.95 / 0.5 / -0.1).
import type { AssessmentMethod } from '../method-types.js';
import { verdictFrame } from './verdict-frame.js';
import { cagr, exceedsTarget, finiteOrNull, growthObstacle } from '../growth.js';
import { methodMessagesOf } from '../../messages/methods.js';

export type Unsd2022Category =
  | 'target_achieved'
  | 'on_track'
  | 'fair_progress'
  | 'limited_or_no_progress'
  | 'deterioration';

/** The cut-offs of the CAGR ratio CR (on track, fair progress, limited or no progress). */
export const UNSD_2022_CR = { onTrack: 0.95, fair: 0.5, limited: -0.1 } as const;

/** Category of a CAGR ratio; each boundary belongs to the better class. */
export function unsd2022Category(cr: number): Exclude<Unsd2022Category, 'target_achieved'> {
  if (cr >= UNSD_2022_CR.onTrack) return 'on_track';
  if (cr >= UNSD_2022_CR.fair) return 'fair_progress';
  if (cr >= UNSD_2022_CR.limited) return 'limited_or_no_progress';
  return 'deterioration';
}

export const unsd2022: AssessmentMethod = (input) => {
  const { baseline, target, direction } = input;
  const { latest, inputs, verdict } = verdictFrame<Unsd2022Category>('unsd-2022', input, {
    cagr_actual: null,
    cagr_required: null,
    cr: null,
  });

  const m = methodMessagesOf(input.locale);
  if (target === undefined) return verdict(null, m.unsd2022NoTarget());
  if (latest === undefined) return verdict(null, m.noObservations());
  // getStatus.tsx: "finalValue < targetValue" (min) / "> targetValue" (max): strictly beyond.
  if (exceedsTarget(latest.value, target.value, direction)) return verdict('target_achieved');

  const obstacle = growthObstacle(baseline, latest, target, direction, input.locale);
  if (obstacle) return verdict(null, obstacle);
  const cagrActual = cagr(latest.value, baseline.value, latest.time, baseline.time);
  const cagrRequired = cagr(target.value, baseline.value, target.time, baseline.time);
  inputs.cagr_actual = finiteOrNull(cagrActual);
  inputs.cagr_required = finiteOrNull(cagrRequired);
  if (cagrActual === undefined || cagrRequired === undefined || cagrRequired === 0) {
    return verdict(null, m.growthRatesCannot());
  }
  const cr = cagrActual / cagrRequired;
  inputs.cr = finiteOrNull(cr);
  return verdict(unsd2022Category(cr));
};
