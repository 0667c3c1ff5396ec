// Blocks of rows that must print on one page (a chart and the rows it covers): where one
// would straddle a page break, a manual break goes before it. The page's height is known:
// A4, the pack's margins, and the scale at which a sheet of a known width fits one page
// wide (Excel rounds it down to a whole percent); the rows' heights are those the sheet
// writer set. Both Excel and LibreOffice lay the rows out from these, so the estimate holds
// with a small allowance for their rounding.
import type ExcelJS from 'exceljs';
import { MARGINS, printablePixels } from './page-setup.js';
import { sheetCells } from './sheet-cells.js';
import { DEFAULT_ROW_HEIGHT } from './sheet-writer.js';

/** Rows `first` to `last` (1-based, inclusive) print on one page. */
export interface KeptBlock {
  first: number;
  last: number;
}

/** A4's height, in inches. */
const A4_HEIGHT = 11.69;
/** Room kept for the printers' rounding of the scale and the row heights. */
const ALLOWANCE = 0.97;

/** Points of sheet content a portrait page holds when a sheet `widthPixels` wide fits one page wide. */
export function portraitPagePoints(widthPixels: number): number {
  const scale = Math.min(100, Math.floor((100 * printablePixels('portrait')) / widthPixels)) / 100;
  return ((A4_HEIGHT - MARGINS.top - MARGINS.bottom) * 72 * ALLOWANCE) / scale;
}

/**
 * Adds a manual page break before each block that would otherwise be cut by a page break,
 * when it fits on a page of its own. Returns the rows the new pages start at.
 */
export function keepBlocksOnPages(
  sheet: ExcelJS.Worksheet,
  blocks: readonly KeptBlock[],
  pagePoints: number,
): number[] {
  const cells = sheetCells(sheet);
  const heightOf = (r: number) => cells.height(r) ?? DEFAULT_ROW_HEIGHT;
  // Of two blocks starting on the same row, the later one given (a chart with its title).
  const starts = new Map(blocks.map((b) => [b.first, b]));
  const last = Math.max(0, ...blocks.map((b) => b.last));
  const broken: number[] = [];
  let used = 0;
  for (let r = 1; r <= last; r++) {
    const block = starts.get(r);
    if (block && used > 0) {
      let height = 0;
      for (let k = block.first; k <= block.last; k++) height += heightOf(k);
      if (height <= pagePoints && used + height > pagePoints) {
        sheet.getRow(r - 1).addPageBreak();
        broken.push(r);
        used = 0;
      }
    }
    const h = heightOf(r);
    // The printer starts a new page before a row that does not fit.
    used = used + h > pagePoints ? h : used + h;
  }
  return broken;
}
