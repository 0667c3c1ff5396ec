// The periods of one file, from its distinct period texts.
//
// A file of a million rows holds a few dozen period texts: each is parsed once, after
// the file is read, when every text is known. That matters for one ambiguity:
// `2007-08` is August 2007 or the survey round 2007-2008. When the file holds another
// YYYY-MM text that can only be a month (`2007-03`), every YYYY-MM of the file is a
// month; otherwise parsePeriod decides with the caller's frequency hint (it reads
// `2007-08` as a round unless the hint is monthly). Likewise `01/02/2024`: a file that
// also holds `13/02/2024` writes day first, one holding `02/13/2024` month first; with
// no such evidence the data source's `dates:` decides, else day first.
//
// A day (a date cell, 01/02/2024, 2024-02-01) becomes the period of the indicators'
// frequency: a date inside a month is that month for a monthly indicator.
import type { Localized } from '../messages/localized.js';
import { periodReason } from '../messages/periods.js';
import { type DateOrder, numericDateParts } from '../periods/calendar-text.js';
import { comparePeriods, parsePeriod, periodAtFrequency, type Frequency, type Period } from '../periods/period.js';

export interface ResolvedPeriods {
  /** Per distinct period text: its period, or undefined when unreadable. */
  readonly periods: readonly (Period | undefined)[];
  readonly reasons: readonly (Localized | undefined)[];
  /** Per distinct text: true when it has none of the period forms. */
  readonly unknownForms: readonly boolean[];
  /** Per distinct text: its position in period order; texts naming the same period share it. */
  readonly rank: Int32Array;
  /** A date like 01/02/2024 read day first only by default (no evidence, no `dates:`), to say so. */
  readonly ambiguousDate?: string;
}

export interface PeriodReading {
  readonly fiscalYearStart: number;
  readonly frequency?: Frequency;
  /** The data source's `dates:`. */
  readonly dates?: DateOrder;
  /** Workbook cells: Excel serial dates. */
  readonly serialDates?: boolean;
}

/** The order of the file's d/m/y dates: the data source's, else what a day above 12 shows, else day first. */
function dateOrderOf(texts: readonly string[], given?: DateOrder): { order: DateOrder; ambiguous?: string } {
  if (given) return { order: given };
  let dayFirst = false;
  let monthFirst = false;
  let example: string | undefined;
  for (const t of texts) {
    const parts = numericDateParts(t);
    if (!parts) continue;
    example ??= t;
    if (parts.first > 12) dayFirst = true;
    if (parts.second > 12) monthFirst = true;
  }
  if (monthFirst && !dayFirst) return { order: 'mdy' };
  return { order: 'dmy', ambiguous: dayFirst || monthFirst ? undefined : example };
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
export function resolvePeriods(texts: readonly string[], context: PeriodReading): ResolvedPeriods {
  const trimmed = texts.map((t) => periodTextOfHeader(t.trim()));
  const monthly = trimmed.some(onlyAMonth);
  const dates = dateOrderOf(trimmed, context.dates);
  const periods: (Period | undefined)[] = [];
  const reasons: (Localized | undefined)[] = [];
  const unknownForms: boolean[] = [];
  for (const text of trimmed) {
    const frequency = monthly && YEAR_MONTH.test(text) ? 'monthly' : context.frequency;
    const parsed = parsePeriod(text, {
      fiscalYearStart: context.fiscalYearStart,
      frequency,
      dates: dates.order,
      serialDates: context.serialDates,
    });
    periods.push(parsed.ok ? periodAtFrequency(parsed.period, context.frequency) : undefined);
    reasons.push(parsed.ok ? undefined : periodReason(parsed.problem));
    unknownForms.push(!parsed.ok && parsed.unknownForm === true);
  }
  // Ranks rather than Period objects are what the series sort compares: an integer per
  // point instead of comparePeriods per comparison.
  const valid = periods.flatMap((period, text) => (period ? [{ period, text }] : []));
  valid.sort((x, y) => comparePeriods(x.period, y.period));
  const rank = new Int32Array(texts.length).fill(-1);
  let r = -1;
  let previous: Period | undefined;
  for (const { period, text } of valid) {
    if (period.id !== previous?.id) r++;
    rank[text] = r;
    previous = period;
  }
  return { periods, reasons, unknownForms, rank, ambiguousDate: dates.ambiguous };
}
