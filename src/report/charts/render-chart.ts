// Draws a ChartSpec (trajectory of an indicator against its targets) and, through
// small-multiples.ts, a SmallMultiplesSpec (one mini chart per district...) to PNG on
// @napi-rs/canvas. Output is byte-identical across runs: one registered font (font.ts),
// pinned text language, devicePixelRatio 1, nothing time-dependent.
//
// Everything is drawn with the canvas 2D API: axes and grid laid out as chart.js laid
// them out (this chart was drawn with chart.js; an instance cost ~25 ms a chart), the
// series (lines, markers, baseline rings, target stars: draw-series.ts, shared with the
// small multiples), the white background, title block, legend, labels next to targets /
// baselines / latest values (labels.ts) and footnotes.

import type { ChartGroup, ChartPoint, ChartSpec } from './chart-spec.js';
import { actualPointRadius, drawGroupSeries, markedIndices } from './draw-series.js';
import { ensureChartFont, fontString, pinTextSettings } from './font.js';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  MAX_YEAR_TICKS,
  alignPixel,
  axisValues,
  cleanGroup,
  darken,
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
  textWidth,
  timeRange,
  truncateText,
  yearTicks,
  type Area,
  type Ctx,
  type LegendItem,
  type PixelPoint,
  type Rect,
  type RoleLabels,
  type ValueAxis,
} from './frame.js';
import { drawAnnotations, placeLabels, type LabelRequest, type Placement } from './labels.js';
import { acquireCanvas, releaseCanvas, startPngEncode } from './png.js';
import { INK, SIZES, decimalsOfStep, formatNumber, formatYear, groupStyle, targetLabelText } from './style.js';

// The public API of the charts, wherever it is implemented.
export {
  DEFAULT_HEIGHT,
  DEFAULT_ROLE_LABELS,
  DEFAULT_TIME_LABEL,
  DEFAULT_WIDTH,
  MAX_YEAR_TICKS,
  axisValues,
  chooseGrid,
  niceStep,
  niceValueAxis,
  timeRange,
  truncateText,
  wrapText,
  yearTicks,
  type PixelPoint,
  type Rect,
  type ValueAxis,
} from './frame.js';
export { renderSmallMultiples, renderSmallMultiplesWithLayout, type SmallMultiplesLayout } from './small-multiples.js';

/** A rendered trajectory chart with the geometry needed to find things in the image. */
export interface TrajectoryChartLayout {
  png: Buffer;
  width: number;
  height: number;
  /** Plot area in image pixels. */
  chartArea: Area;
  xRange: { min: number; max: number };
  xTicks: number[];
  yAxis: ValueAxis;
  /** Image pixel of a data value (x in fractional years, y in the indicator's unit). */
  pixelOf(x: number, y: number): PixelPoint;
}

/** Renders a trajectory chart to PNG (1600 x 900 unless the spec says otherwise). */
export async function renderTrajectoryChart(spec: ChartSpec): Promise<Buffer> {
  return (await renderTrajectoryChartWithLayout(spec)).png;
}

/** As {@link renderTrajectoryChart}, also returning where data values landed in the image. */
export async function renderTrajectoryChartWithLayout(spec: ChartSpec): Promise<TrajectoryChartLayout> {
  ensureChartFont();
  const width = Math.round(spec.width ?? DEFAULT_WIDTH);
  const height = Math.round(spec.height ?? DEFAULT_HEIGHT);
  const s = Math.min(width / DEFAULT_WIDTH, height / DEFAULT_HEIGHT);
  const canvas = acquireCanvas(width, height);
  let pending: Promise<Buffer>;
  let chartArea: Area;
  let xRange: { min: number; max: number };
  let xTicks: number[];
  let yAxis: ValueAxis;
  try {
    const ctx = canvas.getContext('2d');
    pinTextSettings(ctx, spec.locale);
    fillBackground(ctx, width, height);

    const groups = spec.groups.map(cleanGroup);
    const styles = groups.map((_, i) => groupStyle(i));
    const xs: number[] = [];
    const ys: number[] = [];
    for (const g of groups) {
      groupXs(g, xs);
      groupYs(g, ys);
    }
    xRange = timeRange(xs);
    xTicks = yearTicks(xRange.min, xRange.max, MAX_YEAR_TICKS).ticks;
    yAxis = niceValueAxis(ys, spec.percent, 6);
    const yDecimals = decimalsOfStep(yAxis.step);

    // Title block, legend and footnotes first; the axes and the plot get the rest.
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

    const yLabels = axisValues(yAxis).map((v) => ({ v, text: formatNumber(v, spec.locale, { decimals: yDecimals }) }));
    const axes: AxesSpec = {
      left: margin * 0.8,
      xRange,
      xTicks,
      yAxis,
      yLabels,
      xTitle: spec.axisTimeLabel,
      yTitle: spec.unitLabel,
      tick: f.tick,
      axisTitle: f.axisTitle,
      s,
    };
    chartArea = layoutAxes(ctx, axes, { top, bottom, right: margin }, width, height);
    const pixelOf = linearPixelMapper(chartArea, xRange, yAxis);
    drawAxes(ctx, axes, chartArea, pixelOf);

    const marks = markSizes(s);
    const clip = Math.ceil(marks.targetStar + 4);
    const area = chartArea;
    drawGroupSeries(ctx, groups, styles, pixelOf, {
      marks,
      dashScale: 1,
      s,
      clip: { x: area.left - clip, y: area.top - clip, w: area.right - area.left + 2 * clip, h: area.bottom - area.top + 2 * clip },
    });

    drawHeader(ctx, header, margin, margin * 0.75, f.title, f.subtitle);
    drawLegend(ctx, legend, margin, legendTop, f.legend, s);
    drawFootnotes(ctx, footnotes, margin, footTop, f.footnote);
    const placements = trajectoryAnnotations(ctx, chartArea, width, height, groups, spec, xRange, yAxis, s);
    drawAnnotations(ctx, placements, f.annotation, s);
    pending = startPngEncode(canvas); // copies the pixels: the canvas is free afterwards
  } finally {
    releaseCanvas(canvas);
  }
  const png = await pending;
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
}

// ---------------------------------------------------------------------------------------
// Axes, laid out and drawn as chart.js did with this chart's options: value labels left
// of the plot and the unit title rotated beside them; year tick marks, labels and the
// time title below; horizontal value grid lines, light vertical year lines, an axis line
// at the bottom and no vertical axis line.

/** chart.js' default line height of text (labels, titles). */
const LINE_HEIGHT = 1.2;

interface AxesSpec {
  xRange: { min: number; max: number };
  xTicks: number[];
  yAxis: ValueAxis;
  yLabels: { v: number; text: string }[];
  xTitle: string | undefined;
  yTitle: string;
  tick: number;
  axisTitle: number;
  s: number;
  /** Left edge of the value axis (where its title is). */
  left: number;
}

/** The plot area inside the padding, after room for the axes' labels and titles. */
function layoutAxes(
  ctx: Ctx,
  a: AxesSpec,
  pad: { top: number; bottom: number; right: number },
  width: number,
  height: number,
): Area {
  const s = a.s;
  ctx.font = fontString(a.tick);
  const widest = Math.max(0, ...a.yLabels.map((l) => textWidth(ctx, l.text)));
  const yTitleH = a.yTitle !== '' ? LINE_HEIGHT * a.axisTitle + 10 * s : 0;
  const yScaleW = yTitleH + widest + 2 * 10 * s;
  const xTitleH = a.xTitle ? LINE_HEIGHT * a.axisTitle + 8 * s : 0;
  const xScaleH = 7 * s + LINE_HEIGHT * a.tick + 2 * 6 * s + xTitleH;
  return {
    left: a.left + yScaleW,
    top: pad.top,
    right: width - pad.right,
    bottom: height - pad.bottom - xScaleH,
  };
}

function drawAxes(ctx: Ctx, a: AxesSpec, area: Area, pixelOf: (x: number, y: number) => PixelPoint): void {
  const s = a.s;
  const gridW = Math.max(1, s);
  const tickLength = 7 * s;
  ctx.save();
  ctx.setLineDash([]);
  ctx.lineCap = 'butt';
  ctx.lineWidth = gridW;
  // Grid: vertical year lines (with their tick marks below the axis), horizontal value lines.
  const xPx = a.xTicks.map((t) => alignPixel(pixelOf(t, a.yAxis.min).x, gridW));
  ctx.strokeStyle = INK.gridLight;
  ctx.beginPath();
  for (const x of xPx) {
    ctx.moveTo(x, area.top);
    ctx.lineTo(x, area.bottom);
  }
  ctx.stroke();
  ctx.strokeStyle = INK.axis;
  ctx.beginPath();
  for (const x of xPx) {
    ctx.moveTo(x, area.bottom);
    ctx.lineTo(x, area.bottom + tickLength);
  }
  ctx.stroke();
  ctx.strokeStyle = INK.grid;
  ctx.beginPath();
  for (const l of a.yLabels) {
    const y = alignPixel(pixelOf(a.xRange.min, l.v).y, gridW);
    ctx.moveTo(area.left, y);
    ctx.lineTo(area.right, y);
  }
  ctx.stroke();
  // Axis line.
  const borderW = Math.max(1, 1.5 * s);
  const by = alignPixel(area.bottom, borderW);
  ctx.strokeStyle = INK.axis;
  ctx.lineWidth = borderW;
  ctx.beginPath();
  ctx.moveTo(area.left, by);
  ctx.lineTo(area.right, by);
  ctx.stroke();

  // Tick labels.
  ctx.font = fontString(a.tick);
  ctx.fillStyle = INK.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const l of a.yLabels) ctx.fillText(l.text, area.left - 10 * s, pixelOf(a.xRange.min, l.v).y);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of a.xTicks) ctx.fillText(formatYear(t), pixelOf(t, a.yAxis.min).x, area.bottom + tickLength + 6 * s);

  // Titles.
  ctx.font = fontString(a.axisTitle, 600);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (a.xTitle) {
    const y = area.bottom + tickLength + LINE_HEIGHT * a.tick + 2 * 6 * s + 8 * s + (LINE_HEIGHT * a.axisTitle) / 2;
    ctx.fillText(truncateText(ctx, a.xTitle, area.right - area.left), (area.left + area.right) / 2, y);
  }
  if (a.yTitle !== '') {
    ctx.translate(a.left + (LINE_HEIGHT * a.axisTitle) / 2, (area.top + area.bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(truncateText(ctx, a.yTitle, area.bottom - area.top), 0, 0);
  }
  ctx.restore();
}

// ---------------------------------------------------------------------------------------
// Legend

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
        marker: { kind: 'point', style: st.pointStyle, radius: actualPointRadius(st, m), border: m.pointBorder },
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
      marker: multi ? undefined : { kind: 'point', style: st.pointStyle, radius: actualPointRadius(st, m), border: m.pointBorder },
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

// ---------------------------------------------------------------------------------------
// Annotations: labels next to targets, baselines and latest values

function trajectoryAnnotations(
  ctx: Ctx,
  area: Area,
  width: number,
  height: number,
  groups: ChartGroup[],
  spec: ChartSpec,
  xRange: { min: number; max: number },
  yAxis: ValueAxis,
  s: number,
): Placement[] {
  const pixelOf = linearPixelMapper(area, xRange, yAxis);
  const px = (p: ChartPoint): PixelPoint => pixelOf(p.x, p.y);
  const m = markSizes(s);
  const obstacles: Rect[] = [];
  const addObstacle = (p: PixelPoint, r: number) => obstacles.push({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r }) - 1;
  const segments: [PixelPoint, PixelPoint][] = [];
  const addPolyline = (pts: PixelPoint[]) => {
    for (let i = 1; i < pts.length; i++) segments.push([pts[i - 1], pts[i]]);
  };
  const requests: LabelRequest[] = [];
  const later: LabelRequest[] = [];
  const last: LabelRequest[] = [];
  const fmt = (v: number) => formatNumber(v, spec.locale, { maxDecimals: 2 });
  groups.forEach((g, i) => {
    const st = groupStyle(i);
    const textColor = darken(st.color, 0.3);
    const actual = g.actual.map(px);
    addPolyline(actual);
    addPolyline((g.expectedPath ?? []).map(px));
    addPolyline((g.projection ?? []).map(px));
    // Markers are obstacles; a dense series has markers on its ends only.
    const pointR = actualPointRadius(st, m) + 2 * s;
    const marked = markedIndices(actual.length);
    const markerIdx = marked.map((k) => addObstacle(actual[k], pointR));
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
        anchor: actual[actual.length - 1],
        clearance: pointR,
        color: textColor,
        prefer: ['E', 'NE', 'SE', 'N', 'S', 'W', 'NW', 'SW'],
        obstacle: markerIdx[markerIdx.length - 1],
      });
    }
  });
  const bounds: Rect = { x: area.left + 2 * s, y: area.top + 2 * s, w: area.right - area.left - 4 * s, h: area.bottom - area.top - 4 * s };
  const image: Rect = { x: 0, y: 0, w: width, h: height };
  return placeLabels(ctx, [...requests, ...later, ...last], bounds, image, obstacles, segments, SIZES.annotation * s, s);
}
