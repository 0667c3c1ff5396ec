// Year-on-year swings beyond +-33 % (WHO data-quality app, consistency over time):
// between consecutive observed values, the relative change.
export const SWING_THRESHOLD = 0.33;

export interface Swing {
  from: number;
  to: number;
  /** Relative change (to - from) / |from|. */
  change: number;
}

export function swings(values: ArrayLike<number>, threshold = SWING_THRESHOLD): Swing[] {
  const out: Swing[] = [];
  let prev = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    if (prev >= 0 && values[prev] !== 0) {
      const change = (values[i] - values[prev]) / Math.abs(values[prev]);
      if (Math.abs(change) > threshold) out.push({ from: prev, to: i, change });
    }
    prev = i;
  }
  return out;
}
