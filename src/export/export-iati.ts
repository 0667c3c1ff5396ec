// `mel export iati` as a pipeline step: assess the loaded workspace as of one period and
// write its results framework as an IATI 2.03 activity. Pure: the caller writes the file.
//
//   1. the programme's IATI identity (program.iati), or an error at program.yaml
//   2. the assessment (the figures every other output shows)
//   3. the IATI tree, written as text
import { assessProgram } from '../assess/assess-program.js';
import { reportingWindows } from '../assess/reporting-periods.js';
import { exportIssues } from '../messages/export.js';
import { specMessages } from '../messages/spec.js';
import type { Period } from '../periods/period.js';
import { IssueList, type Issue } from '../spec/issues.js';
import type { Workspace } from '../workspace/load-workspace.js';
import { iatiDocument } from './iati-document.js';
import { serializeXml } from '../report/xml-writer.js';

export interface IatiExport {
  xml: string;
  asOf: string;
  results: number;
  indicators: number;
}

/**
 * The time the file says it was generated: SOURCE_DATE_EPOCH when set (reproducible
 * builds' convention), else the last day of as-of, so the same inputs give the same file.
 */
export function iatiTime(env: NodeJS.ProcessEnv, asOf: Period): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch !== undefined && /^\d+$/.test(epoch))
    return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${asOf.end}T00:00:00Z`;
}

export function exportIati(
  workspace: Workspace,
  options: { asOf?: Period; env: NodeJS.ProcessEnv },
): { iati?: IatiExport; issues: Issue[] } {
  const { program, data } = workspace;
  const issues = new IssueList();
  // 1. identity
  if (!program.iati) {
    issues.error(program.file, specMessages.iatiMissing(), program.iatiLine);
    return { issues: issues.sorted() };
  }
  // 2. assessment
  const full = assessProgram(program, data, { asOf: options.asOf });
  const asOf = full.asOfPeriod;
  const reporting = reportingWindows(program.reporting, program.fiscalYearStart, program.period.start, asOf);
  // 3. document
  const doc = iatiDocument({
    program,
    iati: program.iati,
    assessed: full.results.map((result, i) => ({ result, series: full.seriesOfResults[i] })),
    reporting,
    asOf,
    time: iatiTime(options.env, asOf),
  });
  for (const { indicator, period } of doc.oneDayPeriods) {
    const line = indicator.targets.find((t) => t.period.id === period)?.line ?? indicator.lineOf('targets');
    issues.warning(indicator.file, exportIssues.oneDayPeriod(indicator.id, period), line);
  }
  return {
    iati: { xml: serializeXml(doc.root), asOf: asOf.id, results: doc.results, indicators: doc.indicators },
    issues: issues.sorted(),
  };
}
