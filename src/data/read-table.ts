// Reads one data source's file into series (src/data/series.ts), whatever its format:
//
//   long, wide, sdmx-csv, eurostat-tsv   a delimited text file, streamed (below)
//   xlsx                                 an Excel workbook's sheet (formats/xlsx.ts)
//   dhis2                                DHIS2 Web API JSON (formats/dhis2.ts)
//
// Every format is a source of records (a header, then rows) fed to one TableReader, so
// missing markers, duplicates policies, positions and issue counting are the same for all.
// A delimited file:
//
//   1. sample the first bytes: encoding (decode.ts) and dialect (dialect.ts)      here
//   2. stream the file through csv-parse, one record at a time, never holding it  record-stream.ts
//      (SDMX-CSV and Eurostat TSV records reshaped on the way)                   formats/
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
import { openInputFile } from '../spec/input-file.js';
import { issueError } from '../spec/issues.js';
import type { DataSource } from '../spec/schema.js';
import { decodeText, detectEncoding, encodingOf, hasUtf8Bom } from './decode.js';
import { detectDialect } from './dialect.js';
import { readDhis2 } from './formats/dhis2.js';
import { eurostatShape } from './formats/eurostat-tsv.js';
import { sdmxCsvShape } from './formats/sdmx-csv.js';
import type { RecordShape } from './formats/record-shape.js';
import { readWorkbook } from './formats/xlsx.js';
import { numberFormat } from './parse-number.js';
import {
  emptyResult,
  fileProblem,
  type ReadTableOptions,
  type ReadTableResult,
  readerContext,
  type TableReading,
} from './read-context.js';
import { MAX_RECORD_CHARS, streamRecords } from './record-stream.js';
import { TableReader } from './table-reader.js';

export { ISSUES_PER_KIND } from './issue-log.js';
export { MAX_RECORD_CHARS } from './record-stream.js';
export { resolvePeriods, type ResolvedPeriods } from './resolve-periods.js';
export type { ColumnMatch } from './row-usage.js';
export type { ReadTableOptions, ReadTableResult, TableReading } from './read-context.js';

const SAMPLE_BYTES = 64 * 1024;

export async function readTable(source: DataSource, options: ReadTableOptions): Promise<ReadTableResult> {
  switch (source.format) {
    case 'xlsx':
      return readWorkbook(source, options);
    case 'dhis2':
      return readDhis2(source, options);
    default:
      return (await readDelimited(source, options, shapeOf(source), false)).finish(options);
  }
}

/** A delimited file read up to its points, waiting for the indicators that use it (readAhead). */
export interface PendingTable {
  /**
   * Whether finishing under `options` gives what reading with them would: they ask for no
   * other column, the frequency does not change how the header was read (only a wide
   * table's period columns depend on it), and every problem found could be held.
   */
  fits(options: ReadTableOptions): boolean;
  /** The table, its series finished with the options' frequency and its problems judged by their matches. */
  finish(options: ReadTableOptions): ReadTableResult;
}

/**
 * A delimited data source read before the indicators that use it are known (while the
 * indicator files are still being parsed: load-workspace.ts): with no extra match
 * column and no frequency, every problem held (IssueLog.defer) until finish() knows which
 * rows the indicators use. Undefined for a workbook or DHIS2 JSON, read when asked.
 */
export async function readAhead(
  source: DataSource,
  options: Omit<ReadTableOptions, 'matchColumns' | 'frequencyHint' | 'matches'>,
): Promise<PendingTable | undefined> {
  if (source.format === 'xlsx' || source.format === 'dhis2') return undefined;
  return readDelimited(source, { ...options, matchColumns: [] }, shapeOf(source), true);
}

function shapeOf(source: DataSource): RecordShape | undefined {
  return source.format === 'sdmx-csv' ? sdmxCsvShape : source.format === 'eurostat-tsv' ? eurostatShape : undefined;
}

/** A result that does not depend on the indicators (the file could not be read at all). */
const settled = (result: ReadTableResult): PendingTable => ({ fits: () => true, finish: () => result });

async function readDelimited(
  source: DataSource,
  options: ReadTableOptions,
  shape: RecordShape | undefined,
  ahead: boolean,
): Promise<PendingTable> {
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
    return settled(emptyResult(source, given, issueError(file, fileProblem(source.id, path, err))));
  }
  const dataBytes = hasUtf8Bom(sample) ? sample.length - 3 : sample.length;
  if (dataBytes === 0 || (complete && decodeText(sample, given).text.trim() === '')) {
    return settled(emptyResult(source, given, issueError(file, msg.fileEmpty(), 1)));
  }
  let encoding = given ?? detectEncoding(sample, complete);
  const dialect = detectDialect(
    decodeText(sample, encoding).text,
    shape?.delimiter ? { ...source, delimiter: shape.delimiter } : source,
    complete,
  );

  // 2-4. stream; a file that stops being UTF-8 after the sample is read again as Windows-1252
  const format = numberFormat({
    decimal: dialect.decimal,
    sourceId: source.id,
    missing: source.missing,
    formatMissing: shape?.missing,
  });
  const rowsExpected = estimateRows(sample, size);
  const start = () => {
    const shaped = shape?.start(source);
    const reader = new TableReader(
      source,
      { ...readerContext(source, options), ...shaped?.context },
      dialect.delimiter,
      format,
      rowsExpected,
    );
    if (ahead) reader.log.defer();
    return { reader, sink: shaped ? shaped.sink(reader) : reader };
  };
  let { reader, sink } = start();
  let end = await streamRecords(
    path,
    { encoding, checkUtf8: given === undefined && encoding === 'utf-8', delimiter: dialect.delimiter },
    sink,
  );
  if (end.kind === 'not-utf8') {
    encoding = 'windows-1252';
    ({ reader, sink } = start());
    end = await streamRecords(path, { encoding, checkUtf8: false, delimiter: dialect.delimiter }, sink);
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
  const done = reader;
  return {
    fits: (final) =>
      done.log.complete &&
      final.root === options.root &&
      final.locale === options.locale &&
      final.fiscalYearStart === options.fiscalYearStart &&
      final.matchColumns.length === options.matchColumns.length &&
      final.matchColumns.every((c, i) => c === options.matchColumns[i]) &&
      (final.frequencyHint === options.frequencyHint || done.plan?.layout !== 'wide'),
    finish: (final) => {
      if (ahead) done.adopt({ matches: final.matches, frequencyHint: final.frequencyHint });
      const table = done.finish();
      return { table: { ...table, reading }, issues: done.log.issues() };
    },
  };
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
