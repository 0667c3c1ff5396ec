// The reporting periods of the IPTT tracking table (FORMAT.md section 5, "Reporting
// periods"): `program.reporting` (monthly | quarterly | semiannual | annual) windows laid
// out in time order from the programme's start to as-of, aligned on the fiscal year; and,
// per result and window, the target whose window is that period, the actual (a flow's
// window sum, else the latest value inside it), the percent met and whether it is complete.
import { DateTime } from 'luxon';
import { fractionalYear, type Frequency, type Period } from '../periods/period.js';
import type { Accumulation, Direction, ReportingFrequency } from '../spec/schema.js';
import { inside, windowActual, type FlowSeries, type TimeWindow } from './flow-windows.js';
import { percentMet } from './percent-met.js';

const EPS = 1e-9;
const MONTHS: Record<ReportingFrequency, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

export interface ReportingWindow extends TimeWindow {
  /** The fiscal name when fiscal years do not start in January: "FY2024 Q1", "FY2024". */
  label?: string;
  /** Ended by as-of. */
  ended: boolean;
}

/** The fiscal year a date falls in, named by the calendar year in which it ends (USAID). */
const fiscalYearOf = (d: DateTime, fiscalYearStart: number) =>
  fiscalYearStart === 1 || d.month < fiscalYearStart ? d.year : d.year + 1;

function windowAt(start: DateTime, frequency: ReportingFrequency, fiscalYearStart: number): ReportingWindow {
  const months = MONTHS[frequency];
  const endExclusive = start.plus({ months });
  const fy = fiscalYearOf(start, fiscalYearStart);
  const index = Math.floor(((start.month - fiscalYearStart + 12) % 12) / months) + 1;
  const calendarAligned = (start.month - 1) % months === 0;
  let id: string;
  if (frequency === 'monthly') id = `${start.year}-${String(start.month).padStart(2, '0')}`;
  else if (frequency === 'annual') id = fiscalYearStart === 1 ? String(start.year) : `FY${fy}`;
  else if (calendarAligned)
    id = `${start.year}-${frequency === 'quarterly' ? 'Q' : 'S'}${Math.floor((start.month - 1) / months) + 1}`;
  else id = `FY${fy}-${frequency === 'quarterly' ? 'Q' : 'S'}${index}`;
  const label =
    fiscalYearStart === 1 || frequency === 'annual' || frequency === 'monthly'
      ? undefined
      : `FY${fy} ${frequency === 'quarterly' ? 'Q' : 'S'}${index}`;
  return {
    id,
    ...(label && label.replace(' ', '-') !== id ? { label } : {}),
    start: start.toISODate() ?? '',
    end: endExclusive.minus({ days: 1 }).toISODate() ?? '',
    startYear: fractionalYear(start),
    endYear: fractionalYear(endExclusive),
    ended: false,
  };
}

/**
 * The reporting windows from the one holding the programme's start to the one holding
 * the end of as-of (the window in progress included, not ended), in time order.
 */
export function reportingWindows(
  frequency: ReportingFrequency,
  fiscalYearStart: number,
  from: Period,
  asOf: Period,
  limit = 1_000,
): ReportingWindow[] {
  const months = MONTHS[frequency];
  const first = DateTime.fromISO(from.start, { zone: 'utc' });
  // The window boundary at or before the programme's start, counted from the fiscal year's first month.
  const offset = (((first.month - fiscalYearStart) % months) + months) % months;
  let start = DateTime.utc(first.year, first.month).minus({ months: offset });
  const out: ReportingWindow[] = [];
  while (out.length < limit) {
    const w = windowAt(start, frequency, fiscalYearStart);
    if (w.startYear >= asOf.endYear - EPS) break;
    out.push({ ...w, ended: w.endYear <= asOf.endYear + EPS });
    start = start.plus({ months });
  }
  return out;
}

/** A resolved target, with the window it is for. */
export interface TargetInWindow {
  period: string;
  startYear: number;
  endYear: number;
  value: number;
}

export interface ReportingFigure {
  period: string;
  label?: string;
  /** The target whose window is this period, if any. */
  target: number | null;
  /** A flow's window sum, else the latest value inside the window; null when none. */
  actual: number | null;
  /** actual / target (target / actual for a decrease), when both are known. */
  percent_met: number | null;
  /** The window has ended and (for a flow) every period in it was reported. */
  complete: boolean;
  /** A flow's periods in the window without a (whole) value, up to as-of. */
  missing?: string[];
}

export interface ReportingSubject {
  series: FlowSeries | undefined;
  frequency: Frequency;
  accumulation: Accumulation;
  direction: Direction;
  targets: readonly TargetInWindow[];
}

const sameWindow = (a: { startYear: number; endYear: number }, b: { startYear: number; endYear: number }) =>
  Math.abs(a.startYear - b.startYear) < 1e-6 && Math.abs(a.endYear - b.endYear) < 1e-6;

/** The latest value whose period lies inside the window, up to as-of. */
function latestInside(series: FlowSeries | undefined, w: TimeWindow, asOf: { endYear: number }): number | null {
  if (!series) return null;
  let bestEnd = Number.NEGATIVE_INFINITY;
  let best: number | null = null;
  for (let i = 0; i < series.periods.length; i++) {
    const p = series.periods[i];
    const v = series.values[i] ?? Number.NaN;
    if (p === undefined || Number.isNaN(v) || !inside(p, w) || p.endYear > asOf.endYear + EPS) continue;
    if (best === null || p.endYear >= bestEnd) {
      bestEnd = p.endYear;
      best = v;
    }
  }
  return best;
}

/** One result's figures per reporting window (the columns of the tracking table). */
export function reportingFigures(
  subject: ReportingSubject,
  windows: readonly ReportingWindow[],
  asOf: { endYear: number },
): ReportingFigure[] {
  return windows.map((w) => {
    const target = subject.targets.find((t) => sameWindow(t, w))?.value ?? null;
    let actual: number | null;
    let complete: boolean;
    let missing: string[] | undefined;
    if (subject.accumulation === 'sum') {
      const a = windowActual(subject.series, w, subject.frequency, asOf);
      actual = a.actual;
      complete = a.complete;
      if (a.missing.length) missing = a.missing;
    } else {
      actual = latestInside(subject.series, w, asOf);
      complete = w.ended && actual !== null;
    }
    const percent_met = actual !== null && target !== null ? percentMet(actual, target, subject.direction) : null;
    // Written out rather than spread: a literal with a spread in its middle is built slowly.
    const figure: ReportingFigure = w.label
      ? { period: w.id, label: w.label, target, actual, percent_met, complete }
      : { period: w.id, target, actual, percent_met, complete };
    if (missing) figure.missing = missing;
    return figure;
  });
}
