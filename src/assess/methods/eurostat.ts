// eurostat: the EU SDG monitoring report's assessment (methods.md "eurostat"), with the
// thresholds of open-sdg/sdg-build's Eurostat-derived defaults. With a target: the ratio
// RR of the actual to the required growth rate. Without: the growth rate itself, its sign
// flipped when a decrease is desired, against +-1 % a year.
import type { AssessmentMethod } from '../method-types.js';
import { verdictFrame } from './verdict-frame.js';
import { cagr, finiteOrNull, growthObstacle } from '../growth.js';
import { methodMessagesOf } from '../../messages/methods.js';

export type EurostatCategory =
  | 'significant_progress'
  | 'moderate_progress'
  | 'insufficient_progress'
  | 'movement_away'
  | 'moderate_movement_away'
  | 'significant_movement_away';

/** With a target: the cut-offs of RR (significant, moderate, insufficient progress). */
export const EUROSTAT_RR = { significant: 0.95, moderate: 0.6, insufficient: 0 } as const;
/** Without a target: the cut-off of the direction-adjusted growth rate (1 % a year). */
export const EUROSTAT_GROWTH = 0.01;

/** With a target: category of RR; boundaries go to the better class. */
export function eurostatCategoryWithTarget(rr: number): EurostatCategory {
  if (rr >= EUROSTAT_RR.significant) return 'significant_progress';
  if (rr >= EUROSTAT_RR.moderate) return 'moderate_progress';
  if (rr >= EUROSTAT_RR.insufficient) return 'insufficient_progress';
  return 'movement_away';
}

/**
 * Without a target: category of the direction-adjusted growth rate (a fraction: 0.01 is
 * 1 % a year). A rate of exactly -1 % is significant movement away (methods.md: "<= -1 %").
 */
export function eurostatCategoryWithoutTarget(growth: number): EurostatCategory {
  if (growth >= EUROSTAT_GROWTH) return 'significant_progress';
  if (growth >= 0) return 'moderate_progress';
  if (growth > -EUROSTAT_GROWTH) return 'moderate_movement_away';
  return 'significant_movement_away';
}

export const eurostat: AssessmentMethod = (input) => {
  const { baseline, target, direction } = input;
  const { latest, inputs, verdict } = verdictFrame<EurostatCategory>(
    'eurostat',
    input,
    {
      cagr_actual: null,
      ...(target !== undefined ? { cagr_required: null, rr: null } : { growth: null, growth_percent: null }),
    },
    { with_target: target !== undefined },
  );

  const m = methodMessagesOf(input.locale);
  if (latest === undefined) return verdict(null, m.noObservations());
  const obstacle = growthObstacle(baseline, latest, target, direction, input.locale);
  if (obstacle) return verdict(null, obstacle);
  const cagrActual = cagr(latest.value, baseline.value, latest.time, baseline.time);
  inputs.cagr_actual = finiteOrNull(cagrActual);
  if (cagrActual === undefined) return verdict(null, m.growthCannot());

  if (target === undefined) {
    const growth = direction * cagrActual;
    inputs.growth = finiteOrNull(growth);
    inputs.growth_percent = finiteOrNull(growth * 100);
    return verdict(eurostatCategoryWithoutTarget(growth));
  }
  const cagrRequired = cagr(target.value, baseline.value, target.time, baseline.time);
  inputs.cagr_required = finiteOrNull(cagrRequired);
  if (cagrRequired === undefined || cagrRequired === 0) return verdict(null, m.requiredGrowthCannot());
  const rr = cagrActual / cagrRequired;
  inputs.rr = finiteOrNull(rr);
  return verdict(eurostatCategoryWithTarget(rr));
};
