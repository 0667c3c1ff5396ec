// The records of a CSV file's plain lines: the fast path in front of csv-parse.
//
// Most data files hold no quote character at all (an HMIS export of a million rows, a
// World Bank download): each of their lines is one record, its fields the line split
// at the delimiter. Cutting those lines here, without csv-parse's byte-by-byte state
// machine and its buffer per field, reads a national file in a fraction of the time
// (bench/README.md). The first line that holds a quote, or is very long, hands the rest
// of the file over to csv-parse, which then reads it as it would have from the start:
// a plain line reads the same either way, so the records do not depend on where the
// hand-over happens.
//
// As csv-parse reads them (record-stream.ts): lines end at `\r\n`, `\n` or `\r`; an empty
// line is a record of one empty field; a line break at the very end of the file ends
// the last record rather than starting an empty one.

/** Receives each record and the line it is on; false stops reading. */
export type RecordCallback = (fields: string[], line: number) => boolean;

/**
 * Offered each plain line before it is split, as the text and the line's bounds in it
 * (`end` at its line break): true when it read the line itself, false to have it split
 * and given to the RecordCallback. A reader that knows the file's columns reads its
 * usual rows this way without a string per field.
 */
export type PlainLineCallback = (text: string, start: number, end: number, line: number) => boolean;

/**
 * Lines longer than this go to csv-parse, which reports a record past its size limit
 * (record-stream.ts) as it always has.
 */
const LONGEST_PLAIN_LINE = 1 << 16;

export class PlainLines {
  /** The line the next record starts on. */
  nextLine = 1;
  /** True once the callback asked to stop. */
  stopped = false;
  /** The text after the last complete line, waiting for the rest of its line. */
  private carry = '';
  /** Fields of the last record. */
  private width = 1;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: RecordCallback,
    private readonly onPlainLine?: PlainLineCallback,
  ) {}

  /**
   * Reads the complete plain lines of the text that follows. Returns the text from the
   * first line that is not plain on (csv-parse's to read, with everything after it), or
   * undefined while every line is plain.
   */
  push(text: string): string | undefined {
    const carry = this.carry;
    if (!carry) return this.read(text, false, 0);
    // The carried start of a line is completed by the text up to its first line break and
    // read on its own: joined to the whole text, the text would be copied once more.
    const cut = afterFirstLineBreak(text);
    if (cut < 0) return this.read(carry + text, false, 0);
    this.carry = '';
    // Complete lines (a `\r` ending them is followed by what is not a `\n`): read as the end of a text.
    const rest = this.read(carry + text.slice(0, cut), true, 0);
    if (rest !== undefined) return rest + text.slice(cut);
    if (this.stopped) return undefined;
    return this.read(text, false, cut);
  }

  /** The end of the file: its last line, when it has no line break. Like `push`, returns text for csv-parse. */
  end(): string | undefined {
    const rest = this.carry;
    this.carry = '';
    return rest ? this.read(rest, true, 0) : undefined;
  }

  /** Reads `data` from `from` on. */
  private read(data: string, final: boolean, from: number): string | undefined {
    const { delimiter, onRecord, onPlainLine } = this;
    const quoteAt = data.indexOf('"', from);
    // The next carriage return and delimiter, each searched again only once passed: a
    // file with few is not searched to its end for every line.
    let crAt = data.indexOf('\r', from);
    let delimiterAt = data.indexOf(delimiter, from);
    let pos = from;
    let line = this.nextLine;
    while (pos < data.length) {
      let end = data.indexOf('\n', pos);
      if (crAt >= 0 && crAt < pos) crAt = data.indexOf('\r', pos);
      if (crAt >= 0 && (end < 0 || crAt < end)) end = crAt;
      if (end < 0) {
        if (!final) break; // the rest of the line is in the next chunk
        end = data.length;
      }
      if ((quoteAt >= pos && quoteAt < end) || end - pos > LONGEST_PLAIN_LINE) {
        this.nextLine = line;
        return data.slice(pos);
      }
      let next = end + 1;
      if (data.charCodeAt(end) === 13) {
        // `\r\n` is one line break; a `\r` ending the chunk may be the first half of one.
        if (end + 1 === data.length && !final) break;
        if (data.charCodeAt(end + 1) === 10) next = end + 2;
      }
      if (onPlainLine?.(data, pos, end, line)) {
        pos = next;
        line++;
        continue;
      }
      // The fields: indexOf and slice rather than split, which takes twice as long, into
      // an array of the previous record's length (rows of a file have the same).
      const fields = new Array<string>(this.width);
      let count = 0;
      let from = pos;
      for (;;) {
        if (delimiterAt >= 0 && delimiterAt < from) delimiterAt = data.indexOf(delimiter, from);
        if (delimiterAt < 0 || delimiterAt >= end) break;
        fields[count++] = data.slice(from, delimiterAt);
        from = delimiterAt + 1;
      }
      fields[count++] = data.slice(from, end);
      if (count !== fields.length) fields.length = count;
      this.width = count;
      pos = next;
      if (!onRecord(fields, line++)) {
        this.stopped = true;
        this.nextLine = line;
        return undefined;
      }
    }
    this.nextLine = line;
    this.carry = data.slice(pos);
    if (this.carry.length > LONGEST_PLAIN_LINE) {
      const rest = this.carry;
      this.carry = '';
      return rest;
    }
    return undefined;
  }
}

/**
 * Where the text after its first line break starts (`\r\n` is one break), or -1 when it
 * has none, or when it ends with a `\r` that the next text may pair with a `\n`.
 */
function afterFirstLineBreak(text: string): number {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) {
    if (cr + 1 === text.length) return -1;
    return text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
  }
  return lf < 0 ? -1 : lf + 1;
}
