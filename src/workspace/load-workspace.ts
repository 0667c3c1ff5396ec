// Everything `mel` needs before it can assess: the programme, its data read from its
// files (CSV, workbooks, SDMX, DHIS2, Eurostat), each indicator bound to its series,
// computed indicators evaluated. Paths are relative to the programme's root (the folder
// that holds `indicators/`), wherever mel runs.
//
//   0. the data files, read ahead while a worker thread still parses the indicator
//      files (spec/spec-prefetch.ts), when the programme file alone names them
//   1. programme and indicator files (src/spec)
//   2. each data source's file, read once (src/data/read-table): finished from its read
//      ahead when the indicators ask nothing that read could not give
//   3. each indicator bound to the series it matches
//   4. headline totals by `aggregate:` rules
//   5. computed indicators, in dependency order
//   6. data checks: valid ranges, codes no indicator uses
import { basename, dirname, resolve } from 'node:path';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import type { Localized } from '../messages/localized.js';
import { specMessages } from '../messages/spec.js';
import { evaluationOrder } from '../spec/dependency-graph.js';
import { computeFormulaSeries, ratioOfSums, sumOfBreakdowns } from '../compute/computed-series.js';
import { IssueList, type Issue } from '../spec/issues.js';
import { loadProgram, programmeData, programmeRootOf } from '../spec/load-program.js';
import { prefetchedProgrammeFile, prefetchedSpecFiles } from '../spec/spec-prefetch.js';
import type { Indicator, Program } from '../spec/model.js';
import type { DataSource, Locale } from '../spec/schema.js';
import { closestName } from '../spec/suggest.js';
import type { Frequency } from '../periods/period.js';
import { bindSeries, SeriesIndex } from '../data/bind-series.js';
import { cumulativeDecreases } from '../data/cumulative-decreases.js';
import { allSeries, type IndicatorData } from '../data/indicator-data.js';
import {
  type ColumnMatch,
  type PendingTable,
  type ReadTableOptions,
  readAhead,
  readTable,
} from '../data/read-table.js';
import type { LoadedTable } from '../data/series.js';

export interface Workspace {
  program: Program;
  /** Indicator id -> its data (every indicator that could be bound or computed). */
  data: Map<string, IndicatorData>;
  tables: LoadedTable[];
  issues: Issue[];
}

export interface WorkspaceLoad {
  workspace?: Workspace;
  issues: Issue[];
  /** The programme's root: the files of the issues are relative to it. */
  root: string;
  /** The `locale:` program.yaml states, when it can be read: the terminal's language (cli/locale.ts). */
  locale?: Locale;
}

/** `cwd`: where mel runs; `programPath` is relative to it. */
export async function loadWorkspace(cwd: string, programPath: string): Promise<WorkspaceLoad> {
  const issues = new IssueList();
  const absProgram = resolve(cwd, programPath);
  const root = programmeRootOf(absProgram);
  // 0. data read ahead, 1. programme (its files perhaps read on a worker thread meanwhile)
  const ahead = await readDataAhead(absProgram, root);
  const loaded = loadProgram(cwd, programPath, await prefetchedSpecFiles(absProgram));
  issues.addAll(loaded.issues);
  const program = loaded.program;
  const locale = loaded.locale;
  if (!program) return { issues: issues.sorted(), root, locale };

  // 2. data files
  const tables = new Map<string, LoadedTable>();
  const indexes = new Map<string, SeriesIndex>();
  for (const source of program.dataSources) {
    const users = program.indicators.filter((i) => i.series?.data === source.id);
    const abs = resolve(root, source.file);
    // A link to nothing exists as a link: readTable names it at the file.
    if (!existsSync(abs) && !isLink(abs)) {
      issues.error(program.file, missingFileMessage(root, source.file), program.dataSourceLine(source.id));
      continue;
    }
    const options: ReadTableOptions = {
      root,
      fiscalYearStart: program.fiscalYearStart,
      matchColumns: extraMatchColumns(source, users),
      frequencyHint: commonFrequency(users),
      // Problems in rows no indicator uses are warnings, once every indicator is known.
      matches: program.allIndicatorsRead !== false ? users.map((u) => columnMatchOf(source, u)) : undefined,
      locale: program.locale,
    };
    const early = ahead.get(source.id);
    ahead.delete(source.id);
    const { table, issues: readIssues } =
      early && sameSource(early.source, source) && early.pending.fits(options)
        ? early.pending.finish(options)
        : await readTable(source, options);
    issues.addAll(readIssues);
    tables.set(source.id, table);
    indexes.set(source.id, new SeriesIndex(table, table.indicatorColumn ?? source.columns?.indicator ?? 'indicator'));
  }

  // 3. bind
  const data = new Map<string, IndicatorData>();
  for (const ind of program.indicators) {
    if (!ind.series) continue;
    const sourceId = ind.series.data;
    const index = indexes.get(sourceId);
    const source = program.dataSources.find((d) => d.id === sourceId);
    if (!index || !source) continue;
    const bound = bindSeries({ indicator: ind, source, index });
    issues.addAll(bound.issues);
    data.set(ind.id, bound.data);
  }

  // 4. aggregate rules, 5. formulas (inputs first)
  const byId = new Map(program.indicators.map((i) => [i.id, i]));
  const edges = new Map(program.indicators.map((i) => [i.id, dependenciesOf(i)]));
  for (const id of evaluationOrder(
    program.indicators.map((i) => i.id),
    edges,
  )) {
    const ind = byId.get(id);
    if (!ind) continue;
    if (ind.formula && ind.inputs) {
      // No prototype: an input may be called `constructor` or `__proto__`.
      const inputs: Record<string, IndicatorData> = Object.create(null);
      let complete = true;
      for (const [name, inputId] of Object.entries(ind.inputs)) {
        const d = data.get(inputId);
        if (d) inputs[name] = d;
        else complete = false;
      }
      if (complete) data.set(ind.id, computeFormulaSeries(ind.id, ind.file, ind.formula, inputs, ind.inputs));
    }
    applyAggregateRule(ind, data, issues);
  }

  // 6. checks
  for (const ind of program.indicators) {
    const d = data.get(ind.id);
    if (d) checkValueRanges(ind, d, issues);
    if (d) issues.addAll(cumulativeDecreases(ind, d));
  }
  // Unused codes are only meaningful once every indicator file could be read.
  if (!issues.hasErrors) {
    for (const source of program.dataSources) {
      const table = tables.get(source.id);
      if (table) warnUnusedCodes(program, source, table, issues);
    }
  }

  return {
    workspace: { program, data, tables: [...tables.values()], issues: issues.sorted() },
    issues: issues.sorted(),
    root,
    locale,
  };
}

/** A data source read ahead, and the configuration it was read with. */
interface ReadAhead {
  source: DataSource;
  pending: PendingTable;
}

/**
 * The programme's data files read while the worker thread that reads the programme's
 * files still parses the indicator files: the programme file alone names them (it comes
 * first), and the main thread would otherwise wait. Nothing when the files were not
 * prefetched or the programme file is not valid: they are read at their turn.
 */
async function readDataAhead(absProgram: string, root: string): Promise<Map<string, ReadAhead>> {
  const ahead = new Map<string, ReadAhead>();
  const programme = await prefetchedProgrammeFile(absProgram);
  const data = programme && programmeData(programme);
  if (!data) return ahead;
  for (const source of data.dataSources) {
    if (ahead.has(source.id) || !existsSync(resolve(root, source.file))) continue;
    const options = { root, fiscalYearStart: data.fiscalYearStart, locale: data.locale };
    const pending = await readAhead(source, options);
    if (pending) ahead.set(source.id, { source, pending });
  }
  return ahead;
}

/** The same data source configuration (read from the same programme file twice). */
const sameSource = (a: DataSource, b: DataSource) => JSON.stringify(a) === JSON.stringify(b);

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A data file that does not exist: the close name in its folder, or the folder that is missing. */
function missingFileMessage(root: string, file: string): Localized {
  const folder = dirname(resolve(root, file));
  if (!existsSync(folder)) return specMessages.dataFolderMissing(file, dirname(file));
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    // an unreadable folder: no suggestion
  }
  const close = closestName(basename(file), names);
  const shown = close === undefined ? undefined : dirname(file) === '.' ? close : `${dirname(file)}/${close}`;
  return specMessages.dataFileMissing(file, '.', shown);
}

/** The frequency of the indicators that use a data source, when they agree. */
function commonFrequency(users: readonly Indicator[]): Frequency | undefined {
  const frequencies = new Set(users.map((u) => u.frequency));
  return frequencies.size === 1 ? [...frequencies][0] : undefined;
}

/**
 * An indicator's match by file column; `indicator` stands for the indicator column, which
 * the reader knows once it has read the header (`dx` in DHIS2, `INDICATOR` in SDMX-CSV).
 */
function columnMatchOf(source: DataSource, ind: Indicator): ColumnMatch {
  const indicatorColumn = source.columns?.indicator;
  const match: Record<string, string> = {};
  for (const [key, value] of Object.entries(ind.series?.match ?? {}))
    match[key === indicatorColumn ? 'indicator' : key] = value;
  return match;
}

function dependenciesOf(ind: Indicator): string[] {
  const deps = ind.inputs ? Object.values(ind.inputs) : [];
  if (typeof ind.aggregate === 'object') deps.push(ind.aggregate.numerator, ind.aggregate.denominator);
  return deps;
}

/** Columns named in `match` maps that are neither the indicator column nor a disaggregation. */
function extraMatchColumns(source: DataSource, users: Indicator[]): string[] {
  const indicatorColumn = source.columns?.indicator ?? 'indicator';
  const extra = new Set<string>();
  for (const u of users) {
    for (const key of Object.keys(u.series?.match ?? {})) {
      const c = key === 'indicator' ? indicatorColumn : key;
      if (c !== indicatorColumn && !(source.disaggregations ?? []).includes(c)) extra.add(c);
    }
  }
  return [...extra];
}

function applyAggregateRule(ind: Indicator, data: Map<string, IndicatorData>, issues: IssueList): void {
  const d = data.get(ind.id);
  if (!ind.aggregate || ind.aggregate === 'none' || !d || d.headline) return;
  if (ind.aggregate === 'sum') {
    if (ind.unit === 'percent')
      issues.warning(ind.file, specMessages.aggregateSumOfPercent(ind.id), ind.lineOf('aggregate'));
    if (d.breakdowns.length)
      d.headline = sumOfBreakdowns(d.breakdowns, ind.file, { flows: ind.accumulation === 'sum' });
    return;
  }
  const num = data.get(ind.aggregate.numerator);
  const den = data.get(ind.aggregate.denominator);
  if (!num || !den) {
    issues.error(
      ind.file,
      specMessages.unknownInput('aggregate', !num ? ind.aggregate.numerator : ind.aggregate.denominator),
      ind.lineOf('aggregate'),
    );
    return;
  }
  d.headline = ratioOfSums(num, den, ind.aggregate.factor, ind.file);
}

function checkValueRanges(ind: Indicator, d: IndicatorData, issues: IssueList): void {
  const range = ind.validRange ?? (ind.unit === 'percent' ? ([0, 100] as [number, number]) : undefined);
  if (!range) return;
  const [low, high] = range;
  for (const s of allSeries(d)) {
    for (let i = 0; i < s.periods.length; i++) {
      const v = s.values[i] ?? Number.NaN; // NaN: missing, as in the series itself
      const period = s.periods[i];
      if (period !== undefined && !Number.isNaN(v) && (v < low || v > high)) {
        issues.warning(s.file, specMessages.outsideValidRange(ind.id, v, period.id, range), s.lines[i] || undefined);
      }
    }
  }
}

function warnUnusedCodes(program: Program, source: DataSource, table: LoadedTable, issues: IssueList): void {
  const indicatorColumn = table.indicatorColumn ?? source.columns?.indicator ?? 'indicator';
  const used = new Set<string>();
  let someUseAllCodes = false;
  for (const ind of program.indicators) {
    if (ind.series?.data !== source.id) continue;
    const code = ind.series.match.indicator ?? ind.series.match[indicatorColumn];
    // A match without the indicator column matches the indicator's own id when the file has it.
    if (code !== undefined) used.add(code.trim());
    else if (table.rowsByCode.has(ind.id)) used.add(ind.id);
    else someUseAllCodes = true;
  }
  if (someUseAllCodes) return;
  const unused = [...table.rowsByCode].filter(([c]) => !used.has(c)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (unused.length) issues.warning(table.file, specMessages.unusedCodes(indicatorColumn, unused), 1);
}
