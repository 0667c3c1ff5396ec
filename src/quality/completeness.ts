// Completeness: the periods an indicator's frequency expects between its first and last
// value that have no value (reported missing, or absent from the file).
import type { BreakdownSeries } from '../data/indicator-data.js';
import { kindOfFrequency, periodsBetween, type Frequency, type Period } from '../periods/period.js';

export interface Completeness {
  expected: number;
  observed: number;
  missing: string[];
}

/**
 * Position of a period in its kind's sequence (months since year 0, quarters...), read
 * from its ISO start date: counting a national programme's 1.2 million periods through
 * date arithmetic would take seconds.
 */
function ordinal(p: Period): number | undefined {
  const year = Number(p.start.slice(0, 4));
  const month = Number(p.start.slice(5, 7));
  switch (p.kind) {
    case 'month':
      return year * 12 + month - 1;
    case 'quarter':
      return year * 4 + Math.floor((month - 1) / 3);
    case 'semester':
      return year * 2 + (month <= 6 ? 0 : 1);
    case 'year':
      return year;
    default:
      return undefined;
  }
}

export function completeness(s: BreakdownSeries, frequency: Frequency): Completeness | undefined {
  const kind = kindOfFrequency(frequency);
  const present = s.periods.filter((p, i) => p.kind === kind && !Number.isNaN(s.values[i] ?? Number.NaN));
  const first = present[0];
  const last = present.at(-1);
  if (!kind || first === undefined || last === undefined) return undefined;
  const a = ordinal(first);
  const b = ordinal(last);
  if (a === undefined || b === undefined) {
    const all = periodsBetween(first, last);
    const have = new Set(present.map((p) => p.id));
    const missing = all.filter((p) => !have.has(p.id)).map((p) => p.id);
    return { expected: all.length, observed: all.length - missing.length, missing };
  }
  const have = new Set(present.map(ordinal));
  const expected = b - a + 1;
  if (have.size === expected) return { expected, observed: expected, missing: [] };
  const missing: string[] = [];
  for (let o = a; o <= b; o++) if (!have.has(o)) missing.push(idOfOrdinal(kind, o));
  return { expected, observed: expected - missing.length, missing };
}

/** The canonical id of the period at an ordinal (inverse of `ordinal`). */
function idOfOrdinal(kind: string, o: number): string {
  switch (kind) {
    case 'month':
      return `${Math.floor(o / 12)}-${String((o % 12) + 1).padStart(2, '0')}`;
    case 'quarter':
      return `${Math.floor(o / 4)}-Q${(o % 4) + 1}`;
    case 'semester':
      return `${Math.floor(o / 2)}-S${(o % 2) + 1}`;
    default:
      return String(o);
  }
}
