// What a trajectory chart shows, independent of how it is drawn. Built from an
// assessment (src/report/charts/build-chart-spec.ts) and drawn by render-chart.ts.

import { chartMessages } from '../../messages/chart.js';

/** A point on a time axis proportional to time: x is a fractional year (period midpoint). */
export interface ChartPoint {
  x: number;
  y: number;
  /** Period as written in reports: "2006", "2013-2014". */
  label: string;
}

export interface ChartGroup {
  /** Name in the legend: "National", "Rural", "INEI (ENDES)", "CARE toolkit". */
  label: string;
  /** Observed values, drawn solid with markers. */
  actual: ChartPoint[];
  /** Baseline marker. */
  baseline?: ChartPoint;
  /** Target markers, each labelled (e.g. "Target 2011: 24.5"). */
  targets: (ChartPoint & { name: string })[];
  /** Linear path from baseline to the target being pursued, drawn dashed. */
  expectedPath?: ChartPoint[];
  /** Projection from the latest value to the target date, drawn dotted. */
  projection?: ChartPoint[];
}

export interface ChartSpec {
  title: string;
  subtitle?: string;
  /** Value-axis title, e.g. "% of children under 5". */
  unitLabel: string;
  /** Footnote: sources of the values, one line each. */
  footnotes: string[];
  /** Language of the labels (number formatting: es writes 29,5). */
  locale: 'en' | 'es';
  /** Axis labels in the programme's language. */
  axisTimeLabel: string;
  /** Legend names of the roles, in the programme's language. */
  roleLabels: { actual: string; baseline: string; target: string; expected: string; projection: string };
  /** Series told apart by colour, dash and marker shape together (never colour alone). */
  groups: ChartGroup[];
  /** Values are percentages: the axis may be clamped to 0..100. */
  percent: boolean;
  /**
   * Decimals of the values in labels: the indicator's, as everywhere in the pack
   * (messages/format-number.ts, indicatorDecimals). Unset: from the values drawn.
   */
  valueDecimals?: number;
  width?: number;
  height?: number;
}

export interface SmallMultiplesSpec {
  title: string;
  unitLabel: string;
  footnotes: string[];
  locale: 'en' | 'es';
  /**
   * One panel per breakdown (district...). A panel holds one group, or several when the
   * breakdown has a small second dimension (female / male in each district): the groups
   * of a panel are told apart by colour, marker and dash, named in the shared legend by
   * `groupLabels`, and each group's `label` is the same across panels.
   */
  panels: { title: string; groups: ChartGroup[] }[];
  /** Legend names of the groups a panel holds (e.g. ['Female', 'Male']); one group: none. */
  groupLabels?: string[];
  percent: boolean;
  /** Optional second line under the title (e.g. the indicator's period or definition). */
  subtitle?: string;
  /** Time-axis label in the programme's language; default "Year" (en) / "Año" (es). */
  axisTimeLabel?: string;
  /** Legend names of the roles; default English or Spanish names by `locale`. */
  roleLabels?: ChartSpec['roleLabels'];
  width?: number;
  height?: number;
}

/** Legend names of the roles by language (SmallMultiplesSpec.roleLabels when unset). */
export const DEFAULT_ROLE_LABELS: Record<ChartSpec['locale'], ChartSpec['roleLabels']> = {
  en: chartMessages.en.roles,
  es: chartMessages.es.roles,
};

/** Title of the time axis by language (SmallMultiplesSpec.axisTimeLabel when unset). */
export const DEFAULT_TIME_LABEL: Record<ChartSpec['locale'], string> = {
  en: chartMessages.en.timeAxis,
  es: chartMessages.es.timeAxis,
};
