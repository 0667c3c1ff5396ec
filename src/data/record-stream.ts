// The records of a CSV file as a stream, each with the physical line it starts on.
//
// csv-parse does the quoting and the record splitting; this module sets it up for the
// files people actually send (mixed line endings, stray quotes, ragged rows), feeds it
// the bytes (UTF-8 undecoded and checked, Windows-1252 decoded first), counts lines, and
// turns the ways a read can end into values rather than exceptions.
import { createReadStream } from 'node:fs';
import { finished, pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { InputFileError, openInputFile } from '../spec/input-file.js';
import { specMessages } from '../messages/spec.js';
import { chunkDecoder, Utf8Check, type TextEncodingName } from './decode.js';
import type { Delimiter } from './dialect.js';

/** A row longer than this is most likely a quote never closed swallowing the file. */
export const MAX_RECORD_CHARS = 1_000_000;
/**
 * Bytes read at a time. csv-parse copies each chunk onto the tail of the previous one
 * before scanning it byte by byte: at 256 KB the copy and the scan stay in the CPU's
 * cache, and reading 1.2 million rows takes about 8% less CPU than with 1 MB chunks
 * (bench/read-table.bench.ts); 64 KB gains less.
 */
const CHUNK_BYTES = 256 * 1024;

export type StreamEnd =
  | { kind: 'done' | 'stopped' | 'not-utf8' }
  | { kind: 'csv-error'; code: string; line: number }
  | { kind: 'read-error'; reason: string };

/** What a record source knows of its fields beyond their text. */
export interface RecordExtras {
  /** Numbers as the source stores them (workbook cells), by field: used instead of parsing the text. */
  readonly numbers?: readonly (number | undefined)[];
  /** A note of each value, by field (Eurostat's flags). */
  readonly notes?: readonly (string | undefined)[];
}

export interface RecordSink {
  /** One record and the line it starts on; false stops reading. */
  record(fields: string[], line: number, extras?: RecordExtras): boolean;
}

export interface StreamOptions {
  encoding: TextEncodingName;
  /** Watch the bytes and end with `not-utf8` as soon as they stop being UTF-8. */
  checkUtf8: boolean;
  delimiter: Delimiter;
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
export async function streamRecords(path: string, options: StreamOptions, sink: RecordSink): Promise<StreamEnd> {
  const abort = new AbortController();
  let stop: 'stopped' | 'not-utf8' | undefined;
  let bug: unknown;
  let nextLine = 1;
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

  let handle: Awaited<ReturnType<typeof openInputFile>>;
  try {
    handle = await openInputFile(path);
  } catch (err) {
    if (err instanceof InputFileError) return { kind: 'read-error', reason: specMessages.fileProblem(err.problem) };
    throw err;
  }
  try {
    await pipeline(createReadStream(path, { fd: handle, highWaterMark: CHUNK_BYTES }), bytesToParser, parser, {
      signal: abort.signal,
    });
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
