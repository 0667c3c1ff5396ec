// An indicator sheet's native chart: its anchor and the table of the numbers it plots,
// written below the writer's last row. Where they go is the caller's: the anchor's cell
// and the table's first column are parameters, so a new sheet layout moves them only.
import { nativeChartMessages } from '../../messages/native-chart.js';
import type { ChartSpec } from '../charts/chart-spec.js';
import type { SheetWriter } from '../workbook/sheet-writer.js';
import { CHART_DATE_FORMAT, writeChartData } from './chart-data-table.js';
import { type NativeChart, plannedSeries, timeAxisOf } from './native-chart.js';

export interface NativeChartPlace {
  /** The sheet's name. */
  sheet: string;
  /** Top-left cell of the chart (0-based column and row) and its size in pixels. */
  anchor: NativeChart['anchor'];
  /** First column (1-based) of the chart-data table, written below the writer's last row. */
  dataColumn: number;
  /** Display format of the indicator's values. */
  valueFormat: string;
}

/** Writes the chart's data table and returns the chart, or nothing when the spec plots nothing. */
export function placeNativeChart(w: SheetWriter, spec: ChartSpec, place: NativeChartPlace): NativeChart | undefined {
  const planned = plannedSeries(spec);
  if (!planned.length) return undefined;
  const series = writeChartData(w, planned, nativeChartMessages[spec.locale], {
    sheet: place.sheet,
    firstColumn: place.dataColumn,
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
