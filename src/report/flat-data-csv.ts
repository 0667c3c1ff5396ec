// data.csv: one flat row per indicator x breakdown x period with every id, beside the
// workbook. It holds every value even when a national programme's 1.2 million rows
// exceed what a sheet can hold; pivot tables and Power Query read it directly.
//
// The rows are written as bytes into chunks, not as strings: a national programme's
// 300 MB of text built by concatenation costs seconds (ropes flattened and encoded on
// write, and their garbage). What a series' rows share (programme to breakdowns, the
// file) and what a period's rows share (its id, start and end) is encoded once.
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import { allSeries } from '../data/indicator-data.js';
import { type Text, textIn } from '../messages/localized.js';
import type { Period } from '../periods/period.js';
import type { Program } from '../spec/model.js';
import type { Locale } from '../spec/schema.js';

/** Text a spreadsheet would run as a formula is prefixed with ' (OWASP's CSV-injection advice). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Chunks are handed out when they reach this many bytes. */
const CHUNK_BYTES = 1 << 20;

/**
 * The CSV in chunks of about a megabyte, so a large programme streams to disk. The
 * column names are ids, the same in every language; a missing value's reason is mel's
 * words, in the pack's `locale`.
 *
 * Each chunk is valid only until the next is asked for: the same memory is filled again
 * (fresh memory for each megabyte costs a national programme a third of a second in page
 * faults). Write each chunk, or copy it, before going on.
 */
export function* flatDataCsv(
  program: Program,
  data: ReadonlyMap<string, IndicatorData>,
  locale: Locale = 'en',
): Generator<Uint8Array> {
  const dimColumns = [...new Set([...data.values()].flatMap((d) => allSeries(d).flatMap((s) => Object.keys(s.dims))))];
  const header = [
    'program',
    'result',
    'level',
    'indicator',
    'indicator_name',
    'unit',
    ...dimColumns,
    'period',
    'period_start',
    'period_end',
    'value',
    'missing_reason',
    'source',
    'file',
    'line',
  ];
  const out = new ByteChunk(CHUNK_BYTES);
  out.bytes(Buffer.from(`\ufeff${header.map(field).join(',')}\r\n`));
  const periods = new PeriodFields();
  for (const ind of program.indicators) {
    const d = data.get(ind.id);
    if (!d) continue;
    const level = program.results.find((r) => r.id === ind.result)?.level;
    const prefix = [program.id, ind.result, level, ind.id, ind.name, ind.unitLabel ?? ind.unit].map(field).join(',');
    for (const s of allSeries(d)) {
      const dims = dimColumns.map((c) => field(s.dims[c])).join(',');
      // program ... breakdowns, up to the period
      const head = Buffer.from(`${prefix},${dimColumns.length ? `${dims},` : ''}`);
      const rows = new SeriesRows(s, head, field(s.file), periods, locale);
      while (rows.next < s.periods.length) {
        rows.writeInto(out, CHUNK_BYTES);
        if (out.length >= CHUNK_BYTES) yield out.take();
      }
    }
  }
  if (out.length) yield out.take();
}

/** The rows of one series, written a chunk's worth at a time. */
class SeriesRows {
  /** The next row to write. */
  next = 0;
  /** From the value's end to the line: missing_reason, source and file, the same for most rows. */
  private tail: Buffer;
  private tailReason: Text | undefined;
  private tailSource: string | undefined;

  constructor(
    private readonly s: BreakdownSeries,
    /** Every field up to the period: programme ... breakdowns. */
    private readonly head: Buffer,
    private readonly file: string,
    private readonly periods: PeriodFields,
    private readonly locale: Locale,
  ) {
    this.tail = Buffer.from(`,,,${file},`);
  }

  /** Rows until `out` holds `size` bytes or the series ends. */
  writeInto(out: ByteChunk, size: number): void {
    const { periods, values, missingReasons, sources, lines } = this.s;
    const head = this.head;
    let i = this.next;
    for (; i < periods.length && out.length < size; i++) {
      out.bytes(head);
      out.bytes(this.periods.of(periods[i] as Period));
      const v = values[i] ?? Number.NaN; // NaN: missing, as in the series itself
      if (!Number.isNaN(v)) out.number(v);
      const reason = missingReasons[i];
      const source = sources[i];
      if (reason !== this.tailReason || source !== this.tailSource) {
        this.tail = Buffer.from(`,${field(reason && textIn(reason, this.locale))},${field(source)},${this.file},`);
        this.tailReason = reason;
        this.tailSource = source;
      }
      out.bytes(this.tail);
      const line = lines[i];
      if (line) out.line(line);
      out.crlf();
    }
    this.next = i;
  }
}

/** Each period's `period,period_start,period_end,` fields, encoded once per distinct period. */
class PeriodFields {
  private readonly byId = new Map<string, { period: Period; bytes: Buffer }>();

  of(p: Period): Buffer {
    const known = this.byId.get(p.id);
    if (known && (known.period === p || (known.period.start === p.start && known.period.end === p.end)))
      return known.bytes;
    const bytes = Buffer.from(`${field(p.id)},${p.start},${p.end},`);
    this.byId.set(p.id, { period: p, bytes });
    return bytes;
  }
}

/** A chunk of bytes being filled, again and again; grows when a row does not fit. */
class ByteChunk {
  private buffer: Buffer;
  length = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size + (size >> 2));
  }

  /** The bytes so far; the next ones overwrite them. */
  take(): Buffer {
    const full = this.buffer.subarray(0, this.length);
    this.length = 0;
    return full;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buffer.set(b, this.length);
    this.length += b.length;
  }

  /** A number as `${n}` writes it (digits, `.`, `-`, `e`, `+`, `Infinity`: ASCII). */
  number(n: number): void {
    this.room(24);
    const a = n < 0 ? -n : n;
    if (a < 1e14) {
      if (a === 0) {
        this.buffer[this.length++] = 48; // 0, and -0 is written 0
        return;
      }
      // Up to three decimals: see plainDigits.
      for (let d = 0; d <= MAX_DECIMALS; d++) {
        const k = Math.round(a * (TENS[d] as number));
        if (k / (TENS[d] as number) !== a) continue;
        // More than 15 digits, or digits that end in 0 (a rounding at the edge): String(n)'s
        if (k >= 1e15 || (d > 0 && k - Math.floor(k / 10) * 10 === 0)) break;
        if (n < 0) this.buffer[this.length++] = 45; // -
        this.decimal(k, d);
        return;
      }
    }
    const text = String(n);
    const buf = this.buffer;
    let at = this.length;
    for (let k = 0; k < text.length; k++) buf[at++] = text.charCodeAt(k);
    this.length = at;
  }

  /** A line number: a whole number from 1 to 2^31 - 1 (anything else as `${n}` writes it). */
  line(n: number): void {
    if (n > 0 && n <= 0x7fffffff && Number.isInteger(n)) {
      this.room(10);
      this.decimal(n, 0);
    } else this.number(n);
  }

  /** The integer `k` (0 to 1e15) divided by 10^decimals, in digits: `k` 682, 1 decimal is 68.2. */
  private decimal(k: number, decimals: number): void {
    const buf = this.buffer;
    let digits = 1;
    while (digits < TENS.length && k >= (TENS[digits] as number)) digits++;
    if (digits <= decimals) digits = decimals + 1; // 0.05: a leading 0
    const end = this.length + digits + (decimals > 0 ? 1 : 0);
    let at = end;
    let d = 0;
    if (k <= 0x7fffffff) {
      // Integer arithmetic for the usual numbers
      let t = k | 0;
      for (; d < decimals; d++) {
        const q = (t / 10) | 0;
        buf[--at] = 48 + t - q * 10;
        t = q;
      }
      if (decimals > 0) buf[--at] = 46; // .
      do {
        const q = (t / 10) | 0;
        buf[--at] = 48 + t - q * 10;
        t = q;
      } while (at > this.length);
    } else {
      let t = k;
      for (; d < decimals; d++, t = Math.floor(t / 10)) buf[--at] = 48 + (t % 10);
      if (decimals > 0) buf[--at] = 46; // .
      do {
        buf[--at] = 48 + (t % 10);
        t = Math.floor(t / 10);
      } while (at > this.length);
    }
    this.length = end;
  }

  crlf(): void {
    this.room(2);
    this.buffer[this.length++] = 13;
    this.buffer[this.length++] = 10;
  }

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}

/** 10^i up to 10^15: a number's decimals and its digits. */
const TENS = Array.from({ length: 16 }, (_, i) => 10 ** i);
const MAX_DECIMALS = 3;

/*
 * Plain digits: for a number n below 1e14 and an integer k below 1e15 (15 digits at most)
 * with k / 10^d === n (d at most 3), the decimal k / 10^d is the double nearest to n
 * among decimals of at most 15 significant digits, and no other such decimal is (two of
 * them are never the same double); so, without trailing zeros, it is the shortest text
 * that reads back as n, which is what String(n) writes (68.2, 0.05, 120). Anything else
 * (0.1 + 0.2, 1e-7, 1e21, NaN) is written by String(n).
 */
