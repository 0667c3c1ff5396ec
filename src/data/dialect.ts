// The CSV dialect of a file: its delimiter and its decimal mark.
//
// Excel writes `,` where the locale's decimal mark is `.` and `;` where it is `,`
// (Spanish, French, German...), so a `;` file is read with a decimal comma unless the
// data source says `decimal: "."`. The delimiter is detected from the first lines when
// the data source does not name one: it is the candidate that splits the header and the
// following lines into the same number of fields, outside quoted fields.
import type { DataSource } from '../spec/schema.js';

export type Delimiter = ',' | ';' | '\t' | '|';
export type DecimalMark = '.' | ',';

/** In order of preference when two candidates split the lines equally well. */
export const delimiters: readonly Delimiter[] = [',', ';', '\t', '|'];
/** The delimiters as texts, to find a character among them. */
const candidates: readonly (string | undefined)[] = delimiters;

export interface Dialect {
  readonly delimiter: Delimiter;
  readonly decimal: DecimalMark;
  /** True when the delimiter was detected rather than named by the data source. */
  readonly delimiterDetected: boolean;
}

const SAMPLE_LINES = 20;

/**
 * Counts of each candidate per line in the first lines of `sample`, skipping quoted
 * text (a quoted field may hold delimiters and line breaks). The last line is dropped
 * when the sample may have cut it short.
 */
function countPerLine(sample: string, complete: boolean): number[][] {
  const lines: number[][] = [];
  let counts = delimiters.map(() => 0);
  let quoted = false;
  for (let i = 0; i < sample.length && lines.length < SAMPLE_LINES; i++) {
    const c = sample[i];
    if (c === '"')
      quoted = !quoted; // `""` inside quotes toggles twice: no change
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && sample[i + 1] === '\n') i++;
      if (counts.some((n) => n > 0) || lines.length === 0) lines.push(counts);
      counts = delimiters.map(() => 0);
    } else {
      const d = candidates.indexOf(c);
      if (d >= 0) counts[d] = (counts[d] ?? 0) + 1;
    }
  }
  if (complete && lines.length < SAMPLE_LINES && counts.some((n) => n > 0)) lines.push(counts);
  return lines;
}

/**
 * The delimiter of a CSV text from its first lines: among the candidates found in the
 * header, the one whose count is the same on the most following lines, then the one
 * found most often in the header, then `,` before `;` before tab before `|`.
 * A text with no candidate at all (one column) reads as `,`.
 * `complete` says whether the sample is the whole file (else its last line may be cut).
 */
export function detectDelimiter(sample: string, complete = false): Delimiter {
  const [header, ...following] = countPerLine(sample, complete);
  if (!header) return ',';
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const [d, delimiter] of delimiters.entries()) {
    const inHeader = header[d] ?? 0;
    if (inHeader === 0) continue;
    let same = 0;
    for (const line of following) if (line[d] === inHeader) same++;
    const consistency = following.length > 0 ? same / following.length : 1;
    // Consistency first, then how many fields it makes; a tie keeps the earlier candidate.
    const score = consistency * 1000 + Math.min(inHeader, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** FORMAT.md: a decimal comma where the delimiter is `;` or `decimal: ","` is set. */
export function decimalMarkFor(delimiter: Delimiter, configured?: DecimalMark): DecimalMark {
  return configured ?? (delimiter === ';' ? ',' : '.');
}

/** The dialect of a file from the start of its text and what its data source says. */
export function detectDialect(
  sample: string,
  source: Pick<DataSource, 'delimiter' | 'decimal'>,
  complete = false,
): Dialect {
  const delimiter = source.delimiter ?? detectDelimiter(sample, complete);
  return {
    delimiter,
    decimal: decimalMarkFor(delimiter, source.decimal),
    delimiterDetected: source.delimiter === undefined,
  };
}
