// The Summary's trend images: one sparkline per row of the Summary (each indicator's
// headline, or its breakdowns when it has no headline and few of them), from the values
// observed up to as-of, the baseline and the target pursued.
import type { AssessmentResult } from '../assess/assessment.js';
import { dimsKey, type IndicatorData } from '../data/indicator-data.js';
import { parsePeriod, type Period } from '../periods/period.js';
import { renderSparkline, type SparklineSpec } from './charts/sparkline.js';
import type { SparklineImage } from './pack-input.js';
import { summaryTable } from './workbook/summary-sheet.js';

const EPS = 1e-9;

/** What the sparkline of one result shows. */
export function sparklineSpec(
  r: AssessmentResult,
  data: IndicatorData | undefined,
  asOf: Period,
  fiscalYearStart = 1,
): SparklineSpec {
  const key = dimsKey(r.disaggregation);
  const series = data
    ? [...(data.headline ? [data.headline] : []), ...data.breakdowns].find((s) => dimsKey(s.dims) === key)
    : undefined;
  const points: SparklineSpec['points'] = [];
  if (series) {
    for (const [i, p] of series.periods.entries()) {
      const v = series.values[i] ?? Number.NaN; // NaN: missing, as in the series itself
      if (!Number.isNaN(v) && p.endYear <= asOf.endYear + EPS) points.push({ x: p.mid, y: v });
    }
    points.sort((a, b) => a.x - b.x);
  }
  const at = (period: string, value: number) => {
    const p = parsePeriod(period, { fiscalYearStart });
    return p.ok ? { x: p.period.mid, y: value } : undefined;
  };
  return {
    points,
    baseline: r.baseline ? at(r.baseline.period, r.baseline.value) : undefined,
    target: r.target ? at(r.target.period, r.target.value) : undefined,
  };
}

/** The sparkline of every Summary row that shows one result. */
export async function renderSparklines(
  results: readonly AssessmentResult[],
  data: ReadonlyMap<string, IndicatorData>,
  asOf: Period,
  fiscalYearStart = 1,
): Promise<SparklineImage[]> {
  const rows = summaryTable(results).flatMap((row) => ('result' in row ? [row.result] : []));
  return Promise.all(
    rows.map(async (r) => ({
      indicator: r.indicator,
      disaggregation: r.disaggregation,
      png: await renderSparkline(sparklineSpec(r, data.get(r.indicator), asOf, fiscalYearStart)),
    })),
  );
}
