// Small multiples: one mini chart per breakdown (district...) on one image, all panels on
// shared scales. A panel holds one group or several (female / male in each district),
// told apart by colour, marker and dash exactly as on the trajectory chart (groupStyle(i),
// i = the group's position in the panel), and named in the shared legend.
//
// Each panel is drawn by chart.js (grid, axis line, tick labels on the left column and
// the bottom row, lines, markers; target stars and the panel title by plugins) on a
// panel-sized canvas, which is then copied onto the image. One chart.js instance draws
// every panel of an image (and of the next images with panels of the same size): between
// panels only its datasets' data and the options saying which tick labels show change,
// and `update('none')` redraws it. Measured on a 2-core machine, for panels of 2 groups x
// 60 months: a new chart.js instance costs 3.5-6 ms, an update 1.8-2.2 ms, copying the
// panel onto the image ~0.4 ms (that is where @napi-rs/canvas rasterizes the panel's
// drawing): ~110-130 ms of a 50-panel image's ~190 ms of CPU. Both scales have a fixed
// thickness, so that the plot area is the same in every panel whether or not it shows
// tick labels. The frame around the panels (white background, title block, legend, shared
// axis titles, footnotes) is drawn on the image with the same functions as the trajectory
// chart's plugins.
//
// Year ticks are chosen from the panel's width (yearTicksForWidth): labels stay half a
// label apart, so a narrow panel over several years shows "2020 2025", never the
// overlapping "202020222024".

import type { ChartGroup, SmallMultiplesSpec } from './chart-spec.js';
import { DATASETS_PER_GROUP, groupDatasets, setGroupData } from './chart-datasets.js';
import {
  FAST_OPTIONS,
  chartCanvas,
  linearScaleOptions,
  type LineDataset,
  type LineOptions,
  type Scene,
} from './chartjs.js';
import { ensureChartFont, fontString, pinTextSettings } from './font.js';
import {
  DEFAULT_HEIGHT,
  DEFAULT_ROLE_LABELS,
  DEFAULT_TIME_LABEL,
  DEFAULT_WIDTH,
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
  yearTicksForWidth,
  type Ctx,
  type LegendItem,
  type PixelPoint,
  type Rect,
  type RoleLabels,
  type ValueAxis,
} from './frame.js';
import { acquireCanvas, releaseCanvas, startPngEncode } from './png.js';
import {
  INK,
  POINT_STYLE_SCALE,
  decimalsOfStep,
  formatNumber,
  formatYear,
  groupStyle,
  type GroupStyle,
} from './style.js';

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

function drawSmallMultiples(
  ctx: Ctx,
  spec: SmallMultiplesSpec,
  width: number,
  height: number,
  s: number,
): Omit<SmallMultiplesLayout, 'png'> {
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
  const yTickPadding = 7 * s;

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
  const yTickW = yTickWidth(yAxis);
  g = layoutGrid(yTickW);
  const yDecimals = decimalsOfStep(yAxis.step);
  const yValues = axisValues(yAxis);
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

  // The panel chart: its canvas holds the panel's title above the plot, the value labels
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
        gridColor: INK.gridLight,
        gridWidth,
        border: { color: INK.axis, width: 1 },
        thickness: offB,
      }),
      y: linearScaleOptions('y', yAxis.min, yAxis.max, {
        ticks: yValues,
        format: (v) => formatNumber(v, spec.locale, { decimals: yDecimals }),
        labels: valueLabels,
        tickSize: f.tick,
        tickPadding: yTickPadding,
        tickLength: 0,
        gridColor: INK.grid,
        gridWidth,
        thickness: offL,
      }),
    },
  });
  // Options by which tick labels a panel shows: [year labels][value labels].
  const options = [
    [panelOptions(false, false), panelOptions(false, true)],
    [panelOptions(true, false), panelOptions(true, true)],
  ];
  const datasets: LineDataset[] = styles.flatMap((st, i) =>
    groupDatasets(st, i, { marks: sizes, dashScale: 0.6, clip: pad }),
  );
  const data = { datasets };
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
    styles.forEach((st, gi) => setGroupData(datasets, gi * DATASETS_PER_GROUP, panel.groups[gi], sizes, st));
    const scene: Scene = {
      locale: spec.locale,
      background: false,
      stars: { groups: panel.groups, styles, radius: sizes.targetStar, s },
      panelTitle: (c) => {
        // Panel title, truncated to the panel's width.
        c.save();
        c.font = titleFont;
        c.fillStyle = INK.text;
        c.textAlign = 'left';
        c.textBaseline = 'alphabetic';
        c.fillText(truncateText(c, panel.title, plot.w), offL, offT - titleH * 0.32);
        c.restore();
      },
    };
    // No panel below: this panel carries the year labels of its column.
    const chart = panelCanvas.draw(data, options[i + g.cols >= n ? 1 : 0][col === 0 ? 1 : 0], scene);
    if (i === 0) checkPlotArea(chart.chartArea, offL, offT, plot);
    ctx.drawImage(panelCanvas.canvas, plot.x - offL, plot.y - offT);
    resultPanels.push({
      title: panel.title,
      plot,
      pixelOf: linearPixelMapper(
        { left: plot.x, top: plot.y, right: plot.x + plot.w, bottom: plot.y + plot.h },
        xRange,
        yAxis,
      ),
    });
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

/** The panel chart's plot area must be where the layout put the plot (the scales have fixed sizes). */
function checkPlotArea(
  area: { left: number; top: number; right: number; bottom: number },
  offL: number,
  offT: number,
  plot: Rect,
): void {
  const ok =
    Math.abs(area.left - offL) < 1e-6 &&
    Math.abs(area.top - offT) < 1e-6 &&
    Math.abs(area.right - (offL + plot.w)) < 1e-6 &&
    Math.abs(area.bottom - (offT + plot.h)) < 1e-6;
  if (!ok)
    throw new Error(
      `small multiples: chart.js plot area ${JSON.stringify(area)} is not the panel's (${offL}, ${offT}, ${plot.w} x ${plot.h})`,
    );
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
    ({
      kind: 'point',
      style: g.pointStyle,
      radius: m.actualPoint * (multi ? POINT_STYLE_SCALE[g.pointStyle] : 1),
      border: m.pointBorder,
    }) as const;
  const items: LegendItem[] = [];
  if (multi) {
    styles.forEach((g, i) => {
      items.push({
        label: groupLabels[i] ?? '',
        color: g.color,
        line: { dash: [], width: m.actualLine, round: false },
        marker: pointMarker(g),
      });
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
  if (has((g) => !!g.baseline))
    roleItems.push({
      label: roles.baseline,
      color: keyColor,
      marker: { kind: 'ring', radius: m.baselinePoint, width: m.baselineRing },
    });
  if (has((g) => g.targets.length > 0))
    roleItems.push({ label: roles.target, color: keyColor, marker: { kind: 'star', radius: m.targetStar } });
  if (has((g) => (g.expectedPath?.length ?? 0) > 1)) {
    roleItems.push({
      label: roles.expected,
      color: keyColor,
      line: { dash: scaleDash(st.expectedDash, 0.8), width: m.expectedLine, round: false },
    });
  }
  if (has((g) => (g.projection?.length ?? 0) > 1)) {
    roleItems.push({
      label: roles.projection,
      color: keyColor,
      line: { dash: st.projectionDash, width: m.projectionLine, round: true },
    });
  }
  if (multi && roleItems.length > 0) roleItems[0].gapBefore = 36 * s;
  return [...items, ...roleItems];
}
