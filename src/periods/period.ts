// Reporting periods: every form of FORMAT.md section "Periods", each with its start,
// end and midpoint. Parsing never throws: an unreadable text gives a reason (the luxon
// habit: invalid is a value), so a CSV reader can report it at its line and column.
import { DateTime, Settings } from 'luxon';
import {
  type DateOrder,
  excelSerialDate,
  looksLikeMonthText,
  monthOfText,
  numericDate,
  numericDateParts,
} from './calendar-text.js';
import { captures } from './captures.js';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'semester' | 'year' | 'fiscal-year' | 'multi-year';

export interface Period {
  readonly kind: PeriodKind;
  /** Canonical text: 2006, 2006-Q1, 2006-03, 2006-S1, 2006-W05, FY2006, 2006April, 2007-2008, 2006-03-15. */
  readonly id: string;
  /** First day, ISO date (UTC). */
  readonly start: string;
  /** Last day, ISO date (UTC), inclusive. */
  readonly end: string;
  /** Start and end as fractional years (end exclusive): 2006 is [2006, 2007). */
  readonly startYear: number;
  readonly endYear: number;
  /** Midpoint as a fractional year: 2006 -> 2006.5, the round 2013-2014 -> 2014.0. */
  readonly mid: number;
  /** Calendar year of the first day: Open SDG counts 2015-16 as 2015. */
  readonly firstYear: number;
}

/** `unknownForm`: the text has none of the forms (rather than a form with an impossible value). */
/**
 * Why a text is not a period, as data: messages/periods.ts says it in words, in English or
 * Spanish (periods/ is a leaf and holds no sentences).
 */
export type PeriodProblem =
  | { kind: 'empty' }
  | { kind: 'notACalendarDate'; text: string }
  | { kind: 'implausibleYear'; text: string; year: string | number; min: number; max: number }
  | { kind: 'noQuarter'; text: string; quarter: string }
  | { kind: 'noSemester'; text: string; semester: string }
  | { kind: 'noWeek'; text: string; week: string; year: string }
  | { kind: 'noMonthZero'; text: string }
  | { kind: 'noSuchMonth'; text: string; month: string }
  | { kind: 'notAMonthName'; name: string }
  | { kind: 'roundBackwards'; from: number; to: number }
  | { kind: 'roundTooLong'; from: number; to: number }
  | { kind: 'neitherMonthNorRound'; text: string; round: string }
  | { kind: 'yearMonthNotAMonth'; text: string; year: string; month: string }
  | { kind: 'monthTextUnknown'; text: string }
  | { kind: 'dateInOtherOrder'; text: string; order: DateOrder; other: DateOrder }
  | { kind: 'notADate'; text: string }
  | { kind: 'notAPeriod'; text: string };

/** `unknownForm`: the text has none of the period forms (problem `notAPeriod`). */
export type PeriodParse = { ok: true; period: Period } | { ok: false; problem: PeriodProblem; unknownForm?: boolean };

export interface PeriodContext {
  /** Month (1-12) a fiscal year starts, for FY periods. */
  fiscalYearStart?: number;
  /**
   * The frequency the period is expected to have. `2007-08` is August 2007 in a monthly
   * series and the survey round 2007-2008 otherwise.
   */
  frequency?: Frequency;
  /** How 01/02/2024 is read: day first (default) or month first. */
  dates?: DateOrder;
  /** Workbook cells: a five-digit number is an Excel serial date (45323 is 2024-02-01). */
  serialDates?: boolean;
}

export type Frequency = 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual' | 'irregular';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const DHIS2_MONTH_NAMES = [
  '',
  'Jan',
  'Feb',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

// No date mel writes depends on a locale, and without a default luxon asks the system
// for its own (Intl) the first time it makes a date or a duration: a noticeable part of
// reading a programme. Luxon is used for calendar arithmetic only (here, assess/flow-windows,
// assess/reporting-periods), never to write a date in words.
Settings.defaultLocale = 'en-US';

/** A fractional year of an instant: 2006-07-02T12:00Z is 2006.5. */
export function fractionalYear(dt: DateTime): number {
  const y = dt.year;
  const a = Date.UTC(y, 0, 1);
  const b = Date.UTC(y + 1, 0, 1);
  return y + (dt.toMillis() - a) / (b - a);
}

/** The ISO date of a DateTime built from checked parts; an invalid one is a bug. */
function isoDate(dt: DateTime): string {
  const text = dt.toISODate();
  if (text === null) throw new Error(`internal: an invalid date (${dt.invalidExplanation ?? dt.invalidReason})`);
  return text;
}

/** The date at a fractional year (inverse of fractionalYear), as an ISO date. */
export function dateOfFractionalYear(t: number): string {
  const y = Math.floor(t);
  const a = Date.UTC(y, 0, 1);
  const b = Date.UTC(y + 1, 0, 1);
  return isoDate(DateTime.fromMillis(a + (t - y) * (b - a), { zone: 'utc' }));
}

function makePeriod(kind: PeriodKind, id: string, start: DateTime, endExclusive: DateTime): Period {
  const startYear = fractionalYear(start);
  const endYear = fractionalYear(endExclusive);
  return {
    kind,
    id,
    start: isoDate(start),
    end: isoDate(endExclusive.minus({ days: 1 })),
    startYear,
    endYear,
    mid: (startYear + endYear) / 2,
    firstYear: start.year,
  };
}

const utc = (year: number, month = 1, day = 1) => DateTime.utc(year, month, day);

/**
 * Periods made once per distinct one and shared: building one takes calendar arithmetic
 * (luxon), and a programme names the same few periods hundreds of times (every indicator
 * file's baseline and targets, every row's month). Periods are never changed once made.
 */
const madePeriods = new Map<string, Period>();
const MADE_PERIODS_KEPT = 100_000;
function made(key: string, make: () => Period): Period {
  let period = madePeriods.get(key);
  if (period === undefined) {
    period = make();
    if (madePeriods.size < MADE_PERIODS_KEPT) madePeriods.set(key, period);
  }
  return period;
}

export function yearPeriod(year: number): Period {
  return made(`Y${year}`, () => makePeriod('year', String(year), utc(year), utc(year + 1)));
}

export function monthPeriod(year: number, month: number): Period {
  return made(`M${year}-${month}`, () => {
    const s = utc(year, month);
    return makePeriod('month', `${year}-${String(month).padStart(2, '0')}`, s, s.plus({ months: 1 }));
  });
}

export function quarterPeriod(year: number, quarter: number): Period {
  return made(`Q${year}-${quarter}`, () => {
    const s = utc(year, (quarter - 1) * 3 + 1);
    return makePeriod('quarter', `${year}-Q${quarter}`, s, s.plus({ months: 3 }));
  });
}

export function semesterPeriod(year: number, half: number): Period {
  return made(`S${year}-${half}`, () => {
    const s = utc(year, (half - 1) * 6 + 1);
    return makePeriod('semester', `${year}-S${half}`, s, s.plus({ months: 6 }));
  });
}

export function weekPeriod(weekYear: number, week: number): Period | undefined {
  const known = madePeriods.get(`W${weekYear}-${week}`);
  if (known) return known;
  const s = DateTime.fromObject({ weekYear, weekNumber: week, weekday: 1 }, { zone: 'utc' });
  if (!s.isValid || s.weekYear !== weekYear) return undefined;
  return made(`W${weekYear}-${week}`, () =>
    makePeriod('week', `${weekYear}-W${String(week).padStart(2, '0')}`, s, s.plus({ weeks: 1 })),
  );
}

/**
 * FY2006 with a fiscal year starting in month m. A fiscal year is named by the calendar
 * year in which it ends (USAID and most ministries: FY2006 with October starts is
 * October 2005 - September 2006). With m = 1 it is the calendar year.
 */
export function fiscalYearPeriod(year: number, startMonth = 1): Period {
  return made(`F${year}-${startMonth}`, () => {
    const s = startMonth === 1 ? utc(year) : utc(year - 1, startMonth);
    return makePeriod('fiscal-year', `FY${year}`, s, s.plus({ years: 1 }));
  });
}

/** DHIS2's financial years (2006April, 2006July, 2006Oct, 2006Nov) start in the named year. */
export function dhis2FinancialYear(year: number, month: number): Period {
  return made(`D${year}-${month}`, () => {
    const s = utc(year, month);
    return makePeriod('fiscal-year', `${year}${DHIS2_MONTH_NAMES[month]}`, s, s.plus({ years: 1 }));
  });
}

/** A survey round spanning several calendar years: 2007-2008 is one period. */
export function multiYearPeriod(first: number, last: number): Period {
  return made(`R${first}-${last}`, () => makePeriod('multi-year', `${first}-${last}`, utc(first), utc(last + 1)));
}

export function dayPeriod(year: number, month: number, day: number): Period | undefined {
  const known = madePeriods.get(`d${year}-${month}-${day}`);
  if (known) return known;
  const s = utc(year, month, day);
  if (!s.isValid || s.day !== day) return undefined;
  return made(`d${year}-${month}-${day}`, () => makePeriod('day', isoDate(s), s, s.plus({ days: 1 })));
}

const fail = (problem: PeriodProblem): PeriodParse => ({ ok: false, problem });
const dayOf = (text: string, year: number, month: number, day: number): PeriodParse => {
  if (!plausibleYear(year)) return implausible(text, year);
  const p = dayPeriod(year, month, day);
  return p ? ok(p) : fail({ kind: 'notACalendarDate', text });
};
const ok = (period: Period): PeriodParse => ({ ok: true, period });

/** Years mel reads (1800-2200): a year outside is a slip (`0000-Q1`, `9999`), never a reporting period. */
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2200;
const plausibleYear = (y: number) => y >= YEAR_MIN && y <= YEAR_MAX;
const implausible = (text: string, year: string | number) =>
  fail({ kind: 'implausibleYear', text, year, min: YEAR_MIN, max: YEAR_MAX });

/** Parses every period form of FORMAT.md. Never throws. */
export function parsePeriod(raw: string, context: PeriodContext = {}): PeriodParse {
  const text = raw.trim();
  if (text === '') return fail({ kind: 'empty' });

  // A number read by a spreadsheet as 2006.0
  const yearNumber = captures(/^(\d{4})(?:\.0+)?$/, text, 1);
  if (yearNumber) {
    const [year] = yearNumber;
    const y = Number(year);
    return plausibleYear(y) ? ok(yearPeriod(y)) : implausible(text, year);
  }
  // The forms below name their year in their first four digits (after FY for a fiscal
  // year): checked first, so that no form reads the year 0 or 9999.
  // (A longer run of digits is a serial date, YYYYMM or YYYYMMDD, checked where it is read.)
  const leadingYear = captures(/^(?:FY\s?)?(\d{4})(?!\d)/i, text, 1);
  if (leadingYear && !plausibleYear(Number(leadingYear[0]))) return implausible(text, leadingYear[0]);
  // 2024-Q1, 2024Q1, and Spain's INE 2024T1 (trimestre)
  const quarter = captures(/^(\d{4})-?[QT](\d{1,2})$/i, text, 2);
  if (quarter) {
    const [year, number] = quarter;
    const q = Number(number);
    if (q >= 1 && q <= 4) return ok(quarterPeriod(Number(year), q));
    return fail({ kind: 'noQuarter', text, quarter: number });
  }
  const semester = captures(/^(\d{4})-?S(\d{1,2})$/i, text, 2);
  if (semester) {
    const [year, number] = semester;
    const half = Number(number);
    if (half === 1 || half === 2) return ok(semesterPeriod(Number(year), half));
    return fail({ kind: 'noSemester', text, semester: number });
  }
  // Excel's serial day number, in workbook cells only (a five-digit number is no other form)
  if (context.serialDates && /^(\d{5})(?:\.\d+)?$/.test(text)) {
    const d = excelSerialDate(Number(text));
    if (d) return dayOf(text, d.year, d.month, d.day);
  }
  // SDMX and Eurostat: 2015-M01 / 2015M01 (a month), 2015-A1 (a year)
  const sdmxMonth = captures(/^(\d{4})-?M(\d{1,2})$/i, text, 2);
  if (sdmxMonth) {
    const [year, number] = sdmxMonth;
    const month = Number(number);
    if (month >= 1 && month <= 12) return ok(monthPeriod(Number(year), month));
    return fail({ kind: 'noSuchMonth', text, month: number });
  }
  const sdmxYear = captures(/^(\d{4})-?A1?$/i, text, 1);
  if (sdmxYear) return ok(yearPeriod(Number(sdmxYear[0])));
  // DHIS2 days (20240315) and ISO timestamps (2024-03-15T00:00:00.000Z, 2024-03-15 00:00:00)
  const day =
    captures(/^(\d{4})(\d{2})(\d{2})$/, text, 3) ??
    captures(/^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, text, 3);
  if (day) return dayOf(text, Number(day[0]), Number(day[1]), Number(day[2]));
  const week = captures(/^(\d{4})-?W(\d{1,2})$/i, text, 2);
  if (week) {
    const [year, number] = week;
    const p = Number(number) >= 1 ? weekPeriod(Number(year), Number(number)) : undefined;
    return p ? ok(p) : fail({ kind: 'noWeek', text, week: number, year });
  }
  const fiscalYear = captures(/^FY\s?(\d{4})$/i, text, 1);
  if (fiscalYear) return ok(fiscalYearPeriod(Number(fiscalYear[0]), context.fiscalYearStart ?? 1));
  const fiscalYearShort = captures(/^FY\s?(\d{2})$/i, text, 1);
  if (fiscalYearShort) return ok(fiscalYearPeriod(2000 + Number(fiscalYearShort[0]), context.fiscalYearStart ?? 1));
  const financialYear = captures(/^(\d{4})([A-Za-z]+)$/, text, 2);
  if (financialYear) {
    const [year, name] = financialYear;
    const month = MONTHS[name.toLowerCase()];
    if (month) return ok(dhis2FinancialYear(Number(year), month));
    return fail({ kind: 'notAMonthName', name });
  }
  const isoDay = captures(/^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/, text, 4);
  if (isoDay) return dayOf(text, Number(isoDay[0]), Number(isoDay[2]), Number(isoDay[3]));
  const round = captures(/^(\d{4})\s*[-/–]\s*(\d{4})$/, text, 2);
  if (round) {
    const a = Number(round[0]);
    const b = Number(round[1]);
    if (!plausibleYear(b)) return implausible(text, round[1]);
    if (b <= a) return fail({ kind: 'roundBackwards', from: a, to: b });
    if (b - a > 10) return fail({ kind: 'roundTooLong', from: a, to: b });
    return ok(multiYearPeriod(a, b));
  }
  const monthOrRound = captures(/^(\d{4})[-/](\d{2})$/, text, 2);
  if (monthOrRound) {
    const y = Number(monthOrRound[0]);
    const two = Number(monthOrRound[1]);
    const nextYearTwoDigits = (y + 1) % 100;
    const isRound = two === nextYearTwoDigits && context.frequency !== 'monthly';
    if (isRound) return ok(multiYearPeriod(y, y + 1));
    if (two >= 1 && two <= 12) return ok(monthPeriod(y, two));
    const roundExample = `${y}-${String(nextYearTwoDigits).padStart(2, '0')}`;
    return fail({ kind: 'neitherMonthNorRound', text, round: roundExample });
  }
  const shortMonth = captures(/^(\d{4})-(\d{1})$/, text, 2);
  if (shortMonth) {
    const [year, month] = shortMonth;
    if (month === '0') return fail({ kind: 'noMonthZero', text });
    return ok(monthPeriod(Number(year), Number(month)));
  }
  const yearMonth = captures(/^(\d{4})(\d{2})$/, text, 2);
  if (yearMonth) {
    const [year, number] = yearMonth;
    if (!plausibleYear(Number(year))) return implausible(text, year);
    const month = Number(number);
    if (month >= 1 && month <= 12) return ok(monthPeriod(Number(year), month));
    return fail({ kind: 'yearMonthNotAMonth', text, year, month: number });
  }
  const named = monthOfText(text);
  if (named && !plausibleYear(named.year)) return implausible(text, named.year);
  if (named) return ok(monthPeriod(named.year, named.month));
  if (looksLikeMonthText(text)) return fail({ kind: 'monthTextUnknown', text });
  const parts = numericDateParts(text);
  if (parts) {
    const order = context.dates ?? 'dmy';
    const d = numericDate(text, order);
    if (d) return dayOf(text, d.year, d.month, d.day);
    const other = order === 'dmy' ? 'mdy' : 'dmy';
    return fail(
      numericDate(text, other) ? { kind: 'dateInOtherOrder', text, order, other } : { kind: 'notADate', text },
    );
  }
  return { ok: false, unknownForm: true, problem: { kind: 'notAPeriod', text } };
}

const trustedPeriods = new Map<string, Period>();

/**
 * parsePeriod for trusted text (canonical ids from earlier phases); throws on a bug.
 * Remembered, since reports look the same few periods up thousands of times.
 */
export function periodOf(text: string | number, context: PeriodContext = {}): Period {
  const key = `${text}|${context.fiscalYearStart ?? 1}|${context.frequency ?? ''}`;
  const known = trustedPeriods.get(key);
  if (known) return known;
  const r = parsePeriod(String(text), context);
  if (!r.ok) throw new Error(`internal: unreadable period ${text} (${r.problem.kind})`);
  if (trustedPeriods.size < 100_000) trustedPeriods.set(key, r.period);
  return r.period;
}

/** Orders periods by their midpoint, then by length (shorter first), then id. */
export function comparePeriods(a: Period, b: Period): number {
  return (
    a.mid - b.mid || a.endYear - a.startYear - (b.endYear - b.startYear) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export const frequencyKind: Record<Exclude<Frequency, 'irregular'>, PeriodKind> = {
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  semiannual: 'semester',
  annual: 'year',
};

/** Length of one step of a frequency, in years (irregular: two years, methods.md). */
export function frequencyStepYears(frequency: Frequency): number {
  switch (frequency) {
    case 'weekly':
      return 7 / 365.25;
    case 'monthly':
      return 1 / 12;
    case 'quarterly':
      return 0.25;
    case 'semiannual':
      return 0.5;
    case 'annual':
      return 1;
    case 'irregular':
      return 2;
  }
}

/** A week or day read from a valid date's own fields, which always exists. */
function existing(p: Period | undefined, date: DateTime): Period {
  if (p === undefined) throw new Error(`internal: no period at ${date.toISO()}`);
  return p;
}

/** The period n steps after p, of the same kind (years, quarters, months, semesters, weeks, days). */
export function stepPeriod(p: Period, n: number): Period {
  const s = DateTime.fromISO(p.start, { zone: 'utc' });
  switch (p.kind) {
    case 'year':
      return yearPeriod(s.year + n);
    case 'fiscal-year': {
      if (/^FY/.test(p.id)) {
        const fyStartMonth = s.month;
        const year = Number(p.id.slice(2)) + n;
        return fiscalYearPeriod(year, fyStartMonth);
      }
      return dhis2FinancialYear(s.year + n, s.month);
    }
    case 'quarter': {
      const d = s.plus({ months: 3 * n });
      return quarterPeriod(d.year, Math.floor((d.month - 1) / 3) + 1);
    }
    case 'semester': {
      const d = s.plus({ months: 6 * n });
      return semesterPeriod(d.year, d.month <= 6 ? 1 : 2);
    }
    case 'month': {
      const d = s.plus({ months: n });
      return monthPeriod(d.year, d.month);
    }
    case 'week': {
      const d = s.plus({ weeks: n });
      return existing(weekPeriod(d.weekYear, d.weekNumber), d);
    }
    case 'day': {
      const d = s.plus({ days: n });
      return existing(dayPeriod(d.year, d.month, d.day), d);
    }
    case 'multi-year': {
      const span = Number(p.id.split('-')[1]) - s.year + 1;
      return multiYearPeriod(s.year + n * span, s.year + n * span + span - 1);
    }
  }
}

/** Every period of a kind from a to b inclusive (for completeness checks). */
export function periodsBetween(a: Period, b: Period, limit = 10_000): Period[] {
  const out: Period[] = [];
  let p = a;
  while (comparePeriods(p, b) <= 0 && out.length < limit) {
    out.push(p);
    p = stepPeriod(p, 1);
  }
  return out;
}

/**
 * The period of a coarser kind containing p: days roll into weeks and months, months into
 * quarters, semesters and years.
 */
export function containingPeriod(p: Period, kind: 'week' | 'month' | 'quarter' | 'semester' | 'year'): Period {
  const s = DateTime.fromISO(p.start, { zone: 'utc' });
  switch (kind) {
    case 'week':
      return weekPeriod(s.weekYear, s.weekNumber) ?? p;
    case 'month':
      return monthPeriod(s.year, s.month);
    case 'quarter':
      return quarterPeriod(s.year, Math.floor((s.month - 1) / 3) + 1);
    case 'semester':
      return semesterPeriod(s.year, s.month <= 6 ? 1 : 2);
    case 'year':
      return yearPeriod(s.year);
  }
}

/**
 * A day as the period of an indicator's frequency: a date inside a month is that month
 * for a monthly indicator (Excel date cells, 01/02/2024, 2024-02-01). Other periods, and
 * days of irregular indicators, are kept as they are.
 */
export function periodAtFrequency(p: Period, frequency: Frequency | undefined): Period {
  if (p.kind !== 'day' || frequency === undefined || frequency === 'irregular') return p;
  const kind = frequencyKind[frequency];
  return kind === 'day' || kind === 'fiscal-year' || kind === 'multi-year' ? p : containingPeriod(p, kind);
}

/** The kind a frequency's periods have, or undefined for irregular. */
export function kindOfFrequency(frequency: Frequency): PeriodKind | undefined {
  return frequency === 'irregular' ? undefined : frequencyKind[frequency];
}
