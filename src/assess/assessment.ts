// The assessment document of FORMAT.md section 3: what `mel assess --json` prints and
// `mel report` writes as assessment.json. Types only.
import type { Direction, MethodName, Unit } from '../spec/schema.js';
import type { InputValue } from './method-types.js';

export const statuses = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'deteriorating',
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
  /** The observation that judged it. */
  judged_by?: DatedValue;
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
}

export interface AssessmentDocument {
  program: string;
  as_of: string;
  method: MethodName;
  results: AssessmentResult[];
}
