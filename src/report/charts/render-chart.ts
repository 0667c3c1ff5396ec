// Draws a ChartSpec (trajectory of an indicator against its targets) and, through
// small-multiples.ts, a SmallMultiplesSpec (one mini chart per district...) to PNG with
// chart.js on @napi-rs/canvas. Output is byte-identical across runs: one registered font
// (font.ts), pinned text language, devicePixelRatio 1, no animation, nothing
// time-dependent.
//
// chart.js draws the axes (linear time axis in fractional years with whole-year ticks,
// value axis), grid, tick labels, axis titles, lines and point markers (chart-datasets.ts).
// Plugins (chartjs.ts) draw what chart.js has no element for: the white background, the
// target stars, the title block, the legend with group and role keys, the footnotes, and
// the labels next to targets, baselines and latest values, placed clear of each other and
// of the marks (labels.ts). The chart.js instance is kept for the next chart of the same
// size (an instance costs several ms to create).

import type { ChartGroup, ChartPoint, ChartSpec } from './chart-spec.js';
import { DATASETS_PER_GROUP, actualPointRadius, chartDatasets, markedIndices } from './chart-datasets.js';
import { FAST_OPTIONS, chartCanvas, linearScaleOptions, type LineOptions } from './chartjs.js';
import { ensureChartFont, fontString, pinTextSettings } from './font.js';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  MAX_YEAR_TICKS,
  axisValues,
  cleanGroup,
  darken,
  drawFootnotes,
  drawHeader,
  drawLegend,
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
  yearTicksForWidth,
  type Area,
  type Ctx,
  type LegendItem,
  type PixelPoint,
  type Rect,
  type RoleLabels,
  type ValueAxis,
} from './frame.js';
import { drawAnnotations, placeLabels, type LabelRequest, type Placement } from './labels.js';
import { startPngEncode } from './png.js';
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
  yearTicksForWidth,
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

/** chart.js' default line height of text (tick labels, axis titles). */
const LINE_HEIGHT = 1.2;

/** As {@link renderTrajectoryChart}, also returning where data values landed in the image. */
export async function renderTrajectoryChartWithLayout(spec: ChartSpec): Promise<TrajectoryChartLayout> {
  ensureChartFont();
  const width = Math.round(spec.width ?? DEFAULT_WIDTH);
  const height = Math.round(spec.height ?? DEFAULT_HEIGHT);
  const s = Math.min(width / DEFAULT_WIDTH, height / DEFAULT_HEIGHT);
  const target = chartCanvas('trajectory', width, height);
  // Text is measured on the chart's own canvas (the chart is drawn over it afterwards).
  const ctx = target.canvas.getContext('2d');
  pinTextSettings(ctx, spec.locale);

  const groups = spec.groups.map(cleanGroup);
  const styles = groups.map((_, i) => groupStyle(i));
  const xs: number[] = [];
  const ys: number[] = [];
  for (const g of groups) {
    groupXs(g, xs);
    groupYs(g, ys);
  }
  const xRange = timeRange(xs);
  const yAxis = niceValueAxis(ys, spec.percent, 6);
  const yDecimals = decimalsOfStep(yAxis.step);
  const formatValue = (v: number) => formatNumber(v, spec.locale, { decimals: yDecimals });

  // Title block, legend and footnotes first; chart.js lays out the axes and the plot in the rest.
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
  const left = margin * 0.8;

  // Year ticks: at most MAX_YEAR_TICKS, and never closer than their labels allow on the
  // plot's width (the value axis' labels and title are measured as chart.js will).
  const yValues = axisValues(yAxis);
  ctx.font = fontString(f.tick);
  const widestValue = Math.max(0, ...yValues.map((v) => textWidth(ctx, formatValue(v))));
  const yScaleW = (spec.unitLabel !== '' ? LINE_HEIGHT * f.axisTitle + 10 * s : 0) + widestValue + 10 * s;
  const yearW = textWidth(ctx, '2000');
  const plotW = width - left - margin - yScaleW;
  const xTicks = yearTicksForWidth(
    xRange.min,
    xRange.max,
    plotW,
    yearW,
    Math.max(12 * s, yearW * 0.5),
    MAX_YEAR_TICKS,
  ).ticks;

  const marks = markSizes(s);
  const gridWidth = Math.max(1, s);
  const options: LineOptions = {
    ...FAST_OPTIONS,
    layout: { padding: { top, bottom, left, right: margin }, autoPadding: false },
    scales: {
      x: linearScaleOptions('x', xRange.min, xRange.max, {
        ticks: xTicks,
        format: formatYear,
        labels: true,
        tickSize: f.tick,
        tickPadding: 6 * s,
        tickLength: 7 * s,
        title: spec.axisTimeLabel
          ? { text: spec.axisTimeLabel, size: f.axisTitle, padding: { top: 8 * s, bottom: 0 } }
          : undefined,
        gridColor: INK.gridLight,
        gridWidth,
        border: { color: INK.axis, width: Math.max(1, 1.5 * s) },
      }),
      y: linearScaleOptions('y', yAxis.min, yAxis.max, {
        ticks: yValues,
        format: formatValue,
        labels: true,
        tickSize: f.tick,
        tickPadding: 10 * s,
        tickLength: 0,
        title: { text: spec.unitLabel, size: f.axisTitle, padding: { top: 0, bottom: 10 * s } },
        gridColor: INK.grid,
        gridWidth,
      }),
    },
  };
  const datasets = chartDatasets(groups, styles, { marks, dashScale: 1, clip: Math.ceil(marks.targetStar + 4) });
  if (datasets.length !== groups.length * DATASETS_PER_GROUP)
    throw new Error('render-chart: datasets out of step with groups');

  const chart = target.draw({ datasets }, options, {
    locale: spec.locale,
    background: true,
    stars: { groups, styles, radius: marks.targetStar, s },
    frame: (c) => {
      drawHeader(c, header, margin, margin * 0.75, f.title, f.subtitle);
      drawLegend(c, legend, margin, legendTop, f.legend, s);
      drawFootnotes(c, footnotes, margin, footTop, f.footnote);
    },
    labels: (c, pixelOf, area) => {
      const placements = trajectoryAnnotations(c, area, pixelOf, width, height, groups, spec, s);
      drawAnnotations(c, placements, f.annotation, s);
    },
  });
  const { left: aL, top: aT, right: aR, bottom: aB } = chart.chartArea;
  const chartArea: Area = { left: aL, top: aT, right: aR, bottom: aB };
  const png = await startPngEncode(target.canvas); // copies the pixels first: the canvas is free again
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
      marker: multi
        ? undefined
        : { kind: 'point', style: st.pointStyle, radius: actualPointRadius(st, m), border: m.pointBorder },
    });
  }
  if (has((g) => !!g.baseline)) {
    roleItems.push({
      label: roles.baseline,
      color: keyColor(0),
      marker: { kind: 'ring', radius: m.baselinePoint, width: m.baselineRing },
    });
  }
  if (has((g) => g.targets.length > 0)) {
    roleItems.push({ label: roles.target, color: keyColor(0), marker: { kind: 'star', radius: m.targetStar } });
  }
  if (has((g) => (g.expectedPath?.length ?? 0) > 1)) {
    roleItems.push({
      label: roles.expected,
      color: keyColor(0),
      line: { dash: groupStyle(0).expectedDash, width: m.expectedLine, round: false },
    });
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
  pixelOf: (x: number, y: number) => PixelPoint,
  width: number,
  height: number,
  groups: ChartGroup[],
  spec: ChartSpec,
  s: number,
): Placement[] {
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
  const bounds: Rect = {
    x: area.left + 2 * s,
    y: area.top + 2 * s,
    w: area.right - area.left - 4 * s,
    h: area.bottom - area.top - 4 * s,
  };
  const image: Rect = { x: 0, y: 0, w: width, h: height };
  return placeLabels(
    ctx,
    [...requests, ...later, ...last],
    bounds,
    image,
    obstacles,
    segments,
    SIZES.annotation * s,
    s,
  );
}
