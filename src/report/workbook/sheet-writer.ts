// The one place cells are written. Every value goes through `setCell`, which decides its
// type from the JavaScript value alone: a string from the data is always a string cell
// (never `{ formula }`, never rich text), a number is a number with a display format, a
// date a date. Hyperlinks exist only for reference URLs (`link`), and only for web and
// mail addresses. Column widths are measured as rows are written, so fitting them costs
// nothing extra. The cells go into the sheet's own store (sheet-cells.ts), not into
// exceljs, which keeps the sheet's columns, views and page setup.
import type ExcelJS from 'exceljs';
import { headerFooter, pageSetup, type PageTexts, type PrintLayout } from './page-setup.js';
import { type CellValue, type SheetCells, sheetCells } from './sheet-cells.js';
import { FORMATS, STYLES, numberStyle } from './styles.js';
import { longestLineWidth, type TextFont, textWidth, wrappedTextHeight } from './text-metrics.js';

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

const isStyled = (spec: CellSpec): spec is Styled =>
  typeof spec === 'object' && spec !== null && !(spec instanceof Date) && 'style' in spec;

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

const wrappedStyles = new WeakMap<Style, Style>();
function withWrap(style: Style | undefined): Style {
  if (!style) return STYLES.wrap;
  if (style.alignment?.wrapText) return style;
  let s = wrappedStyles.get(style);
  if (!s) {
    s = { ...style, alignment: { ...style.alignment, vertical: 'top', wrapText: true } };
    wrappedStyles.set(style, s);
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
    const quoted = /"([^"]*)"/.exec(numFmt)?.[1]?.length ?? 0;
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

/** A header is allowed to wrap onto two lines rather than widen a column of numbers. */
const HEADER_MEASURE = 14;

/**
 * Every cell gets a shared style object, even a plain one: the styles part finds a cell's
 * style by the object's identity. So the styles of cells written here are shared and
 * read-only: to restyle a cell, write it again with another style object, never mutate one.
 */
const PLAIN: Style = STYLES.plain;

const verticalStyles = new Map<string, WeakMap<Style, Style>>();
/** The style with another vertical alignment (one shared copy per style). */
function withVertical(style: Style, vertical: 'middle' | 'top'): Style {
  if (style.alignment?.vertical === vertical) return style;
  let cache = verticalStyles.get(vertical);
  if (!cache) {
    cache = new WeakMap();
    verticalStyles.set(vertical, cache);
  }
  let s = cache.get(style);
  if (!s) {
    s = { ...style, alignment: { ...style.alignment, vertical } };
    cache.set(style, s);
  }
  return s;
}

/** A wrapped text, remembered until the column widths are known and its row can be sized. */
interface WrappedText {
  row: number;
  col: number;
  /** Columns the cell covers (merged), 1 when it is not merged. */
  span: number;
  text: string;
  font: TextFont;
  indent: number;
  /** The width of a text of one line, when it was measured already. */
  width?: number;
}

const fonts = new WeakMap<Style, TextFont>();
/** The font a style measures its text in (one shared object per style). */
function fontOf(style: Style): TextFont {
  let f = fonts.get(style);
  if (!f) {
    f = { size: style.font?.size, bold: Boolean(style.font?.bold) };
    fonts.set(style, f);
  }
  return f;
}

export interface FinishOptions {
  /** Least width of some columns (1-based). */
  minimum?: Record<number, number>;
  /** Width of some columns, whatever their content (a designed layout). */
  fixed?: Record<number, number>;
}

/**
 * Writes rows one after another on a worksheet, measuring each column as it goes.
 * `row` is the number of the last row written (0 before the first). `finish` sets the
 * column widths, then the height of every row holding wrapped text, then the print area.
 */
export interface WriterOptions {
  /**
   * A designed layout (the indicator sheets): every text wraps in its cell and widens its
   * column by at most this much; numbers still widen theirs to show every digit.
   */
  textMeasure?: number;
  /** Per column (1-based), the widest it grows: a longer text wraps (default MAX_COLUMN_WIDTH). */
  maxWidths?: Record<number, number>;
  /** Every cell's vertical alignment, when not the top (a dashboard's rows with images). */
  vertical?: 'middle';
}

/** A cell of a row written with `spans`: its content, and how many columns it covers. */
export type SpanCell = CellSpec | [CellSpec, number];

export class SheetWriter {
  row = 0;
  /** The rows holding a title, in order. */
  readonly titleRows: number[] = [];
  private readonly widths: number[] = [];
  private readonly wrapped: WrappedText[] = [];
  private lastColumn = 1;
  private readonly textMeasure: number;
  private readonly maxWidths: Record<number, number>;
  private readonly vertical: 'middle' | undefined;
  /** The sheet's cells (every writer of a sheet writes into the same). */
  readonly cells: SheetCells;

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    options: WriterOptions = {},
  ) {
    this.cells = sheetCells(sheet);
    this.textMeasure = options.textMeasure ?? Infinity;
    this.maxWidths = options.maxWidths ?? {};
    this.vertical = options.vertical;
  }

  /**
   * Writes one row of cells, some covering several columns (merged, a text wrapping in
   * them); `rowStyle` styles every cell (a header). Returns its number.
   */
  spans(cells: readonly SpanCell[], rowStyle?: Style): number {
    this.row++;
    let col = 1;
    for (const item of cells) {
      // No [spec, span] pair made per cell: a national pack writes a million of them.
      const spec = Array.isArray(item) ? item[0] : (item as CellSpec);
      const span = Array.isArray(item) ? item[1] : 1;
      if (span > 1) {
        const value = isStyled(spec) ? spec.value : spec;
        const style = isStyled(spec) ? spec.style : (rowStyle ?? STYLES.wrap);
        if (typeof value === 'string') this.merged(this.row, col, span, value, withWrap(style));
        else {
          this.put(this.row, col, [spec], rowStyle);
          this.cells.merge({ top: this.row, left: col, bottom: this.row, right: col + span - 1 });
          this.lastColumn = Math.max(this.lastColumn, col + span - 1);
        }
      } else {
        this.put(this.row, col, [spec], rowStyle, rowStyle === STYLES.header ? HEADER_MEASURE : Infinity);
      }
      col += span;
    }
    return this.row;
  }

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
   * it does not widen its column, and it does not wrap. With `span`, it is merged over
   * that many columns and wraps inside them, for a heading that may be long.
   */
  title(text: string, style: Style = STYLES.section, span?: number): number {
    this.row++;
    this.titleRows.push(this.row);
    if (span && span > 1) {
      this.merged(this.row, 1, span, text, { ...style, alignment: { vertical: 'top', wrapText: true } });
      return this.row;
    }
    this.setCell(this.row, 1, styled(text, style), undefined, 0, false);
    return this.row;
  }

  /** A sentence across `span` columns (merged), wrapping: a note that prints whole. */
  note(text: string, span: number, style: Style = STYLES.note): number {
    this.row++;
    this.merged(this.row, 1, span, text, withWrap(style));
    return this.row;
  }

  /** A label in column A and a text merged over columns 2..span, wrapping. */
  field(label: CellSpec, value: string | null | undefined, span: number, valueStyle: Style = STYLES.wrap): number {
    this.row++;
    this.put(this.row, 1, [label]);
    if (value !== null && value !== undefined && value !== '') this.merged(this.row, 2, span - 1, value, valueStyle);
    return this.row;
  }

  /**
   * Writes a text merged over `span` columns from `col` on row `r`, wrapping, and
   * remembers it for the row's height.
   */
  merged(r: number, col: number, span: number, text: string, style: Style): void {
    const value = cellText(text);
    this.cells.set(r, col, value, FORMULA_LIKE.test(value) ? withTextFormat(style) : style);
    if (span > 1) this.cells.merge({ top: r, left: col, bottom: r, right: col + span - 1 });
    this.lastColumn = Math.max(this.lastColumn, col + span - 1);
    if (style.alignment?.wrapText)
      this.wrapped.push({ row: r, col, span, text: value, font: fontOf(style), indent: style.alignment.indent ?? 0 });
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
    if (cells.length) this.lastColumn = Math.max(this.lastColumn, col + cells.length - 1);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === undefined || c === null) {
        if (rowStyle) this.cells.setStyle(r, col + i, rowStyle);
        continue;
      }
      this.setCell(r, col + i, c, rowStyle, measure, true);
    }
  }

  /** Writes a value as it is, styled, on row `r`: no measuring, no wrapping, no row move. */
  cell(r: number, col: number, value: CellValue, style: Style): void {
    this.cells.set(r, col, value, style);
  }

  /** Sets a row's height, in points. */
  rowHeight(r: number, points: number): void {
    this.cells.setHeight(r, points);
  }

  private setCell(
    r: number,
    col: number,
    spec: CellSpec,
    rowStyle: Style | undefined,
    cap: number,
    wrapLong: boolean,
  ): void {
    this.writeCell(r, col, spec, rowStyle, cap, wrapLong);
  }

  /** The cell's value and style (the sheet's vertical alignment given to it, if any). */
  private store(r: number, col: number, value: CellValue, style: Style): void {
    this.cells.set(r, col, value, this.vertical ? withVertical(style, this.vertical) : style);
  }

  /** Writes a cell, measured for its column and remembered for its row's height when it wraps. */
  private writeCell(
    r: number,
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
          this.cells.link(r, col, spec.url);
          this.measure(col, textWidth(text), cap);
          this.store(r, col, text, STYLES.link);
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
      const length = longestLineWidth(text, fontOf(style));
      const designed = this.textMeasure < Infinity && wrapLong;
      const widest = this.maxWidths[col] ?? MAX_COLUMN_WIDTH;
      if (designed || (wrapLong && (length > widest || text.includes('\n')))) style = withWrap(style);
      if (FORMULA_LIKE.test(text)) style = withTextFormat(style);
      this.measure(col, length, Math.min(cap, designed ? this.textMeasure : widest));
      if (style.alignment?.wrapText)
        this.wrapped.push({
          row: r,
          col,
          span: 1,
          text,
          font: fontOf(style),
          indent: style.alignment.indent ?? 0,
          width: text.includes('\n') ? undefined : length,
        });
      this.store(r, col, text, style);
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) {
        if (!style.numFmt) style = numberStyle(Number.isInteger(value) ? FORMATS.integer : FORMATS.precise);
        this.measure(col, numberLength(value, style.numFmt), cap);
        this.store(r, col, value, style);
      } else this.store(r, col, null, style);
    } else if (value instanceof Date) {
      if (!style.numFmt) style = STYLES.date;
      if (Number.isNaN(value.getTime())) this.store(r, col, null, style);
      else {
        this.measure(col, style.numFmt?.includes('h') ? 19 : 10, cap);
        this.store(r, col, value, style);
      }
    } else this.store(r, col, null, style);
  }

  private measure(col: number, length: number, cap: number): void {
    const l = Math.min(length, cap);
    if (!((this.widths[col] ?? -Infinity) >= l)) this.widths[col] = l; // a column not measured yet is the narrowest
  }

  /** The width a column was given (Excel units), or Excel's default. */
  columnWidth(col: number): number {
    return this.sheet.getColumn(col).width ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Sets every column's width from its longest content, between 6 and 60 characters. */
  fitColumns(minimum: Record<number, number> = {}, fixed: Record<number, number> = {}): void {
    const keys = [...Object.keys(minimum), ...Object.keys(fixed)].map(Number);
    const n = Math.max(this.widths.length, ...keys.map((k) => k + 1));
    for (let c = 1; c < n; c++) {
      const content = this.widths[c] ?? 0;
      const fitted = Math.ceil(content + 1.5);
      const widest = this.maxWidths[c] ?? MAX_COLUMN_WIDTH;
      const w = fixed[c] ?? Math.min(widest, Math.max(MIN_COLUMN_WIDTH, fitted, minimum[c] ?? 0));
      this.sheet.getColumn(c).width = w;
    }
  }

  /** Gives every row holding wrapped text the height that shows all of it. */
  fitRows(): void {
    const heights = new Map<number, number>();
    const widths: number[] = [];
    const widthOf = (c: number) => (widths[c] ??= this.columnWidth(c));
    for (const t of this.wrapped) {
      let width = 0;
      for (let c = t.col; c < t.col + t.span; c++) width += widthOf(c);
      const h = wrappedTextHeight(t.text, width, t.font, t.indent, t.width);
      if (h > (heights.get(t.row) ?? 0)) heights.set(t.row, h);
    }
    for (const [r, h] of heights) {
      const floor = Math.max(DEFAULT_ROW_HEIGHT, this.cells.height(r) ?? 0);
      if (h > floor + 0.01) this.cells.setHeight(r, Math.ceil(h * 4) / 4);
    }
  }

  /** The columns written (the last one with content). */
  get columns(): number {
    return Math.max(this.lastColumn, this.widths.length - 1);
  }

  /** Column widths, row heights and the print area: call once, after the last row. */
  finish(options: FinishOptions = {}): void {
    this.fitColumns(options.minimum, options.fixed);
    this.fitRows();
    const last = Math.max(1, this.row);
    this.sheet.pageSetup.printArea = `A1:${columnLetter(this.columns)}${last}`;
  }
}

/** Excel's default column width and row height (Calibri 11). */
export const DEFAULT_COLUMN_WIDTH = 8.43;
export const DEFAULT_ROW_HEIGHT = 15;

/** A column's letters: 1 -> A, 28 -> AB. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface SheetLayout {
  /** Rows kept in view while scrolling, and repeated on every printed page. */
  frozenRows: number;
  /** Columns kept in view while scrolling (the identifying columns of a wide table). */
  frozenColumns?: number;
  /** How the sheet prints; title rows default to the frozen rows. */
  print: PrintLayout;
}

/**
 * A worksheet set up for reading and printing: frozen header rows, A4, one page wide (as
 * many pages long as needed unless the layout says otherwise), header rows repeated on
 * every page, the programme and as-of in the page header, page numbers in the footer.
 */
export function createSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  layout: SheetLayout,
  texts: PageTexts,
): ExcelJS.Worksheet {
  const { frozenRows, frozenColumns = 0 } = layout;
  const titleRows = layout.print.titleRows ?? (frozenRows > 0 ? `1:${frozenRows}` : undefined);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: frozenRows }],
    pageSetup: pageSetup({ ...layout.print, titleRows }),
    headerFooter: headerFooter(texts),
  });
  return sheet;
}

/** Turns on the auto-filter over a table: its header row and the rows below it. */
export function autoFilter(sheet: ExcelJS.Worksheet, headerRow: number, lastRow: number, columns: number): void {
  if (columns < 1) return;
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: Math.max(headerRow, lastRow), column: columns },
  };
}
