// Outliers per series: z = |x - mean| / population SD and modified z = 0.6745 |x - median| / MAD,
// flagged above 3.0 (DHIS2's defaults; the WHO data-quality app uses 2 SD moderate, 3 SD extreme).
export const OUTLIER_THRESHOLD = 3.0;

export interface OutlierScore {
  index: number;
  z: number | null;
  modifiedZ: number | null;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const upper = s[s.length >> 1];
  const lower = s[(s.length - 1) >> 1];
  if (upper === undefined || lower === undefined) throw new Error('internal: the median of no values');
  return s.length % 2 ? upper : (lower + upper) / 2;
};

/** Scores of the values flagged by either test (z or modified z above the threshold). */
export function outlierScores(values: ArrayLike<number>, threshold = OUTLIER_THRESHOLD): OutlierScore[] {
  const observed = Array.from(values, (x, index) => ({ x, index })).filter(({ x }) => !Number.isNaN(x));
  if (observed.length < 3) return [];
  const xs = observed.map(({ x }) => x);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  const med = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - med)));
  const out: OutlierScore[] = [];
  for (const { x, index } of observed) {
    const z = sd > 0 ? Math.abs(x - mean) / sd : null;
    const modifiedZ = mad > 0 ? (0.6745 * Math.abs(x - med)) / mad : null;
    if ((z !== null && z > threshold) || (modifiedZ !== null && modifiedZ > threshold))
      out.push({ index, z, modifiedZ });
  }
  return out;
}
