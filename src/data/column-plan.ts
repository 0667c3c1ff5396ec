// Where the configured columns are in a file's header row, for the three layouts:
//
//   long:          one row per point: indicator, period, value, the key columns, source, note
//   wide:          one row per series, one column per period (World Bank downloads); the id
//                  columns describe the series and every other header must read as a period
//   periods-rows:  one row per period, one column per series (a DHIS2 or Excel pivot): the
//                  period column and the id columns, and every other column is a series
//                  whose header is its indicator code (or, with `indicator:`, the value of
//                  the one disaggregation the file has no column for)
//
// Headers are matched NFC-normalised and trimmed, the exact name first, else the same
// name in any case: spreadsheets change neither, people retyping headers change both.
// A data source with `indicator:` (one file, one indicator) has no indicator column: the
// reader appends the code to every record as a field after the last one.
import * as msg from '../messages/data.js';
import type { Text } from '../messages/localized.js';
import { parsePeriod, type Frequency } from '../periods/period.js';
import type { DataSource } from '../spec/schema.js';
import { closestName } from '../spec/suggest.js';
import { periodTextOfHeader } from './resolve-periods.js';

export type Layout = 'long' | 'wide' | 'periods-rows';

/** The layout of the records a data source's reader sees. */
export const layoutOf = (source: DataSource): Layout =>
  source.format !== 'wide' ? 'long' : source.periods === 'rows' ? 'periods-rows' : 'wide';

/** A wide file's column whose header is a period. */
export interface PeriodColumn {
  readonly field: number;
  readonly text: string;
}

/** A periods-rows file's column that is one series. */
export interface SeriesColumn {
  readonly field: number;
  readonly header: string;
}

/** Where each configured column is in the file (0-based fields; -1 when absent). */
export interface ColumnPlan {
  readonly layout: Layout;
  readonly headerLine: number;
  /** Header names, NFC-normalised and trimmed (an empty cell named by its letter in a workbook). */
  readonly headers: readonly string[];
  readonly width: number;
  /** The indicator column; `width` when the data source names its one indicator (`indicator:`). */
  readonly indicator: number;
  /** The code every record carries when the data source names its one indicator. */
  readonly constantIndicator?: string;
  /** Key columns in file order: their fields and the names the configuration gives them. */
  readonly keyFields: readonly number[];
  readonly keyNames: readonly string[];
  readonly source: number;
  readonly note: number;
  /** Long and periods-rows layouts. */
  readonly period: number;
  /** Long layout only. */
  readonly value: number;
  /** Wide layout only. */
  readonly periodColumns: readonly PeriodColumn[];
  /** Periods-rows layout only: the series columns, and the key their header is the value of. */
  readonly seriesColumns: readonly SeriesColumn[];
  readonly columnKeyName: string;
  /** A record shorter than the header is complete when it reaches this field: the rest are empty. */
  readonly lastNeededField: number;
}

export interface HeaderAttempt {
  plan?: ColumnPlan;
  issues: { message: Text; line: number; field?: number }[];
  /** How far the row is from a header: required columns missing, then fewer named cells. */
  readonly missingRequired: number;
  readonly named: number;
}

/** What besides the data source decides the plan (a subset of ReadTableOptions). */
export interface PlanContext {
  readonly fiscalYearStart: number;
  readonly matchColumns: readonly string[];
  readonly frequencyHint?: Frequency;
  /** A workbook names a column whose header cell is empty by its letter (`H`). */
  readonly emptyHeaderName?: (field: number) => string;
}

/** A header problem; the reader turns it into an issue at its place. */
export type PlanIssue = HeaderAttempt['issues'][number] & { severity: 'error' | 'warning' };

const cleanHeader = (name: string) => name.normalize('NFC').trim();

/** The field of a configured column: the exact name first, else the same name in any case. */
function findColumn(headers: readonly string[], name: string): number {
  return columnsNamed(headers, name)[0] ?? -1;
}

/**
 * Every field a configured name could mean: those with the exact name, else those with
 * the same name in any case. Two of them (two `value` columns) leave mel no way to know
 * which one holds the numbers.
 */
function columnsNamed(headers: readonly string[], name: string): number[] {
  const wanted = cleanHeader(name);
  const exact = headers.flatMap((h, i) => (h === wanted ? [i] : []));
  if (exact.length) return exact;
  const lower = wanted.toLowerCase();
  return headers.flatMap((h, i) => (h.toLowerCase() === lower ? [i] : []));
}

/**
 * The plan of a header row, or the issues that stop it: a missing indicator, period or
 * value column (long) or id column (wide) leaves nothing to read; a missing
 * disaggregation, match, source or note column is an error, and the file is read without it.
 */
export function planColumns(
  fields: readonly string[],
  headerLine: number,
  source: DataSource,
  context: PlanContext,
): HeaderAttempt & { issues: PlanIssue[] } {
  const headers = fields.map((f, i) => {
    const h = cleanHeader(f);
    return h === '' && context.emptyHeaderName ? context.emptyHeaderName(i) : h;
  });
  // The headers the file names (emptyHeaderName only names the empty ones).
  const named = fields.map(cleanHeader).filter((h) => h !== '');
  /** The header of a column found among the headers. */
  const headerOf = (field: number): string => {
    const header = headers[field];
    if (header === undefined) throw new Error(`internal: no column ${field} in a header of ${headers.length}`);
    return header;
  };
  const issues: PlanIssue[] = [];
  let missingRequired = 0;
  const error = (message: Text, field?: number) => issues.push({ severity: 'error', message, line: headerLine, field });
  const column = (name: string, role: msg.ColumnRole, required: boolean): number => {
    const all = columnsNamed(headers, name);
    if (all.length > 1) {
      // Two columns it could be (two `value` columns): which one holds the numbers is anyone's guess.
      error(msg.duplicateColumn(name, all.map(headerOf), all), all[1]);
      missingRequired++;
    }
    const at = all[0] ?? -1;
    if (at < 0) {
      error(msg.missingColumn(name, role, named, closestName(name, named)));
      if (required) missingRequired++;
    }
    return at;
  };
  const layout = layoutOf(source);
  const width = fields.length;
  const indicatorName = source.columns?.indicator ?? 'indicator';
  const constant = source.indicator;
  const disaggregations = source.disaggregations ?? [];

  // The column whose header names each series (periods-rows): the indicator code, or with
  // `indicator:`, the disaggregation the file has no column for.
  let columnKeyName = indicatorName;
  if (layout === 'periods-rows' && constant !== undefined) {
    const notInFile = disaggregations.filter((d) => findColumn(headers, d) < 0);
    columnKeyName = notInFile[0] ?? '';
    if (columnKeyName === '') {
      error(msg.noColumnDimension(constant));
      missingRequired++;
    }
  }

  const indicator =
    constant !== undefined ? width : layout === 'periods-rows' ? -1 : column(indicatorName, 'indicator', true);
  const period = layout === 'wide' ? -1 : column(source.columns?.period ?? 'period', 'period', true);
  const value = layout === 'long' ? column(source.columns?.value ?? 'value', 'value', true) : -1;
  const idFields = layout === 'long' ? [] : (source.id_columns ?? []).map((c) => column(c, 'id', true));
  const keyed = new Map<string, number>();
  if (indicator >= 0) keyed.set(indicatorName, indicator);
  for (const d of disaggregations)
    if (!keyed.has(d) && d !== columnKeyName) keyed.set(d, column(d, 'disaggregation', false));
  for (const m of context.matchColumns)
    if (!keyed.has(m) && m !== columnKeyName) keyed.set(m, column(m, 'match', false));
  // FORMAT.md's long layout: `indicator,period,value[,<disaggregations>][,source][,note]`:
  // columns named source and note are read without being configured.
  const optional = (name: string, role: msg.ColumnRole) =>
    columnsNamed(headers, name).length ? column(name, role, false) : -1;
  const sourceField = source.columns?.source
    ? column(source.columns.source, 'source', false)
    : optional('source', 'source');
  const noteField = source.columns?.note ? column(source.columns.note, 'note', false) : optional('note', 'note');
  const attempt = { issues, missingRequired, named: named.length };
  if (missingRequired > 0) return attempt;

  const keys = [...keyed].filter(([, f]) => f >= 0).sort((a, b) => a[1] - b[1]);
  const keyFields = keys.map(([, f]) => f);
  const taken = new Set([...idFields, ...keyFields, period, sourceField, noteField]);
  const periodColumns: PeriodColumn[] = [];
  const seriesColumns: SeriesColumn[] = [];
  if (layout === 'wide') {
    const periodContext = { fiscalYearStart: context.fiscalYearStart, frequency: context.frequencyHint };
    const fieldOfPeriod = new Map<string, number>();
    for (const [f, header] of headers.entries()) {
      if (taken.has(f) || header === '') continue; // an empty header: the trailing delimiter World Bank files have
      const text = periodTextOfHeader(header);
      const parsed = parsePeriod(text, periodContext);
      if (parsed.ok) {
        const first = fieldOfPeriod.get(parsed.period.id);
        if (first !== undefined) {
          error(msg.duplicatePeriodColumn(parsed.period.id, [headerOf(first), header], [first, f]), f);
          missingRequired++;
        } else fieldOfPeriod.set(parsed.period.id, f);
        periodColumns.push({ field: f, text });
      } else if (source.id_columns)
        issues.push({ severity: 'warning', message: msg.ignoredWideColumn(header), line: headerLine, field: f });
    }
    if (missingRequired > 0) return { ...attempt, missingRequired };
    if (periodColumns.length === 0) {
      error(msg.noPeriodColumns(named));
      return { ...attempt, missingRequired: 1 };
    }
  }
  if (layout === 'periods-rows') {
    for (const [field, header] of headers.entries())
      if (!taken.has(field) && header !== '') seriesColumns.push({ field, header });
    if (seriesColumns.length === 0) {
      error(msg.noSeriesColumns(headerOf(period)));
      return { ...attempt, missingRequired: 1 };
    }
  }
  const needed = [...keyFields, period, value].filter((f) => f >= 0 && f < width);
  return {
    ...attempt,
    plan: {
      layout,
      headerLine,
      headers,
      width,
      indicator,
      constantIndicator: constant,
      keyFields,
      keyNames: keys.map(([name]) => name),
      source: sourceField,
      note: noteField,
      period,
      value,
      periodColumns,
      seriesColumns,
      columnKeyName,
      lastNeededField: needed.length ? Math.max(...needed) : 0,
    },
  };
}
