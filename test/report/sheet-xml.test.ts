// The cells mel writes itself (sheet-cells.ts -> sheet-xml.ts, styles-part.ts): a small
// workbook written through the sheet writer, its parts read as XML, and the file read back
// by exceljs, as a donor's spreadsheet program reads it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { setColumnBreaks } from '../../src/report/workbook/column-breaks.js';
import { SheetCells, sheetCells } from '../../src/report/workbook/sheet-cells.js';
import { SheetWriter, link, styled } from '../../src/report/workbook/sheet-writer.js';
import { StylesPart } from '../../src/report/workbook/styles-part.js';
import { FORMATS, STYLES } from '../../src/report/workbook/styles.js';
import { packageWorkbook } from '../../src/report/workbook/xlsx-package.js';
import { addPicture } from '../../src/report/workbook/workbook-images.js';
import { XmlBytes } from '../../src/report/workbook/xml-bytes.js';
import { kids, parseXml } from '../helpers/xml-tree.js';
import { unzipXlsx } from './native-chart-parts.js';
import { TINY_PNG } from './pack-fixture.js';

type Style = Partial<ExcelJS.Style>;

const FANCY: Style = {
  font: {
    name: 'Calibri',
    family: 2,
    size: 14,
    bold: true,
    italic: true,
    underline: true,
    color: { argb: 'FF0072B2' },
  },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5D999' } },
  border: { bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } }, left: { style: 'medium' } },
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 2 },
  numFmt: '0.0#',
};

const RUN = new Date(Date.UTC(2024, 2, 5, 13, 30, 0));

/** A workbook of two sheets written through the sheet writer, packaged. */
async function written(): Promise<{ files: Record<string, Uint8Array>; wb: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  const first = workbook.addWorksheet('Cells');
  const w = new SheetWriter(first);
  w.add(['Tom & Jerry <"quoted"> \'single\'', 'naïve café 日本 🌍', '  spaced  ', 'two\nlines']); // row 1
  w.add([42, -0.125, 1e-7, 123456789.5, Number.NaN, null, 'after gaps']); // row 2
  w.add([styled(new Date(Date.UTC(2023, 11, 31)), STYLES.date), styled(RUN, STYLES.dateTime)]); // row 3
  w.add([styled(0.256, { ...STYLES.plain, numFmt: FORMATS.percentWhole }), styled(1234.5, FANCY), '=SUM(A1)']); // row 4
  w.add(['bell\u0007 and form feed\f gone', link('https://example.org/?a=1&b=2', 'a link')]); // row 5
  w.merged(6, 1, 3, 'merged over three columns', STYLES.wrap); // row 6
  w.row = 6;
  w.skip(2);
  w.add(['head', null], STYLES.header); // row 9, under an empty row 8 with a height
  w.rowHeight(8, 33.75);
  setColumnBreaks(first, [2]);
  // A picture: the sheet's drawing relationship beside the link's.
  first.addImage(addPicture(workbook, TINY_PNG), { tl: { col: 4, row: 6 }, ext: { width: 10, height: 10 } });
  w.finish();
  const second = workbook.addWorksheet('Same strings');
  new SheetWriter(second).add(['Tom & Jerry <"quoted"> \'single\'', 'a link']);
  const bytes = await packageWorkbook(workbook, RUN);
  const wb = await new ExcelJS.Workbook().xlsx.load(bytes.buffer);
  return { files: unzipXlsx(bytes), wb };
}

const pack = written();

const text = (files: Record<string, Uint8Array>, path: string) => new TextDecoder().decode(files[path]);

describe("the cells' XML", () => {
  it('is well formed, with the worksheet children in the order OOXML gives them', async () => {
    const { files } = await pack;
    for (const [path, bytes] of Object.entries(files))
      if (/\.(xml|rels)$/.test(path)) expect(() => parseXml(new TextDecoder().decode(bytes)), path).not.toThrow();
    const sheet = parseXml(text(files, 'xl/worksheets/sheet1.xml'));
    const order = sheet.children.map((c) => c.name);
    const expected = ['dimension', 'sheetData', 'mergeCells', 'hyperlinks', 'pageSetup', 'colBreaks', 'drawing'];
    const positions = expected.map((name) => order.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(kids(sheet, 'dimension')[0]?.attributes.ref).toBe('A1:G9');
    // Every text is a shared string, each distinct text once, counted per cell.
    const sst = parseXml(text(files, 'xl/sharedStrings.xml'));
    const texts = kids(sst, 'si').map((si) => kids(si, 't')[0]?.text);
    expect(texts.filter((t) => t === 'Tom & Jerry <"quoted"> \'single\'')).toHaveLength(1);
    expect(Number(sst.attributes.uniqueCount)).toBe(texts.length);
    expect(Number(sst.attributes.count)).toBe(texts.length + 2);
    expect(text(files, 'xl/sharedStrings.xml')).toContain('<t xml:space="preserve">  spaced  </t>');
    const cells = kids(kids(sheet, 'sheetData')[0] ?? sheet, 'row').flatMap((r) => kids(r, 'c'));
    expect(cells.find((c) => c.attributes.r === 'A1')?.attributes.t).toBe('s');
    expect(cells.find((c) => c.attributes.r === 'A2')?.attributes.t).toBeUndefined();
    // The link and the drawing, each with a relationship of its own; the picture's bytes in its part.
    const rels = parseXml(text(files, 'xl/worksheets/_rels/sheet1.xml.rels')).children.map((r) => r.attributes);
    expect(new Set(rels.map((r) => r.Id)).size).toBe(2);
    expect(rels.find((r) => r.Type?.endsWith('/hyperlink'))).toMatchObject({
      Target: 'https://example.org/?a=1&b=2',
      TargetMode: 'External',
    });
    expect(kids(sheet, 'hyperlinks')[0]?.children[0]?.attributes['r:id']).toBe(
      rels.find((r) => r.Type?.endsWith('/hyperlink'))?.Id,
    );
    expect(Buffer.from(files['xl/media/image1.png'] ?? []).equals(TINY_PNG)).toBe(true);
    // The workbook names its shared strings, once.
    expect(text(files, '[Content_Types].xml').match(/sharedStrings\.xml/g)).toHaveLength(1);
    expect(text(files, 'xl/_rels/workbook.xml.rels').match(/sharedStrings\.xml/g)).toHaveLength(1);
  });

  it('reads back the values: texts (characters XML cannot carry dropped), numbers, dates, empty cells', async () => {
    const { wb } = await pack;
    const ws = wb.getWorksheet('Cells') as ExcelJS.Worksheet;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Tom & Jerry <"quoted"> \'single\'',
      'naïve café 日本 🌍',
      '  spaced  ',
      'two\nlines',
    ]);
    expect([1, 2, 3, 4].map((c) => ws.getRow(2).getCell(c).value)).toEqual([42, -0.125, 1e-7, 123456789.5]);
    expect(ws.getCell('E2').type).toBe(ExcelJS.ValueType.Null);
    expect(ws.getCell('F2').value).toBeNull();
    expect(ws.getCell('G2').value).toBe('after gaps');
    expect((ws.getCell('A3').value as Date).toISOString()).toBe('2023-12-31T00:00:00.000Z');
    expect((ws.getCell('B3').value as Date).toISOString()).toBe(RUN.toISOString());
    expect(ws.getCell('B3').numFmt).toBe(FORMATS.dateTime);
    expect(ws.getCell('C4').value).toBe('=SUM(A1)');
    expect(ws.getCell('C4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A5').value).toBe('bell and form feed gone');
    expect(ws.getCell('B5').value).toEqual({ text: 'a link', hyperlink: 'https://example.org/?a=1&b=2' });
    const other = wb.getWorksheet('Same strings') as ExcelJS.Worksheet;
    expect(other.getCell('A1').value).toBe('Tom & Jerry <"quoted"> \'single\'');
  });

  it('reads back each style: font, fill, border, alignment and number format', async () => {
    const { wb } = await pack;
    const ws = wb.getWorksheet('Cells') as ExcelJS.Worksheet;
    const fancy = ws.getCell('B4');
    expect(fancy.value).toBe(1234.5);
    expect(fancy.font).toMatchObject({
      name: 'Calibri',
      size: 14,
      bold: true,
      italic: true,
      underline: true,
      color: { argb: 'FF0072B2' },
    });
    expect(fancy.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5D999' } });
    expect(fancy.border.bottom).toEqual({ style: 'thin', color: { argb: 'FFBFBFBF' } });
    expect(fancy.border.left).toMatchObject({ style: 'medium' });
    expect(fancy.border.top).toBeUndefined();
    expect(fancy.alignment).toEqual({ horizontal: 'left', vertical: 'middle', wrapText: true, indent: 2 });
    expect(fancy.numFmt).toBe('0.0#');
    expect(ws.getCell('A4').numFmt).toBe('0%');
    // A text that could be read as a formula is kept as text when the cell is edited.
    expect(ws.getCell('C4').numFmt).toBe('@');
    // A row style over every cell of its row, an empty one too.
    expect(ws.getCell('A9').font).toMatchObject({ bold: true, size: 11, name: 'Calibri' });
    expect(ws.getCell('B9').value).toBeNull();
    expect(ws.getCell('B9').fill).toMatchObject({ fgColor: { argb: 'FFE7E6E6' } });
    expect(ws.getCell('B9').border.bottom).toMatchObject({ style: 'thin' });
    expect(ws.getCell('B5').font).toMatchObject({ underline: true, color: { argb: 'FF0072B2' } });
  });

  it('reads back the rows: heights, merged cells, a long text that wraps', async () => {
    const { wb } = await pack;
    const ws = wb.getWorksheet('Cells') as ExcelJS.Worksheet;
    expect(ws.getRow(8).height).toBe(33.75);
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(30); // "two\nlines" wraps onto two lines
    expect(ws.getRow(2).height).toBeUndefined();
    expect(ws.getCell('C6').isMerged).toBe(true);
    expect(ws.getCell('C6').master.address).toBe('A6');
    expect(ws.getCell('A6').value).toBe('merged over three columns');
    expect(ws.getCell('C6').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('D6').isMerged).toBe(false);
  });
});

describe('the styles part', () => {
  it('gives equal styles one index, whatever the object, and numbers custom formats from 164', () => {
    const styles = new StylesPart();
    const a = styles.index(STYLES.header);
    expect(a).toBeGreaterThan(0);
    expect(styles.index({ ...STYLES.header })).toBe(a);
    expect(styles.index(STYLES.plain)).not.toBe(a);
    styles.index({ ...STYLES.plain, numFmt: '0%' });
    styles.index({ ...STYLES.plain, numFmt: '0.0"&"' });
    const xml = parseXml(styles.xml());
    const formats = kids(kids(xml, 'numFmts')[0] ?? xml, 'numFmt').map((f) => f.attributes);
    expect(formats).toEqual([{ numFmtId: '164', formatCode: '0.0"&"' }]);
    const xfs = kids(kids(xml, 'cellXfs')[0] ?? xml, 'xf');
    expect(xfs.map((x) => x.attributes.numFmtId)).toEqual(['0', '0', '0', '9', '164']);
    // The Normal style's font is Excel's default, in which column widths are measured.
    expect(kids(kids(xml, 'fonts')[0] ?? xml, 'font')[0]?.children.map((c) => c.name)).toEqual([
      'sz',
      'color',
      'name',
      'family',
      'scheme',
    ]);
  });

  it('refuses what it cannot write rather than dropping it', () => {
    const styles = new StylesPart();
    const gradient: Style = {
      fill: { type: 'gradient', gradient: 'angle', degree: 0, stops: [] },
    };
    expect(() => styles.index(gradient)).toThrow(/gradient/);
  });
});

describe('the cell store', () => {
  it('keeps a merged range as exceljs does: its first cell holds the value, the others its style', () => {
    const cells = new SheetCells();
    cells.set(2, 2, 'first', STYLES.label);
    cells.merge({ top: 2, left: 2, bottom: 3, right: 4 });
    expect(cells.style(3, 4)).toBe(STYLES.label);
    cells.set(3, 3, 'into the range', STYLES.plain);
    expect(cells.value(2, 2)).toBe('into the range');
    expect(cells.value(3, 3)).toBeNull();
    expect(() => cells.merge({ top: 3, left: 4, bottom: 3, right: 5 })).toThrow(/merged twice/);
    expect(() => cells.set(0, 1, 'x', STYLES.plain)).toThrow(/no cell/);
  });

  it('writes a number that is not finite, or an invalid date, as an empty cell', () => {
    const cells = new SheetCells();
    cells.set(1, 1, Number.POSITIVE_INFINITY, STYLES.plain);
    cells.set(1, 2, new Date(Number.NaN), STYLES.date);
    expect([cells.value(1, 1), cells.value(1, 2)]).toEqual([null, null]);
    expect(cells.style(1, 2)).toBe(STYLES.date);
  });

  it('is one per worksheet, shared by its writers', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('S');
    new SheetWriter(sheet).add(['a']);
    new SheetWriter(sheet).put(1, 2, ['b']);
    expect([sheetCells(sheet).value(1, 1), sheetCells(sheet).value(1, 2)]).toEqual(['a', 'b']);
  });
});

describe('the bytes of a sheet', () => {
  it('writes whole numbers as digits, ASCII as it is, any text as UTF-8', () => {
    const out = new XmlBytes(4);
    for (const n of [0, 7, 10, 99, 1_048_576]) {
      out.uint(n);
      out.ascii(' ');
    }
    out.text('é🌍');
    expect(new TextDecoder().decode(out.bytes())).toBe('0 7 10 99 1048576 é🌍');
    expect(() => out.ascii('é')).toThrow(/not ASCII/);
  });
});
