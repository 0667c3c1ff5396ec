// The actual of a window of a flow (FORMAT.md section 5, `accumulation: sum`): the sum of
// the values whose periods lie inside the window (a quarter, a year, a fiscal year). A
// window whose periods are not all reported is incomplete, and says which are missing,
// never silently short; a headline summed from breakdowns is incomplete where a breakdown
// did not report.
import { DateTime } from 'luxon';
import {
  containingPeriod,
  kindOfFrequency,
  monthPeriod,
  stepPeriod,
  type Frequency,
  type Period,
} from '../periods/period.js';

const EPS = 1e-9;

/** A span of time: a Period, or a reporting window that is not one (a fiscal quarter). */
export interface TimeWindow {
  id: string;
  /** First day and last day (inclusive), ISO dates. */
  start: string;
  end: string;
  startYear: number;
  endYear: number;
}

/** What a window's actual needs of a series. */
export interface FlowSeries {
  periods: readonly Period[];
  values: Float64Array | readonly number[];
  incomplete?: readonly (readonly string[] | undefined)[];
}

export interface WindowActual {
  /** Sum of the values reported inside the window up to as-of; null when none is. */
  actual: number | null;
  /** The window has ended by as-of. */
  ended: boolean;
  /** Ended, and every period the frequency expects in it reported in full. */
  complete: boolean;
  /** Expected periods (ended by as-of) without a value or with only part of their breakdowns. */
  missing: string[];
  /** Per partly reported period, the breakdowns that did not report. */
  missingBreakdowns: Record<string, string[]>;
  /** Values added up. */
  counted: number;
}

export const inside = (p: { startYear: number; endYear: number }, w: { startYear: number; endYear: number }) =>
  p.startYear >= w.startYear - EPS && p.endYear <= w.endYear + EPS;

/** The period of a kind that contains an ISO date. */
function periodOfKindAt(kind: 'month' | 'quarter' | 'semester' | 'year', isoDate: string): Period {
  const d = DateTime.fromISO(isoDate, { zone: 'utc' });
  const month = monthPeriod(d.year, d.month);
  return kind === 'month' ? month : containingPeriod(month, kind);
}

/**
 * The periods expected in a window, by frequency and window: every result of a programme
 * asks for the same few windows, and stepping through their periods with calendar
 * arithmetic took a fifth of the assessment of the demo's flows. Bounded, in case a
 * long-running caller meets windows without end.
 */
const expectedCache = new Map<string, readonly Period[] | undefined>();
const EXPECTED_CACHE_SIZE = 4096;

/**
 * Every period of the indicator's frequency lying inside the window; undefined for an
 * irregular indicator (nothing is expected of it). The list is shared: read it, never change it.
 */
export function expectedPeriods(window: TimeWindow, frequency: Frequency): readonly Period[] | undefined {
  const key = `${frequency}|${window.start}|${window.startYear}|${window.endYear}`;
  if (expectedCache.has(key)) return expectedCache.get(key);
  const periods = periodsInWindow(window, frequency);
  if (expectedCache.size >= EXPECTED_CACHE_SIZE) expectedCache.clear();
  expectedCache.set(key, periods);
  return periods;
}

function periodsInWindow(window: TimeWindow, frequency: Frequency): Period[] | undefined {
  const kind = kindOfFrequency(frequency);
  if (kind !== 'month' && kind !== 'quarter' && kind !== 'semester' && kind !== 'year') return undefined;
  const out: Period[] = [];
  let p = periodOfKindAt(kind, window.start);
  if (p.startYear < window.startYear - EPS) p = stepPeriod(p, 1);
  while (p.endYear <= window.endYear + EPS && out.length < 10_000) {
    out.push(p);
    p = stepPeriod(p, 1);
  }
  return out;
}

/** The actual of one window of a flow, as of a reporting period. */
export function windowActual(
  series: FlowSeries | undefined,
  window: TimeWindow,
  frequency: Frequency,
  asOf: { endYear: number },
): WindowActual {
  const ended = window.endYear <= asOf.endYear + EPS;
  let sum = 0;
  let counted = 0;
  const reported = new Set<string>();
  const missingBreakdowns: Record<string, string[]> = {};
  if (series) {
    for (let i = 0; i < series.periods.length; i++) {
      const p = series.periods[i];
      const v = series.values[i] ?? Number.NaN;
      if (p === undefined || Number.isNaN(v) || !inside(p, window) || p.endYear > asOf.endYear + EPS) continue;
      sum += v;
      counted++;
      reported.add(p.id);
      const lacking = series.incomplete?.[i];
      if (lacking?.length) missingBreakdowns[p.id] = [...lacking];
    }
  }
  const expected = expectedPeriods(window, frequency) ?? [];
  const missing = expected
    .filter((p) => p.endYear <= asOf.endYear + EPS && (!reported.has(p.id) || missingBreakdowns[p.id]))
    .map((p) => p.id);
  for (const id of Object.keys(missingBreakdowns)) if (!missing.includes(id)) missing.push(id);
  return {
    actual: counted ? sum : null,
    ended,
    complete: ended && counted > 0 && missing.length === 0,
    missing,
    missingBreakdowns,
    counted,
  };
}

/** The running total of a flow from `from` (a fractional year) to the end of as-of, and its latest period. */
export function runningTotal(
  series: FlowSeries | undefined,
  from: number,
  asOf: { endYear: number },
): { total: number; latest: Period | undefined; counted: number } {
  let total = 0;
  let latest: Period | undefined;
  let counted = 0;
  if (!series) return { total, latest, counted };
  for (let i = 0; i < series.periods.length; i++) {
    const p = series.periods[i];
    const v = series.values[i] ?? Number.NaN;
    if (p === undefined || Number.isNaN(v) || p.startYear < from - EPS || p.endYear > asOf.endYear + EPS) continue;
    total += v;
    counted++;
    if (!latest || p.endYear > latest.endYear) latest = p;
  }
  return { total, latest, counted };
}
