// An indicator's data: its headline series and one series per breakdown, with every
// value's period, line and source. Pure types and small helpers.
import type { Text } from '../messages/localized.js';
import type { Period } from '../periods/period.js';

export interface BreakdownSeries {
  /** Breakdown values, e.g. { area: 'rural' }; empty for the headline total. */
  dims: Record<string, string>;
  periods: readonly Period[];
  /** NaN where missing. */
  values: Float64Array;
  /** Line of each value in `file` (0 when computed). */
  lines: Int32Array;
  sources: readonly (string | undefined)[];
  /** The file's note on each value (SDMX OBS_STATUS, Eurostat flags, a note column), where it has one. */
  notes?: readonly (Text | undefined)[];
  /**
   * Why a value is missing (missing marker, division by zero...), parallel to values: mel's words
   * in every language, written in the report's.
   */
  missingReasons: readonly (Text | undefined)[];
  /**
   * Breakdowns that reported nothing for a period whose value is the sum of the others
   * (the headline of a flow built by `aggregate: sum`), parallel to values; absent when
   * every value is whole.
   */
  incomplete?: (string[] | undefined)[];
  /** Data file the values come from (relative path), or the indicator file when computed. */
  file: string;
  /** How the series was obtained: read from a row, summed, computed. */
  origin: 'data' | 'total-row' | 'aggregate-sum' | 'aggregate-ratio' | 'formula';
}

export interface IndicatorData {
  indicatorId: string;
  /** The headline (dims {}), when the data marks or the indicator computes a total. */
  headline?: BreakdownSeries;
  /** Every breakdown other than the headline, sorted by their labels. */
  breakdowns: BreakdownSeries[];
}

export const dimsKey = (dims: Record<string, string>) =>
  Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join('|');

export const dimsLabel = (dims: Record<string, string>) =>
  Object.keys(dims).length === 0
    ? ''
    : Object.keys(dims)
        .sort()
        .map((k) => dims[k])
        .join(' / ');

export const allSeries = (d: IndicatorData): BreakdownSeries[] =>
  d.headline ? [d.headline, ...d.breakdowns] : d.breakdowns;
