// The chart.js datasets of chart groups, shared by the trajectory chart and the small-
// multiples panels. Each group has five datasets, always in this order and always present
// (empty when the group has no such data), so that a panel chart keeps its datasets from
// one panel to the next and only their data changes:
//   0 expected path (dashed), 1 projection (dotted), 2 baseline ring,
//   3 observed values (line, with a marker on each point unless the series is dense),
//   4 markers on the ends of a dense series.
// Stacking (chart.js draws the highest `order` first): expected paths at the bottom, then
// projections, baseline rings, observed values; within a role the first group is on top,
// and each group's markers are drawn right after its line. Target stars are not datasets:
// the melTargetStars plugin draws them on top (chartjs.ts).

import type { ChartGroup, ChartPoint } from './chart-spec.js';
import { FAST_DATASET, type LineDataset, type XY } from './chartjs.js';
import { actualPointRadius, scaleDash, type MarkSizes } from './marks.js';
import { DENSE_LINE_SCALE, DENSE_SERIES_POINTS, INK, type GroupStyle } from './style.js';

export const DATASETS_PER_GROUP = 5;

/** Keeps only points with finite coordinates (a spec may carry gaps as NaN), observed values in time order. */
export function cleanGroup(g: ChartGroup): ChartGroup {
  const ok = (p: ChartPoint) => Number.isFinite(p.x) && Number.isFinite(p.y);
  // The lists themselves when every point is finite (the usual case): nothing to copy.
  const finite = <T extends ChartPoint>(list: T[]) => (list.every(ok) ? list : list.filter(ok));
  const actual = finite(g.actual);
  const sorted = actual.every((p, i) => {
    const before = actual[i - 1];
    return before === undefined || before.x <= p.x;
  });
  return {
    label: g.label,
    actual: sorted ? actual : [...actual].sort((a, b) => a.x - b.x),
    baseline: g.baseline && ok(g.baseline) ? g.baseline : undefined,
    targets: finite(g.targets),
    expectedPath: g.expectedPath && finite(g.expectedPath),
    projection: g.projection && finite(g.projection),
  };
}

/** Calls f with every point of the group (actuals, baseline, targets, paths). */
export function forEachPoint(g: ChartGroup, f: (p: ChartPoint) => void): void {
  for (const p of g.actual) f(p);
  if (g.baseline) f(g.baseline);
  for (const p of g.targets) f(p);
  for (const p of g.expectedPath ?? []) f(p);
  for (const p of g.projection ?? []) f(p);
}

/** Values the indicator has (observed, baseline, targets): not the computed paths. */
export function dataValues(groups: ChartGroup[]): number[] {
  const out: number[] = [];
  for (const g of groups) {
    for (const p of g.actual) out.push(p.y);
    if (g.baseline) out.push(g.baseline.y);
    for (const t of g.targets) out.push(t.y);
  }
  return out;
}

/** Whether a series of n observed values is drawn dense (thin line, markers at its ends only). */
export function isDense(n: number): boolean {
  return n > DENSE_SERIES_POINTS;
}

/**
 * Width of a dense series' line: DENSE_LINE_SCALE of the observed-values line, or exactly
 * 1 px when it comes within 0.1 px of it (the small multiples' 1.5 px lines make 1.05 px).
 * Skia draws a line no wider than 1 px as a hairline, ~10x faster than a wider one, which
 * it outlines and fills: the 100 dense lines of a 50-panel image took ~8 of its ~50 ms of
 * CPU at 1.05 px, ~1 ms at 1 px, and the two look the same.
 */
export function denseLineWidth(actualLine: number): number {
  const width = actualLine * DENSE_LINE_SCALE;
  return Math.abs(width - 1) <= 0.1 ? 1 : width;
}

/** The observed values that get a marker: all of them, or in a dense series its first and last. */
export function markedPoints<T>(points: readonly T[]): T[] {
  if (!isDense(points.length)) return [...points];
  return points.filter((_, i) => i === 0 || i === points.length - 1);
}

export interface DatasetOptions {
  marks: MarkSizes;
  /** Scale of the dash patterns (panels use shorter dashes). */
  dashScale: number;
  /** Pixels beyond the plot area where lines and markers are still drawn. */
  clip: number;
}

/** No data. Frozen, so that chart.js does not attach its array listeners to this shared array. */
const EMPTY: XY[] = [];
Object.freeze(EMPTY);

/** The five datasets of the group with style `st` at position `index`, without data. */
export function groupDatasets(st: GroupStyle, index: number, o: DatasetOptions): LineDataset[] {
  const m = o.marks;
  const common = { ...FAST_DATASET, clip: o.clip, borderColor: st.color };
  const pointRadius = actualPointRadius(st, m);
  return [
    {
      ...common,
      label: `expected:${index}`,
      data: EMPTY,
      borderWidth: m.expectedLine,
      borderDash: scaleDash(st.expectedDash, o.dashScale),
      borderCapStyle: 'butt',
      borderJoinStyle: 'miter',
      pointRadius: 0,
      order: 400 + index,
    },
    {
      ...common,
      label: `projection:${index}`,
      data: EMPTY,
      borderWidth: m.projectionLine,
      borderDash: scaleDash(st.projectionDash, o.dashScale),
      borderCapStyle: 'round',
      borderJoinStyle: 'miter',
      pointRadius: 0,
      order: 300 + index,
    },
    {
      ...common,
      label: `baseline:${index}`,
      data: EMPTY,
      showLine: false,
      pointStyle: 'circle',
      pointRadius: m.baselinePoint,
      pointBorderWidth: m.baselineRing,
      pointBorderColor: st.color,
      pointBackgroundColor: INK.background,
      order: 200 + index,
    },
    {
      ...common,
      label: `actual:${index}`,
      data: EMPTY,
      borderWidth: m.actualLine,
      borderDash: st.actualDash,
      borderJoinStyle: 'round',
      borderCapStyle: 'round',
      pointStyle: st.pointStyle,
      pointRadius,
      pointBackgroundColor: st.color,
      pointBorderColor: INK.background,
      pointBorderWidth: m.pointBorder,
      order: 100 + 2 * index + 1,
    },
    {
      ...common,
      label: `ends:${index}`,
      data: EMPTY,
      showLine: false,
      pointStyle: st.pointStyle,
      pointRadius,
      pointBackgroundColor: st.color,
      pointBorderColor: INK.background,
      pointBorderWidth: m.pointBorder,
      order: 100 + 2 * index,
    },
  ];
}

/**
 * Puts group g's data into its five datasets (datasets[at] .. datasets[at + 4]); an
 * absent group empties them. A dense series gets a thinner line without markers, and
 * its first and last points go to the end-markers dataset.
 */
export function setGroupData(
  datasets: LineDataset[],
  at: number,
  g: ChartGroup | undefined,
  m: MarkSizes,
  st: GroupStyle,
): void {
  const path = (pts: ChartPoint[] | undefined): XY[] => (pts && pts.length > 1 ? pts : EMPTY);
  const actual = g?.actual ?? EMPTY;
  const dense = isDense(actual.length);
  const [expected, projection, baseline, line, ends] = datasets.slice(at, at + DATASETS_PER_GROUP);
  if (!expected || !projection || !baseline || !line || !ends) {
    throw new Error(`internal: no datasets ${at + 1} to ${at + DATASETS_PER_GROUP} of ${datasets.length}`);
  }
  expected.data = path(g?.expectedPath);
  projection.data = path(g?.projection);
  baseline.data = g?.baseline ? [g.baseline] : EMPTY;
  line.data = actual;
  line.borderWidth = dense ? denseLineWidth(m.actualLine) : m.actualLine;
  line.pointRadius = dense ? 0 : actualPointRadius(st, m);
  ends.data = dense ? markedPoints(actual) : EMPTY;
}

/** Datasets of all groups with their data (a trajectory chart, or a panel of the small multiples). */
export function chartDatasets(groups: ChartGroup[], styles: GroupStyle[], o: DatasetOptions): LineDataset[] {
  const out: LineDataset[] = [];
  styles.forEach((st, i) => {
    const ds = groupDatasets(st, i, o);
    setGroupData(ds, 0, groups[i], o.marks, st);
    out.push(...ds);
  });
  return out;
}
