// The assessment document of FORMAT.md section 3: what `mel assess --json` prints and
// `mel report` writes as assessment.json. Types only.
import type { Direction, MethodName, ReportingFrequency, Unit } from '../spec/schema.js';
import type { InputValue } from './method-types.js';
import type { ReportingFigure } from './reporting-periods.js';

export const statuses = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'deteriorating',
  'missed',
  'no_data',
  'no_target',
] as const;
export type Status = (typeof statuses)[number];
export type TargetOutcome = 'achieved' | 'missed' | 'not_due' | 'no_data';

export interface DatedValue {
  period: string;
  value: number;
  source?: string;
}

export interface AssessedTarget {
  period: string;
  value: number | null;
  label?: string;
  /** How a relative target became this value: "29.5 - 5 percentage points". */
  derivation?: string;
  outcome: TargetOutcome;
  /** The breakdown it is for, when it names one (`for:`). */
  for?: Record<string, string>;
  /** The observation that judged it. */
  judged_by?: DatedValue;
  /** A flow's actual in the target's window: the sum of the values reported inside it. */
  window_actual?: number | null;
  /** actual / target (target / actual for a decrease), once the target can be judged. */
  percent_met?: number | null;
  /** A flow's window: ended, and every period in it reported. */
  complete?: boolean;
  /** A flow's window: periods without a value (or without every breakdown's), up to as-of. */
  missing?: string[];
  /** Per partly reported period, the breakdowns that did not report. */
  missing_breakdowns?: Record<string, string[]>;
  reason?: string;
}

export interface ProjectionResult {
  method: 'linear' | 'cagr';
  /** The target period projected to. */
  period: string;
  value: number | null;
  /** When the projection first reaches the target (a year, or a period), or null if never. */
  attainment: string | null;
  reason?: string;
  inputs?: Record<string, InputValue>;
}

export interface MethodOutcome {
  category: string | null;
  score?: number;
  inputs: Record<string, InputValue>;
  reason?: string;
}

export interface AssessmentResult {
  indicator: string;
  name: string;
  result?: string;
  level?: string;
  /** Breakdown values; {} for the headline. */
  disaggregation: Record<string, string>;
  unit: Unit;
  direction: Direction;
  /** The published method chosen for this indicator (programme default, indicator, or --method). */
  method: MethodName;
  baseline: DatedValue | null;
  target: (DatedValue & { label?: string }) | null;
  latest: DatedValue | null;
  expected: number | null;
  progress_ratio: number | null;
  /**
   * Running total to the latest reported period: a flow's sum from the programme's start,
   * a cumulative series' latest value.
   */
  actual_to_date: number | null;
  /** A flow's cumulative target path at the latest reported period (a cumulative series': `expected`). */
  target_to_date: number | null;
  /** Life-of-programme target of a flow or a cumulative series. */
  lop_target: number | null;
  /** actual_to_date / lop_target. */
  percent_of_lop: number | null;
  /** Years from the end of the latest observed period to the end of as-of. */
  data_age: number | null;
  /** The latest value is more than two frequency steps old (surveys and irregular series: five years). */
  stale: boolean;
  status: Status;
  /** Why the status is what it is, in a sentence. */
  reason: string;
  targets: AssessedTarget[];
  projection: ProjectionResult | null;
  projections: ProjectionResult[];
  /** `trajectory` and the chosen method, each with its inputs. */
  methods: Partial<Record<MethodName, MethodOutcome>>;
  /** Values observed up to as-of, and missing markers among them. */
  observations: number;
  missing: number;
  notes: string[];
  /** Per reporting period with a target or an actual: the tracking table's figures. */
  reporting_periods?: ReportingFigure[];
}

export interface AssessmentDocument {
  program: string;
  as_of: string;
  method: MethodName;
  /** The reporting periods of the tracking table (`program.reporting`), up to as-of. */
  reporting?: {
    frequency: ReportingFrequency;
    fiscal_year_start: number;
    periods: { period: string; label?: string; start: string; end: string; ended: boolean }[];
  };
  results: AssessmentResult[];
}
