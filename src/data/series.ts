// A time series as the engine keeps it: by columns, one typed array per field, never
// one object per row, so a national programme of 20,000 series stays small.
import type { Text } from '../messages/localized.js';
import type { Period } from '../periods/period.js';

export interface Series {
  /**
   * The values of the key columns that identify this series in its file: the indicator
   * column, every disaggregation column, and any other column an indicator's `match`
   * names. Example: { indicator: 'stunting_u5', area: 'rural' }.
   */
  readonly keys: Readonly<Record<string, string>>;
  /** Sorted by comparePeriods, one entry per period after the duplicates policy. */
  readonly periods: readonly Period[];
  /**
   * NaN where the file holds a missing marker (empty, NA, ..); never 0 for missing. The
   * values and lines of a file's series may be views of arrays they share (finish-series.ts):
   * copy them before sending them to a worker, which would otherwise be sent the whole file's.
   */
  readonly values: Float64Array;
  /** 1-based line of the CSV row each value came from (the first row when merged). */
  readonly lines: Int32Array;
  /** Where each value comes from: the row's source column, else the data source's label. */
  readonly sources: readonly (string | undefined)[];
  /** The row's note column, where the file has one (or a note mel wrote in every language: Eurostat's flags). */
  readonly notes?: readonly (Text | undefined)[];
}

/** A data source's file after reading: its series and what reading it found. */
export interface LoadedTable {
  readonly sourceId: string;
  /** Path relative to the programme root, as issues print it. */
  readonly file: string;
  /** Names of the key columns, in file order. */
  readonly keyColumns: readonly string[];
  /**
   * The column holding each series' indicator code, as the file's format names it (`dx`
   * in DHIS2 analytics, `INDICATOR` in SDMX-CSV; `indicator` unless `columns:` says otherwise).
   */
  readonly indicatorColumn?: string;
  /** The columns that break a series down: the data source's, or those its format implies. */
  readonly disaggregations: readonly string[];
  /**
   * Disaggregations the format implied rather than the data source listed (an SDMX file's
   * dimensions): one that holds a single value among an indicator's series is no breakdown.
   */
  readonly impliedDisaggregations?: readonly string[];
  readonly series: readonly Series[];
  /** Data rows read (header excluded). */
  readonly rowCount: number;
  /** Values that were missing markers. */
  readonly missingCount: number;
  /** How many rows each value of the indicator column has (for "unused codes" warnings). */
  readonly rowsByCode: ReadonlyMap<string, number>;
}

export function observedCount(s: Series): number {
  let n = 0;
  for (let i = 0; i < s.values.length; i++) if (!Number.isNaN(s.values[i])) n++;
  return n;
}
