// How old the latest value is at the reporting period (FORMAT.md section 5): `data_age`,
// the years from the end of the latest observed period to the end of as-of, and `stale`
// once that gap is more than two steps of the indicator's frequency (surveys, and
// irregular series: more than five years). Calendar arithmetic on the periods' ISO dates,
// so that "two months" is two months whatever their lengths in days (and without a date
// library: a national programme asks this of 20,000 series).
import type { Frequency, Period } from '../periods/period.js';

/** Irregular and survey-based series are stale after this many years (DHS and MICS run every five). */
export const SURVEY_STALE_YEARS = 5;
/** Regular series are stale after this many steps of their frequency. */
export const STALE_STEPS = 2;

export interface DataAge {
  /** Years from the end of the latest observed period to the end of as-of (2 decimals); null without data. */
  years: number | null;
  stale: boolean;
  /** The gap beyond which the series is stale, as a date offset (for messages). */
  limit: { weeks: number } | { months: number } | { years: number };
}

/** A survey round spanning years, or an irregular series, is judged by the survey rule. */
export function staleLimit(frequency: Frequency, latest: Period | undefined): DataAge['limit'] {
  if (frequency === 'irregular' || latest?.kind === 'multi-year') return { years: SURVEY_STALE_YEARS };
  if (frequency === 'weekly') return { weeks: STALE_STEPS };
  const months = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 }[frequency];
  return { months: STALE_STEPS * months };
}

/** The day after an ISO date (YYYY-MM-DD, as periods write them), as [year, month (1-12), day]. */
function dayAfter(isoDate: string): [number, number, number] {
  return plusDays([Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))], 1);
}

/** A date some months later, the day kept within the month (31 January + 1 month = 28 or 29 February). */
function plusMonths([y, m, d]: [number, number, number], months: number): [number, number, number] {
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [year, month, Math.min(d, last)];
}

/** A date some days later. */
function plusDays([y, m, d]: [number, number, number], days: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

const later = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

export function dataAge(latest: Period | undefined, asOf: Period, frequency: Frequency): DataAge {
  const limit = staleLimit(frequency, latest);
  if (!latest) return { years: null, stale: false, limit };
  const years = Math.max(0, Math.round((asOf.endYear - latest.endYear) * 100) / 100);
  // Stale when the end of as-of lies after the end of the latest period plus the limit.
  const staleAfter =
    'weeks' in limit
      ? plusDays(dayAfter(latest.end), 7 * limit.weeks)
      : plusMonths(dayAfter(latest.end), 'years' in limit ? limit.years * 12 : limit.months);
  return { years, stale: later(dayAfter(asOf.end), staleAfter) > 0, limit };
}
