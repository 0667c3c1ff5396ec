// What the trajectory chart (render-chart.ts) and the small multiples (small-multiples.ts)
// share: geometry types, the scales' choices handed to chart.js (time range, year ticks,
// nice value axes, panel grids), mark sizes, the frame around the plot that chart.js has
// no element for (white background, title block, legend with line and marker samples,
// footnotes, target stars: drawn from chart.js plugins, see chartjs.ts), and text helpers
// with a measurement cache.

import type { SKRSContext2D } from '@napi-rs/canvas';
import { drawPoint } from 'chart.js/helpers';
import type { ChartGroup, ChartPoint, ChartSpec } from './chart-spec.js';
import { fontString } from './font.js';
import { INK, SIZES, type ChartLocale, type GroupPointStyle } from './style.js';

export const DEFAULT_WIDTH = 1600;
export const DEFAULT_HEIGHT = 900;
/** Year ticks of the main chart: about 12 at most (13 lets 2000..2024 step by 2). */
export const MAX_YEAR_TICKS = 13;

export type Ctx = SKRSContext2D;
export type RoleLabels = ChartSpec['roleLabels'];

export interface PixelPoint {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface ValueAxis {
  min: number;
  max: number;
  step: number;
}
export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const DEFAULT_ROLE_LABELS: Record<ChartLocale, RoleLabels> = {
  en: { actual: 'Actual', baseline: 'Baseline', target: 'Target', expected: 'Expected path', projection: 'Projection' },
  es: {
    actual: 'Observado',
    baseline: 'Línea de base',
    target: 'Meta',
    expected: 'Trayectoria esperada',
    projection: 'Proyección',
  },
};
export const DEFAULT_TIME_LABEL: Record<ChartLocale, string> = { en: 'Year', es: 'Año' };

// ---------------------------------------------------------------------------------------
// Scales

/** Padded time range covering all x values (fractional years). */
export function timeRange(xs: number[]): { min: number; max: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo > hi) return { min: 2000, max: 2010 };
  const pad = Math.max(0.5, (hi - lo) * 0.03);
  return { min: lo - pad, max: hi + pad };
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * Whole-year ticks within [min, max] with the smallest "nice" step giving at most
 * maxTicks (or with the given step).
 */
export function yearTicks(
  min: number,
  max: number,
  maxTicks = MAX_YEAR_TICKS,
  onlyStep?: number,
): { step: number; ticks: number[] } {
  for (const step of onlyStep !== undefined ? [onlyStep] : YEAR_STEPS) {
    const first = Math.ceil(min / step - 1e-9);
    const last = Math.floor(max / step + 1e-9);
    if (last - first + 1 <= Math.max(1, maxTicks)) {
      const ticks: number[] = [];
      for (let k = first; k <= last; k++) ticks.push(k * step);
      return { step, ticks };
    }
  }
  return { step: max - min, ticks: [Math.round(min), Math.round(max)] };
}

/**
 * Whole-year ticks for a time axis `widthPx` pixels wide: the smallest nice step whose
 * labels (each `labelPx` wide) stay at least `gapPx` apart, with at most maxTicks ticks.
 * A step that only bounds the number of ticks is not enough: 3 ticks 2 years apart on a
 * 130 px panel showing 7 years are 37 px apart, and "2020" is 30 px wide.
 */
export function yearTicksForWidth(
  min: number,
  max: number,
  widthPx: number,
  labelPx: number,
  gapPx: number,
  maxTicks = MAX_YEAR_TICKS,
): { step: number; ticks: number[] } {
  const pxPerYear = widthPx / Math.max(1e-9, max - min);
  for (const step of YEAR_STEPS) {
    if (step * pxPerYear < labelPx + gapPx) continue;
    const t = yearTicks(min, max, Number.MAX_SAFE_INTEGER, step);
    if (t.ticks.length <= Math.max(1, maxTicks)) return t;
  }
  return yearTicks(min, max, maxTicks);
}

/** A "nice" step (1, 2, 2.5, 5 x 10^k) at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const exp = 10 ** Math.floor(Math.log10(raw));
  const frac = raw / exp;
  const nice = frac <= 1 ? 1 : frac <= 2 ? 2 : frac <= 2.5 ? 2.5 : frac <= 5 ? 5 : 10;
  return roundTo(nice * exp);
}

/**
 * Value axis for the data: nice bounds and step with room above the highest value for
 * labels. Starts at 0 for percentages and for positive data that is not far from 0; a
 * percentage axis never goes above 100 (and ends at the first nice tick above the data).
 */
export function niceValueAxis(values: number[], percent: boolean, targetTicks = 6): ValueAxis {
  let dataLo = Infinity;
  let dataHi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < dataLo) dataLo = v;
    if (v > dataHi) dataHi = v;
  }
  if (dataLo > dataHi) return percent ? { min: 0, max: 100, step: 20 } : { min: 0, max: 1, step: 0.2 };
  let lo = dataLo;
  let hi = dataHi;
  // A single value (or a flat series) of a non-negative measure reads from 0: an axis of
  // 9.25-11.00 around one count of 10 would suggest a change that is not there.
  const zeroBased = lo >= 0 && (percent || lo === hi || lo <= hi * 0.5);
  if (zeroBased) lo = 0;
  let range = hi - lo;
  if (range === 0) range = Math.abs(hi) || 1;
  hi += range * 0.08;
  if (!zeroBased) lo -= range * 0.06;
  const step = niceStep((hi - lo) / Math.max(1, targetTicks));
  let min = zeroBased ? 0 : roundTo(Math.floor(lo / step) * step);
  let max = roundTo(Math.ceil(hi / step) * step);
  if (percent) {
    if (max > 100) max = 100;
    if (min < 0 && dataLo >= 0) min = 0;
    if (max <= min) max = Math.min(100, min + step);
  }
  return { min, max, step };
}

/** Tick values of a value axis (min, min + step, ..., max), free of float noise. */
export function axisValues(axis: ValueAxis): number[] {
  const out: number[] = [];
  const count = Math.round((axis.max - axis.min) / axis.step);
  for (let i = 0; i <= count; i++) out.push(roundTo(axis.min + i * axis.step));
  if (out[out.length - 1] < axis.max - 1e-9) out.push(axis.max);
  return out;
}

/** Rows x columns for n panels in a w x h area, maximising panel size (panels ~3:2). */
export function chooseGrid(
  n: number,
  w: number,
  h: number,
  hgap = 0,
  vgap = 0,
  titleH = 0,
): { rows: number; cols: number } {
  if (n <= 0) return { rows: 1, cols: 1 };
  let best = { rows: 1, cols: n, score: -Infinity, empty: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const empty = rows * cols - n;
    if (empty >= cols) continue;
    const plotW = (w - (cols - 1) * hgap) / cols;
    const plotH = (h - (rows - 1) * vgap) / rows - titleH;
    const score = Math.min(plotW, plotH * 1.5);
    if (score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && empty < best.empty)) {
      best = { rows, cols, score, empty };
    }
  }
  return { rows: best.rows, cols: best.cols };
}

/** Maps data values (x in fractional years, y in the indicator's unit) to image pixels of `area`. */
export function linearPixelMapper(
  area: Area,
  xRange: { min: number; max: number },
  yAxis: ValueAxis,
): (x: number, y: number) => PixelPoint {
  return (x, y) => ({
    x: area.left + ((x - xRange.min) / (xRange.max - xRange.min)) * (area.right - area.left),
    y: area.bottom - ((y - yAxis.min) / (yAxis.max - yAxis.min)) * (area.bottom - area.top),
  });
}

// ---------------------------------------------------------------------------------------
// Marks

export interface MarkSizes {
  actualLine: number;
  actualPoint: number;
  expectedLine: number;
  projectionLine: number;
  baselinePoint: number;
  baselineRing: number;
  targetStar: number;
  pointBorder: number;
}

export function markSizes(s: number): MarkSizes {
  return {
    actualLine: SIZES.actualLine * s,
    actualPoint: SIZES.actualPoint * s,
    expectedLine: SIZES.expectedLine * s,
    projectionLine: SIZES.projectionLine * s,
    baselinePoint: SIZES.baselinePoint * s,
    baselineRing: SIZES.baselineRing * s,
    targetStar: SIZES.targetStar * s,
    pointBorder: 1.5 * s,
  };
}

export function scaleMarks(m: MarkSizes, k: number): MarkSizes {
  return {
    actualLine: Math.max(1.5, m.actualLine * k),
    actualPoint: Math.max(2.5, m.actualPoint * k),
    expectedLine: Math.max(1.25, m.expectedLine * k),
    projectionLine: Math.max(1.5, m.projectionLine * k),
    baselinePoint: Math.max(4.5, m.baselinePoint * k),
    baselineRing: Math.max(1.5, m.baselineRing * k),
    targetStar: Math.max(6, m.targetStar * k),
    pointBorder: Math.max(0.75, m.pointBorder * k),
  };
}

export function scaleDash(dash: number[], k: number): number[] {
  return dash.map((d) => Math.max(0.5, d * k));
}

// ---------------------------------------------------------------------------------------
// Groups

/** Keeps only points with finite coordinates (a spec may carry gaps as NaN). */
export function cleanGroup(g: ChartGroup): ChartGroup {
  const ok = (p: ChartPoint) => Number.isFinite(p.x) && Number.isFinite(p.y);
  const actual = g.actual.filter(ok);
  let sorted = true;
  for (let i = 1; i < actual.length && sorted; i++) sorted = actual[i - 1].x <= actual[i].x;
  return {
    label: g.label,
    actual: sorted ? actual : actual.sort((a, b) => a.x - b.x),
    baseline: g.baseline && ok(g.baseline) ? g.baseline : undefined,
    targets: g.targets.filter(ok),
    expectedPath: g.expectedPath?.filter(ok),
    projection: g.projection?.filter(ok),
  };
}

/** Calls f with every point of the group (actuals, baseline, targets, paths). */
export function forEachPoint(g: ChartGroup, f: (p: ChartPoint) => void): void {
  for (const p of g.actual) f(p);
  if (g.baseline) f(g.baseline);
  for (const p of g.targets) f(p);
  for (const p of g.expectedPath ?? []) f(p);
  for (const p of g.projection ?? []) f(p);
}

export function groupXs(g: ChartGroup, out: number[] = []): number[] {
  forEachPoint(g, (p) => out.push(p.x));
  return out;
}

export function groupYs(g: ChartGroup, out: number[] = []): number[] {
  forEachPoint(g, (p) => out.push(p.y));
  return out;
}

// ---------------------------------------------------------------------------------------
// Frame: background, header, legend, footnotes

export function fillBackground(ctx: Ctx, w: number, h: number): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = INK.background;
  ctx.fillRect(0, 0, w, h);
  ctx.restore();
}

export interface HeaderLayout {
  titleLines: string[];
  subtitleLines: string[];
  height: number;
}

export function layoutHeader(
  ctx: Ctx,
  title: string,
  subtitle: string | undefined,
  maxWidth: number,
  titleSize: number,
  subtitleSize: number,
  s: number,
): HeaderLayout {
  ctx.font = fontString(titleSize, 700);
  const titleLines = title.trim() === '' ? [] : wrapText(ctx, title, maxWidth);
  ctx.font = fontString(subtitleSize);
  const subtitleLines = subtitle && subtitle.trim() !== '' ? wrapText(ctx, subtitle, maxWidth) : [];
  const height =
    titleLines.length * titleSize * 1.22 +
    (subtitleLines.length > 0 ? 6 * s + subtitleLines.length * subtitleSize * 1.3 : 0);
  return { titleLines, subtitleLines, height };
}

export function drawHeader(
  ctx: Ctx,
  h: HeaderLayout,
  x: number,
  y: number,
  titleSize: number,
  subtitleSize: number,
): void {
  ctx.save();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillStyle = INK.text;
  ctx.font = fontString(titleSize, 700);
  let cy = y;
  for (const line of h.titleLines) {
    ctx.fillText(line, x, cy);
    cy += titleSize * 1.22;
  }
  if (h.subtitleLines.length > 0) {
    cy += h.height - h.titleLines.length * titleSize * 1.22 - h.subtitleLines.length * subtitleSize * 1.3;
    ctx.fillStyle = INK.muted;
    ctx.font = fontString(subtitleSize);
    for (const line of h.subtitleLines) {
      ctx.fillText(line, x, cy);
      cy += subtitleSize * 1.3;
    }
  }
  ctx.restore();
}

export interface FootnoteLayout {
  lines: string[];
  height: number;
}

export function layoutFootnotes(ctx: Ctx, footnotes: string[], maxWidth: number, size: number): FootnoteLayout {
  ctx.font = fontString(size);
  const lines = footnotes.filter((t) => t.trim() !== '').flatMap((t) => wrapText(ctx, t, maxWidth));
  return { lines, height: lines.length * size * 1.4 };
}

export function drawFootnotes(ctx: Ctx, layout: FootnoteLayout, x: number, y: number, size: number): void {
  ctx.save();
  ctx.font = fontString(size);
  ctx.fillStyle = INK.footnote;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  layout.lines.forEach((line, i) => ctx.fillText(line, x, y + i * size * 1.4));
  ctx.restore();
}

export type Marker =
  | { kind: 'point'; style: GroupPointStyle; radius: number; border: number }
  | { kind: 'ring'; radius: number; width: number }
  | { kind: 'star'; radius: number };

export interface LegendItem {
  label: string;
  color: string;
  line?: { dash: number[]; width: number; round: boolean };
  marker?: Marker;
  /** Extra space before the item (separates group entries from role keys). */
  gapBefore?: number;
}

export interface LegendLayout {
  rows: { item: LegendItem; x: number }[][];
  rowHeight: number;
  height: number;
  swatchW: number;
}

export function layoutLegend(ctx: Ctx, items: LegendItem[], maxWidth: number, size: number, s: number): LegendLayout {
  ctx.font = fontString(size);
  const swatchW = 52 * s;
  const textGap = 10 * s;
  const itemGap = 30 * s;
  const rows: { item: LegendItem; x: number }[][] = [];
  let row: { item: LegendItem; x: number }[] = [];
  let x = 0;
  for (const item of items) {
    const w = swatchW + textGap + textWidth(ctx, item.label);
    const lead = row.length > 0 ? itemGap + (item.gapBefore ?? 0) : 0;
    if (row.length > 0 && x + lead + w > maxWidth) {
      rows.push(row);
      row = [];
      x = 0;
    }
    const start = row.length > 0 ? x + lead : 0;
    row.push({ item, x: start });
    x = start + w;
  }
  if (row.length > 0) rows.push(row);
  const rowHeight = Math.max(size * 1.6, 2 * SIZES.targetStar * s + 6 * s);
  return { rows, rowHeight, height: rows.length * rowHeight, swatchW };
}

export function drawLegend(ctx: Ctx, layout: LegendLayout, x0: number, y0: number, size: number, s: number): void {
  ctx.save();
  layout.rows.forEach((row, r) => {
    const cy = y0 + r * layout.rowHeight + layout.rowHeight / 2;
    for (const { item, x } of row) {
      const sx = x0 + x;
      if (item.line) {
        ctx.save();
        ctx.strokeStyle = item.color;
        ctx.lineWidth = item.line.width;
        ctx.lineCap = item.line.round ? 'round' : 'butt';
        ctx.setLineDash(item.line.dash);
        ctx.beginPath();
        ctx.moveTo(sx + (item.line.round ? item.line.width : 0), cy);
        ctx.lineTo(sx + layout.swatchW, cy);
        ctx.stroke();
        ctx.restore();
      }
      if (item.marker) drawMarker(ctx, item.marker, item.color, sx + layout.swatchW / 2, cy, s);
      ctx.font = fontString(size);
      ctx.fillStyle = INK.text;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(item.label, sx + layout.swatchW + 10 * s, cy);
    }
  });
  ctx.restore();
}

export function drawMarker(ctx: Ctx, m: Marker, color: string, x: number, y: number, s: number): void {
  ctx.save();
  ctx.setLineDash([]);
  if (m.kind === 'point') {
    ctx.fillStyle = color;
    ctx.strokeStyle = INK.background;
    ctx.lineWidth = m.border;
    drawPoint(ctx as never, { pointStyle: m.style, radius: m.radius, borderWidth: m.border, rotation: 0 }, x, y);
  } else if (m.kind === 'ring') {
    drawRing(ctx, x, y, m.radius, m.width, color);
  } else {
    drawStar(ctx, x, y, m.radius, color, s);
  }
  ctx.restore();
}

/** Open circle (baseline): white inside, ring in the group's colour. */
export function drawRing(ctx: Ctx, x: number, y: number, r: number, width: number, color: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = INK.background;
  ctx.fill();
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
}

/** Filled five-pointed star with a thin white halo (targets). */
export function drawStar(ctx: Ctx, x: number, y: number, r: number, color: string, s: number): void {
  ctx.save();
  ctx.setLineDash([]);
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const rr = i % 2 === 0 ? r : r * 0.46;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const px = x + rr * Math.cos(a);
    const py = y + rr * Math.sin(a) + r * 0.08;
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
  ctx.lineJoin = 'round';
  ctx.lineWidth = Math.max(1.5, 2.5 * s);
  ctx.strokeStyle = INK.background;
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = Math.max(0.75, 1 * s);
  ctx.strokeStyle = darken(color, 0.35);
  ctx.stroke();
  ctx.restore();
}

// ---------------------------------------------------------------------------------------
// Text

/**
 * Widths of text by font, measured once per process: the same strings (tick labels,
 * legend entries, panel titles and their truncations) recur in every chart of a report.
 * Measurement is deterministic, so caching cannot change the output.
 */
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 20_000;

/** Width of text in the context's current font. */
export function textWidth(ctx: Ctx, text: string): number {
  const key = `${ctx.font}\u0000${text}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(key, w);
  }
  return w;
}

/** Greedy word wrap to maxWidth in the context's current font. */
export function wrapText(ctx: Ctx, text: string, maxWidth: number): string[] {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(ctx, candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Text cut to maxWidth with an ellipsis, in the context's current font. */
export function truncateText(ctx: Ctx, text: string, maxWidth: number): string {
  if (textWidth(ctx, text) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(ctx, `${text.slice(0, mid).trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------
// Small helpers

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

export function roundTo(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** Mixes a #RRGGBB colour with black (amount 0..1). */
export function darken(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount));
  return `#${[ch(16), ch(8), ch(0)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
