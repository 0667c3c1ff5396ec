// The pace a series has itself shown: the best change, in the desired direction, over
// any window of a given length. The SMART review's "Achievable" compares the pace a
// target requires with it.

export interface Point {
  time: number;
  value: number;
  period: string;
}

export interface BestPace {
  /** Best annual change in the desired direction (indicator units per year); negative if it only moved away. */
  perYear: number;
  /** Window length used, in years (shorter than asked when the series is shorter). */
  windowYears: number;
  from: Point;
  to: Point;
}

/** Linear interpolation of the series at time t (t within its span). */
function valueAt(points: readonly Point[], t: number): number {
  let a: Point | undefined;
  for (const b of points) {
    if (a && t <= b.time + 1e-9) return a.value + ((b.value - a.value) * (t - a.time)) / (b.time - a.time);
    a = b;
  }
  if (!a) throw new Error('internal: a value interpolated in a series of no points');
  return a.value;
}

/**
 * Best directional change per year over windows of `windowYears` starting at each
 * observation (the window's end interpolated between observations). When the series
 * spans less than the window, its whole span is the one window.
 */
export function bestHistoricalPace(
  points: readonly Point[],
  windowYears: number,
  direction: 1 | -1,
): BestPace | undefined {
  const pts = [...points].sort((a, b) => a.time - b.time);
  const first = pts[0];
  const last = pts.at(-1);
  if (pts.length < 2 || !first || !last) return undefined;
  const span = last.time - first.time;
  if (span <= 0) return undefined;
  const w = Math.min(windowYears, span);
  let best: BestPace | undefined;
  for (const start of pts) {
    const endTime = start.time + w;
    if (endTime > last.time + 1e-9) break;
    const endValue = valueAt(pts, endTime);
    const perYear = (direction * (endValue - start.value)) / w;
    if (!best || perYear > best.perYear) {
      const endPoint = pts.find((p) => Math.abs(p.time - endTime) < 1e-9) ?? {
        time: endTime,
        value: endValue,
        period: `${endTime.toFixed(1)} (interpolated)`,
      };
      best = { perYear, windowYears: w, from: start, to: endPoint };
    }
  }
  return best;
}
