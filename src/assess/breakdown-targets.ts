// Which targets a result pursues (FORMAT.md section 5, "Targets and breakdowns"). A
// national rate is a norm for every district, so an absolute target of an intensive
// measure (percent, rate or ratio, at `level`) applies to every breakdown; a count's or
// an amount's target (500 people trained) is the headline's only, and its breakdowns
// have none unless a target names them with `for:`. Relative targets are resolved per
// breakdown from its own baseline, as always.
import type { Indicator, TargetDef } from '../spec/model.js';

/** Whether a measure is intensive: the same target makes sense for a part as for the whole. */
export function isIntensive(ind: Pick<Indicator, 'unit' | 'accumulation'>): boolean {
  return (ind.unit === 'percent' || ind.unit === 'rate' || ind.unit === 'ratio') && ind.accumulation === 'level';
}

/** The breakdown a key names: exactly these columns with these values. */
export function sameBreakdown(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

/** The targets that apply to one result: the headline (dims {}), a breakdown, or a group total. */
export function targetsOf(ind: Indicator, dims: Readonly<Record<string, string>>): TargetDef[] {
  const headline = Object.keys(dims).length === 0;
  return ind.targets.filter((t) => {
    if (t.for) return sameBreakdown(t.for, dims);
    if (headline) return true;
    return t.change !== undefined || isIntensive(ind);
  });
}

/** The life-of-programme target given for a result, if any. */
export function lopTargetOf(ind: Indicator, dims: Readonly<Record<string, string>>): number | undefined {
  const lop = ind.lopTarget;
  if (!lop || ind.accumulation === 'level') return undefined;
  if (Object.keys(dims).length === 0) return lop.total;
  return lop.by.find((b) => sameBreakdown(b.for, dims))?.value;
}

/**
 * The group totals the indicator's targets name with only some of the breakdown columns
 * (`for: { district: North }` of data by district and sex), each once, in file order.
 */
export function targetGroups(ind: Indicator, breakdownColumns: readonly string[]): Record<string, string>[] {
  const keys = [...ind.targets.flatMap((t) => (t.for ? [t.for] : [])), ...(ind.lopTarget?.by.map((b) => b.for) ?? [])];
  const out: Record<string, string>[] = [];
  for (const key of keys) {
    const names = Object.keys(key);
    const partial = names.length > 0 && names.length < breakdownColumns.length;
    if (partial && names.every((n) => breakdownColumns.includes(n)) && !out.some((o) => sameBreakdown(o, key)))
      out.push(key);
  }
  return out;
}
