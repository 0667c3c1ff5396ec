// Capture groups as plain strings: a pattern's groups are `string | undefined` to the
// type checker, though a group outside any `?`, `*` or `|` takes part in every match.

/** n strings: Strings<2> is [string, string]. */
type Strings<N extends number, Acc extends string[] = []> = Acc['length'] extends N
  ? Acc
  : Strings<N, [...Acc, string]>;

/**
 * The first n capture groups of a pattern matched against a text, or undefined when the
 * pattern does not match. Every one of them must take part in every match: one that is
 * missing is a bug in the pattern, and throws.
 */
export function captures<N extends 1 | 2 | 3 | 4>(pattern: RegExp, text: string, n: N): Strings<N> | undefined {
  const m = pattern.exec(text);
  if (m === null) return undefined;
  const groups = m.slice(1, n + 1);
  if (groups.length !== n || groups.some((g) => g === undefined)) {
    throw new Error(`internal: ${pattern} does not capture ${n} groups in every match`);
  }
  return groups as Strings<N>;
}
