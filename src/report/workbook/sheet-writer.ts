// The one place cells are written. Every value goes through `setCell`, which decides its
// type from the JavaScript value alone: a string from the data is always a string cell
// (never `{ formula }`, never rich text), a number is a number with a display format, a
// date a date. Hyperlinks exist only for reference URLs (`link`), and only for web and
// mail addresses. Column widths are measured as rows are written, so fitting them costs
// nothing extra.
import type ExcelJS from 'exceljs';
import { FORMATS, STYLES, numberStyle } from './styles.js';

type Style = Partial<ExcelJS.Style>;

/** A cell's content: text, number, date, or nothing. NaN and infinities are written as nothing. */
export type Plain = string | number | Date | null | undefined;
export interface Styled {
  value: Plain;
  style: Style;
}
export interface Link {
  url: string;
  text: string;
}
export type CellSpec = Plain | Styled | Link;

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;
/** Columns are fitted to their content up to this width; longer text wraps. */
export const MAX_COLUMN_WIDTH = 60;
const MIN_COLUMN_WIDTH = 6;

/** A value Excel or a CSV export could read as a formula if the cell were retyped. */
const FORMULA_LIKE = /^[=+\-@\t\r]/;

export const styled = (value: Plain, style: Style): Styled => ({ value, style });

/** A number with its display format (nothing when not a finite number). */
export const num = (value: number | null | undefined, numFmt: string): Styled => ({
  value: finite(value),
  style: numberStyle(numFmt),
});

export const finite = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null;

export const link = (url: string, text: string = url): Link => ({ url, text });

/** A URL safe to make clickable: http(s) and mailto only (never javascript:, file: ...). */
const SAFE_URL = /^(https?:\/\/|mailto:)[^\s"<>]+$/i;

const wrapped = new WeakMap<Style, Style>();
function withWrap(style: Style | undefined): Style {
  if (!style) return STYLES.wrap;
  let s = wrapped.get(style);
  if (!s) {
    s = { ...style, alignment: { ...style.alignment, vertical: 'top', wrapText: true } };
    wrapped.set(style, s);
  }
  return s;
}

const asText = new WeakMap<Style, Style>();
function withTextFormat(style: Style | undefined): Style {
  if (!style) return STYLES.text;
  let s = asText.get(style);
  if (!s) {
    s = { ...style, numFmt: FORMATS.text };
    asText.set(style, s);
  }
  return s;
}

/** Text as a cell can hold it: at most 32,767 characters. */
export function cellText(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

interface FormatWidth {
  decimals: number;
  grouping: boolean;
  percent: boolean;
  extra: number;
}
const formatWidths = new Map<string, FormatWidth>();
function formatWidth(numFmt: string): FormatWidth {
  let f = formatWidths.get(numFmt);
  if (!f) {
    const decimals = numFmt.split('.')[1]?.replace(/[^0#].*$/, '').length ?? 0;
    const quoted = /"([^"]*)"/.exec(numFmt)?.[1].length ?? 0;
    f = { decimals, grouping: numFmt.includes(','), percent: numFmt.includes('%'), extra: quoted };
    formatWidths.set(numFmt, f);
  }
  return f;
}

/** Characters a number takes in its display format, for fitting its column. */
function numberLength(value: number, numFmt: string | undefined): number {
  const f = formatWidth(numFmt ?? FORMATS.precise);
  const shown = Math.abs(f.percent ? value * 100 : value);
  const digits = shown < 10 ? 1 : Math.floor(Math.log10(shown)) + 1;
  return (
    digits +
    (value < 0 ? 1 : 0) +
    (f.decimals ? f.decimals + 1 : 0) +
    (f.grouping ? Math.floor((digits - 1) / 3) : 0) +
    (f.percent ? 1 : 0) +
    f.extra
  );
}

/** The longest line of a text. */
function textLength(text: string): number {
  if (text.indexOf('\n') < 0) return text.length;
  let longest = 0;
  for (const line of text.split('\n')) if (line.length > longest) longest = line.length;
  return longest;
}

/** A header is allowed to wrap onto two lines rather than widen a column of numbers. */
const HEADER_MEASURE = 14;

/**
 * Every cell gets a shared style object, even a plain one: exceljs gives each new cell its
 * own, which costs memory and a style lookup per cell when the file is written. So the
 * styles of cells written here are shared and read-only: to restyle a cell, assign a new
 * style object (`cell.style = {...}`), never mutate it (`cell.font = ...`).
 */
const PLAIN: Style = {};

/**
 * Writes rows one after another on a worksheet, measuring each column as it goes.
 * `row` is the number of the last row written (0 before the first).
 */
export class SheetWriter {
  row = 0;
  private readonly widths: number[] = [];

  constructor(readonly sheet: ExcelJS.Worksheet) {}

  /** Writes one row below the last; returns its number. */
  add(cells: readonly CellSpec[], rowStyle?: Style): number {
    this.row++;
    this.put(this.row, 1, cells, rowStyle);
    return this.row;
  }

  /** Writes a header row (bold, grey, wrapping); returns its number. */
  header(labels: readonly CellSpec[]): number {
    this.row++;
    this.put(this.row, 1, labels, STYLES.header, HEADER_MEASURE);
    return this.row;
  }

  /**
   * A title or section heading in column A. It runs over the empty cells to its right, so
   * it does not widen its column, and it does not wrap.
   */
  title(text: string, style: Style = STYLES.section): number {
    this.row++;
    this.setCell(this.sheet.getRow(this.row).getCell(1), 1, styled(text, style), undefined, 0, false);
    return this.row;
  }

  /** An empty row. */
  skip(n = 1): void {
    this.row += n;
  }

  /**
   * Writes cells on row `r` from column `col` (1-based) without moving `row`; `measure`
   * caps how much each cell may widen its column.
   */
  put(r: number, col: number, cells: readonly CellSpec[], rowStyle?: Style, measure = Infinity): void {
    const row = this.sheet.getRow(r);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === undefined || c === null) {
        if (rowStyle) row.getCell(col + i).style = rowStyle;
        continue;
      }
      this.setCell(row.getCell(col + i), col + i, c, rowStyle, measure, true);
    }
  }

  private setCell(
    cell: ExcelJS.Cell,
    col: number,
    spec: CellSpec,
    rowStyle: Style | undefined,
    cap: number,
    wrapLong: boolean,
  ): void {
    let value: Plain;
    let style: Style = rowStyle ?? PLAIN;
    if (typeof spec === 'object' && spec !== null && !(spec instanceof Date)) {
      if ('url' in spec) {
        const text = cellText(spec.text);
        if (SAFE_URL.test(spec.url) && spec.url.length <= 2000) {
          cell.value = { text, hyperlink: spec.url };
          cell.style = STYLES.link;
          this.measure(col, text.length, cap);
          return;
        }
        value = text;
      } else {
        value = spec.value;
        style = spec.style;
      }
    } else {
      value = spec;
    }

    if (typeof value === 'string') {
      const text = cellText(value);
      const length = textLength(text);
      if (wrapLong && (length > MAX_COLUMN_WIDTH || length !== text.length)) style = withWrap(style);
      if (FORMULA_LIKE.test(text)) style = withTextFormat(style);
      cell.value = text;
      cell.style = style;
      this.measure(col, length, cap);
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) {
        if (!style.numFmt) style = numberStyle(Number.isInteger(value) ? FORMATS.integer : FORMATS.precise);
        cell.value = value;
        this.measure(col, numberLength(value, style.numFmt), cap);
      }
      cell.style = style;
    } else if (value instanceof Date) {
      if (!style.numFmt) style = STYLES.date;
      if (!Number.isNaN(value.getTime())) {
        cell.value = value;
        this.measure(col, style.numFmt!.includes('h') ? 19 : 10, cap);
      }
      cell.style = style;
    } else {
      cell.style = style;
    }
  }

  private measure(col: number, length: number, cap: number): void {
    const l = Math.min(length, cap);
    if (!(this.widths[col] >= l)) this.widths[col] = l;
  }

  /** Sets every column's width from its longest content, between 6 and 60 characters. */
  fitColumns(minimum: Record<number, number> = {}): void {
    const n = Math.max(
      this.widths.length,
      ...Object.keys(minimum)
        .map(Number)
        .map((k) => k + 1),
    );
    for (let c = 1; c < n; c++) {
      const content = this.widths[c] ?? 0;
      const w = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, content + 2, minimum[c] ?? 0));
      this.sheet.getColumn(c).width = w;
    }
  }
}

export interface SheetLayout {
  /** Rows kept in view while scrolling, and repeated on every printed page. */
  frozenRows: number;
  /** Columns kept in view while scrolling (the identifying columns of a wide table). */
  frozenColumns?: number;
  /** Rows repeated on every printed page, e.g. "9:9"; default: the frozen rows. */
  printTitles?: string;
}

/**
 * A worksheet set up for reading and printing: frozen header rows, landscape, one page
 * wide (as many pages long as needed), header rows repeated on every page.
 */
export function createSheet(workbook: ExcelJS.Workbook, name: string, layout: SheetLayout): ExcelJS.Worksheet {
  const { frozenRows, frozenColumns = 0 } = layout;
  const printTitles = layout.printTitles ?? (frozenRows > 0 ? `1:${frozenRows}` : undefined);
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: frozenRows }],
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(printTitles ? { printTitlesRow: printTitles } : {}),
    },
  });
}

/** Turns on the auto-filter over a table: its header row and the rows below it. */
export function autoFilter(sheet: ExcelJS.Worksheet, headerRow: number, lastRow: number, columns: number): void {
  if (columns < 1) return;
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: Math.max(headerRow, lastRow), column: columns },
  };
}
