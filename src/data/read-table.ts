// Reads one data source's CSV file into series (src/data/series.ts).
//
//   1. sample the first bytes: encoding (decode.ts) and dialect (dialect.ts)
//   2. stream the file through csv-parse, one record at a time, never holding the file
//   3. the header: find the configured columns (NFC, trimmed; exact, else any case)
//   4. each row: its series by key (a Map, no scan), its period interned, its value
//      parsed (parse-number.ts), appended to one columnar point store; or an issue
//   5. each distinct period text parsed once; the points grouped by series, sorted by
//      period, and the `duplicates` policy applied to rows repeating a series and period
//
// Memory grows with the number of series and points, never with the file: a row is
// four to six numbers in typed arrays, its texts interned once per distinct value.
//
// `2007-08` is August 2007 or the survey round 2007-2008. When the file holds another
// YYYY-MM text that can only be a month (`2007-03`), every YYYY-MM of the file is a
// month; otherwise parsePeriod decides with the caller's frequency hint (it reads
// `2007-08` as a round unless the hint is monthly).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import * as msg from '../messages/data.js';
import { comparePeriods, parsePeriod, type Frequency, type Period } from '../periods/period.js';
import { compareIssues, issueError, issueWarning, type Issue } from '../spec/issues.js';
import type { DataSource } from '../spec/schema.js';
import { closestName } from '../spec/suggest.js';
import type { LoadedTable, Series } from './series.js';
import { chunkDecoder, decodeText, detectEncoding, encodingOf, hasUtf8Bom, Utf8Check, type TextEncodingName } from './decode.js';
import { decimalMarkFor, detectDialect, type DecimalMark, type Delimiter } from './dialect.js';
import { MISSING, numberFormat, parseNumber, type NumberFormat } from './parse-number.js';

export interface ReadTableOptions {
  /** The programme root: `source.file` is relative to it. */
  root: string;
  /** Month (1-12) a fiscal year starts, for FY periods. */
  fiscalYearStart: number;
  /** Columns an indicator's `match` names besides the indicator column and the disaggregations. */
  matchColumns: readonly string[];
  /** The frequency of the indicators that use this file, when they agree (see `2007-08` above). */
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
const CHUNK_BYTES = 1024 * 1024;
/** A row longer than this is most likely a quote never closed swallowing the file. */
export const MAX_RECORD_CHARS = 1_000_000;
/** Rows tried as the header before giving up: a preamble above the header is skipped. */
const HEADER_SEARCH_ROWS = 10;
/** Issues of one kind listed per file; the rest are counted in one more issue. */
export const ISSUES_PER_KIND = 200;

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
    return emptyResult(source, given, issueError(file, fileProblem(source.id, err)));
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
  let end = await streamRecords(path, { encoding, checkUtf8: given === undefined && encoding === 'utf-8', delimiter: dialect.delimiter }, reader);
  if (end.kind === 'not-utf8') {
    encoding = 'windows-1252';
    reader = new TableReader(source, options, dialect.delimiter, format, rowsExpected);
    end = await streamRecords(path, { encoding, checkUtf8: false, delimiter: dialect.delimiter }, reader);
  }
  if (end.kind === 'csv-error') reader.log.add(issueError(file, end.code === 'CSV_MAX_RECORD_SIZE' ? msg.recordTooLong(MAX_RECORD_CHARS) : msg.unclosedQuote(), end.line));
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
  const handle = await open(path, 'r');
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
function fileProblem(sourceId: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return msg.fileNotFound(sourceId);
  const reason =
    code === 'EISDIR' ? 'it is a folder, not a file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code ?? (err instanceof Error ? err.message : String(err));
  return msg.fileUnreadable(sourceId, reason);
}

function emptyResult(source: DataSource, given: TextEncodingName | undefined, issue: Issue): ReadTableResult {
  const delimiter = source.delimiter ?? ',';
  return {
    table: {
      sourceId: source.id, file: source.file, keyColumns: [], series: [], rowCount: 0, missingCount: 0, rowsByCode: new Map(),
      reading: { encoding: given ?? 'utf-8', delimiter, decimal: decimalMarkFor(delimiter, source.decimal), headerLine: 1 },
    },
    issues: [issue],
  };
}

// --- 2. the record stream ---------------------------------------------------------------

type StreamEnd =
  | { kind: 'done' | 'stopped' | 'not-utf8' }
  | { kind: 'csv-error'; code: string; line: number }
  | { kind: 'read-error'; reason: string };

interface RecordSink {
  /** One record and the line it starts on; false stops reading. */
  record(fields: string[], line: number): boolean;
}

/**
 * Streams the file's records to `sink` with the physical line each starts on. UTF-8
 * bytes go to csv-parse undecoded (it decodes field by field, and drops the BOM) while
 * Utf8Check watches them; Windows-1252 is decoded chunk by chunk first.
 *
 * Lines are counted here, not taken from csv-parse's `info`: a record starts one line
 * after the previous one ended, and spans one more line per line break inside its
 * quoted fields. Empty lines arrive as records of one empty field (skip_empty_lines off)
 * so they are counted too.
 */
async function streamRecords(
  path: string,
  options: { encoding: TextEncodingName; checkUtf8: boolean; delimiter: Delimiter },
  sink: RecordSink,
): Promise<StreamEnd> {
  const abort = new AbortController();
  let stop: 'stopped' | 'not-utf8' | undefined;
  let bug: unknown;
  let nextLine = 1;
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    // All three, not auto-detected: detection keeps the first kind it meets, and files
    // pasted together from two machines mix `\n` and `\r\n`.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true, // a short or long row is reported, not fatal (TableReader checks lengths)
    relax_quotes: true, // a stray quote inside an unquoted field (`5" screen`) is text
    skip_empty_lines: false, // counted as lines; skipped by TableReader
    max_record_size: MAX_RECORD_CHARS,
  });
  parser.on('data', (fields: string[]) => {
    if (stop !== undefined) return;
    const line = nextLine;
    nextLine += 1 + lineBreaksIn(fields);
    try {
      if (!sink.record(fields, line)) {
        stop = 'stopped';
        abort.abort();
      }
    } catch (err) {
      bug = err;
      stop = 'stopped';
      abort.abort();
    }
  });

  const check = options.checkUtf8 ? new Utf8Check() : undefined;
  const decode = options.encoding === 'utf-8' ? undefined : chunkDecoder(options.encoding);
  async function* bytesToParser(chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      if (check && !check.push(chunk)) {
        stop = 'not-utf8';
        return;
      }
      if (!decode) yield chunk;
      else {
        const text = decode(chunk);
        if (text) yield text;
      }
    }
    if (check && !check.end()) stop = 'not-utf8';
    const rest = decode?.();
    if (rest) yield rest;
  }

  try {
    await pipeline(createReadStream(path, { highWaterMark: CHUNK_BYTES }), bytesToParser, parser, { signal: abort.signal });
    await finished(parser); // pipeline waits for the parser's input side only; its last records may still be on their way
  } catch (err) {
    if (bug !== undefined) throw bug;
    if (stop !== undefined) return { kind: stop };
    if (err instanceof CsvError) return { kind: 'csv-error', code: err.code, line: nextLine };
    return { kind: 'read-error', reason: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  if (bug !== undefined) throw bug;
  return { kind: stop ?? 'done' };
}

/** Line breaks inside a record's fields (CRLF is one, as csv-parse counts them). */
function lineBreaksIn(fields: string[]): number {
  let n = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) continue;
    for (let j = 0; j < f.length; j++) {
      const c = f.charCodeAt(j);
      if (c === 10 || (c === 13 && f.charCodeAt(j + 1) !== 10)) n++;
    }
  }
  return n;
}

// --- 3. the header ----------------------------------------------------------------------

/** A wide file's column whose header is a period. */
interface PeriodColumn {
  readonly field: number;
  readonly text: string;
}

/** Where each configured column is in the file (0-based fields; -1 when absent). */
interface ColumnPlan {
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

interface HeaderAttempt {
  plan?: ColumnPlan;
  issues: Issue[];
}

const cleanHeader = (name: string) => name.normalize('NFC').trim();

/** The field of a configured column: the exact name first, else the same name in any case. */
function findColumn(headers: readonly string[], name: string): number {
  const wanted = cleanHeader(name);
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const lower = wanted.toLowerCase();
  return headers.findIndex((h) => h.toLowerCase() === lower);
}

/** World Bank DataBank headers read `2006 [YR2006]`. */
const periodTextOfHeader = (header: string) => header.replace(/\s*\[YR\d{4}\]$/, '');

/**
 * The plan of a header row, or the issues that stop it: a missing indicator, period or
 * value column (long) or id column (wide) leaves nothing to read; a missing
 * disaggregation, match, source or note column is an error, and the file is read without it.
 */
function planColumns(fields: readonly string[], headerLine: number, source: DataSource, options: ReadTableOptions): HeaderAttempt {
  const headers = fields.map(cleanHeader);
  const named = headers.filter((h) => h !== '');
  const issues: Issue[] = [];
  let fatal = false;
  const column = (name: string, role: msg.ColumnRole, required: boolean): number => {
    const at = findColumn(headers, name);
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
  for (const m of options.matchColumns) if (!keyed.has(m)) keyed.set(m, column(m, 'match', false));
  // FORMAT.md's long layout: `indicator,period,value[,<disaggregations>][,source][,note]`:
  // columns named source and note are read without being configured.
  const sourceField = source.columns?.source ? column(source.columns.source, 'source', false) : findColumn(headers, 'source');
  const noteField = source.columns?.note ? column(source.columns.note, 'note', false) : findColumn(headers, 'note');
  if (fatal) return { issues };

  const keys = [...keyed].filter(([, f]) => f >= 0).sort((a, b) => a[1] - b[1]);
  const periodColumns: PeriodColumn[] = [];
  if (wide) {
    const taken = new Set([...idFields, ...keys.map(([, f]) => f), sourceField, noteField]);
    const context = { fiscalYearStart: options.fiscalYearStart, frequency: options.frequencyHint };
    for (let f = 0; f < headers.length; f++) {
      if (taken.has(f) || headers[f] === '') continue; // an empty header: the trailing delimiter World Bank files have
      const text = periodTextOfHeader(headers[f]);
      if (parsePeriod(text, context).ok) periodColumns.push({ field: f, text });
      else if (source.id_columns) issues.push(issueWarning(source.file, msg.ignoredWideColumn(headers[f]), headerLine, f + 1));
    }
    if (periodColumns.length === 0) return { issues: [...issues, issueError(source.file, msg.noPeriodColumns(named), headerLine)] };
  }
  return {
    plan: {
      headerLine, headers, width: fields.length, indicator,
      keyFields: keys.map(([, f]) => f), keyNames: keys.map(([name]) => name),
      source: sourceField, note: noteField, period, value, periodColumns,
    },
    issues,
  };
}

// --- 4. rows ----------------------------------------------------------------------------

/** Each distinct text once, numbered in order of appearance. */
class Interner {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

const growInt32 = (a: Int32Array, size: number) => {
  const b = new Int32Array(size);
  b.set(a);
  return b;
};

/**
 * Every point of the file while it is read, by columns, in file order: a few numbers
 * per row in arrays that double when full. One store for the whole table rather than
 * one per series: 20,000 series would otherwise mean hundreds of thousands of small
 * arrays allocated and copied as each grows.
 */
class PointStore {
  length = 0;
  seriesIds: Int32Array;
  periodIds: Int32Array;
  values: Float64Array;
  lines: Int32Array;
  /** Interned source and note texts per point (-1: none), only when the file has those columns. */
  sourceIds?: Int32Array;
  noteIds?: Int32Array;

  constructor(capacity: number, withSources: boolean, withNotes: boolean) {
    const size = Math.max(16, capacity);
    this.seriesIds = new Int32Array(size);
    this.periodIds = new Int32Array(size);
    this.values = new Float64Array(size);
    this.lines = new Int32Array(size);
    if (withSources) this.sourceIds = new Int32Array(size);
    if (withNotes) this.noteIds = new Int32Array(size);
  }

  push(seriesId: number, periodId: number, value: number, line: number, sourceId: number, noteId: number): void {
    const i = this.length;
    if (i === this.values.length) this.grow();
    this.seriesIds[i] = seriesId;
    this.periodIds[i] = periodId;
    this.values[i] = value;
    this.lines[i] = line;
    if (this.sourceIds) this.sourceIds[i] = sourceId;
    if (this.noteIds) this.noteIds[i] = noteId;
    this.length = i + 1;
  }

  private grow(): void {
    const size = this.values.length * 2;
    this.seriesIds = growInt32(this.seriesIds, size);
    this.periodIds = growInt32(this.periodIds, size);
    this.lines = growInt32(this.lines, size);
    const values = new Float64Array(size);
    values.set(this.values);
    this.values = values;
    if (this.sourceIds) this.sourceIds = growInt32(this.sourceIds, size);
    if (this.noteIds) this.noteIds = growInt32(this.noteIds, size);
  }

  /**
   * The points of each series in file order, by a counting sort on the series id:
   * `order[start[s] .. start[s + 1]]` are the points of series s.
   */
  bySeries(seriesCount: number): { order: Int32Array; start: Int32Array } {
    const start = new Int32Array(seriesCount + 1);
    for (let i = 0; i < this.length; i++) start[this.seriesIds[i] + 1]++;
    for (let s = 0; s < seriesCount; s++) start[s + 1] += start[s];
    const next = start.slice(0, seriesCount);
    const order = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) order[next[this.seriesIds[i]]++] = i;
    return { order, start };
  }
}

/**
 * The issues of one file. Row problems are listed up to ISSUES_PER_KIND per kind, then
 * counted: a file with a wrong setting would otherwise print one line per row.
 */
class IssueLog {
  private readonly list: Issue[] = [];
  private readonly unlisted = new Map<msg.RowProblemKind, { count: number; line: number; severity: Issue['severity'] }>();
  private readonly listed = new Map<msg.RowProblemKind, number>();

  constructor(readonly file: string) {}

  add(issue: Issue): void {
    this.list.push(issue);
  }

  row(kind: msg.RowProblemKind, severity: Issue['severity'], line: number, column: number, message: () => string): void {
    const listed = this.listed.get(kind) ?? 0;
    if (listed < ISSUES_PER_KIND) {
      this.listed.set(kind, listed + 1);
      this.list.push({ severity, file: this.file, line, column, message: message() });
      return;
    }
    const more = this.unlisted.get(kind);
    if (more) more.count++;
    else this.unlisted.set(kind, { count: 1, line, severity });
  }

  issues(): Issue[] {
    const all = [...this.list];
    for (const [kind, more] of this.unlisted) all.push({ severity: more.severity, file: this.file, line: more.line, message: msg.moreProblems(more.count, kind) });
    return all.sort(compareIssues);
  }
}

/** True when every field is empty or spaces (an empty line, or `;;;` that Excel leaves). */
function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}

const KEY_SEPARATOR = '\u001f';

/** Receives the file's records: finds the header, then turns each row into points of its series. */
class TableReader implements RecordSink {
  plan?: ColumnPlan;
  readonly log: IssueLog;
  rowCount = 0;
  missingCount = 0;
  private firstHeaderAttempt?: HeaderAttempt;
  private headerTries = 0;
  private points = new PointStore(0, false, false);
  private readonly periods = new Interner();
  /** Source and note texts. */
  private readonly texts = new Interner();
  /** The key values of each series, by series id. */
  private readonly seriesKeys: Record<string, string>[] = [];
  /** Series ids by the key fields as written, and by their trimmed NFC form (`Lima ` is `Lima`). */
  private readonly byRawKey = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  /** The previous row's key fields and series: rows of one series usually follow each other. */
  private readonly previousKey: string[] = [];
  private previousSeries = -1;
  private readonly rowsByRawCode = new Map<string, number>();
  private lastCode = '';
  private lastCodeRows = 0;
  /** Wide layout: the interned period of each period column. */
  private periodIdOfColumn: { field: number; periodId: number }[] = [];

  constructor(
    private readonly source: DataSource,
    private readonly options: ReadTableOptions,
    private readonly delimiter: Delimiter,
    private readonly format: NumberFormat,
    /** Rows the file is expected to hold, from its size: the point store is sized once. */
    private readonly rowsExpected: number,
  ) {
    this.log = new IssueLog(source.file);
  }

  record(fields: string[], line: number): boolean {
    if (this.plan) {
      if (this.source.format === 'wide') this.wideRow(fields, line);
      else this.longRow(fields, line);
      return true;
    }
    return this.header(fields, line);
  }

  /** The first row with the configured columns is the header; rows above it are a preamble. */
  private header(fields: string[], line: number): boolean {
    if (isBlankRecord(fields)) return true;
    const attempt = planColumns(fields, line, this.source, this.options);
    const plan = attempt.plan;
    if (plan) {
      this.plan = plan;
      for (const issue of attempt.issues) this.log.add(issue);
      const pointsPerRow = this.source.format === 'wide' ? plan.periodColumns.length : 1;
      this.points = new PointStore(Math.min(this.rowsExpected * pointsPerRow, 1 << 26), plan.source >= 0, plan.note >= 0);
      this.periodIdOfColumn = plan.periodColumns.map((c) => ({ field: c.field, periodId: this.periods.id(c.text) }));
      return true;
    }
    this.firstHeaderAttempt ??= attempt;
    return ++this.headerTries < HEADER_SEARCH_ROWS;
  }

  /** Checks a row's length: extra fields that are all empty (a trailing `;`) are fine. */
  private fitsHeader(fields: string[], line: number): boolean {
    const width = this.plan!.width;
    if (fields.length === width) return true;
    if (fields.length > width && isBlankRecord(fields.slice(width))) return true;
    if (isBlankRecord(fields)) return false;
    this.rowCount++;
    this.log.row('fields', 'error', line, Math.min(fields.length, width) + 1, () => msg.wrongFieldCount(fields.length, width, this.delimiter));
    return false;
  }

  /** Counts the row under its indicator code; false (after a warning) when it has none. */
  private countCode(code: string, fields: string[], line: number): boolean {
    if (code === this.lastCode && code !== '') {
      this.lastCodeRows++;
      return true;
    }
    if (code === '' || code.trim() === '') {
      if (isBlankRecord(fields)) return false;
      this.rowCount++;
      const p = this.plan!;
      this.log.row('code', 'warning', line, p.indicator + 1, () => msg.emptyIndicatorCode(p.headers[p.indicator]));
      return false;
    }
    this.flushCode();
    this.lastCode = code;
    this.lastCodeRows = 1;
    return true;
  }

  private flushCode(): void {
    if (this.lastCodeRows > 0) this.rowsByRawCode.set(this.lastCode, (this.rowsByRawCode.get(this.lastCode) ?? 0) + this.lastCodeRows);
    this.lastCodeRows = 0;
  }

  private longRow(fields: string[], line: number): void {
    const p = this.plan!;
    if (fields.length !== p.width && !this.fitsHeader(fields, line)) return;
    if (!this.countCode(fields[p.indicator], fields, line)) return;
    this.rowCount++;
    const text = fields[p.value];
    const cell = parseNumber(text, this.format);
    let value: number;
    if (typeof cell === 'number') value = cell;
    else if (cell === MISSING) {
      value = NaN;
      this.missingCount++;
    } else {
      this.log.row('value', 'error', line, p.value + 1, () => msg.nonNumericValue(text.trim(), p.headers[p.value], cell.problem));
      return;
    }
    this.points.push(this.seriesOf(fields), this.periods.id(fields[p.period]), value, line, this.textId(fields, p.source), this.textId(fields, p.note));
  }

  private wideRow(fields: string[], line: number): void {
    const p = this.plan!;
    if (fields.length !== p.width && !this.fitsHeader(fields, line)) return;
    if (!this.countCode(fields[p.indicator], fields, line)) return;
    this.rowCount++;
    const series = this.seriesOf(fields);
    const sourceId = this.textId(fields, p.source);
    const noteId = this.textId(fields, p.note);
    for (const { field, periodId } of this.periodIdOfColumn) {
      const text = fields[field];
      // An empty cell of a wide file is the layout's filler (no survey that year), not a
      // reported missing value: no point, not counted. Explicit markers (`..`) are.
      if (text === '') continue;
      const cell = parseNumber(text, this.format);
      if (typeof cell === 'number') this.points.push(series, periodId, cell, line, sourceId, noteId);
      else if (cell === MISSING) {
        if (text.trim() === '') continue;
        this.points.push(series, periodId, NaN, line, sourceId, noteId);
        this.missingCount++;
      } else {
        this.log.row('value', 'error', line, field + 1, () => msg.nonNumericValue(text.trim(), p.headers[field], cell.problem));
      }
    }
  }

  private textId(fields: string[], field: number): number {
    if (field < 0) return -1;
    const text = fields[field];
    return text === '' ? -1 : this.texts.id(text);
  }

  /** The series id of a row, found by its key fields without scanning the series. */
  private seriesOf(fields: string[]): number {
    const keyFields = this.plan!.keyFields;
    const previous = this.previousKey;
    if (this.previousSeries >= 0) {
      let same = true;
      for (let k = 0; k < keyFields.length; k++) {
        if (fields[keyFields[k]] !== previous[k]) {
          same = false;
          break;
        }
      }
      if (same) return this.previousSeries;
    }
    let raw = fields[keyFields[0]];
    for (let k = 1; k < keyFields.length; k++) raw += KEY_SEPARATOR + fields[keyFields[k]];
    let series = this.byRawKey.get(raw);
    if (series === undefined) {
      const values = keyFields.map((f) => fields[f].normalize('NFC').trim());
      const key = values.join(KEY_SEPARATOR);
      series = this.byKey.get(key);
      if (series === undefined) {
        const keys: Record<string, string> = {};
        this.plan!.keyNames.forEach((name, k) => (keys[name] = values[k]));
        series = this.seriesKeys.length;
        this.seriesKeys.push(keys);
        this.byKey.set(key, series);
      }
      this.byRawKey.set(raw, series);
    }
    for (let k = 0; k < keyFields.length; k++) previous[k] = fields[keyFields[k]];
    this.previousSeries = series;
    return series;
  }

  // --- 5. periods, order, duplicates -------------------------------------------------------

  /** The table, once every record has been read. */
  finish(): LoadedTable {
    const base = { sourceId: this.source.id, file: this.source.file, rowCount: this.rowCount, missingCount: this.missingCount };
    const p = this.plan;
    if (!p) {
      if (this.firstHeaderAttempt) for (const issue of this.firstHeaderAttempt.issues) this.log.add(issue);
      else this.log.add(issueError(this.source.file, msg.fileEmpty(), 1));
      return { ...base, keyColumns: [], series: [], rowsByCode: new Map() };
    }
    if (this.rowCount === 0) this.log.add(issueWarning(this.source.file, msg.noDataRows(), p.headerLine));
    this.flushCode();
    const rowsByCode = new Map<string, number>();
    for (const [code, rows] of this.rowsByRawCode) {
      const key = code.normalize('NFC').trim();
      rowsByCode.set(key, (rowsByCode.get(key) ?? 0) + rows);
    }
    const periods = resolvePeriods(this.periods.texts, { fiscalYearStart: this.options.fiscalYearStart, frequency: this.options.frequencyHint });
    const texts = this.texts.texts.map((t) => t.trim() || undefined);
    const { order, start } = this.points.bySeries(this.seriesKeys.length);
    const series = this.seriesKeys.map((keys, s) => this.finishSeries(keys, order.subarray(start[s], start[s + 1]), periods, texts));
    this.points = new PointStore(0, false, false); // let the rows go before the caller goes on
    return { ...base, keyColumns: p.keyNames, series, rowsByCode };
  }

  /**
   * One series from its points (`points`: indices into the store, in file order, reordered
   * in place): sorted by period, with the `duplicates` policy applied to repeated periods.
   */
  private finishSeries(keys: Record<string, string>, points: Int32Array, resolved: ResolvedPeriods, texts: readonly (string | undefined)[]): Series {
    const p = this.plan!;
    const store = this.points;
    const { periods, rank } = resolved;
    const rankOf = (i: number) => rank[store.periodIds[i]];

    // Points with a readable period stay, in file order; the others are reported.
    let n = 0;
    for (const i of points) {
      const id = store.periodIds[i];
      if (periods[id]) points[n++] = i;
      else {
        const text = this.periods.texts[id];
        this.log.row('period', 'error', store.lines[i], p.period + 1, () => msg.unreadablePeriod(text.trim(), p.headers[p.period], resolved.reasons[id]!));
      }
    }
    const order = points.subarray(0, n);
    let sorted = true;
    let distinct = n > 0 ? 1 : 0;
    for (let k = 1; k < n; k++) {
      const step = rankOf(order[k]) - rankOf(order[k - 1]);
      if (step < 0) sorted = false;
      else if (step > 0) distinct++;
    }
    if (!sorted) {
      order.sort((x, y) => rankOf(x) - rankOf(y) || x - y); // x - y: file order within a period
      distinct = n > 0 ? 1 : 0;
      for (let k = 1; k < n; k++) if (rankOf(order[k]) !== rankOf(order[k - 1])) distinct++;
    }

    const label = this.source.source;
    const sourceOf = (i: number) => (store.sourceIds && store.sourceIds[i] >= 0 ? texts[store.sourceIds[i]] ?? label : label);
    const noteOf = (i: number) => (store.noteIds && store.noteIds[i] >= 0 ? texts[store.noteIds[i]] : undefined);
    const out = {
      periods: new Array<Period>(distinct),
      values: new Float64Array(distinct),
      lines: new Int32Array(distinct),
      sources: new Array<string | undefined>(distinct),
      notes: p.note >= 0 ? new Array<string | undefined>(distinct) : undefined,
    };
    let o = 0;
    const emit = (i: number, value = store.values[i], source = sourceOf(i), note = noteOf(i)) => {
      out.periods[o] = periods[store.periodIds[i]]!;
      out.values[o] = value;
      out.lines[o] = store.lines[i];
      out.sources[o] = source;
      if (out.notes) out.notes[o] = note;
      o++;
    };

    for (let k = 0; k < n; ) {
      let end = k + 1;
      while (end < n && rankOf(order[end]) === rankOf(order[k])) end++;
      if (end === k + 1) {
        emit(order[k++]);
        continue;
      }
      const group = Array.from(order.subarray(k, end)); // in file order
      k = end;
      switch (this.source.duplicates) {
        case 'first':
          emit(group[0]);
          break;
        case 'last':
          emit(group[group.length - 1]);
          break;
        case 'mean': {
          let sum = 0;
          let count = 0;
          for (const i of group) if (!Number.isNaN(store.values[i])) (sum += store.values[i]), count++;
          emit(group[0], count ? sum / count : NaN, joinDistinct(group.map(sourceOf)), joinDistinct(group.map(noteOf)));
          break;
        }
        case 'error': {
          const first = group[0];
          emit(first);
          const period = periods[store.periodIds[first]]!.id;
          for (const i of group.slice(1)) {
            this.log.row('duplicate', 'error', store.lines[i], this.periodColumnOf(store.periodIds[i]) + 1, () =>
              msg.duplicateRow(this.seriesLabel(keys), period, store.lines[first], this.source.id));
          }
        }
      }
    }
    const { notes, ...rest } = out;
    return { keys, ...rest, ...(notes ? { notes } : {}) };
  }

  /** The field a period's value is in: the period column (long) or the period's own column (wide). */
  private periodColumnOf(periodId: number): number {
    const p = this.plan!;
    if (p.period >= 0) return p.period;
    return this.periodIdOfColumn.find((c) => c.periodId === periodId)?.field ?? 0;
  }

  /** `stunting_u5 (area: rural)`: the indicator code, then the other key values. */
  private seriesLabel(keys: Readonly<Record<string, string>>): string {
    const indicatorName = this.source.columns?.indicator ?? 'indicator';
    const others = Object.entries(keys).filter(([name]) => name !== indicatorName);
    const code = `\`${keys[indicatorName] ?? ''}\``;
    return others.length ? `${code} (${others.map(([n, v]) => `${n}: ${v}`).join(', ')})` : code;
  }
}

/** `A; B` from the distinct defined texts, in order; undefined when there are none. */
function joinDistinct(texts: readonly (string | undefined)[]): string | undefined {
  const distinct = [...new Set(texts.filter((t): t is string => t !== undefined))];
  return distinct.length ? distinct.join('; ') : undefined;
}

export interface ResolvedPeriods {
  /** Per distinct period text: its period, or undefined when unreadable. */
  readonly periods: readonly (Period | undefined)[];
  readonly reasons: readonly (string | undefined)[];
  /** Per distinct text: its position in period order; texts naming the same period share it. */
  readonly rank: Int32Array;
}

const YEAR_MONTH = /^(\d{4})[-/](\d{2})$/;

/** `2007-03` can only be a month; `2007-08` could be the round 2007-2008. */
function onlyAMonth(text: string): boolean {
  const m = YEAR_MONTH.exec(text);
  if (!m) return false;
  const mm = Number(m[2]);
  return mm >= 1 && mm <= 12 && mm !== (Number(m[1]) + 1) % 100;
}

/**
 * Parses each distinct period text of a file once. When one YYYY-MM text can only be a
 * month, every YYYY-MM text of the file is a month (see the top of this file).
 */
export function resolvePeriods(texts: readonly string[], context: { fiscalYearStart: number; frequency?: Frequency }): ResolvedPeriods {
  const trimmed = texts.map((t) => periodTextOfHeader(t.trim()));
  const monthly = trimmed.some(onlyAMonth);
  const periods: (Period | undefined)[] = [];
  const reasons: (string | undefined)[] = [];
  for (const text of trimmed) {
    const frequency = monthly && YEAR_MONTH.test(text) ? 'monthly' : context.frequency;
    const parsed = parsePeriod(text, { fiscalYearStart: context.fiscalYearStart, frequency });
    periods.push(parsed.ok ? parsed.period : undefined);
    reasons.push(parsed.ok ? undefined : parsed.reason);
  }
  const valid = periods.flatMap((p, i) => (p ? [i] : []));
  valid.sort((x, y) => comparePeriods(periods[x]!, periods[y]!));
  const rank = new Int32Array(texts.length).fill(-1);
  let r = -1;
  for (let k = 0; k < valid.length; k++) {
    if (k === 0 || periods[valid[k]]!.id !== periods[valid[k - 1]]!.id) r++;
    rank[valid[k]] = r;
  }
  return { periods, reasons, rank };
}
