// Per breakdown: the observations up to as-of, the baseline (given, or read from the
// data), and the targets resolved to absolute values from that breakdown's own baseline
// (percentage points are never confused with percent change).
import type { BreakdownSeries } from '../data/indicator-data.js';
import type { Period } from '../periods/period.js';
import type { BaselineDef, Indicator, TargetDef } from '../spec/model.js';
import type { TimedValue } from './method-types.js';
import { methodMessagesOf } from '../messages/methods.js';
import type { Locale } from '../spec/schema.js';

export interface ObservedPoint extends TimedValue {
  periodObj: Period;
  source?: string;
  line: number;
}

const EPS = 1e-9;

/** Non-missing values whose period has ended by the end of as-of, sorted by time. */
export function observationsUpTo(s: BreakdownSeries, asOf: Period): ObservedPoint[] {
  const out: ObservedPoint[] = [];
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i] ?? Number.NaN;
    const p = s.periods[i];
    if (p === undefined || Number.isNaN(v) || p.endYear > asOf.endYear + EPS) continue;
    out.push({
      period: p.id,
      time: p.mid,
      firstYear: p.firstYear,
      value: v,
      periodObj: p,
      source: s.sources[i],
      line: s.lines[i] ?? 0,
    });
  }
  return out;
}

export interface ResolvedBaseline {
  point?: TimedValue & { source?: string; from: 'file' | 'data' | 'first-observation' };
  /** Why there is none, or how it was chosen. */
  note?: string;
}

/**
 * The baseline of one breakdown. A value written in the indicator file is the headline's
 * baseline; breakdowns, and indicators whose baseline has no value, read it from the data
 * at the baseline period (or a survey round overlapping it). Without a `baseline:` block,
 * the first observation serves, and the note says so.
 */
export function resolveBaseline(
  def: BaselineDef | undefined,
  isHeadline: boolean,
  all: ObservedPoint[],
  locale?: Locale,
): ResolvedBaseline {
  const m = methodMessagesOf(locale);
  if (def && def.value !== undefined && isHeadline) {
    const p = def.period;
    return {
      point: { period: p.id, time: p.mid, firstYear: p.firstYear, value: def.value, source: def.source, from: 'file' },
    };
  }
  if (def) {
    const p = def.period;
    const exact = all.find((o) => o.period === p.id);
    const overlapping = all
      .filter((o) => o.periodObj.startYear < p.endYear - EPS && o.periodObj.endYear > p.startYear + EPS)
      .sort((a, b) => Math.abs(a.time - p.mid) - Math.abs(b.time - p.mid))[0];
    const hit = exact ?? overlapping;
    if (hit) {
      return {
        point: {
          period: hit.period,
          time: hit.time,
          firstYear: hit.firstYear,
          value: hit.value,
          source: hit.source,
          from: 'data',
        },
        note: hit.period === p.id ? undefined : m.baselineFromRound(p.id, hit.period),
      };
    }
    const near = nearestAround(all, p.mid);
    return { note: m.baselineNoValue(p.id, near) };
  }
  const first = all[0];
  if (!first) return { note: m.baselineNoneNoValues() };
  return {
    point: {
      period: first.period,
      time: first.time,
      firstYear: first.firstYear,
      value: first.value,
      source: first.source,
      from: 'first-observation',
    },
    note: m.baselineFirstObservation(first.period),
  };
}

function nearestAround(all: ObservedPoint[], t: number): string | undefined {
  const before = [...all].reverse().find((o) => o.time < t);
  const after = all.find((o) => o.time > t);
  const fmt = (o: ObservedPoint) => `${o.period} = ${o.value}`;
  return (
    [before, after]
      .filter((o): o is ObservedPoint => o !== undefined)
      .map(fmt)
      .join(', ') || undefined
  );
}

export interface ResolvedTarget extends TimedValue {
  /** End of the target period as a fractional year. */
  endTime: number;
  startTime: number;
  label?: string;
  /** How it was resolved: "29.5 - 5 pp", "given". */
  derivation: string;
  def: TargetDef;
}

export type TargetResolution = { target: ResolvedTarget } | { unresolved: string; def: TargetDef };

/** Resolves one target against a breakdown's baseline value. */
export function resolveTarget(
  def: TargetDef,
  baselineValue: number | undefined,
  unit: Indicator['unit'],
  locale?: Locale,
): TargetResolution {
  const m = methodMessagesOf(locale);
  const p = def.period;
  const make = (value: number, derivation: string): TargetResolution => ({
    target: {
      period: p.id,
      time: p.mid,
      firstYear: p.firstYear,
      value,
      endTime: p.endYear,
      startTime: p.startYear,
      label: def.label,
      derivation,
      def,
    },
  });
  if (def.value !== undefined) return make(def.value, 'given');
  const change = def.change;
  // The schema lets a target through only with a value or a change.
  if (change === undefined) throw new Error(`internal: target ${p.id} has neither a value nor a change`);
  if (baselineValue === undefined) return { unresolved: m.targetNeedsBaseline(p.id), def };
  switch (def.changeUnit) {
    case 'pp':
      return make(round12(baselineValue + change), m.derivation(baselineValue, change, 'pp', false));
    case 'unit':
      return make(round12(baselineValue + change), m.derivation(baselineValue, change, 'unit', unit === 'percent'));
    case 'percent':
      if (baselineValue === 0) return { unresolved: m.targetPercentOfZero(p.id, change), def };
      return make(round12(baselineValue * (1 + change / 100)), m.derivation(baselineValue, change, 'percent', false));
    default:
      return { unresolved: m.targetWithoutUnit(p.id), def };
  }
}

/** Removes binary noise from decimal arithmetic: 29.5 - 5 is 24.5, not 24.499999999999996. */
export const round12 = (x: number) => Number.parseFloat(x.toPrecision(12));

/**
 * The target being pursued at as-of: the first dated on or after it, or the last one
 * when all are past (FORMAT.md section 3).
 */
export function pursuedTarget<T extends { time: number; endTime: number }>(
  targets: readonly T[],
  asOf: Period,
): T | undefined {
  return targets.find((t) => t.endTime >= asOf.endYear - EPS) ?? targets[targets.length - 1];
}
