// Every indicator and every breakdown of a programme, assessed as of one period.
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import { yearPeriod, type Period } from '../periods/period.js';
import type { Indicator, Program } from '../spec/model.js';
import type { MethodName } from '../spec/schema.js';
import type { AssessmentDocument, AssessmentResult } from './assessment.js';
import { assessSeries } from './assess-series.js';

export interface AssessOptions {
  asOf?: Period;
  /** --method: overrides the programme's and every indicator's method. */
  method?: MethodName;
  /**
   * Run every published method, not only trajectory and the chosen one, for the results
   * this picks (the pack shows every method's inputs for the series it details).
   */
  everyMethod?: (indicator: Indicator, series: BreakdownSeries, data: IndicatorData) => boolean;
}

/** The document with the resolved as-of period kept for later phases. */
export type FullAssessment = AssessmentDocument & { asOfPeriod: Period };

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
        if (!Number.isNaN(s.values[i])) {
          if (!latest || s.periods[i].endYear > latest.endYear) latest = s.periods[i];
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
  const asOf = reportingPeriod(program, data, options.asOf);
  const results: AssessmentResult[] = [];
  for (const indicator of program.indicators) {
    const method = options.method ?? indicator.method ?? program.method;
    const d = data.get(indicator.id);
    const series = d ? [...(d.headline ? [d.headline] : []), ...d.breakdowns] : [];
    if (series.length === 0) {
      results.push(
        assessSeries({
          program,
          indicator,
          series: undefined,
          isHeadline: true,
          asOf,
          method,
          everyMethod: Boolean(options.everyMethod),
        }),
      );
      continue;
    }
    for (const s of series) {
      const everyMethod = Boolean(d && options.everyMethod?.(indicator, s, d));
      results.push(
        assessSeries({ program, indicator, series: s, isHeadline: s === d?.headline, asOf, method, everyMethod }),
      );
    }
  }
  return { program: program.id, as_of: asOf.id, method: options.method ?? program.method, results, asOfPeriod: asOf };
}

/** The document as `mel assess --json` prints it: results carry trajectory and the chosen method. */
export function publicDocument(full: FullAssessment): AssessmentDocument {
  return {
    program: full.program,
    as_of: full.as_of,
    method: full.method,
    results: full.results.map((r) => {
      const methods: AssessmentResult['methods'] = { trajectory: r.methods.trajectory };
      if (r.methods[r.method]) methods[r.method] = r.methods[r.method];
      return { ...r, methods };
    }),
  };
}
