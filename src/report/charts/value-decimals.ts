// Decimals an indicator's values are written with on its charts: indicatorDecimals
// (messages/format-number.ts) of its data and of its results' values, the same values the
// pack chooses the indicator's number format from (workbook/pack-context.ts), so a value
// reads the same on a chart and in a cell.
import type { AssessmentResult } from '../../assess/assessment.js';
import type { IndicatorData } from '../../data/indicator-data.js';
import { indicatorDecimals } from '../../messages/format-number.js';
import type { Unit } from '../../spec/schema.js';

export function valueDecimalsOf(unit: Unit, data: IndicatorData | undefined, results: AssessmentResult[]): number {
  return indicatorDecimals(
    unit,
    (function* () {
      for (const r of results) {
        for (const v of [r.baseline, r.latest, r.target]) if (v && v.value !== null) yield v.value;
        for (const t of r.targets) if (t.value !== null) yield t.value;
      }
      if (data) for (const s of data.headline ? [data.headline, ...data.breakdowns] : data.breakdowns) yield* s.values;
    })(),
  );
}
