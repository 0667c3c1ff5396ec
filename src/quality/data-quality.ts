// The data-quality review carried into every pack (methods.md, "Data-quality checks"):
// warnings at their file and line, outliers, swings, missing periods, and two sources
// of one indicator side by side.
import type { IndicatorData } from '../data/indicator-data.js';
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
        report.outliers.push({
          ...ref,
          period: s.periods[o.index].id,
          value: s.values[o.index],
          z: o.z,
          modified_z: o.modifiedZ,
          file: s.file,
          line: s.lines[o.index],
        });
      }
      for (const w of swings(s.values)) {
        report.swings.push({
          ...ref,
          from_period: s.periods[w.from].id,
          to_period: s.periods[w.to].id,
          from: s.values[w.from],
          to: s.values[w.to],
          change: w.change,
          file: s.file,
          line: s.lines[w.to],
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
