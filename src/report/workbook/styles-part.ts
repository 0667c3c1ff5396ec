// The workbook's styles part (xl/styles.xml): every distinct cell style of the pack given
// its index, the `s` of its cells. A style is the shared object of styles.ts (or one made
// from it), so most cells find theirs by identity; a style made afresh with the same
// content gets the same index. Fonts, fills, borders and number formats are shared
// between styles as Excel writes them. The first font is Excel's default (Calibri 11), the
// font of the Normal style, in which column widths are measured.
import { escapeAttribute } from '../xml-writer.js';
import type { CellStyle } from './sheet-cells.js';

type Font = NonNullable<CellStyle['font']>;
type Color = NonNullable<Font['color']>;
type Fill = NonNullable<CellStyle['fill']>;
type Borders = NonNullable<CellStyle['border']>;
type Alignment = NonNullable<CellStyle['alignment']>;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Excel's built-in number formats (ECMA-376 18.8.30) that need no `<numFmt>` of their own. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy h:mm': 22,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};
/** Custom number formats are numbered from here. */
const FIRST_CUSTOM_FORMAT = 164;

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const NO_BORDER = '<border><left/><right/><top/><bottom/><diagonal/></border>';

const attr = (name: string, value: string | number) => ` ${name}="${escapeAttribute(String(value))}"`;

function colorXml(tag: string, color: Partial<Color> | undefined): string {
  if (color?.argb !== undefined) return `<${tag}${attr('rgb', color.argb)}/>`;
  if (color?.theme !== undefined) return `<${tag}${attr('theme', color.theme)}/>`;
  return '';
}

const UNDERLINES: Record<string, string> = {
  single: '<u/>',
  double: '<u val="double"/>',
  singleAccounting: '<u val="singleAccounting"/>',
  doubleAccounting: '<u val="doubleAccounting"/>',
};

function fontXml(f: Font): string {
  const underline = f.underline === true ? '<u/>' : f.underline ? (UNDERLINES[f.underline] ?? '') : '';
  return (
    '<font>' +
    (f.bold ? '<b/>' : '') +
    (f.italic ? '<i/>' : '') +
    (f.strike ? '<strike/>' : '') +
    underline +
    (f.vertAlign ? `<vertAlign${attr('val', f.vertAlign)}/>` : '') +
    (f.size !== undefined ? `<sz${attr('val', f.size)}/>` : '') +
    colorXml('color', f.color) +
    (f.name !== undefined ? `<name${attr('val', f.name)}/>` : '') +
    (f.family !== undefined ? `<family${attr('val', f.family)}/>` : '') +
    (f.scheme !== undefined ? `<scheme${attr('val', f.scheme)}/>` : '') +
    '</font>'
  );
}

function fillXml(fill: Fill): string {
  if (fill.type !== 'pattern') throw new Error(`internal: a ${fill.type} fill cannot be written`);
  const inner = colorXml('fgColor', fill.fgColor) + colorXml('bgColor', fill.bgColor);
  const open = `<patternFill${attr('patternType', fill.pattern)}`;
  return `<fill>${inner ? `${open}>${inner}</patternFill>` : `${open}/>`}</fill>`;
}

const SIDES = ['left', 'right', 'top', 'bottom', 'diagonal'] as const;

function borderXml(border: Partial<Borders>): string {
  const { diagonal } = border;
  const open = `<border${diagonal?.up ? ' diagonalUp="1"' : ''}${diagonal?.down ? ' diagonalDown="1"' : ''}>`;
  const sides = SIDES.map((side) => {
    const s = border[side];
    if (!s?.style) return `<${side}/>`;
    return `<${side}${attr('style', s.style)}>${colorXml('color', s.color)}</${side}>`;
  });
  return `${open}${sides.join('')}</border>`;
}

function alignmentXml(a: Alignment): string {
  const vertical = a.vertical === 'middle' ? 'center' : a.vertical;
  const rotation = a.textRotation === 'vertical' ? 255 : a.textRotation;
  const order = a.readingOrder === 'rtl' ? 2 : a.readingOrder === 'ltr' ? 1 : undefined;
  return (
    '<alignment' +
    (a.horizontal ? attr('horizontal', a.horizontal) : '') +
    (vertical ? attr('vertical', vertical) : '') +
    (rotation ? attr('textRotation', rotation) : '') +
    (a.wrapText ? ' wrapText="1"' : '') +
    (a.indent ? attr('indent', a.indent) : '') +
    (a.shrinkToFit ? ' shrinkToFit="1"' : '') +
    (order ? attr('readingOrder', order) : '') +
    '/>'
  );
}

/** A list of distinct XML elements, each with its index. */
class Distinct {
  readonly items: string[] = [];
  private readonly indexes = new Map<string, number>();
  constructor(initial: readonly string[]) {
    for (const xml of initial) this.indexOf(xml);
  }
  indexOf(xml: string): number {
    let i = this.indexes.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.indexes.set(xml, i);
    }
    return i;
  }
}

export class StylesPart {
  private readonly fonts = new Distinct([DEFAULT_FONT]);
  private readonly fills = new Distinct([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Distinct([NO_BORDER]);
  private readonly xfs = new Distinct(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly formats = new Map<string, number>();
  private readonly byObject = new Map<CellStyle, number>();

  /** The index of a cell style (its cells' `s`). */
  index(style: CellStyle): number {
    let i = this.byObject.get(style);
    if (i === undefined) {
      i = this.xfs.indexOf(this.xfXml(style));
      this.byObject.set(style, i);
    }
    return i;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private xfXml(style: CellStyle): string {
    if (style.protection) throw new Error('internal: cell protection is not written');
    const numFmtId = style.numFmt ? this.formatId(style.numFmt) : 0;
    const fontId = style.font ? this.fonts.indexOf(fontXml(style.font)) : 0;
    const fillId = style.fill ? this.fills.indexOf(fillXml(style.fill)) : 0;
    const borderId = style.border ? this.borders.indexOf(borderXml(style.border)) : 0;
    const alignment = style.alignment ? alignmentXml(style.alignment) : '';
    const applied =
      (style.numFmt ? ' applyNumberFormat="1"' : '') +
      (style.font ? ' applyFont="1"' : '') +
      (style.fill ? ' applyFill="1"' : '') +
      (style.border ? ' applyBorder="1"' : '') +
      (alignment ? ' applyAlignment="1"' : '');
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return alignment ? `${open}>${alignment}</xf>` : `${open}/>`;
  }

  /** The styles part, with every style indexed so far. */
  xml(): string {
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}"${attr('formatCode', code)}/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
