// The data of a small-multiples panel, drawn with the canvas calls chart.js' line
// controller makes for these datasets, without building chart.js elements.
//
// Why not chart.js' LineElement and PointElement: between the 50 panels of an image only
// the data changes, and an element per point with its options object, a save, clip and
// restore per dataset and per line, and chart.js' segment bookkeeping cost ~20 ms of a
// 50-panel image's ~85 ms of CPU (2 groups x 60 months a panel; measured on this 2-core
// machine). What reaches the canvas is the same, in the same order (chart.js' dataset
// order: highest `order` first; each dataset's line, then its points), so the pixels are
// the same as chart.js':
// - a line is `LineElement.draw` through `strokePathDirect` (Node has no Path2D): the
//   line style (`setStyle`), then a solid line by chart.js' `fastPathSegment` (points
//   falling on the same pixel column merged into one vertical stroke), a dashed one by
//   `pathSegment`; a dataset with `showLine: false` or no width has no line;
// - a point is `PointElement.draw`: skipped when smaller than 0.1 px or outside the plot
//   area grown by half its size, else its colours and border width then chart.js' own
//   `drawPoint`, in the dash, cap and join the canvas had before the dataset;
// - every dataset of a panel is clipped to the plot area grown by its `clip`, as chart.js'
//   `_drawDataset` does; when nothing a panel draws comes near that rectangle's edges the
//   clip is left out (it would change no pixel).
// Canvas state (style, width, dash...) is set only where it changes: chart.js' save and
// restore around each line only bring back what the next call sets anyway.
//
// Only the dataset options the panels set are read (chart-datasets.ts); the rest are
// chart.js' element defaults.

import { LineElement, PointElement, type PointStyle } from 'chart.js';
import { drawPoint } from 'chart.js/helpers';
import type { LineDataset } from './chartjs.js';
import type { Area } from './layout.js';
import type { PanelScales } from './scales.js';
import type { Ctx } from './text.js';

type LineCap = Ctx['lineCap'];
type LineJoin = Ctx['lineJoin'];

const LINE = LineElement.defaults as Record<string, unknown>;
const POINT = PointElement.defaults as Record<string, unknown>;

const num = (v: unknown, fallback: unknown): number => (typeof v === 'number' ? v : Number(fallback));
const str = (v: unknown, fallback: unknown): string => (typeof v === 'string' ? v : String(fallback));
const dash = (v: unknown, fallback: unknown): number[] =>
  Array.isArray(v) ? v : Array.isArray(fallback) ? fallback : [];

/** The line and point options of a dataset, as chart.js resolves them for these datasets. */
interface ResolvedDataset {
  clip: number;
  line?: {
    width: number;
    color: string;
    dash: number[];
    dashOffset: number;
    cap: LineCap;
    join: LineJoin;
    /** chart.js' fast path (solid, straight lines): points on one pixel column merged. */
    fast: boolean;
  };
  point?: {
    pointStyle: PointStyle;
    radius: number;
    borderWidth: number;
    fill: string;
    stroke: string;
    rotation: number;
    /** Half of PointElement.size(): a point further than this outside the plot area is not drawn. */
    margin: number;
  };
}

function resolve(ds: LineDataset): ResolvedDataset {
  const width = ds.showLine === false ? 0 : num(ds.borderWidth, LINE.borderWidth);
  const lineDash = dash(ds.borderDash, LINE.borderDash);
  const radius = num(ds.pointRadius, POINT.radius);
  const hoverRadius = num(ds.pointHoverRadius, POINT.hoverRadius);
  const pointBorder = num(ds.pointBorderWidth, POINT.borderWidth);
  // PointElement.size: (radius, or the hover radius if larger, + border) when the radius is not 0.
  const sized = Math.max(radius, (radius && hoverRadius) || 0);
  return {
    clip: num(ds.clip, 0),
    line:
      width > 0
        ? {
            width,
            color: str(ds.borderColor, '#000'),
            dash: lineDash,
            dashOffset: num(ds.borderDashOffset, LINE.borderDashOffset),
            cap: str(ds.borderCapStyle, LINE.borderCapStyle) as LineCap,
            join: str(ds.borderJoinStyle, LINE.borderJoinStyle) as LineJoin,
            fast: lineDash.length === 0 && !ds.tension && !ds.stepped,
          }
        : undefined,
    point:
      radius >= 0.1
        ? {
            pointStyle: (ds.pointStyle ?? POINT.pointStyle) as PointStyle,
            radius,
            borderWidth: pointBorder,
            fill: str(ds.pointBackgroundColor, '#000'),
            stroke: str(ds.pointBorderColor, '#000'),
            rotation: num(ds.pointRotation, POINT.rotation),
            margin: sized + ((sized && pointBorder) || 0),
          }
        : undefined,
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

/** Canvas state as last set here (undefined: not known), so that only changes reach the canvas. */
class CanvasState {
  private cap: string | undefined;
  private join: string | undefined;
  private dash: number[] | undefined;
  private dashOffset: number | undefined;
  private width: number | undefined;
  private stroke: string | undefined;
  private fill: string | undefined;

  constructor(private readonly ctx: Ctx) {}

  forget(): void {
    this.cap = this.join = this.dash = this.dashOffset = this.width = this.stroke = this.fill = undefined;
  }

  line(cap: LineCap, join: LineJoin, dash: number[], dashOffset: number): void {
    const ctx = this.ctx;
    if (this.cap !== cap) ctx.lineCap = this.cap = cap;
    if (this.dash !== dash) {
      ctx.setLineDash(dash);
      this.dash = dash;
    }
    if (this.dashOffset !== dashOffset) ctx.lineDashOffset = this.dashOffset = dashOffset;
    if (this.join !== join) ctx.lineJoin = this.join = join;
  }

  paint(width: number, stroke: string, fill?: string): void {
    const ctx = this.ctx;
    if (this.width !== width) ctx.lineWidth = this.width = width;
    if (this.stroke !== stroke) ctx.strokeStyle = this.stroke = stroke;
    if (fill !== undefined && this.fill !== fill) ctx.fillStyle = this.fill = fill;
  }
}

/**
 * Draws the datasets of the panels of one image (each dataset's options the same in every
 * panel but its data, border width and point radius, which the caller sets per panel).
 * Create one per image, after the datasets' options are set.
 */
export class PanelDatasetsDrawer {
  private readonly order: number[];
  private readonly state: CanvasState;
  /** The canvas' line cap, join and dash when the drawer was made: the points' borders are drawn in them. */
  private readonly outer: { cap: LineCap; join: LineJoin; dash: number[]; dashOffset: number };
  /** Pixel coordinates of each dataset's points, reused from panel to panel. */
  private xs: Float64Array = new Float64Array(64);
  private ys: Float64Array = new Float64Array(64);

  constructor(
    private readonly ctx: Ctx,
    private readonly datasets: readonly LineDataset[],
  ) {
    this.order = drawingOrder(datasets);
    this.state = new CanvasState(ctx);
    this.outer = { cap: ctx.lineCap, join: ctx.lineJoin, dash: ctx.getLineDash(), dashOffset: ctx.lineDashOffset };
  }

  /**
   * Draws the datasets' data on ctx, in the coordinates of the panel chart whose plot area
   * is `area` and whose scales map values to pixels. The canvas state the drawing changes
   * (line style, colours, clip) is left as the drawing set it: call within save/restore.
   */
  draw(scales: PanelScales, area: Area): void {
    const { ctx, datasets, state } = this;
    state.forget();
    // Every point of the panel in pixels, and how far beyond them anything is drawn.
    let total = 0;
    for (const ds of datasets) total += ds.data.length;
    if (total === 0) return;
    if (this.xs.length < total) {
      this.xs = new Float64Array(total * 2);
      this.ys = new Float64Array(total * 2);
    }
    const { xs, ys } = this;
    const starts: number[] = [];
    const resolved: ResolvedDataset[] = [];
    let at = 0;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    let reach = 0;
    let clip = 0;
    for (const ds of datasets) {
      starts.push(at);
      const r = resolve(ds);
      resolved.push(r);
      if (ds.data.length === 0) continue;
      for (const d of ds.data) {
        const x = scales.x(d.x);
        const y = scales.y(d.y);
        xs[at] = x;
        ys[at] = y;
        at++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      clip = Math.max(clip, r.clip);
      // A miter join reaches at most miterLimit (10) half widths out; a marker at most ~1.5 radii plus its border.
      if (r.line) reach = Math.max(reach, r.line.width * (r.line.join === 'miter' ? 5 : 1) + 1);
      if (r.point) reach = Math.max(reach, r.point.radius * 1.5 + r.point.borderWidth + 1);
    }
    const clipRect = grown(area, clip);
    const sameClip = resolved.every((r, i) => (datasets[i]?.data.length ?? 0) === 0 || r.clip === clip);
    const inside =
      minX - reach > clipRect.left + 1 &&
      maxX + reach < clipRect.right - 1 &&
      minY - reach > clipRect.top + 1 &&
      maxY + reach < clipRect.bottom - 1;
    const clipEach = !inside && !sameClip;
    const clipAll = !inside && sameClip;
    if (clipAll) {
      ctx.save();
      clipTo(ctx, clipRect);
    }

    for (const index of this.order) {
      const ds = datasets[index];
      const r = resolved[index];
      const start = starts[index];
      if (!ds || !r || start === undefined || ds.data.length === 0) continue;
      const end = start + ds.data.length;
      if (clipEach) {
        ctx.save();
        clipTo(ctx, grown(area, r.clip));
        state.forget();
      }
      if (r.line) {
        const l = r.line;
        state.line(l.cap, l.join, l.dash, l.dashOffset);
        state.paint(l.width, l.color);
        ctx.beginPath();
        if (l.fast) fastPath(ctx, xs, ys, start, end);
        else {
          ctx.moveTo(xs[start] ?? 0, ys[start] ?? 0);
          for (let i = start + 1; i < end; i++) ctx.lineTo(xs[i] ?? 0, ys[i] ?? 0);
        }
        ctx.stroke();
      }
      const p = r.point;
      if (p) {
        const o = this.outer;
        for (let i = start; i < end; i++) {
          const x = xs[i] ?? 0;
          const y = ys[i] ?? 0;
          // chart.js' _isPointInArea(point, area, size / 2)
          const m = p.margin || 0.5;
          if (!(x > area.left - m && x < area.right + m && y > area.top - m && y < area.bottom + m)) continue;
          state.line(o.cap, o.join, o.dash, o.dashOffset);
          state.paint(p.borderWidth, p.stroke, p.fill);
          drawPoint(ctx as never, p, x, y);
        }
      }
      if (clipEach) {
        ctx.restore();
        state.forget();
      }
    }
    if (clipAll) ctx.restore();
  }
}

function grown(a: Area, by: number): Area {
  return { left: a.left - by, top: a.top - by, right: a.right + by, bottom: a.bottom + by };
}

function clipTo(ctx: Ctx, r: Area): void {
  // chart.js' clipArea, without its save.
  ctx.beginPath();
  ctx.rect(r.left, r.top, r.right - r.left, r.bottom - r.top);
  ctx.clip();
}

/**
 * chart.js' fastPathSegment for one open segment of points start..end-1: points whose x
 * truncates to the same pixel column are merged into a vertical stroke at their mean x.
 */
function fastPath(ctx: Ctx, xs: Float64Array, ys: Float64Array, start: number, end: number): void {
  let avgX = 0;
  let countX = 0;
  let prevX: number | undefined;
  let minY = 0;
  let maxY = 0;
  let lastY = 0;
  const drawX = () => {
    if (minY !== maxY) {
      ctx.lineTo(avgX, maxY);
      ctx.lineTo(avgX, minY);
      ctx.lineTo(avgX, lastY);
    }
  };
  ctx.moveTo(xs[start] ?? 0, ys[start] ?? 0);
  for (let i = start; i < end; i++) {
    const x = xs[i] ?? 0;
    const y = ys[i] ?? 0;
    const truncX = x | 0;
    if (truncX === prevX) {
      if (y < minY) minY = y;
      else if (y > maxY) maxY = y;
      avgX = (countX * avgX + x) / ++countX;
    } else {
      drawX();
      ctx.lineTo(x, y);
      prevX = truncX;
      countX = 0;
      minY = maxY = y;
    }
    lastY = y;
  }
  drawX();
}
