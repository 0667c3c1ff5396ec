// "did you mean": the closest known name to a misspelt one.

/** Edit distance (Levenshtein) between two short strings. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
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
