// How much room a text takes in a cell, so that every row holding wrapped text gets a
// height that shows all of it (Excel and LibreOffice do not grow a row whose height is
// set, and exceljs cannot ask them to fit it when the file is opened).
//
// Widths come from the metrics of the font the charts bundle (Inter, @fontsource/inter,
// its WOFF files read here: advance widths from `hmtx`, characters from `cmap`), measured
// in widths of the digit "0", which is the unit of an Excel column width: a column of
// width 20 holds twenty zeros of the workbook's font. The workbook's cells are in Calibri,
// whose letters are wider against its own "0" than Inter's are against Inter's wide
// tabular "0": "Chronic malnutrition in children under five" is 34.1 Calibri zeros (from
// Calibri's advance widths) and 31.4 Inter zeros. So texts are measured 10 % wider than
// Inter says, which errs on the wide side: a row may get a line more than it needs,
// rarely one less.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** The default font size of the workbook (Calibri 11). */
export const BASE_FONT_SIZE = 11;

/** Text measured a little wider than Inter says, and a column a little narrower: headroom. */
const WIDTH_SAFETY = 1.1;
/** Digits of a column width that the cell's padding takes. */
const COLUMN_PADDING = 0.6;

/** Code points below this have their width in a flat table (Latin, punctuation, symbols). */
const TABLE_SIZE = 0x2200;

interface FontWidths {
  /** Advance width per code point below TABLE_SIZE, in ems (0: not in the font). */
  table: Float64Array;
  /** Advance width of the others, in ems. */
  widths: Map<number, number>;
  /** For a character the font does not have: the width of "M", to err wide. */
  fallback: number;
  /** The width of "0", in ems. */
  zero: number;
}

const loaded = new Map<string, FontWidths>();

function fontWidths(bold: boolean): FontWidths {
  const key = bold ? '700' : '400';
  let f = loaded.get(key);
  if (!f) {
    const require = createRequire(import.meta.url);
    const file = require.resolve(`@fontsource/inter/files/inter-latin-${key}-normal.woff`);
    f = readWoffWidths(readFileSync(file));
    loaded.set(key, f);
  }
  return f;
}

/** The tables of a WOFF 1.0 file, inflated (https://www.w3.org/TR/WOFF/). */
function woffTables(bytes: Buffer): Map<string, Buffer> {
  if (bytes.toString('latin1', 0, 4) !== 'wOFF') throw new Error('text metrics: not a WOFF font');
  const count = bytes.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const tag = bytes.toString('latin1', at, at + 4);
    const offset = bytes.readUInt32BE(at + 4);
    const compressed = bytes.readUInt32BE(at + 8);
    const original = bytes.readUInt32BE(at + 12);
    const raw = bytes.subarray(offset, offset + compressed);
    tables.set(tag, compressed < original ? inflateSync(raw) : Buffer.from(raw));
  }
  return tables;
}

/** Code point -> glyph id, from the Unicode subtable of `cmap` (format 4 or 12). */
function characterGlyphs(cmap: Buffer): Map<number, number> {
  const out = new Map<number, number>();
  const subtables = cmap.readUInt16BE(2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < subtables; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && best?.format !== 12))) best = { offset, format };
  }
  if (!best) throw new Error('text metrics: the font has no Unicode character map');
  const o = best.offset;
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.readUInt32BE(o + 16 + g * 12);
      const end = cmap.readUInt32BE(o + 20 + g * 12);
      const glyph = cmap.readUInt32BE(o + 24 + g * 12);
      for (let c = start; c <= end; c++) out.set(c, glyph + (c - start));
    }
    return out;
  }
  const segments = cmap.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeAt = rangeOffsets + s * 2;
    const range = cmap.readUInt16BE(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = cmap.readUInt16BE(rangeAt + range + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.set(c, glyph);
    }
  }
  return out;
}

function readWoffWidths(bytes: Buffer): FontWidths {
  const t = woffTables(bytes);
  const hhea = t.get('hhea');
  const hmtx = t.get('hmtx');
  const cmap = t.get('cmap');
  if (!hhea || !hmtx || !cmap) throw new Error('text metrics: the font lacks hhea, hmtx or cmap');
  const metrics = hhea.readUInt16BE(34);
  const advance = (glyph: number) => hmtx.readUInt16BE(Math.min(glyph, metrics - 1) * 4);
  const glyphs = characterGlyphs(cmap);
  const zero = glyphs.get(0x30);
  const em = glyphs.get(0x4d);
  if (zero === undefined || em === undefined) throw new Error('text metrics: the font has no "0" or "M"');
  const head = t.get('head');
  const unitsPerEm = head ? head.readUInt16BE(18) : 2048;
  const table = new Float64Array(TABLE_SIZE);
  const widths = new Map<number, number>();
  for (const [c, g] of glyphs) {
    if (c < TABLE_SIZE) table[c] = advance(g) / unitsPerEm;
    else widths.set(c, advance(g) / unitsPerEm);
  }
  return { table, widths, fallback: advance(em) / unitsPerEm, zero: advance(zero) / unitsPerEm };
}

export interface TextFont {
  /** Points; default BASE_FONT_SIZE. */
  size?: number;
  bold?: boolean;
}

/**
 * The width of one line of text, in widths of the regular "0" at the base size (bold
 * letters are wider than regular ones; the column's unit stays the regular "0").
 */
export function textWidth(text: string, font: TextFont = {}): number {
  const f = fontWidths(Boolean(font.bold));
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < TABLE_SIZE) w += f.table[c] || f.fallback;
    else {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      w += f.widths.get(cp) ?? f.fallback;
    }
  }
  const zero = fontWidths(false).zero;
  return (w / zero) * ((font.size ?? BASE_FONT_SIZE) / BASE_FONT_SIZE) * WIDTH_SAFETY;
}

/**
 * The lines a text wraps onto in a column `columnWidth` wide (Excel width units): each
 * paragraph broken at spaces, a word too long for a line broken where it overflows.
 */
export function wrappedLineCount(text: string, columnWidth: number, font: TextFont = {}, width?: number): number {
  const room = Math.max(1, columnWidth - COLUMN_PADDING);
  // Most cells hold a line that fits: measured whole (or its width given: `width`, for a
  // text of one line), without breaking it into words (the margin keeps the sum of the
  // words' widths, rounded otherwise, from deciding differently).
  if (text.indexOf('\n') < 0 && (width ?? textWidth(text, font)) <= room * 0.999) return 1;
  const space = textWidth(' ', font);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      if (word === '') {
        used += space;
        continue;
      }
      const w = textWidth(word, font);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the line continues on as many lines as it needs.
      const extra = Math.max(0, Math.ceil(w / room) - 1);
      lines += extra;
      used = w - extra * room;
    }
  }
  return lines;
}

/** The height (points) of one line of text in a row, as Excel lays out Calibri: 15 pt at 11 pt. */
export function lineHeight(size: number = BASE_FONT_SIZE): number {
  return 1.25 * size + 1.25;
}

/** Width units one level of a cell's indent takes (Excel indents by about three spaces' width). */
export const INDENT_WIDTH = 1.5;

/**
 * The row height (points) that shows a wrapped text whole in a column `columnWidth` wide,
 * less its indent (levels of INDENT_WIDTH); `width`: a one-line text's width, if known.
 */
export function wrappedTextHeight(
  text: string,
  columnWidth: number,
  font: TextFont = {},
  indent = 0,
  width?: number,
): number {
  return wrappedLineCount(text, columnWidth - indent * INDENT_WIDTH, font, width) * lineHeight(font.size);
}

/** The width of the longest line of a text (lines split at "\n"). */
export function longestLineWidth(text: string, font: TextFont = {}): number {
  if (text.indexOf('\n') < 0) return textWidth(text, font);
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, textWidth(line, font));
  return longest;
}
