// Checks of program.yaml that look across its entries: result ids and their parents (a
// results framework is a tree: no id twice, no parent that is not defined, no cycle of
// parents), data source ids, and the trajectory bands in their order.
import { specMessages } from '../messages/spec.js';
import { findCycle } from './dependency-graph.js';
import type { IssueList } from './issues.js';
import type { ProgramFile } from './schema.js';
import type { YamlSource } from './yaml-source.js';

/** Every id, parent and cycle of parents of `results`, each at its line. */
export function checkResults(src: YamlSource, results: ProgramFile['results'], issues: IssueList): void {
  const at = (i: number, key: string) => src.positionOf(['results', i, key]);
  const firstIndex = new Map<string, number>();
  results.forEach((r, i) => {
    const first = firstIndex.get(r.id);
    if (first === undefined) firstIndex.set(r.id, i);
    else {
      const pos = at(i, 'id');
      issues.error(src.file, specMessages.duplicateResultId(r.id, at(first, 'id').line), pos.line, pos.column);
    }
  });
  results.forEach((r, i) => {
    if (r.parent !== undefined && !firstIndex.has(r.parent)) {
      const pos = at(i, 'parent');
      issues.error(src.file, specMessages.unknownParentResult(r.parent), pos.line, pos.column);
    }
  });
  const parents = new Map<string, string[]>();
  for (const r of results) if (r.parent !== undefined && !parents.has(r.id)) parents.set(r.id, [r.parent]);
  const reported = new Set<string>();
  for (const id of parents.keys()) {
    const cycle = findCycle(id, parents);
    if (!cycle) continue;
    const key = [...cycle.slice(0, -1)].sort().join('|');
    if (reported.has(key)) continue;
    reported.add(key);
    const pos = at(firstIndex.get(cycle[0]) ?? 0, 'parent');
    issues.error(src.file, specMessages.resultParentCycle(cycle), pos.line, pos.column);
  }
}

/** A data source id given twice would make every indicator read the first one silently. */
export function checkDataSourceIds(src: YamlSource, data: ProgramFile['data'], issues: IssueList): void {
  const firstLine = new Map<string, number>();
  data.forEach((d, i) => {
    const pos = src.positionOf(['data', i, 'id']);
    const first = firstLine.get(d.id);
    if (first === undefined) firstLine.set(d.id, pos.line);
    else issues.error(src.file, specMessages.duplicateDataSourceId(d.id, first), pos.line, pos.column);
  });
}

/**
 * The trajectory bands in order: deteriorating < 0 <= off track < at_risk <= on_track.
 * An at_risk above on_track would call a better progress worse.
 */
export function checkBands(src: YamlSource, assessment: ProgramFile['assessment'], issues: IssueList): void {
  const bands = assessment.bands;
  if (!bands) return;
  if (bands.at_risk > bands.on_track || bands.at_risk < 0) {
    const pos = src.positionOf(['assessment', 'bands']);
    issues.error(src.file, specMessages.bandsOrder(bands.on_track, bands.at_risk), pos.line, pos.column);
  }
}
