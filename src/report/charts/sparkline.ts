// A sparkline: the small trend image of a Summary row, drawn straight on a canvas (no
// chart.js: it has no axis and no text). The observed values as a thin line with the
// latest one as a dot, the baseline as a ring, the target pursued as a dark diamond, on
// one shared scale, so a donor sees at a glance where the line heads and where it should.
import { createCanvas } from '@napi-rs/canvas';
import { INK, OKABE_ITO } from './style.js';
import { startPngEncode } from './png.js';

/** Size the Summary shows a sparkline at (pixels); it is drawn at twice that. */
export const SPARKLINE_WIDTH = 120;
export const SPARKLINE_HEIGHT = 30;
const SCALE = 2;

export interface SparkPoint {
  /** Time (fractional year). */
  x: number;
  y: number;
}

export interface SparklineSpec {
  /** Observed values up to as-of, in time order (missing values left out). */
  points: SparkPoint[];
  baseline?: SparkPoint;
  target?: SparkPoint;
}

/** Where each point lands on a canvas `width` x `height` with `pad` pixels around. */
export function sparklineLayout(
  spec: SparklineSpec,
  width: number,
  height: number,
  pad: number,
): { at: (p: SparkPoint) => [number, number] } {
  const all = [...spec.points, ...(spec.baseline ? [spec.baseline] : []), ...(spec.target ? [spec.target] : [])];
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of all) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  if (!(x1 > x0)) [x0, x1] = [x0 - 1, x0 + 1];
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  return {
    at: (p) => [
      pad + ((p.x - x0) / (x1 - x0)) * (width - 2 * pad),
      height - pad - ((p.y - y0) / (y1 - y0)) * (height - 2 * pad),
    ],
  };
}

/** The sparkline as a PNG (240 x 60 pixels, shown at 120 x 30). */
export async function renderSparkline(spec: SparklineSpec): Promise<Buffer> {
  const width = SPARKLINE_WIDTH * SCALE;
  const height = SPARKLINE_HEIGHT * SCALE;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = INK.background;
  ctx.fillRect(0, 0, width, height);
  const pad = 7 * SCALE;
  const { at } = sparklineLayout(spec, width, height, pad);

  if (spec.points.length > 1) {
    ctx.strokeStyle = OKABE_ITO.blue;
    ctx.lineWidth = 1.5 * SCALE;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    spec.points.forEach((p, i) => {
      const [x, y] = at(p);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
  }
  if (spec.baseline) {
    const [x, y] = at(spec.baseline);
    ctx.strokeStyle = INK.muted;
    ctx.lineWidth = 1 * SCALE;
    ctx.beginPath();
    ctx.arc(x, y, 3 * SCALE, 0, 2 * Math.PI);
    ctx.stroke();
  }
  if (spec.target) {
    const [x, y] = at(spec.target);
    const r = 4 * SCALE;
    ctx.fillStyle = INK.text;
    ctx.beginPath();
    ctx.moveTo(x, y - r);
    ctx.lineTo(x + r, y);
    ctx.lineTo(x, y + r);
    ctx.lineTo(x - r, y);
    ctx.closePath();
    ctx.fill();
  }
  const last = spec.points[spec.points.length - 1];
  if (last) {
    const [x, y] = at(last);
    ctx.fillStyle = OKABE_ITO.blue;
    ctx.beginPath();
    ctx.arc(x, y, 2.5 * SCALE, 0, 2 * Math.PI);
    ctx.fill();
  }
  return startPngEncode(canvas);
}
