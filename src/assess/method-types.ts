// The one signature every assessment method has (src/assess/methods/*.ts): pure
// functions from a prepared series and its targets to a verdict that carries every
// input and intermediate value, so an evaluator can redo the arithmetic by hand.
import type { Accumulation, Locale, MethodName, Unit } from '../spec/schema.js';

/** A point in time with a value. */
export interface TimedValue {
  /** Canonical period id: "2006", "2013-2014", "2006-Q1". */
  period: string;
  /** Midpoint as a fractional year (2006 -> 2006.5; the round 2013-2014 -> 2014.0). */
  time: number;
  /** Calendar year of the period's first day (Open SDG counts 2015-16 as 2015). */
  firstYear: number;
  value: number;
}

export interface Bands {
  /** Progress ratio at or above which the status is on_track (0.85). */
  onTrack: number;
  /** Progress ratio at or above which it is at_risk (0.60); below: off_track down to 0. */
  atRisk: number;
}

export interface MethodInput {
  /** +1 when an increase is desired, -1 when a decrease is. */
  direction: 1 | -1;
  unit: Unit;
  accumulation: Accumulation;
  /** Observed values (no missing), sorted by time, none after the as-of period. */
  observations: TimedValue[];
  /** The baseline (given in the indicator file or read from the data). */
  baseline: TimedValue;
  /** The target being pursued at as-of, resolved to an absolute value. */
  target?: TimedValue;
  /** Every target of the indicator, resolved to absolute values, sorted by time. */
  targets: TimedValue[];
  /** The reporting period; targets whose period has ended by then are "completed". */
  asOf: { period: string; time: number; endTime: number };
  /** End (exclusive) of each target period as a fractional year, parallel to `targets`. */
  targetEndTimes: number[];
  /** Length of one reporting step in years (monthly 1/12 ... irregular 2). */
  stepYears: number;
  bands: Bands;
  /** Open SDG: base year (default 2015). */
  openSdgBaseYear?: number;
  /** Open SDG: natural limit L for method 1. */
  naturalLimit?: number;
  /** The language of the reasons (the report's; default English). */
  locale?: Locale;
}

export type InputValue = number | string | boolean | null;

export interface MethodVerdict {
  method: MethodName;
  /** The publisher's own category name, or null when the method cannot judge. */
  category: string | null;
  /** Open SDG's score (-5..5). */
  score?: number;
  /** Every input and intermediate value, named as the method's documentation names them. */
  inputs: Record<string, InputValue>;
  /** Why the category is null, or a note on a convention applied, in a plain sentence. */
  reason?: string;
}

export type AssessmentMethod = (input: MethodInput) => MethodVerdict;
