// The rounding rule of every number the engine writes: 12 significant digits, which
// removes binary noise (24.499999999999996 -> 24.5) and keeps every digit a source gives.
export const OUTPUT_SIGNIFICANT_DIGITS = 12;

/** 10^k for k = 0..22: every one exact as a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** How far from a tie (x.5) a scaled value must be for its rounding to be trusted (see below). */
const TIE_MARGIN = 1e-3;

export function roundForOutput(x: number): number {
  // Fast path for the values data files hold (at most two decimals): such a value is the
  // double nearest m / 100 for a whole m of at most 12 digits, so it has at most 12
  // significant digits and rounds to itself. The test is exact (it checks the value,
  // not its digits); anything else, and zero (-0 is written 0), takes the general rule.
  const hundredths = x * 100;
  if (x !== 0 && Math.abs(hundredths) < 1e12 && Math.round(hundredths) / 100 === x) return x;
  const digits = twelveDigits(x);
  if (!Number.isNaN(digits)) return digits;
  return Number.isFinite(x) ? Number.parseFloat(x.toPrecision(OUTPUT_SIGNIFICANT_DIGITS)) : x;
}

/**
 * x to 12 significant digits by arithmetic, without the text toPrecision writes: n / 10^k,
 * with n the whole number of 12 digits nearest |x|·10^k. The product is off the exact
 * one by at most half a unit in its last place (1.2e-4 below 10^12), so away from a tie
 * Math.round finds the same n as the decimal rule; n and 10^k are exact doubles, and one
 * division of exact operands is correctly rounded: the double nearest the 12-digit
 * decimal, what parseFloat reads from toPrecision's text. NaN when the product is near
 * a tie or |x| is outside [1e-10, 1e11): the caller takes the text route.
 */
function twelveDigits(x: number): number {
  const a = Math.abs(x);
  if (!(a >= 1e-10 && a < 1e11)) return Number.NaN;
  let k = 11 - Math.floor(Math.log10(a));
  let scaled = a * (POWERS_OF_TEN[k] ?? Number.NaN);
  // log10 can be one off next to a power of ten.
  if (scaled >= 1e12) scaled = a * (POWERS_OF_TEN[--k] ?? Number.NaN);
  else if (scaled < 1e11) scaled = a * (POWERS_OF_TEN[++k] ?? Number.NaN);
  if (!(scaled >= 1e11 && scaled < 1e12)) return Number.NaN;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < TIE_MARGIN) return Number.NaN;
  const rounded = Math.round(scaled) / (POWERS_OF_TEN[k] ?? Number.NaN);
  return x < 0 ? -rounded : rounded;
}
