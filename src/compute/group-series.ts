// The total of a group of breakdowns a target names with only some of the breakdown
// columns (`for: { district: North }` of data by district and sex, FORMAT.md section 5),
// built by the indicator's own `aggregate:` rule: a sum for counts, numerator over
// denominator for percentages. Without a rule there is no total to judge.
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import type { Indicator } from '../spec/model.js';
import { ratioOfSums, sumOfBreakdowns } from './computed-series.js';

export const inGroup = (dims: Readonly<Record<string, string>>, group: Readonly<Record<string, string>>) =>
  Object.entries(group).every(([k, v]) => dims[k] === v);

/** The group's series, or undefined when the indicator has no rule to total breakdowns by. */
export function groupSeries(
  ind: Pick<Indicator, 'aggregate' | 'accumulation' | 'file'>,
  d: IndicatorData,
  group: Record<string, string>,
  data: ReadonlyMap<string, IndicatorData>,
): BreakdownSeries | undefined {
  const rule = ind.aggregate;
  if (rule === undefined || rule === 'none') return undefined;
  if (rule === 'sum') {
    const members = d.breakdowns.filter((b) => inGroup(b.dims, group));
    return sumOfBreakdowns(members, ind.file, { flows: ind.accumulation === 'sum', dims: group });
  }
  const num = data.get(rule.numerator);
  const den = data.get(rule.denominator);
  if (!num || !den) return undefined;
  return ratioOfSums(num, den, rule.factor, ind.file, group);
}
