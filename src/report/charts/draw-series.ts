// Draws the series of chart groups (observed values with markers, baseline ring, target
// stars, dashed expected path, dotted projection) with the canvas 2D API, in the stacking
// order chart.js used for them: expected paths at the bottom, then projections, baseline
// rings, observed values, and target stars on top; within a role, the first group on top.

import { drawPoint } from 'chart.js/helpers';
import type { ChartGroup, ChartPoint } from './chart-spec.js';
import { drawRing, drawStar, scaleDash, type Ctx, type MarkSizes, type PixelPoint, type Rect } from './frame.js';
import { DENSE_LINE_SCALE, DENSE_SERIES_POINTS, INK, POINT_STYLE_SCALE, type GroupStyle } from './style.js';

/** Whether a series of n observed values is drawn dense (thin line, markers at its ends only). */
export function isDense(n: number): boolean {
  return n > DENSE_SERIES_POINTS;
}

/** Indices of the observed values that get a marker. */
export function markedIndices(n: number): number[] {
  if (!isDense(n)) return Array.from({ length: n }, (_, i) => i);
  return n > 1 ? [0, n - 1] : [0];
}

/** Radius of the marker of an observed value. */
export function actualPointRadius(st: GroupStyle, m: MarkSizes): number {
  return m.actualPoint * POINT_STYLE_SCALE[st.pointStyle];
}

export interface SeriesOptions {
  marks: MarkSizes;
  /** Scale of the dash patterns (panels use shorter dashes). */
  dashScale: number;
  /** Image scale (star outlines). */
  s: number;
  /** Lines and markers are clipped to this rectangle (stars are not). */
  clip?: Rect;
}

/** Draws the groups; group i in styles[i]. */
export function drawGroupSeries(
  ctx: Ctx,
  groups: ChartGroup[],
  styles: GroupStyle[],
  pixelOf: (x: number, y: number) => PixelPoint,
  opts: SeriesOptions,
): void {
  const m = opts.marks;
  const px = (p: ChartPoint) => pixelOf(p.x, p.y);
  ctx.save();
  if (opts.clip) {
    ctx.beginPath();
    ctx.rect(opts.clip.x, opts.clip.y, opts.clip.w, opts.clip.h);
    ctx.clip();
  }
  const order = groups.map((_, i) => groups.length - 1 - i);

  // Expected paths (dashed), then projections (dotted).
  for (const i of order) {
    const path = groups[i].expectedPath;
    if (!path || path.length < 2) continue;
    strokePolyline(ctx, path.map(px), styles[i].color, m.expectedLine, scaleDash(styles[i].expectedDash, opts.dashScale), 'butt', 'miter');
  }
  for (const i of order) {
    const path = groups[i].projection;
    if (!path || path.length < 2) continue;
    strokePolyline(ctx, path.map(px), styles[i].color, m.projectionLine, scaleDash(styles[i].projectionDash, opts.dashScale), 'round', 'miter');
  }
  // Baseline rings.
  ctx.setLineDash([]);
  for (const i of order) {
    const b = groups[i].baseline;
    if (!b) continue;
    const p = px(b);
    drawRing(ctx, p.x, p.y, m.baselinePoint, m.baselineRing, styles[i].color);
  }
  // Observed values: line, then markers.
  for (const i of order) {
    const g = groups[i];
    const st = styles[i];
    if (g.actual.length === 0) continue;
    const pts = g.actual.map(px);
    const dense = isDense(pts.length);
    if (pts.length > 1) {
      strokePolyline(ctx, pts, st.color, dense ? m.actualLine * DENSE_LINE_SCALE : m.actualLine, st.actualDash, 'round', 'round');
    }
    ctx.setLineDash([]);
    ctx.fillStyle = st.color;
    ctx.strokeStyle = INK.background;
    ctx.lineWidth = m.pointBorder;
    const radius = actualPointRadius(st, m);
    const options = { pointStyle: st.pointStyle, radius, borderWidth: m.pointBorder, rotation: 0 };
    for (const k of markedIndices(pts.length)) drawPoint(ctx as never, options, pts[k].x, pts[k].y);
  }
  ctx.restore();

  // Target stars, on top of everything and not clipped.
  groups.forEach((g, i) => {
    for (const t of g.targets) {
      const p = px(t);
      drawStar(ctx, p.x, p.y, m.targetStar, styles[i].color, opts.s);
    }
  });
}

function strokePolyline(
  ctx: Ctx,
  pts: PixelPoint[],
  color: string,
  width: number,
  dash: number[],
  cap: 'butt' | 'round',
  join: 'miter' | 'round',
): void {
  ctx.beginPath();
  ctx.moveTo(pts[0].x, pts[0].y);
  for (let k = 1; k < pts.length; k++) ctx.lineTo(pts[k].x, pts[k].y);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineCap = cap;
  ctx.lineJoin = join;
  ctx.setLineDash(dash);
  ctx.lineDashOffset = 0;
  ctx.stroke();
}
