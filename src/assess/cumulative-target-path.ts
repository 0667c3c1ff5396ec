// The cumulative target path of a flow (FORMAT.md section 5): what the running total
// should be at any time. Each target is for its window (`{ period: 2024-Q1, value: 120 }`:
// 120 during that quarter), so by a time t the path is the sum of the targets of the
// windows ended by t plus the elapsed share, by time, of the window in progress.
//
// Windows may nest: quarterly targets inside an annual one, every target inside the
// life-of-programme (LOP) window. A nested target is a milestone of its parent, never
// counted twice: a parent adds only what it asks beyond its children, spread over the
// part of its window its children leave uncovered (over its whole window when they cover
// it). The LOP target is the total expected over the programme period; without one it is
// the sum of the windowed targets.
const EPS = 1e-9;

export interface WindowTarget {
  period: string;
  /** Window start and end (exclusive) as fractional years. */
  startYear: number;
  endYear: number;
  value: number;
}

export interface PathVertex {
  time: number;
  value: number;
}

export interface CumulativeTargetPath {
  /** The LOP target: the one given, else the sum of the windowed targets. */
  lop: number;
  lopGiven: boolean;
  /** The path's value at a time (fractional year). */
  valueAt(time: number): number;
  /** The corners of the path, in time order: it is a straight line between them. */
  vertices: PathVertex[];
}

interface Node {
  target: WindowTarget;
  children: Node[];
  /** max(own value, sum of the children's): what the running total reaches at the window's end. */
  effective: number;
  /** Added by this window beyond its children, and the intervals it is spread over. */
  own: number;
  spread: [number, number][];
}

const contains = (outer: WindowTarget, inner: WindowTarget) =>
  inner.startYear >= outer.startYear - EPS && inner.endYear <= outer.endYear + EPS;

/** Intervals of [a, b) not covered by the given intervals. */
function uncovered(a: number, b: number, covered: [number, number][]): [number, number][] {
  const sorted = [...covered].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  let at = a;
  for (const [s, e] of sorted) {
    if (s > at + EPS) out.push([at, Math.min(s, b)]);
    at = Math.max(at, e);
  }
  if (b > at + EPS) out.push([at, b]);
  return out.filter(([s, e]) => e - s > EPS);
}

function measure(intervals: [number, number][]): number {
  return intervals.reduce((sum, [s, e]) => sum + (e - s), 0);
}

/** Share of the intervals elapsed by time t. */
function elapsedShare(intervals: [number, number][], t: number): number {
  const total = measure(intervals);
  if (total <= 0) return t >= (intervals[0]?.[1] ?? Number.NaN) - EPS ? 1 : 0;
  let done = 0;
  for (const [s, e] of intervals) done += Math.max(0, Math.min(t, e) - s);
  return Math.min(1, done / total);
}

/** Nests the windows: each under the smallest window containing it (equal windows: the first is the parent). */
function nest(targets: readonly WindowTarget[]): Node[] {
  const nodes: Node[] = targets.map((target) => ({ target, children: [], effective: 0, own: 0, spread: [] }));
  // Longest first, so that a parent is placed before its children.
  const order = nodes
    .map((n, i) => ({ n, i }))
    .sort(
      (a, b) => b.n.target.endYear - b.n.target.startYear - (a.n.target.endYear - a.n.target.startYear) || a.i - b.i,
    )
    .map((x) => x.n);
  const roots: Node[] = [];
  const placed: Node[] = [];
  for (const n of order) {
    let parent: Node | undefined;
    for (const p of placed) {
      if (!contains(p.target, n.target)) continue;
      const span = (x: Node) => x.target.endYear - x.target.startYear;
      if (!parent || span(p) <= span(parent)) parent = p;
    }
    (parent ? parent.children : roots).push(n);
    placed.push(n);
  }
  return roots;
}

function settle(n: Node): void {
  for (const c of n.children) settle(c);
  const childrenTotal = n.children.reduce((sum, c) => sum + c.effective, 0);
  n.effective = Math.max(n.target.value, childrenTotal);
  n.own = n.effective - childrenTotal;
  const { startYear: a, endYear: b } = n.target;
  const free = uncovered(
    a,
    b,
    n.children.map((c) => [c.target.startYear, c.target.endYear]),
  );
  n.spread = free.length ? free : [[a, b]];
}

function flatten(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/**
 * The path of windowed targets, with the LOP target as the window of the programme
 * period when one is given.
 */
export function cumulativeTargetPath(
  targets: readonly WindowTarget[],
  lop?: { value: number; startYear: number; endYear: number },
): CumulativeTargetPath {
  const all: WindowTarget[] = lop
    ? [{ period: 'LOP', startYear: lop.startYear, endYear: lop.endYear, value: lop.value }, ...targets]
    : [...targets];
  const roots = nest(all);
  for (const r of roots) settle(r);
  const nodes = flatten(roots).filter((n) => n.own > 0);
  const valueAt = (t: number) => nodes.reduce((sum, n) => sum + n.own * elapsedShare(n.spread, t), 0);
  const times = [...new Set(nodes.flatMap((n) => n.spread.flat()))].sort((a, b) => a - b);
  const vertices = times.map((time) => ({ time, value: valueAt(time) }));
  const sumOfWindows = roots.reduce((sum, r) => sum + r.effective, 0);
  return { lop: lop ? lop.value : sumOfWindows, lopGiven: lop !== undefined, valueAt, vertices };
}
