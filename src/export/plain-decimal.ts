// Numbers as IATI's rules want them (rule 8.8.2: `number(@value) = @value`): plain
// decimal strings, never an exponent (1e-7), a sign for zero, a percent sign or a
// thousands separator, which XPath's number() cannot read.

/** A finite number as a plain decimal string: 4300, 37.5, -0.25, 0.0000001. */
export function plainDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`internal: ${x} has no decimal form`);
  if (x === 0) return '0';
  const text = String(x);
  const exponent = text.indexOf('e');
  if (exponent < 0) return text;
  const negative = x < 0;
  const mantissa = text.slice(negative ? 1 : 0, exponent);
  const power = Number(text.slice(exponent + 1));
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Where the decimal point falls in `digits` once the exponent is applied.
  const at = (point < 0 ? mantissa.length : point) + power;
  let body: string;
  if (at <= 0) body = `0.${'0'.repeat(-at)}${digits}`;
  else if (at >= digits.length) body = digits + '0'.repeat(at - digits.length);
  else body = `${digits.slice(0, at)}.${digits.slice(at)}`;
  return `${negative ? '-' : ''}${body}`;
}
