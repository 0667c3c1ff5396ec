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
  let prevIndex = -1;
  let prevValue = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    if (prevIndex >= 0 && prevValue !== 0) {
      const change = (value - prevValue) / Math.abs(prevValue);
      if (Math.abs(change) > threshold) out.push({ from: prevIndex, to: i, change });
    }
    prevIndex = i;
    prevValue = value;
  }
  return out;
}
