// Series that are computed rather than read: formulas over other indicators, and
// headline totals by an explicit `aggregate:` rule (a sum for counts; numerator over
// denominator for percentages, as DHIS2 and Akvo RSR do; never a mean of percentages).
import { comparePeriods, type Period } from '../periods/period.js';
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import { allSeries, dimsKey, dimsLabel } from '../data/indicator-data.js';
import { computeMessages as m } from '../messages/compute.js';
import type { Localized } from '../messages/localized.js';
import type { ParsedFormula } from '../spec/formula.js';
import { evaluateFormulaAt } from './evaluate-formula.js';

interface Cell {
  value: number;
  source?: string;
}

/** Period id -> value, for aligning series on identical periods. */
function cellsByPeriod(s: BreakdownSeries): Map<string, Cell> {
  const m = new Map<string, Cell>();
  s.periods.forEach((p, i) => {
    const value = s.values[i] ?? Number.NaN; // NaN: missing, as in the series itself
    if (!Number.isNaN(value)) m.set(p.id, { value, source: s.sources[i] });
  });
  return m;
}

function unionPeriods(series: readonly BreakdownSeries[]): Period[] {
  const byId = new Map<string, Period>();
  for (const s of series) for (const p of s.periods) byId.set(p.id, p);
  return [...byId.values()].sort(comparePeriods);
}

function buildSeries(
  dims: Record<string, string>,
  file: string,
  origin: BreakdownSeries['origin'],
  rows: { period: Period; value?: number; source?: string; missing?: Localized }[],
): BreakdownSeries {
  return {
    dims,
    periods: rows.map((r) => r.period),
    values: Float64Array.from(rows, (r) => r.value ?? NaN),
    lines: new Int32Array(rows.length),
    sources: rows.map((r) => r.source),
    missingReasons: rows.map((r) => r.missing),
    file,
    origin,
  };
}

/**
 * A formula indicator, evaluated for the headline and for every breakdown that all its
 * inputs share, on the union of their periods; a period where an input has no value is
 * missing with that reason.
 */
export function computeFormulaSeries(
  indicatorId: string,
  file: string,
  formula: ParsedFormula,
  inputs: Record<string, IndicatorData>,
  inputIds: Record<string, string>,
): IndicatorData {
  const variables = formula.variables.map((name) => {
    const data = inputs[name];
    const id = inputIds[name];
    if (data === undefined || id === undefined) throw new Error(`internal: input ${name} of ${indicatorId} not given`);
    return { name, id, seriesByDims: new Map(allSeries(data).map((s) => [dimsKey(s.dims), s])) };
  });
  const out: BreakdownSeries[] = [];
  // The breakdowns every input has, in the order of the first input's.
  for (const [key, { dims }] of variables[0]?.seriesByDims ?? []) {
    const parts = variables.map(({ name, id, seriesByDims }) => {
      const series = seriesByDims.get(key);
      return series && { name, id, series, cells: cellsByPeriod(series) };
    });
    if (!parts.every((part) => part !== undefined)) continue;
    const label = dimsLabel(dims);
    const rows = unionPeriods(parts.map((part) => part.series)).map((period) => {
      const scope: Record<string, number | undefined> = Object.create(null); // inputs may be called `__proto__`
      for (const { name, cells } of parts) scope[name] = cells.get(period.id)?.value;
      const r = evaluateFormulaAt(formula, scope, (n) => `${n} (${inputIds[n]}${label ? `, ${label}` : ''})`);
      const source =
        `${formula.text}: ` +
        parts
          .map(({ name, id, cells }) => {
            const inputSource = cells.get(period.id)?.source;
            return `${name} = ${id}${inputSource ? ` (${inputSource})` : ''}`;
          })
          .join('; ');
      return 'value' in r ? { period, value: r.value, source } : { period, missing: r.missing, source };
    });
    out.push(buildSeries(dims, file, 'formula', rows));
  }
  const headline = out.find((s) => Object.keys(s.dims).length === 0);
  return { indicatorId, headline, breakdowns: out.filter((s) => s !== headline) };
}

/**
 * Headline = sum of the breakdowns, for counts; a period lacking a breakdown is missing.
 * For flows (`accumulation: sum`, FORMAT.md section 5) every value reported is added: a
 * period lacking a breakdown keeps the others' sum and names what it lacks (`incomplete`),
 * so the window holding it is incomplete while the running total loses nothing.
 */
export function sumOfBreakdowns(
  breakdowns: readonly BreakdownSeries[],
  file: string,
  options: { flows?: boolean; dims?: Record<string, string> } = {},
): BreakdownSeries {
  const members = breakdowns.map((b) => ({ dims: b.dims, cells: cellsByPeriod(b) }));
  const incomplete: (string[] | undefined)[] = [];
  const rows = unionPeriods(breakdowns).map((period) => {
    const lacking = members.filter((m) => !m.cells.has(period.id)).map((m) => dimsLabel(m.dims));
    const reported = members.map((m) => m.cells).filter((c) => c.has(period.id));
    if (lacking.length && !(options.flows && reported.length)) {
      incomplete.push(undefined);
      return { period, missing: m.sumLacksBreakdowns(lacking.join(', ')) };
    }
    incomplete.push(lacking.length ? lacking : undefined);
    const value = reported.reduce((sum, c) => sum + (c.get(period.id)?.value ?? 0), 0);
    return { period, value, source: `sum of ${reported.length} breakdowns` };
  });
  const out = buildSeries(options.dims ?? {}, file, 'aggregate-sum', rows);
  if (incomplete.some((x) => x !== undefined)) out.incomplete = incomplete;
  return out;
}

/**
 * Headline of a percentage = sum(numerators) / sum(denominators) x factor over the
 * breakdowns both share (Akvo RSR, DHIS2), never a mean of the breakdowns' percentages.
 */
export function ratioOfSums(
  numerator: IndicatorData,
  denominator: IndicatorData,
  factor: number,
  file: string,
  group?: Record<string, string>,
): BreakdownSeries {
  const dens = new Map(denominator.breakdowns.map((b) => [dimsKey(b.dims), b]));
  const inGroup = (b: BreakdownSeries) => !group || Object.entries(group).every(([k, v]) => b.dims[k] === v);
  const pairs = numerator.breakdowns.flatMap((n) => {
    const d = dens.get(dimsKey(n.dims));
    return d && inGroup(n) ? [{ numerator: n, denominator: d, num: cellsByPeriod(n), den: cellsByPeriod(d) }] : [];
  });
  const rows = unionPeriods(pairs.flatMap((pair) => [pair.numerator, pair.denominator])).map((period) => {
    if (pairs.length === 0) return { period, missing: m.ratioNoSharedBreakdown() };
    let num = 0;
    let den = 0;
    const lacking: string[] = [];
    for (const pair of pairs) {
      const n = pair.num.get(period.id);
      const d = pair.den.get(period.id);
      if (n && d) {
        num += n.value;
        den += d.value;
      } else lacking.push(dimsLabel(pair.numerator.dims));
    }
    if (lacking.length) return { period, missing: m.ratioLacksBreakdowns(lacking.join(', ')) };
    if (den === 0) return { period, missing: m.ratioDenominatorsZero() };
    return {
      period,
      value: (num / den) * factor,
      source: `sum of ${numerator.indicatorId} / sum of ${denominator.indicatorId} x ${factor}`,
    };
  });
  return buildSeries(group ?? {}, file, 'aggregate-ratio', rows);
}
