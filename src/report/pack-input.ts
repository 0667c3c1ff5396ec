// Everything the Excel progress pack shows, computed before a single cell is written.
import type { AssessmentDocument, MethodOutcome } from '../assess/assessment.js';
import type { SmartReview } from '../assess/smart-review.js';
import type { IndicatorData } from '../data/indicator-data.js';
import type { DataQualityReport } from '../quality/data-quality.js';
import type { ChartSpec } from './charts/chart-spec.js';
import type { Program } from '../spec/model.js';
import type { Locale, MethodName } from '../spec/schema.js';

/** Which charts the pack holds: PNG images, native (editable) Excel charts, or both. */
export const chartModes = ['png', 'native', 'both'] as const;
export type ChartMode = (typeof chartModes)[number];

export interface ChartImage {
  indicator: string;
  /** Breakdown the chart is about; undefined for the indicator's main chart. */
  disaggregation?: Record<string, string>;
  /** File name inside charts/: `<indicator id>[--<disaggregation>].png`. */
  file: string;
  /**
   * The rendered image, or the image being rendered (on a worker thread, while the workbook
   * is laid out); absent when the pack holds native charts only.
   */
  png?: Buffer | Promise<Buffer>;
  /** What a trajectory chart shows: a native chart plots the main chart's. */
  spec?: ChartSpec;
}

/** The trend image of a Summary row. */
export interface SparklineImage {
  indicator: string;
  disaggregation: Record<string, string>;
  png: Buffer;
}

export interface AboutInfo {
  engineVersion: string;
  programFile: string;
  /** ISO timestamp of the run (from SOURCE_DATE_EPOCH when set). */
  runTime: string;
  sources: { file: string; sha256: string }[];
  /** The methods used (each described on the About sheet with its thresholds). */
  methods: MethodName[];
}

export interface PackInput {
  program: Program;
  locale: Locale;
  doc: AssessmentDocument;
  /** Per result (same order as doc.results), the verdict of every method, with inputs. */
  everyMethod: Partial<Record<MethodName, MethodOutcome>>[];
  smart: SmartReview;
  quality: DataQualityReport;
  data: ReadonlyMap<string, IndicatorData>;
  charts: ChartImage[];
  /** PNG images, native Excel charts, or both (default both). */
  chartMode?: ChartMode;
  /** One per Summary row that shows one result; a row without one has no trend image. */
  sparklines: SparklineImage[];
  about: AboutInfo;
}
