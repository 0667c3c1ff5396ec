// Places text labels next to anchors (targets, baselines, latest values) without overlap:
// for each label, candidate boxes around its anchor (8 directions, rings further out)
// are scored against the image bounds, labels already placed, markers and lines, and the
// best is kept. Markers and line segments sit in a uniform grid so that a candidate is
// checked only against what lies near it (a 5-group monthly chart has ~300 segments: a
// plain scan made placement quadratic and took 40 ms a chart), and the search stops at
// the first ring that cannot beat the best candidate so far.

import { clamp, type Rect } from './layout.js';
import type { PixelPoint } from './scales.js';
import { type Ctx, textWidth } from './text.js';
import { fontString } from './font.js';

export type Dir = 'E' | 'W' | 'N' | 'S' | 'NE' | 'NW' | 'SE' | 'SW';
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

export interface LabelRequest {
  text: string;
  anchor: PixelPoint;
  /** Radius of the anchor's marker: the label keeps clear of it. */
  clearance: number;
  color: string;
  prefer: Dir[];
  /** Index in the obstacle list of the anchor's own marker (not an obstacle for it). */
  obstacle: number;
}

export interface Placement {
  text: string;
  box: Rect;
  anchor: PixelPoint;
  clearance: number;
  color: string;
  leader: boolean;
}

const RINGS = 8;
/**
 * Score of a candidate: hard conflicts dominate, then leader lines through markers, lines
 * crossed, distance, preference.
 */
const W_HARD = 1000;
const W_OFF_IMAGE = 100_000;
const W_LEADER = 40;
const W_CROSSING = 6;
const W_RING = 2.5;
const W_PREFER = 0.4;

/**
 * Places the labels in order (earlier requests win the better spots).
 * @param bounds where labels should stay (the plot area)
 * @param image where labels must stay (the canvas): leaving it cuts the text
 */
export function placeLabels(
  ctx: Ctx,
  requests: LabelRequest[],
  bounds: Rect,
  image: Rect,
  obstacles: Rect[],
  segments: [PixelPoint, PixelPoint][],
  size: number,
  s: number,
): Placement[] {
  ctx.font = fontString(size, 600);
  const placed: Placement[] = [];
  const padX = 4 * s;
  const h = size * 1.3;
  const margin = 3 * s;
  const cell = Math.max(24, 48 * s);
  const obstacleIndex = new GridIndex<Rect>(image, cell);
  for (const [i, o] of obstacles.entries()) obstacleIndex.insert(i, o, o.x, o.y, o.x + o.w, o.y + o.h);
  const segmentIndex = new GridIndex<[PixelPoint, PixelPoint]>(image, cell);
  for (const [i, segment] of segments.entries()) {
    const [a, b] = segment;
    segmentIndex.insert(i, segment, Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y));
  }
  const obstacleMargin = 1 * s;

  for (const req of requests) {
    const w = textWidth(ctx, req.text) + 2 * padX;
    let best: { box: Rect; score: number; ring: number } | undefined;
    for (let ring = 0; ring < RINGS; ring++) {
      // No candidate of this ring or a further one can score below ring * W_RING.
      if (best && best.score <= ring * W_RING) break;
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
        const floor = ring * W_RING + k * W_PREFER;
        if (best && floor >= best.score) return;
        let score = floor;
        if (!inside(box, image)) score += W_OFF_IMAGE;
        if (!inside(box, bounds)) score += W_HARD;
        for (const pl of placed) if (overlaps(box, pl.box, margin)) score += W_HARD;
        obstacleIndex.query(
          box.x - obstacleMargin,
          box.y - obstacleMargin,
          box.x + box.w + obstacleMargin,
          box.y + box.h + obstacleMargin,
          (o, idx) => {
            if (idx !== req.obstacle && overlaps(box, o, obstacleMargin)) score += W_HARD;
          },
        );
        if (best && score >= best.score) return;
        segmentIndex.query(box.x, box.y, box.x + box.w, box.y + box.h, ([a, b]) => {
          if (segmentHitsRect(a, b, box)) score += W_CROSSING;
        });
        // A leader line (drawn from ring 1 on) must not run through another marker.
        if (ring >= 1 && (!best || score < best.score)) {
          const end = nearestPointOnRect(req.anchor, box);
          const a = req.anchor;
          obstacleIndex.query(
            Math.min(a.x, end.x),
            Math.min(a.y, end.y),
            Math.max(a.x, end.x),
            Math.max(a.y, end.y),
            (o, idx) => {
              if (idx !== req.obstacle && segmentHitsRect(a, end, o)) score += W_LEADER;
            },
          );
        }
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

export function drawAnnotations(ctx: Ctx, placements: Placement[], size: number, s: number): void {
  ctx.save();
  ctx.font = fontString(size, 600);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
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

/** Uniform grid of cells over an area; items are registered in every cell their box touches. */
class GridIndex<T> {
  private readonly cells: { id: number; item: T }[][];
  private readonly cols: number;
  private readonly rows: number;
  private stamp: Int32Array = new Int32Array(0);
  private visit = 0;

  constructor(
    private readonly area: Rect,
    private readonly cell: number,
  ) {
    this.cols = Math.max(1, Math.ceil(area.w / cell));
    this.rows = Math.max(1, Math.ceil(area.h / cell));
    this.cells = Array.from({ length: this.cols * this.rows }, () => []);
  }

  private col(x: number): number {
    return clamp(Math.floor((x - this.area.x) / this.cell), 0, this.cols - 1);
  }

  private row(y: number): number {
    return clamp(Math.floor((y - this.area.y) / this.cell), 0, this.rows - 1);
  }

  /** The cell at a row and column (clamped into the grid by row() and col()). */
  private cellAt(r: number, c: number): { id: number; item: T }[] {
    const cell = this.cells[r * this.cols + c];
    if (cell === undefined) throw new Error(`internal: no cell ${r}, ${c} in a grid of ${this.rows} x ${this.cols}`);
    return cell;
  }

  /** Registers an item (`id`: its number, from 0) over the box from (x0, y0) to (x1, y1). */
  insert(id: number, item: T, x0: number, y0: number, x1: number, y1: number): void {
    if (id >= this.stamp.length) {
      const grown = new Int32Array(Math.max(64, id * 2 + 1));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    const entry = { id, item };
    const c1 = this.col(x1);
    const r1 = this.row(y1);
    for (let r = this.row(y0); r <= r1; r++) for (let c = this.col(x0); c <= c1; c++) this.cellAt(r, c).push(entry);
  }

  /** Calls f once with each item whose cells the box touches (a superset of the items it overlaps). */
  query(x0: number, y0: number, x1: number, y1: number, f: (item: T, id: number) => void): void {
    const mark = ++this.visit;
    const c0 = this.col(x0);
    const c1 = this.col(x1);
    const r1 = this.row(y1);
    for (let r = this.row(y0); r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const { id, item } of this.cellAt(r, c)) {
          if (this.stamp[id] === mark) continue;
          this.stamp[id] = mark;
          f(item, id);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Geometry

export function inside(r: Rect, b: Rect): boolean {
  return r.x >= b.x && r.y >= b.y && r.x + r.w <= b.x + b.w && r.y + r.h <= b.y + b.h;
}

export function overlaps(a: Rect, b: Rect, margin = 0): boolean {
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;
}

/** Whether segment a-b crosses rectangle r (Liang-Barsky clipping). */
export function segmentHitsRect(a: PixelPoint, b: PixelPoint, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const p0 = -dx;
  const p1 = dx;
  const p2 = -dy;
  const p3 = dy;
  const q0 = a.x - r.x;
  const q1 = r.x + r.w - a.x;
  const q2 = a.y - r.y;
  const q3 = r.y + r.h - a.y;
  for (let i = 0; i < 4; i++) {
    const p = i === 0 ? p0 : i === 1 ? p1 : i === 2 ? p2 : p3;
    const q = i === 0 ? q0 : i === 1 ? q1 : i === 2 ? q2 : q3;
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) {
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

export function nearestPointOnRect(p: PixelPoint, r: Rect): PixelPoint {
  return { x: clamp(p.x, r.x, r.x + r.w), y: clamp(p.y, r.y, r.y + r.h) };
}
