// Reads program.yaml and every indicator file beside it, validates them against the
// zod schemas and each other, and returns the normalised Program with every issue found.
//
//   1. read the YAML files (syntax errors at their lines)
//   2. check each against its schema (unknown keys, missing fields, enums)
//   3. parse periods (baseline, targets, programme period, as-of)
//   4. check references: results, data sources, formula inputs, cycles
import { type Dirent, existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Localized, Text } from '../messages/localized.js';
import { periodReason } from '../messages/periods.js';
import { specMessages } from '../messages/spec.js';
import { type FormulaProblem, parseFormula } from './formula.js';
import { checkBands, checkDataSourceIds, checkResults } from './program-checks.js';
import {
  findIndicatorFiles,
  programmeRootOf,
  programPathProblem,
  readSpecFile,
  skippedFolder,
  specFilePath,
} from './spec-files.js';
import type { PrefetchedSpecFile, PrefetchedSpecFiles } from './spec-prefetch.js';
import { parsePeriod, comparePeriods, type Period } from '../periods/period.js';
import { IssueList, type Issue } from './issues.js';
import type { BaselineDef, Indicator, Program, TargetDef } from './model.js';
import {
  type DataSource,
  indicatorSchema,
  type Locale,
  locales,
  programSchema,
  type IndicatorFile,
  type ProgramFile,
} from './schema.js';
import { schemaIssues } from './schema-issues.js';
import { closestName } from './suggest.js';
import { type PathSegment, type YamlSource, yamlSourceFrom } from './yaml-source.js';
import { findCycle } from './dependency-graph.js';

export interface LoadedProgram {
  program?: Program;
  issues: Issue[];
  /** The `locale:` program.yaml states, when it can be read (even with errors elsewhere): the terminal's language. */
  locale?: Locale;
}

/** `program.locale` as written, when it is one of the locales. */
function statedLocale(value: unknown): Locale | undefined {
  const program = typeof value === 'object' && value !== null ? (value as { program?: unknown }).program : undefined;
  const locale = typeof program === 'object' && program !== null ? (program as { locale?: unknown }).locale : undefined;
  return (locales as readonly unknown[]).includes(locale) ? (locale as Locale) : undefined;
}

const toPosix = (p: string) => p.split(sep).join('/');

export { indicatorFilesBeside, programmeRootOf } from './spec-files.js';

/** Folders looked into when searching for a programme: enough for a home folder, never a disk. */
const SEARCH_BUDGET = 400;

/**
 * Folders below `from` (three levels down, links not followed, hidden folders and
 * node_modules skipped) and above it that hold `indicators/program.yaml`.
 */
export function programmeFoldersNear(from: string): string[] {
  const found: string[] = [];
  const marker = join('indicators', 'program.yaml');
  let budget = SEARCH_BUDGET;
  const down = (d: string, depth: number) => {
    if (found.length >= 5 || budget-- <= 0) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isDirectory() || skippedFolder(entry.name)) continue; // a link is not a directory entry
      const full = join(d, entry.name);
      if (existsSync(join(full, marker))) found.push(full);
      else if (depth > 1) down(full, depth - 1);
    }
  };
  down(from, 3);
  for (let up = dirname(from); up !== dirname(up) && found.length < 5; up = dirname(up))
    if (existsSync(join(up, marker))) found.push(up);
  return found.map((f) => toPosix(relative(from, f)) || '.');
}

/**
 * `cwd`: where mel runs; `programPath` is relative to it. Every path of the programme
 * (data files, the files issues name) is relative to the programme's root (programmeRootOf).
 * `prefetched`: files a worker thread has read already (spec-prefetch.ts), used for
 * the files this reads as it would have read them; any other file is read here.
 */
export function loadProgram(cwd: string, programPath: string, prefetched?: PrefetchedSpecFiles): LoadedProgram {
  const issues = new IssueList();
  const readSpec = (abs: string, rel: string): YamlSource | undefined => {
    const read = prefetched?.get(abs);
    if (read === undefined || read.rel !== rel) return readSpecFile(abs, rel, issues);
    issues.addAll(read.readIssues);
    return read.source && yamlSourceFrom(read.source);
  };
  const absProgram = resolve(cwd, programPath);
  const root = programmeRootOf(absProgram);
  const programRel = toPosix(relative(root, absProgram)) || '.';
  // A folder or a file that is not YAML (/etc/hostname) is refused before anything is read.
  const pathProblem = programPathProblem(absProgram, toPosix(programPath));
  if (pathProblem) {
    issues.error(programRel, pathProblem);
    return { issues: issues.sorted() };
  }
  if (!existsSync(absProgram)) {
    issues.error(programRel, specMessages.programmeNotFound(toPosix(programPath), programmeFoldersNear(cwd)));
    return { issues: issues.sorted() };
  }
  // 1. read
  const programSrc = readSpec(absProgram, programRel);
  if (!programSrc) return { issues: issues.sorted() };
  const locale = statedLocale(programSrc.value);
  issues.addAll(programSrc.issues);
  const found = findIndicatorFiles(absProgram);
  for (const { path, problem } of found.problems)
    issues.error(toPosix(relative(root, path)), specMessages.unreadableFile(specMessages.fileProblem(problem)));
  const indicatorSrcs = found.files.flatMap((f) => readSpec(f, specFilePath(root, f)) ?? []);
  for (const s of indicatorSrcs) issues.addAll(s.issues);

  // 2. schemas
  const programFile = checkSchema(programSrc, programSchema, issues) as ProgramFile | undefined;
  const indicatorFiles = indicatorSrcs.map((s) => {
    const file = checkSchema(s, indicatorSchema, issues) as IndicatorFile | undefined;
    if (file?.inputs) file.inputs = ownInputs(s, issues);
    return { src: s, file };
  });
  if (found.files.length === 0 && !issues.hasErrors)
    issues.error(programRel, specMessages.noIndicators(toPosix(relative(root, resolve(absProgram, '..'))) || '.'));
  if (!programFile) return { issues: issues.sorted(), locale };

  // 3. periods and 4. references
  const fiscalYearStart = programFile.program.fiscal_year_start;
  const periodAt = (src: YamlSource, path: PathSegment[], text: string | number | undefined): Period | undefined => {
    if (text === undefined) return undefined;
    const r = parsePeriod(String(text), { fiscalYearStart });
    if (r.ok) return r.period;
    const pos = src.positionOf(path);
    issues.error(
      src.file,
      specMessages.invalidPeriod(String(path[path.length - 1]), periodReason(r.problem)),
      pos.line,
      pos.column,
    );
    return undefined;
  };
  const pStart = periodAt(programSrc, ['program', 'period', 'start'], programFile.program.period.start);
  const pEnd = periodAt(programSrc, ['program', 'period', 'end'], programFile.program.period.end);
  const asOf = periodAt(programSrc, ['program', 'as_of'], programFile.program.as_of);
  if (pStart && pEnd && comparePeriods(pEnd, pStart) < 0) {
    const pos = programSrc.positionOf(['program', 'period']);
    issues.error(programRel, specMessages.programPeriodOrder(), pos.line, pos.column);
  }

  const resultIds = programFile.results.map((r) => r.id);
  checkResults(programSrc, programFile.results, issues);
  checkDataSourceIds(programSrc, programFile.data, issues);
  checkBands(programSrc, programFile.assessment, issues);
  const dataIds = programFile.data.map((d) => d.id);
  const dataSources = programFile.data;

  const indicators: Indicator[] = [];
  const seenIds = new Map<string, string>();
  for (const { src, file } of indicatorFiles) {
    if (!file) continue;
    const ind = normaliseIndicator(src, file, { periodAt, resultIds, dataIds, dataSources, issues, seenIds });
    if (ind) indicators.push(ind);
  }
  checkFormulaReferences(indicatorFiles, issues);

  const iati = programFile.program.iati;
  const iatiLine = programSrc.positionOf(iati ? ['program', 'iati'] : ['program'], 'key').line;
  if (iati && !iati.identifier.startsWith(`${iati.reporting_org.ref}-`)) {
    const pos = programSrc.positionOf(['program', 'iati', 'identifier']);
    issues.warning(programRel, specMessages.iatiIdentifierPrefix(iati.identifier, iati.reporting_org.ref), pos.line);
  }

  // The programme is returned even when some files have errors, so that the data can
  // still be read and every problem reported in one run; callers check the issues.
  if (!pStart || !pEnd) return { issues: issues.sorted(), locale };
  const a = programFile.assessment;
  const program: Program = {
    root,
    file: programRel,
    id: programFile.program.id,
    name: programFile.program.name,
    locale: programFile.program.locale,
    period: { start: pStart, end: pEnd },
    asOf,
    fiscalYearStart,
    reporting: programFile.program.reporting,
    results: programFile.results,
    method: a.method,
    bands: { onTrack: a.bands?.on_track ?? 0.85, atRisk: a.bands?.at_risk ?? 0.6 },
    openSdgBaseYear: a.open_sdg_base_year,
    dataSources: programFile.data,
    indicators,
    iati,
    iatiLine,
    allIndicatorsRead:
      indicatorSrcs.length === found.files.length &&
      found.problems.length === 0 &&
      indicators.length === indicatorSrcs.length,
    dataSourceLine: (id) => programSrc.positionOf(['data', Math.max(0, dataIds.indexOf(id))]).line,
  };
  return { program, issues: issues.sorted(), locale };
}

/**
 * What the programme file alone says of its data (before the indicator files are read):
 * its data sources, fiscal year and locale, when it is valid YAML and passes its schema;
 * undefined otherwise (loadProgram then says why, at its turn).
 */
export function programmeData(
  file: PrefetchedSpecFile,
): { dataSources: DataSource[]; fiscalYearStart: number; locale: Locale } | undefined {
  const source = file.source;
  if (file.readIssues.length || !source || source.issues.some((i) => i.severity === 'error')) return undefined;
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) return undefined;
  const r = programSchema.safeParse(source.value);
  if (!r.success) return undefined;
  return { dataSources: r.data.data, fiscalYearStart: r.data.program.fiscal_year_start, locale: r.data.program.locale };
}

function checkSchema(
  src: YamlSource,
  schema: typeof programSchema | typeof indicatorSchema,
  issues: IssueList,
): unknown {
  if (src.value === undefined) return undefined;
  if (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value)) {
    issues.error(src.file, specMessages.notAMapping(), 1);
    return undefined;
  }
  const r = schema.safeParse(src.value);
  if (r.success) return r.data;
  issues.addAll(schemaIssues(r.error, schema, src));
  return undefined;
}

interface NormaliseContext {
  periodAt: (src: YamlSource, path: PathSegment[], text: string | number | undefined) => Period | undefined;
  resultIds: string[];
  dataIds: string[];
  dataSources: ProgramFile['data'];
  issues: IssueList;
  seenIds: Map<string, string>;
}

function normaliseIndicator(src: YamlSource, f: IndicatorFile, ctx: NormaliseContext): Indicator | undefined {
  const { issues } = ctx;
  const errorAt = (path: PathSegment[], message: Text) => {
    const pos = src.positionOf(path);
    issues.error(src.file, message, pos.line, pos.column);
  };
  const other = ctx.seenIds.get(f.id);
  if (other) errorAt(['id'], specMessages.duplicateIndicatorId(f.id, other));
  else ctx.seenIds.set(f.id, src.file);

  if (f.result !== undefined && !ctx.resultIds.includes(f.result)) {
    errorAt(['result'], specMessages.unknownResult(f.result, ctx.resultIds, closestName(f.result, ctx.resultIds)));
  }
  if (f.series && !ctx.dataIds.includes(f.series.data)) {
    errorAt(
      ['series', 'data'],
      specMessages.unknownDataSource(f.series.data, ctx.dataIds, closestName(f.series.data, ctx.dataIds)),
    );
  }
  if ((f.series === undefined) === (f.formula === undefined)) errorAt([], specMessages.seriesOrFormula());
  if (f.formula !== undefined && f.inputs === undefined) errorAt(['formula'], specMessages.formulaWithoutInputs());
  let formula: Indicator['formula'];
  if (f.formula !== undefined && f.inputs) {
    const r = parseFormula(f.formula, Object.keys(f.inputs));
    if (r.ok) formula = r.formula;
    else {
      errorAt(['formula'], formulaMessage(r.problem, Object.keys(f.inputs)));
    }
  }
  if (f.valid_range && f.valid_range[0] > f.valid_range[1]) errorAt(['valid_range'], specMessages.validRangeOrder());

  let baseline: BaselineDef | undefined;
  if (f.baseline) {
    const period = ctx.periodAt(src, ['baseline', 'period'], f.baseline.period);
    if (period)
      baseline = {
        period,
        value: f.baseline.value,
        source: f.baseline.source,
        line: src.positionOf(['baseline']).line,
      };
  }
  // A target's or LOP target's `for:` names disaggregation columns of the indicator's data.
  const match = f.series?.match ?? {};
  const breakdownColumns = f.series
    ? ctx.dataSources.find((d) => d.id === f.series?.data)?.disaggregations?.filter((c) => !(c in match))
    : undefined;
  const breakdownKey = (path: PathSegment[], given: Record<string, string | number> | undefined) => {
    if (given === undefined) return undefined;
    const key = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, String(v)]));
    if (breakdownColumns === undefined) return key;
    for (const column of Object.keys(key)) {
      if (!breakdownColumns.includes(column))
        errorAt(
          [...path, column],
          specMessages.unknownBreakdownColumn(column, breakdownColumns, closestName(column, breakdownColumns)),
        );
    }
    const named = Object.keys(key);
    if (named.length === 0) errorAt(path, specMessages.emptyBreakdownKey());
    else if (
      named.length < breakdownColumns.length &&
      named.every((c) => breakdownColumns.includes(c)) &&
      (f.aggregate === undefined || f.aggregate === 'none')
    )
      issues.warning(src.file, specMessages.groupTargetWithoutAggregate(f.id), src.positionOf(path).line);
    return key;
  };
  let lopTarget: Indicator['lopTarget'];
  if (f.lop_target !== undefined) {
    const line = src.positionOf(['lop_target']).line;
    if (f.accumulation === 'level') issues.warning(src.file, specMessages.lopTargetOfLevel(f.id), line);
    lopTarget =
      typeof f.lop_target === 'number'
        ? { total: f.lop_target, by: [], line }
        : {
            total: f.lop_target.total,
            by: f.lop_target.by.map((b, i) => ({
              for: breakdownKey(['lop_target', 'by', i, 'for'], b.for) ?? {},
              value: b.value,
            })),
            line,
          };
  }
  const targets: TargetDef[] = [];
  const targetLines = new Map<string, number>();
  f.targets.forEach((t, i) => {
    const period = ctx.periodAt(src, ['targets', i, 'period'], t.period);
    if (period) {
      // One target per period and breakdown: a second would be ignored without a word.
      // `2024` and `FY2024` with a January fiscal year are the same twelve months.
      const breakdown = Object.entries(t.for ?? {})
        .map(([k, v]) => `${k}: ${v}`)
        .sort()
        .join(', ');
      const key = `${period.start}/${period.end}|${breakdown}`;
      const first = targetLines.get(key);
      const line = src.positionOf(['targets', i, 'period']).line;
      if (first === undefined) targetLines.set(key, line);
      else {
        errorAt(['targets', i, 'period'], specMessages.duplicateTargetPeriod(period.id, first, breakdown));
        return;
      }
    }
    if (t.change_unit === 'pp' && f.unit !== 'percent')
      errorAt(['targets', i, 'change_unit'], specMessages.changeUnitMismatch(f.unit));
    if (period && baseline && comparePeriods(period, baseline.period) <= 0) {
      issues.warning(
        src.file,
        specMessages.targetBeforeBaseline(period.id, baseline.period.id),
        src.positionOf(['targets', i, 'period']).line,
      );
    }
    if (period)
      targets.push({
        period,
        value: t.value,
        change: t.change,
        changeUnit: t.change_unit,
        for: breakdownKey(['targets', i, 'for'], t.for),
        label: t.label,
        source: t.source,
        line: src.positionOf(['targets', i]).line,
      });
  });
  targets.sort((a, b) => comparePeriods(a.period, b.period));

  return {
    id: f.id,
    name: f.name,
    definition: f.definition?.trim(),
    result: f.result,
    unit: f.unit,
    unitLabel: f.unit_label,
    direction: f.direction,
    frequency: f.frequency,
    accumulation: f.accumulation,
    series: f.series
      ? {
          data: f.series.data,
          match: Object.fromEntries(Object.entries(f.series.match).map(([k, v]) => [k, String(v)])),
        }
      : undefined,
    formula,
    inputs: f.inputs,
    aggregate: f.aggregate,
    baseline,
    targets,
    lopTarget,
    validRange: f.valid_range,
    naturalLimit: f.natural_limit,
    method: f.method,
    compare: f.compare ?? [],
    pirs: f.pirs,
    references: f.references,
    file: src.file,
    lineOf: (key) => src.positionOf([key], 'key').line,
  };
}

function formulaMessage(p: FormulaProblem, inputs: string[]): Localized {
  switch (p.kind) {
    case 'syntax':
      return specMessages.formulaSyntax(p.reason);
    case 'forbidden':
      return specMessages.formulaForbidden(p.name);
    case 'operator':
      return specMessages.formulaOperator(p.operator, p.implicit === true);
    case 'too-large':
      return specMessages.formulaTooLarge(p.limit, p.size, p.max);
    case 'unknown-variable':
      return specMessages.formulaUnknownVariable(p.name, inputs);
  }
}

/**
 * `inputs` as the file writes them, in an object without a prototype: zod's record drops
 * a key named `__proto__`, and a plain object would read `constructor` or `toString` as
 * its own; an input may be called anything.
 */
function ownInputs(src: YamlSource, issues: IssueList): Record<string, string> {
  const raw = (src.value as { inputs?: Record<string, unknown> }).inputs ?? {};
  const inputs: Record<string, string> = Object.create(null);
  for (const [name, id] of Object.entries(raw)) {
    if (typeof id === 'string') inputs[name] = id;
    else {
      const pos = src.positionOf(['inputs', name]);
      issues.error(src.file, specMessages.wrongType(`inputs.${name}`, 'indicator-id', id), pos.line, pos.column);
    }
  }
  return inputs;
}

/** Formula inputs must name defined indicators, and computed indicators must not form a cycle. */
function checkFormulaReferences(files: { src: YamlSource; file?: IndicatorFile }[], issues: IssueList): void {
  const ids = new Set<string>();
  for (const f of files) if (f.file) ids.add(f.file.id);
  const edges = new Map<string, string[]>();
  for (const { src, file } of files) {
    if (!file?.inputs) continue;
    const deps: string[] = [];
    for (const [name, id] of Object.entries(file.inputs)) {
      if (!ids.has(id)) {
        const pos = src.positionOf(['inputs', name]);
        issues.error(src.file, specMessages.unknownInput(name, id, closestName(id, [...ids])), pos.line, pos.column);
      } else deps.push(id);
    }
    edges.set(file.id, deps);
  }
  for (const { src, file } of files) {
    (file?.compare ?? []).forEach((id, i) => {
      if (ids.has(id)) return;
      const pos = src.positionOf(['compare', i]);
      issues.error(src.file, specMessages.unknownCompared(id, closestName(id, [...ids])), pos.line, pos.column);
    });
  }
  const reported = new Set<string>();
  for (const id of edges.keys()) {
    const cycle = findCycle(id, edges);
    if (!cycle) continue;
    const key = [...cycle.slice(0, -1)].sort().join('|');
    if (reported.has(key)) continue;
    reported.add(key);
    const first = files.find((f) => f.file?.id === cycle[0]);
    if (first) {
      const pos = first.src.positionOf(['inputs']);
      issues.error(first.src.file, specMessages.formulaCycle(cycle), pos.line, pos.column);
    }
  }
}
