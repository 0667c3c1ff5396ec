// The numbers a native chart plots, written into cells of the indicator sheet: a small
// table, one block of rows per series (its name, each point's period, the date plotted,
// the value), so each series reads one contiguous column of dates and one of values.
// It is written at a given place without moving the sheet's own writer, in cells that
// neither wrap nor change the height of the rows they share with the sheet's tables.
import type ExcelJS from 'exceljs';
import type { NativeChartMessages } from '../../messages/native-chart.js';
import { num, SheetWriter } from '../workbook/sheet-writer.js';
import { STYLES } from '../workbook/styles.js';
import type { NativeSeries, PlannedSeries } from './native-chart.js';

/** A series' name: text (never read as a formula), on one line, however long. */
const NAME_STYLE: Partial<ExcelJS.Style> = { ...STYLES.text, alignment: { vertical: 'top', wrapText: false } };

/** How dates show in the table's cells. */
export const CHART_DATE_FORMAT = 'yyyy-mm-dd';

export interface ChartDataPlace {
  /** The sheet's name, as cell references name it. */
  sheet: string;
  /** Top-left cell of the table (1-based): its title; the header two rows below. */
  row: number;
  column: number;
  valueFormat: string;
}

/** Columns: series, period, date plotted, value. Returns the series with the cells that hold them. */
export function writeChartData(
  worksheet: ExcelJS.Worksheet,
  series: readonly PlannedSeries[],
  words: NativeChartMessages,
  place: ChartDataPlace,
): NativeSeries[] {
  const { sheet, column: col } = place;
  const c = words.columns;
  // A writer of its own: its text cells never wrap (the sheet's designed writer wraps every text).
  const w = new SheetWriter(worksheet);
  const line = (r: number, text: string, style: Partial<ExcelJS.Style>) => w.cell(r, col, text, style);
  line(place.row, words.dataTitle, STYLES.section);
  line(place.row + 1, words.dataNote, STYLES.note);
  let r = place.row + 2;
  w.put(r, col, [c.series, c.period, c.date, c.value], STYLES.header);
  const widths = [c.series, c.period, c.date, c.value].map((h) => h.length);
  const out = series.map((s) => {
    const firstRow = r + 1;
    for (const p of s.points) {
      r++;
      line(r, s.name, NAME_STYLE);
      w.put(r, col + 1, [p.label || null, num(p.x, CHART_DATE_FORMAT), num(p.y, place.valueFormat)]);
    }
    widths[0] = Math.max(widths[0] ?? 0, s.name.length);
    widths[1] = Math.max(widths[1] ?? 0, ...s.points.map((p) => p.label.length));
    return {
      ...s,
      nameCell: { sheet, row: firstRow, col },
      x: { sheet, col: col + 2, firstRow, lastRow: r },
      y: { sheet, col: col + 3, firstRow, lastRow: r },
    };
  });
  widths[2] = Math.max(widths[2] ?? 0, CHART_DATE_FORMAT.length);
  widths[3] = Math.max(widths[3] ?? 0, 12);
  widths.forEach((n, i) => {
    worksheet.getColumn(col + i).width = Math.min(60, n + 2);
  });
  return out;
}
