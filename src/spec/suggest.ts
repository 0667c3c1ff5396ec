// "did you mean": the closest known name to a misspelt one.

/** Edit distance (Levenshtein) between two short strings. */
export function editDistance(a: string, b: string): number {
  // One row of the distance table at a time: row[j] is the distance from the first i
  // characters of a to the first j characters of b.
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const next = [i + 1];
    for (let j = 0; j < b.length; j++) {
      const substitution = cell(row, j) + (a.charCodeAt(i) === b.charCodeAt(j) ? 0 : 1);
      next.push(Math.min(cell(row, j + 1) + 1, cell(next, j) + 1, substitution));
    }
    row = next;
  }
  return cell(row, b.length);
}

/** A cell of the distance table, which always holds the columns the recurrence reads. */
function cell(row: readonly number[], j: number): number {
  const value = row[j];
  if (value === undefined) throw new Error(`internal: edit distance read column ${j} of ${row.length}`);
  return value;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The candidate closest to `name`, if it is close enough to be a likely misspelling. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(fold(name), fold(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = name.length >= 4 ? Math.max(2, Math.floor(name.length / 3)) : 1;
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** Up to `max` candidates, closest to `name` first (ties in the candidates' order), however far. */
export function closestNames(name: string, candidates: readonly string[], max = 3): string[] {
  const folded = fold(name);
  return candidates
    .map((c, i) => ({ c, i, d: editDistance(folded, fold(c)) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, max)
    .map((x) => x.c);
}
