// Outliers per series: z = |x - mean| / population SD and modified z = 0.6745 |x - median| / MAD,
// flagged above 3.0 (DHIS2's defaults; the WHO data-quality app uses 2 SD moderate, 3 SD extreme).
export const OUTLIER_THRESHOLD = 3.0;

export interface OutlierScore {
  index: number;
  z: number | null;
  modifiedZ: number | null;
}

/** The median of sorted values (a typed array sorts numerically, without a comparator). */
const medianOfSorted = (s: Float64Array): number => {
  const upper = s[s.length >> 1];
  const lower = s[(s.length - 1) >> 1];
  if (upper === undefined || lower === undefined) throw new Error('internal: the median of no values');
  return s.length % 2 ? upper : (lower + upper) / 2;
};

/** Scores of the values flagged by either test (z or modified z above the threshold). */
export function outlierScores(values: ArrayLike<number>, threshold = OUTLIER_THRESHOLD): OutlierScore[] {
  // The observed values (NaN is missing), in their order; one typed array per series, not an object per value.
  const xs = Float64Array.from(values).filter((x) => !Number.isNaN(x));
  if (xs.length < 3) return [];
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let squares = 0;
  for (const x of xs) squares += (x - mean) ** 2;
  const sd = Math.sqrt(squares / xs.length);
  const med = medianOfSorted(xs.slice().sort());
  const mad = medianOfSorted(xs.map((x) => Math.abs(x - med)).sort());
  const out: OutlierScore[] = [];
  for (let index = 0; index < values.length; index++) {
    const x = values[index] ?? Number.NaN;
    if (Number.isNaN(x)) continue;
    const z = sd > 0 ? Math.abs(x - mean) / sd : null;
    const modifiedZ = mad > 0 ? (0.6745 * Math.abs(x - med)) / mad : null;
    if ((z !== null && z > threshold) || (modifiedZ !== null && modifiedZ > threshold))
      out.push({ index, z, modifiedZ });
  }
  return out;
}
