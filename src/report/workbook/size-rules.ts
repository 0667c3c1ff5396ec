// How big the pack may grow. exceljs holds every cell in memory (about 190 bytes each)
// and writes about 100,000 cells a second, and Excel stops at 1,048,576 rows a sheet, so
// a national programme (20,000 series x 60 months = 1.2 million values) cannot be written
// out in long form everywhere. The rules, each keeping the small programme's pack as it is:
//
//   Data sheet        every value as a flat row, up to DATA_SHEET_MAX_ROWS rows; beyond,
//                     a note that every row is in data.csv beside the workbook (the caller
//                     writes it when `dataSheetHoldsEveryRow` is false), and the headline
//                     rows only, when they fit.
//   indicator sheets  an indicator with more than MAX_DETAILED_BREAKDOWNS breakdowns gets a
//                     breakdown table (one row each) instead of every breakdown's targets,
//                     methods, projections and values; the headline (or, without one, the
//                     first breakdown as a worked example) keeps its full assessment. The
//                     long list of values stops at INDICATOR_VALUES_MAX_ROWS.
//   tracking table    more than TRACKING_MAX_PERIODS periods (monthly data): only the
//                     periods with a target, plus a "Latest" group; at most
//                     TABLE_MAX_ROWS rows.
//   summary           an indicator without headline and with many breakdowns is one row,
//                     with its breakdowns counted by status.
//   data quality      at most QUALITY_SECTION_MAX_ROWS rows per section.
import type { AssessmentResult } from '../../assess/assessment.js';
import type { PackInput } from '../pack-input.js';

/** Flat value rows the Data sheet holds; beyond, they are all in data.csv. */
export const DATA_SHEET_MAX_ROWS = 100_000;

/** The file beside the workbook that holds every data row when the Data sheet cannot. */
export const DATA_CSV_FILE = 'data.csv';

/**
 * Breakdowns an indicator may have and still be shown in full (every breakdown's targets,
 * methods with inputs, projections and values); with more, one row per breakdown. The
 * caller computes every method for all breakdowns of such indicators only.
 */
export const MAX_DETAILED_BREAKDOWNS = 6;

/** Rows of values listed on one indicator sheet; beyond, they are in the Data sheet or data.csv. */
export const INDICATOR_VALUES_MAX_ROWS = 1_000;

/** Period columns the tracking table may have before it keeps only the periods with a target. */
export const TRACKING_MAX_PERIODS = 24;

/** Rows of one table listing results (tracking table, breakdown table); beyond, a note. */
export const TABLE_MAX_ROWS = 50_000;

/** Rows of one data-quality section (outliers, swings, missing periods ...); beyond, a note. */
export const QUALITY_SECTION_MAX_ROWS = 5_000;

/**
 * Rows the Data sheet would have with every value: one per indicator x breakdown x
 * period, as `data.csv` has them.
 */
export function dataRowsCount(input: Pick<PackInput, 'data'>): number {
  let n = 0;
  for (const d of input.data.values()) {
    if (d.headline) n += d.headline.periods.length;
    for (const s of d.breakdowns) n += s.periods.length;
  }
  return n;
}

/** Whether the Data sheet lists every value; when false the caller writes data.csv beside the workbook. */
export function dataSheetHoldsEveryRow(input: Pick<PackInput, 'data'>): boolean {
  return dataRowsCount(input) <= DATA_SHEET_MAX_ROWS;
}

/**
 * Whether an indicator with this many breakdowns (the headline not counted) is shown
 * breakdown by breakdown in full.
 */
export function showsEveryBreakdown(breakdowns: number): boolean {
  return breakdowns <= MAX_DETAILED_BREAKDOWNS;
}

export const isHeadline = (r: AssessmentResult) => Object.keys(r.disaggregation).length === 0;

/** A result of the assessment and its index there (input.everyMethod, parallel to it, holds its methods). */
export interface NumberedResult {
  readonly index: number;
  readonly result: AssessmentResult;
}

/** The results, each with its index. */
export const numberedResults = (results: readonly AssessmentResult[]): NumberedResult[] =>
  results.map((result, index) => ({ index, result }));

/**
 * Of one indicator's results, those shown in full on its sheet and on the Method inputs
 * sheet: all of them, or with more than MAX_DETAILED_BREAKDOWNS breakdowns the headline
 * (without one, the first breakdown, as a worked example).
 */
export function detailedResults(results: readonly NumberedResult[]): NumberedResult[] {
  const breakdowns = results.filter((r) => !isHeadline(r.result));
  if (showsEveryBreakdown(breakdowns.length)) return [...results];
  const shown = results.find((r) => isHeadline(r.result)) ?? breakdowns[0];
  return shown === undefined ? [] : [shown];
}

/** Every result shown in full, programme-wide (the rule above, indicator by indicator), in order. */
export function everyDetailedResult(results: readonly AssessmentResult[]): NumberedResult[] {
  const byIndicator = new Map<string, NumberedResult[]>();
  for (const numbered of numberedResults(results)) {
    const list = byIndicator.get(numbered.result.indicator);
    if (list) list.push(numbered);
    else byIndicator.set(numbered.result.indicator, [numbered]);
  }
  const out: NumberedResult[] = [];
  for (const list of byIndicator.values()) out.push(...detailedResults(list));
  return out.sort((a, b) => a.index - b.index);
}
