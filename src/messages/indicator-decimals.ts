// How many decimals an indicator's numbers are shown with, wherever they are shown (the
// workbook's number formats, the chart labels, the sentences of the pack): decided once
// per indicator from its unit and its values, so a column never mixes `7,459.280` with
// `1.141`, and a budget in the thousands is not shown to the third decimal.
//
//   decimals = the decimals the values have (binary noise removed: 0.1 + 0.2 has one),
//              at least the unit's minimum (percent and rate 1, ratio 2),
//              at most what keeps four significant digits for the indicator's typical
//              (median) magnitude, and never more than three:
//   7459.28 -> 0    85.12 -> 2    1.141 -> 3    45 (percent) -> 1    0.0512 -> 3
import type { Unit } from '../spec/schema.js';

/** Minimum decimals per unit: percentages and rates with one, ratios with two. */
const MIN_DECIMALS: Record<Unit, number> = { percent: 1, ratio: 2, rate: 1, number: 0, currency: 0 };
export const MAX_DECIMALS = 3;
const SIGNIFICANT_DIGITS = 4;
/** Values from this magnitude on are written with a thousands separator. */
export const GROUPING_FROM = 1000;

export interface DecimalsChoice {
  decimals: number;
  /** Some value is in the thousands: write a thousands separator. */
  grouping: boolean;
}

/** Decimals of a value once binary noise is removed, at most MAX_DECIMALS. */
export function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  for (let d = 1, scaled = x * 10; d <= MAX_DECIMALS; d++, scaled *= 10) {
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return MAX_DECIMALS;
}

/** The decimals (and grouping) of an indicator's numbers, from its unit and values. */
export function indicatorDecimals(unit: Unit, values: Iterable<number>): DecimalsChoice {
  const minimum = MIN_DECIMALS[unit] ?? 0;
  let decimals = 0;
  let grouping = false;
  const magnitudes: number[] = [];
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (decimals < MAX_DECIMALS) decimals = Math.max(decimals, decimalsOf(v));
    const a = Math.abs(v);
    if (a >= GROUPING_FROM) grouping = true;
    if (a > 0) magnitudes.push(a);
  }
  let cap = MAX_DECIMALS;
  if (magnitudes.length) {
    magnitudes.sort((a, b) => a - b);
    const median = magnitudes[Math.floor(magnitudes.length / 2)];
    const integerDigits = Math.max(1, Math.floor(Math.log10(median)) + 1);
    cap = Math.min(MAX_DECIMALS, Math.max(0, SIGNIFICANT_DIGITS - integerDigits));
  }
  return { decimals: Math.max(minimum, Math.min(decimals, cap)), grouping };
}

/**
 * A number as the pack's language writes it in a sentence, with the indicator's decimals
 * (trailing zeros kept, as in its cells): en `7,459` `45.0`, es `7.459` `45,0`. Without
 * Intl, so the text does not depend on the ICU data of the Node build.
 */
export function formatDecimal(value: number, locale: 'en' | 'es', choice: DecimalsChoice): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Math.abs(value).toFixed(choice.decimals);
  const [whole, fraction] = fixed.split('.');
  const negative = value < 0 && /[1-9]/.test(fixed);
  const group = locale === 'es' ? '.' : ',';
  const point = locale === 'es' ? ',' : '.';
  const grouped = choice.grouping || whole.length > 4 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return (negative ? '-' : '') + grouped + (fraction !== undefined ? point + fraction : '');
}

/** A share (0.77) as a whole percent in the pack's language: "77 %". */
export function formatPercent(share: number, locale: 'en' | 'es'): string {
  if (!Number.isFinite(share)) return '';
  return `${formatDecimal(share * 100, locale, { decimals: 0, grouping: false })} %`;
}
