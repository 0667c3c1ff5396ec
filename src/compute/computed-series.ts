// Series that are computed rather than read: formulas over other indicators, and
// headline totals by an explicit `aggregate:` rule (a sum for counts; numerator over
// denominator for percentages, as DHIS2 and Akvo RSR do; never a mean of percentages).
import { comparePeriods, type Period } from '../periods/period.js';
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import { allSeries, dimsKey, dimsLabel } from '../data/indicator-data.js';
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
    if (!Number.isNaN(s.values[i])) m.set(p.id, { value: s.values[i], source: s.sources[i] });
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
  rows: { period: Period; value?: number; source?: string; missing?: string }[],
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
  const names = formula.variables;
  const seriesByDims = names.map((n) => new Map(allSeries(inputs[n]).map((s) => [dimsKey(s.dims), s])));
  const sharedKeys = names.length ? [...seriesByDims[0].keys()].filter((k) => seriesByDims.every((m) => m.has(k))) : [];
  const out: BreakdownSeries[] = [];
  for (const key of sharedKeys) {
    const parts = seriesByDims.map((m) => m.get(key)!);
    const cells = parts.map(cellsByPeriod);
    const rows = unionPeriods(parts).map((period) => {
      const scope: Record<string, number | undefined> = Object.create(null); // inputs may be called `__proto__`
      names.forEach((n, i) => {
        scope[n] = cells[i].get(period.id)?.value;
      });
      const r = evaluateFormulaAt(
        formula,
        scope,
        (n) => `${n} (${inputIds[n]}${dimsLabel(parts[0].dims) ? `, ${dimsLabel(parts[0].dims)}` : ''})`,
      );
      const source =
        `${formula.text}: ` +
        names
          .map(
            (n, i) =>
              `${n} = ${inputIds[n]}${cells[i].get(period.id)?.source ? ` (${cells[i].get(period.id)!.source})` : ''}`,
          )
          .join('; ');
      return 'value' in r ? { period, value: r.value, source } : { period, missing: r.missing, source };
    });
    out.push(buildSeries(parts[0].dims, file, 'formula', rows));
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
  const cells = breakdowns.map(cellsByPeriod);
  const incomplete: (string[] | undefined)[] = [];
  const rows = unionPeriods(breakdowns).map((period) => {
    const lacking = breakdowns.filter((_, i) => !cells[i].has(period.id)).map((b) => dimsLabel(b.dims));
    const reported = cells.filter((c) => c.has(period.id));
    if (lacking.length && !(options.flows && reported.length)) {
      incomplete.push(undefined);
      return { period, missing: `no value for ${lacking.join(', ')}, so the total cannot be summed` };
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
  const pairs = numerator.breakdowns
    .filter((b) => dens.has(dimsKey(b.dims)) && inGroup(b))
    .map((b) => [b, dens.get(dimsKey(b.dims))!] as const);
  const numCells = pairs.map(([n]) => cellsByPeriod(n));
  const denCells = pairs.map(([, d]) => cellsByPeriod(d));
  const rows = unionPeriods(pairs.flat()).map((period) => {
    const lacking = pairs
      .filter((_, i) => !numCells[i].has(period.id) || !denCells[i].has(period.id))
      .map(([n]) => dimsLabel(n.dims));
    if (pairs.length === 0) return { period, missing: 'numerator and denominator share no breakdown' };
    if (lacking.length) return { period, missing: `no numerator or denominator for ${lacking.join(', ')}` };
    const num = numCells.reduce((s, c) => s + c.get(period.id)!.value, 0);
    const den = denCells.reduce((s, c) => s + c.get(period.id)!.value, 0);
    if (den === 0) return { period, missing: 'the denominators sum to 0' };
    return {
      period,
      value: (num / den) * factor,
      source: `sum of ${numerator.indicatorId} / sum of ${denominator.indicatorId} x ${factor}`,
    };
  });
  return buildSeries(group ?? {}, file, 'aggregate-ratio', rows);
}
