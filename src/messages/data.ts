// Every message the data readers (src/data) show a user, one small function each, in
// English and Spanish, so tests and other code refer to the function and rewording
// breaks nothing. Each message says what is wrong in the user's words and, where there
// is one, how to fix it. `quote` marks a name or a cell the way the rest of mel does:
// with backticks; column names, YAML keys and values stay untranslated.

import { formatInteger } from './format-number.js';
import type { Locale } from '../spec/schema.js';
import { type Localized, localize, type Text, textIn } from './localized.js';

const quote = (text: string) => `\`${text}\``;
const list = (names: readonly string[]) => names.map(quote).join(', ');
/** At most `max` names, then how many more: a pivot export has hundreds of columns. */
const listSome = (names: readonly string[], max = 12) =>
  names.length <= max
    ? list(names)
    : `${list(names.slice(0, max))} and ${formatInteger(names.length - max, 'en')} more`;
const listSomeEs = (names: readonly string[], max = 12) =>
  names.length <= max ? list(names) : `${list(names.slice(0, max))} y ${formatInteger(names.length - max, 'es')} más`;
const plural = (n: number, one: string, many = `${one}s`) => `${formatInteger(n, 'en')} ${n === 1 ? one : many}`;
const pluralEs = (n: number, one: string, many = `${one}s`) => `${formatInteger(n, 'es')} ${n === 1 ? one : many}`;

/** A place in a file: a line (and column), or the place as the file's format names it. */
type Place = { line?: number; column?: number; at?: string };

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

const roleTextEs: Record<ColumnRole, string> = {
  indicator: 'la columna del indicador (`columns.indicator`)',
  period: 'la columna del periodo (`columns.period`)',
  value: 'la columna del valor (`columns.value`)',
  disaggregation: 'una desagregación de la fuente de datos',
  match: 'una columna que nombra el `match` de un indicador',
  id: 'una columna de identificación (`id_columns`)',
  source: 'la columna de la fuente (`columns.source`)',
  note: 'la columna de notas (`columns.note`)',
};

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
const namedColumns = (names: readonly string[], fields: readonly number[]) =>
  fields.map((f, i) => {
    const name = names[i];
    if (name === undefined) throw new Error(`internal: no header name for column ${columnLetter(f)}`);
    return { name: quote(name), letter: columnLetter(f) };
  });
const columnsAt = (names: readonly string[], fields: readonly number[]) =>
  namedColumns(names, fields)
    .map((c) => `${c.name} in column ${c.letter}`)
    .join(' and ');
const columnsAtEs = (names: readonly string[], fields: readonly number[]) =>
  namedColumns(names, fields)
    .map((c) => `${c.name} en la columna ${c.letter}`)
    .join(' y ');

/** A text's first line. */
const firstLine = (text: string) => {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
};

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

const problemKindTextEs: Record<RowProblemKind, string> = {
  fields: 'un número de campos incorrecto',
  value: 'un valor que no es un número',
  period: 'un periodo que no se puede leer',
  duplicate: 'un periodo repetido en una serie',
  code: 'sin código de indicador',
  note: 'una nota debajo de la tabla',
};

const problemKindCount: Record<RowProblemKind, [string, string]> = {
  fields: ['row with a wrong number of fields', 'rows with a wrong number of fields'],
  value: ['value that is not a number', 'values that are not numbers'],
  period: ['period that cannot be read', 'periods that cannot be read'],
  duplicate: ['repeated period', 'repeated periods'],
  code: ['row without an indicator code', 'rows without an indicator code'],
  note: ['note row', 'note rows'],
};

const problemKindCountEs: Record<RowProblemKind, [string, string]> = {
  fields: ['fila con un número de campos incorrecto', 'filas con un número de campos incorrecto'],
  value: ['valor que no es un número', 'valores que no son números'],
  period: ['periodo que no se puede leer', 'periodos que no se pueden leer'],
  duplicate: ['periodo repetido', 'periodos repetidos'],
  code: ['fila sin código de indicador', 'filas sin código de indicador'],
  note: ['fila de nota', 'filas de nota'],
};

// --- English ------------------------------------------------------------------------------
// `first`/`last` of moreProblems and unusedRowProblems are positionText()s; a `reason`
// is one of the *Reason messages (or a library's own words).

const en = {
  positionText: (place: Place) =>
    place.at ??
    (place.line === undefined
      ? 'the file'
      : `line ${place.line}${place.column === undefined ? '' : `, column ${place.column}`}`),

  fileNotFound: (sourceId: string) =>
    `this file does not exist (data source ${quote(sourceId)}); check its \`file:\` in program.yaml, relative to ` +
    `the programme root`,

  fileUnreadable: (sourceId: string, reason: Text) =>
    `cannot read this file (data source ${quote(sourceId)}): ${textIn(reason, 'en')}`,

  fileEmpty: () => 'the file is empty: a data file needs a header row naming its columns, then one row per value',

  noDataRows: () => 'the file has a header but no rows of data',

  unclosedQuote: () =>
    'a quoted field that starts on this line is never closed (a `"` is missing); the rest of the file could not be ' +
    'read',

  recordTooLong: (limit: number) =>
    `a row starting on this line is longer than ${formatInteger(limit, 'en')} characters: most likely a \`"\` ` +
    `opened here is never closed; the rest of the file could not be read`,

  missingColumn: (column: string, role: ColumnRole, available: readonly string[], suggestion?: string) =>
    `the header has no column ${quote(column)}, ${roleText[role]}; ` +
    (suggestion !== undefined ? `did you mean ${quote(suggestion)}? ` : '') +
    `the file's columns are ${available.length ? listSome(available) : '(none)'}`,

  headerSearched: (lines: number) =>
    `(no row of the first ${lines} lines has the configured columns; this row is the one most like a header: set ` +
    `\`header_row:\` on the data source if the header is elsewhere)`,

  duplicateColumn: (column: string, names: readonly string[], fields: readonly number[]) =>
    `the header names ${quote(column)} ${fields.length} times (${columnsAt(names, fields)}), so mel cannot tell ` +
    `which one to read; ` +
    'rename or remove the others; nothing is read from this file until then',

  duplicatePeriodColumn: (period: string, names: readonly string[], fields: readonly number[]) =>
    `two columns of the header are the period ${quote(period)} (${columnsAt(names, fields)}), so each row would ` +
    `hold two values for it; ` +
    'rename or remove one; nothing is read from this file until then',

  noPeriodColumns: (available: readonly string[]) =>
    `no column of the header is a period, so this wide file has no values; its columns are ` +
    `${available.length ? listSome(available) : '(none)'} ` +
    '(a wide file has one column per period: 2006, 2007... or 2006-Q1, 2006-03...; a file with one row per period ' +
    'needs `periods: rows`)',

  noColumnDimension: (code: string) =>
    `with \`indicator: ${code}\` and \`periods: rows\`, each column is one breakdown of ${quote(code)}: name what ` +
    `the column headers are ` +
    'with a disaggregation the file has no column for (`disaggregations: [facility]`)',

  noSeriesColumns: (periodColumn: string) =>
    `besides the period column ${quote(periodColumn)} and \`id_columns\`, the header has no column: with ` +
    `\`periods: rows\` every other column is a series`,

  ignoredWideColumn: (column: string) =>
    `column ${quote(column)} is neither a period nor one of \`id_columns\`; it is ignored`,

  wrongFieldCount: (got: number, expected: number, delimiter: string) =>
    `this row has ${got} field${got === 1 ? '' : 's'} but the header has ${expected}; ` +
    (got > expected
      ? `a value may contain an unquoted ${quote(delimiter === '\t' ? 'tab' : delimiter)} (quote it: "...")`
      : 'a field or a delimiter is missing') +
    '; the row is not used',

  nonNumericValue: (text: string, column: string, reason: Text) =>
    `${quote(text)} in column ${quote(column)} is not a number: ${textIn(reason, 'en')}`,

  acceptedPeriodForms: () =>
    'mel reads 2024, 2024-Q1, 2024-03, 2024-S1, 2024-W05, FY2024, 2007-2008, ene-24, enero 2024, Jan-24, January ' +
    '2024, ' +
    '01/02/2024 (day/month/year; `dates: mdy` for month/day/year) and 2024-02-01; if Excel turned the column into ' +
    'dates ' +
    'or numbers, format the column as Text and write the periods as yyyy-mm (2024-02)',

  unreadablePeriod: (text: string, column: string, reason: Text, unknownForm = false, first = true) =>
    unknownForm
      ? `${quote(text)} in column ${quote(column)} is not a period` + (first ? `; ${en.acceptedPeriodForms()}` : '')
      : `${quote(text)} in column ${quote(column)} is not a period: ${textIn(reason, 'en')}`,

  ambiguousDates: (example: string) =>
    `dates such as ${quote(example)} are read day/month/year, as most of the world writes them; set \`dates: mdy\` ` +
    `on the data source if they are month/day/year`,

  noteRowIgnored: (text: string) =>
    `this row below the table holds only ${quote(text.length > 60 ? `${text.slice(0, 57)}...` : text)}: a note, ` +
    `not data; it is ignored`,

  emptyIndicatorCode: (column: string) =>
    `this row has no value in the indicator column ${quote(column)}; no indicator can use it`,

  duplicateRow: (seriesLabel: string, period: string, earlierLine: number, sourceId: string) =>
    `${seriesLabel} already has a value for ${period} at line ${earlierLine}; ` +
    `if the file really holds two values for one period (two surveys in one year), set \`duplicates: first\`, ` +
    `\`last\` or \`mean\` on data source ${quote(sourceId)}`,

  moreProblems: (count: number, kind: RowProblemKind, first: Text, last: Text) =>
    `${plural(count, 'more row')} with ${problemKindText[kind]} ${
      count === 1 ? `(${textIn(first, 'en')}) ` + `is` : `(from ${textIn(first, 'en')} to ${textIn(last, 'en')}) are`
    } not listed`,

  unusedRowProblems: (kinds: readonly [RowProblemKind, number][], first: Text, last: Text, example: Text): string => {
    const total = kinds.reduce((n, [, c]) => n + c, 0);
    const counts = kinds
      .map(([k, c]) => `${formatInteger(c, 'en')} ${problemKindCount[k][c === 1 ? 0 : 1]}`)
      .join(', ');
    return (
      `${plural(total, 'problem')} in rows that no indicator uses (${counts}; ` +
      `${total === 1 ? textIn(first, 'en') : `from ${textIn(first, 'en')} to ${textIn(last, 'en')}`}) ` +
      `leave those values out; no indicator is affected. The first: ${textIn(example, 'en')}`
    );
  },

  decimalCommaReason: (sourceId: string) =>
    `it uses a decimal comma; set \`decimal: ","\` on data source ${quote(sourceId)} or use \`;\` as the delimiter`,

  decimalPointReason: (sourceId: string) =>
    `it uses a decimal point but data source ${quote(sourceId)} reads \`,\` as the decimal mark (a \`;\`-delimited ` +
    `file, as Spanish Excel writes it); set \`decimal: "."\` on it if the file uses decimal points`,

  misplacedThousandsReason: () =>
    'its thousands separators are misplaced (groups of three digits are expected, as in 1,200,000)',

  spreadsheetErrorReason: () =>
    'it is a spreadsheet formula error; fix the formula, or leave the cell empty for a missing value',

  notANumberReason: (decimal: '.' | ',', extraMissing: readonly string[]) =>
    `write a number such as ${decimal === ',' ? '29,5, 1.200' : '29.5, 1,200'} or 12%; a missing value is written ` +
    `empty, NA, n/a, .., - or n.d.` +
    (extraMissing.length
      ? ` (or ${list(extraMissing)}, the data source's \`missing:\`)`
      : "; other markers can be listed in the data source's `missing:`"),

  notFiniteReason: () => 'it is not a finite number',

  notAWorkbook: (reason: string) =>
    `this file cannot be read as an Excel workbook (.xlsx): ${reason}; save it from Excel as "Excel Workbook (*.xlsx)"`,

  sheetNotFound: (sheet: string | number, available: readonly string[]) =>
    (typeof sheet === 'number'
      ? `the workbook has no sheet number ${sheet}`
      : `the workbook has no sheet ${quote(sheet)}`) +
    `; its sheets are ${available.length ? listSome(available) : '(none)'}`,

  notJson: (reason: string) => `this file is not valid JSON: ${reason}`,

  notJsonAtAll: (start: string) =>
    `this file is not JSON (it starts with ${quote(firstLine(start))}); a DHIS2 file for \`format: dhis2\` ` +
    `is the JSON the Web API returns (api/analytics.json, api/dataValueSets.json); a CSV export is read with ` +
    `\`format: long\` or \`wide\``,

  notDhis2: () =>
    'this JSON is neither a DHIS2 analytics response (`headers` and `rows`) nor a data value set (`dataValues`)',

  noDhis2Names: () =>
    'this file carries no display names (an analytics response has them in `metaData.items`; a data value set has ' +
    'none), so `names: true` has none to use: ids are shown',

  notEurostatTsv: (header: string) =>
    `the first column of a Eurostat TSV names its dimensions as \`freq,unit,geo\\TIME_PERIOD\`; this file's reads ` +
    `${quote(header)}`,

  wrongDimensionCount: (got: number, expected: number) =>
    `the first column holds ${got} dimension value${got === 1 ? '' : 's'} but the header names ${expected}; the ` +
    `row is not used`,

  notSdmxCsv: (missing: string) =>
    `the header has no column ${quote(missing)}: an SDMX-CSV file has \`TIME_PERIOD\` and \`OBS_VALUE\` columns`,
};

// --- Spanish ------------------------------------------------------------------------------

const es: typeof en = {
  positionText: (place) =>
    place.at ??
    (place.line === undefined
      ? 'el archivo'
      : `la línea ${place.line}${place.column === undefined ? '' : `, columna ${place.column}`}`),

  fileNotFound: (sourceId) =>
    `este archivo no existe (fuente de datos ${quote(sourceId)}); revise su \`file:\` en program.yaml, relativo a ` +
    `la raíz del programa`,

  fileUnreadable: (sourceId, reason) =>
    `no se puede leer este archivo (fuente de datos ${quote(sourceId)}): ${textIn(reason, 'es')}`,

  fileEmpty: () =>
    'el archivo está vacío: un archivo de datos necesita una fila de encabezado con los nombres de sus columnas y ' +
    'luego una fila por valor',

  noDataRows: () => 'el archivo tiene encabezado pero ninguna fila de datos',

  unclosedQuote: () =>
    'un campo entre comillas que empieza en esta línea nunca se cierra (falta una `"`); no se pudo leer el resto ' +
    'del archivo',

  recordTooLong: (limit) =>
    `una fila que empieza en esta línea tiene más de ${formatInteger(limit, 'es')} caracteres: lo más probable es ` +
    `que una \`"\` abierta aquí nunca se cierre; no se pudo leer el resto del archivo`,

  missingColumn: (column, role, available, suggestion) =>
    `el encabezado no tiene la columna ${quote(column)}, ${roleTextEs[role]}; ` +
    (suggestion !== undefined ? `¿quiso decir ${quote(suggestion)}? ` : '') +
    `las columnas del archivo son ${available.length ? listSomeEs(available) : '(ninguna)'}`,

  headerSearched: (lines) =>
    `(ninguna de las primeras ${lines} líneas tiene las columnas configuradas; esta fila es la que más se parece a ` +
    `un encabezado: indique \`header_row:\` en la fuente de datos si el encabezado está en otra fila)`,

  duplicateColumn: (column, names, fields) =>
    `el encabezado nombra ${quote(column)} ${fields.length} veces (${columnsAtEs(names, fields)}), así que mel no ` +
    `puede saber cuál leer; ` +
    'cambie el nombre de las demás o quítelas; hasta entonces no se lee nada de este archivo',

  duplicatePeriodColumn: (period, names, fields) =>
    `dos columnas del encabezado son el periodo ${quote(period)} (${columnsAtEs(names, fields)}), así que cada ` +
    `fila tendría dos valores para él; ` +
    'cambie el nombre de una o quítela; hasta entonces no se lee nada de este archivo',

  noPeriodColumns: (available) =>
    `ninguna columna del encabezado es un periodo, así que este archivo ancho no tiene valores; sus columnas son ` +
    `${available.length ? listSomeEs(available) : '(ninguna)'} ` +
    '(un archivo ancho tiene una columna por periodo: 2006, 2007... o 2006-Q1, 2006-03...; un archivo con una fila ' +
    'por periodo necesita `periods: rows`)',

  noColumnDimension: (code) =>
    `con \`indicator: ${code}\` y \`periods: rows\`, cada columna es una desagregación de ${quote(code)}: indique ` +
    `qué son los encabezados de columna ` +
    'con una desagregación para la que el archivo no tiene columna (`disaggregations: [facility]`)',

  noSeriesColumns: (periodColumn) =>
    `aparte de la columna del periodo ${quote(periodColumn)} y de \`id_columns\`, el encabezado no tiene columnas: ` +
    `con \`periods: rows\` cada otra columna es una serie`,

  ignoredWideColumn: (column) => `la columna ${quote(column)} no es un periodo ni una de \`id_columns\`; se ignora`,

  wrongFieldCount: (got, expected, delimiter) =>
    `esta fila tiene ${got} campo${got === 1 ? '' : 's'} pero el encabezado tiene ${expected}; ` +
    (got > expected
      ? `puede que un valor contenga un ${quote(delimiter === '\t' ? 'tabulador' : delimiter)} sin comillas ` +
        `(póngalo entre comillas: "...")`
      : 'falta un campo o un separador') +
    '; la fila no se usa',

  nonNumericValue: (text, column, reason) =>
    `${quote(text)} en la columna ${quote(column)} no es un número: ${textIn(reason, 'es')}`,

  acceptedPeriodForms: () =>
    'mel lee 2024, 2024-Q1, 2024-03, 2024-S1, 2024-W05, FY2024, 2007-2008, ene-24, enero 2024, Jan-24, January 2024, ' +
    '01/02/2024 (día/mes/año; `dates: mdy` para mes/día/año) y 2024-02-01; si Excel convirtió la columna en fechas ' +
    'o números, dé a la columna formato de Texto y escriba los periodos como aaaa-mm (2024-02)',

  unreadablePeriod: (text, column, reason, unknownForm = false, first = true) =>
    unknownForm
      ? `${quote(text)} en la columna ${quote(column)} no es un periodo` +
        (first ? `; ${es.acceptedPeriodForms()}` : '')
      : `${quote(text)} en la columna ${quote(column)} no es un periodo: ${textIn(reason, 'es')}`,

  ambiguousDates: (example) =>
    `las fechas como ${quote(example)} se leen como día/mes/año, como las escribe la mayor parte del mundo; ` +
    `indique \`dates: mdy\` en la fuente de datos si son mes/día/año`,

  noteRowIgnored: (text) =>
    `esta fila debajo de la tabla solo contiene ${quote(text.length > 60 ? `${text.slice(0, 57)}...` : text)}: una ` +
    `nota, no datos; se ignora`,

  emptyIndicatorCode: (column) =>
    `esta fila no tiene valor en la columna del indicador ${quote(column)}; ningún indicador puede usarla`,

  duplicateRow: (seriesLabel, period, earlierLine, sourceId) =>
    `${seriesLabel} ya tiene un valor para ${period} en la línea ${earlierLine}; ` +
    `si el archivo de verdad tiene dos valores para un periodo (dos encuestas en un año), indique \`duplicates: ` +
    `first\`, \`last\` o \`mean\` en la fuente de datos ${quote(sourceId)}`,

  moreProblems: (count, kind, first, last) =>
    count === 1
      ? `no se lista 1 fila más con ${problemKindTextEs[kind]} (${textIn(first, 'es')})`
      : `no se listan ${pluralEs(count, 'filas más', 'filas más')} con ${problemKindTextEs[kind]} (de ` +
        `${textIn(first, 'es')} a ${textIn(last, 'es')})`,

  unusedRowProblems: (kinds, first, last, example) => {
    const total = kinds.reduce((n, [, c]) => n + c, 0);
    const counts = kinds
      .map(([k, c]) => `${formatInteger(c, 'es')} ${problemKindCountEs[k][c === 1 ? 0 : 1]}`)
      .join(', ');
    return (
      `${pluralEs(total, 'problema')} en filas que ningún indicador usa (${counts}; ` +
      `${total === 1 ? textIn(first, 'es') : `de ${textIn(first, 'es')} a ${textIn(last, 'es')}`}) ` +
      `${total === 1 ? 'deja fuera ese valor' : 'dejan fuera esos valores'}; ningún indicador se ve afectado. ` +
      `${total === 1 ? 'Es este' : 'El primero'}: ${textIn(example, 'es')}`
    );
  },

  decimalCommaReason: (sourceId) =>
    `usa coma decimal; indique \`decimal: ","\` en la fuente de datos ${quote(sourceId)} o use \`;\` como separador`,

  decimalPointReason: (sourceId) =>
    `usa punto decimal, pero la fuente de datos ${quote(sourceId)} lee \`,\` como separador decimal (un archivo ` +
    `separado por \`;\`, como lo escribe Excel en español); indique \`decimal: "."\` en ella si el archivo usa ` +
    `punto decimal`,

  misplacedThousandsReason: () =>
    'sus separadores de miles están mal colocados (se esperan grupos de tres cifras, como en 1,200,000)',

  spreadsheetErrorReason: () =>
    'es un error de fórmula de la hoja de cálculo; corrija la fórmula, o deje la celda vacía si falta el valor',

  notANumberReason: (decimal, extraMissing) =>
    `escriba un número como ${decimal === ',' ? '29,5, 1.200' : '29.5, 1,200'} o 12%; un valor faltante se escribe ` +
    `vacío, NA, n/a, .., - o n.d.` +
    (extraMissing.length
      ? ` (o ${list(extraMissing)}, el \`missing:\` de la fuente de datos)`
      : '; otras marcas pueden listarse en el `missing:` de la fuente de datos'),

  notFiniteReason: () => 'no es un número finito',

  notAWorkbook: (reason) =>
    `este archivo no se puede leer como libro de Excel (.xlsx): ${reason}; guárdelo desde Excel como "Libro de ` +
    `Excel (*.xlsx)"`,

  sheetNotFound: (sheet, available) =>
    (typeof sheet === 'number'
      ? `el libro no tiene la hoja número ${sheet}`
      : `el libro no tiene la hoja ${quote(sheet)}`) +
    `; sus hojas son ${available.length ? listSomeEs(available) : '(ninguna)'}`,

  notJson: (reason) => `este archivo no es JSON válido: ${reason}`,

  notJsonAtAll: (start) =>
    `este archivo no es JSON (empieza con ${quote(firstLine(start))}); un archivo DHIS2 para \`format: ` +
    `dhis2\` es el JSON que devuelve la API web (api/analytics.json, api/dataValueSets.json); una exportación ` +
    `CSV se lee con \`format: long\` o \`wide\``,

  notDhis2: () =>
    'este JSON no es una respuesta analítica de DHIS2 (`headers` y `rows`) ni un conjunto de valores de datos ' +
    '(`dataValues`)',

  noDhis2Names: () =>
    'este archivo no trae nombres para mostrar (una respuesta analítica los tiene en `metaData.items`; un conjunto ' +
    'de valores de datos no los tiene), así que `names: true` no tiene nombres que usar: se muestran los ids',

  notEurostatTsv: (header) =>
    `la primera columna de un TSV de Eurostat nombra sus dimensiones como \`freq,unit,geo\\TIME_PERIOD\`; la de ` +
    `este archivo dice ${quote(header)}`,

  wrongDimensionCount: (got, expected) =>
    `la primera columna tiene ${got} valor${got === 1 ? '' : 'es'} de dimensión pero el encabezado nombra ` +
    `${expected}; la fila no se usa`,

  notSdmxCsv: (missing) =>
    `el encabezado no tiene la columna ${quote(missing)}: un archivo SDMX-CSV tiene las columnas \`TIME_PERIOD\` y ` +
    `\`OBS_VALUE\``,
};

/** The English messages, as plain text (tests compare the issues' English `message` with them). */
export const dataEn = en;

/** Every message, in every language: what the readers put in their issues. */
export const dataMessages = localize({ en, es });

/** Each message, in every language: what the readers put in their issues (`import * as msg`). */
export const {
  positionText,
  fileNotFound,
  fileUnreadable,
  fileEmpty,
  noDataRows,
  unclosedQuote,
  recordTooLong,
  missingColumn,
  headerSearched,
  duplicateColumn,
  duplicatePeriodColumn,
  noPeriodColumns,
  noColumnDimension,
  noSeriesColumns,
  ignoredWideColumn,
  wrongFieldCount,
  nonNumericValue,
  acceptedPeriodForms,
  unreadablePeriod,
  ambiguousDates,
  noteRowIgnored,
  emptyIndicatorCode,
  duplicateRow,
  moreProblems,
  unusedRowProblems,
  decimalCommaReason,
  decimalPointReason,
  misplacedThousandsReason,
  spreadsheetErrorReason,
  notANumberReason,
  notFiniteReason,
  notAWorkbook,
  sheetNotFound,
  notJson,
  notJsonAtAll,
  notDhis2,
  noDhis2Names,
  notEurostatTsv,
  wrongDimensionCount,
  notSdmxCsv,
} = dataMessages;

// --- values and notes --------------------------------------------------------------------

/** Eurostat's flags (https://ec.europa.eu/eurostat/data/database/information, "Flags and special values"). */
const eurostatFlags: Record<string, Localized> = {
  b: { en: 'break in time series', es: 'ruptura de la serie temporal' },
  c: { en: 'confidential', es: 'confidencial' },
  d: { en: 'definition differs', es: 'la definición difiere' },
  e: { en: 'estimated', es: 'estimado' },
  f: { en: 'forecast', es: 'previsión' },
  n: { en: 'not significant', es: 'no significativo' },
  p: { en: 'provisional', es: 'provisional' },
  r: { en: 'revised', es: 'revisado' },
  s: { en: 'Eurostat estimate', es: 'estimación de Eurostat' },
  u: { en: 'low reliability', es: 'fiabilidad baja' },
  z: { en: 'not applicable', es: 'no aplicable' },
};

/** `b (break in time series), p (provisional)`: the note of a flagged Eurostat value, in every language. */
export const eurostatFlagNote = (flags: string): Localized => {
  const codes = [...flags].filter((f) => f.trim() !== '');
  const inLocale = (locale: Locale) =>
    codes.map((f) => (eurostatFlags[f] ? `${f} (${eurostatFlags[f][locale]})` : f)).join(', ');
  return { en: inLocale('en'), es: inLocale('es') };
};

/** The note of an SDMX observation: `OBS_STATUS: E (Estimated value)` (the label is the file's own). */
export const sdmxAttributeNote = (attribute: string, code: string, label?: string) =>
  `${attribute}: ${code}${label ? ` (${label})` : ''}`;

/**
 * Why a value of a bound series is missing, with the file's own note when it has one (the
 * note as the file writes it, or a note mel wrote in every language: Eurostat's flags).
 */
export const missingValueReason = (note?: Text): Localized => ({
  en: `the file marks this value as missing${note ? ` (${textIn(note, 'en')})` : ''}`,
  es: `el archivo marca este valor como faltante${note ? ` (${textIn(note, 'es')})` : ''}`,
});
