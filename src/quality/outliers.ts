// Outliers per series: z = |x - mean| / population SD and modified z = 0.6745 |x - median| / MAD,
// flagged above 3.0 (DHIS2's defaults; the WHO data-quality app uses 2 SD moderate, 3 SD extreme).
export const OUTLIER_THRESHOLD = 3.0;

export interface OutlierScore {
  index: number;
  z: number | null;
  modifiedZ: number | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Scores of the values flagged by either test (z or modified z above the threshold). */
export function outlierScores(values: ArrayLike<number>, threshold = OUTLIER_THRESHOLD): OutlierScore[] {
  const idx: number[] = [];
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++)
    if (!Number.isNaN(values[i])) {
      idx.push(i);
      xs.push(values[i]);
    }
  if (xs.length < 3) return [];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  const med = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - med)));
  const out: OutlierScore[] = [];
  xs.forEach((x, k) => {
    const z = sd > 0 ? Math.abs(x - mean) / sd : null;
    const modifiedZ = mad > 0 ? (0.6745 * Math.abs(x - med)) / mad : null;
    if ((z !== null && z > threshold) || (modifiedZ !== null && modifiedZ > threshold))
      out.push({ index: idx[k], z, modifiedZ });
  });
  return out;
}
