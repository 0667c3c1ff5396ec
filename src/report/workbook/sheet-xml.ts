// The cells of every sheet (sheet-cells.ts) written into the workbook's parts once exceljs
// has laid out the rest: each sheet's `<dimension>`, `<sheetData>`, `<mergeCells>`,
// `<hyperlinks>` (with their relationships) and `<colBreaks>` (column-breaks.ts), then
// the shared strings and the styles part the cells point to. Text cells are shared
// strings; a date is its serial number, shown by its date format; a number is written as
// JavaScript prints it, which Excel reads back exactly.
import type ExcelJS from 'exceljs';
import { escapeAttribute } from '../xml-writer.js';
import { colBreaksXml, columnBreaks } from './column-breaks.js';
import { SharedStrings } from './shared-strings.js';
import { type MergedRange, type SheetCells, sheetCells } from './sheet-cells.js';
import { StylesPart } from './styles-part.js';
import { addRelationships, insertChild, relsOf } from './worksheet-part.js';
import { XmlBytes } from './xml-bytes.js';

/** The parts of the workbook's zip by path (xlsx-package.ts). */
type XlsxParts = Map<string, Uint8Array>;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_SHARED_STRINGS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/** Days from Excel's day 0 (1899-12-30, in its 1900 date system) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;
const MS_PER_DAY = 86_400_000;

/** A date as Excel's serial number: days since 1899-12-30, the time of day as a fraction (UTC). */
const dateSerial = (date: Date): number => EXCEL_EPOCH_DAYS + date.getTime() / MS_PER_DAY;

/** Column letters by number (1 -> A, 28 -> AB), made as needed. */
const letters: string[] = [''];
function columnName(col: number): string {
  for (let n = letters.length; n <= col; n++) {
    let s = '';
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    letters.push(s);
  }
  return letters[col] ?? '';
}

const rangeName = (m: MergedRange) => `${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}`;

/** The range the cells cover ("A1:K96"), as `<dimension>` gives it; "A1" for a sheet without cells. */
export function cellRange(cells: SheetCells): string {
  let top = 0;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  const rows = cells.rows;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const styles = row.styles;
    let first = 0;
    let last = 0;
    for (let c = 1; c < styles.length; c++)
      if (styles[c] !== undefined) {
        if (!first) first = c;
        last = c;
      }
    if (!first && row.height === undefined) continue;
    if (!top) top = r;
    bottom = r;
    if (first) {
      left = Math.min(left, first);
      right = Math.max(right, last);
    }
  }
  return top && right ? rangeName({ top, left, bottom, right }) : 'A1';
}

/** Writes the sheet's `<sheetData>`: every row with a cell or a height, every cell with its style. */
export function writeSheetData(out: XmlBytes, cells: SheetCells, strings: SharedStrings, styles: StylesPart): void {
  out.ascii('<sheetData>');
  const rows = cells.rows;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const { values, styles: rowStyles, height } = row;
    let first = 0;
    let last = 0;
    for (let c = 1; c < rowStyles.length; c++)
      if (rowStyles[c] !== undefined) {
        if (!first) first = c;
        last = c;
      }
    if (!first && height === undefined) continue;
    out.ascii('<row r="');
    out.uint(r);
    if (first) {
      out.ascii('" spans="');
      out.uint(first);
      out.ascii(':');
      out.uint(last);
    }
    if (height !== undefined) {
      out.ascii('" ht="');
      out.number(height);
      out.ascii('" customHeight="1');
    }
    out.ascii('">');
    for (let c = first; first && c <= last; c++) {
      const style = rowStyles[c];
      if (style === undefined) continue;
      out.ascii('<c r="');
      out.ascii(columnName(c));
      out.uint(r);
      const s = styles.index(style);
      if (s) {
        out.ascii('" s="');
        out.uint(s);
      }
      const value = values[c];
      if (typeof value === 'string') {
        out.ascii('" t="s"><v>');
        out.uint(strings.index(value));
        out.ascii('</v></c>');
      } else if (typeof value === 'number' || value instanceof Date) {
        out.ascii('"><v>');
        out.number(typeof value === 'number' ? value : dateSerial(value));
        out.ascii('</v></c>');
      } else out.ascii('"/>');
    }
    out.ascii('</row>');
  }
  out.ascii('</sheetData>');
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** One sheet's part with its cells written in: dimension, sheetData, merged ranges, links, column breaks. */
function writeSheet(
  parts: XlsxParts,
  sheet: ExcelJS.Worksheet,
  strings: SharedStrings,
  styles: StylesPart,
  out: XmlBytes,
): string {
  const path = `xl/worksheets/sheet${sheet.id}.xml`;
  const cells = sheetCells(sheet);
  const bytes = parts.get(path);
  if (!bytes) throw new Error(`internal: no part ${path}`);
  const xml = decoder.decode(bytes);
  const at = xml.indexOf('<sheetData/>');
  if (at < 0) throw new Error(`internal: exceljs wrote cells into ${path}`);
  const head = xml.slice(0, at).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${cellRange(cells)}"/>`);
  let tail = xml.slice(at + '<sheetData/>'.length);
  if (cells.merges.length) {
    const merged = cells.merges.map((m) => `<mergeCell ref="${rangeName(m)}"/>`).join('');
    tail = insertChild(tail, 'mergeCells', `<mergeCells count="${cells.merges.length}">${merged}</mergeCells>`);
  }
  if (cells.links.length) {
    const relsPath = relsOf(path);
    const rels = parts.get(relsPath);
    const added = addRelationships(
      rels && decoder.decode(rels),
      cells.links.map((l) => ({ type: `${REL}/hyperlink`, target: escapeAttribute(l.url), external: true })),
    );
    parts.set(relsPath, encoder.encode(added.xml));
    const links = cells.links.map((l, i) => `<hyperlink ref="${columnName(l.col)}${l.row}" r:id="${added.ids[i]}"/>`);
    tail = insertChild(tail, 'hyperlinks', `<hyperlinks>${links.join('')}</hyperlinks>`);
  }
  const breaks = columnBreaks(sheet);
  if (breaks.length) tail = insertChild(tail, 'colBreaks', colBreaksXml(breaks));
  out.length = 0;
  out.text(head);
  writeSheetData(out, cells, strings, styles);
  out.text(tail);
  parts.set(path, out.bytes().slice());
  return path;
}

/** Makes the workbook name its shared strings: the relationship and the content type. */
function declareSharedStrings(parts: XlsxParts): void {
  const relsPath = 'xl/_rels/workbook.xml.rels';
  const rels = decoder.decode(parts.get(relsPath) ?? new Uint8Array());
  if (!rels.includes('/sharedStrings"')) {
    const rel = { type: `${REL}/sharedStrings`, target: 'sharedStrings.xml' };
    parts.set(relsPath, encoder.encode(addRelationships(rels || undefined, [rel]).xml));
  }
  const typesPath = '[Content_Types].xml';
  const types = decoder.decode(parts.get(typesPath) ?? new Uint8Array());
  const override = `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SHARED_STRINGS}"/>`;
  if (!types.includes('PartName="/xl/sharedStrings.xml"'))
    parts.set(typesPath, encoder.encode(types.replace('</Types>', `${override}</Types>`)));
}

/**
 * Writes every sheet's cells into the parts exceljs wrote, then the shared strings and
 * the styles part that the cells point to, yielding each part's path once it is written
 * (the caller compresses it while the next one is written).
 */
export function* writeCells(workbook: ExcelJS.Workbook, parts: XlsxParts): Generator<string> {
  const strings = new SharedStrings();
  const styles = new StylesPart();
  const out = new XmlBytes();
  for (const sheet of workbook.worksheets) yield writeSheet(parts, sheet, strings, styles, out);
  if (strings.size) {
    declareSharedStrings(parts);
    parts.set('xl/sharedStrings.xml', encoder.encode(strings.xml()));
    yield 'xl/sharedStrings.xml';
  }
  parts.set('xl/styles.xml', encoder.encode(styles.xml()));
  yield 'xl/styles.xml';
}
