// Every message about the programme and indicator files, in one place, so rewording
// breaks no test (the vega-lite habit: tests assert against these functions), in English
// and Spanish. YAML keys, values and file names stay in backticks, untranslated.
import type { FileProblem } from '../spec/input-file.js';
import type { SchemaRule } from '../spec/schema.js';
import { formatInteger, formatNumber } from './format-number.js';
import { localize, type Text, textIn } from './localized.js';

const list = (values: readonly (string | number)[]) => values.map((v) => `\`${v}\``).join(', ');
const code = (s: string | number) => `\`${s}\``;
const FORMULA_GRAMMAR =
  'numbers, its inputs, + - * / ^, parentheses and the functions abs, ceil, exp, floor, log, log10, max, min, mod, ' +
  'round, sqrt';

const en = {
  schemaRule: (r: SchemaRule) => {
    switch (r.rule) {
      case 'formatOnly':
        return `applies to \`format: ${r.formats.join('` or `format: ')}\` only (this data source is \`${r.format}\`)`;
      case 'needsWideLayout':
        return 'needs `layout: wide`';
      case 'targetNeedsValue':
        return 'a target needs `value` (absolute) or `change` with `change_unit`';
      case 'valueOrChange':
        return 'a target has either `value` or `change`, not both';
      case 'changeNeedsUnit':
        return 'a `change` target needs `change_unit`: pp (percentage points), percent (relative) or unit';
    }
  },
  unknownKey: (key: string, suggestion: string | undefined, allowed: readonly string[]) =>
    suggestion
      ? `unknown key ${code(key)}: did you mean ${code(suggestion)}?`
      : `unknown key ${code(key)}; allowed here: ${list(allowed)}`,
  missingField: (field: string, where: string) => `missing required field ${code(field)}${where ? ` in ${where}` : ''}`,
  wrongEnum: (field: string, given: unknown, allowed: readonly (string | number)[]) =>
    `${code(field)} is ${code(String(given))}; it must be one of ${list(allowed)}`,
  /** `expected`: a zod type (`string`, `number`, `array`...) or `indicator-id`. */
  wrongType: (field: string, expected: string, given: unknown) =>
    `${code(field)} must be ${expectedType.en[expected] ?? expected}, not ${describeValue(given)}`,
  /** `detail`: zod's own words. */
  wrongForm: (field: string, detail: Text) => `${code(field)} has the wrong form: ${textIn(detail, 'en')}`,
  schemaProblem: (field: string | undefined, detail: Text) =>
    field ? `${code(field)}: ${textIn(detail, 'en')}` : textIn(detail, 'en'),
  /** `code`: the yaml package's error code; `text`: its own words. */
  yamlSyntax: (yamlCode: string, text: string) => {
    switch (yamlCode) {
      case 'BAD_INDENT':
      case 'MISSING_CHAR':
      case 'UNEXPECTED_TOKEN':
        return `YAML syntax: ${text} (check the indentation: nested keys use the same number of spaces, never tabs)`;
      case 'DUPLICATE_KEY':
        return `YAML: this key is written twice in the same block (${text})`;
      case 'MULTILINE_IMPLICIT_KEY':
        return (
          'YAML syntax: this line is indented differently from the lines of its block (nested keys use the ' +
          'same number of spaces)'
        );
      case 'TAB_AS_INDENT':
        return 'YAML syntax: a tab is used for indentation; use spaces';
      default:
        return `YAML syntax: ${text}`;
    }
  },
  invalidPeriod: (field: string, reason: Text) => `${code(field)}: ${textIn(reason, 'en')}`,
  duplicateIndicatorId: (id: string, otherFile: string) => `indicator id ${code(id)} is also used in ${otherFile}`,
  unknownResult: (id: string, known: readonly string[], suggestion?: string) =>
    `result ${code(id)} is not defined in program.yaml results` +
    (suggestion
      ? `: did you mean ${code(suggestion)}?`
      : known.length
        ? ` (defined: ${list(known)})`
        : ' (no results are defined)'),
  unknownParentResult: (id: string) => `parent result ${code(id)} is not defined in results`,
  duplicateResultId: (id: string, firstLine: number) =>
    `result id ${code(id)} is already used at line ${firstLine}; each result has its own id`,
  resultParentCycle: (cycle: readonly string[]) =>
    `results are each other's parents in a cycle: ${cycle.join(' -> ')} (a results framework is a tree: follow the ` +
    `parents up and you reach a result without one)`,
  duplicateDataSourceId: (id: string, firstLine: number) =>
    `data source id ${code(id)} is already used at line ${firstLine}; each data source has its own id`,
  bandsOrder: (onTrack: number, atRisk: number) =>
    `the bands are out of order: \`at_risk\` (${atRisk}) must be at least 0 and at most \`on_track\` (${onTrack}), ` +
    `as a progress ratio at or above on_track is on track, at or above at_risk at risk, below it off track`,
  duplicateTargetPeriod: (period: string, firstLine: number, breakdown = '') =>
    `a target for ${code(period)}${breakdown ? ` (${breakdown})` : ''} is already given at line ${firstLine}; an ` +
    `indicator has one target per period${breakdown ? ' and breakdown' : ''}`,
  unknownDataSource: (id: string, known: readonly string[], suggestion?: string) =>
    `data source ${code(id)} is not defined in program.yaml data` +
    (suggestion
      ? `: did you mean ${code(suggestion)}?`
      : known.length
        ? ` (defined: ${list(known)})`
        : ' (no data sources are defined)'),
  unknownInput: (name: string, id: string, suggestion?: string) =>
    `input ${code(name)} refers to indicator ${code(id)}, which is not defined` +
    (suggestion ? `: did you mean ${code(suggestion)}?` : ''),
  unknownCompared: (id: string, suggestion?: string) =>
    `compare names indicator ${code(id)}, which is not defined` +
    (suggestion ? `: did you mean ${code(suggestion)}?` : ''),
  seriesOrFormula: () =>
    'an indicator needs either `series` (where its data is) or `formula` with `inputs` (how it is computed), not both',
  formulaWithoutInputs: () => '`formula` needs `inputs`, naming the indicator behind each variable',
  formulaSyntax: (reason: string) => `the formula cannot be read: ${reason}`,
  formulaUnknownVariable: (name: string, inputs: readonly string[]) =>
    `the formula uses ${code(name)}, which is not one of its inputs (${list(inputs)})`,
  formulaForbidden: (name: string) =>
    `the formula uses ${code(name)}, which formulas may not use; a formula is arithmetic: ${FORMULA_GRAMMAR}`,
  formulaOperator: (operator: string, implicit: boolean) =>
    (implicit
      ? 'the formula puts two terms side by side without `*` (as in `2a` or `2(a + b)`); write the `*`'
      : `the formula uses ${code(operator)}, which formulas may not use`) +
    `; a formula is arithmetic: ${FORMULA_GRAMMAR}`,
  formulaTooLarge: (limit: 'characters' | 'nesting' | 'parts', size: number, max: number) =>
    limit === 'characters'
      ? `the formula is ${formatInteger(size, 'en')} characters long; a formula has at most ` +
        `${formatInteger(max, 'en')}: split it into computed indicators that use each other`
      : limit === 'nesting'
        ? `the formula nests brackets ${size ? `${size} deep` : 'too deep'}; a formula nests them at most ${max} deep`
        : `the formula has ${formatInteger(size, 'en')} parts (numbers, inputs and operations); a formula has at ` +
          `most ${formatInteger(max, 'en')}: split it into computed indicators that use each other`,
  formulaCycle: (cycle: readonly string[]) =>
    `computed indicators depend on each other in a cycle: ${cycle.join(' -> ')}`,
  changeUnitMismatch: (unit: string) =>
    `a target in percentage points (\`change_unit: pp\`) needs a percent indicator, but the unit is ${code(unit)}`,
  targetBeforeBaseline: (target: string, baseline: string) =>
    `target ${code(target)} is dated before the baseline ${code(baseline)}`,
  validRangeOrder: () => '`valid_range` must be [low, high] with low <= high',
  programPeriodOrder: () => 'the programme period must end after it starts',
  noIndicators: (dir: string) =>
    `no indicator files found in ${dir} (one .yaml file per indicator besides program.yaml)`,
  unreadableFile: (reason: Text) => `cannot read the file: ${textIn(reason, 'en')}`,
  /** Why a file cannot be read (a problem of spec/input-file.ts), as the end of a sentence. */
  fileProblem: (p: FileProblem): string => {
    switch (p.kind) {
      case 'missing':
        return 'it does not exist';
      case 'folder':
        return 'it is a folder, not a file';
      case 'not-a-file':
        return 'it is not a regular file (a pipe, a device or a socket); mel reads files only';
      case 'permission':
        return 'permission denied (check who may read it)';
      case 'broken-link':
        return 'it is a link to a file that does not exist';
      case 'link-loop':
        return 'it is a link that leads back to itself (a loop of links)';
      case 'not-a-folder-above':
        return 'a part of its path is a file, not a folder';
      case 'too-large':
        return `it is ${megabytes(p.size)}, far larger than a file of this kind can be (at most ${megabytes(p.max)})`;
      case 'other':
        return `the system says ${p.code}`;
    }
  },
  notUtf8: () =>
    'the file is not UTF-8; it was read as Windows-1252 (Latin-1): save it as UTF-8 so that every accented letter ' +
    'reads the same on every computer',
  programIsFolder: (path: string, suggestion?: string) =>
    `${path} is a folder; --program names the programme file` +
    (suggestion ? `: did you mean --program ${suggestion}?` : ', such as indicators/program.yaml'),
  programNotYaml: (path: string) =>
    `${path} is not a YAML file; --program names the programme file (.yaml or .yml), such as indicators/program.yaml`,
  notAMapping: () => 'the file must be a YAML mapping of keys to values',
  fileNotFound: (path: string) => `file not found: ${path}`,
  /** `candidates`: folders (relative to where mel runs) that hold a programme. */
  programmeNotFound: (path: string, candidates: readonly string[]) =>
    `no programme file ${path} here; run mel from the folder that holds \`indicators/program.yaml\`` +
    (candidates.length
      ? ` (${candidates.length === 1 ? 'this one is' : 'these are'}: ${list(candidates.slice(0, 5))}), or point to ` +
        `the file with \`--program\``
      : ', point to it with `--program path/to/program.yaml`, or start one with `mel init`'),
  dataFileMissing: (path: string, root: string, suggestion?: string) =>
    `data file not found: ${path}` +
    (suggestion !== undefined ? `; did you mean ${code(suggestion)}?` : '') +
    ` (paths in program.yaml are relative to the programme root, ${
      root === '.' ? 'the folder that holds ' + '`indicators/`' : code(root)
    })`,
  dataFolderMissing: (path: string, folder: string) =>
    `data file not found: ${path}; there is no folder ${code(folder)} (paths in program.yaml are relative to the ` +
    `programme root, the folder that holds \`indicators/\`)`,
  unusedCodes: (column: string, codes: readonly [string, number][]) => {
    const shown = codes.slice(0, 10).map(([c, n]) => `${c} (${n} row${n === 1 ? '' : 's'})`);
    const rows = codes.reduce((t, [, n]) => t + n, 0);
    return (
      `${formatInteger(codes.length, 'en')} value${codes.length === 1 ? '' : 's'} of column ${code(column)} ` +
      `${codes.length === 1 ? 'is' : 'are'} used by no indicator` +
      (codes.length > 10 ? ` (${formatInteger(rows, 'en')} rows)` : '') +
      `: ${shown.join(', ')}${codes.length > 10 ? ` and ${formatInteger(codes.length - 10, 'en')} more` : ''}`
    );
  },
  noMatchingValue: (
    id: string,
    source: string,
    column: string,
    value: string,
    closest: readonly string[],
    distinct: number,
    suggestion?: string,
  ) =>
    `indicator ${code(id)} matches no rows of data source ${code(source)}: column ${code(column)} has no ` +
    `${code(value)}` +
    (suggestion !== undefined ? `; did you mean ${code(suggestion)}?` : '') +
    (closest.length
      ? `${suggestion !== undefined ? ' (' : '; '}${
          distinct > closest.length ? 'its closest values are' : 'its ' + 'values are'
        } ${list(closest)}${suggestion !== undefined ? ')' : ''}`
      : ' (the column is empty)'),
  seriesWithoutValues: (id: string, source: string, labels: readonly string[], total: number) =>
    total === 1
      ? `indicator ${code(id)}: its series in data source ${code(source)} has no value at all (every value is ` +
        `missing), so nothing can be assessed`
      : `indicator ${code(id)}: ${labels.length} of its ${total} series in data source ${code(source)} have no ` +
        `value at all (every value is missing): ` +
        labels
          .slice(0, 5)
          .map((l) => code(l || 'total'))
          .join(', ') +
        (labels.length > 5 ? ` and ${labels.length - 5} more` : ''),
  daysNotMapped: (id: string, frequency: string) =>
    `indicator ${code(id)} is ${frequency} but its data holds days: the indicators of its data source have ` +
    `different frequencies, so dates were not turned into periods; give them separate data sources, or write the ` +
    `periods (2024-02, 2024-Q1)`,
  yamlRefused: (reason: string) => `the YAML parser refuses this file: ${reason}`,
  outsideValidRange: (id: string, value: number, period: string, range: readonly [number, number]) =>
    `${id} ${period}: value ${value} is outside valid_range [${range[0]}, ${range[1]}]`,
  noMatchingRows: (id: string, source: string, match: Record<string, unknown>) =>
    `indicator ${code(id)} matches no rows of data source ${code(source)} (match: ${Object.entries(match)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')})`,
  matchColumnMissing: (column: string, source: string, columns: readonly string[], suggestion?: string) =>
    `match names column ${code(column)}, which data source ${code(source)} does not have` +
    (suggestion ? `: did you mean ${code(suggestion)}?` : ` (columns: ${list(columns)})`),
  noHeadlineTotal: (id: string, dims: readonly string[]) =>
    `indicator ${code(id)} has breakdowns by ${dims.join(', ')} but no row marked as the total and no ` +
    `\`aggregate:\` rule, so it has no headline value (a mean of breakdowns is never taken)`,
  unknownBreakdownColumn: (column: string, columns: readonly string[], suggestion?: string) =>
    `\`for:\` names column ${code(column)}, which is not a disaggregation of this indicator's data` +
    (suggestion
      ? `: did you mean ${code(suggestion)}?`
      : columns.length
        ? ` (disaggregations: ${list(columns)})`
        : ' (its data source has no `disaggregations`)'),
  emptyBreakdownKey: () => '`for:` names no column; write the breakdown it is for, e.g. `for: { sex: female }`',
  groupTargetWithoutAggregate: (id: string) =>
    `indicator ${code(id)}: \`for:\` names only some breakdown columns, a group whose total is built by the ` +
    `indicator's \`aggregate:\` rule, and it has none (write \`aggregate: sum\` for counts)`,
  lopTargetOfLevel: (id: string) =>
    `indicator ${code(id)}: \`lop_target\` (a total over the programme) applies to \`accumulation: sum\` or ` +
    `\`cumulative\` indicators; it is ignored for a level`,
  cumulativeDecrease: (
    id: string,
    where: string,
    from: string,
    fromValue: number,
    to: string,
    toValue: number,
    more: number,
  ) =>
    `${id}${where ? ` (${where})` : ''}: a running total (\`accumulation: cumulative\`) goes down from ` +
    `${fromValue} in ${from} to ${toValue} in ${to}` +
    (more ? ` (and ${more} more decrease${more === 1 ? '' : 's'} in this series)` : '') +
    '; if each value counts its own period only, write `accumulation: sum`',
  iatiIdentifierPrefix: (identifier: string, ref: string) =>
    `IATI identifier ${code(identifier)} should start with the reporting organisation's ref and a hyphen ` +
    `(${code(`${ref}-`)}), as IATI's rules ask`,
  iatiMissing: () =>
    "`mel export iati` needs `iati:` under `program:`: `identifier` (the activity's IATI identifier) and " +
    "`reporting_org: { ref, type, name }` (the publishing organisation's IATI identifier, OrganisationType code " +
    'and name)',
  aggregateSumOfPercent: (id: string) =>
    `indicator ${code(id)}: \`aggregate: sum\` adds percentages; use numerator and denominator indicators instead`,
};

const megabytes = (bytes: number) => `${formatNumber(bytes / 1024 / 1024, 'en', { maxDecimals: 1 })} MB`;
const megabytesEs = (bytes: number) => `${formatNumber(bytes / 1024 / 1024, 'es', { maxDecimals: 1 })} MB`;

function describeValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${code(String(v))}`;
}

function describeValueEs(v: unknown): string {
  if (v === undefined) return 'nada';
  if (v === null) return 'vacío';
  if (Array.isArray(v)) return 'una lista';
  if (typeof v === 'object') return 'un mapa de claves';
  const kind: Record<string, string> = { string: 'el texto', number: 'el número', boolean: 'el valor lógico' };
  return `${kind[typeof v] ?? typeof v} ${code(String(v))}`;
}

/** What a field must be, by zod's type name. */
const expectedType: Record<'en' | 'es', Record<string, string>> = {
  en: {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
    boolean: 'true or false',
    tuple: 'a list',
    'indicator-id': 'an indicator id',
  },
  es: {
    string: 'texto',
    number: 'un número',
    int: 'un número entero',
    array: 'una lista',
    object: 'un mapa de claves',
    record: 'un mapa de claves',
    boolean: 'true o false',
    tuple: 'una lista',
    'indicator-id': 'el id de un indicador',
  },
};

const FORMULA_GRAMMAR_ES =
  'números, sus entradas, + - * / ^, paréntesis y las funciones abs, ceil, exp, floor, log, log10, max, min, mod, ' +
  'round, sqrt';

const es: typeof en = {
  schemaRule: (r) => {
    switch (r.rule) {
      case 'formatOnly':
        return (
          `solo se aplica a \`format: ${r.formats.join('` o `format: ')}\` (esta fuente de datos es ` +
          `\`${r.format}\`)`
        );
      case 'needsWideLayout':
        return 'necesita `layout: wide`';
      case 'targetNeedsValue':
        return 'una meta necesita `value` (absoluto) o `change` con `change_unit`';
      case 'valueOrChange':
        return 'una meta tiene `value` o `change`, no ambos';
      case 'changeNeedsUnit':
        return 'una meta con `change` necesita `change_unit`: pp (puntos porcentuales), percent (relativo) o unit';
    }
  },
  unknownKey: (key, suggestion, allowed) =>
    suggestion
      ? `clave desconocida ${code(key)}: ¿quiso decir ${code(suggestion)}?`
      : `clave desconocida ${code(key)}; aquí se admiten: ${list(allowed)}`,
  missingField: (field, where) => `falta el campo obligatorio ${code(field)}${where ? ` en ${where}` : ''}`,
  wrongEnum: (field, given, allowed) => `${code(field)} es ${code(String(given))}; debe ser uno de ${list(allowed)}`,
  wrongType: (field, expected, given) =>
    `${code(field)} debe ser ${expectedType.es[expected] ?? expected}, no ${describeValueEs(given)}`,
  wrongForm: (field, detail) => `${code(field)} no tiene la forma correcta: ${textIn(detail, 'es')}`,
  schemaProblem: (field, detail) => (field ? `${code(field)}: ${textIn(detail, 'es')}` : textIn(detail, 'es')),
  yamlSyntax: (yamlCode, text) => {
    switch (yamlCode) {
      case 'BAD_INDENT':
      case 'MISSING_CHAR':
      case 'UNEXPECTED_TOKEN':
        return (
          `sintaxis YAML: ${text} (revise la sangría: las claves anidadas usan el mismo número de espacios, ` +
          `nunca tabuladores)`
        );
      case 'DUPLICATE_KEY':
        return `YAML: esta clave está escrita dos veces en el mismo bloque (${text})`;
      case 'MULTILINE_IMPLICIT_KEY':
        return (
          'sintaxis YAML: esta línea tiene una sangría distinta de la de las líneas de su bloque (las claves ' +
          'anidadas usan el mismo número de espacios)'
        );
      case 'TAB_AS_INDENT':
        return 'sintaxis YAML: se usa un tabulador para la sangría; use espacios';
      default:
        return `sintaxis YAML: ${text}`;
    }
  },
  invalidPeriod: (field, reason) => `${code(field)}: ${textIn(reason, 'es')}`,
  duplicateIndicatorId: (id, otherFile) => `el id de indicador ${code(id)} también se usa en ${otherFile}`,
  unknownResult: (id, known, suggestion) =>
    `el resultado ${code(id)} no está definido en los \`results\` de program.yaml` +
    (suggestion
      ? `: ¿quiso decir ${code(suggestion)}?`
      : known.length
        ? ` (definidos: ${list(known)})`
        : ' (no hay resultados definidos)'),
  unknownParentResult: (id) => `el resultado padre ${code(id)} no está definido en \`results\``,
  duplicateResultId: (id, firstLine) =>
    `el id de resultado ${code(id)} ya se usa en la línea ${firstLine}; cada resultado tiene su propio id`,
  resultParentCycle: (cycle) =>
    `los resultados son padres unos de otros en un ciclo: ${cycle.join(' -> ')} (un marco de resultados es un ` +
    `árbol: subiendo por los padres se llega a un resultado sin padre)`,
  duplicateDataSourceId: (id, firstLine) =>
    `el id de fuente de datos ${code(id)} ya se usa en la línea ${firstLine}; cada fuente de datos tiene su propio id`,
  bandsOrder: (onTrack, atRisk) =>
    `los umbrales están en desorden: \`at_risk\` (${atRisk}) debe ser al menos 0 y como mucho \`on_track\` ` +
    `(${onTrack}), ya que una razón de avance igual o mayor que on_track está en camino, igual o mayor que ` +
    `at_risk en riesgo, y por debajo, desviada`,
  duplicateTargetPeriod: (period, firstLine, breakdown = '') =>
    `ya hay una meta para ${code(period)}${breakdown ? ` (${breakdown})` : ''} en la línea ${firstLine}; un ` +
    `indicador tiene una meta por periodo${breakdown ? ' y desagregación' : ''}`,
  unknownDataSource: (id, known, suggestion) =>
    `la fuente de datos ${code(id)} no está definida en los \`data\` de program.yaml` +
    (suggestion
      ? `: ¿quiso decir ${code(suggestion)}?`
      : known.length
        ? ` (definidas: ${list(known)})`
        : ' (no hay fuentes de datos definidas)'),
  unknownInput: (name, id, suggestion) =>
    `la entrada ${code(name)} remite al indicador ${code(id)}, que no está definido` +
    (suggestion ? `: ¿quiso decir ${code(suggestion)}?` : ''),
  unknownCompared: (id, suggestion) =>
    `\`compare\` nombra el indicador ${code(id)}, que no está definido` +
    (suggestion ? `: ¿quiso decir ${code(suggestion)}?` : ''),
  seriesOrFormula: () =>
    'un indicador necesita `series` (dónde están sus datos) o `formula` con `inputs` (cómo se calcula), no ambos',
  formulaWithoutInputs: () => '`formula` necesita `inputs`, que nombran el indicador detrás de cada variable',
  formulaSyntax: (reason) => `no se puede leer la fórmula: ${reason}`,
  formulaUnknownVariable: (name, inputs) =>
    `la fórmula usa ${code(name)}, que no es una de sus entradas (${list(inputs)})`,
  formulaForbidden: (name) =>
    `la fórmula usa ${code(name)}, que las fórmulas no pueden usar; una fórmula es aritmética: ${FORMULA_GRAMMAR_ES}`,
  formulaOperator: (operator, implicit) =>
    (implicit
      ? 'la fórmula pone dos términos juntos sin `*` (como en `2a` o `2(a + b)`); escriba el `*`'
      : `la fórmula usa ${code(operator)}, que las fórmulas no pueden usar`) +
    `; una fórmula es aritmética: ${FORMULA_GRAMMAR_ES}`,
  formulaTooLarge: (limit, size, max) =>
    limit === 'characters'
      ? `la fórmula tiene ${formatInteger(size, 'es')} caracteres; una fórmula tiene como mucho ` +
        `${formatInteger(max, 'es')}: divídala en indicadores calculados que se usen entre sí`
      : limit === 'nesting'
        ? `la fórmula anida paréntesis ${size ? `${size} niveles` : 'demasiado'}; una fórmula los anida como mucho ` +
          `${max} niveles`
        : `la fórmula tiene ${formatInteger(size, 'es')} partes (números, entradas y operaciones); una fórmula ` +
          `tiene como mucho ${formatInteger(max, 'es')}: divídala en indicadores calculados que se usen entre sí`,
  formulaCycle: (cycle) => `hay indicadores calculados que dependen unos de otros en un ciclo: ${cycle.join(' -> ')}`,
  changeUnitMismatch: (unit) =>
    `una meta en puntos porcentuales (\`change_unit: pp\`) necesita un indicador en porcentaje, pero la unidad es ` +
    `${code(unit)}`,
  targetBeforeBaseline: (target, baseline) =>
    `la meta ${code(target)} tiene fecha anterior a la línea de base ${code(baseline)}`,
  validRangeOrder: () => '`valid_range` debe ser [mínimo, máximo] con mínimo <= máximo',
  programPeriodOrder: () => 'el periodo del programa debe terminar después de empezar',
  noIndicators: (dir) =>
    `no se encontraron archivos de indicadores en ${dir} (un archivo .yaml por indicador, además de program.yaml)`,
  unreadableFile: (reason) => `no se puede leer el archivo: ${textIn(reason, 'es')}`,
  fileProblem: (p) => {
    switch (p.kind) {
      case 'missing':
        return 'no existe';
      case 'folder':
        return 'es una carpeta, no un archivo';
      case 'not-a-file':
        return 'no es un archivo normal (es una tubería, un dispositivo o un socket); mel solo lee archivos';
      case 'permission':
        return 'permiso denegado (revise quién puede leerlo)';
      case 'broken-link':
        return 'es un enlace a un archivo que no existe';
      case 'link-loop':
        return 'es un enlace que vuelve a sí mismo (un bucle de enlaces)';
      case 'not-a-folder-above':
        return 'una parte de su ruta es un archivo, no una carpeta';
      case 'too-large':
        return (
          `ocupa ${megabytesEs(p.size)}, mucho más de lo que puede ocupar un archivo de este tipo (como mucho ` +
          `${megabytesEs(p.max)})`
        );
      case 'other':
        return `el sistema responde ${p.code}`;
    }
  },
  notUtf8: () =>
    'el archivo no está en UTF-8; se leyó como Windows-1252 (Latin-1): guárdelo en UTF-8 para que cada letra ' +
    'acentuada se lea igual en todos los equipos',
  programIsFolder: (path, suggestion) =>
    `${path} es una carpeta; --program nombra el archivo del programa` +
    (suggestion ? `: ¿quiso decir --program ${suggestion}?` : ', como indicators/program.yaml'),
  programNotYaml: (path) =>
    `${path} no es un archivo YAML; --program nombra el archivo del programa (.yaml o .yml), como ` +
    `indicators/program.yaml`,
  notAMapping: () => 'el archivo debe ser un mapa YAML de claves y valores',
  fileNotFound: (path) => `no se encuentra el archivo: ${path}`,
  programmeNotFound: (path, candidates) =>
    `aquí no hay archivo de programa ${path}; ejecute mel desde la carpeta que contiene \`indicators/program.yaml\`` +
    (candidates.length
      ? ` (${candidates.length === 1 ? 'esta la contiene' : 'estas la contienen'}: ` +
        `${list(candidates.slice(0, 5))}), o indique el archivo con \`--program\``
      : ', indíquelo con `--program ruta/a/program.yaml`, o cree uno con `mel init`'),
  dataFileMissing: (path, root, suggestion) =>
    `no se encuentra el archivo de datos: ${path}` +
    (suggestion !== undefined ? `; ¿quiso decir ${code(suggestion)}?` : '') +
    ` (las rutas de program.yaml son relativas a la raíz del programa, ${
      root === '.' ? 'la carpeta que contiene ' + '`indicators/`' : code(root)
    })`,
  dataFolderMissing: (path, folder) =>
    `no se encuentra el archivo de datos: ${path}; no existe la carpeta ${code(folder)} (las rutas de program.yaml ` +
    `son relativas a la raíz del programa, la carpeta que contiene \`indicators/\`)`,
  unusedCodes: (column, codes) => {
    const shown = codes.slice(0, 10).map(([c, n]) => `${c} (${formatInteger(n, 'es')} fila${n === 1 ? '' : 's'})`);
    const rows = codes.reduce((t, [, n]) => t + n, 0);
    return (
      `${formatInteger(codes.length, 'es')} valor${codes.length === 1 ? '' : 'es'} de la columna ${code(column)} ` +
      `no ${codes.length === 1 ? 'lo usa' : 'los usa'} ningún indicador` +
      (codes.length > 10 ? ` (${formatInteger(rows, 'es')} filas)` : '') +
      `: ${shown.join(', ')}${codes.length > 10 ? ` y ${formatInteger(codes.length - 10, 'es')} más` : ''}`
    );
  },
  noMatchingValue: (id, source, column, value, closest, distinct, suggestion) =>
    `el indicador ${code(id)} no coincide con ninguna fila de la fuente de datos ${code(source)}: la columna ` +
    `${code(column)} no tiene ${code(value)}` +
    (suggestion !== undefined ? `; ¿quiso decir ${code(suggestion)}?` : '') +
    (closest.length
      ? `${suggestion !== undefined ? ' (' : '; '}${
          distinct > closest.length ? 'sus valores más parecidos ' + 'son' : 'sus valores son'
        } ${list(closest)}${suggestion !== undefined ? ')' : ''}`
      : ' (la columna está vacía)'),
  seriesWithoutValues: (id, source, labels, total) =>
    total === 1
      ? `indicador ${code(id)}: su serie en la fuente de datos ${code(source)} no tiene ningún valor (todos ` +
        `faltan), así que no se puede evaluar nada`
      : `indicador ${code(id)}: ${labels.length} de sus ${total} series en la fuente de datos ${code(source)} no ` +
        `tienen ningún valor (todos faltan): ` +
        labels
          .slice(0, 5)
          .map((l) => code(l || 'total'))
          .join(', ') +
        (labels.length > 5 ? ` y ${labels.length - 5} más` : ''),
  daysNotMapped: (id, frequency) =>
    `el indicador ${code(id)} es ${code(frequency)} pero sus datos tienen días: los indicadores de su fuente de ` +
    `datos tienen frecuencias distintas, así que las fechas no se convirtieron en periodos; deles fuentes de ` +
    `datos separadas, o escriba los periodos (2024-02, 2024-Q1)`,
  yamlRefused: (reason) => `el analizador de YAML rechaza este archivo: ${reason}`,
  outsideValidRange: (id, value, period, range) =>
    `${id} ${period}: el valor ${formatNumber(value, 'es', { maxDecimals: 6 })} está fuera de valid_range ` +
    `[${formatNumber(range[0], 'es', { maxDecimals: 6 })}; ${formatNumber(range[1], 'es', { maxDecimals: 6 })}]`,
  noMatchingRows: (id, source, match) =>
    `el indicador ${code(id)} no coincide con ninguna fila de la fuente de datos ${code(source)} (match: ` +
    `${Object.entries(match)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')})`,
  matchColumnMissing: (column, source, columns, suggestion) =>
    `\`match\` nombra la columna ${code(column)}, que la fuente de datos ${code(source)} no tiene` +
    (suggestion ? `: ¿quiso decir ${code(suggestion)}?` : ` (columnas: ${list(columns)})`),
  noHeadlineTotal: (id, dims) =>
    `el indicador ${code(id)} tiene desagregaciones por ${dims.join(', ')} pero ninguna fila marcada como total y ` +
    `ninguna regla \`aggregate:\`, así que no tiene valor principal (nunca se toma un promedio de las ` +
    `desagregaciones)`,
  unknownBreakdownColumn: (column, columns, suggestion) =>
    `\`for:\` nombra la columna ${code(column)}, que no es una desagregación de los datos de este indicador` +
    (suggestion
      ? `: ¿quiso decir ${code(suggestion)}?`
      : columns.length
        ? ` (desagregaciones: ${list(columns)})`
        : ' (su fuente de datos no tiene `disaggregations`)'),
  emptyBreakdownKey: () =>
    '`for:` no nombra ninguna columna; escriba la desagregación a la que se refiere, por ejemplo `for: { sex: ' +
    'female }`',
  groupTargetWithoutAggregate: (id) =>
    `indicador ${code(id)}: \`for:\` nombra solo algunas columnas de desagregación, un grupo cuyo total se ` +
    `construye con la regla \`aggregate:\` del indicador, y no tiene ninguna (escriba \`aggregate: sum\` para ` +
    `conteos)`,
  lopTargetOfLevel: (id) =>
    `indicador ${code(id)}: \`lop_target\` (un total sobre el programa) se aplica a indicadores con ` +
    `\`accumulation: sum\` o \`cumulative\`; para un nivel se ignora`,
  cumulativeDecrease: (id, where, from, fromValue, to, toValue, more) =>
    `${id}${where ? ` (${where})` : ''}: un total acumulado (\`accumulation: cumulative\`) baja de ` +
    `${formatNumber(fromValue, 'es', { maxDecimals: 6 })} en ${from} a ` +
    `${formatNumber(toValue, 'es', { maxDecimals: 6 })} en ${to}` +
    (more ? ` (y ${more} descenso${more === 1 ? '' : 's'} más en esta serie)` : '') +
    '; si cada valor cuenta solo su propio periodo, escriba `accumulation: sum`',
  iatiIdentifierPrefix: (identifier, ref) =>
    `el identificador IATI ${code(identifier)} debería empezar con la referencia de la organización informante y ` +
    `un guion (${code(`${ref}-`)}), como piden las reglas de IATI`,
  iatiMissing: () =>
    '`mel export iati` necesita `iati:` bajo `program:`: `identifier` (el identificador IATI de la actividad) y ' +
    '`reporting_org: { ref, type, name }` (el identificador IATI, el código OrganisationType y el nombre de la ' +
    'organización que publica)',
  aggregateSumOfPercent: (id) =>
    `indicador ${code(id)}: \`aggregate: sum\` suma porcentajes; use en su lugar indicadores de numerador y ` +
    `denominador`,
};

/** The English messages, as plain text (tests compare the issues' English `message` with them). */
export const specEn = en;

/** Every message, in every language: what the readers put in their issues. */
export const specMessages = localize({ en, es });
