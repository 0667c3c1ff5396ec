// The data-quality review carried into every pack (methods.md, "Data-quality checks"):
// warnings at their file and line, outliers, swings, missing periods, and two sources
// of one indicator side by side.
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import type { Period } from '../periods/period.js';
import { allSeries } from '../data/indicator-data.js';
import type { Issue } from '../spec/issues.js';
import type { Program } from '../spec/model.js';
import { completeness } from './completeness.js';
import { outlierScores } from './outliers.js';
import { compareSources, type SourceComparison } from './source-comparison.js';
import { swings } from './swings.js';

export interface SeriesRef {
  indicator: string;
  disaggregation: Record<string, string>;
}

export interface DataQualityReport {
  warnings: Issue[];
  outliers: (SeriesRef & {
    period: string;
    value: number;
    z: number | null;
    modified_z: number | null;
    file: string;
    line: number;
  })[];
  swings: (SeriesRef & {
    from_period: string;
    to_period: string;
    from: number;
    to: number;
    change: number;
    file: string;
    line: number;
  })[];
  missingPeriods: (SeriesRef & { frequency: string; expected: number; observed: number; missing: string[] })[];
  sourceComparisons: SourceComparison[];
}

export function dataQuality(
  program: Program,
  data: ReadonlyMap<string, IndicatorData>,
  issues: readonly Issue[],
): DataQualityReport {
  const report: DataQualityReport = {
    warnings: issues.filter((i) => i.severity === 'warning'),
    outliers: [],
    swings: [],
    missingPeriods: [],
    sourceComparisons: [],
  };
  for (const ind of program.indicators) {
    const d = data.get(ind.id);
    if (!d) continue;
    for (const s of allSeries(d)) {
      const ref = { indicator: ind.id, disaggregation: s.dims };
      for (const o of outlierScores(s.values)) {
        const point = observationAt(s, o.index);
        report.outliers.push({
          ...ref,
          period: point.period.id,
          value: point.value,
          z: o.z,
          modified_z: o.modifiedZ,
          file: s.file,
          line: point.line,
        });
      }
      for (const w of swings(s.values)) {
        const from = observationAt(s, w.from);
        const to = observationAt(s, w.to);
        report.swings.push({
          ...ref,
          from_period: from.period.id,
          to_period: to.period.id,
          from: from.value,
          to: to.value,
          change: w.change,
          file: s.file,
          line: to.line,
        });
      }
      const c = completeness(s, ind.frequency);
      if (c?.missing.length) report.missingPeriods.push({ ...ref, frequency: ind.frequency, ...c });
    }
    for (const other of ind.compare) {
      const od = data.get(other);
      if (od) report.sourceComparisons.push(...compareSources(d, od));
    }
  }
  return report;
}

/** The observation at an index the checks return, which is always one of the series'. */
function observationAt(s: BreakdownSeries, index: number): { period: Period; value: number; line: number } {
  const period = s.periods[index];
  const value = s.values[index];
  const line = s.lines[index];
  if (period === undefined || value === undefined || line === undefined) {
    throw new Error(`internal: no observation ${index} in a series of ${s.file}`);
  }
  return { period, value, line };
}
