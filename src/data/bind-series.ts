// Binds an indicator's `series: { data, match }` to the series of its data source: the
// rows it matches, broken down by the source's other disaggregation columns, with the
// headline taken from the row the data marks as the total (never a mean of breakdowns).
import { specMessages } from '../messages/spec.js';
import type { Issue } from '../spec/issues.js';
import { issueError, issueWarning } from '../spec/issues.js';
import type { Indicator } from '../spec/model.js';
import type { DataSource } from '../spec/schema.js';
import { closestName } from '../spec/suggest.js';
import type { BreakdownSeries, IndicatorData } from './indicator-data.js';
import { dimsKey } from './indicator-data.js';
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
];

export function totalMarkersOf(source: DataSource, column: string): Set<string> {
  const given = source.totals?.[column];
  const list = given === undefined ? defaultTotalMarkers : Array.isArray(given) ? given : [given];
  return new Set(list.map((v) => v.trim().toLowerCase()));
}

/** The file column an indicator's match key refers to (`indicator` means the indicator column). */
export function matchColumnOf(key: string, source: DataSource, columns: readonly string[]): string {
  if (columns.includes(key)) return key;
  const indicatorColumn = source.columns?.indicator ?? 'indicator';
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
      let list = this.byCode.get(code);
      if (!list) this.byCode.set(code, (list = []));
      list.push(s);
    }
  }
  candidates(code: string | undefined): readonly Series[] {
    return code === undefined ? this.table.series : (this.byCode.get(code) ?? []);
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
  const match = indicator.series!.match;
  const columns = table.keyColumns;
  const at = indicator.lineOf('series');
  const resolved: [string, string][] = [];
  for (const [key, value] of Object.entries(match)) {
    const column = matchColumnOf(key, source, columns);
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

  const code = resolved.find(([c]) => c === index.indicatorColumn)?.[1];
  const matched = index.candidates(code).filter((s) => resolved.every(([c, v]) => (s.keys[c] ?? '').trim() === v));
  if (matched.length === 0) {
    issues.push(issueError(indicator.file, specMessages.noMatchingRows(indicator.id, source.id, match), at));
    return { data: empty, issues };
  }

  const matchedColumns = new Set(resolved.map(([c]) => c));
  const breakdownColumns = source.disaggregations.filter((c) => !matchedColumns.has(c));
  const markers = new Map(breakdownColumns.map((c) => [c, totalMarkersOf(source, c)]));

  const byDims = new Map<string, { dims: Record<string, string>; series: Series; isTotalRow: boolean }>();
  for (const s of matched) {
    const dims: Record<string, string> = {};
    let anyTotal = false;
    for (const c of breakdownColumns) {
      const v = (s.keys[c] ?? '').trim();
      if (v === '' || markers.get(c)!.has(v.toLowerCase())) anyTotal = true;
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
          `indicator \`${indicator.id}\` matches several series of \`${source.id}\` that differ only in ${differing.map((c) => `\`${c}\``).join(', ') || 'their total markers'} (${differing.map((c) => `${prior.series.keys[c]} / ${s.keys[c]}`).join(', ')}); add the column to \`match\` or to the data source's \`disaggregations\``,
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
  breakdowns.sort((a, b) => (dimsKey(a.dims) < dimsKey(b.dims) ? -1 : 1));
  if (!headline && breakdowns.length && !indicator.aggregate) {
    issues.push(issueWarning(indicator.file, specMessages.noHeadlineTotal(indicator.id, breakdownColumns), at));
  }
  return { data: { indicatorId: indicator.id, headline, breakdowns }, issues };
}

function toBreakdown(
  s: Series,
  dims: Record<string, string>,
  file: string,
  origin: BreakdownSeries['origin'],
): BreakdownSeries {
  const missingReasons = Array.from(s.values, (v) =>
    Number.isNaN(v) ? 'the file marks this value as missing' : undefined,
  );
  return {
    dims,
    periods: [...s.periods],
    values: s.values,
    lines: s.lines,
    sources: [...s.sources],
    missingReasons,
    file,
    origin,
  };
}
