// Chart jobs as they are sent to a worker thread (render-pool.ts, render-worker.ts).
//
// A small-multiples spec of the national programme holds 50 panels x 2 groups x ~64
// points, each an object with a period label: posting it to a worker took ~5 ms of
// structured cloning on the main thread and ~5 ms of decoding on the worker (of ~85 ms a
// chart), on the same two cores that draw. The small multiples draw only the points'
// coordinates (not their period labels or target names: those are the trajectory chart's
// annotations), so the panels' points go over as one Float64Array of x, y pairs, moved
// rather than copied, and the worker rebuilds the points. Trajectory charts, a few per
// report, go as they are.

import type { ChartGroup, ChartPoint, ChartSpec, SmallMultiplesSpec } from './chart-spec.js';

/** A small-multiples spec with its panels' points packed. */
export interface PackedSmallMultiples {
  /** The spec without its panels. */
  frame: Omit<SmallMultiplesSpec, 'panels'>;
  /** Each panel's title and its groups' labels. */
  panels: { title: string; groups: string[] }[];
  /**
   * For each group of each panel in turn: how many actual points, targets, expected-path
   * points and projection points it has (-1: no path at all), and 1 if it has a baseline.
   */
  counts: Int32Array;
  /** The groups' points in the same order (actual, targets, expected path, projection, baseline): x, y, x, y... */
  coords: Float64Array;
}

/** A chart job as posted to a worker. */
export type WireJob =
  | { kind: 'trajectory'; spec: ChartSpec }
  | { kind: 'small-multiples'; packed: PackedSmallMultiples };

const COUNTS_PER_GROUP = 5;

/** Packs the panels' points of a small-multiples spec (only what the drawing reads). */
export function packSmallMultiples(spec: SmallMultiplesSpec): PackedSmallMultiples {
  const { panels, ...frame } = spec;
  let groups = 0;
  let points = 0;
  for (const panel of panels) {
    for (const g of panel.groups) {
      groups++;
      points +=
        g.actual.length +
        g.targets.length +
        (g.expectedPath?.length ?? 0) +
        (g.projection?.length ?? 0) +
        (g.baseline ? 1 : 0);
    }
  }
  const counts = new Int32Array(groups * COUNTS_PER_GROUP);
  const coords = new Float64Array(points * 2);
  let c = 0;
  let at = 0;
  const put = (list: readonly ChartPoint[]) => {
    for (const p of list) {
      coords[at++] = p.x;
      coords[at++] = p.y;
    }
  };
  for (const panel of panels) {
    for (const g of panel.groups) {
      counts[c++] = g.actual.length;
      counts[c++] = g.targets.length;
      counts[c++] = g.expectedPath ? g.expectedPath.length : -1;
      counts[c++] = g.projection ? g.projection.length : -1;
      counts[c++] = g.baseline ? 1 : 0;
      put(g.actual);
      put(g.targets);
      if (g.expectedPath) put(g.expectedPath);
      if (g.projection) put(g.projection);
      if (g.baseline) put([g.baseline]);
    }
  }
  return {
    frame,
    panels: panels.map((p) => ({ title: p.title, groups: p.groups.map((g) => g.label) })),
    counts,
    coords,
  };
}

/** The spec again, its points without period labels (and targets without names): the small multiples draw none. */
export function unpackSmallMultiples(packed: PackedSmallMultiples): SmallMultiplesSpec {
  const { counts, coords } = packed;
  let c = 0;
  let at = 0;
  const count = () => counts[c++] ?? 0;
  const take = (n: number): ChartPoint[] => {
    const out: ChartPoint[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = { x: coords[at++] ?? Number.NaN, y: coords[at++] ?? Number.NaN, label: '' };
    }
    return out;
  };
  const panels = packed.panels.map((panel) => ({
    title: panel.title,
    groups: panel.groups.map((label): ChartGroup => {
      const [nActual, nTargets, nExpected, nProjection, nBaseline] = [count(), count(), count(), count(), count()];
      const group: ChartGroup = {
        label,
        actual: take(nActual),
        targets: take(nTargets).map((t) => ({ ...t, name: '' })),
      };
      if (nExpected >= 0) group.expectedPath = take(nExpected);
      if (nProjection >= 0) group.projection = take(nProjection);
      if (nBaseline > 0) group.baseline = take(1)[0];
      return group;
    }),
  }));
  return { ...packed.frame, panels };
}

/** The arrays a packed spec can hand over to the worker instead of copying. */
export function transferablesOf(job: WireJob): ArrayBuffer[] {
  if (job.kind !== 'small-multiples') return [];
  const buffers = [job.packed.counts.buffer, job.packed.coords.buffer];
  return buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
