// Every message about the programme and indicator files, in one place, so rewording
// breaks no test (the vega-lite habit: tests assert against these functions).
import type { FileProblem } from '../spec/input-file.js';
import { formatInteger } from './format-number.js';

const list = (values: readonly (string | number)[]) => values.map((v) => `\`${v}\``).join(', ');
const code = (s: string | number) => `\`${s}\``;
const FORMULA_GRAMMAR =
  'numbers, its inputs, + - * / ^, parentheses and the functions abs, ceil, exp, floor, log, log10, max, min, ' +
  'mod, round, sqrt';

export const specMessages = {
  unknownKey: (key: string, suggestion: string | undefined, allowed: readonly string[]) =>
    suggestion
      ? `unknown key ${code(key)}: did you mean ${code(suggestion)}?`
      : `unknown key ${code(key)}; allowed here: ${list(allowed)}`,
  missingField: (field: string, where: string) => `missing required field ${code(field)}${where ? ` in ${where}` : ''}`,
  wrongEnum: (field: string, given: unknown, allowed: readonly (string | number)[]) =>
    `${code(field)} is ${code(String(given))}; it must be one of ${list(allowed)}`,
  wrongType: (field: string, expected: string, given: unknown) =>
    `${code(field)} must be ${expected}, not ${describeValue(given)}`,
  invalidPeriod: (field: string, reason: string) => `${code(field)}: ${reason}`,
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
    `results are each other's parents in a cycle: ${cycle.join(' -> ')} (a results framework is a tree: follow ` +
    'the parents up and you reach a result without one)',
  duplicateDataSourceId: (id: string, firstLine: number) =>
    `data source id ${code(id)} is already used at line ${firstLine}; each data source has its own id`,
  bandsOrder: (onTrack: number, atRisk: number) =>
    `the bands are out of order: \`at_risk\` (${atRisk}) must be at least 0 and at most \`on_track\` ` +
    `(${onTrack}), as a progress ratio at or above on_track is on track, at or above at_risk at risk, below it ` +
    'off track',
  duplicateTargetPeriod: (period: string, firstLine: number, breakdown = '') =>
    `a target for ${code(period)}${breakdown ? ` (${breakdown})` : ''} is already given at line ${firstLine}; ` +
    `an indicator has one target per period${breakdown ? ' and breakdown' : ''}`,
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
      ? `the formula is ${size.toLocaleString('en')} characters long; a formula has at most ` +
        `${max.toLocaleString('en')}: split it into computed indicators that use each other`
      : limit === 'nesting'
        ? `the formula nests brackets ${size ? `${size} deep` : 'too deep'}; a formula nests them at most ${max} deep`
        : `the formula has ${size.toLocaleString('en')} parts (numbers, inputs and operations); a formula has at ` +
          `most ${max.toLocaleString('en')}: split it into computed indicators that use each other`,
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
  unreadableFile: (reason: string) => `cannot read the file: ${reason}`,
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
    'the file is not UTF-8; it was read as Windows-1252 (Latin-1): save it as UTF-8 so that every accented ' +
    'letter reads the same on every computer',
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
      ? ` (${candidates.length === 1 ? 'this one is' : 'these are'}: ${list(candidates.slice(0, 5))}), or point ` +
        'to the file with `--program`'
      : ', point to it with `--program path/to/program.yaml`, or start one with `mel init`'),
  dataFileMissing: (path: string, root: string, suggestion?: string) =>
    `data file not found: ${path}` +
    (suggestion !== undefined ? `; did you mean ${code(suggestion)}?` : '') +
    ' (paths in program.yaml are relative to the programme root, ' +
    `${root === '.' ? 'the folder that holds `indicators/`' : code(root)})`,
  dataFolderMissing: (path: string, folder: string) =>
    `data file not found: ${path}; there is no folder ${code(folder)} (paths in program.yaml are relative to ` +
    'the programme root, the folder that holds `indicators/`)',
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
    `indicator ${code(id)} matches no rows of data source ${code(source)}: ` +
    `column ${code(column)} has no ${code(value)}` +
    (suggestion !== undefined ? `; did you mean ${code(suggestion)}?` : '') +
    (closest.length
      ? (suggestion !== undefined ? ' (' : '; ') +
        `${distinct > closest.length ? 'its closest values are' : 'its values are'} ${list(closest)}` +
        (suggestion !== undefined ? ')' : '')
      : ' (the column is empty)'),
  seriesWithoutValues: (id: string, source: string, labels: readonly string[], total: number) =>
    total === 1
      ? `indicator ${code(id)}: its series in data source ${code(source)} has no value at all (every value is ` +
        'missing), so nothing can be assessed'
      : `indicator ${code(id)}: ${labels.length} of its ${total} series in data source ${code(source)} have no ` +
        'value at all (every value is missing): ' +
        labels
          .slice(0, 5)
          .map((l) => code(l || 'total'))
          .join(', ') +
        (labels.length > 5 ? ` and ${labels.length - 5} more` : ''),
  daysNotMapped: (id: string, frequency: string) =>
    `indicator ${code(id)} is ${frequency} but its data holds days: the indicators of its data source have ` +
    'different frequencies, so dates were not turned into periods; give them separate data sources, or write ' +
    'the periods (2024-02, 2024-Q1)',
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
    '`aggregate:` rule, so it has no headline value (a mean of breakdowns is never taken)',
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
    '`cumulative` indicators; it is ignored for a level',
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
    "`reporting_org: { ref, type, name }` (the publishing organisation's IATI identifier, OrganisationType " +
    'code and name)',
  aggregateSumOfPercent: (id: string) =>
    `indicator ${code(id)}: \`aggregate: sum\` adds percentages; use numerator and denominator indicators instead`,
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

function describeValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${code(String(v))}`;
}
