// The periods of an indicator in the IATI export, and each result's figures in them.
// An IATI `period` is a span with targets and actuals; the export lays out, up to as-of:
//   - every target window (a target is for its period's window: FORMAT.md section 5),
//   - every reporting period of the programme (`program.reporting`),
//   - for levels and running totals, every observed period of the programme's time that
//     fits in no reporting period (a survey round 2013-2014 in annual reporting), so no
//     value is left out.
// The figures are the assessment's own (figuresInWindows): a flow's window sum, else the
// latest value inside the window.
import { figuresInWindows } from '../assess/assess-program.js';
import type { AssessedTarget, AssessmentResult } from '../assess/assessment.js';
import type { ReportingFigure, ReportingWindow } from '../assess/reporting-periods.js';
import { roundForOutput } from '../assess/rounding.js';
import type { BreakdownSeries } from '../data/indicator-data.js';
import { periodOf, type Period } from '../periods/period.js';
import type { Indicator } from '../spec/model.js';

const EPS = 1e-9;

/** A result of the indicator with the series it was assessed on. */
export interface AssessedSeries {
  result: AssessmentResult;
  series: BreakdownSeries | undefined;
}

/** A window of the export and, per result (in the order given), its figure there. */
export interface IatiPeriod {
  window: ReportingWindow;
  figures: { subject: AssessedSeries; figure: ReportingFigure }[];
}

/** The Period a period id of this indicator's results names (its own series' first). */
export function periodNamed(
  id: string,
  indicator: Indicator,
  series: BreakdownSeries | undefined,
  fiscalYearStart: number,
): Period {
  const observed = series?.periods.find((p) => p.id === id);
  if (observed) return observed;
  const declared = [indicator.baseline?.period, ...indicator.targets.map((t) => t.period)].find((p) => p?.id === id);
  return declared ?? periodOf(id, { fiscalYearStart, frequency: indicator.frequency });
}

const windowOf = (p: Period, asOf: Period): ReportingWindow => ({
  id: p.id,
  start: p.start,
  end: p.end,
  startYear: p.startYear,
  endYear: p.endYear,
  ended: p.endYear <= asOf.endYear + EPS,
});

const key = (w: { start: string; end: string }) => `${w.start}/${w.end}`;

/** The value observed for exactly this window's period, if any. */
function valueOfPeriod(series: BreakdownSeries | undefined, w: { start: string; end: string }): number | undefined {
  if (!series) return undefined;
  const i = series.periods.findIndex((p) => p.start === w.start && p.end === w.end);
  const v = i < 0 ? Number.NaN : (series.values[i] ?? Number.NaN);
  return Number.isNaN(v) ? undefined : v;
}

/** Targets with a value, and the window each is for. */
export function targetWindows(
  subject: AssessedSeries,
  indicator: Indicator,
  fiscalYearStart: number,
): { target: AssessedTarget; period: Period }[] {
  return subject.result.targets.flatMap((target) =>
    target.value === null
      ? []
      : [{ target, period: periodNamed(target.period, indicator, subject.series, fiscalYearStart) }],
  );
}

/**
 * The indicator's periods up to as-of, each with every result's figures, in time order
 * (by end, the longer of two ending together last: the quarters, then their year);
 * a window where no result has a target or an actual is left out.
 */
export function iatiPeriods(
  indicator: Indicator,
  subjects: readonly AssessedSeries[],
  reporting: readonly ReportingWindow[],
  time: { programStart: Period; asOf: Period },
  fiscalYearStart: number,
): IatiPeriod[] {
  const { programStart, asOf } = time;
  const windows = new Map<string, ReportingWindow>();
  const observed = new Set<string>();
  const add = (w: ReportingWindow) => {
    if (w.startYear < asOf.endYear - EPS && !windows.has(key(w))) windows.set(key(w), w);
  };
  for (const w of reporting) add(w);
  for (const s of subjects)
    for (const { period } of targetWindows(s, indicator, fiscalYearStart)) add(windowOf(period, asOf));
  if (indicator.accumulation !== 'sum') {
    for (const s of subjects) {
      s.series?.periods.forEach((p, i) => {
        if (Number.isNaN(s.series?.values[i] ?? Number.NaN)) return;
        if (p.endYear > asOf.endYear + EPS || p.endYear <= programStart.startYear + EPS) return;
        const inReporting = reporting.some((w) => p.startYear >= w.startYear - EPS && p.endYear <= w.endYear + EPS);
        if (inReporting) return;
        add(windowOf(p, asOf));
        observed.add(key(p));
      });
    }
  }
  const ordered = [...windows.values()].sort((a, b) =>
    a.end !== b.end ? (a.end < b.end ? -1 : 1) : a.start === b.start ? 0 : a.start > b.start ? -1 : 1,
  );
  const figures = subjects.map((subject) => {
    const inWindows = figuresInWindows(subject.result, subject.series, indicator, ordered, asOf, fiscalYearStart);
    return ordered.map((w, i) => {
      const f = figureOfWindow(inWindows, i);
      // An observed period's own window holds its own value, even where a shorter period
      // inside it ends as late (a survey round 2020-2021 and the year 2021).
      const own = observed.has(key(w)) ? valueOfPeriod(subject.series, w) : undefined;
      return { subject, figure: own === undefined ? f : { ...f, actual: roundForOutput(own) } };
    });
  });
  return ordered
    .map((window, i) => ({ window, figures: figures.map((ofSubject) => figureOfWindow(ofSubject, i)) }))
    .filter((p) => p.figures.some(({ figure }) => figure.target !== null || figure.actual !== null));
}

/** The figure of the i-th window: there is one for every window. */
function figureOfWindow<T extends object>(figures: readonly T[], i: number): T {
  const figure = figures[i];
  if (figure === undefined) throw new Error(`internal: no figure for window ${i + 1} of ${figures.length}`);
  return figure;
}
