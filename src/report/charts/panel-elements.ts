// The data of a small-multiples panel drawn with chart.js' own line and point elements.
//
// Why not a chart.js update per panel: between the 50 panels of an image only the data
// changes (the scales, grid and tick labels are the same in every panel of a row or a
// column), yet `update()` re-merges the configuration and re-resolves every scale, dataset
// and element option: ~2 ms a panel, ~40 % of a national report's CPU time. So chart.js
// draws the panel's axes once per kind of panel (with or without year and value labels,
// small-multiples.ts), and each panel's datasets are drawn here by what chart.js' line
// controller would draw them with: a LineElement per dataset and a PointElement per point,
// placed by the panel chart's scales, in chart.js' dataset order (highest `order` first),
// each dataset clipped to the plot area grown by its `clip`, points outside the plot area
// skipped, exactly as chart.js' `_drawDataset` and the elements' `draw` do.
//
// Only the dataset options the panels set are read (chart-datasets.ts); the rest are
// chart.js' element defaults.

import { LineElement, PointElement, type PointStyle } from 'chart.js';
import { clipArea, unclipArea } from 'chart.js/helpers';
import type { LineDataset } from './chartjs.js';
import type { Area } from './layout.js';
import type { PixelPoint } from './scales.js';
import type { Ctx } from './text.js';

const LINE_DEFAULTS = LineElement.defaults as Record<string, unknown>;
const POINT_DEFAULTS = PointElement.defaults as Record<string, unknown>;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

/** The line element's options of a dataset, as chart.js resolves them for these datasets. */
function lineOptions(ds: LineDataset): Record<string, unknown> {
  return {
    ...LINE_DEFAULTS,
    // chart.js' line controller draws no line for `showLine: false`.
    borderWidth: ds.showLine === false ? 0 : num(ds.borderWidth, 3),
    borderColor: str(ds.borderColor, '#000'),
    borderDash: Array.isArray(ds.borderDash) ? ds.borderDash : [],
    borderDashOffset: num(ds.borderDashOffset, 0),
    borderCapStyle: str(ds.borderCapStyle, 'butt'),
    borderJoinStyle: str(ds.borderJoinStyle, 'miter'),
    spanGaps: ds.spanGaps ?? false,
    tension: num(ds.tension, 0),
    stepped: false,
    segment: undefined,
  };
}

/** The point elements' options of a dataset (chart.js reads them from the `point` prefixed options). */
function pointOptions(ds: LineDataset): Record<string, unknown> {
  return {
    ...POINT_DEFAULTS,
    radius: num(ds.pointRadius, 3),
    pointStyle: (ds.pointStyle ?? 'circle') as PointStyle,
    borderWidth: num(ds.pointBorderWidth, 1),
    backgroundColor: str(ds.pointBackgroundColor, '#000'),
    borderColor: str(ds.pointBorderColor, '#000'),
    rotation: num(ds.pointRotation, 0),
  };
}

/** Dataset indexes in chart.js' drawing order: by `order` then index, the last drawn first. */
function drawingOrder(datasets: readonly LineDataset[]): number[] {
  return datasets
    .map((ds, index) => ({ order: ds.order ?? 0, index }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map((d) => d.index)
    .reverse();
}

/**
 * Draws the datasets' data on ctx, in the coordinates of the chart whose plot area is
 * `area` and whose scales `pixelOf` maps through (chart.js' `getPixelForValue`).
 */
export function drawPanelDatasets(
  ctx: Ctx,
  datasets: readonly LineDataset[],
  pixelOf: (x: number, y: number) => PixelPoint,
  area: Area,
): void {
  const chartArea = { ...area, width: area.right - area.left, height: area.bottom - area.top };
  for (const index of drawingOrder(datasets)) {
    const ds = datasets[index];
    if (!ds || ds.data.length === 0) continue;
    const clip = num(ds.clip, 0);
    const options = pointOptions(ds);
    const points = ds.data.map((d) => {
      const p = pixelOf(d.x, d.y);
      return new PointElement({ x: p.x, y: p.y, skip: false, stop: false, options });
    });
    clipArea(ctx, {
      left: area.left - clip,
      top: area.top - clip,
      right: area.right + clip,
      bottom: area.bottom + clip,
    });
    const line = new LineElement({ options: lineOptions(ds) });
    line.points = points;
    line.draw(ctx, chartArea, 0, points.length);
    for (const point of points) point.draw(ctx, chartArea);
    unclipArea(ctx);
  }
}
