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
  let prev: { index: number; value: number } | undefined;
  for (const [i, value] of Array.from(values).entries()) {
    if (Number.isNaN(value)) continue;
    if (prev && prev.value !== 0) {
      const change = (value - prev.value) / Math.abs(prev.value);
      if (Math.abs(change) > threshold) out.push({ from: prev.index, to: i, change });
    }
    prev = { index: i, value };
  }
  return out;
}
