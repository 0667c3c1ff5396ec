// What reading a data source takes and gives, whatever its format: the options the
// workspace passes, how the file was read, and the result of a file that could not be read.
import * as msg from '../messages/data.js';
import type { Localized } from '../messages/localized.js';
import { specMessages } from '../messages/spec.js';
import { fileProblemOf, InputFileError } from '../spec/input-file.js';
import type { Frequency } from '../periods/period.js';
import type { Issue } from '../spec/issues.js';
import type { DataSource, Locale } from '../spec/schema.js';
import type { TextEncodingName } from './decode.js';
import { decimalMarkFor, type DecimalMark, type Delimiter } from './dialect.js';
import type { ColumnMatch } from './row-usage.js';
import type { LoadedTable } from './series.js';
import type { ReaderContext } from './table-reader.js';

export interface ReadTableOptions {
  /** The programme root: `source.file` is relative to it. */
  root: string;
  /** Month (1-12) a fiscal year starts, for FY periods. */
  fiscalYearStart: number;
  /** Columns an indicator's `match` names besides the indicator column and the disaggregations. */
  matchColumns: readonly string[];
  /**
   * The frequency of the indicators that use this file, when they agree: `2007-08` (see
   * resolve-periods.ts), and the period a day becomes (a date inside a month is that month
   * for a monthly indicator).
   */
  frequencyHint?: Frequency;
  /**
   * Each indicator's match on this file, by column name. Problems in rows that none of them
   * uses are counted warnings; undefined: every row is used.
   */
  matches?: readonly ColumnMatch[];
  /** The programme's locale: an English programme is told how a date like 01/02/2024 was read. */
  locale?: Locale;
}

/** How the file was read. */
export interface TableReading {
  readonly encoding: TextEncodingName;
  /** Set only when the data source names no encoding and the file was not UTF-8. */
  readonly assumedEncoding?: 'windows-1252';
  readonly delimiter: Delimiter;
  readonly decimal: DecimalMark;
  /** Line of the header row: 1, or later after a preamble (World Bank downloads have four lines); a sheet's row. */
  readonly headerLine: number;
}

export interface ReadTableResult {
  table: LoadedTable & { readonly reading: TableReading };
  issues: Issue[];
}

/** What every reader of a data source is given besides the source (src/data/table-reader.ts). */
export function readerContext(source: DataSource, options: ReadTableOptions): ReaderContext {
  return {
    fiscalYearStart: options.fiscalYearStart,
    matchColumns: options.matchColumns,
    frequencyHint: options.frequencyHint,
    matches: options.matches,
    warnAmbiguousDates: options.locale === 'en' && source.dates === undefined,
  };
}

/** A file-system error in the user's words, without a stack or an absolute path. */
export function fileProblem(sourceId: string, path: string, err: unknown): Localized {
  const problem = err instanceof InputFileError ? err.problem : fileProblemOf(err, path);
  if (problem.kind === 'missing') return msg.fileNotFound(sourceId);
  return msg.fileUnreadable(sourceId, specMessages.fileProblem(problem));
}

/** The result of a file that could not be read at all: no series, one issue. */
export function emptyResult(source: DataSource, given: TextEncodingName | undefined, issue: Issue): ReadTableResult {
  const delimiter = source.delimiter ?? ',';
  return {
    table: {
      sourceId: source.id,
      file: source.file,
      keyColumns: [],
      disaggregations: source.disaggregations ?? [],
      series: [],
      rowCount: 0,
      missingCount: 0,
      rowsByCode: new Map(),
      reading: {
        encoding: given ?? 'utf-8',
        delimiter,
        decimal: decimalMarkFor(delimiter, source.decimal),
        headerLine: 1,
      },
    },
    issues: [issue],
  };
}
