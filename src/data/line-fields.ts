// The fields of a plain CSV line found and compared where they are, in the text read,
// without a string per field: what TableReader.plainLine reads a large file's usual rows
// with. Loops over character codes rather than indexOf and startsWith: a row's fields
// are a few characters long, and a call into the engine's string functions costs more
// than comparing them here.

/**
 * Where each field of the line `text[start, end)` starts, into `starts`: field f runs
 * from starts[f] to starts[f + 1] - 1 (its delimiter, or the line's end for the last
 * field, whose next start is set to end + 1). Returns the number of fields, or -1 when
 * the line has more than `width` of them.
 */
export function fieldStarts(
  text: string,
  start: number,
  end: number,
  delimiterCode: number,
  starts: Int32Array,
  width: number,
): number {
  starts[0] = start;
  let count = 1;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== delimiterCode) continue;
    if (count === width) return -1;
    starts[count++] = i + 1;
  }
  starts[count] = end + 1;
  return count;
}

/** Whether `a[aStart, aEnd)` and `b[bStart, bEnd)` hold the same characters. */
export function sameSpan(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  const n = aEnd - aStart;
  if (bEnd - bStart !== n) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(aStart + i) !== b.charCodeAt(bStart + i)) return false;
  return true;
}

/** Whether `text[start, end)` is `other`. */
export const sameText = (text: string, start: number, end: number, other: string): boolean =>
  sameSpan(text, start, end, other, 0, other.length);
