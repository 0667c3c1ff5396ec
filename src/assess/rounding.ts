// The rounding rule of every number the engine writes: 12 significant digits, which
// removes binary noise (24.499999999999996 -> 24.5) and keeps every digit a source gives.
export const OUTPUT_SIGNIFICANT_DIGITS = 12;

export function roundForOutput(x: number): number {
  return Number.isFinite(x) ? Number.parseFloat(x.toPrecision(OUTPUT_SIGNIFICANT_DIGITS)) : x;
}
