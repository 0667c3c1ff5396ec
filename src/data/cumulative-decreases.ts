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
    let first: { from: number; to: number } | undefined;
    let count = 0;
    for (let i = 0; i < s.values.length; i++) {
      if (Number.isNaN(s.values[i])) continue;
      if (previous >= 0 && s.values[i] < s.values[previous]) {
        count++;
        first ??= { from: previous, to: i };
      }
      previous = i;
    }
    if (!first) continue;
    const { from, to } = first;
    issues.push(
      issueWarning(
        s.file,
        specMessages.cumulativeDecrease(
          ind.id,
          dimsLabel(s.dims),
          s.periods[from].id,
          s.values[from],
          s.periods[to].id,
          s.values[to],
          count - 1,
        ),
        s.lines[to] || undefined,
      ),
    );
  }
  return issues;
}
