// Small multiples: one mini chart per breakdown (district...) on one image, all panels on
// shared scales. A panel holds one group or several (female / male in each district),
// told apart by colour, marker and dash exactly as on the trajectory chart (groupStyle(i),
// i = the group's position in the panel), and named in the shared legend.
//
// The frame is a chart.js chart with no data (small-multiples-frame.ts): chart.js lays
// out the title block, the legend, the footnotes and the two shared axis titles, as on the
// trajectory chart, and its plot area is where the panels go. The panels' grid and their
// shared axes are ours (chart.js has no small multiples): every panel has the same value
// and time range, value labels only in the left column, year labels only in the bottom
// row, and the same plot size whether or not it shows labels (both scales have a fixed
// thickness).
//
// Each panel's axes (grid, axis line, tick labels) are drawn by chart.js on a panel-sized
// canvas, once per kind of panel (with or without year labels, with or without value
// labels: all panels share their scales) and kept for the next image with the same axes
// (panel-axes.ts), and copied onto the image; the panel's data is then drawn over them
// with the canvas calls chart.js' line controller makes (panel-datasets.ts), and its title
// and target stars by the same functions as the trajectory chart's plugins. A chart.js
// update per panel re-resolved every option for each of the 50 panels of an image: a
// 50-panel image of 2 groups x 60 months took 193 ms of CPU that way; chart.js' elements
// per panel took it to 82 ms, and drawing their canvas calls directly (with axes kept
// between images, dense lines at 1 px and the workers sent packed points) to ~40 ms
// (process CPU, 2-core machine), with the same pixels but the dense lines' anti-aliasing.
//
// Year ticks are chosen from the panel's width (yearTicksForWidth): labels stay half a
// label apart, so a narrow panel over several years shows "2020 2025", never the
// overlapping "202020222024".

import { decimalsFor, formatNumber } from '../../messages/format-number.js';
import type { SmallMultiplesSpec } from './chart-spec.js';
import {
  DATASETS_PER_GROUP,
  cleanGroup,
  dataValues,
  forEachPoint,
  groupDatasets,
  setGroupData,
} from './chart-datasets.js';
import {
  FAST_OPTIONS,
  chartCanvas,
  drawPanelTitle,
  drawTargetStars,
  type ChartCanvas,
  type LineDataset,
  type LineOptions,
} from './chartjs.js';
import { ensureChartFont, fontString } from './font.js';
import { type Area, DEFAULT_HEIGHT, DEFAULT_WIDTH, type Rect, chooseGrid, clamp } from './layout.js';
import { markSizes, scaleMarks } from './marks.js';
import { panelAxes } from './panel-axes.js';
import { PanelDatasetsDrawer } from './panel-datasets.js';
import { startPngEncode } from './png.js';
import { drawFrame, panelGroupLabels } from './small-multiples-frame.js';
import {
  type PixelPoint,
  type ValueAxis,
  axisValues,
  decimalsOfStep,
  linearScaleOptions,
  niceValueAxis,
  timeRange,
  yearTicksForWidth,
} from './scales.js';
import { INK, groupStyle } from './style.js';
import { formatYear, textWidth, truncateText } from './text.js';

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
  const frame = chartCanvas('frame', width, height);
  const layout = drawSmallMultiples(frame, spec, width, height);
  return { ...layout, png: await startPngEncode(frame.canvas) }; // the pixels are copied before the await
}

function drawSmallMultiples(
  frame: ChartCanvas,
  spec: SmallMultiplesSpec,
  width: number,
  height: number,
): Omit<SmallMultiplesLayout, 'png'> {
  const s = Math.min(width / DEFAULT_WIDTH, height / DEFAULT_HEIGHT);
  const ctx = frame.canvas.getContext('2d');
  const panels = spec.panels.map((p) => ({ title: p.title, groups: p.groups.map(cleanGroup) }));
  const n = panels.length;
  const groupCount = Math.max(1, ...panels.map((p) => p.groups.length));
  const styles = Array.from({ length: groupCount }, (_, i) => groupStyle(i));
  const groupLabels = groupCount > 1 ? panelGroupLabels(spec, groupCount) : [];
  const allGroups = panels.flatMap((p) => p.groups);
  // The axes depend on the extremes only (timeRange, niceValueAxis): no list of every value.
  let [xMin, xMax, yMin, yMax] = [
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const g of allGroups)
    forEachPoint(g, (p) => {
      if (p.x < xMin) xMin = p.x;
      if (p.x > xMax) xMax = p.x;
      if (p.y < yMin) yMin = p.y;
      if (p.y > yMax) yMax = p.y;
    });
  const xRange = timeRange([xMin, xMax]);
  const ys = [yMin, yMax];
  const integer = decimalsFor(dataValues(allGroups)) === 0;

  const tickSize = s * (n <= 6 ? 17 : n <= 16 ? 16 : n <= 30 ? 14 : 13);
  const f = { title: 30 * s, subtitle: 20 * s, legend: 17 * s, axisTitle: 17 * s, footnote: 15 * s, tick: tickSize };

  // 1. The frame, laid out by chart.js: its plot area holds the panels with their value
  // labels on the left and their year labels below.
  const xTickH = f.tick * 1.6;
  const area = drawFrame(frame, spec, width, s, f, xTickH, groupLabels, allGroups);

  // 2. The panels' grid, in the plot area of the frame.
  const titleH = (f.tick + s) * 1.55;
  const hgap = 20 * s;
  const vgap = 16 * s;
  const yTickPadding = 7 * s;
  const layoutGrid = (yTickW: number) => {
    const gridLeft = area.left + yTickW + 8 * s;
    const grid: Rect = { x: gridLeft, y: area.top, w: area.right - gridLeft, h: area.bottom - area.top };
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
  // Value ticks by the panels' height, which depends on the width the value labels take.
  let yAxis = niceValueAxis(ys, spec.percent, 5, integer);
  let g = layoutGrid(yTickWidth(yAxis));
  yAxis = niceValueAxis(ys, spec.percent, clamp(Math.floor(g.plotH / (f.tick * 2.4)), 2, 6), integer);
  const yTickW = yTickWidth(yAxis);
  g = layoutGrid(yTickW);
  const yDecimals = decimalsOfStep(yAxis.step);
  ctx.font = tickFont;
  const yearW = textWidth(ctx, '2000');
  // Year labels stay within their panel (plus part of the gap), and the step between
  // ticks is chosen from the panel's width, so that labels keep half a label apart.
  const edgePx = Math.max(0, yearW / 2 - hgap * 0.25);
  const edge = (edgePx / g.plotW) * (xRange.max - xRange.min);
  const { ticks: xTicks } = yearTicksForWidth(
    xRange.min + edge,
    xRange.max - edge,
    g.plotW - 2 * edgePx,
    yearW,
    Math.max(8 * s, yearW * 0.5),
    Number.MAX_SAFE_INTEGER,
  );

  // 3. The panel chart: its canvas holds the panel's title above the plot, the value labels
  // left of it, the year labels below it, and room for markers that stick out.
  const k = clamp(Math.min(g.plotW, g.plotH * 1.5) / 420, 0.42, 0.85) * Math.max(s, 0.5);
  const sizes = scaleMarks(markSizes(1), k);
  const pad = Math.ceil(sizes.targetStar + 3);
  const offL = Math.ceil(Math.max(pad, yTickW + yTickPadding + 2, yearW / 2 + 2));
  const offR = Math.ceil(Math.max(pad, yearW / 2 + 2));
  const offT = Math.ceil(Math.max(pad, titleH));
  const offB = Math.ceil(Math.max(pad, xTickH));
  const panelCanvas = chartCanvas('panel', offL + g.plotW + offR, offT + g.plotH + offB);
  const gridWidth = Math.max(1, s);
  const panelOptions = (yearLabels: boolean, valueLabels: boolean): LineOptions => ({
    ...FAST_OPTIONS,
    layout: { padding: { left: 0, top: offT, right: offR, bottom: 0 }, autoPadding: false },
    scales: {
      x: linearScaleOptions('x', xRange.min, xRange.max, {
        ticks: xTicks,
        format: formatYear,
        labels: yearLabels,
        tickSize: f.tick,
        tickPadding: 5 * s,
        tickLength: 0,
        grid: { color: INK.gridLight, width: gridWidth },
        border: { color: INK.axis, width: 1 },
        thickness: offB,
      }),
      y: linearScaleOptions('y', yAxis.min, yAxis.max, {
        ticks: axisValues(yAxis),
        format: (v) => formatNumber(v, spec.locale, { decimals: yDecimals }),
        labels: valueLabels,
        tickSize: f.tick,
        tickPadding: yTickPadding,
        tickLength: 0,
        grid: { color: INK.grid, width: gridWidth },
        thickness: offL,
      }),
    },
  });
  const datasets: LineDataset[] = styles.flatMap((st, i) =>
    groupDatasets(st, i, { marks: sizes, dashScale: 0.6, clip: pad }),
  );
  const titleFont = fontString(f.tick + s, 600);

  // The axes of each kind of panel, drawn by chart.js once, kept for the next image with the same axes.
  const plotSize = { w: g.plotW, h: g.plotH };
  const axes = panelAxes({
    key: JSON.stringify([
      [panelCanvas.width, panelCanvas.height, offL, offT, offR, offB, gridWidth, s, f.tick, yTickPadding],
      [xRange.min, xRange.max, xTicks],
      [yAxis.min, yAxis.max, yAxis.step, yDecimals, spec.locale],
    ]),
    canvas: panelCanvas.canvas,
    draw: (yearLabels, valueLabels) => {
      const chart = panelCanvas.draw({ datasets: [] }, panelOptions(yearLabels, valueLabels), {
        locale: spec.locale,
        background: false,
      });
      checkPlotArea(chart.chartArea, offL, offT, plotSize);
      return chart;
    },
  });
  const { area: panelArea, pixelOf, scales } = axes;

  const resultPanels: SmallMultiplesLayout['panels'] = [];
  const drawer = new PanelDatasetsDrawer(ctx, datasets);
  for (const [i, panel] of panels.entries()) {
    const row = Math.floor(i / g.cols);
    const col = i % g.cols;
    const plot: Rect = {
      x: Math.round(g.grid.x + col * (g.cellW + hgap)),
      y: Math.round(g.grid.y + row * (g.cellH + vgap) + titleH),
      w: g.plotW,
      h: g.plotH,
    };
    // No panel below: this panel carries the year labels of its column.
    const axesCanvas = axes.canvas(i + g.cols >= n, col === 0);
    const dx = plot.x - offL;
    const dy = plot.y - offT;
    ctx.drawImage(axesCanvas, dx, dy);
    for (const [gi, st] of styles.entries())
      setGroupData(datasets, gi * DATASETS_PER_GROUP, panel.groups[gi], sizes, st);
    ctx.save();
    ctx.translate(dx, dy);
    drawer.draw(scales, panelArea);
    drawTargetStars(ctx, { groups: panel.groups, styles, radius: sizes.targetStar, s }, pixelOf);
    ctx.font = titleFont;
    const title = truncateText(ctx, panel.title, plot.w);
    drawPanelTitle(ctx, { text: title, font: titleFont, x: offL, y: offT - titleH * 0.32 });
    ctx.restore();
    resultPanels.push({
      title: panel.title,
      plot,
      pixelOf: (x, y) => {
        const p = pixelOf(x, y);
        return { x: p.x + dx, y: p.y + dy };
      },
    });
  }
  return { width, height, rows: g.rows, cols: g.cols, xRange, xTicks, yAxis, groupLabels, panels: resultPanels };
}

/** The panel chart's plot area must be where the layout put the plot (the scales have fixed sizes). */
function checkPlotArea(area: Area, offL: number, offT: number, plot: { w: number; h: number }): void {
  const ok =
    Math.abs(area.left - offL) < 1e-6 &&
    Math.abs(area.top - offT) < 1e-6 &&
    Math.abs(area.right - (offL + plot.w)) < 1e-6 &&
    Math.abs(area.bottom - (offT + plot.h)) < 1e-6;
  if (!ok)
    throw new Error(
      `small multiples: chart.js plot area ${JSON.stringify(area)} is not the panel's ` +
        `(${offL}, ${offT}, ${plot.w} x ${plot.h})`,
    );
}
