// Two sources, one indicator: where indicators that measure the same thing (`compare:`)
// give a value for the same period and breakdown, both values side by side with the
// difference; and where a value of one appears in the other under another period
// (INEI's 14.4 % is its 2015 figure, quoted for 2016).
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import { allSeries, dimsKey } from '../data/indicator-data.js';

export interface SourceComparison {
  indicator: string;
  other: string;
  disaggregation: Record<string, string>;
  period: string;
  value: number;
  /** The other indicator's value for the same period, or null. */
  otherValue: number | null;
  difference: number | null;
  /** The other source's nearest period and value when it has none for this period. */
  nearest?: { period: string; value: number };
  /** Periods where the other source gives exactly this value. */
  sameValueIn: string[];
}

function observed(s: BreakdownSeries) {
  return s.periods.map((p, i) => ({ p, v: s.values[i] ?? Number.NaN })).filter((o) => !Number.isNaN(o.v));
}

export function compareSources(a: IndicatorData, b: IndicatorData): SourceComparison[] {
  const out: SourceComparison[] = [];
  const others = new Map(allSeries(b).map((s) => [dimsKey(s.dims), s]));
  for (const s of allSeries(a)) {
    const o = others.get(dimsKey(s.dims));
    if (!o) continue;
    const theirs = observed(o);
    for (const { p, v } of observed(s)) {
      const same = theirs.find((t) => t.p.id === p.id);
      const sameValueIn = theirs.filter((t) => t.v === v && t.p.id !== p.id).map((t) => t.p.id);
      // Without a value for the same period, the other source's nearest value within
      // 1.5 years is shown, so "29.5 % in 2006" meets "29.2 % in 2005".
      const n =
        same || !theirs.length
          ? undefined
          : theirs.reduce((best, t) => (Math.abs(t.p.mid - p.mid) < Math.abs(best.p.mid - p.mid) ? t : best));
      const nearest = n && Math.abs(n.p.mid - p.mid) <= 1.5 ? { period: n.p.id, value: n.v } : undefined;
      if (!same && !nearest && sameValueIn.length === 0) continue;
      out.push({
        indicator: a.indicatorId,
        other: b.indicatorId,
        disaggregation: s.dims,
        period: p.id,
        value: v,
        otherValue: same ? same.v : null,
        difference: same ? Number.parseFloat((v - same.v).toPrecision(12)) : null,
        nearest,
        sameValueIn,
      });
    }
  }
  return out;
}
