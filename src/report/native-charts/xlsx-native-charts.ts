// Native charts added to the workbook's parts after exceljs has laid them out (exceljs has
// no chart API): for each chart, the chart part (xl/charts/chartN.xml) and its content
// type, an anchor in the sheet's drawing pointing at it, and the drawing's relationship.
// A sheet has one drawing at most: when exceljs wrote one for the sheet's PNG images, the
// chart's anchor joins that drawing (its next free rId and shape id); else a drawing is
// made, with the sheet's relationship and `<drawing r:id>` in the sheet's XML.
import { insertChild, relsOf } from '../workbook/worksheet-part.js';
import type { XlsxParts } from '../workbook/xlsx-package.js';
import { element, serializeFragment } from '../xml-writer.js';
import { chartXml } from './chart-xml.js';
import type { NativeChart } from './native-chart.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = `${REL}/drawing`;
const REL_CHART = `${REL}/chart`;
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const EMU_PER_PIXEL = 9525;
const DRAWING_NS =
  'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const RELS_ROOT = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Reads and writes the text parts of the zip. */
class TextParts {
  constructor(private readonly parts: XlsxParts) {}
  get(path: string): string | undefined {
    const bytes = this.parts.get(path);
    return bytes && decoder.decode(bytes);
  }
  set(path: string, text: string): void {
    this.parts.set(path, encoder.encode(text));
  }
  has(path: string): boolean {
    return this.parts.has(path);
  }
  /** The first free N of `prefix` N `suffix` ("xl/charts/chart", ".xml"). */
  nextNumber(prefix: string, suffix: string): number {
    let n = 1;
    while (this.parts.has(`${prefix}${n}${suffix}`)) n++;
    return n;
  }
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A part's path from a relationship target, relative to the folder of the part that names it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships of a rels part: id, type, target. */
function relationships(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship\s[^>]*>/g)].map((m) => ({
    id: attribute(m[0], 'Id') ?? '',
    type: attribute(m[0], 'Type') ?? '',
    target: attribute(m[0], 'Target') ?? '',
  }));
}

/** Adds a relationship to a rels part (made when missing); returns its id. */
function addRelationship(files: TextParts, relsPath: string, type: string, target: string): string {
  const xml = files.get(relsPath) ?? `${XML_DECLARATION}${RELS_ROOT}</Relationships>`;
  const used = new Set(relationships(xml).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  files.set(relsPath, xml.replace('</Relationships>', `${rel}</Relationships>`));
  return id;
}

function addContentType(files: TextParts, partName: string, contentType: string): void {
  const path = '[Content_Types].xml';
  const xml = files.get(path) ?? '';
  if (xml.includes(`PartName="/${partName}"`)) return;
  files.set(path, xml.replace('</Types>', `<Override PartName="/${partName}" ContentType="${contentType}"/></Types>`));
}

/** Sheet name -> its part ("xl/worksheets/sheet4.xml"), from the workbook and its relationships. */
function sheetParts(files: TextParts): Map<string, string> {
  const workbook = files.get('xl/workbook.xml') ?? '';
  const rels = relationships(files.get('xl/_rels/workbook.xml.rels') ?? '');
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const rid = attribute(m[0], 'r:id');
    const target = rels.find((r) => r.id === rid)?.target;
    if (name !== undefined && target) out.set(unescapeXml(name), resolveTarget('xl/workbook.xml', target));
  }
  return out;
}

/** The sheet's drawing part, made (with its relationship and `<drawing>`) when it has none. */
function drawingOf(files: TextParts, sheetPart: string): string {
  const sheetRels = relsOf(sheetPart);
  const existing = relationships(files.get(sheetRels) ?? '').find((r) => r.type === REL_DRAWING);
  if (existing) return resolveTarget(sheetPart, existing.target);
  const n = files.nextNumber('xl/drawings/drawing', '.xml');
  const drawing = `xl/drawings/drawing${n}.xml`;
  files.set(drawing, `${XML_DECLARATION}<xdr:wsDr ${DRAWING_NS}></xdr:wsDr>`);
  addContentType(files, drawing, CT_DRAWING);
  const rid = addRelationship(files, sheetRels, REL_DRAWING, `../drawings/drawing${n}.xml`);
  const sheet = files.get(sheetPart) ?? '';
  files.set(sheetPart, insertChild(sheet, 'drawing', `<drawing r:id="${rid}"/>`));
  return drawing;
}

/** The anchor of a chart in a drawing: its top-left cell and size, a frame naming the chart. */
function anchorXml(chart: NativeChart, shapeId: number, rid: string, name: string): string {
  const { col, row, width, height } = chart.anchor;
  const anchor = element('xdr:oneCellAnchor', {}, [
    element('xdr:from', {}, [
      element('xdr:col', {}, [String(col)]),
      element('xdr:colOff', {}, ['0']),
      element('xdr:row', {}, [String(row)]),
      element('xdr:rowOff', {}, ['0']),
    ]),
    element('xdr:ext', { cx: width * EMU_PER_PIXEL, cy: height * EMU_PER_PIXEL }),
    element('xdr:graphicFrame', { macro: '' }, [
      element('xdr:nvGraphicFramePr', {}, [
        element('xdr:cNvPr', { id: shapeId, name }),
        element('xdr:cNvGraphicFramePr'),
      ]),
      element('xdr:xfrm', {}, [element('a:off', { x: 0, y: 0 }), element('a:ext', { cx: 0, cy: 0 })]),
      element('a:graphic', {}, [
        element('a:graphicData', { uri: 'http://schemas.openxmlformats.org/drawingml/2006/chart' }, [
          element('c:chart', {
            'xmlns:c': 'http://schemas.openxmlformats.org/drawingml/2006/chart',
            'xmlns:r': REL,
            'r:id': rid,
          }),
        ]),
      ]),
    ]),
    element('xdr:clientData'),
  ]);
  return serializeFragment(anchor);
}

/** Adds each chart to its sheet. Charts are numbered in the order given, after any already there. */
export function addNativeCharts(parts: XlsxParts, charts: readonly NativeChart[]): void {
  if (!charts.length) return;
  const files = new TextParts(parts);
  const sheets = sheetParts(files);
  for (const chart of charts) {
    const sheetPart = sheets.get(chart.sheet);
    if (!sheetPart) throw new Error(`internal: no sheet "${chart.sheet}" in the workbook`);
    const n = files.nextNumber('xl/charts/chart', '.xml');
    const chartPart = `xl/charts/chart${n}.xml`;
    files.set(chartPart, chartXml(chart));
    addContentType(files, chartPart, CT_CHART);
    const drawing = drawingOf(files, sheetPart);
    const rid = addRelationship(files, relsOf(drawing), REL_CHART, `../charts/chart${n}.xml`);
    const xml = files.get(drawing) ?? '';
    const ids = [...xml.matchAll(/<xdr:cNvPr\s[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    const shapeId = Math.max(0, ...ids) + 1;
    const anchor = anchorXml(chart, shapeId, rid, `Chart ${n}`);
    files.set(drawing, xml.replace('</xdr:wsDr>', `${anchor}</xdr:wsDr>`));
  }
}
