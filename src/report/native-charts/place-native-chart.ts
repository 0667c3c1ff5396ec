// An indicator sheet's native chart: its anchor and the table of the numbers it plots.
// Where they go is the caller's (the anchor's cell, the table's top-left cell), so a new
// sheet layout moves them only.
import type ExcelJS from 'exceljs';
import { nativeChartMessages } from '../../messages/native-chart.js';
import type { ChartSpec } from '../charts/chart-spec.js';
import { CHART_DATE_FORMAT, writeChartData } from './chart-data-table.js';
import { type NativeChart, plannedSeries, timeAxisOf } from './native-chart.js';

export interface NativeChartPlace {
  /** The sheet's name. */
  sheet: string;
  /** Top-left cell of the chart (0-based column and row, as drawings count) and its size in pixels. */
  anchor: NativeChart['anchor'];
  /** Top-left cell (1-based) of the chart-data table. */
  data: { row: number; column: number };
  /** Display format of the indicator's values. */
  valueFormat: string;
}

/** Writes the chart's data table and returns the chart, or nothing when the spec plots nothing. */
export function placeNativeChart(
  worksheet: ExcelJS.Worksheet,
  spec: ChartSpec,
  place: NativeChartPlace,
): NativeChart | undefined {
  const planned = plannedSeries(spec);
  if (!planned.length) return undefined;
  const series = writeChartData(worksheet, planned, nativeChartMessages[spec.locale], {
    sheet: place.sheet,
    row: place.data.row,
    column: place.data.column,
    valueFormat: place.valueFormat,
  });
  return {
    sheet: place.sheet,
    anchor: place.anchor,
    title: spec.title,
    timeTitle: spec.axisTimeLabel,
    valueTitle: spec.unitLabel,
    valueFormat: place.valueFormat,
    dateFormat: CHART_DATE_FORMAT,
    timeAxis: timeAxisOf(planned),
    series,
  };
}
