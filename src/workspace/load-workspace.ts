// Everything `mel` needs before it can assess: the programme, its data read from the
// CSV files, each indicator bound to its series, computed indicators evaluated.
//
//   1. programme and indicator files (src/spec)
//   2. each data source's file, read once (src/data/read-table)
//   3. each indicator bound to the series it matches
//   4. headline totals by `aggregate:` rules
//   5. computed indicators, in dependency order
//   6. data checks: valid ranges, codes no indicator uses
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { specMessages } from '../messages/spec.js';
import { evaluationOrder } from '../spec/dependency-graph.js';
import { computeFormulaSeries, ratioOfSums, sumOfBreakdowns } from '../compute/computed-series.js';
import { IssueList, type Issue } from '../spec/issues.js';
import { loadProgram } from '../spec/load-program.js';
import type { Indicator, Program } from '../spec/model.js';
import type { DataSource } from '../spec/schema.js';
import { bindSeries, SeriesIndex } from '../data/bind-series.js';
import { cumulativeDecreases } from '../data/cumulative-decreases.js';
import { allSeries, type IndicatorData } from '../data/indicator-data.js';
import { readTable } from '../data/read-table.js';
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
}

export async function loadWorkspace(root: string, programPath: string): Promise<WorkspaceLoad> {
  const issues = new IssueList();
  // 1. programme
  const loaded = loadProgram(root, programPath);
  issues.addAll(loaded.issues);
  const program = loaded.program;
  if (!program) return { issues: issues.sorted() };

  // 2. data files
  const tables = new Map<string, LoadedTable>();
  const indexes = new Map<string, SeriesIndex>();
  for (const source of program.dataSources) {
    const users = program.indicators.filter((i) => i.series?.data === source.id);
    const abs = resolve(root, source.file);
    if (!existsSync(abs)) {
      issues.error(program.file, specMessages.dataFileMissing(source.file), program.dataSourceLine(source.id));
      continue;
    }
    const { table, issues: readIssues } = await readTable(source, {
      root,
      fiscalYearStart: program.fiscalYearStart,
      matchColumns: extraMatchColumns(source, users),
    });
    issues.addAll(readIssues);
    tables.set(source.id, table);
    indexes.set(source.id, new SeriesIndex(table, source.columns?.indicator ?? 'indicator'));
  }

  // 3. bind
  const data = new Map<string, IndicatorData>();
  for (const ind of program.indicators) {
    if (!ind.series) continue;
    const index = indexes.get(ind.series.data);
    const source = program.dataSources.find((d) => d.id === ind.series!.data);
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
      const inputs: Record<string, IndicatorData> = {};
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
  };
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
    for (const key of Object.keys(u.series!.match)) {
      const c = key === 'indicator' ? indicatorColumn : key;
      if (c !== indicatorColumn && !source.disaggregations.includes(c)) extra.add(c);
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
  for (const s of allSeries(d)) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isNaN(v) && (v < range[0] || v > range[1])) {
        issues.warning(
          s.file,
          specMessages.outsideValidRange(ind.id, v, s.periods[i].id, range),
          s.lines[i] || undefined,
        );
      }
    }
  }
}

function warnUnusedCodes(program: Program, source: DataSource, table: LoadedTable, issues: IssueList): void {
  const indicatorColumn = source.columns?.indicator ?? 'indicator';
  const used = new Set<string>();
  let someUseAllCodes = false;
  for (const ind of program.indicators) {
    if (ind.series?.data !== source.id) continue;
    const code = ind.series.match.indicator ?? ind.series.match[indicatorColumn];
    if (code === undefined) someUseAllCodes = true;
    else used.add(code.trim());
  }
  if (someUseAllCodes) return;
  const unused = [...table.rowsByCode].filter(([c]) => !used.has(c)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (unused.length) issues.warning(table.file, specMessages.unusedCodes(indicatorColumn, unused), 1);
}
