// Texts compared where they are, in the text read, without cutting a string out of it:
// what TableReader.plainLine compares a row's code and period with. A loop over character
// codes rather than startsWith: the texts are a few characters long, and a call into the
// engine's string functions costs more than comparing them here.

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
