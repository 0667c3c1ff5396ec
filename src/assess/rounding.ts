// The rounding rule of every number the engine writes: 12 significant digits, which
// removes binary noise (24.499999999999996 -> 24.5) and keeps every digit a source gives.
export const OUTPUT_SIGNIFICANT_DIGITS = 12;

export function roundForOutput(x: number): number {
  // Fast path for the values data files hold (at most two decimals): such a value is the
  // double nearest m / 100 for a whole m of at most 12 digits, so it has at most 12
  // significant digits and rounds to itself. The test is exact (it checks the value,
  // not its digits); anything else, and zero (-0 is written 0), takes the general rule.
  const hundredths = x * 100;
  if (x !== 0 && Math.abs(hundredths) < 1e12 && Math.round(hundredths) / 100 === x) return x;
  return Number.isFinite(x) ? Number.parseFloat(x.toPrecision(OUTPUT_SIGNIFICANT_DIGITS)) : x;
}
