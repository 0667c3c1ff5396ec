import { describe, expect, it } from 'vitest';
import { completeness } from '../../src/quality/completeness.js';
import { outlierScores } from '../../src/quality/outliers.js';
import { swings } from '../../src/quality/swings.js';
import { compareSources } from '../../src/quality/source-comparison.js';
import type { BreakdownSeries, IndicatorData } from '../../src/data/indicator-data.js';
import { periodOf } from '../../src/periods/period.js';

const series = (periods: string[], values: number[], dims: Record<string, string> = {}): BreakdownSeries => ({
  dims,
  periods: periods.map((p) => periodOf(p)),
  values: Float64Array.from(values),
  lines: new Int32Array(values.length),
  sources: values.map(() => undefined),
  missingReasons: values.map(() => undefined),
  file: 'x.csv',
  origin: 'data',
});

describe('data-quality checks', () => {
  it('names the months a monthly series lacks, including reported-missing ones', () => {
    const s = series(['2020-11', '2020-12', '2021-02', '2021-03', '2021-05'], [1, 2, 3, NaN, 5]);
    expect(completeness(s, 'monthly')).toEqual({
      expected: 7,
      observed: 4,
      missing: ['2021-01', '2021-03', '2021-04'],
    });
    expect(completeness(series(['2019-Q4', '2020-Q2'], [1, 2]), 'quarterly')?.missing).toEqual(['2020-Q1']);
    expect(completeness(series(['2010', '2013'], [1, 2]), 'annual')?.missing).toEqual(['2011', '2012']);
  });

  it('flags outliers by z and modified z above 3 (DHIS2 defaults)', () => {
    const values = [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 60];
    const flagged = outlierScores(values);
    expect(flagged.map((f) => f.index)).toEqual([10]);
    expect(flagged[0]!.z).toBeGreaterThan(3);
    expect(outlierScores([1, 2, 3])).toEqual([]);
  });

  it('flags swings beyond 33 % between consecutive values', () => {
    expect(swings([100, 120, 60, 61]).map((s) => [s.from, s.to, Number(s.change.toFixed(3))])).toEqual([[1, 2, -0.5]]);
  });

  it('puts two sources of one indicator side by side, and finds a value quoted for another year', () => {
    const toolkit: IndicatorData = {
      indicatorId: 'TOOLKIT',
      headline: series(['2006', '2016'], [29.5, 14.4]),
      breakdowns: [],
    };
    const inei: IndicatorData = {
      indicatorId: 'INEI',
      headline: series(['2005', '2015', '2016'], [29.2, 14.4, 13.1]),
      breakdowns: [],
    };
    const rows = compareSources(toolkit, inei);
    expect(rows.find((r) => r.period === '2016')).toMatchObject({
      value: 14.4,
      otherValue: 13.1,
      difference: 1.3,
      sameValueIn: ['2015'],
    });
    expect(rows.find((r) => r.period === '2006')).toMatchObject({
      otherValue: null,
      nearest: { period: '2005', value: 29.2 },
    });
  });
});
