// A series declared `accumulation: cumulative` holds running totals, which never go down
// (FORMAT.md section 5). A decrease between consecutive values is most often monthly
// flows declared cumulative by mistake: one warning per series, at the later value's line,
// naming both periods and suggesting `accumulation: sum`.
import { specMessages } from '../messages/spec.js';
import { issueWarning, type Issue } from '../spec/issues.js';
import type { Indicator } from '../spec/model.js';
import { allSeries, dimsLabel, type IndicatorData } from './indicator-data.js';

export function cumulativeDecreases(ind: Pick<Indicator, 'id' | 'accumulation'>, d: IndicatorData): Issue[] {
  if (ind.accumulation !== 'cumulative') return [];
  const issues: Issue[] = [];
  for (const s of allSeries(d)) {
    let previous = -1;
    let previousValue = Number.NaN;
    let first: { from: number; fromValue: number; to: number; toValue: number } | undefined;
    let count = 0;
    for (let i = 0; i < s.values.length; i++) {
      const value = s.values[i] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      if (previous >= 0 && value < previousValue) {
        count++;
        first ??= { from: previous, fromValue: previousValue, to: i, toValue: value };
      }
      previous = i;
      previousValue = value;
    }
    if (!first) continue;
    const { from, fromValue, to, toValue } = first;
    const fromPeriod = s.periods[from];
    const toPeriod = s.periods[to];
    if (!fromPeriod || !toPeriod) throw new Error(`internal: values of a series of ${s.file} without a period`);
    issues.push(
      issueWarning(
        s.file,
        specMessages.cumulativeDecrease(
          ind.id,
          dimsLabel(s.dims),
          fromPeriod.id,
          fromValue,
          toPeriod.id,
          toValue,
          count - 1,
        ),
        s.lines[to] || undefined,
      ),
    );
  }
  return issues;
}
