// Every indicator and every breakdown of a programme, assessed as of one period: the
// headline, the group totals its targets name (`for: { district: North }`), each
// breakdown; and each result's figures per reporting period.
import { groupSeries } from '../compute/group-series.js';
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import { assessMessages, breakdownKeyText } from '../messages/assess.js';
import { periodOf, yearPeriod, type Period } from '../periods/period.js';
import type { Indicator, Program } from '../spec/model.js';
import type { Locale, MethodName } from '../spec/schema.js';
import type { AssessmentDocument, AssessmentResult } from './assessment.js';
import { assessSeries } from './assess-series.js';
import { sameBreakdown, targetGroups } from './breakdown-targets.js';
import { roundForOutput } from './rounding.js';
import { reportingFigures, reportingWindows, type ReportingFigure, type ReportingWindow } from './reporting-periods.js';

export interface AssessOptions {
  asOf?: Period;
  /** --method: overrides the programme's and every indicator's method. */
  method?: MethodName;
  /**
   * Run every published method, not only trajectory and the chosen one, for the results
   * this picks (the pack shows every method's inputs for the series it details).
   */
  everyMethod?: (indicator: Indicator, series: BreakdownSeries, data: IndicatorData) => boolean;
  /** Language of reasons and notes (default: the programme's). */
  locale?: Locale;
}

/**
 * The document with what later phases need besides it: the resolved as-of period, and
 * the series each result was assessed on (parallel to `results`; undefined without data).
 */
export type FullAssessment = AssessmentDocument & {
  asOfPeriod: Period;
  seriesOfResults: (BreakdownSeries | undefined)[];
};

/**
 * The reporting period: --as-of, else the programme's `as_of`, else the calendar year of
 * the latest value in the data.
 */
export function reportingPeriod(program: Program, data: ReadonlyMap<string, IndicatorData>, asOf?: Period): Period {
  if (asOf) return asOf;
  if (program.asOf) return program.asOf;
  let latest: Period | undefined;
  for (const d of data.values()) {
    for (const s of [d.headline, ...d.breakdowns]) {
      if (!s) continue;
      for (let i = s.periods.length - 1; i >= 0; i--) {
        const period = s.periods[i];
        if (period !== undefined && !Number.isNaN(s.values[i] ?? Number.NaN)) {
          if (!latest || period.endYear > latest.endYear) latest = period;
          break;
        }
      }
    }
  }
  return latest ? yearPeriod(Math.ceil(latest.endYear) - 1) : program.period.end;
}

export function assessProgram(
  program: Program,
  data: ReadonlyMap<string, IndicatorData>,
  options: AssessOptions = {},
): FullAssessment {
  const run = startAssessment(program, data, options);
  const results: AssessmentResult[] = [];
  const seriesOfResults: (BreakdownSeries | undefined)[] = [];
  for (const { result, series } of run.results()) {
    results.push(result);
    seriesOfResults.push(series);
  }
  return { ...run.head, results, asOfPeriod: run.asOfPeriod, seriesOfResults };
}

/** A result and the series it was assessed on (undefined without data). */
export interface AssessedSeries {
  result: AssessmentResult;
  series: BreakdownSeries | undefined;
}

/** An assessment whose results are computed when asked for, one indicator at a time. */
export interface AssessmentRun {
  /** The document without its results. */
  head: Omit<AssessmentDocument, 'results'>;
  asOfPeriod: Period;
  /** Every result, in document order; computed as iterated (a national programme's need not all be held). */
  results(): Generator<AssessedSeries>;
}

export function startAssessment(
  program: Program,
  data: ReadonlyMap<string, IndicatorData>,
  options: AssessOptions = {},
): AssessmentRun {
  const asOf = reportingPeriod(program, data, options.asOf);
  const locale = options.locale ?? program.locale;
  const windows = reportingWindows(program.reporting, program.fiscalYearStart, program.period.start, asOf);
  function* results(): Generator<AssessedSeries> {
    for (const indicator of program.indicators) yield* indicatorResults(indicator);
  }
  function indicatorResults(indicator: Indicator): AssessedSeries[] {
    const method = options.method ?? indicator.method ?? program.method;
    const d = data.get(indicator.id);
    const seriesOf = new Map<AssessmentResult, BreakdownSeries>();
    const assess = (series: BreakdownSeries | undefined, isHeadline: boolean, everyMethod: boolean, dims = {}) => {
      const r = assessSeries({ program, indicator, series, dims, isHeadline, asOf, method, everyMethod, locale });
      const periods = figuresInWindows(r, series, indicator, windows, asOf, program.fiscalYearStart).filter(
        (f) => f.target !== null || f.actual !== null,
      );
      // The result is its own object, just made: completed in place rather than copied.
      if (periods.length) r.reporting_periods = periods;
      const result = r;
      if (series) seriesOf.set(result, series);
      return result;
    };
    const series = d ? [...(d.headline ? [d.headline] : []), ...d.breakdowns] : [];
    const own: AssessmentResult[] = [];
    if (!d || series.length === 0) own.push(assess(undefined, true, Boolean(options.everyMethod)));
    else {
      if (d.headline) own.push(assess(d.headline, true, Boolean(options.everyMethod?.(indicator, d.headline, d))));
      own.push(...groupResults(indicator, d, data, assess, locale));
      for (const s of d.breakdowns) own.push(assess(s, false, Boolean(options.everyMethod?.(indicator, s, d))));
      noteUnmatchedTargets(indicator, own, locale);
    }
    return own.map((result) => ({ result, series: seriesOf.get(result) }));
  }
  return {
    head: {
      program: program.id,
      as_of: asOf.id,
      method: options.method ?? program.method,
      reporting: {
        frequency: program.reporting,
        fiscal_year_start: program.fiscalYearStart,
        periods: windows.map((w) => ({
          period: w.id,
          ...(w.label ? { label: w.label } : {}),
          start: w.start,
          end: w.end,
          ended: w.ended,
        })),
      },
    },
    asOfPeriod: asOf,
    results,
  };
}

/** The group totals the targets name with only some breakdown columns, each judged as a result of its own. */
function groupResults(
  indicator: Indicator,
  d: IndicatorData,
  data: ReadonlyMap<string, IndicatorData>,
  assess: (
    s: BreakdownSeries | undefined,
    isHeadline: boolean,
    every: boolean,
    dims?: Record<string, string>,
  ) => AssessmentResult,
  locale: Locale,
): AssessmentResult[] {
  const columns = [...new Set(d.breakdowns.flatMap((b) => Object.keys(b.dims)))];
  return targetGroups(indicator, columns).map((group) => {
    const s = groupSeries(indicator, d, group, data);
    if (s) return assess(s, false, false);
    const r = assess(undefined, false, false, group);
    const m = assessMessages[locale];
    return {
      ...r,
      status: 'no_data',
      reason: m.groupWithoutTotal(),
      notes: [...r.notes, m.groupNeedsAggregate(breakdownKeyText(group))],
    };
  });
}

/** A target's `for:` that names no breakdown the data has: said on the indicator's first result. */
function noteUnmatchedTargets(indicator: Indicator, own: AssessmentResult[], locale: Locale): void {
  const first = own[0];
  if (!first) return;
  const keys = [
    ...indicator.targets.flatMap((t) => (t.for ? [{ period: t.period.id, key: t.for }] : [])),
    ...(indicator.lopTarget?.by.map((b) => ({ period: 'LOP', key: b.for })) ?? []),
  ];
  for (const { period, key } of keys) {
    if (own.some((r) => sameBreakdown(r.disaggregation, key))) continue;
    first.notes.push(assessMessages[locale].targetForNothing(period, breakdownKeyText(key)));
  }
}

/**
 * One result's figures per window (the reporting periods, or any other windows: the IATI
 * export's target windows): its target whose window it is, its actual (a flow's window
 * sum, else the latest value inside), rounded as every output number is.
 */
export function figuresInWindows(
  r: AssessmentResult,
  series: BreakdownSeries | undefined,
  indicator: Indicator,
  windows: readonly ReportingWindow[],
  asOf: Period,
  fiscalYearStart: number,
): ReportingFigure[] {
  const targets = r.targets.flatMap((t) => {
    if (t.value === null) return [];
    const p = periodOf(t.period, { fiscalYearStart });
    return [{ period: t.period, startYear: p.startYear, endYear: p.endYear, value: t.value }];
  });
  const subject = {
    series,
    frequency: indicator.frequency,
    accumulation: indicator.accumulation,
    direction: indicator.direction,
    targets,
  };
  const round = (x: number | null) => (x === null ? null : roundForOutput(x));
  const figures = reportingFigures(subject, windows, asOf);
  // The figures were just made: rounded in place.
  for (const f of figures) {
    f.target = round(f.target);
    f.actual = round(f.actual);
    f.percent_met = round(f.percent_met);
  }
  return figures;
}

/** The document as `mel assess --json` prints it: results carry trajectory and the chosen method. */
export function publicDocument(full: FullAssessment): AssessmentDocument {
  return {
    program: full.program,
    as_of: full.as_of,
    method: full.method,
    ...(full.reporting ? { reporting: full.reporting } : {}),
    results: full.results.map(publicResult),
  };
}

/**
 * One result as `mel assess --json` prints it: trajectory and the chosen method only.
 * A result that has no other method (every result not run with `everyMethod`) is
 * returned as it is: a copy of its thirty members per result costs a national
 * programme's assessment a tenth of its time.
 */
export function publicResult(r: AssessmentResult): AssessmentResult {
  if (onlyPublicMethods(r)) return r;
  const methods: AssessmentResult['methods'] = { trajectory: r.methods.trajectory };
  if (r.methods[r.method]) methods[r.method] = r.methods[r.method];
  return { ...r, methods };
}

/** True when a result's methods are trajectory and the chosen method, in that order, and nothing else. */
function onlyPublicMethods(r: AssessmentResult): boolean {
  let k = 0;
  for (const name in r.methods) {
    if (k === 0 ? name !== 'trajectory' : k === 1 ? name !== r.method : true) return false;
    k++;
  }
  return k === (r.method === 'trajectory' ? 1 : 2);
}
