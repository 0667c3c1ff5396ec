// A native chart as DrawingML (xl/charts/chartN.xml, `c:chartSpace`): a scatter chart with
// straight lines, so time stays proportional; each series reads its name, dates and values
// from the sheet's cells (`c:f`) and carries their cached copies (`c:strCache`,
// `c:numCache`), which LibreOffice and previews draw from. Missing values are gaps
// (`c:dispBlanksAs gap`). Colours, markers and dashes follow the PNG chart's groups.
// Element order follows the schema's sequences (CT_ScatterSer: idx, order, tx, spPr,
// marker, xVal, yVal, smooth; CT_ValAx: axId, scaling, delete, axPos, majorGridlines,
// title, numFmt, majorTickMark, minorTickMark, tickLblPos, spPr, txPr, crossAx, crosses,
// crossBetween, majorUnit).
import { groupStyle, INK } from '../charts/style.js';
import { element, serializeXml, type XmlElement } from '../xml-writer.js';
import type { CellAt, ColumnRange, NativeChart, NativeSeries } from './native-chart.js';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const TIME_AXIS = 500100;
const VALUE_AXIS = 500200;
/** Line widths in EMU (12,700 per point). */
const LINE = { actual: 28575, dense: 19050, expected: 22225, grid: 9525 };

/** `'Sheet name'!$C$5`: the sheet always quoted, its quotes doubled. */
const sheetRef = (sheet: string) => `'${sheet.replace(/'/g, "''")}'!`;
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
export const cellRef = (c: CellAt) => `${sheetRef(c.sheet)}$${columnLetters(c.col)}$${c.row}`;
export const rangeRef = (r: ColumnRange) =>
  `${sheetRef(r.sheet)}$${columnLetters(r.col)}$${r.firstRow}:$${columnLetters(r.col)}$${r.lastRow}`;

const v = (name: string, val: string | number) => element(name, { val });
const hex = (color: string) => color.replace('#', '').toUpperCase();
const solid = (color: string) => element('a:solidFill', {}, [element('a:srgbClr', { val: hex(color) })]);

/** A number as the cells hold it: every digit, so the cache and the cell agree. */
const cacheNumber = (x: number) => String(x);

function numRef(range: ColumnRange, values: readonly number[], format: string): XmlElement {
  return element('c:numRef', {}, [
    element('c:f', {}, [rangeRef(range)]),
    element('c:numCache', {}, [
      element('c:formatCode', {}, [format]),
      v('c:ptCount', values.length),
      ...values.map((x, idx) => element('c:pt', { idx }, [element('c:v', {}, [cacheNumber(x)])])),
    ]),
  ]);
}

function text(content: string, size: number, bold = false): XmlElement {
  return element('c:tx', {}, [
    element('c:rich', {}, [
      element('a:bodyPr'),
      element('a:lstStyle'),
      element('a:p', {}, [
        element('a:pPr', {}, [element('a:defRPr', { sz: size * 100, b: bold ? 1 : 0 }, [solid(INK.text)])]),
        element('a:r', {}, [
          element('a:rPr', { lang: 'en-US', sz: size * 100, b: bold ? 1 : 0 }, [solid(INK.text)]),
          element('a:t', {}, [content]),
        ]),
      ]),
    ]),
  ]);
}

const title = (content: string, size: number, bold = false) =>
  element('c:title', {}, [text(content, size, bold), v('c:overlay', 0)]);

const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'circle'] as const;

function seriesXml(s: NativeSeries, index: number, chart: NativeChart): XmlElement {
  const style = groupStyle(s.group);
  const line =
    s.role === 'target'
      ? element('a:ln', {}, [element('a:noFill')])
      : element('a:ln', { w: s.role === 'expected' ? LINE.expected : s.dense ? LINE.dense : LINE.actual, cap: 'rnd' }, [
          solid(style.color),
          element('a:prstDash', { val: s.role === 'expected' ? 'dash' : 'solid' }),
          element('a:round'),
        ]);
  const markerSpPr = element('c:spPr', {}, [solid(style.color), element('a:ln', { w: 9525 }, [solid(style.color)])]);
  const marker =
    s.role === 'expected'
      ? element('c:marker', {}, [v('c:symbol', 'none')])
      : s.role === 'target'
        ? element('c:marker', {}, [v('c:symbol', 'diamond'), v('c:size', 10), markerSpPr])
        : element('c:marker', {}, [
            v('c:symbol', MARKERS[s.group % MARKERS.length] ?? 'circle'),
            v('c:size', s.dense ? 3 : 6),
            markerSpPr,
          ]);
  return element('c:ser', {}, [
    v('c:idx', index),
    v('c:order', index),
    element('c:tx', {}, [
      element('c:strRef', {}, [
        element('c:f', {}, [cellRef(s.nameCell)]),
        element('c:strCache', {}, [v('c:ptCount', 1), element('c:pt', { idx: 0 }, [element('c:v', {}, [s.name])])]),
      ]),
    ]),
    element('c:spPr', {}, [line]),
    marker,
    element('c:xVal', {}, [
      numRef(
        s.x,
        s.points.map((p) => p.x),
        chart.dateFormat,
      ),
    ]),
    element('c:yVal', {}, [
      numRef(
        s.y,
        s.points.map((p) => p.y),
        chart.valueFormat,
      ),
    ]),
    v('c:smooth', 0),
  ]);
}

function axis(
  id: number,
  cross: number,
  position: 'b' | 'l',
  axisTitle: string,
  format: string,
  scaling: XmlElement[],
  majorUnit?: number,
): XmlElement {
  return element('c:valAx', {}, [
    v('c:axId', id),
    element('c:scaling', {}, [v('c:orientation', 'minMax'), ...scaling]),
    v('c:delete', 0),
    v('c:axPos', position),
    position === 'l'
      ? element('c:majorGridlines', {}, [element('c:spPr', {}, [element('a:ln', { w: LINE.grid }, [solid(INK.grid)])])])
      : undefined,
    title(axisTitle, 10),
    element('c:numFmt', { formatCode: format, sourceLinked: 0 }),
    v('c:majorTickMark', 'out'),
    v('c:minorTickMark', 'none'),
    v('c:tickLblPos', 'low'),
    element('c:spPr', {}, [element('a:ln', { w: LINE.grid }, [solid(INK.axis)])]),
    v('c:crossAx', cross),
    v('c:crosses', 'autoZero'),
    v('c:crossBetween', 'midCat'),
    majorUnit === undefined ? undefined : v('c:majorUnit', cacheNumber(majorUnit)),
  ]);
}

/** The chart part's XML. */
export function chartXml(chart: NativeChart): string {
  const t = chart.timeAxis;
  const space = element('c:chartSpace', { 'xmlns:c': C, 'xmlns:a': A, 'xmlns:r': R }, [
    v('c:roundedCorners', 0),
    element('c:chart', {}, [
      title(chart.title, 14, true),
      v('c:autoTitleDeleted', 0),
      element('c:plotArea', {}, [
        element('c:layout'),
        element('c:scatterChart', {}, [
          v('c:scatterStyle', 'lineMarker'),
          v('c:varyColors', 0),
          ...chart.series.map((s, i) => seriesXml(s, i, chart)),
          v('c:axId', TIME_AXIS),
          v('c:axId', VALUE_AXIS),
        ]),
        axis(
          TIME_AXIS,
          VALUE_AXIS,
          'b',
          chart.timeTitle,
          t.format,
          [v('c:max', t.max), v('c:min', t.min)],
          t.majorUnit,
        ),
        axis(VALUE_AXIS, TIME_AXIS, 'l', chart.valueTitle, chart.valueFormat, []),
      ]),
      element('c:legend', {}, [v('c:legendPos', 'b'), v('c:overlay', 0)]),
      v('c:plotVisOnly', 1),
      v('c:dispBlanksAs', 'gap'),
    ]),
    element('c:spPr', {}, [solid(INK.background), element('a:ln', {}, [element('a:noFill')])]),
  ]);
  return serializeXml(space, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
}
