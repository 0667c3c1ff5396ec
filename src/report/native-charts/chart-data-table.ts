// The numbers a native chart plots, written into cells of the indicator sheet: a small
// table, one block of rows per series (its name, each point's period, the date plotted,
// the value), so each series reads one contiguous column of dates and one of values.
import type { NativeChartMessages } from '../../messages/native-chart.js';
import { type SheetWriter, num, styled } from '../workbook/sheet-writer.js';
import { STYLES } from '../workbook/styles.js';
import type { NativeSeries, PlannedSeries } from './native-chart.js';

/** How dates show in the table's cells. */
export const CHART_DATE_FORMAT = 'yyyy-mm-dd';

export interface ChartDataPlace {
  /** The sheet's name, as cell references name it. */
  sheet: string;
  /** First column of the table (1-based): the series' names; period, date and value follow. */
  firstColumn: number;
  valueFormat: string;
}

/**
 * Writes the table below the writer's last row and returns the series with the cells
 * that hold them. Columns: series, period, date plotted, value.
 */
export function writeChartData(
  w: SheetWriter,
  series: readonly PlannedSeries[],
  words: NativeChartMessages,
  place: ChartDataPlace,
): NativeSeries[] {
  const { sheet, firstColumn: col } = place;
  const c = words.columns;
  w.row++;
  w.put(w.row, col, [styled(words.dataTitle, STYLES.section)], undefined, 0);
  w.row++;
  w.put(w.row, col, [styled(words.dataNote, STYLES.note)], undefined, 0);
  w.row++;
  w.put(w.row, col, [c.series, c.period, c.date, c.value], STYLES.header, 14);
  return series.map((s) => {
    const firstRow = w.row + 1;
    for (const p of s.points) {
      w.row++;
      w.put(w.row, col, [s.name, p.label || null, num(p.x, CHART_DATE_FORMAT), num(p.y, place.valueFormat)]);
    }
    const lastRow = w.row;
    return {
      ...s,
      nameCell: { sheet, row: firstRow, col },
      x: { sheet, col: col + 2, firstRow, lastRow },
      y: { sheet, col: col + 3, firstRow, lastRow },
    };
  });
}
