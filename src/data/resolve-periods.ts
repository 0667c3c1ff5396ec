// The periods of one file, from its distinct period texts.
//
// A file of a million rows holds a few dozen period texts: each is parsed once, after
// the file is read, when every text is known. That matters for one ambiguity:
// `2007-08` is August 2007 or the survey round 2007-2008. When the file holds another
// YYYY-MM text that can only be a month (`2007-03`), every YYYY-MM of the file is a
// month; otherwise parsePeriod decides with the caller's frequency hint (it reads
// `2007-08` as a round unless the hint is monthly).
import { comparePeriods, parsePeriod, type Frequency, type Period } from '../periods/period.js';

export interface ResolvedPeriods {
  /** Per distinct period text: its period, or undefined when unreadable. */
  readonly periods: readonly (Period | undefined)[];
  readonly reasons: readonly (string | undefined)[];
  /** Per distinct text: its position in period order; texts naming the same period share it. */
  readonly rank: Int32Array;
}

/** World Bank DataBank headers read `2006 [YR2006]`. */
export const periodTextOfHeader = (header: string) => header.replace(/\s*\[YR\d{4}\]$/, '');

const YEAR_MONTH = /^(\d{4})[-/](\d{2})$/;

/** `2007-03` can only be a month; `2007-08` could be the round 2007-2008. */
function onlyAMonth(text: string): boolean {
  const m = YEAR_MONTH.exec(text);
  if (!m) return false;
  const mm = Number(m[2]);
  return mm >= 1 && mm <= 12 && mm !== (Number(m[1]) + 1) % 100;
}

/**
 * Parses each distinct period text of a file once. When one YYYY-MM text can only be a
 * month, every YYYY-MM text of the file is a month (see the top of this file).
 */
export function resolvePeriods(
  texts: readonly string[],
  context: { fiscalYearStart: number; frequency?: Frequency },
): ResolvedPeriods {
  const trimmed = texts.map((t) => periodTextOfHeader(t.trim()));
  const monthly = trimmed.some(onlyAMonth);
  const periods: (Period | undefined)[] = [];
  const reasons: (string | undefined)[] = [];
  for (const text of trimmed) {
    const frequency = monthly && YEAR_MONTH.test(text) ? 'monthly' : context.frequency;
    const parsed = parsePeriod(text, { fiscalYearStart: context.fiscalYearStart, frequency });
    periods.push(parsed.ok ? parsed.period : undefined);
    reasons.push(parsed.ok ? undefined : parsed.reason);
  }
  // Ranks rather than Period objects are what the series sort compares: an integer per
  // point instead of comparePeriods per comparison.
  const valid = periods.flatMap((p, i) => (p ? [i] : []));
  valid.sort((x, y) => comparePeriods(periods[x]!, periods[y]!));
  const rank = new Int32Array(texts.length).fill(-1);
  let r = -1;
  for (let k = 0; k < valid.length; k++) {
    if (k === 0 || periods[valid[k]]!.id !== periods[valid[k - 1]]!.id) r++;
    rank[valid[k]] = r;
  }
  return { periods, reasons, rank };
}
