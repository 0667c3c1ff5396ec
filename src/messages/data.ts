// Every message the CSV reader (src/data) shows a user, one small function each, so tests
// and other code refer to the function and rewording breaks nothing. Each message says
// what is wrong in the user's words and, where there is one, how to fix it.
// `quote` marks a name or a cell the way the rest of mel does: with backticks.

const quote = (text: string) => `\`${text}\``;
const list = (names: readonly string[]) => names.map(quote).join(', ');

// --- the file itself -------------------------------------------------------------------

export const fileNotFound = (sourceId: string) =>
  `this file does not exist (data source ${quote(sourceId)}); check its \`file:\` in program.yaml, relative to the programme root`;

export const fileUnreadable = (sourceId: string, reason: string) =>
  `cannot read this file (data source ${quote(sourceId)}): ${reason}`;

export const fileEmpty = () =>
  'the file is empty: a data file needs a header row naming its columns, then one row per value';

export const noDataRows = () => 'the file has a header but no rows of data';

export const unclosedQuote = () =>
  'a quoted field that starts on this line is never closed (a `"` is missing); the rest of the file could not be read';

export const recordTooLong = (limit: number) =>
  `a row starting on this line is longer than ${limit.toLocaleString('en')} characters: most likely a \`"\` opened here is never closed; the rest of the file could not be read`;

// --- the header ------------------------------------------------------------------------

/** What a configured column is for, as the missing-column message names it. */
export type ColumnRole = 'indicator' | 'period' | 'value' | 'disaggregation' | 'match' | 'id' | 'source' | 'note';

const roleText: Record<ColumnRole, string> = {
  indicator: 'the indicator column (`columns.indicator`)',
  period: 'the period column (`columns.period`)',
  value: 'the value column (`columns.value`)',
  disaggregation: 'a disaggregation of the data source',
  match: "a column an indicator's `match` names",
  id: 'an id column (`id_columns`)',
  source: 'the source column (`columns.source`)',
  note: 'the note column (`columns.note`)',
};

export const missingColumn = (column: string, role: ColumnRole, available: readonly string[], suggestion?: string) =>
  `the header has no column ${quote(column)}, ${roleText[role]}; ` +
  (suggestion !== undefined ? `did you mean ${quote(suggestion)}? ` : '') +
  `the file's columns are ${available.length ? list(available) : '(none)'}`;

/** Column `field` (0-based) as a spreadsheet names it: 1 -> A, 27 -> AA. */
const columnLetter = (field: number): string => {
  let n = field + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};
const columnsAt = (names: readonly string[], fields: readonly number[]) =>
  fields.map((f, i) => `${quote(names[i])} in column ${columnLetter(f)}`).join(' and ');

export const duplicateColumn = (column: string, names: readonly string[], fields: readonly number[]) =>
  `the header names ${quote(column)} ${fields.length} times (${columnsAt(names, fields)}), so mel cannot tell which one to read; ` +
  'rename or remove the others; nothing is read from this file until then';

export const duplicatePeriodColumn = (period: string, names: readonly string[], fields: readonly number[]) =>
  `two columns of the header are the period ${quote(period)} (${columnsAt(names, fields)}), so each row would hold two values for it; ` +
  'rename or remove one; nothing is read from this file until then';

export const noPeriodColumns = (available: readonly string[]) =>
  `no column of the header is a period, so this wide file has no values; its columns are ${available.length ? list(available) : '(none)'} ` +
  '(a wide file has one column per period: 2006, 2007... or 2006-Q1, 2006-03...)';

export const ignoredWideColumn = (column: string) =>
  `column ${quote(column)} is neither a period nor one of \`id_columns\`; it is ignored`;

// --- rows ------------------------------------------------------------------------------

export const wrongFieldCount = (got: number, expected: number, delimiter: string) =>
  `this row has ${got} field${got === 1 ? '' : 's'} but the header has ${expected}; ` +
  (got > expected
    ? `a value may contain an unquoted ${quote(delimiter === '\t' ? 'tab' : delimiter)} (quote it: "...")`
    : 'a field or a delimiter is missing') +
  '; the row is not used';

export const nonNumericValue = (text: string, column: string, reason: string) =>
  `${quote(text)} in column ${quote(column)} is not a number: ${reason}`;

export const unreadablePeriod = (text: string, column: string, reason: string) =>
  `${quote(text)} in column ${quote(column)} is not a period: ${reason}`;

export const emptyIndicatorCode = (column: string) =>
  `this row has no value in the indicator column ${quote(column)}; no indicator can use it`;

/** `seriesLabel` reads like `stunting_u5 (area: rural)`. */
export const duplicateRow = (seriesLabel: string, period: string, earlierLine: number, sourceId: string) =>
  `${seriesLabel} already has a value for ${period} at line ${earlierLine}; ` +
  `if the file really holds two values for one period (two surveys in one year), set \`duplicates: first\`, \`last\` or \`mean\` on data source ${quote(sourceId)}`;

/** The kinds of row problems, as the count of unlisted ones names them. */
export type RowProblemKind = 'fields' | 'value' | 'period' | 'duplicate' | 'code';

const problemKindText: Record<RowProblemKind, string> = {
  fields: 'a wrong number of fields',
  value: 'a value that is not a number',
  period: 'a period that cannot be read',
  duplicate: 'a period repeated in one series',
  code: 'no indicator code',
};

export const moreProblems = (count: number, kind: RowProblemKind) =>
  `${count.toLocaleString('en')} more row${count === 1 ? '' : 's'} with ${problemKindText[kind]}, from this line on, are not listed`;

// --- why a cell is not a number (the `reason` of nonNumericValue) ------------------------

export const decimalCommaReason = (sourceId: string) =>
  `it uses a decimal comma; set \`decimal: ","\` on data source ${quote(sourceId)} or use \`;\` as the delimiter`;

export const decimalPointReason = (sourceId: string) =>
  `it uses a decimal point but data source ${quote(sourceId)} reads \`,\` as the decimal mark (a \`;\`-delimited file, as Spanish Excel writes it); set \`decimal: "."\` on it if the file uses decimal points`;

export const misplacedThousandsReason = () =>
  'its thousands separators are misplaced (groups of three digits are expected, as in 1,200,000)';

export const spreadsheetErrorReason = () =>
  'it is a spreadsheet formula error; fix the formula, or leave the cell empty for a missing value';

export const notANumberReason = (decimal: '.' | ',', extraMissing: readonly string[]) =>
  `write a number such as ${decimal === ',' ? '29,5, 1.200' : '29.5, 1,200'} or 12%; a missing value is written empty, NA, n/a, .., - or n.d.` +
  (extraMissing.length
    ? ` (or ${list(extraMissing)}, the data source's \`missing:\`)`
    : "; other markers can be listed in the data source's `missing:`");

export const notFiniteReason = () => 'it is not a finite number';
