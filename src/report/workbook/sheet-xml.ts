// The cells of every sheet (sheet-cells.ts) written into the workbook's parts once exceljs
// has laid out the rest: each sheet's `<dimension>`, `<sheetData>`, `<mergeCells>`,
// `<hyperlinks>` (with their relationships) and `<colBreaks>` (column-breaks.ts), the
// shared strings and the styles part. Text
// cells are shared strings (`t="s"`), as Excel writes them; dates are serial numbers shown
// by their date format; a number is written as JavaScript prints it, which Excel reads
// back exactly. Every text is escaped, characters XML cannot carry dropped.
import type ExcelJS from 'exceljs';
import { escapeAttribute, escapeText } from '../xml-writer.js';
import { colBreaksXml, columnBreaks } from './column-breaks.js';
import { type SheetCells, sheetCells } from './sheet-cells.js';
import { StylesPart } from './styles-part.js';
import { XmlBytes } from './xml-bytes.js';

/** The parts of the workbook's zip by path (xlsx-package.ts). */
type XlsxParts = Map<string, Uint8Array>;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_ROOT = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
const CT_SHARED_STRINGS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/** Days from Excel's day 0 (1899-12-30, in its 1900 date system) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;
const MS_PER_DAY = 86_400_000;

/** A date as Excel's serial number: days since 1899-12-30, the time of day as a fraction (UTC). */
const dateSerial = (date: Date): number => EXCEL_EPOCH_DAYS + date.getTime() / MS_PER_DAY;

/** The workbook's shared strings: each distinct text once, numbered in the order first written. */
export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Cells that point at a string (the `count` Excel writes). */
  private uses = 0;

  index(text: string): number {
    this.uses++;
    let i = this.indexes.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.indexes.set(text, i);
    }
    return i;
  }

  get size(): number {
    return this.texts.length;
  }

  xml(): string {
    const items = this.texts.map((t) => {
      // Leading or trailing spaces and line breaks are kept only when the element says so.
      const preserve = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
      return `<si><t${preserve}>${escapeText(t)}</t></si>`;
    });
    return `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.texts.length}">${items.join('')}</sst>`;
  }
}

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

/** A sheet's cells as XML: its `<sheetData>` (bytes), and the range they cover for `<dimension>`. */
export function sheetDataXml(
  cells: SheetCells,
  strings: SharedStrings,
  styles: StylesPart,
  out = new XmlBytes(),
): { sheetData: Uint8Array; dimension: string } {
  out.length = 0;
  out.ascii('<sheetData>');
  let top = 0;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
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
      out.ascii(String(height));
      out.ascii('" customHeight="1');
    }
    out.ascii('">');
    for (let c = first; c <= last && first; c++) {
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
        out.ascii(String(typeof value === 'number' ? value : dateSerial(value)));
        out.ascii('</v></c>');
      } else out.ascii('"/>');
    }
    out.ascii('</row>');
    if (!top) top = r;
    bottom = r;
    if (first) {
      left = Math.min(left, first);
      right = Math.max(right, last);
    }
  }
  out.ascii('</sheetData>');
  const dimension = top && right ? `${columnName(left)}${top}:${columnName(right)}${bottom}` : 'A1';
  return { sheetData: out.bytes().slice(), dimension };
}

const rangeName = (m: { top: number; left: number; bottom: number; right: number }) =>
  `${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}`;

// Children of a worksheet in their order (ECMA-376 CT_Worksheet), from <mergeCells> on.
const AFTER_SHEET_DATA = [
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** Where an element goes in a worksheet's XML: before the first element that follows it. */
function placeFor(xml: string, name: string): number {
  const followers = AFTER_SHEET_DATA.slice(AFTER_SHEET_DATA.indexOf(name) + 1);
  let at = xml.lastIndexOf('</worksheet>');
  for (const f of followers) {
    const i = new RegExp(`<${f}[\\s/>]`).exec(xml)?.index;
    if (i !== undefined && i < at) at = i;
  }
  return at;
}

const insertAt = (xml: string, at: number, fragment: string) => xml.slice(0, at) + fragment + xml.slice(at);

/** The relationships part of a part ("xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"). */
const relsOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

/** Adds relationships to a rels part (made when missing); returns their ids, unused before. */
function addRelationships(rels: string | undefined, added: readonly string[]): { xml: string; ids: string[] } {
  const xml = rels ?? `${XML_DECLARATION}${RELS_ROOT}</Relationships>`;
  const used = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  const ids: string[] = [];
  let n = 1;
  for (const _ of added) {
    while (used.has(`rId${n}`)) n++;
    ids.push(`rId${n}`);
    used.add(`rId${n}`);
  }
  const elements = added.map((el, i) => el.replace('Id=""', `Id="${ids[i]}"`)).join('');
  return { xml: xml.replace('</Relationships>', `${elements}</Relationships>`), ids };
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** One sheet's part with its cells written in: dimension, sheetData, merged ranges, links, column breaks. */
function writeSheet(
  parts: XlsxParts,
  sheet: ExcelJS.Worksheet,
  strings: SharedStrings,
  styles: StylesPart,
  scratch: XmlBytes,
): void {
  const path = `xl/worksheets/sheet${sheet.id}.xml`;
  const cells = sheetCells(sheet);
  const bytes = parts.get(path);
  if (!bytes) throw new Error(`internal: no part ${path}`);
  let xml = decoder.decode(bytes);
  if (!xml.includes('<sheetData/>')) throw new Error(`internal: exceljs wrote cells into ${path}`);
  const { sheetData, dimension } = sheetDataXml(cells, strings, styles, scratch);
  xml = xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimension}"/>`);
  const [head, after] = xml.split('<sheetData/>') as [string, string];
  let tail = after;
  if (cells.merges.length) {
    const merged = cells.merges.map((m) => `<mergeCell ref="${rangeName(m)}"/>`).join('');
    tail = insertAt(
      tail,
      placeFor(tail, 'mergeCells'),
      `<mergeCells count="${cells.merges.length}">${merged}</mergeCells>`,
    );
  }
  if (cells.links.length) {
    const relsPath = relsOf(path);
    const rels = parts.get(relsPath);
    const { xml: relsXml, ids } = addRelationships(
      rels && decoder.decode(rels),
      cells.links.map(
        (l) => `<Relationship Id="" Type="${REL}/hyperlink" Target="${escapeAttribute(l.url)}" TargetMode="External"/>`,
      ),
    );
    parts.set(relsPath, encoder.encode(relsXml));
    const links = cells.links.map((l, i) => `<hyperlink ref="${columnName(l.col)}${l.row}" r:id="${ids[i]}"/>`);
    tail = insertAt(tail, placeFor(tail, 'hyperlinks'), `<hyperlinks>${links.join('')}</hyperlinks>`);
  }
  const breaks = columnBreaks(sheet);
  if (breaks.length) tail = insertAt(tail, placeFor(tail, 'colBreaks'), colBreaksXml(breaks));
  parts.set(path, Buffer.concat([encoder.encode(head), sheetData, encoder.encode(tail)]));
}

/** Makes the workbook name its shared strings: the relationship and the content type. */
function declareSharedStrings(parts: XlsxParts): void {
  const relsPath = 'xl/_rels/workbook.xml.rels';
  const rels = decoder.decode(parts.get(relsPath) ?? new Uint8Array());
  if (!rels.includes('/sharedStrings"')) {
    const rel = `<Relationship Id="" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
    parts.set(relsPath, encoder.encode(addRelationships(rels || undefined, [rel]).xml));
  }
  const typesPath = '[Content_Types].xml';
  const types = decoder.decode(parts.get(typesPath) ?? new Uint8Array());
  if (!types.includes('PartName="/xl/sharedStrings.xml"'))
    parts.set(
      typesPath,
      encoder.encode(
        types.replace(
          '</Types>',
          `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SHARED_STRINGS}"/></Types>`,
        ),
      ),
    );
}

/**
 * Writes every sheet's cells (sheet-cells.ts) into the parts exceljs wrote, with the
 * shared strings and the styles part that the cells point to.
 */
export function writeCells(workbook: ExcelJS.Workbook, parts: XlsxParts): void {
  const strings = new SharedStrings();
  const styles = new StylesPart();
  const scratch = new XmlBytes();
  for (const sheet of workbook.worksheets) writeSheet(parts, sheet, strings, styles, scratch);
  if (strings.size) {
    parts.set('xl/sharedStrings.xml', Buffer.from(strings.xml(), 'utf8'));
    declareSharedStrings(parts);
  }
  parts.set('xl/styles.xml', encoder.encode(styles.xml()));
}
