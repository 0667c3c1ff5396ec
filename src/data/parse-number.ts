// One CSV cell -> a number, a missing value, or the reason it is neither.
//
// Spreadsheets export numbers in their locale: `29,5` (Spanish Excel), `1.200.000`,
// `1 200 000` (French, with a no-break or thin space), `12%`, `1,2E+06`. The cell is
// rewritten as plain JavaScript number text and given to Number(), so `29,5` is exactly
// the double 29.5 (never 29.5 computed as 29 + 5/10). Where a cell is ambiguous the
// data source's decimal mark decides, and a cell that only makes sense with the other
// mark is an error that says which setting to change, never a silent factor of 1000.
import * as msg from '../messages/data.js';
import type { Localized } from '../messages/localized.js';
import type { DecimalMark } from './dialect.js';

/** A missing-value marker: the value is unknown, never zero. */
export const MISSING: unique symbol = Symbol('missing');
export type Missing = typeof MISSING;

/** Why a cell is not a number (the `reason` of messages/data nonNumericValue). */
export interface NumberProblem {
  readonly problem: Localized;
}

export type ParsedCell = number | Missing | NumberProblem;

/**
 * Texts that mean "no value", compared trimmed and lower-cased. Besides FORMAT.md's list:
 * `NaN`/`null` (what pandas and databases write), `#N/A` (Excel's not-available), the
 * dashes, and the Spanish `s.d.`/`s/d` (sin dato).
 */
export const defaultMissingMarkers: readonly string[] = [
  '',
  'na',
  'n/a',
  'n.a.',
  '..',
  '...',
  '-',
  '–',
  '—',
  'n.d.',
  'nd',
  'nan',
  'null',
  '#n/a',
  's.d.',
  's/d',
];

export interface NumberFormat {
  readonly decimal: DecimalMark;
  /** Lower-cased, trimmed missing markers: the defaults plus the data source's `missing:`. */
  readonly missing: ReadonlySet<string>;
  /** The data source's own `missing:` list, as written, for messages. */
  readonly extraMissing: readonly string[];
  /** The data source id, which the messages name so the user knows where to set `decimal:`. */
  readonly sourceId: string;
}

export function numberFormat(options: {
  decimal: DecimalMark;
  sourceId: string;
  missing?: readonly string[];
  /** Markers of the file's format (Eurostat's `:`), not listed as the data source's own. */
  formatMissing?: readonly string[];
}): NumberFormat {
  const extra = options.missing ?? [];
  const missing = new Set(defaultMissingMarkers);
  for (const m of [...extra, ...(options.formatMissing ?? [])]) missing.add(m.trim().toLowerCase());
  return { decimal: options.decimal, missing, extraMissing: extra, sourceId: options.sourceId };
}

const problem = (reason: Localized): NumberProblem => ({ problem: reason });

export const isNumberProblem = (cell: ParsedCell): cell is NumberProblem => typeof cell === 'object';

const CH_0 = 48;
const CH_9 = 57;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_COMMA = 44;

/** 10^k for the fraction digits a plain cell can have: every one exact as a double. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Plain cells are at most this many characters: their digits, as a whole number, are exact as a double. */
const PLAIN_CHARS = 15;

/**
 * A plain cell (`-12`, `29.5`, `29,5` with a decimal comma) in `text` from `start` to
 * `end`, without a regular expression or a copy: most cells of a large file are plain,
 * and this keeps reading fast. Returns NaN when the cell needs the full parser.
 *
 * The value is its digits as a whole number m divided by 10^k (k digits after the mark):
 * with at most 15 digits both are exact doubles, and one IEEE division of exact operands
 * is correctly rounded, so m / 10^k is the double nearest the decimal the cell writes:
 * the very number Number() reads from the same text.
 */
export function parsePlainSpan(text: string, start: number, end: number, decimalCode: number): number {
  const n = end - start;
  if (n <= 0 || n > PLAIN_CHARS) return NaN;
  const negative = text.charCodeAt(start) === CH_MINUS;
  let digits = 0;
  let whole = 0;
  let markAt = -1;
  for (let i = negative ? start + 1 : start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= CH_0 && c <= CH_9) {
      whole = whole * 10 + (c - CH_0);
      digits++;
    } else if (c === decimalCode && markAt < 0) markAt = i;
    else return NaN;
  }
  if (digits === 0) return NaN;
  // A lone decimal comma could be a thousands comma only with a decimal point, which
  // never reaches here; so with a decimal comma `1,200` is 1.2, as the user declared.
  const power = markAt < 0 ? 1 : POWERS_OF_TEN[end - markAt - 1];
  if (power === undefined) return NaN;
  const value = whole / power;
  return negative ? -value : value;
}

/** Spaces that group thousands: space, no-break space, thin space, narrow no-break space, and the Swiss apostrophe. */
const GROUP_SPACE = /[ \u00a0\u2009\u202f']/;
const GROUP_SPACES = /[ \u00a0\u2009\u202f']/g;
const MANTISSA = /^[0-9.,]*$/;

/** `1,200,000` -> `1200000` when `sep` groups digits in threes; undefined when it does not. */
function ungroup(intPart: string, sep: string): string | undefined {
  const [first, ...rest] = intPart.split(sep);
  if (first === undefined || first.length < 1 || first.length > 3 || first.startsWith('0')) return undefined;
  for (const group of rest) if (group.length !== 3) return undefined;
  return first + rest.join('');
}

/** The character code of a format's decimal mark, for parsePlainSpan. */
export const decimalCodeOf = (format: NumberFormat): number => (format.decimal === ',' ? CH_COMMA : CH_DOT);

/** Parses one cell. Never throws. */
export function parseNumber(text: string, format: NumberFormat): ParsedCell {
  const decimalCode = decimalCodeOf(format);
  const plain = parsePlainSpan(text, 0, text.length, decimalCode);
  if (!Number.isNaN(plain)) return plain;
  return parseLocalised(text, format);
}

function parseLocalised(text: string, format: NumberFormat): ParsedCell {
  let s = text.trim();
  const lower = s.toLowerCase();
  if (format.missing.has(lower)) return MISSING;
  if (s.startsWith('#')) return problem(msg.spreadsheetErrorReason());

  let sign = '';
  const first = s[0];
  if (first === '+' || first === '-' || first === '\u2212') {
    sign = first === '+' ? '' : '-';
    s = s.slice(1).trimStart();
  }
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd(); // percent units stay: 29.5% is 29.5

  let exponent = '';
  const e = s.match(/[eE]([+-]?\d{1,3})$/);
  if (e) {
    exponent = `e${e[1]}`;
    s = s.slice(0, e.index);
  }

  // Space-like separators only ever group thousands.
  const spaced = GROUP_SPACE.test(s);
  if (spaced) s = s.replace(GROUP_SPACES, ' ');
  if (!MANTISSA.test(spaced ? s.replaceAll(' ', '') : s) || !/\d/.test(s))
    return problem(msg.notANumberReason(format.decimal, format.extraMissing));

  const mark = format.decimal;
  const other = mark === '.' ? ',' : '.';
  const wrongMarkReason = () =>
    mark === '.' ? msg.decimalCommaReason(format.sourceId) : msg.decimalPointReason(format.sourceId);

  let intPart = s;
  let fraction = '';
  const marks = s.split(mark).length - 1;
  if (marks === 1) {
    const at = s.indexOf(mark);
    intPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    // `1.200,5` with a decimal point: the comma after the point only makes sense as a decimal comma.
    if (fraction.includes(other)) return problem(wrongMarkReason());
    if (!/^\d*$/.test(fraction)) return problem(msg.notANumberReason(format.decimal, format.extraMissing));
  } else if (marks > 1) {
    // `1.200.000` with a decimal point: several marks can only group thousands;
    // `1.200.000,5` is then a decimal comma.
    const otherAt = s.indexOf(other);
    if (otherAt >= 0)
      return problem(
        otherAt > s.lastIndexOf(mark) && s.lastIndexOf(other) === otherAt
          ? wrongMarkReason()
          : msg.misplacedThousandsReason(),
      );
    const grouped = ungroup(s.replaceAll(' ', ''), mark);
    return grouped === undefined ? problem(msg.misplacedThousandsReason()) : finish(sign, grouped, '', exponent);
  }

  // The integer part may group thousands with the other mark or with spaces, not both.
  const hasOther = intPart.includes(other);
  const hasSpace = intPart.includes(' ');
  if (hasOther && hasSpace) return problem(msg.misplacedThousandsReason());
  if (hasOther || hasSpace) {
    const grouped = ungroup(intPart, hasOther ? other : ' ');
    if (grouped === undefined) {
      // `29,5` with a decimal point (or `1.5` with a decimal comma): one separator not
      // followed by three digits is the other decimal mark, not a thousands separator.
      const parts = intPart.split(other);
      if (hasOther && parts.length === 2 && marks === 0) return problem(wrongMarkReason());
      return problem(msg.misplacedThousandsReason());
    }
    intPart = grouped;
  }
  if (intPart === '' && fraction === '') return problem(msg.notANumberReason(format.decimal, format.extraMissing));
  return finish(sign, intPart, fraction, exponent);
}

function finish(sign: string, intPart: string, fraction: string, exponent: string): ParsedCell {
  const value = Number(`${sign}${intPart || '0'}${fraction ? `.${fraction}` : ''}${exponent}`);
  return Number.isFinite(value) ? value : problem(msg.notFiniteReason());
}
