// How old the latest value is at the reporting period (FORMAT.md section 5): `data_age`,
// the years from the end of the latest observed period to the end of as-of, and `stale`
// once that gap is more than two steps of the indicator's frequency (surveys, and
// irregular series: more than five years). Calendar arithmetic, so that "two months"
// is two months whatever their lengths in days.
import { DateTime } from 'luxon';
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
  limit: { months: number } | { years: number };
}

/** A survey round spanning years, or an irregular series, is judged by the survey rule. */
export function staleLimit(frequency: Frequency, latest: Period | undefined): DataAge['limit'] {
  if (frequency === 'irregular' || latest?.kind === 'multi-year') return { years: SURVEY_STALE_YEARS };
  const months = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 }[frequency];
  return { months: STALE_STEPS * months };
}

const dayAfter = (isoDate: string) => DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days: 1 });

export function dataAge(latest: Period | undefined, asOf: Period, frequency: Frequency): DataAge {
  const limit = staleLimit(frequency, latest);
  if (!latest) return { years: null, stale: false, limit };
  const years = Math.max(0, Math.round((asOf.endYear - latest.endYear) * 100) / 100);
  // Stale when the end of as-of lies after the end of the latest period plus the limit.
  const staleAfter = dayAfter(latest.end).plus(limit);
  return { years, stale: dayAfter(asOf.end) > staleAfter, limit };
}
