// The programme after validation and normalising: periods parsed, defaults filled,
// every reference checked. Later phases (data, assess, report) read only this.
import type { Period, Frequency } from '../periods/period.js';
import type {
  Accumulation,
  DataSource,
  Direction,
  IatiSpec,
  IndicatorFile,
  Locale,
  MethodName,
  ReportingFrequency,
  ResultSpec,
  Unit,
} from './schema.js';
import type { ParsedFormula } from './formula.js';

export interface TargetDef {
  period: Period;
  /** Absolute value, when the file gives one. */
  value?: number;
  /** Change from the baseline, resolved per breakdown from its own baseline. */
  change?: number;
  changeUnit?: 'pp' | 'percent' | 'unit';
  /**
   * The breakdown it is for ({ sex: 'female' }); absent: the headline (and, for intensive
   * measures, every breakdown).
   */
  for?: Record<string, string>;
  label?: string;
  source?: string;
  line: number;
}

/** The life-of-programme target of a sum or cumulative indicator. */
export interface LopTargetDef {
  /** The headline's; absent: the sum of the headline's windowed targets. */
  total?: number;
  /** Breakdowns' own life-of-programme targets. */
  by: { for: Record<string, string>; value: number }[];
  line: number;
}

export interface BaselineDef {
  period: Period;
  /** Omitted: read from the data, per breakdown. */
  value?: number;
  source?: string;
  line: number;
}

export interface Indicator {
  id: string;
  name: string;
  definition?: string;
  result?: string;
  unit: Unit;
  unitLabel?: string;
  direction: Direction;
  frequency: Frequency;
  accumulation: Accumulation;
  series?: { data: string; match: Record<string, string> };
  formula?: ParsedFormula;
  inputs?: Record<string, string>;
  aggregate?: IndicatorFile['aggregate'];
  baseline?: BaselineDef;
  targets: TargetDef[];
  lopTarget?: LopTargetDef;
  validRange?: [number, number];
  naturalLimit?: number;
  method?: MethodName;
  /** Indicators measuring the same thing from another source. */
  compare: string[];
  pirs?: Record<string, string | number | boolean>;
  references?: { title: string; url?: string }[];
  /** Path relative to the programme root. */
  file: string;
  /** Line of a key in the indicator file (for issues found later). */
  lineOf(key: string): number;
}

export interface Program {
  /**
   * The programme's root, which every path is relative to: the folder that holds the
   * `indicators/` folder of program.yaml (spec/load-program.ts programmeRootOf).
   */
  root: string;
  /** program.yaml, relative to root. */
  file: string;
  id: string;
  name: string;
  locale: Locale;
  period: { start: Period; end: Period };
  asOf?: Period;
  fiscalYearStart: number;
  /** The reporting periods of the tracking table. */
  reporting: ReportingFrequency;
  results: ResultSpec[];
  method: MethodName;
  bands: { onTrack: number; atRisk: number };
  openSdgBaseYear?: number;
  dataSources: DataSource[];
  indicators: Indicator[];
  /** How `mel export iati` identifies the programme (`program.iati`), when given. */
  iati?: IatiSpec;
  /** Line of `program.iati` in program.yaml, or of `program` when it has none. */
  iatiLine?: number;
  /** False when some indicator file could not be read or validated: its matches are unknown. */
  allIndicatorsRead?: boolean;
  /** Line of each data source's entry in program.yaml. */
  dataSourceLine(id: string): number;
}
