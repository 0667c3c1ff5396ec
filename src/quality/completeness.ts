// Completeness: the periods an indicator's frequency expects between its first and last
// value that have no value (reported missing, or absent from the file).
import type { BreakdownSeries } from '../data/indicator-data.js';
import { kindOfFrequency, periodsBetween, type Frequency } from '../periods/period.js';

export interface Completeness {
  expected: number;
  observed: number;
  missing: string[];
}

export function completeness(s: BreakdownSeries, frequency: Frequency): Completeness | undefined {
  const kind = kindOfFrequency(frequency);
  const present = s.periods.filter((p, i) => p.kind === kind && !Number.isNaN(s.values[i]));
  if (!kind || present.length === 0) return undefined;
  const all = periodsBetween(present[0], present[present.length - 1]);
  const have = new Set(present.map((p) => p.id));
  const missing = all.filter((p) => !have.has(p.id)).map((p) => p.id);
  return { expected: all.length, observed: all.length - missing.length, missing };
}
