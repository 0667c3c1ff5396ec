// Draws a ChartSpec (trajectory of an indicator against its targets) and, through
// small-multiples.ts, a SmallMultiplesSpec (one mini chart per district...) to PNG with
// chart.js on @napi-rs/canvas. Output is byte-identical across runs: one registered font
// (font.ts), pinned text language, devicePixelRatio 1, no animation, nothing
// time-dependent.
//
// One chart.js chart draws it all (chartjs.ts): title block, legend, footnotes, axes,
// grid, lines and markers, laid out by chart.js; target stars and the labels next to
// targets, baselines and latest values (annotations.ts) by plugins. The chart.js
// instance is kept for the next chart of the same size (an instance costs several ms).

import { decimalsFor, formatNumber } from '../../messages/format-number.js';
import { trajectoryAnnotations } from './annotations.js';
import type { ChartSpec } from './chart-spec.js';
import { DATASETS_PER_GROUP, chartDatasets, cleanGroup, dataValues, forEachPoint } from './chart-datasets.js';
import { FAST_OPTIONS, chartCanvas, type LineOptions } from './chartjs.js';
import { ensureChartFont, fontString } from './font.js';
import { drawAnnotations } from './labels.js';
import { type Area, DEFAULT_HEIGHT, DEFAULT_WIDTH, footnotesBlock, titleOptions } from './layout.js';
import { legendBlock, legendItems } from './legend.js';
import { markSizes } from './marks.js';
import { startPngEncode } from './png.js';
import {
  MAX_YEAR_TICKS,
  axisValues,
  decimalsOfStep,
  keptPixelMapper,
  linearScaleOptions,
  niceValueAxis,
  timeRange,
  yearTicksForWidth,
  type PixelPoint,
  type ValueAxis,
} from './scales.js';
import { INK, SIZES, groupStyle } from './style.js';
import { formatYear, textWidth } from './text.js';

// The public API of the charts, wherever it is implemented.
export { DEFAULT_HEIGHT, DEFAULT_WIDTH, chooseGrid, type Rect } from './layout.js';
export {
  MAX_YEAR_TICKS,
  axisValues,
  niceStep,
  niceValueAxis,
  timeRange,
  yearTicks,
  yearTicksForWidth,
  type PixelPoint,
  type ValueAxis,
} from './scales.js';
export { truncateText, wrapText } from './text.js';
export { DEFAULT_ROLE_LABELS, DEFAULT_TIME_LABEL } from './chart-spec.js';
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
  /** Image pixel of a data value (x in fractional years, y in the indicator's unit), from chart.js' scales. */
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
  const target = chartCanvas('trajectory', width, height);
  // Text is measured on the chart's own canvas (the chart is drawn over it afterwards).
  const ctx = target.canvas.getContext('2d');

  const groups = spec.groups.map(cleanGroup);
  const styles = groups.map((_, i) => groupStyle(i));
  const xs: number[] = [];
  const ys: number[] = [];
  for (const g of groups)
    forEachPoint(g, (p) => {
      xs.push(p.x);
      ys.push(p.y);
    });
  const values = dataValues(groups);
  const xRange = timeRange(xs);
  const yAxis = niceValueAxis(ys, spec.percent, 6, decimalsFor(values) === 0);
  const yDecimals = decimalsOfStep(yAxis.step);
  const valueDecimals = spec.valueDecimals ?? decimalsFor(values, { min: spec.percent ? 1 : 0 });

  const margin = 36 * s;
  const f = {
    title: SIZES.title * s,
    subtitle: SIZES.subtitle * s,
    legend: SIZES.legend * s,
    axisTitle: SIZES.axisTitle * s,
    tick: SIZES.tick * s,
    annotation: SIZES.annotation * s,
    footnote: SIZES.footnote * s,
  };
  const marks = markSizes(s);
  const legend = legendItems({
    groups,
    entries: groups.map((g, i) => ({ label: g.label, style: groupStyle(i) })),
    roles: spec.roleLabels,
    marks,
    expectedDashScale: 1,
    singleGroupName: groups[0]?.label,
    s,
  });
  // Year ticks: at most MAX_YEAR_TICKS, never closer than their labels allow on the plot's
  // width, which chart.js knows once it has laid out the frame and the value axis.
  ctx.font = fontString(f.tick);
  const yearW = textWidth(ctx, '2000');
  const yearTicks = (plotW: number) =>
    yearTicksForWidth(xRange.min, xRange.max, plotW, yearW, Math.max(12 * s, yearW * 0.5), MAX_YEAR_TICKS).ticks;

  const gridWidth = Math.max(1, s);
  const options: LineOptions = {
    ...FAST_OPTIONS,
    layout: { padding: { top: margin * 0.75, bottom: margin * 0.6, left: margin, right: margin }, autoPadding: false },
    plugins: titleOptions(ctx, spec.title, spec.subtitle, width - 2 * margin, {
      title: f.title,
      subtitle: f.subtitle,
      gap: 6 * s,
    }),
    scales: {
      x: linearScaleOptions('x', xRange.min, xRange.max, {
        ticks: yearTicks,
        format: formatYear,
        labels: true,
        tickSize: f.tick,
        tickPadding: 6 * s,
        tickLength: 7 * s,
        title: spec.axisTimeLabel
          ? { text: spec.axisTimeLabel, size: f.axisTitle, padding: { top: 8 * s, bottom: 0 } }
          : undefined,
        grid: { color: INK.gridLight, width: gridWidth },
        border: { color: INK.axis, width: Math.max(1, 1.5 * s) },
      }),
      y: linearScaleOptions('y', yAxis.min, yAxis.max, {
        ticks: axisValues(yAxis),
        format: (v) => formatNumber(v, spec.locale, { decimals: yDecimals }),
        labels: true,
        tickSize: f.tick,
        tickPadding: 10 * s,
        tickLength: 0,
        title: { text: spec.unitLabel, size: f.axisTitle, padding: { top: 0, bottom: 10 * s } },
        grid: { color: INK.grid, width: gridWidth },
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
    legend: legendBlock(legend, f.legend, s, { top: 16 * s, bottom: 14 * s }),
    footnotes: footnotesBlock(spec.footnotes, f.footnote, 14 * s),
    labels: (c, pixelOf, area) => {
      const placements = trajectoryAnnotations(c, area, pixelOf, { width, height }, groups, spec, valueDecimals, s);
      drawAnnotations(c, placements, f.annotation, s);
    },
  });
  const { left, top, right, bottom } = chart.chartArea;
  const xTicks = (chart.scales.x?.ticks ?? []).map((t) => t.value);
  const pixelOf = keptPixelMapper(chart);
  const png = await startPngEncode(target.canvas); // copies the pixels first: the canvas is free again
  return { png, width, height, chartArea: { left, top, right, bottom }, xRange, xTicks, yAxis, pixelOf };
}
