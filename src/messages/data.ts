// Every message the CSV reader (src/data) shows a user, one small function each, so tests
// and other code refer to the function and rewording breaks nothing. Each message says
// what is wrong in the user's words and, where there is one, how to fix it.
// `quote` marks a name or a cell the way the rest of mel does: with backticks.

import { formatInteger } from './format-number.js';

const quote = (text: string) => `\`${text}\``;
const list = (names: readonly string[]) => names.map(quote).join(', ');
/** At most `max` names, then how many more: a pivot export has hundreds of columns. */
const listSome = (names: readonly string[], max = 12) =>
  names.length <= max
    ? list(names)
    : `${list(names.slice(0, max))} and ${formatInteger(names.length - max, 'en')} more`;
const plural = (n: number, one: string, many = `${one}s`) => `${formatInteger(n, 'en')} ${n === 1 ? one : many}`;

/** A place in a file as a sentence names it: `line 12`, `line 12, column 3`, `Data!C12`, `$.rows[3]`. */
export const positionText = (place: { line?: number; column?: number; at?: string }) =>
  place.at ??
  (place.line === undefined
    ? 'the file'
    : `line ${place.line}${place.column === undefined ? '' : `, column ${place.column}`}`);

// --- the file itself -------------------------------------------------------------------

export const fileNotFound = (sourceId: string) =>
  `this file does not exist (data source ${quote(sourceId)}); check its \`file:\` in program.yaml, relative to ` +
  'the programme root';

export const fileUnreadable = (sourceId: string, reason: string) =>
  `cannot read this file (data source ${quote(sourceId)}): ${reason}`;

export const fileEmpty = () =>
  'the file is empty: a data file needs a header row naming its columns, then one row per value';

export const noDataRows = () => 'the file has a header but no rows of data';

export const unclosedQuote = () =>
  'a quoted field that starts on this line is never closed (a `"` is missing); the rest of the file could not be read';

export const recordTooLong = (limit: number) =>
  `a row starting on this line is longer than ${formatInteger(limit, 'en')} characters: most likely a \`"\` ` +
  'opened here is never closed; the rest of the file could not be read';

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
  `the file's columns are ${available.length ? listSome(available) : '(none)'}`;

/** No row of the first lines has the configured columns: the row most like a header is the one reported. */
export const headerSearched = (lines: number) =>
  `(no row of the first ${lines} lines has the configured columns; this row is the one most like a header: set ` +
  '`header_row:` on the data source if the header is elsewhere)';

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
/** Header names and their columns, given side by side (one name for each column). */
const columnsAt = (names: readonly string[], fields: readonly number[]) =>
  fields
    .map((f, i) => {
      const name = names[i];
      if (name === undefined) throw new Error(`internal: no header name for column ${columnLetter(f)}`);
      return `${quote(name)} in column ${columnLetter(f)}`;
    })
    .join(' and ');

export const duplicateColumn = (column: string, names: readonly string[], fields: readonly number[]) =>
  `the header names ${quote(column)} ${fields.length} times (${columnsAt(names, fields)}), so mel cannot tell ` +
  'which one to read; ' +
  'rename or remove the others; nothing is read from this file until then';

export const duplicatePeriodColumn = (period: string, names: readonly string[], fields: readonly number[]) =>
  `two columns of the header are the period ${quote(period)} (${columnsAt(names, fields)}), so each row would ` +
  'hold two values for it; ' +
  'rename or remove one; nothing is read from this file until then';

export const noPeriodColumns = (available: readonly string[]) =>
  'no column of the header is a period, so this wide file has no values; its columns are ' +
  `${available.length ? listSome(available) : '(none)'} ` +
  '(a wide file has one column per period: 2006, 2007... or 2006-Q1, 2006-03...; a file with one row per ' +
  'period needs `periods: rows`)';

export const noColumnDimension = (code: string) =>
  `with \`indicator: ${code}\` and \`periods: rows\`, each column is one breakdown of ${quote(code)}: name ` +
  'what the column headers are ' +
  'with a disaggregation the file has no column for (`disaggregations: [facility]`)';

export const noSeriesColumns = (periodColumn: string) =>
  `besides the period column ${quote(periodColumn)} and \`id_columns\`, the header has no column: with ` +
  '`periods: rows` every other column is a series';

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

/** The period forms a data file may use, listed once per file. */
export const acceptedPeriodForms = () =>
  'mel reads 2024, 2024-Q1, 2024-03, 2024-S1, 2024-W05, FY2024, 2007-2008, ene-24, enero 2024, Jan-24, January 2024, ' +
  '01/02/2024 (day/month/year; `dates: mdy` for month/day/year) and 2024-02-01; if Excel turned the column ' +
  'into dates ' +
  'or numbers, format the column as Text and write the periods as yyyy-mm (2024-02)';

/**
 * `unknownForm`: the text has none of the period forms (its reason says nothing more than
 * that). The first such problem of a file lists the forms; the others do not repeat them.
 */
export const unreadablePeriod = (text: string, column: string, reason: string, unknownForm = false, first = true) =>
  unknownForm
    ? `${quote(text)} in column ${quote(column)} is not a period${first ? `; ${acceptedPeriodForms()}` : ''}`
    : `${quote(text)} in column ${quote(column)} is not a period: ${reason}`;

export const ambiguousDates = (example: string) =>
  `dates such as ${quote(example)} are read day/month/year, as most of the world writes them; set \`dates: ` +
  'mdy` on the data source if they are month/day/year';

export const noteRowIgnored = (text: string) =>
  `this row below the table holds only ${quote(text.length > 60 ? `${text.slice(0, 57)}...` : text)}: a note, ` +
  'not data; it is ignored';

export const emptyIndicatorCode = (column: string) =>
  `this row has no value in the indicator column ${quote(column)}; no indicator can use it`;

/** `seriesLabel` reads like `stunting_u5 (area: rural)`. */
export const duplicateRow = (seriesLabel: string, period: string, earlierLine: number, sourceId: string) =>
  `${seriesLabel} already has a value for ${period} at line ${earlierLine}; ` +
  'if the file really holds two values for one period (two surveys in one year), set `duplicates: first`, ' +
  `\`last\` or \`mean\` on data source ${quote(sourceId)}`;

/** The kinds of row problems, as the count of unlisted ones names them. */
export type RowProblemKind = 'fields' | 'value' | 'period' | 'duplicate' | 'code' | 'note';

const problemKindText: Record<RowProblemKind, string> = {
  fields: 'a wrong number of fields',
  value: 'a value that is not a number',
  period: 'a period that cannot be read',
  duplicate: 'a period repeated in one series',
  code: 'no indicator code',
  note: 'a note below the table',
};

const problemKindCount: Record<RowProblemKind, [string, string]> = {
  fields: ['row with a wrong number of fields', 'rows with a wrong number of fields'],
  value: ['value that is not a number', 'values that are not numbers'],
  period: ['period that cannot be read', 'periods that cannot be read'],
  duplicate: ['repeated period', 'repeated periods'],
  code: ['row without an indicator code', 'rows without an indicator code'],
  note: ['note row', 'note rows'],
};

/** `first` and `last` are positionText()s. */
export const moreProblems = (count: number, kind: RowProblemKind, first: string, last: string) =>
  `${plural(count, 'more row')} with ${problemKindText[kind]} ` +
  `${count === 1 ? `(${first}) is` : `(from ${first} to ${last}) are`} not listed`;

/**
 * Problems in rows that no indicator uses: one warning per file. `kinds` are the counts
 * per kind; `example` is the first problem's message.
 */
export const unusedRowProblems = (
  kinds: readonly [RowProblemKind, number][],
  first: string,
  last: string,
  example: string,
) => {
  const total = kinds.reduce((n, [, c]) => n + c, 0);
  const counts = kinds.map(([k, c]) => `${formatInteger(c, 'en')} ${problemKindCount[k][c === 1 ? 0 : 1]}`).join(', ');
  return (
    `${plural(total, 'problem')} in rows that no indicator uses (${counts}; ` +
    `${total === 1 ? first : `from ${first} to ${last}`}) ` +
    `leave those values out; no indicator is affected. The first: ${example}`
  );
};

// --- why a cell is not a number (the `reason` of nonNumericValue) ------------------------

export const decimalCommaReason = (sourceId: string) =>
  `it uses a decimal comma; set \`decimal: ","\` on data source ${quote(sourceId)} or use \`;\` as the delimiter`;

export const decimalPointReason = (sourceId: string) =>
  `it uses a decimal point but data source ${quote(sourceId)} reads \`,\` as the decimal mark (a ` +
  '`;`-delimited file, as Spanish Excel writes it); set `decimal: "."` on it if the file uses decimal ' +
  'points';

export const misplacedThousandsReason = () =>
  'its thousands separators are misplaced (groups of three digits are expected, as in 1,200,000)';

export const spreadsheetErrorReason = () =>
  'it is a spreadsheet formula error; fix the formula, or leave the cell empty for a missing value';

export const notANumberReason = (decimal: '.' | ',', extraMissing: readonly string[]) =>
  `write a number such as ${decimal === ',' ? '29,5, 1.200' : '29.5, 1,200'} or 12%; a missing value is ` +
  'written empty, NA, n/a, .., - or n.d.' +
  (extraMissing.length
    ? ` (or ${list(extraMissing)}, the data source's \`missing:\`)`
    : "; other markers can be listed in the data source's `missing:`");

export const notFiniteReason = () => 'it is not a finite number';

// --- values and notes --------------------------------------------------------------------

/** Eurostat's flags (https://ec.europa.eu/eurostat/data/database/information, "Flags and special values"). */
const eurostatFlags: Record<string, string> = {
  b: 'break in time series',
  c: 'confidential',
  d: 'definition differs',
  e: 'estimated',
  f: 'forecast',
  n: 'not significant',
  p: 'provisional',
  r: 'revised',
  s: 'Eurostat estimate',
  u: 'low reliability',
  z: 'not applicable',
};

/** `b (break in time series), p (provisional)`: the note of a flagged Eurostat value. */
export const eurostatFlagNote = (flags: string) =>
  [...flags]
    .filter((f) => f.trim() !== '')
    .map((f) => (eurostatFlags[f] ? `${f} (${eurostatFlags[f]})` : f))
    .join(', ');

/** The note of an SDMX observation: `OBS_STATUS: E (Estimated value)`. */
export const sdmxAttributeNote = (attribute: string, code: string, label?: string) =>
  `${attribute}: ${code}${label ? ` (${label})` : ''}`;

/** Why a value of a bound series is missing, with the file's own note when it has one. */
export const missingValueReason = (note?: string) => `the file marks this value as missing${note ? ` (${note})` : ''}`;

// --- formats ------------------------------------------------------------------------------

export const notAWorkbook = (reason: string) =>
  `this file cannot be read as an Excel workbook (.xlsx): ${reason}; save it from Excel as "Excel Workbook (*.xlsx)"`;

export const sheetNotFound = (sheet: string | number, available: readonly string[]) =>
  (typeof sheet === 'number'
    ? `the workbook has no sheet number ${sheet}`
    : `the workbook has no sheet ${quote(sheet)}`) +
  `; its sheets are ${available.length ? listSome(available) : '(none)'}`;

export const notJson = (reason: string) => `this file is not valid JSON: ${reason}`;

/** A text up to its first line break. */
const firstLine = (text: string) => {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
};

export const notJsonAtAll = (start: string) =>
  `this file is not JSON (it starts with ${quote(firstLine(start))}); a DHIS2 file for \`format: dhis2\` is ` +
  'the JSON the Web API returns (api/analytics.json, api/dataValueSets.json); a CSV export is read with ' +
  '`format: long` or `wide`';

export const notDhis2 = () =>
  'this JSON is neither a DHIS2 analytics response (`headers` and `rows`) nor a data value set (`dataValues`)';

export const noDhis2Names = () =>
  'this file carries no display names (an analytics response has them in `metaData.items`; a data value set ' +
  'has none), so `names: true` has none to use: ids are shown';

export const notEurostatTsv = (header: string) =>
  `the first column of a Eurostat TSV names its dimensions as \`freq,unit,geo\\TIME_PERIOD\`; this file's ` +
  `reads ${quote(header)}`;

export const wrongDimensionCount = (got: number, expected: number) =>
  `the first column holds ${got} dimension value${got === 1 ? '' : 's'} but the header names ${expected}; the ` +
  'row is not used';

export const notSdmxCsv = (missing: string) =>
  `the header has no column ${quote(missing)}: an SDMX-CSV file has \`TIME_PERIOD\` and \`OBS_VALUE\` columns`;
