// open-sdg: the progress measure of Statistics Canada's Open SDG (methods.md "open-sdg"),
// reproduced step by step from open-sdg/sdg-build sdg/ProgressMeasure.py (SeriesProgress,
// get_progress_thresholds, get_score, get_progress_status_from_score) and
// open-sdg/open-sdg docs/progress-methodology.md.
import type { AssessmentMethod, InputValue, MethodVerdict, TimedValue } from '../method-types.js';
import { cagr, finiteOrNull } from '../growth.js';
import { methodMessagesOf } from '../../messages/methods.js';
import type { Locale } from '../../spec/schema.js';

export type OpenSdgCategory =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration';

export const OPEN_SDG_DEFAULT_BASE_YEAR = 2015;
/** ProgressMeasure.py replaces a zero base or target with this, as division needs them non-zero. */
export const OPEN_SDG_ZERO_REPLACEMENT = 0.001;
/** Method 2 (target given): thresholds on the growth ratio R. */
export const METHOD_2_THRESHOLDS = { high: 0.95, med: 0.6, low: 0 };
/** Method 1 (no target): thresholds on the observed growth P, before the natural-limit coefficient. */
export const METHOD_1_THRESHOLDS = { high: 0.015, med: 0.005, low: 0 };
/** Exponent of the natural-limit coefficient in get_progress_thresholds. */
const LIMIT_EXPONENT = 4.44;

export interface Thresholds {
  high: number;
  med: number;
  low: number;
}

/**
 * Coefficient C that lowers method 1's thresholds near a natural limit L:
 * 1 if |v_b| >= 2|L|; 1 - (|v_b|/|L|)^4.44 if |v_b| <= |L|; else 1 - ((2|L| - |v_b|)/|L|)^4.44.
 * The first case is tested first so that a zero base and a zero limit give 1 (as in sdg-build).
 */
export function naturalLimitCoefficient(baseValue: number, limit: number): number {
  const b = Math.abs(baseValue);
  const l = Math.abs(limit);
  if (b >= 2 * l) return 1;
  if (b <= l) return 1 - (b / l) ** LIMIT_EXPONENT;
  return 1 - ((2 * l - b) / l) ** LIMIT_EXPONENT;
}

/** Status of a progress value against thresholds (get_progress_status); boundaries go to the better class. */
export function openSdgStatus(value: number, t: Thresholds): Exclude<OpenSdgCategory, 'target_achieved'> {
  if (value >= t.high) return 'substantial_progress';
  if (value >= t.med) return 'moderate_progress';
  if (value >= t.low) return 'limited_progress';
  return 'deterioration';
}

/** Score of method 2 (hard-coded in get_score for the default thresholds). */
export function scoreMethod2(r: number): number {
  return r >= METHOD_2_THRESHOLDS.med ? Math.min(7.1429 * r - 4.2857, 5) : Math.max(4.1667 * r - 2.5, -5);
}

/** Score of method 1: P is normalised by C so a reduced threshold scores like the full one. */
export function scoreMethod1(p: number, coefficient: number, t: Thresholds): number {
  if (p < t.low) return Math.max(125 * p - 2.5, -5);
  // C = 0: the base sits on the limit and P >= 0, so the limit is kept: full marks.
  if (coefficient === 0) return 5;
  if (p >= t.high) return Math.min((500 * p) / coefficient - 5, 5);
  if (p >= t.med) return (250 * p) / coefficient - 1.25;
  return (500 * p) / coefficient - 2.5;
}

/** One value per calendar year (firstYear: `2015-16` counts as 2015); the last of a year wins. */
function valuesByYear(observations: readonly TimedValue[]): Map<number, TimedValue> {
  const byYear = new Map<number, TimedValue>();
  for (const o of observations) byYear.set(o.firstYear, o);
  return byYear;
}

export const openSdg: AssessmentMethod = (input) => {
  const { direction, target } = input;
  const requestedBaseYear = input.openSdgBaseYear ?? OPEN_SDG_DEFAULT_BASE_YEAR;
  const method = target === undefined ? 1 : 2;
  const byYear = valuesByYear(input.observations);
  const yearValues = [...byYear].sort(([a], [b]) => a - b);
  const notes: string[] = [];
  const m = methodMessagesOf(input.locale);
  if (byYear.size < input.observations.length) notes.push(m.openSdgSameYear());

  const inputs: Record<string, InputValue> = {
    method,
    direction,
    base_year_requested: requestedBaseYear,
    base_year: null,
    base_period: null,
    base_value: null,
    base_value_observed: null,
    current_year: null,
    current_period: null,
    current_value: null,
    target_value: target?.value ?? null,
    target_value_given: target?.value ?? null,
    target_year: target?.firstYear ?? null,
    target_period: target?.period ?? null,
    sign: null,
    natural_limit: input.naturalLimit ?? null,
    coefficient: null,
    threshold_high: null,
    threshold_med: null,
    threshold_low: null,
    cagr_observed: null,
    cagr_required: null,
    ratio: null,
    progress_value: null,
    target_achieved: null,
    score: null,
  };
  const verdict = (category: OpenSdgCategory | null, score: number | undefined, reason?: string): MethodVerdict => {
    inputs.score = finiteOrNull(score);
    const text = [reason, ...notes].filter((s) => s !== undefined).join(' ');
    return {
      method: 'open-sdg',
      category,
      ...(score !== undefined ? { score } : {}),
      inputs,
      ...(text ? { reason: text } : {}),
    };
  };

  // Base year: the configured one, or the first later year with data; current: the latest.
  const baseYearValue = yearValues.find(([y]) => y >= requestedBaseYear);
  const currentYearValue = yearValues.at(-1);
  if (baseYearValue === undefined || currentYearValue === undefined) {
    return verdict(null, undefined, m.openSdgNoBaseValue(requestedBaseYear));
  }
  const [baseYear, base] = baseYearValue;
  const [currentYear, current] = currentYearValue;
  if (baseYear !== requestedBaseYear) notes.push(m.openSdgLaterBaseYear(requestedBaseYear, baseYear));
  Object.assign(inputs, {
    base_year: baseYear,
    base_period: base.period,
    base_value: base.value,
    base_value_observed: base.value,
    current_year: currentYear,
    current_period: current.period,
    current_value: current.value,
  });

  const sign = base.value < 0 ? -1 : 1;
  inputs.sign = sign;
  const targetValue = target === undefined ? undefined : target.value === 0 ? OPEN_SDG_ZERO_REPLACEMENT : target.value;
  if (target !== undefined && target.value === 0) notes.push(m.openSdgTargetZero(OPEN_SDG_ZERO_REPLACEMENT));
  inputs.target_value = targetValue ?? null;

  // Thresholds come from the observed base (before the zero replacement), as in sdg-build.
  let thresholds: Thresholds = METHOD_2_THRESHOLDS;
  let coefficient = 1;
  if (method === 1) {
    coefficient = input.naturalLimit === undefined ? 1 : naturalLimitCoefficient(base.value, input.naturalLimit);
    thresholds = {
      high: METHOD_1_THRESHOLDS.high * coefficient,
      med: METHOD_1_THRESHOLDS.med * coefficient,
      low: METHOD_1_THRESHOLDS.low * coefficient,
    };
    inputs.coefficient = coefficient;
  }
  Object.assign(inputs, {
    threshold_high: thresholds.high,
    threshold_med: thresholds.med,
    threshold_low: thresholds.low,
  });

  // A target met counts before any check of the data (is_target_achieved runs first).
  const achieved =
    targetValue !== undefined && (direction === 1 ? current.value >= targetValue : current.value <= targetValue);
  inputs.target_achieved = achieved;
  if (achieved) return verdict('target_achieved', 5);

  let baseValue = base.value;
  if (baseValue === 0) {
    baseValue = OPEN_SDG_ZERO_REPLACEMENT;
    inputs.base_value = baseValue;
    notes.push(m.openSdgBaseZero(OPEN_SDG_ZERO_REPLACEMENT));
  }
  if ((baseValue > 0 && current.value < 0) || (baseValue < 0 && current.value > 0)) {
    return verdict(null, undefined, m.openSdgOppositeSigns(base.value, current.value));
  }
  if (currentYear - baseYear < 1) {
    return verdict(null, undefined, m.openSdgOneYear(baseYear));
  }

  // Same signs, so |v_t|/|v_b| = v_t/v_b and the CAGR of the magnitudes is the published one.
  const cagrObserved = cagr(Math.abs(current.value), Math.abs(baseValue), currentYear, baseYear);
  inputs.cagr_observed = finiteOrNull(cagrObserved);
  if (cagrObserved === undefined) return verdict(null, undefined, m.observedGrowthCannot());

  // Method 1 is the one without a target.
  if (target === undefined || targetValue === undefined) {
    const p = sign * direction * cagrObserved;
    inputs.progress_value = finiteOrNull(p);
    return verdict(openSdgStatus(p, thresholds), scoreMethod1(p, coefficient, thresholds));
  }

  const targetYear = target.firstYear;
  if (targetYear <= baseYear) {
    return verdict(null, undefined, m.openSdgTargetYear(targetYear, baseYear));
  }
  if (targetValue > 0 !== baseValue > 0) {
    return verdict(null, undefined, m.openSdgTargetSign(targetValue, baseValue));
  }
  const cagrRequired = cagr(Math.abs(targetValue), Math.abs(baseValue), targetYear, baseYear);
  inputs.cagr_required = finiteOrNull(cagrRequired);
  if (cagrRequired === undefined || cagrRequired === 0) {
    return verdict(null, undefined, m.openSdgTargetIsBase(targetValue));
  }
  // R = s * d * CAGR_o / |CAGR_r|: the sign says whether the move is in the desired direction.
  const ratio = (sign * direction * cagrObserved) / Math.abs(cagrRequired);
  inputs.ratio = finiteOrNull(ratio);
  inputs.progress_value = inputs.ratio;
  return verdict(openSdgStatus(ratio, thresholds), scoreMethod2(ratio));
};

export interface OpenSdgAggregate {
  method: 'open-sdg';
  category: OpenSdgCategory | null;
  score?: number;
  inputs: Record<string, InputValue>;
  reason?: string;
}

/**
 * Indicator-level progress from several series (IndicatorProgress.get_indicator_progress):
 * the mean of the scores of the series that have one; target_achieved only if every
 * scored series achieved its target; otherwise the status of the mean score
 * (get_progress_status_from_score: 2.5..5 substantial, 0..2.5 moderate, -2.5..0 limited,
 * -5..-2.5 deterioration, lower bounds inclusive).
 */
export function aggregateOpenSdg(verdicts: readonly MethodVerdict[], locale?: Locale): OpenSdgAggregate {
  const scored = verdicts.flatMap(({ score, category }) =>
    score !== undefined && Number.isFinite(score) ? [{ score, category }] : [],
  );
  const inputs: Record<string, InputValue> = {
    series_count: verdicts.length,
    scored_series: scored.length,
    mean_score: null,
    all_targets_achieved: null,
  };
  if (scored.length === 0) {
    return {
      method: 'open-sdg',
      category: null,
      inputs,
      reason: methodMessagesOf(locale).openSdgNoScore(),
    };
  }
  const score = scored.reduce((sum, v) => sum + v.score, 0) / scored.length;
  const allAchieved = scored.every((v) => v.category === 'target_achieved');
  inputs.mean_score = score;
  inputs.all_targets_achieved = allAchieved;
  return { method: 'open-sdg', category: allAchieved ? 'target_achieved' : statusOfScore(score), score, inputs };
}

function statusOfScore(score: number): Exclude<OpenSdgCategory, 'target_achieved'> {
  if (score >= 2.5) return 'substantial_progress';
  if (score >= 0) return 'moderate_progress';
  if (score >= -2.5) return 'limited_progress';
  return 'deterioration';
}
