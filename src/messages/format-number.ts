// The one way numbers are written for a reader: chart labels and ticks, the workbook's
// text, the SMART findings and the data messages all write numbers through this module,
// and the workbook's number formats take their decimals from decimalsFor, so a value
// reads the same in a sentence, on a chart and in a cell.
//
// The rule, for both languages (CLDR's, which is also what Intl writes):
//   en  1,234.5   12,345.5   -0.5     decimal point, thousands grouped with a comma
//   es  1234,5    12.345,5   -0,5     decimal comma, thousands grouped with a point from
//                                     five integer digits on (the RAE's rule: a four-digit
//                                     number is never split, "1234", not "1.234")
// A value that rounds to zero is written without a sign ("0", not "-0"). Years are not
// numbers here: a period is written as given ("2011", never "2,011").
//
// Written without Intl, so that the text does not depend on the ICU data of the Node build.

import type { Unit } from '../spec/schema.js';

export type NumberLocale = 'en' | 'es';

/** Options of {@link formatNumber}. */
export interface NumberFormatOptions {
  /** Exactly this many decimals (wins over min/max). */
  decimals?: number;
  /** At least this many decimals (default 0). */
  minDecimals?: number;
  /** At most this many decimals (default 1); trailing zeros beyond minDecimals are dropped. */
  maxDecimals?: number;
}

const SEPARATORS: Record<NumberLocale, { decimal: string; group: string; minGroupingDigits: number }> = {
  en: { decimal: '.', group: ',', minGroupingDigits: 4 },
  es: { decimal: ',', group: '.', minGroupingDigits: 5 },
};

/** A number as the locale writes it: `formatNumber(12345.67, 'es')` -> "12.345,7". */
export function formatNumber(value: number, locale: NumberLocale, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const maxD = clampDecimals(options.decimals ?? Math.max(options.maxDecimals ?? 1, options.minDecimals ?? 0));
  const minD = clampDecimals(options.decimals ?? Math.min(options.minDecimals ?? 0, maxD));
  let [int = '0', frac = ''] = Math.abs(value).toFixed(maxD).split('.');
  while (frac.length > minD && frac.endsWith('0')) frac = frac.slice(0, -1);
  const negative = value < 0 && /[1-9]/.test(int + frac);
  const sep = SEPARATORS[locale];
  const grouped = int.length >= sep.minGroupingDigits ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group) : int;
  return (negative ? '-' : '') + grouped + (frac.length > 0 ? sep.decimal + frac : '');
}

/** A count, rounded to a whole number: "1,200,000" / "1.200.000". */
export function formatInteger(value: number, locale: NumberLocale): string {
  return formatNumber(value, locale, { decimals: 0 });
}

/**
 * A percentage given in percent (72.3 for 72.3 %): "72.3%" in English, "72,3 %" in
 * Spanish (a no-break space before the sign, as the RAE and CLDR write it).
 */
export function formatPercent(percent: number, locale: NumberLocale, options: NumberFormatOptions = {}): string {
  const n = formatNumber(percent, locale, options);
  return locale === 'es' ? `${n}\u00a0%` : `${n}%`;
}

/** Most decimals decimalsFor looks for in a value. */
const MAX_DETECTED_DECIMALS = 6;

/**
 * Decimals to write an indicator's values with, from the values themselves: as many as
 * the values actually have (binary noise aside: 0.1 + 0.2 has one), at least `min`, and at
 * most `max` (default 2), so that 7459.2795 is written 7,459.28, never 7,459.280. Small
 * values keep three significant digits: when every value is below 1, the cap rises to
 * show the largest of them with three (1/3 -> 0.333, 0.0345 -> 0.0345).
 */
export function decimalsFor(values: Iterable<number>, options: { min?: number; max?: number } = {}): number {
  const min = options.min ?? 0;
  let present = 0;
  let largest = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const a = Math.abs(v);
    if (a > largest) largest = a;
    if (present < MAX_DETECTED_DECIMALS) present = Math.max(present, decimalsOf(v));
  }
  let cap = options.max ?? 2;
  if (largest > 0 && largest < 1) cap = Math.max(cap, 2 - Math.floor(Math.log10(largest)));
  return Math.max(min, Math.min(present, cap, MAX_DETECTED_DECIMALS));
}

/** Decimals of a value once binary noise is removed, up to MAX_DETECTED_DECIMALS. */
function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  let scaled = x;
  for (let d = 1; d <= MAX_DETECTED_DECIMALS; d++) {
    scaled *= 10;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return MAX_DETECTED_DECIMALS;
}

/** Fewest decimals an indicator's values are written with, by unit: percentages and rates one, ratios two. */
export const MIN_DECIMALS_BY_UNIT: Record<Unit, number> = {
  percent: 1,
  ratio: 2,
  rate: 1,
  number: 0,
  currency: 0,
};

/** Decimals of an indicator's values, wherever they are written (charts, cells, text): see decimalsFor. */
export function indicatorDecimals(unit: Unit, values: Iterable<number>): number {
  return decimalsFor(values, { min: MIN_DECIMALS_BY_UNIT[unit] ?? 0 });
}

function clampDecimals(d: number): number {
  return Math.min(20, Math.max(0, Math.floor(d)));
}
