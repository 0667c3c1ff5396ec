// Bytes -> text. Field teams send UTF-8 (with or without the BOM Excel writes) and
// Windows-1252 (what Spanish Excel writes for "CSV (delimitado por comas)"). Without an
// `encoding:` on the data source the file is UTF-8 if its bytes are valid UTF-8, else
// Windows-1252: a Windows-1252 file with any accented letter is almost never valid UTF-8,
// and a UTF-8 file read as Windows-1252 would silently turn `Año` into `AÃ±o`.
//
// `latin1` is read as Windows-1252, as browsers do (WHATWG Encoding): the two differ only
// in 0x80-0x9F, where Windows-1252 has `€`, curly quotes and dashes that Excel writes.
import { Buffer, isAscii, isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'windows-1252';

export const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

export const hasUtf8Bom = (bytes: Uint8Array) =>
  bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** The encoding a data source names, in the names the decoder knows. */
export function encodingOf(option: 'utf-8' | 'windows-1252' | 'latin1' | undefined): TextEncodingName | undefined {
  return option === undefined ? undefined : option === 'utf-8' ? 'utf-8' : 'windows-1252';
}

/**
 * How many bytes at the end of `bytes` start a UTF-8 sequence that the next chunk would
 * complete (0-3). A chunk boundary may cut a character; that is not invalid UTF-8.
 */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k];
    if (b === undefined) break;
    if ((b & 0xc0) !== 0x80) {
      // A lead byte: the length of the sequence it starts.
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > k ? k : 0;
    }
  }
  return 0;
}

/** Whether `bytes` is valid UTF-8; when `complete` is false a cut last character is allowed. */
export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  const end = complete ? bytes.length : bytes.length - incompleteTail(bytes);
  return isUtf8(bytes.subarray(0, end));
}

/** The encoding of a file from its first bytes (or all of them when `complete`). */
export function detectEncoding(sample: Uint8Array, complete = true): TextEncodingName {
  return isValidUtf8(sample, complete) ? 'utf-8' : 'windows-1252';
}

/**
 * Checks that a file streamed in chunks is valid UTF-8 without decoding it, so the
 * bytes can go straight to the CSV parser. A chunk may end inside a character; its
 * first bytes are kept and checked with the next chunk.
 */
export class Utf8Check {
  private carry: Uint8Array = new Uint8Array(0);

  /** False as soon as the bytes so far are not UTF-8. */
  push(chunk: Uint8Array): boolean {
    const bytes = this.carry.length ? concat(this.carry, chunk) : chunk;
    const tail = incompleteTail(bytes);
    this.carry = bytes.slice(bytes.length - tail);
    return isUtf8(bytes.subarray(0, bytes.length - tail));
  }

  /** False when the file ends inside a character. */
  end(): boolean {
    return this.carry.length === 0;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * A streaming decoder: feed chunks in order, then call with no chunk to flush. A UTF-8
 * BOM at the start is dropped whatever the encoding (a BOM read as Windows-1252 would
 * become `ï»¿` in the first header).
 */
export function chunkDecoder(encoding: TextEncodingName): (chunk?: Uint8Array) => string {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  let start = true;
  /** Whether the decoder may hold the first bytes of a character the last chunk cut (never wrongly false). */
  let pending = false;
  return (chunk) => {
    if (chunk === undefined) return decoder.decode();
    let bytes = chunk;
    if (start) {
      start = false;
      if (hasUtf8Bom(bytes)) bytes = bytes.subarray(3);
    }
    // ASCII is the same text in both encodings: copied as it is, much faster than the
    // decoder (most chunks of most files), when the decoder holds nothing to join to it.
    if (!pending && isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    const text = decoder.decode(bytes, { stream: true });
    // A chunk too short to complete a cut character may leave the decoder still waiting.
    pending = encoding === 'utf-8' && (incompleteTail(bytes) > 0 || (pending && bytes.length < 4));
    return text;
  };
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** True when the encoding was detected rather than given. */
  readonly detected: boolean;
}

/** Decodes a whole file held in memory (small files, samples and tests). */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  const chosen = encoding ?? detectEncoding(bytes, true);
  const decode = chunkDecoder(chosen);
  return { text: decode(bytes) + decode(), encoding: chosen, detected: encoding === undefined };
}
