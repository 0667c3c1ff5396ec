// Small multiples: one mini chart per breakdown (district...) on one image, all panels on
// shared scales, drawn directly with the canvas 2D API (one chart.js instance per panel
// cost ~6 ms a panel: 300 ms for 50 panels). A panel holds one group or several (female /
// male in each district), told apart by colour, marker and dash exactly as on the
// trajectory chart (groupStyle(i), i = the group's position in the panel), and named in
// the shared legend.

import type { ChartGroup, SmallMultiplesSpec } from './chart-spec.js';
import { drawGroupSeries } from './draw-series.js';
import { ensureChartFont, fontString, pinTextSettings } from './font.js';
import {
  DEFAULT_HEIGHT,
  DEFAULT_ROLE_LABELS,
  DEFAULT_TIME_LABEL,
  DEFAULT_WIDTH,
  alignPixel,
  axisValues,
  chooseGrid,
  clamp,
  cleanGroup,
  drawFootnotes,
  drawHeader,
  drawLegend,
  fillBackground,
  groupXs,
  groupYs,
  layoutFootnotes,
  layoutHeader,
  layoutLegend,
  linearPixelMapper,
  markSizes,
  niceValueAxis,
  scaleDash,
  scaleMarks,
  textWidth,
  timeRange,
  truncateText,
  yearTicks,
  type Ctx,
  type LegendItem,
  type PixelPoint,
  type Rect,
  type RoleLabels,
  type ValueAxis,
} from './frame.js';
import { acquireCanvas, releaseCanvas, startPngEncode } from './png.js';
import { INK, POINT_STYLE_SCALE, decimalsOfStep, formatNumber, formatYear, groupStyle, type GroupStyle } from './style.js';

export interface SmallMultiplesLayout {
  png: Buffer;
  width: number;
  height: number;
  rows: number;
  cols: number;
  xRange: { min: number; max: number };
  xTicks: number[];
  yAxis: ValueAxis;
  /** Legend names of the groups of a panel, in group order (empty for one-group panels). */
  groupLabels: string[];
  panels: { title: string; plot: Rect; pixelOf(x: number, y: number): PixelPoint }[];
}

/** Renders a small-multiples chart (one panel per breakdown) to PNG. */
export async function renderSmallMultiples(spec: SmallMultiplesSpec): Promise<Buffer> {
  return (await renderSmallMultiplesWithLayout(spec)).png;
}

/** As {@link renderSmallMultiples}, also returning the grid and each panel's plot rectangle. */
export async function renderSmallMultiplesWithLayout(spec: SmallMultiplesSpec): Promise<SmallMultiplesLayout> {
  ensureChartFont();
  const width = Math.round(spec.width ?? DEFAULT_WIDTH);
  const height = Math.round(spec.height ?? DEFAULT_HEIGHT);
  const s = Math.min(width / DEFAULT_WIDTH, height / DEFAULT_HEIGHT);
  const canvas = acquireCanvas(width, height);
  let layout: Omit<SmallMultiplesLayout, 'png'>;
  let pending: Promise<Buffer>;
  try {
    layout = drawSmallMultiples(canvas.getContext('2d'), spec, width, height, s);
    pending = startPngEncode(canvas); // copies the pixels: the canvas is free afterwards
  } finally {
    releaseCanvas(canvas);
  }
  return { ...layout, png: await pending };
}

function drawSmallMultiples(ctx: Ctx, spec: SmallMultiplesSpec, width: number, height: number, s: number): Omit<SmallMultiplesLayout, 'png'> {
  pinTextSettings(ctx, spec.locale);
  fillBackground(ctx, width, height);

  const roleLabels = spec.roleLabels ?? DEFAULT_ROLE_LABELS[spec.locale];
  const timeLabel = spec.axisTimeLabel ?? DEFAULT_TIME_LABEL[spec.locale];
  const panels = spec.panels.map((p) => ({ title: p.title, groups: p.groups.map(cleanGroup) }));
  const n = panels.length;
  const groupCount = Math.max(1, ...panels.map((p) => p.groups.length));
  const styles = Array.from({ length: groupCount }, (_, i) => groupStyle(i));
  const groupLabels = groupCount > 1 ? panelGroupLabels(spec, groupCount) : [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of panels) {
    for (const g of p.groups) {
      groupXs(g, xs);
      groupYs(g, ys);
    }
  }
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
  const allGroups = panels.flatMap((p) => p.groups);
  const legendItems = panelLegendItems(allGroups, roleLabels, styles, groupLabels, s);
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
  const tickFont = fontString(f.tick);
  const yTickWidth = (axis: ValueAxis) => {
    ctx.font = tickFont;
    const d = decimalsOfStep(axis.step);
    return Math.max(...axisValues(axis).map((v) => textWidth(ctx, formatNumber(v, spec.locale, { decimals: d }))));
  };
  let yAxis = niceValueAxis(ys, spec.percent, 5);
  let g = layoutGrid(yTickWidth(yAxis));
  yAxis = niceValueAxis(ys, spec.percent, clamp(Math.floor(g.plotH / (f.tick * 2.4)), 2, 6));
  g = layoutGrid(yTickWidth(yAxis));
  const yDecimals = decimalsOfStep(yAxis.step);
  const yValues = axisValues(yAxis);
  ctx.font = tickFont;
  const yearW = textWidth(ctx, '2000');
  // Year labels must stay within their panel (plus part of the gap): no tick too near an edge.
  const edge = (Math.max(0, yearW / 2 - hgap * 0.25) / g.plotW) * (xRange.max - xRange.min);
  const { ticks: xTicks } = yearTicks(
    xRange.min + edge,
    xRange.max - edge,
    Math.max(2, Math.floor((g.plotW - yearW) / (yearW + 16 * s)) + 1),
  );

  // Panels.
  const k = clamp(Math.min(g.plotW, g.plotH * 1.5) / 420, 0.42, 0.85) * Math.max(s, 0.5);
  const sizes = scaleMarks(markSizes(1), k);
  const pad = Math.ceil(sizes.targetStar + 3);
  const gridLineW = Math.max(1, s);
  const titleFont = fontString(f.panelTitle, 600);
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
    const pixelOf = linearPixelMapper(
      { left: plot.x, top: plot.y, right: plot.x + plot.w, bottom: plot.y + plot.h },
      xRange,
      yAxis,
    );
    drawPanelGrid(ctx, plot, xTicks, yValues, pixelOf, xRange.min, yAxis.min, gridLineW);
    drawGroupSeries(ctx, panel.groups, styles, pixelOf, {
      marks: sizes,
      dashScale: 0.6,
      s,
      clip: { x: plot.x - pad, y: plot.y - pad, w: plot.w + 2 * pad, h: plot.h + 2 * pad },
    });

    // Panel title, truncated to the panel's width.
    ctx.font = titleFont;
    ctx.fillStyle = INK.text;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(truncateText(ctx, panel.title, plot.w), plot.x, plot.y - titleH * 0.32);

    ctx.font = tickFont;
    ctx.fillStyle = INK.muted;
    if (col === 0) {
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const v of yValues) {
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

  return {
    width,
    height,
    rows: g.rows,
    cols: g.cols,
    xRange,
    xTicks,
    yAxis,
    groupLabels,
    panels: resultPanels,
  };
}

/** Grid of a panel as chart.js drew it: light year lines, value lines, the time axis at the bottom. */
function drawPanelGrid(
  ctx: Ctx,
  plot: Rect,
  xTicks: number[],
  yValues: number[],
  pixelOf: (x: number, y: number) => PixelPoint,
  xMin: number,
  yMin: number,
  lineW: number,
): void {
  ctx.save();
  ctx.setLineDash([]);
  ctx.lineCap = 'butt';
  ctx.lineWidth = lineW;
  ctx.strokeStyle = INK.gridLight;
  ctx.beginPath();
  for (const t of xTicks) {
    const x = alignPixel(pixelOf(t, yMin).x, lineW);
    ctx.moveTo(x, plot.y);
    ctx.lineTo(x, plot.y + plot.h);
  }
  ctx.stroke();
  ctx.strokeStyle = INK.grid;
  ctx.beginPath();
  for (const v of yValues) {
    const y = alignPixel(pixelOf(xMin, v).y, lineW);
    ctx.moveTo(plot.x, y);
    ctx.lineTo(plot.x + plot.w, y);
  }
  ctx.stroke();
  ctx.strokeStyle = INK.axis;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const y = alignPixel(plot.y + plot.h, 1);
  ctx.moveTo(plot.x, y);
  ctx.lineTo(plot.x + plot.w, y);
  ctx.stroke();
  ctx.restore();
}

/** Legend names of the groups: `groupLabels`, else the labels the panels give their groups. */
function panelGroupLabels(spec: SmallMultiplesSpec, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const given = spec.groupLabels?.[i];
    if (given !== undefined && given.trim() !== '') return given;
    const fromPanel = spec.panels.find((p) => p.groups[i] && p.groups[i].label.trim() !== '')?.groups[i].label;
    return fromPanel ?? '';
  });
}

/**
 * Legend of the small multiples. One group a panel: the role keys in the group's colour.
 * Several: one entry per group (its colour, line and marker), then the role keys in a
 * neutral colour, as on a trajectory chart with several groups.
 */
function panelLegendItems(
  groups: ChartGroup[],
  roles: RoleLabels,
  styles: GroupStyle[],
  groupLabels: string[],
  s: number,
): LegendItem[] {
  const m = scaleMarks(markSizes(s), 0.85);
  const has = (f: (g: ChartGroup) => boolean) => groups.some(f);
  const multi = styles.length > 1;
  const st = styles[0];
  const keyColor = multi ? INK.roleKey : st.color;
  const pointMarker = (g: GroupStyle) =>
    ({ kind: 'point', style: g.pointStyle, radius: m.actualPoint * (multi ? POINT_STYLE_SCALE[g.pointStyle] : 1), border: m.pointBorder }) as const;
  const items: LegendItem[] = [];
  if (multi) {
    styles.forEach((g, i) => {
      items.push({ label: groupLabels[i] ?? '', color: g.color, line: { dash: [], width: m.actualLine, round: false }, marker: pointMarker(g) });
    });
  }
  const roleItems: LegendItem[] = [];
  if (has((g) => g.actual.length > 0)) {
    roleItems.push({
      label: roles.actual,
      color: keyColor,
      line: { dash: [], width: m.actualLine, round: false },
      marker: multi ? undefined : pointMarker(st),
    });
  }
  if (has((g) => !!g.baseline)) roleItems.push({ label: roles.baseline, color: keyColor, marker: { kind: 'ring', radius: m.baselinePoint, width: m.baselineRing } });
  if (has((g) => g.targets.length > 0)) roleItems.push({ label: roles.target, color: keyColor, marker: { kind: 'star', radius: m.targetStar } });
  if (has((g) => (g.expectedPath?.length ?? 0) > 1)) {
    roleItems.push({ label: roles.expected, color: keyColor, line: { dash: scaleDash(st.expectedDash, 0.8), width: m.expectedLine, round: false } });
  }
  if (has((g) => (g.projection?.length ?? 0) > 1)) {
    roleItems.push({ label: roles.projection, color: keyColor, line: { dash: st.projectionDash, width: m.projectionLine, round: true } });
  }
  if (multi && roleItems.length > 0) roleItems[0].gapBefore = 36 * s;
  return [...items, ...roleItems];
}
