// Reads one data source's CSV file into series (src/data/series.ts).
//
//   1. sample the first bytes: encoding (decode.ts) and dialect (dialect.ts)      here
//   2. stream the file through csv-parse, one record at a time, never holding it  record-stream.ts
//   3. the header: find the configured columns, long or wide layout               column-plan.ts
//   4. each row: its series by key, its period interned, its value parsed,        table-reader.ts,
//      appended to one columnar point store; or an issue                          series-index.ts, point-store.ts
//   5. each distinct period text parsed once; the points grouped by series,       resolve-periods.ts,
//      sorted by period, and the `duplicates` policy applied                      finish-series.ts
//
// Memory grows with the number of series and points, never with the file: a row is
// four to six numbers in typed arrays, its texts interned once per distinct value.
// Row problems are listed up to ISSUES_PER_KIND per kind, then counted (issue-log.ts).
//
// This module is the one callers import: the names the others define for callers are
// exported again from here.
import { resolve } from 'node:path';
import * as msg from '../messages/data.js';
import { specMessages } from '../messages/spec.js';
import type { Frequency } from '../periods/period.js';
import { fileProblemOf, InputFileError, openInputFile } from '../spec/input-file.js';
import { issueError, type Issue } from '../spec/issues.js';
import type { DataSource } from '../spec/schema.js';
import { decodeText, detectEncoding, encodingOf, hasUtf8Bom, type TextEncodingName } from './decode.js';
import { decimalMarkFor, detectDialect, type DecimalMark, type Delimiter } from './dialect.js';
import { numberFormat } from './parse-number.js';
import { MAX_RECORD_CHARS, streamRecords } from './record-stream.js';
import type { LoadedTable } from './series.js';
import { TableReader } from './table-reader.js';

export { ISSUES_PER_KIND } from './issue-log.js';
export { MAX_RECORD_CHARS } from './record-stream.js';
export { resolvePeriods, type ResolvedPeriods } from './resolve-periods.js';

export interface ReadTableOptions {
  /** The programme root: `source.file` is relative to it. */
  root: string;
  /** Month (1-12) a fiscal year starts, for FY periods. */
  fiscalYearStart: number;
  /** Columns an indicator's `match` names besides the indicator column and the disaggregations. */
  matchColumns: readonly string[];
  /** The frequency of the indicators that use this file, when they agree (`2007-08`: see resolve-periods.ts). */
  frequencyHint?: Frequency;
}

/** How the file was read. */
export interface TableReading {
  readonly encoding: TextEncodingName;
  /** Set only when the data source names no encoding and the file was not UTF-8. */
  readonly assumedEncoding?: 'windows-1252';
  readonly delimiter: Delimiter;
  readonly decimal: DecimalMark;
  /** Line of the header row: 1, or later after a preamble (World Bank downloads have four lines). */
  readonly headerLine: number;
}

export interface ReadTableResult {
  table: LoadedTable & { readonly reading: TableReading };
  issues: Issue[];
}

const SAMPLE_BYTES = 64 * 1024;

export async function readTable(source: DataSource, options: ReadTableOptions): Promise<ReadTableResult> {
  const file = source.file;
  const path = resolve(options.root, file);
  const given = encodingOf(source.encoding);

  // 1. sample
  let sample: Uint8Array;
  let complete: boolean;
  let size: number;
  try {
    ({ sample, complete, size } = await readSample(path));
  } catch (err) {
    return emptyResult(source, given, issueError(file, fileProblem(source.id, path, err)));
  }
  const dataBytes = hasUtf8Bom(sample) ? sample.length - 3 : sample.length;
  if (dataBytes === 0 || (complete && decodeText(sample, given).text.trim() === '')) {
    return emptyResult(source, given, issueError(file, msg.fileEmpty(), 1));
  }
  let encoding = given ?? detectEncoding(sample, complete);
  const dialect = detectDialect(decodeText(sample, encoding).text, source, complete);

  // 2-4. stream; a file that stops being UTF-8 after the sample is read again as Windows-1252
  const format = numberFormat({ decimal: dialect.decimal, sourceId: source.id, missing: source.missing });
  const rowsExpected = estimateRows(sample, size);
  let reader = new TableReader(source, options, dialect.delimiter, format, rowsExpected);
  let end = await streamRecords(
    path,
    { encoding, checkUtf8: given === undefined && encoding === 'utf-8', delimiter: dialect.delimiter },
    reader,
  );
  if (end.kind === 'not-utf8') {
    encoding = 'windows-1252';
    reader = new TableReader(source, options, dialect.delimiter, format, rowsExpected);
    end = await streamRecords(path, { encoding, checkUtf8: false, delimiter: dialect.delimiter }, reader);
  }
  if (end.kind === 'csv-error')
    reader.log.add(
      issueError(
        file,
        end.code === 'CSV_MAX_RECORD_SIZE' ? msg.recordTooLong(MAX_RECORD_CHARS) : msg.unclosedQuote(),
        end.line,
      ),
    );
  if (end.kind === 'read-error') reader.log.add(issueError(file, msg.fileUnreadable(source.id, end.reason)));

  // 5. periods, order, duplicates
  const reading: TableReading = {
    encoding,
    ...(given === undefined && encoding !== 'utf-8' ? { assumedEncoding: encoding } : {}),
    delimiter: dialect.delimiter,
    decimal: dialect.decimal,
    headerLine: reader.plan?.headerLine ?? 1,
  };
  const table = reader.finish();
  return { table: { ...table, reading }, issues: reader.log.issues() };
}

// --- 1. the sample ----------------------------------------------------------------------

async function readSample(path: string): Promise<{ sample: Uint8Array; complete: boolean; size: number }> {
  const handle = await openInputFile(path); // a regular file, or an InputFileError: never a pipe that blocks
  try {
    const buffer = new Uint8Array(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const { size } = await handle.stat();
    return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < SAMPLE_BYTES, size };
  } finally {
    await handle.close();
  }
}

/** Rows a file of `size` bytes holds if its lines are like the sample's (to size the point store once). */
function estimateRows(sample: Uint8Array, size: number): number {
  let lines = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 10) lines++;
  return lines === 0 ? 16 : Math.min(Math.ceil((size / sample.length) * lines * 1.05), 1 << 26);
}

/** A file-system error in the user's words, without a stack or an absolute path. */
function fileProblem(sourceId: string, path: string, err: unknown): string {
  const problem = err instanceof InputFileError ? err.problem : fileProblemOf(err, path);
  if (problem.kind === 'missing') return msg.fileNotFound(sourceId);
  return msg.fileUnreadable(sourceId, specMessages.fileProblem(problem));
}

function emptyResult(source: DataSource, given: TextEncodingName | undefined, issue: Issue): ReadTableResult {
  const delimiter = source.delimiter ?? ',';
  return {
    table: {
      sourceId: source.id,
      file: source.file,
      keyColumns: [],
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
