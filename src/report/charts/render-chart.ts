// Draws a ChartSpec (trajectory of an indicator against its targets) and a
// SmallMultiplesSpec (one mini chart per district...) to PNG with chart.js on
// @napi-rs/canvas. Output is byte-identical across runs: one registered font (font.ts),
// pinned text language, no animation, devicePixelRatio 1, nothing time-dependent.
//
// chart.js draws the axes, grid and lines/markers; small plugins draw what chart.js
// cannot draw as wanted: white background, title block, legend (line + marker samples),
// target stars, labels next to targets/baselines/latest values, and footnotes.

import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  type ChartConfiguration,
  type ChartDataset,
  type ChartItem,
  type Plugin,
  type Scale,
} from 'chart.js';
import { drawPoint } from 'chart.js/helpers';
import type { ChartGroup, ChartPoint, ChartSpec, SmallMultiplesSpec } from './chart-spec.js';
import { ensureChartFont, fontString, pinTextSettings } from './font.js';
import {
  INK,
  POINT_STYLE_SCALE,
  SIZES,
  decimalsOfStep,
  formatNumber,
  formatYear,
  groupStyle,
  targetLabelText,
  type ChartLocale,
  type GroupPointStyle,
  type GroupStyle,
} from './style.js';

// Only what a linear-x line chart needs (tree-shaken registration).
Chart.register(LineController, LineElement, PointElement, LinearScale);

export const DEFAULT_WIDTH = 1600;
export const DEFAULT_HEIGHT = 900;
/** Year ticks of the main chart: about 12 at most (13 lets 2000..2024 step by 2). */
export const MAX_YEAR_TICKS = 13;

type Ctx = SKRSContext2D;
type RoleLabels = ChartSpec['roleLabels'];

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

/** A rendered trajectory chart with the geometry needed to find things in the image. */
export interface TrajectoryChartLayout {
  png: Buffer;
  width: number;
  height: number;
  /** Plot area in image pixels. */
  chartArea: { left: number; top: number; right: number; bottom: number };
  xRange: { min: number; max: number };
  xTicks: number[];
  yAxis: ValueAxis;
  /** Image pixel of a data value (x in fractional years, y in the indicator's unit). */
  pixelOf(x: number, y: number): PixelPoint;
}

export interface SmallMultiplesLayout {
  png: Buffer;
  width: number;
  height: number;
  rows: number;
  cols: number;
  xRange: { min: number; max: number };
  xTicks: number[];
  yAxis: ValueAxis;
  panels: { title: string; plot: Rect; pixelOf(x: number, y: number): PixelPoint }[];
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
// Public API

/** Renders a trajectory chart to PNG (1600 x 900 unless the spec says otherwise). */
export async function renderTrajectoryChart(spec: ChartSpec): Promise<Buffer> {
  return (await renderTrajectoryChartWithLayout(spec)).png;
}

/** Renders a small-multiples chart (one panel per breakdown) to PNG. */
export async function renderSmallMultiples(spec: SmallMultiplesSpec): Promise<Buffer> {
  return (await renderSmallMultiplesWithLayout(spec)).png;
}

/** As {@link renderTrajectoryChart}, also returning where data values landed in the image. */
export async function renderTrajectoryChartWithLayout(spec: ChartSpec): Promise<TrajectoryChartLayout> {
  ensureChartFont();
  const width = Math.round(spec.width ?? DEFAULT_WIDTH);
  const height = Math.round(spec.height ?? DEFAULT_HEIGHT);
  const s = Math.min(width / DEFAULT_WIDTH, height / DEFAULT_HEIGHT);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  pinTextSettings(ctx, spec.locale);

  const groups = spec.groups.map(cleanGroup);
  const xs = groups.flatMap(groupXs);
  const ys = groups.flatMap(groupYs);
  const xRange = timeRange(xs);
  const { ticks: xTicks } = yearTicks(xRange.min, xRange.max, MAX_YEAR_TICKS);
  const yAxis = niceValueAxis(ys, spec.percent, 6);
  const yDecimals = decimalsOfStep(yAxis.step);

  // Title block, legend and footnotes are laid out first; chart.js gets the rest.
  const margin = 36 * s;
  const contentWidth = width - 2 * margin;
  const f = {
    title: SIZES.title * s,
    subtitle: SIZES.subtitle * s,
    legend: SIZES.legend * s,
    axisTitle: SIZES.axisTitle * s,
    tick: SIZES.tick * s,
    annotation: SIZES.annotation * s,
    footnote: SIZES.footnote * s,
  };
  const header = layoutHeader(ctx, spec.title, spec.subtitle, contentWidth, f.title, f.subtitle, s);
  const legendItems = trajectoryLegendItems(groups, spec.roleLabels, s);
  const legend = layoutLegend(ctx, legendItems, contentWidth, f.legend, s);
  const legendTop = margin * 0.75 + header.height + 16 * s;
  const top = legendTop + legend.height + 14 * s;
  const footnotes = layoutFootnotes(ctx, spec.footnotes, contentWidth, f.footnote);
  const footTop = height - margin * 0.6 - footnotes.height;
  const bottom = height - footTop + (footnotes.lines.length > 0 ? 14 * s : 0);

  const datasets = groups.flatMap((g, i) => groupDatasets(g, groupStyle(i), markSizes(s), i));
  const annotate = (chart: Chart) => {
    const placements = trajectoryAnnotations(chart, groups, spec, s);
    drawAnnotations(ctxOf(chart), placements, f.annotation, s);
  };
  const framePlugin: Plugin<'line'> = {
    id: 'melFrame',
    beforeDraw(chart) {
      const c = ctxOf(chart);
      pinTextSettings(c, spec.locale);
      fillBackground(c, width, height);
    },
    afterDatasetsDraw(chart) {
      drawTargetStars(chart, groups, markSizes(s).targetStar, s);
    },
    afterDraw(chart) {
      const c = ctxOf(chart);
      drawHeader(c, header, margin, margin * 0.75, f.title, f.subtitle);
      drawLegend(c, legend, margin, legendTop, f.legend, s);
      drawFootnotes(c, footnotes, margin, footTop, f.footnote);
      annotate(chart);
    },
  };

  const config: ChartConfiguration<'line', PixelPoint[]> = {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: 1,
      events: [],
      layout: { padding: { top, bottom, left: margin * 0.8, right: margin } },
      scales: {
        x: timeScaleOptions(xRange, xTicks, spec.axisTimeLabel, f.tick, f.axisTitle, s, true),
        y: valueScaleOptions(yAxis, spec.locale, yDecimals, spec.unitLabel, f.tick, f.axisTitle, s, true),
      },
    },
    plugins: [framePlugin],
  };

  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    const png = await canvas.encode('png');
    const area = chart.chartArea;
    const chartArea = { left: area.left, top: area.top, right: area.right, bottom: area.bottom };
    return {
      png,
      width,
      height,
      chartArea,
      xRange,
      xTicks,
      yAxis,
      pixelOf: linearPixelMapper(chartArea, xRange, yAxis),
    };
  } finally {
    chart.destroy();
  }
}

/** As {@link renderSmallMultiples}, also returning the grid and each panel's plot rectangle. */
export async function renderSmallMultiplesWithLayout(spec: SmallMultiplesSpec): Promise<SmallMultiplesLayout> {
  ensureChartFont();
  const width = Math.round(spec.width ?? DEFAULT_WIDTH);
  const height = Math.round(spec.height ?? DEFAULT_HEIGHT);
  const s = Math.min(width / DEFAULT_WIDTH, height / DEFAULT_HEIGHT);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  pinTextSettings(ctx, spec.locale);
  fillBackground(ctx, width, height);

  const roleLabels = spec.roleLabels ?? DEFAULT_ROLE_LABELS[spec.locale];
  const timeLabel = spec.axisTimeLabel ?? DEFAULT_TIME_LABEL[spec.locale];
  const panels = spec.panels.map((p) => ({ title: p.title, group: cleanGroup(p.group) }));
  const n = panels.length;
  const style = groupStyle(0);
  const xs = panels.flatMap((p) => groupXs(p.group));
  const ys = panels.flatMap((p) => groupYs(p.group));
  const xRange = timeRange(xs);

  const margin = 30 * s;
  const contentWidth = width - 2 * margin;
  const tickSize = s * (n <= 6 ? 17 : n <= 16 ? 16 : n <= 30 ? 14 : 13);
  const f = {
    title: 30 * s,
    subtitle: 20 * s,
    legend: 17 * s,
    axisTitle: 17 * s,
    footnote: 15 * s,
    tick: tickSize,
    panelTitle: tickSize + 1 * s,
  };

  // Header, legend, footnotes.
  const header = layoutHeader(ctx, spec.title, spec.subtitle, contentWidth, f.title, f.subtitle, s);
  const legendItems = panelLegendItems(panels.map((p) => p.group), roleLabels, style, s);
  const legend = layoutLegend(ctx, legendItems, contentWidth, f.legend, s);
  const legendTop = margin * 0.75 + header.height + 12 * s;
  const footnotes = layoutFootnotes(ctx, spec.footnotes, contentWidth, f.footnote);
  const footTop = height - margin * 0.6 - footnotes.height;

  // Grid area: left of it the shared y-axis title and tick labels, below it x tick labels
  // and the shared time-axis title.
  const xTickH = f.tick * 1.6;
  const xTitleH = f.axisTitle * 1.5;
  const gridTop = legendTop + legend.height + 10 * s;
  const gridBottom = footTop - (footnotes.lines.length > 0 ? 12 * s : 0) - xTitleH - xTickH;
  const titleH = f.panelTitle * 1.55;
  const hgap = 20 * s;
  const vgap = 16 * s;
  const yTitleW = f.axisTitle * 1.4;

  const layoutGrid = (yTickW: number) => {
    const gridLeft = margin + yTitleW + 6 * s + yTickW + 8 * s;
    const grid: Rect = { x: gridLeft, y: gridTop, w: width - margin - gridLeft, h: gridBottom - gridTop };
    const { rows, cols } = chooseGrid(n, grid.w, grid.h, hgap, vgap, titleH);
    const cellW = (grid.w - (cols - 1) * hgap) / cols;
    const cellH = (grid.h - (rows - 1) * vgap) / rows;
    return { grid, rows, cols, cellW, cellH, plotW: Math.floor(cellW), plotH: Math.floor(cellH - titleH) };
  };
  const yTickWidth = (axis: ValueAxis) => {
    ctx.font = fontString(f.tick);
    const d = decimalsOfStep(axis.step);
    return Math.max(...axisValues(axis).map((v) => ctx.measureText(formatNumber(v, spec.locale, { decimals: d })).width));
  };
  let yAxis = niceValueAxis(ys, spec.percent, 5);
  let g = layoutGrid(yTickWidth(yAxis));
  yAxis = niceValueAxis(ys, spec.percent, clamp(Math.floor(g.plotH / (f.tick * 2.4)), 2, 6));
  const w2 = yTickWidth(yAxis);
  g = layoutGrid(w2);
  const yDecimals = decimalsOfStep(yAxis.step);
  ctx.font = fontString(f.tick);
  const yearW = ctx.measureText('2000').width;
  // Year labels must stay within their panel (plus part of the gap): no tick too near an edge.
  const edge = (Math.max(0, yearW / 2 - hgap * 0.25) / g.plotW) * (xRange.max - xRange.min);
  const { ticks: xTicks } = yearTicks(
    xRange.min + edge,
    xRange.max - edge,
    Math.max(2, Math.floor((g.plotW - yearW) / (yearW + 16 * s)) + 1),
  );

  // Panels: each a chart.js chart on its own canvas, composited onto the image.
  const k = clamp(Math.min(g.plotW, g.plotH * 1.5) / 420, 0.42, 0.85) * Math.max(s, 0.5);
  const sizes = scaleMarks(markSizes(1), k);
  const pad = Math.ceil(sizes.targetStar + 3);
  const resultPanels: SmallMultiplesLayout['panels'] = [];
  for (let i = 0; i < n; i++) {
    const panel = panels[i];
    const row = Math.floor(i / g.cols);
    const col = i % g.cols;
    const plot: Rect = {
      x: Math.round(g.grid.x + col * (g.cellW + hgap)),
      y: Math.round(g.grid.y + row * (g.cellH + vgap) + titleH),
      w: g.plotW,
      h: g.plotH,
    };
    const sub = await renderPanel(panel.group, style, sizes, plot.w, plot.h, pad, xRange, xTicks, yAxis, spec.locale, s);
    ctx.drawImage(sub, plot.x - pad, plot.y - pad);

    // Panel title, truncated to the panel's width.
    ctx.font = fontString(f.panelTitle, 600);
    ctx.fillStyle = INK.text;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(truncateText(ctx, panel.title, plot.w), plot.x, plot.y - titleH * 0.32);

    const pixelOf = linearPixelMapper(
      { left: plot.x, top: plot.y, right: plot.x + plot.w, bottom: plot.y + plot.h },
      xRange,
      yAxis,
    );
    ctx.font = fontString(f.tick);
    ctx.fillStyle = INK.muted;
    if (col === 0) {
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const v of axisValues(yAxis)) {
        ctx.fillText(formatNumber(v, spec.locale, { decimals: yDecimals }), plot.x - 7 * s, pixelOf(xRange.min, v).y);
      }
    }
    if (i + g.cols >= n) {
      // No panel below: this panel carries the year labels of its column.
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (const t of xTicks) ctx.fillText(formatYear(t), pixelOf(t, yAxis.min).x, plot.y + plot.h + 5 * s);
    }
    resultPanels.push({ title: panel.title, plot, pixelOf });
  }

  // Shared axis titles.
  const gridRect = g.grid;
  ctx.font = fontString(f.axisTitle, 600);
  ctx.fillStyle = INK.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const lastRowBottom = gridRect.y + g.rows * g.cellH + (g.rows - 1) * vgap;
  ctx.fillText(timeLabel, gridRect.x + gridRect.w / 2, lastRowBottom + xTickH + 2 * s);
  ctx.save();
  ctx.translate(margin + f.axisTitle * 0.2, gridRect.y + (lastRowBottom - gridRect.y) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'top';
  ctx.fillText(truncateText(ctx, spec.unitLabel, lastRowBottom - gridRect.y), 0, 0);
  ctx.restore();

  drawHeader(ctx, header, margin, margin * 0.75, f.title, f.subtitle);
  drawLegend(ctx, legend, margin, legendTop, f.legend, s);
  drawFootnotes(ctx, footnotes, margin, footTop, f.footnote);

  const png = await canvas.encode('png');
  return {
    png,
    width,
    height,
    rows: g.rows,
    cols: g.cols,
    xRange,
    xTicks,
    yAxis,
    panels: resultPanels,
  };
}

// ---------------------------------------------------------------------------------------
// Scales

/** Padded time range covering all x values (fractional years). */
export function timeRange(xs: number[]): { min: number; max: number } {
  const finite = xs.filter(Number.isFinite);
  if (finite.length === 0) return { min: 2000, max: 2010 };
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = Math.max(0.5, (hi - lo) * 0.03);
  return { min: lo - pad, max: hi + pad };
}

/** Whole-year ticks within [min, max] with the smallest "nice" step giving at most maxTicks. */
export function yearTicks(min: number, max: number, maxTicks = MAX_YEAR_TICKS): { step: number; ticks: number[] } {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  for (const step of steps) {
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
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return percent ? { min: 0, max: 100, step: 20 } : { min: 0, max: 1, step: 0.2 };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const zeroBased = lo >= 0 && (percent || lo <= hi * 0.5);
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
    if (min < 0 && Math.min(...finite) >= 0) min = 0;
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

function timeScaleOptions(
  range: { min: number; max: number },
  ticks: number[],
  title: string | undefined,
  tickSize: number,
  titleSize: number,
  s: number,
  showLabels: boolean,
) {
  return {
    type: 'linear' as const,
    min: range.min,
    max: range.max,
    afterBuildTicks: (scale: Scale) => {
      scale.ticks = ticks.map((value) => ({ value }));
    },
    ticks: {
      display: showLabels,
      callback: (value: number | string) => formatYear(Number(value)),
      autoSkip: false,
      maxRotation: 0,
      color: INK.muted,
      font: { size: tickSize },
      padding: 6 * s,
    },
    grid: {
      color: INK.gridLight,
      lineWidth: Math.max(1, s),
      drawTicks: showLabels,
      tickLength: 7 * s,
      tickColor: INK.axis,
    },
    border: { display: true, color: INK.axis, width: Math.max(1, 1.5 * s) },
    title: {
      display: showLabels && !!title,
      text: title ?? '',
      color: INK.muted,
      font: { size: titleSize, weight: 600 as const },
      padding: { top: 8 * s, bottom: 0 },
    },
  };
}

function valueScaleOptions(
  axis: ValueAxis,
  locale: ChartLocale,
  decimals: number,
  title: string,
  tickSize: number,
  titleSize: number,
  s: number,
  showLabels: boolean,
) {
  return {
    type: 'linear' as const,
    min: axis.min,
    max: axis.max,
    afterBuildTicks: (scale: Scale) => {
      scale.ticks = axisValues(axis).map((value) => ({ value }));
    },
    ticks: {
      display: showLabels,
      callback: (value: number | string) => formatNumber(Number(value), locale, { decimals }),
      color: INK.muted,
      font: { size: tickSize },
      padding: 10 * s,
    },
    grid: { color: INK.grid, lineWidth: Math.max(1, s), drawTicks: false },
    border: { display: false },
    title: {
      display: showLabels && title !== '',
      text: title,
      color: INK.muted,
      font: { size: titleSize, weight: 600 as const },
      padding: { top: 0, bottom: 10 * s },
    },
  };
}

function linearPixelMapper(
  area: { left: number; top: number; right: number; bottom: number },
  xRange: { min: number; max: number },
  yAxis: ValueAxis,
): (x: number, y: number) => PixelPoint {
  return (x, y) => ({
    x: area.left + ((x - xRange.min) / (xRange.max - xRange.min)) * (area.right - area.left),
    y: area.bottom - ((y - yAxis.min) / (yAxis.max - yAxis.min)) * (area.bottom - area.top),
  });
}

// ---------------------------------------------------------------------------------------
// Datasets

interface MarkSizes {
  actualLine: number;
  actualPoint: number;
  expectedLine: number;
  projectionLine: number;
  baselinePoint: number;
  baselineRing: number;
  targetStar: number;
  pointBorder: number;
}

function markSizes(s: number): MarkSizes {
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

function scaleMarks(m: MarkSizes, k: number): MarkSizes {
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

function scaleDash(dash: number[], k: number): number[] {
  return dash.map((d) => Math.max(0.5, d * k));
}

type LineDataset = ChartDataset<'line', PixelPoint[]>;

/** chart.js datasets of one group: expected path, projection, baseline ring, actuals. */
function groupDatasets(g: ChartGroup, st: GroupStyle, m: MarkSizes, index: number, dashScale = 1): LineDataset[] {
  const xy = (pts: ChartPoint[]) => pts.map((p) => ({ x: p.x, y: p.y }));
  const clip = Math.ceil(m.targetStar + 4);
  const common = { parsing: false as const, clip, tension: 0, fill: false, spanGaps: true, pointHoverRadius: 0 };
  const out: LineDataset[] = [];
  if (g.expectedPath && g.expectedPath.length > 1) {
    out.push({
      ...common,
      label: `expected:${index}`,
      data: xy(g.expectedPath),
      borderColor: st.color,
      borderWidth: m.expectedLine,
      borderDash: scaleDash(st.expectedDash, dashScale),
      borderCapStyle: 'butt',
      pointRadius: 0,
      order: 300 + index,
    });
  }
  if (g.projection && g.projection.length > 1) {
    out.push({
      ...common,
      label: `projection:${index}`,
      data: xy(g.projection),
      borderColor: st.color,
      borderWidth: m.projectionLine,
      borderDash: scaleDash(st.projectionDash, dashScale),
      borderCapStyle: 'round',
      pointRadius: 0,
      order: 200 + index,
    });
  }
  if (g.baseline) {
    out.push({
      ...common,
      label: `baseline:${index}`,
      data: xy([g.baseline]),
      showLine: false,
      borderColor: st.color,
      pointStyle: 'circle',
      pointRadius: m.baselinePoint,
      pointBorderWidth: m.baselineRing,
      pointBorderColor: st.color,
      pointBackgroundColor: INK.background,
      order: 100 + index,
    });
  }
  if (g.actual.length > 0) {
    out.push({
      ...common,
      label: `actual:${index}`,
      data: xy(g.actual),
      borderColor: st.color,
      borderWidth: m.actualLine,
      borderDash: st.actualDash,
      borderJoinStyle: 'round',
      borderCapStyle: 'round',
      pointStyle: st.pointStyle,
      pointRadius: m.actualPoint * POINT_STYLE_SCALE[st.pointStyle],
      pointBackgroundColor: st.color,
      pointBorderColor: INK.background,
      pointBorderWidth: m.pointBorder,
      order: index,
    });
  }
  return out;
}

/** Keeps only points with finite coordinates (a spec may carry gaps as NaN). */
function cleanGroup(g: ChartGroup): ChartGroup {
  const ok = (p: ChartPoint) => Number.isFinite(p.x) && Number.isFinite(p.y);
  return {
    label: g.label,
    actual: g.actual.filter(ok).sort((a, b) => a.x - b.x),
    baseline: g.baseline && ok(g.baseline) ? g.baseline : undefined,
    targets: g.targets.filter(ok),
    expectedPath: g.expectedPath?.filter(ok),
    projection: g.projection?.filter(ok),
  };
}

function groupPoints(g: ChartGroup): ChartPoint[] {
  return [
    ...g.actual,
    ...(g.baseline ? [g.baseline] : []),
    ...g.targets,
    ...(g.expectedPath ?? []),
    ...(g.projection ?? []),
  ];
}
const groupXs = (g: ChartGroup) => groupPoints(g).map((p) => p.x);
const groupYs = (g: ChartGroup) => groupPoints(g).map((p) => p.y);

// ---------------------------------------------------------------------------------------
// Small-multiples panel

async function renderPanel(
  group: ChartGroup,
  st: GroupStyle,
  m: MarkSizes,
  plotW: number,
  plotH: number,
  pad: number,
  xRange: { min: number; max: number },
  xTicks: number[],
  yAxis: ValueAxis,
  locale: ChartLocale,
  s: number,
): Promise<Canvas> {
  const canvas = createCanvas(plotW + 2 * pad, plotH + 2 * pad);
  pinTextSettings(canvas.getContext('2d'), locale);
  const x = timeScaleOptions(xRange, xTicks, undefined, 10, 10, s, false);
  const y = valueScaleOptions(yAxis, locale, 0, '', 10, 10, s, false);
  const zeroWidth = (scale: Scale) => {
    scale.width = 0;
  };
  const zeroHeight = (scale: Scale) => {
    scale.height = 0;
  };
  const config: ChartConfiguration<'line', PixelPoint[]> = {
    type: 'line',
    data: { datasets: groupDatasets(group, st, m, 0, 0.6) },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: 1,
      events: [],
      layout: { padding: pad },
      scales: {
        x: { ...x, afterFit: zeroHeight, border: { display: true, color: INK.axis, width: 1 } },
        y: { ...y, afterFit: zeroWidth },
      },
    },
    plugins: [
      {
        id: 'melPanel',
        beforeDraw(chart) {
          pinTextSettings(ctxOf(chart), locale);
        },
        afterDatasetsDraw(chart) {
          drawTargetStars(chart, [group], m.targetStar, s);
        },
      },
    ],
  };
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    // Copy the pixels out before destroy() clears the chart's canvas.
    const copy = createCanvas(canvas.width, canvas.height);
    copy.getContext('2d').drawImage(canvas, 0, 0);
    return copy;
  } finally {
    chart.destroy();
  }
}

// ---------------------------------------------------------------------------------------
// Frame: background, header, legend, footnotes

function ctxOf(chart: Chart): Ctx {
  return chart.ctx as unknown as Ctx;
}

function fillBackground(ctx: Ctx, w: number, h: number): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = INK.background;
  ctx.fillRect(0, 0, w, h);
  ctx.restore();
}

interface HeaderLayout {
  titleLines: string[];
  subtitleLines: string[];
  height: number;
}

function layoutHeader(
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
    titleLines.length * titleSize * 1.22 + (subtitleLines.length > 0 ? 6 * s + subtitleLines.length * subtitleSize * 1.3 : 0);
  return { titleLines, subtitleLines, height };
}

function drawHeader(ctx: Ctx, h: HeaderLayout, x: number, y: number, titleSize: number, subtitleSize: number): void {
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
    cy += (h.height - h.titleLines.length * titleSize * 1.22 - h.subtitleLines.length * subtitleSize * 1.3);
    ctx.fillStyle = INK.muted;
    ctx.font = fontString(subtitleSize);
    for (const line of h.subtitleLines) {
      ctx.fillText(line, x, cy);
      cy += subtitleSize * 1.3;
    }
  }
  ctx.restore();
}

interface FootnoteLayout {
  lines: string[];
  height: number;
}

function layoutFootnotes(ctx: Ctx, footnotes: string[], maxWidth: number, size: number): FootnoteLayout {
  ctx.font = fontString(size);
  const lines = footnotes.filter((t) => t.trim() !== '').flatMap((t) => wrapText(ctx, t, maxWidth));
  return { lines, height: lines.length * size * 1.4 };
}

function drawFootnotes(ctx: Ctx, layout: FootnoteLayout, x: number, y: number, size: number): void {
  ctx.save();
  ctx.font = fontString(size);
  ctx.fillStyle = INK.footnote;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  layout.lines.forEach((line, i) => ctx.fillText(line, x, y + i * size * 1.4));
  ctx.restore();
}

type Marker =
  | { kind: 'point'; style: GroupPointStyle; radius: number; border: number }
  | { kind: 'ring'; radius: number; width: number }
  | { kind: 'star'; radius: number };

interface LegendItem {
  label: string;
  color: string;
  line?: { dash: number[]; width: number; round: boolean };
  marker?: Marker;
  /** Extra space before the item (separates group entries from role keys). */
  gapBefore?: number;
}

interface LegendLayout {
  rows: { item: LegendItem; x: number }[][];
  rowHeight: number;
  height: number;
  swatchW: number;
}

function trajectoryLegendItems(groups: ChartGroup[], roles: RoleLabels, s: number): LegendItem[] {
  const m = markSizes(s);
  const has = (f: (g: ChartGroup) => boolean) => groups.some(f);
  const items: LegendItem[] = [];
  const multi = groups.length > 1;
  const keyColor = (i: number) => (multi ? INK.roleKey : groupStyle(i).color);
  if (multi) {
    groups.forEach((g, i) => {
      const st = groupStyle(i);
      items.push({
        label: g.label,
        color: st.color,
        line: { dash: [], width: m.actualLine, round: false },
        marker: {
          kind: 'point',
          style: st.pointStyle,
          radius: m.actualPoint * POINT_STYLE_SCALE[st.pointStyle],
          border: m.pointBorder,
        },
      });
    });
  }
  const roleItems: LegendItem[] = [];
  if (has((g) => g.actual.length > 0)) {
    const st = groupStyle(0);
    const label = !multi && groups[0]?.label ? `${roles.actual} (${groups[0].label})` : roles.actual;
    roleItems.push({
      label,
      color: keyColor(0),
      line: { dash: [], width: m.actualLine, round: false },
      marker: multi
        ? undefined
        : { kind: 'point', style: st.pointStyle, radius: m.actualPoint * POINT_STYLE_SCALE[st.pointStyle], border: m.pointBorder },
    });
  }
  if (has((g) => !!g.baseline)) {
    roleItems.push({ label: roles.baseline, color: keyColor(0), marker: { kind: 'ring', radius: m.baselinePoint, width: m.baselineRing } });
  }
  if (has((g) => g.targets.length > 0)) {
    roleItems.push({ label: roles.target, color: keyColor(0), marker: { kind: 'star', radius: m.targetStar } });
  }
  if (has((g) => (g.expectedPath?.length ?? 0) > 1)) {
    roleItems.push({ label: roles.expected, color: keyColor(0), line: { dash: groupStyle(0).expectedDash, width: m.expectedLine, round: false } });
  }
  if (has((g) => (g.projection?.length ?? 0) > 1)) {
    roleItems.push({
      label: roles.projection,
      color: keyColor(0),
      line: { dash: groupStyle(0).projectionDash, width: m.projectionLine, round: true },
    });
  }
  if (multi && roleItems.length > 0) roleItems[0].gapBefore = 36 * s;
  return [...items, ...roleItems];
}

function panelLegendItems(groups: ChartGroup[], roles: RoleLabels, st: GroupStyle, s: number): LegendItem[] {
  const m = scaleMarks(markSizes(s), 0.85);
  const has = (f: (g: ChartGroup) => boolean) => groups.some(f);
  const items: LegendItem[] = [];
  if (has((g) => g.actual.length > 0)) {
    items.push({
      label: roles.actual,
      color: st.color,
      line: { dash: [], width: m.actualLine, round: false },
      marker: { kind: 'point', style: st.pointStyle, radius: m.actualPoint, border: m.pointBorder },
    });
  }
  if (has((g) => !!g.baseline)) items.push({ label: roles.baseline, color: st.color, marker: { kind: 'ring', radius: m.baselinePoint, width: m.baselineRing } });
  if (has((g) => g.targets.length > 0)) items.push({ label: roles.target, color: st.color, marker: { kind: 'star', radius: m.targetStar } });
  if (has((g) => (g.expectedPath?.length ?? 0) > 1)) {
    items.push({ label: roles.expected, color: st.color, line: { dash: scaleDash(st.expectedDash, 0.8), width: m.expectedLine, round: false } });
  }
  if (has((g) => (g.projection?.length ?? 0) > 1)) {
    items.push({ label: roles.projection, color: st.color, line: { dash: st.projectionDash, width: m.projectionLine, round: true } });
  }
  return items;
}

function layoutLegend(ctx: Ctx, items: LegendItem[], maxWidth: number, size: number, s: number): LegendLayout {
  ctx.font = fontString(size);
  const swatchW = 52 * s;
  const textGap = 10 * s;
  const itemGap = 30 * s;
  const rows: { item: LegendItem; x: number }[][] = [];
  let row: { item: LegendItem; x: number }[] = [];
  let x = 0;
  for (const item of items) {
    const w = swatchW + textGap + ctx.measureText(item.label).width;
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

function drawLegend(ctx: Ctx, layout: LegendLayout, x0: number, y0: number, size: number, s: number): void {
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

function drawMarker(ctx: Ctx, m: Marker, color: string, x: number, y: number, s: number): void {
  ctx.save();
  ctx.setLineDash([]);
  if (m.kind === 'point') {
    ctx.fillStyle = color;
    ctx.strokeStyle = INK.background;
    ctx.lineWidth = m.border;
    drawPoint(ctx as never, { pointStyle: m.style, radius: m.radius, borderWidth: m.border, rotation: 0 }, x, y);
  } else if (m.kind === 'ring') {
    ctx.beginPath();
    ctx.arc(x, y, m.radius, 0, Math.PI * 2);
    ctx.fillStyle = INK.background;
    ctx.fill();
    ctx.lineWidth = m.width;
    ctx.strokeStyle = color;
    ctx.stroke();
  } else {
    drawStar(ctx, x, y, m.radius, color, s);
  }
  ctx.restore();
}

/** Filled five-pointed star with a thin white halo (targets). */
function drawStar(ctx: Ctx, x: number, y: number, r: number, color: string, s: number): void {
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

function drawTargetStars(chart: Chart, groups: ChartGroup[], radius: number, s: number): void {
  const ctx = ctxOf(chart);
  const xs = chart.scales.x;
  const ys = chart.scales.y;
  groups.forEach((g, i) => {
    const color = groupStyle(i).color;
    for (const t of g.targets) drawStar(ctx, xs.getPixelForValue(t.x), ys.getPixelForValue(t.y), radius, color, s);
  });
}

// ---------------------------------------------------------------------------------------
// Annotations: labels next to targets, baselines and latest values, placed without overlap

type Dir = 'E' | 'W' | 'N' | 'S' | 'NE' | 'NW' | 'SE' | 'SW';
const DIR_VECTORS: Record<Dir, [number, number]> = {
  E: [1, 0],
  W: [-1, 0],
  N: [0, -1],
  S: [0, 1],
  NE: [Math.SQRT1_2, -Math.SQRT1_2],
  NW: [-Math.SQRT1_2, -Math.SQRT1_2],
  SE: [Math.SQRT1_2, Math.SQRT1_2],
  SW: [-Math.SQRT1_2, Math.SQRT1_2],
};

interface LabelRequest {
  text: string;
  anchor: PixelPoint;
  /** Radius of the anchor's marker: the label keeps clear of it. */
  clearance: number;
  color: string;
  prefer: Dir[];
  /** Index in the obstacle list of the anchor's own marker (not an obstacle for it). */
  obstacle: number;
}

interface Placement {
  text: string;
  box: Rect;
  anchor: PixelPoint;
  clearance: number;
  color: string;
  leader: boolean;
}

function trajectoryAnnotations(chart: Chart, groups: ChartGroup[], spec: ChartSpec, s: number): Placement[] {
  const ctx = ctxOf(chart);
  const xs = chart.scales.x;
  const ys = chart.scales.y;
  const px = (p: ChartPoint): PixelPoint => ({ x: xs.getPixelForValue(p.x), y: ys.getPixelForValue(p.y) });
  const m = markSizes(s);
  const obstacles: Rect[] = [];
  const addObstacle = (p: PixelPoint, r: number) => obstacles.push({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r }) - 1;
  const segments: [PixelPoint, PixelPoint][] = [];
  const addPolyline = (pts: ChartPoint[] | undefined) => {
    if (!pts) return;
    for (let i = 1; i < pts.length; i++) segments.push([px(pts[i - 1]), px(pts[i])]);
  };
  const requests: LabelRequest[] = [];
  const later: LabelRequest[] = [];
  const last: LabelRequest[] = [];
  const fmt = (v: number) => formatNumber(v, spec.locale, { maxDecimals: 2 });
  groups.forEach((g, i) => {
    const st = groupStyle(i);
    const textColor = darken(st.color, 0.3);
    addPolyline(g.actual);
    addPolyline(g.expectedPath);
    addPolyline(g.projection);
    const pointR = m.actualPoint * POINT_STYLE_SCALE[st.pointStyle] + 2 * s;
    const actualIdx = g.actual.map((p) => addObstacle(px(p), pointR));
    for (const t of g.targets) {
      const a = px(t);
      const idx = addObstacle(a, m.targetStar + 2 * s);
      requests.push({
        text: targetLabelText(t.name, t.y, spec.locale),
        anchor: a,
        clearance: m.targetStar + 2 * s,
        color: textColor,
        prefer: ['NE', 'E', 'SE', 'N', 'S', 'NW', 'W', 'SW'],
        obstacle: idx,
      });
    }
    if (g.baseline) {
      const a = px(g.baseline);
      const idx = addObstacle(a, m.baselinePoint + m.baselineRing);
      const period = g.baseline.label.trim();
      later.push({
        text: `${spec.roleLabels.baseline}${period ? ` ${period}` : ''}: ${fmt(g.baseline.y)}`,
        anchor: a,
        clearance: m.baselinePoint + m.baselineRing,
        color: textColor,
        prefer: ['N', 'NE', 'NW', 'S', 'SE', 'SW', 'E', 'W'],
        obstacle: idx,
      });
    }
    const lastPoint = g.actual[g.actual.length - 1];
    if (lastPoint && (!g.baseline || lastPoint.x !== g.baseline.x)) {
      last.push({
        text: `${lastPoint.label.trim() ? `${lastPoint.label.trim()}: ` : ''}${fmt(lastPoint.y)}`,
        anchor: px(lastPoint),
        clearance: pointR,
        color: textColor,
        prefer: ['E', 'NE', 'SE', 'N', 'S', 'W', 'NW', 'SW'],
        obstacle: actualIdx[actualIdx.length - 1],
      });
    }
  });
  const area = chart.chartArea;
  const bounds: Rect = { x: area.left + 2 * s, y: area.top + 2 * s, w: area.width - 4 * s, h: area.height - 4 * s };
  ctx.font = fontString(SIZES.annotation * s, 600);
  return placeLabels(ctx, [...requests, ...later, ...last], bounds, obstacles, segments, SIZES.annotation * s, s);
}

function placeLabels(
  ctx: Ctx,
  requests: LabelRequest[],
  bounds: Rect,
  obstacles: Rect[],
  segments: [PixelPoint, PixelPoint][],
  size: number,
  s: number,
): Placement[] {
  const placed: Placement[] = [];
  const padX = 4 * s;
  const h = size * 1.3;
  const margin = 3 * s;
  for (const req of requests) {
    const w = ctx.measureText(req.text).width + 2 * padX;
    let best: { box: Rect; score: number; ring: number } | undefined;
    for (let ring = 0; ring < 8; ring++) {
      const d = req.clearance + 4 * s + ring * 14 * s;
      req.prefer.forEach((dir, k) => {
        const [vx, vy] = DIR_VECTORS[dir];
        const p = { x: req.anchor.x + d * vx, y: req.anchor.y + d * vy };
        const box: Rect = {
          x: vx > 0.3 ? p.x : vx < -0.3 ? p.x - w : p.x - w / 2,
          y: vy > 0.3 ? p.y : vy < -0.3 ? p.y - h : p.y - h / 2,
          w,
          h,
        };
        let hard = 0;
        if (!inside(box, bounds)) hard += 1;
        for (const pl of placed) if (overlaps(box, pl.box, margin)) hard += 1;
        obstacles.forEach((o, idx) => {
          if (idx !== req.obstacle && overlaps(box, o, 1 * s)) hard += 1;
        });
        let crossings = 0;
        for (const [a, b] of segments) if (segmentHitsRect(a, b, box)) crossings += 1;
        // A leader line (drawn from ring 1 on) must not run through another marker.
        let leaderHits = 0;
        if (ring >= 1) {
          const end = nearestPointOnRect(req.anchor, box);
          obstacles.forEach((o, idx) => {
            if (idx !== req.obstacle && segmentHitsRect(req.anchor, end, o)) leaderHits += 1;
          });
        }
        const score = hard * 1000 + leaderHits * 40 + crossings * 6 + ring * 2.5 + k * 0.4;
        if (!best || score < best.score) best = { box, score, ring };
      });
    }
    if (best) {
      placed.push({
        text: req.text,
        box: best.box,
        anchor: req.anchor,
        clearance: req.clearance,
        color: req.color,
        leader: best.ring >= 1,
      });
    }
  }
  return placed;
}

function drawAnnotations(ctx: Ctx, placements: Placement[], size: number, s: number): void {
  ctx.save();
  for (const p of placements) {
    if (p.leader) {
      const target = nearestPointOnRect(p.anchor, p.box);
      const dx = target.x - p.anchor.x;
      const dy = target.y - p.anchor.y;
      const len = Math.hypot(dx, dy);
      if (len > p.clearance + 2 * s) {
        ctx.beginPath();
        ctx.setLineDash([]);
        ctx.strokeStyle = p.color;
        ctx.lineWidth = Math.max(1, 1.25 * s);
        ctx.moveTo(p.anchor.x + (dx / len) * (p.clearance + 1 * s), p.anchor.y + (dy / len) * (p.clearance + 1 * s));
        ctx.lineTo(target.x, target.y);
        ctx.stroke();
      }
    }
    ctx.font = fontString(size, 600);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const tx = p.box.x + 4 * s;
    const ty = p.box.y + p.box.h / 2;
    ctx.lineJoin = 'round';
    ctx.lineWidth = 5 * s;
    ctx.strokeStyle = 'rgba(255,255,255,0.92)';
    ctx.strokeText(p.text, tx, ty);
    ctx.fillStyle = p.color;
    ctx.fillText(p.text, tx, ty);
  }
  ctx.restore();
}

// ---------------------------------------------------------------------------------------
// Geometry and text helpers

function inside(r: Rect, b: Rect): boolean {
  return r.x >= b.x && r.y >= b.y && r.x + r.w <= b.x + b.w && r.y + r.h <= b.y + b.h;
}

function overlaps(a: Rect, b: Rect, margin = 0): boolean {
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;
}

/** Whether segment a-b crosses rectangle r (Liang-Barsky clipping). */
function segmentHitsRect(a: PixelPoint, b: PixelPoint, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const p = [-dx, dx, -dy, dy];
  const q = [a.x - r.x, r.x + r.w - a.x, a.y - r.y, r.y + r.h - a.y];
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) {
      if (q[i] < 0) return false;
    } else {
      const t = q[i] / p[i];
      if (p[i] < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
    }
  }
  return true;
}

function nearestPointOnRect(p: PixelPoint, r: Rect): PixelPoint {
  return { x: clamp(p.x, r.x, r.x + r.w), y: clamp(p.y, r.y, r.y + r.h) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function roundTo(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** Greedy word wrap to maxWidth in the context's current font. */
export function wrapText(ctx: Ctx, text: string, maxWidth: number): string[] {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > maxWidth) {
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
  if (ctx.measureText(text).width <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(text.slice(0, mid).trimEnd() + '…').width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + '…';
}

/** Mixes a #RRGGBB colour with black (amount 0..1). */
function darken(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount));
  return `#${[ch(16), ch(8), ch(0)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

