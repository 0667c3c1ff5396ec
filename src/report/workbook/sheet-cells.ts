// The cells of a worksheet, held by mel rather than by exceljs: each value with its shared
// style object, the row heights, the merged ranges and the links. exceljs keeps the rest of
// the sheet (columns, views, page setup, images); sheet-xml.ts writes these cells into the
// sheet's part when the workbook is packaged. A national pack's 1.2 million cells took
// exceljs 8 s of CPU to write (its cell objects, their styles looked up by their XML);
// written from these arrays, they take under one.
//
// A merged range behaves as exceljs's does: its other cells take the first cell's style
// when merged, and a value written to one of them goes to the first cell.
import type ExcelJS from 'exceljs';

export type CellStyle = Partial<ExcelJS.Style>;
/** A cell's value: text, a finite number, a valid date, or nothing (a styled empty cell). */
export type CellValue = string | number | Date | null;

/** One row's cells, by column (1-based): a cell exists where it has a style. */
export interface CellRow {
  values: CellValue[];
  styles: (CellStyle | undefined)[];
  /** Points, when set. */
  height?: number;
}

/** Rows `top`..`bottom` and columns `left`..`right` (1-based, inclusive) shown as one cell. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell that opens a web or mail address. */
export interface CellLink {
  row: number;
  col: number;
  url: string;
}

/** Excel's last column (XFD). */
const MAX_COLUMN = 16_384;
const key = (row: number, col: number) => row * MAX_COLUMN + col;

export class SheetCells {
  /** By row number (1-based); undefined where nothing was written. */
  readonly rows: (CellRow | undefined)[] = [];
  readonly merges: MergedRange[] = [];
  readonly links: CellLink[] = [];
  /** Each merged cell other than a range's first -> the first's key. */
  private readonly mergedInto = new Map<number, number>();
  /** The first cell of each merged range. */
  private readonly mergeFirsts = new Set<number>();

  private rowAt(r: number): CellRow {
    let row = this.rows[r];
    if (!row) {
      row = { values: [], styles: [] };
      this.rows[r] = row;
    }
    return row;
  }

  /** Writes a value and its style (a number that is not finite, or an invalid date, as nothing). */
  set(r: number, c: number, value: CellValue, style: CellStyle): void {
    checkPlace(r, c);
    if (typeof value === 'number' ? !Number.isFinite(value) : value instanceof Date && Number.isNaN(value.getTime()))
      value = null;
    const master = this.mergedInto.size ? this.mergedInto.get(key(r, c)) : undefined;
    if (master !== undefined) {
      // As exceljs: the value goes to the range's first cell, the style stays on this one.
      this.rowAt(Math.floor(master / MAX_COLUMN)).values[master % MAX_COLUMN] = value;
      this.rowAt(r).styles[c] = style;
      return;
    }
    const row = this.rowAt(r);
    row.values[c] = value;
    row.styles[c] = style;
  }

  /** Styles a cell, keeping its value. */
  setStyle(r: number, c: number, style: CellStyle): void {
    checkPlace(r, c);
    const row = this.rowAt(r);
    row.styles[c] = style;
    if (row.values[c] === undefined) row.values[c] = null;
  }

  /** Shows a range as one cell: its first cell's value and style over all of it. */
  merge(range: MergedRange): void {
    const { top, left, bottom, right } = range;
    checkPlace(top, left);
    checkPlace(bottom, right);
    if (bottom < top || right < left) throw new Error(`internal: merged range ${JSON.stringify(range)} is inverted`);
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++)
        if (this.mergedInto.has(key(r, c)) || this.mergeFirsts.has(key(r, c)))
          throw new Error(`internal: cell ${r},${c} is merged twice`);
    const style = this.style(top, left);
    const first = key(top, left);
    this.mergeFirsts.add(first);
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        this.mergedInto.set(key(r, c), first);
        const row = this.rowAt(r);
        row.values[c] = null;
        row.styles[c] = style;
      }
    this.merges.push({ top, left, bottom, right });
  }

  /** Makes the cell (already written) open `url`. */
  link(r: number, c: number, url: string): void {
    this.links.push({ row: r, col: c, url });
  }

  value(r: number, c: number): CellValue | undefined {
    return this.rows[r]?.values[c];
  }

  style(r: number, c: number): CellStyle | undefined {
    return this.rows[r]?.styles[c];
  }

  /** The row's height in points, when set. */
  height(r: number): number | undefined {
    return this.rows[r]?.height;
  }

  setHeight(r: number, points: number): void {
    checkPlace(r, 1);
    this.rowAt(r).height = points;
  }
}

function checkPlace(r: number, c: number): void {
  if (!(Number.isInteger(r) && r >= 1 && r <= 1_048_576 && Number.isInteger(c) && c >= 1 && c <= MAX_COLUMN))
    throw new Error(`internal: no cell at row ${r}, column ${c}`);
}

const cellsOf = new WeakMap<ExcelJS.Worksheet, SheetCells>();

/** The cells mel writes on a worksheet (exceljs holds none of them). */
export function sheetCells(sheet: ExcelJS.Worksheet): SheetCells {
  let cells = cellsOf.get(sheet);
  if (!cells) {
    cells = new SheetCells();
    cellsOf.set(sheet, cells);
  }
  return cells;
}
