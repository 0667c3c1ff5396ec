// Where the configured columns are in a file's header row, for both layouts:
//
//   long:  one row per point: indicator, period, value, the key columns, source, note
//   wide:  one row per series, one column per period (World Bank downloads); the id
//          columns describe the series and every other header must read as a period
//
// Headers are matched NFC-normalised and trimmed, the exact name first, else the same
// name in any case: spreadsheets change neither, people retyping headers change both.
import * as msg from '../messages/data.js';
import { parsePeriod, type Frequency } from '../periods/period.js';
import { issueError, issueWarning, type Issue } from '../spec/issues.js';
import type { DataSource } from '../spec/schema.js';
import { closestName } from '../spec/suggest.js';
import { periodTextOfHeader } from './resolve-periods.js';

/** A wide file's column whose header is a period. */
export interface PeriodColumn {
  readonly field: number;
  readonly text: string;
}

/** Where each configured column is in the file (0-based fields; -1 when absent). */
export interface ColumnPlan {
  readonly headerLine: number;
  /** Header names, NFC-normalised and trimmed. */
  readonly headers: readonly string[];
  readonly width: number;
  readonly indicator: number;
  /** Key columns in file order: their fields and the names the configuration gives them. */
  readonly keyFields: readonly number[];
  readonly keyNames: readonly string[];
  readonly source: number;
  readonly note: number;
  /** Long layout only. */
  readonly period: number;
  readonly value: number;
  /** Wide layout only. */
  readonly periodColumns: readonly PeriodColumn[];
}

export interface HeaderAttempt {
  plan?: ColumnPlan;
  issues: Issue[];
}

/** What besides the data source decides the plan (a subset of ReadTableOptions). */
export interface PlanContext {
  readonly fiscalYearStart: number;
  readonly matchColumns: readonly string[];
  readonly frequencyHint?: Frequency;
}

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
): HeaderAttempt {
  const headers = fields.map(cleanHeader);
  const named = headers.filter((h) => h !== '');
  const issues: Issue[] = [];
  let fatal = false;
  const column = (name: string, role: msg.ColumnRole, required: boolean): number => {
    const all = columnsNamed(headers, name);
    if (all.length > 1) {
      issues.push(
        issueError(
          source.file,
          msg.duplicateColumn(
            name,
            all.map((f) => headers[f]),
            all,
          ),
          headerLine,
          all[1] + 1,
        ),
      );
      fatal = true;
    }
    const at = all[0] ?? -1;
    if (at < 0) {
      issues.push(issueError(source.file, msg.missingColumn(name, role, named, closestName(name, named)), headerLine));
      fatal ||= required;
    }
    return at;
  };
  const wide = source.format === 'wide';
  const indicatorName = source.columns?.indicator ?? 'indicator';
  const indicator = column(indicatorName, 'indicator', true);
  const period = wide ? -1 : column(source.columns?.period ?? 'period', 'period', true);
  const value = wide ? -1 : column(source.columns?.value ?? 'value', 'value', true);
  const idFields = wide ? (source.id_columns ?? []).map((c) => column(c, 'id', true)) : [];
  const keyed = new Map<string, number>([[indicatorName, indicator]]);
  for (const d of source.disaggregations) if (!keyed.has(d)) keyed.set(d, column(d, 'disaggregation', false));
  for (const m of context.matchColumns) if (!keyed.has(m)) keyed.set(m, column(m, 'match', false));
  // FORMAT.md's long layout: `indicator,period,value[,<disaggregations>][,source][,note]`:
  // columns named source and note are read without being configured.
  const optional = (name: string, role: msg.ColumnRole) =>
    columnsNamed(headers, name).length ? column(name, role, false) : -1;
  const sourceField = source.columns?.source
    ? column(source.columns.source, 'source', false)
    : optional('source', 'source');
  const noteField = source.columns?.note ? column(source.columns.note, 'note', false) : optional('note', 'note');
  if (fatal) return { issues };

  const keys = [...keyed].filter(([, f]) => f >= 0).sort((a, b) => a[1] - b[1]);
  const periodColumns: PeriodColumn[] = [];
  if (wide) {
    const taken = new Set([...idFields, ...keys.map(([, f]) => f), sourceField, noteField]);
    const periodContext = { fiscalYearStart: context.fiscalYearStart, frequency: context.frequencyHint };
    const fieldOfPeriod = new Map<string, number>();
    for (let f = 0; f < headers.length; f++) {
      if (taken.has(f) || headers[f] === '') continue; // an empty header: the trailing delimiter World Bank files have
      const text = periodTextOfHeader(headers[f]);
      const parsed = parsePeriod(text, periodContext);
      if (parsed.ok) {
        const first = fieldOfPeriod.get(parsed.period.id);
        if (first !== undefined) {
          issues.push(
            issueError(
              source.file,
              msg.duplicatePeriodColumn(parsed.period.id, [headers[first], headers[f]], [first, f]),
              headerLine,
              f + 1,
            ),
          );
          fatal = true;
        } else fieldOfPeriod.set(parsed.period.id, f);
        periodColumns.push({ field: f, text });
      } else if (source.id_columns)
        issues.push(issueWarning(source.file, msg.ignoredWideColumn(headers[f]), headerLine, f + 1));
    }
    if (fatal) return { issues };
    if (periodColumns.length === 0)
      return { issues: [...issues, issueError(source.file, msg.noPeriodColumns(named), headerLine)] };
  }
  return {
    plan: {
      headerLine,
      headers,
      width: fields.length,
      indicator,
      keyFields: keys.map(([, f]) => f),
      keyNames: keys.map(([name]) => name),
      source: sourceField,
      note: noteField,
      period,
      value,
      periodColumns,
    },
    issues,
  };
}
