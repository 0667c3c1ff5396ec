// The records of a CSV file as a stream, each with the physical line it starts on.
//
// The file is read in chunks into one reused buffer, checked (UTF-8) and decoded
// (UTF-8 or Windows-1252). Its plain lines, without a quote character, are split here
// (plain-lines.ts: most large files have nothing else); from the first line that is
// not plain on, csv-parse does the quoting and the record splitting, set up for the
// files people actually send (mixed line endings, stray quotes, ragged rows). Lines
// are counted here, and the ways a read can end are values rather than exceptions.
import { readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { Text } from '../messages/localized.js';
import { specMessages } from '../messages/spec.js';
import { InputFileError, openInputFile } from '../spec/input-file.js';
import { chunkDecoder, Utf8Check, type TextEncodingName } from './decode.js';
import type { Delimiter } from './dialect.js';
import { PlainLines } from './plain-lines.js';

/** A row longer than this is most likely a quote never closed swallowing the file. */
export const MAX_RECORD_CHARS = 1_000_000;
/**
 * Bytes read at a time, into one buffer reused for the whole file: a new buffer per chunk
 * (what fs.createReadStream does) costs more CPU than splitting the lines of a file of
 * plain lines. The decoded text of a chunk stays below the size V8 allocates apart.
 */
const CHUNK_BYTES = 64 * 1024;

export type StreamEnd =
  | { kind: 'done' | 'stopped' | 'not-utf8' }
  | { kind: 'csv-error'; code: string; line: number }
  | { kind: 'read-error'; reason: Text };

/** What a record source knows of its fields beyond their text. */
export interface RecordExtras {
  /** Numbers as the source stores them (workbook cells), by field: used instead of parsing the text. */
  readonly numbers?: readonly (number | undefined)[];
  /** A note of each value, by field (Eurostat's flags, in every language). */
  readonly notes?: readonly (Text | undefined)[];
}

export interface RecordSink {
  /** One record and the line it starts on; false stops reading. */
  record(fields: string[], line: number, extras?: RecordExtras): boolean;
  /**
   * A plain line (no quote), offered before it is split (plain-lines.ts): true when the
   * sink read it, false to receive it as a record.
   */
  plainLine?(text: string, start: number, end: number, line: number): boolean;
}

/** A record's field: one the record does not have is an empty cell, as a short row's trailing cells are. */
export const fieldAt = (fields: readonly string[], i: number): string => fields[i] ?? '';

export interface StreamOptions {
  encoding: TextEncodingName;
  /** Watch the bytes and end with `not-utf8` as soon as they stop being UTF-8. */
  checkUtf8: boolean;
  delimiter: Delimiter;
}

/**
 * Streams the file's records to `sink` with the physical line each starts on. The
 * bytes are decoded chunk by chunk (a UTF-8 BOM dropped) while Utf8Check watches them;
 * plain lines are split by PlainLines, the rest of the file from its first quote by
 * csv-parse.
 *
 * In csv-parse's part, lines are counted here, not taken from its `info`: a record starts
 * one line after the previous one ended, and spans one more line per line break inside
 * its quoted fields. Empty lines arrive as records of one empty field (skip_empty_lines
 * off) so they are counted too.
 */
export async function streamRecords(path: string, options: StreamOptions, sink: RecordSink): Promise<StreamEnd> {
  const reading: { notUtf8: boolean } = { notUtf8: false };
  let bug: unknown;
  const deliver = (fields: string[], line: number) => {
    if (bug !== undefined) return false;
    try {
      return sink.record(fields, line);
    } catch (err) {
      bug = err;
      return false;
    }
  };
  // A line the sink fails on is handed to `deliver`, which stops.
  const offer = sink.plainLine
    ? (text: string, start: number, end: number, line: number) => {
        try {
          return sink.plainLine?.(text, start, end, line) ?? false;
        } catch (err) {
          bug = err;
          return false;
        }
      }
    : undefined;
  const texts = textChunks(path, options, reading);
  try {
    // 1. plain lines
    const plain = new PlainLines(options.delimiter, deliver, offer);
    let rest: string | undefined;
    for (;;) {
      const next = await texts.next();
      rest = next.done ? plain.end() : plain.push(next.value);
      if (bug !== undefined) throw bug;
      if (plain.stopped) return { kind: 'stopped' };
      if (next.done || rest !== undefined) break;
    }
    if (rest === undefined) return { kind: reading.notUtf8 ? 'not-utf8' : 'done' };
    // 2. csv-parse, from the first line that is not plain
    const end = await parseRest(rest, texts, plain.nextLine, options, deliver, reading);
    if (bug !== undefined) throw bug;
    return end;
  } catch (err) {
    if (bug !== undefined) throw bug;
    if (err instanceof InputFileError) return { kind: 'read-error', reason: specMessages.fileProblem(err.problem) };
    return { kind: 'read-error', reason: (err as NodeJS.ErrnoException).code ?? String(err) };
  } finally {
    await texts.return(undefined);
  }
}

/** The file's text, chunk by chunk; ends early, with `reading.notUtf8`, when its bytes stop being UTF-8. */
async function* textChunks(
  path: string,
  options: StreamOptions,
  reading: { notUtf8: boolean },
): AsyncGenerator<string, void, undefined> {
  // A regular file only (a pipe named .csv would block forever; input-file.ts), then read
  // synchronously: nothing else runs meanwhile, and a busy machine's thread pool would
  // keep the command waiting once per chunk.
  const handle = await openInputFile(path);
  const fd = handle.fd;
  try {
    const check = options.checkUtf8 ? new Utf8Check() : undefined;
    const decode = chunkDecoder(options.encoding);
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      if (check && !check.push(bytes)) {
        reading.notUtf8 = true;
        return;
      }
      const text = decode(bytes);
      if (text) yield text;
    }
    if (check && !check.end()) reading.notUtf8 = true;
    const rest = decode();
    if (rest) yield rest;
  } finally {
    await handle.close();
  }
}

/** The rest of the file, from `first` (the text of its first line that is not plain), through csv-parse. */
async function parseRest(
  first: string,
  texts: AsyncGenerator<string, void, undefined>,
  firstLine: number,
  options: StreamOptions,
  deliver: (fields: string[], line: number) => boolean,
  reading: { notUtf8: boolean },
): Promise<StreamEnd> {
  // Loaded here, when a file first needs it: most never do.
  const { CsvError, parse } = await import('csv-parse');
  const abort = new AbortController();
  let stopped = false;
  let nextLine = firstLine;
  // Only the options below: csv-parse's `info`, `raw`, `cast`, `columns` and `on_record`
  // each add work per record or per field, and stay off.
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
    if (stopped) return;
    const line = nextLine;
    nextLine += 1 + lineBreaksIn(fields);
    if (!deliver(fields, line)) {
      stopped = true;
      abort.abort();
    }
  });
  async function* rest() {
    yield first;
    yield* texts;
  }
  try {
    await pipeline(Readable.from(rest()), parser, { signal: abort.signal });
    // pipeline waits for the parser's input side only; its last records may still be on their way
    await finished(parser);
  } catch (err) {
    if (stopped) return { kind: 'stopped' };
    if (err instanceof CsvError) return { kind: 'csv-error', code: err.code, line: nextLine };
    throw err; // a read error
  }
  return { kind: stopped ? 'stopped' : reading.notUtf8 ? 'not-utf8' : 'done' };
}

/** Line breaks inside a record's fields (CRLF is one, as csv-parse counts them). */
function lineBreaksIn(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) continue;
    for (let j = 0; j < f.length; j++) {
      const c = f.charCodeAt(j);
      if (c === 10 || (c === 13 && f.charCodeAt(j + 1) !== 10)) n++;
    }
  }
  return n;
}
