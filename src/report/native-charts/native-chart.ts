// What an indicator sheet's native (editable) Excel chart shows, and where its numbers
// live: one scatter series per group and role (actuals, the expected path, targets as
// markers), each reading its x (a date: time stays proportional) and y from cells of the
// sheet, so editing a cell moves the chart. Pure: built from the PNG chart's own spec.
import { dateOfFractionalYear } from '../../periods/period.js';
import type { ChartSpec } from '../charts/chart-spec.js';
import { DENSE_SERIES_POINTS } from '../charts/style.js';

export type SeriesRole = 'actual' | 'expected' | 'target';

/** A point as the chart plots it: x an Excel date serial, y the value. */
export interface NativePoint {
  /** The period as reports write it ("2023-Q1"); empty for a path's vertices. */
  label: string;
  x: number;
  y: number;
}

export interface PlannedSeries {
  name: string;
  role: SeriesRole;
  /** The group of the PNG chart it belongs to: its colour and marker. */
  group: number;
  points: NativePoint[];
  /** Many points (monthly values over years): a thinner line, smaller markers. */
  dense: boolean;
}

/** A cell (1-based row and column) of a named sheet. */
export interface CellAt {
  sheet: string;
  row: number;
  col: number;
}

/** A column of cells, rows first..last (1-based), of a named sheet. */
export interface ColumnRange {
  sheet: string;
  col: number;
  firstRow: number;
  lastRow: number;
}

/** A series with the cells its name, x and y are in. */
export interface NativeSeries extends PlannedSeries {
  nameCell: CellAt;
  x: ColumnRange;
  y: ColumnRange;
}

/** A native chart to add to a sheet's drawing once the workbook is laid out. */
export interface NativeChart {
  sheet: string;
  /** Top-left cell (0-based column and row, as drawings count) and size in pixels. */
  anchor: { col: number; row: number; width: number; height: number };
  title: string;
  /** Axis titles. */
  timeTitle: string;
  valueTitle: string;
  /** Display format of the values (the indicator's), and of the dates on the time axis. */
  valueFormat: string;
  dateFormat: string;
  /** Time axis bounds and step, as date serials and days. */
  timeAxis: { min: number; max: number; majorUnit: number; format: string };
  series: NativeSeries[];
}

/** Longest group name in a series' name (a compared indicator is named by its whole name). */
const MAX_GROUP_LABEL = 32;
const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The Excel date serial (days since 1899-12-30, the 1900 date system) of an ISO date. */
export function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Math.round((Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1) - EXCEL_EPOCH) / DAY_MS);
}

/** The date serial of a fractional year (2023.5 is 2023-07-02). */
export const serialOfYear = (t: number) => excelSerial(dateOfFractionalYear(t));

/** The series of a trajectory chart, in the PNG's order: per group, actuals, path, targets. */
export function plannedSeries(spec: ChartSpec): PlannedSeries[] {
  const roles = spec.roleLabels;
  const many = spec.groups.length > 1;
  // A legend entry stays short enough to share its line with others.
  const short = (label: string) =>
    label.length > MAX_GROUP_LABEL ? `${label.slice(0, MAX_GROUP_LABEL - 1).trimEnd()}…` : label;
  const named = (group: string, role: string) => (many ? `${short(group)}: ${role}` : role);
  const point = (p: { x: number; y: number; label: string }): NativePoint => ({
    label: p.label,
    x: serialOfYear(p.x),
    y: p.y,
  });
  const out: PlannedSeries[] = [];
  spec.groups.forEach((g, group) => {
    if (g.actual.length)
      out.push({
        name: named(g.label, roles.actual),
        role: 'actual',
        group,
        points: g.actual.map(point),
        dense: g.actual.length > DENSE_SERIES_POINTS,
      });
    if (g.expectedPath && g.expectedPath.length > 1)
      out.push({
        name: named(g.label, roles.expected),
        role: 'expected',
        group,
        points: g.expectedPath.map(point),
        dense: false,
      });
    if (g.targets.length)
      out.push({
        name: named(g.label, roles.target),
        role: 'target',
        group,
        points: g.targets.map(point),
        dense: false,
      });
  });
  return out;
}

/**
 * The time axis: whole years (a tick a year, or every few years past ten) when the chart
 * spans three years or more, else quarters. Ticks step by the mean length of a year (or
 * quarter) from the day after its first start, so each falls within two days after a
 * 1 January (or a quarter's first day) and is labelled with the right year and month.
 */
export function timeAxisOf(series: readonly PlannedSeries[]): NativeChart['timeAxis'] {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const serial = (y: number, m: number) => Math.round((Date.UTC(y, m, 1) - EXCEL_EPOCH) / DAY_MS);
  if (xs.length === 0) return { min: serial(2000, 0) + 1, max: serial(2001, 0) + 1, majorUnit: 365.25, format: 'yyyy' };
  const first = new Date(EXCEL_EPOCH + Math.min(...xs) * DAY_MS);
  const last = new Date(EXCEL_EPOCH + Math.max(...xs) * DAY_MS);
  const firstYear = first.getUTCFullYear();
  const years = last.getUTCFullYear() - firstYear + 1;
  if (years >= 3) {
    const step = Math.max(1, Math.ceil(years / 10));
    const min = serial(firstYear, 0) + 1;
    const majorUnit = 365.25 * step;
    // The axis ends on a tick: the first year start after the last point.
    return { min, max: min + Math.ceil(years / step) * majorUnit, majorUnit, format: 'yyyy' };
  }
  const quarter = (d: Date) => Math.floor(d.getUTCMonth() / 3);
  const quarters = (last.getUTCFullYear() - firstYear) * 4 + quarter(last) - quarter(first) + 1;
  const min = serial(firstYear, quarter(first) * 3) + 1;
  return { min, max: min + quarters * (365.25 / 4), majorUnit: 365.25 / 4, format: 'mmm yyyy' };
}
