// Binds an indicator's `series: { data, match }` to the series of its data source: the
// rows it matches, broken down by the source's other disaggregation columns, with the
// headline taken from the row the data marks as the total (never a mean of breakdowns).
//
// A match that leaves the indicator column out matches the indicator's own id when the
// file has that code (a single-indicator file with `indicator:` carries one code). A
// breakdown the file's format implied (an SDMX dimension) that holds one value among the
// matched series is no breakdown: FREQ = A in every row breaks nothing down.
import type { Localized, Text } from '../messages/localized.js';
import { specMessages } from '../messages/spec.js';
import type { Issue } from '../spec/issues.js';
import { issueError, issueWarning } from '../spec/issues.js';
import type { Indicator } from '../spec/model.js';
import type { DataSource } from '../spec/schema.js';
import * as dataMsg from '../messages/data.js';
import { closestName, closestNames } from '../spec/suggest.js';
import type { BreakdownSeries, IndicatorData } from './indicator-data.js';
import { dimsKey, dimsLabel } from './indicator-data.js';
import type { LoadedTable, Series } from './series.js';

/** Values that mark a headline total row when a data source names none. */
export const defaultTotalMarkers = [
  'total',
  'national',
  'nacional',
  'all',
  'todos',
  'todas',
  'both sexes',
  'ambos sexos',
  '_t', // SDMX: total
  '_z', // SDMX: not applicable
];

export function totalMarkersOf(source: DataSource, column: string): Set<string> {
  const given = source.totals?.[column];
  const list = given === undefined ? defaultTotalMarkers : Array.isArray(given) ? given : [given];
  return new Set(list.map((v) => v.trim().toLowerCase()));
}

/** The file column an indicator's match key refers to (`indicator` means the indicator column). */
export function matchColumnOf(key: string, indicatorColumn: string, columns: readonly string[]): string {
  if (columns.includes(key)) return key;
  if (key === 'indicator') return indicatorColumn;
  return key;
}

/** An index of a table's series by the value of its indicator column, built once per table. */
export class SeriesIndex {
  private readonly byCode = new Map<string, Series[]>();
  constructor(
    readonly table: LoadedTable,
    readonly indicatorColumn: string,
  ) {
    for (const s of table.series) {
      const code = s.keys[indicatorColumn] ?? '';
      const list = this.byCode.get(code);
      if (list) list.push(s);
      else this.byCode.set(code, [s]);
    }
  }
  candidates(code: string | undefined): readonly Series[] {
    return code === undefined ? this.table.series : (this.byCode.get(code) ?? []);
  }
  /** True when some series has this indicator code. */
  hasCode(code: string): boolean {
    return this.byCode.has(code);
  }
  /** The distinct values of a key column, in order of appearance. */
  valuesOf(column: string): string[] {
    if (column === this.indicatorColumn) return [...this.byCode.keys()];
    return [...new Set(this.table.series.map((s) => s.keys[column] ?? ''))];
  }
}

export interface BindContext {
  indicator: Indicator;
  source: DataSource;
  index: SeriesIndex;
  /** Line of the indicator's `series` key, for issues. */
}

export function bindSeries({ indicator, source, index }: BindContext): { data: IndicatorData; issues: Issue[] } {
  const issues: Issue[] = [];
  const table = index.table;
  const match = indicator.series?.match ?? {};
  const columns = table.keyColumns;
  const at = indicator.lineOf('series');
  const resolved: [string, string][] = [];
  for (const [key, value] of Object.entries(match)) {
    const column = matchColumnOf(key, index.indicatorColumn, columns);
    if (!columns.includes(column)) {
      issues.push(
        issueError(
          indicator.file,
          specMessages.matchColumnMissing(key, source.id, columns, closestName(key, columns)),
          at,
        ),
      );
    } else resolved.push([column, value.trim()]);
  }
  const empty: IndicatorData = { indicatorId: indicator.id, breakdowns: [] };
  if (issues.length) return { data: empty, issues };

  // A match without the indicator column: the indicator's own id, when the file has it.
  if (!resolved.some(([c]) => c === index.indicatorColumn) && index.hasCode(indicator.id))
    resolved.push([index.indicatorColumn, indicator.id]);
  const code = resolved.find(([c]) => c === index.indicatorColumn)?.[1];
  const matched = index.candidates(code).filter((s) => resolved.every(([c, v]) => (s.keys[c] ?? '').trim() === v));
  if (matched.length === 0) {
    issues.push(issueError(indicator.file, noMatchMessage(indicator.id, source.id, resolved, index), at));
    return { data: empty, issues };
  }

  const matchedColumns = new Set(resolved.map(([c]) => c));
  // Implied breakdowns holding one value among the matched series break nothing down.
  const implied = new Set(table.impliedDisaggregations ?? []);
  const breakdownColumns = table.disaggregations.filter(
    (c) => !matchedColumns.has(c) && !(implied.has(c) && new Set(matched.map((s) => s.keys[c] ?? '')).size === 1),
  );
  for (const c of table.disaggregations) if (!breakdownColumns.includes(c)) matchedColumns.add(c);
  const markers = new Map(breakdownColumns.map((c) => [c, totalMarkersOf(source, c)]));

  const byDims = new Map<string, { dims: Record<string, string>; series: Series; isTotalRow: boolean }>();
  for (const s of matched) {
    const dims: Record<string, string> = {};
    let anyTotal = false;
    for (const c of breakdownColumns) {
      const v = (s.keys[c] ?? '').trim();
      if (v === '' || markers.get(c)?.has(v.toLowerCase())) anyTotal = true;
      else dims[c] = v;
    }
    const key = dimsKey(dims);
    const prior = byDims.get(key);
    if (prior) {
      const differing = columns.filter(
        (c) => !matchedColumns.has(c) && !breakdownColumns.includes(c) && prior.series.keys[c] !== s.keys[c],
      );
      issues.push(
        issueError(
          indicator.file,
          `indicator \`${indicator.id}\` matches several series of \`${source.id}\` that ` +
            `differ only in ${differing.map((c) => `\`${c}\``).join(', ') || 'their total markers'} ` +
            `(${differing.map((c) => `${prior.series.keys[c]} / ${s.keys[c]}`).join(', ')}); ` +
            `add the column to \`match\` or to the data source's \`disaggregations\``,
          at,
        ),
      );
      continue;
    }
    byDims.set(key, { dims, series: s, isTotalRow: anyTotal });
  }

  let headline: BreakdownSeries | undefined;
  const breakdowns: BreakdownSeries[] = [];
  for (const { dims, series, isTotalRow } of byDims.values()) {
    const isHeadline = Object.keys(dims).length === 0;
    const b = toBreakdown(
      series,
      dims,
      table.file,
      isHeadline && (isTotalRow || breakdownColumns.length > 0) ? 'total-row' : 'data',
    );
    if (isHeadline) headline = b;
    else breakdowns.push(b);
  }
  const sortKeys = new Map(breakdowns.map((b) => [b, dimsKey(b.dims)]));
  breakdowns.sort((a, b) => ((sortKeys.get(a) ?? '') < (sortKeys.get(b) ?? '') ? -1 : 1));
  if (!headline && breakdowns.length && !indicator.aggregate) {
    issues.push(issueWarning(indicator.file, specMessages.noHeadlineTotal(indicator.id, breakdownColumns), at));
  }
  const bound = headline ? [headline, ...breakdowns] : breakdowns;
  const empties = bound.filter((b) => !hasValue(b.values));
  if (empties.length)
    issues.push(
      issueWarning(
        indicator.file,
        specMessages.seriesWithoutValues(
          indicator.id,
          source.id,
          empties.map((b) => dimsLabel(b.dims)),
          bound.length,
        ),
        at,
      ),
    );
  // Series of a file often share their periods' array (finish-series.ts): each array is looked at once.
  const periodLists = new Set(bound.map((b) => b.periods));
  if (indicator.frequency !== 'irregular' && [...periodLists].some((periods) => periods.some((p) => p.kind === 'day')))
    issues.push(issueWarning(indicator.file, specMessages.daysNotMapped(indicator.id, indicator.frequency), at));
  return { data: { indicatorId: indicator.id, headline, breakdowns }, issues };
}

/** Whether some value is not missing. */
function hasValue(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) return true;
  return false;
}

/** No series matches: say which match value the file does not hold, and its closest values. */
function noMatchMessage(
  id: string,
  sourceId: string,
  resolved: readonly [string, string][],
  index: SeriesIndex,
): Localized {
  for (const [column, value] of resolved) {
    const values = index.valuesOf(column);
    if (values.includes(value)) continue;
    return specMessages.noMatchingValue(
      id,
      sourceId,
      column,
      value,
      closestNames(value, values),
      values.length,
      closestName(value, values),
    );
  }
  return specMessages.noMatchingRows(id, sourceId, Object.fromEntries(resolved));
}

function toBreakdown(
  s: Series,
  dims: Record<string, string>,
  file: string,
  origin: BreakdownSeries['origin'],
): BreakdownSeries {
  const missingReasons = missingReasonsOf(s);
  // The file's arrays themselves, not copies: nothing changes a series once read, and a
  // national programme's 1.2 million points are not held twice.
  // Written out rather than spread: a literal with a spread in its middle is built slowly.
  const { periods, values, lines, sources, notes } = s;
  return notes
    ? { dims, periods, values, notes, lines, sources, missingReasons, file, origin }
    : { dims, periods, values, lines, sources, missingReasons, file, origin };
}

/** All-undefined reasons by length, shared by the series that miss no value (frozen: never written). */
const noReasons = new Map<number, readonly undefined[]>();

/** Why each value of a series is missing (the file marks it so), undefined where it is not. */
function missingReasonsOf(s: Series): readonly (Text | undefined)[] {
  const n = s.values.length;
  let first = 0;
  while (first < n && !Number.isNaN(s.values[first])) first++;
  if (first === n) {
    const known = noReasons.get(n);
    if (known) return known;
    const none = Object.freeze(new Array<undefined>(n).fill(undefined));
    noReasons.set(n, none);
    return none;
  }
  const reasons = new Array<Text | undefined>(n).fill(undefined);
  for (let i = first; i < n; i++) if (Number.isNaN(s.values[i])) reasons[i] = dataMsg.missingValueReason(s.notes?.[i]);
  return reasons;
}
