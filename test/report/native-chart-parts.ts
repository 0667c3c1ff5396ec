// The native charts of an .xlsx file read back from its zip: for each chart part, the sheet
// whose drawing shows it (through the sheet's and the drawing's relationships), and each
// series' references (`c:f`) with their cached values; and a check that every reference
// names cells of that sheet holding the cached (plotted) numbers.
import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { descendants, kids, only, parseXml, type XmlNode } from '../helpers/xml-tree.js';

export interface SeriesRefs {
  name: { ref: string; cached: string };
  x: { ref: string; cached: number[] };
  y: { ref: string; cached: number[] };
}

export interface ChartPart {
  path: string;
  sheet: string;
  drawing: string;
  root: XmlNode;
  series: SeriesRefs[];
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());

function rels(files: Record<string, Uint8Array>, part: string): { id: string; type: string; target: string }[] {
  const i = part.lastIndexOf('/');
  const path = `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
  if (!files[path]) return [];
  return kids(parseXml(text(files[path])), 'Relationship').map((r) => ({
    id: r.attributes.Id ?? '',
    type: r.attributes.Type ?? '',
    target: r.attributes.Target ?? '',
  }));
}

const resolve = (from: string, target: string) => {
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
};

export function unzipXlsx(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Every chart part, with the sheet that shows it. */
export function chartParts(files: Record<string, Uint8Array>): ChartPart[] {
  const workbook = parseXml(text(files['xl/workbook.xml']));
  const workbookRels = rels(files, 'xl/workbook.xml');
  const out: ChartPart[] = [];
  for (const sheet of descendants(workbook, 'sheet')) {
    const target = workbookRels.find((r) => r.id === sheet.attributes['r:id'])?.target ?? '';
    const sheetPart = resolve('xl/workbook.xml', target);
    const sheetXml = parseXml(text(files[sheetPart]));
    const drawings = kids(sheetXml, 'drawing');
    if (drawings.length > 1) throw new Error(`${sheetPart} has ${drawings.length} <drawing>`);
    const drawingRel = rels(files, sheetPart).find((r) => r.id === drawings[0]?.attributes['r:id']);
    if (!drawingRel) continue;
    const drawing = resolve(sheetPart, drawingRel.target);
    const drawingXml = parseXml(text(files[drawing]));
    const drawingRels = rels(files, drawing);
    for (const c of descendants(drawingXml, 'c:chart')) {
      const rel = drawingRels.find((r) => r.id === c.attributes['r:id']);
      if (!rel) throw new Error(`${drawing}: no relationship ${c.attributes['r:id']}`);
      const path = resolve(drawing, rel.target);
      const root = parseXml(text(files[path]));
      out.push({ path, sheet: sheet.attributes.name ?? '', drawing, root, series: seriesOf(root) });
    }
  }
  return out;
}

function seriesOf(root: XmlNode): SeriesRefs[] {
  const numbers = (ref: XmlNode) => ({
    ref: only(ref, 'c:f').text,
    cached: kids(only(ref, 'c:numCache'), 'c:pt').map((p) => Number(only(p, 'c:v').text)),
  });
  return descendants(root, 'c:ser').map((ser) => {
    const name = only(only(ser, 'c:tx'), 'c:strRef');
    return {
      name: {
        ref: only(name, 'c:f').text,
        cached: only(only(only(name, 'c:strCache'), 'c:pt'), 'c:v').text,
      },
      x: numbers(only(only(ser, 'c:xVal'), 'c:numRef')),
      y: numbers(only(only(ser, 'c:yVal'), 'c:numRef')),
    };
  });
}

/** `'My sheet'!$C$5:$C$9` -> the sheet and every cell address. */
export function cellsOf(ref: string): { sheet: string; cells: string[] } {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  const [, quoted = '', col = '', first = '', lastCol = col, last = first] = m;
  if (lastCol !== col) throw new Error(`a series reads one column: ${ref}`);
  const cells: string[] = [];
  for (let r = Number(first); r <= Number(last); r++) cells.push(`${col}${r}`);
  return { sheet: quoted.replace(/''/g, "'"), cells };
}

/** Problems of a chart against the workbook: references to another sheet, cells that do not hold the plotted values. */
export function referenceProblems(chart: ChartPart, workbook: ExcelJS.Workbook): string[] {
  const problems: string[] = [];
  const check = (ref: string, cached: (string | number)[]) => {
    const { sheet, cells } = cellsOf(ref);
    if (sheet !== chart.sheet) problems.push(`${chart.path}: ${ref} is not on its sheet ${chart.sheet}`);
    const ws = workbook.getWorksheet(sheet);
    if (!ws) {
      problems.push(`${chart.path}: no sheet ${sheet}`);
      return;
    }
    if (cells.length !== cached.length)
      problems.push(`${chart.path}: ${ref} has ${cells.length} cells, ${cached.length} cached`);
    cells.forEach((address, i) => {
      // exceljs reads a number shown as a date as a Date: the file holds its Excel day number
      const read = ws.getCell(address).value;
      const value = read instanceof Date ? read.getTime() / 86_400_000 + 25_569 : read;
      if (value !== cached[i])
        problems.push(`${chart.path}: ${sheet}!${address} holds ${value}, the chart plots ${cached[i]}`);
    });
  };
  for (const s of chart.series) {
    check(s.name.ref, [s.name.cached]);
    check(s.x.ref, s.x.cached);
    check(s.y.ref, s.y.cached);
  }
  return problems;
}
