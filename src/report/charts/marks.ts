// The marks of the charts: their sizes at a scale, and drawing the markers chart.js has
// no element for (the filled target star: chart.js' 'star' point style is an unfilled
// asterisk) or that are drawn outside a dataset (legend samples).

import { drawPoint } from 'chart.js/helpers';
import { INK, POINT_STYLE_SCALE, SIZES, type GroupPointStyle, type GroupStyle } from './style.js';
import type { Ctx } from './text.js';

export interface MarkSizes {
  actualLine: number;
  actualPoint: number;
  expectedLine: number;
  projectionLine: number;
  baselinePoint: number;
  baselineRing: number;
  targetStar: number;
  pointBorder: number;
}

/** Mark sizes of a chart drawn at scale s (1 at 1600 x 900). */
export function markSizes(s: number): MarkSizes {
  return {
    actualLine: SIZES.actualLine * s,
    actualPoint: SIZES.actualPoint * s,
    expectedLine: SIZES.expectedLine * s,
    projectionLine: SIZES.projectionLine * s,
    baselinePoint: SIZES.baselinePoint * s,
    baselineRing: SIZES.baselineRing * s,
    targetStar: SIZES.targetStar * s,
    pointBorder: 1.5 * s,
  };
}

/** Marks scaled by k, never below what still reads (small-multiples panels, the panels' legend). */
export function scaleMarks(m: MarkSizes, k: number): MarkSizes {
  return {
    actualLine: Math.max(1.5, m.actualLine * k),
    actualPoint: Math.max(2.5, m.actualPoint * k),
    expectedLine: Math.max(1.25, m.expectedLine * k),
    projectionLine: Math.max(1.5, m.projectionLine * k),
    baselinePoint: Math.max(4.5, m.baselinePoint * k),
    baselineRing: Math.max(1.5, m.baselineRing * k),
    targetStar: Math.max(6, m.targetStar * k),
    pointBorder: Math.max(0.75, m.pointBorder * k),
  };
}

export function scaleDash(dash: number[], k: number): number[] {
  return dash.map((d) => Math.max(0.5, d * k));
}

/** Radius of the marker of an observed value (shapes scaled to look as large as the circle). */
export function actualPointRadius(st: GroupStyle, m: MarkSizes): number {
  return m.actualPoint * POINT_STYLE_SCALE[st.pointStyle];
}

export type Marker =
  | { kind: 'point'; style: GroupPointStyle; radius: number; border: number }
  | { kind: 'ring'; radius: number; width: number }
  | { kind: 'star'; radius: number };

/** Draws a marker centred on (x, y): chart.js' own point shapes, the baseline ring, the target star. */
export function drawMarker(ctx: Ctx, m: Marker, color: string, x: number, y: number, s: number): void {
  ctx.save();
  ctx.setLineDash([]);
  if (m.kind === 'point') {
    ctx.fillStyle = color;
    ctx.strokeStyle = INK.background;
    ctx.lineWidth = m.border;
    drawPoint(ctx as never, { pointStyle: m.style, radius: m.radius, borderWidth: m.border, rotation: 0 }, x, y);
  } else if (m.kind === 'ring') {
    drawRing(ctx, x, y, m.radius, m.width, color);
  } else {
    drawStar(ctx, x, y, m.radius, color, s);
  }
  ctx.restore();
}

/** Open circle (baseline): white inside, ring in the group's colour. */
export function drawRing(ctx: Ctx, x: number, y: number, r: number, width: number, color: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = INK.background;
  ctx.fill();
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
}

/** Filled five-pointed star with a thin white halo (targets). */
export function drawStar(ctx: Ctx, x: number, y: number, r: number, color: string, s: number): void {
  drawStars(ctx, [{ x, y, color }], r, s);
}

/** Angles of the star's ten corners, from the top, clockwise: [cos, sin] of each. */
const STAR_CORNERS = Array.from({ length: 10 }, (_, i) => {
  const a = -Math.PI / 2 + (i * Math.PI) / 5;
  return [Math.cos(a), Math.sin(a)] as const;
});

/**
 * Stars of radius r centred on the points, each drawn as drawStar draws it (halo, fill,
 * outline), one after the other; the state they share (no dash, round joins) is set once.
 */
export function drawStars(ctx: Ctx, stars: readonly { x: number; y: number; color: string }[], r: number, s: number) {
  if (stars.length === 0) return;
  ctx.save();
  ctx.setLineDash([]);
  ctx.lineJoin = 'round';
  const halo = Math.max(1.5, 2.5 * s);
  const outline = Math.max(0.75, 1 * s);
  for (const { x, y, color } of stars) {
    ctx.beginPath();
    STAR_CORNERS.forEach(([cos, sin], i) => {
      const rr = i % 2 === 0 ? r : r * 0.46;
      const px = x + rr * cos;
      const py = y + rr * sin + r * 0.08;
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
    ctx.closePath();
    ctx.lineWidth = halo;
    ctx.strokeStyle = INK.background;
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.fill();
    ctx.lineWidth = outline;
    ctx.strokeStyle = darkened(color);
    ctx.stroke();
  }
  ctx.restore();
}

/** Star outlines by fill colour. */
const darker = new Map<string, string>();

function darkened(color: string): string {
  let d = darker.get(color);
  if (d === undefined) {
    d = darken(color, 0.35);
    darker.set(color, d);
  }
  return d;
}

/** Mixes a #RRGGBB colour with black (amount 0..1). */
export function darken(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount));
  return `#${[ch(16), ch(8), ch(0)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
