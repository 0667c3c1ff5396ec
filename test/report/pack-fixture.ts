// A small, hand-built PackInput: three indicators (a percent meant to decrease with a
// headline and a rural breakdown; a budget with breakdowns only, whose name and one
// source look like formulas; an indicator without data), the assessment of each, every
// method, the SMART review, the data-quality report, one chart and the About facts.
import { statuses, type AssessmentResult, type MethodOutcome, type Status } from '../../src/assess/assessment.js';
import { percentMet } from '../../src/assess/percent-met.js';
import { emptyFigures } from '../../src/assess/result-frame.js';
import { reportingFigures, reportingWindows } from '../../src/assess/reporting-periods.js';
import type { SmartIndicatorReview, SmartReview } from '../../src/assess/smart-review.js';
import type { BreakdownSeries, IndicatorData } from '../../src/data/indicator-data.js';
import { monthPeriod, yearPeriod, type Period } from '../../src/periods/period.js';
import type { PackInput } from '../../src/report/pack-input.js';
import type { Indicator, Program } from '../../src/spec/model.js';
import type { Locale, MethodName } from '../../src/spec/schema.js';

/** A 1 x 1 PNG, enough for Excel to embed. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const FORMULA_NAME = '=HYPERLINK("http://example.com","click me")';
export const FORMULA_SOURCE = '=1+1';
export const LONG_ID = 'ZM-STUNTING-UNDER-FIVE-DHS-NCHS-2024-LONG';

type Entry = [period: number, value: number, source?: string, missingReason?: string];

function series(dims: Record<string, string>, file: string, firstLine: number, entries: Entry[]): BreakdownSeries {
  return {
    dims,
    periods: entries.map(([p]) => yearPeriod(p)),
    values: Float64Array.from(entries.map(([, v]) => v)),
    lines: Int32Array.from(entries.map((_, i) => firstLine + i)),
    sources: entries.map(([, , s]) => s),
    missingReasons: entries.map(([, , , r]) => r),
    file,
    origin: 'data',
  };
}

function indicator(partial: Partial<Indicator> & Pick<Indicator, 'id' | 'name' | 'unit' | 'direction'>): Indicator {
  return {
    frequency: 'annual',
    accumulation: 'level',
    targets: [],
    compare: [],
    file: `indicators/${partial.id.toLowerCase()}.yaml`,
    lineOf: () => 1,
    ...partial,
  };
}

const base = () => emptyFigures('trajectory');

export function packFixture(locale: Locale = 'en'): PackInput {
  const program: Program = {
    root: '.',
    file: 'indicators/program.yaml',
    id: 'care-test',
    name: 'Alliances for nutrition (test)',
    locale,
    period: { start: yearPeriod(2006), end: yearPeriod(2025) },
    asOf: yearPeriod(2013),
    fiscalYearStart: 1,
    reporting: 'annual',
    results: [
      { id: 'PE-G', level: 'impact', statement: 'Less chronic malnutrition among children under five' },
      { id: 'GE-O1', level: 'outcome', parent: 'PE-G', statement: 'More public money for agriculture' },
      { id: 'ZM-P1', level: 'Specific objective', statement: 'Zambia measures stunting every year' },
    ],
    method: 'trajectory',
    bands: { onTrack: 0.85, atRisk: 0.6 },
    dataSources: [],
    dataSourceLine: () => 1,
    indicators: [
      indicator({
        id: 'PE-STUNT',
        name: 'Chronic malnutrition in children under five, Peru',
        unit: 'percent',
        unitLabel: '% of children under 5',
        direction: 'decrease',
        result: 'PE-G',
        definition: 'Percentage of children aged 0-59 months whose height-for-age is below -2 SD of the WHO standard.',
        baseline: { period: yearPeriod(2007), line: 10 },
        targets: [
          { period: yearPeriod(2011), change: -5, changeUnit: 'pp', label: '5x5x5', line: 12 },
          { period: yearPeriod(2021), value: 6.4, label: 'Government goal 2021', line: 13 },
        ],
        pirs: { data_source: 'INEI, ENDES', frequency_note: 'continuous survey' },
        references: [{ title: 'ENDES 2013', url: 'https://proyectos.inei.gob.pe/endes/' }],
      }),
      indicator({
        id: 'GE-BUDGET',
        name: FORMULA_NAME,
        unit: 'currency',
        unitLabel: 'GEL',
        direction: 'increase',
        result: 'GE-O1',
        definition: 'State budget for agriculture, by ministry.',
        targets: [
          { period: yearPeriod(2012), value: 120000, line: 8 },
          { period: yearPeriod(2014), value: 150000, line: 9 },
        ],
      }),
      indicator({
        id: LONG_ID,
        name: 'Stunting, Zambia',
        unit: 'percent',
        direction: 'decrease',
        result: 'ZM-P1',
        targets: [{ period: yearPeriod(2025), value: 25, line: 7 }],
        pirs: { data_source: '=1+2', sample_size: 1200, disaggregated: true },
        references: [
          { title: '+cmd|calc', url: 'https://example.org/report?a=1&b=2' },
          { title: '@SUM(A1)', url: 'javascript:alert(1)' },
          { title: '-2+3' },
        ],
      }),
    ],
  };

  const peHeadline = series({}, 'data/peru/stunting.csv', 2, [
    [2007, 28.5, 'INEI ENDES 2007'],
    [2008, 27.8, 'INEI ENDES 2008'],
    [2009, 23.8, 'INEI ENDES 2009'],
    [2010, NaN, undefined, 'n.d. (not published)'],
    [2011, 19.5, 'INEI ENDES 2011'],
    [2012, 18.1, 'INEI ENDES 2012'],
    [2013, 17.5, 'INEI ENDES 2013'],
  ]);
  const peRural = series({ area: 'rural' }, 'data/peru/stunting.csv', 9, [
    [2007, 46.3],
    [2008, 45.7],
    [2009, 40.3],
    [2010, 38.8],
    [2011, 37.0],
    [2012, 31.9],
    [2013, 32.3],
  ]);
  const geAgri = series({ ministry: 'agriculture' }, 'data/georgia/budget.csv', 2, [
    [2010, 100000, 'Budget law 2010'],
    [2011, 105000, 'Budget law 2011'],
    [2012, 121000, 'Budget law 2012'],
    [2013, 98000, 'Budget law 2013'],
  ]);
  const geHealth = series({ ministry: 'health' }, 'data/georgia/budget.csv', 6, [
    [2010, 50000, FORMULA_SOURCE],
    [2011, NaN, undefined, 'n/a'],
    [2012, 70000, '@import'],
    [2013, 75000.5, '-cmd'],
  ]);
  const data = new Map<string, IndicatorData>([
    ['PE-STUNT', { indicatorId: 'PE-STUNT', headline: peHeadline, breakdowns: [peRural] }],
    ['GE-BUDGET', { indicatorId: 'GE-BUDGET', breakdowns: [geAgri, geHealth] }],
  ]);

  const trajectory = (expected: number, ratio: number, category: string): MethodOutcome => ({
    category,
    inputs: { expected, progress_ratio: ratio, on_track_band: 0.85, at_risk_band: 0.6 },
  });
  const results: AssessmentResult[] = [
    {
      ...base(),
      indicator: 'PE-STUNT',
      name: program.indicators[0]!.name,
      result: 'PE-G',
      level: 'impact',
      disaggregation: {},
      unit: 'percent',
      direction: 'decrease',
      baseline: { period: '2007', value: 28.5 },
      target: { period: '2021', value: 6.4, label: 'Government goal 2021' },
      latest: { period: '2013', value: 17.5, source: 'INEI ENDES 2013' },
      expected: 19.0286,
      progress_ratio: 1.1614,
      status: 'on_track',
      reason: '116 % of the expected change has happened',
      targets: [
        {
          period: '2011',
          value: 23.5,
          label: '5x5x5',
          derivation: '28.5 - 5 percentage points',
          outcome: 'achieved',
          judged_by: { period: '2011', value: 19.5 },
        },
        { period: '2021', value: 6.4, label: 'Government goal 2021', outcome: 'not_due' },
      ],
      projection: { method: 'linear', period: '2021', value: 4.2, attainment: '2020' },
      projections: [
        { method: 'linear', period: '2021', value: 4.2, attainment: '2020' },
        {
          method: 'cagr',
          period: '2021',
          value: 8.9,
          attainment: null,
          reason: 'the compound rate does not reach the target by 2021',
        },
      ],
      methods: { trajectory: trajectory(19.0286, 1.1614, 'on_track') },
      observations: 6,
      missing: 1,
      notes: ['=not a formula, a note'],
    },
    {
      ...base(),
      indicator: 'PE-STUNT',
      name: program.indicators[0]!.name,
      result: 'PE-G',
      level: 'impact',
      disaggregation: { area: 'rural' },
      unit: 'percent',
      direction: 'decrease',
      baseline: { period: '2007', value: 46.3 },
      target: { period: '2021', value: 6.4 },
      latest: { period: '2013', value: 32.3 },
      expected: 29.2,
      progress_ratio: 0.8187,
      status: 'at_risk',
      reason: '82 % of the expected change has happened',
      targets: [
        {
          period: '2011',
          value: 41.3,
          derivation: '46.3 - 5 percentage points',
          outcome: 'achieved',
          judged_by: { period: '2011', value: 37 },
        },
        { period: '2021', value: 6.4, outcome: 'not_due' },
      ],
      methods: { trajectory: trajectory(29.2, 0.8187, 'at_risk') },
      observations: 7,
    },
    {
      ...base(),
      indicator: 'GE-BUDGET',
      name: FORMULA_NAME,
      result: 'GE-O1',
      level: 'outcome',
      disaggregation: { ministry: 'agriculture' },
      unit: 'currency',
      direction: 'increase',
      baseline: { period: '2010', value: 100000 },
      target: { period: '2014', value: 150000 },
      latest: { period: '2013', value: 98000 },
      expected: 137500,
      progress_ratio: -0.0533,
      status: 'deteriorating',
      reason: 'the latest value has moved away from the target',
      targets: [
        { period: '2012', value: 120000, outcome: 'achieved', judged_by: { period: '2012', value: 121000 } },
        { period: '2013', value: 130000, outcome: 'missed', judged_by: { period: '2013', value: 98000 } },
        { period: '2014', value: 150000, outcome: 'not_due' },
      ],
      methods: { trajectory: trajectory(137500, -0.0533, 'deteriorating') },
      observations: 4,
    },
    {
      ...base(),
      indicator: 'GE-BUDGET',
      name: FORMULA_NAME,
      result: 'GE-O1',
      level: 'outcome',
      disaggregation: { ministry: 'health' },
      unit: 'currency',
      direction: 'increase',
      baseline: { period: '2010', value: 50000 },
      target: { period: '2014', value: 150000 },
      latest: { period: '2013', value: 75000.5 },
      expected: 125000,
      progress_ratio: 0.3334,
      status: 'off_track',
      reason: '33 % of the expected change has happened',
      targets: [
        { period: '2012', value: 60000, outcome: 'achieved', judged_by: { period: '2012', value: 70000 } },
        { period: '2014', value: 150000, outcome: 'not_due' },
      ],
      methods: { trajectory: trajectory(125000, 0.3334, 'off_track') },
      observations: 3,
      missing: 1,
    },
    {
      ...base(),
      indicator: LONG_ID,
      name: 'Stunting, Zambia',
      result: 'ZM-P1',
      level: 'Specific objective',
      disaggregation: {},
      unit: 'percent',
      direction: 'decrease',
      status: 'no_data',
      reason: 'no baseline value',
      targets: [{ period: '2025', value: 25, outcome: 'not_due' }],
      methods: { trajectory: { category: null, inputs: {}, reason: 'no baseline value' } },
    },
  ];

  // The tracking table's figures per annual reporting period, as the assessment gives them:
  // the target whose window is the year, the year's value, % met (target / actual for a decrease).
  const figures = (r: AssessmentResult, s: BreakdownSeries | undefined) => {
    const out: NonNullable<AssessmentResult['reporting_periods']> = [];
    for (let year = 2006; year <= 2013; year++) {
      const i = s ? s.periods.findIndex((p) => p.id === String(year)) : -1;
      const value = s && i >= 0 ? s.values[i] : undefined;
      const actual = value !== undefined && !Number.isNaN(value) ? value : null;
      const target = r.targets.find((t) => t.period === String(year))?.value ?? null;
      if (actual === null && target === null) continue;
      const met = actual !== null && target !== null ? percentMet(actual, target, r.direction) : null;
      out.push({ period: String(year), target, actual, percent_met: met, complete: actual !== null });
    }
    return out;
  };
  results[0]!.reporting_periods = figures(results[0]!, peHeadline);
  results[1]!.reporting_periods = figures(results[1]!, peRural);
  results[2]!.reporting_periods = figures(results[2]!, geAgri);
  results[3]!.reporting_periods = figures(results[3]!, geHealth);

  const everyMethod: Partial<Record<MethodName, MethodOutcome>>[] = results.map((r) => ({
    ...r.methods,
    ...(r.status === 'no_data'
      ? {}
      : {
          iptt: {
            category: 'on_target',
            inputs: { percent_met: 1.2051, actual_to_date: r.latest!.value, target_to_date: r.target!.value },
          },
          'open-sdg': {
            category: 'substantial_progress',
            score: 4.2857,
            inputs: {
              base_year: 2015,
              cagr_observed: -0.0409621,
              cagr_required: -0.3872106,
              is_target_achieved: false,
            },
          },
          aarr: { category: null, inputs: {}, reason: 'needs a percentage' },
        }),
  }));

  const review = (id: string, name: string, fail: boolean): SmartIndicatorReview => ({
    indicator: id,
    name,
    letters: {
      S: { status: 'pass', findings: [{ status: 'pass', text: 'The definition says what is counted (17 words).' }] },
      M: {
        status: fail ? 'fail' : 'pass',
        findings: [
          fail
            ? {
                status: 'fail',
                text: 'No baseline: progress cannot be measured from a known starting point.',
                fix: 'set `baseline: { period, value }` in the indicator file',
              }
            : { status: 'pass', text: 'Baseline 28.5 in 2007.' },
        ],
      },
      A: { status: 'warn', findings: [{ status: 'warn', text: '=SUM(1) is ambitious', target: '2021' }] },
      R: { status: 'pass', findings: [{ status: 'pass', text: 'Measures a result.' }] },
      T: {
        status: 'pass',
        findings: [
          { status: 'pass', text: 'The target is dated 2011.', target: '2011' },
          { status: 'pass', text: 'The target is dated 2021.', target: '2021' },
        ],
      },
    },
  });
  const smart: SmartReview = {
    program: 'care-test',
    indicators: [
      review('PE-STUNT', program.indicators[0]!.name, false),
      review('GE-BUDGET', FORMULA_NAME, false),
      review(LONG_ID, 'Stunting, Zambia', true),
    ],
    summary: {
      S: { pass: 3, warn: 0, fail: 0 },
      M: { pass: 2, warn: 0, fail: 1 },
      A: { pass: 0, warn: 3, fail: 0 },
      R: { pass: 3, warn: 0, fail: 0 },
      T: { pass: 3, warn: 0, fail: 0 },
    },
  };

  return {
    program,
    locale,
    doc: {
      program: 'care-test',
      as_of: '2013',
      method: 'trajectory',
      reporting: {
        frequency: 'annual',
        fiscal_year_start: 1,
        periods: Array.from({ length: 8 }, (_, i) => ({
          period: String(2006 + i),
          start: `${2006 + i}-01-01`,
          end: `${2006 + i}-12-31`,
          ended: true,
        })),
      },
      results,
    },
    everyMethod,
    smart,
    quality: {
      warnings: [
        {
          severity: 'warning',
          file: 'data/georgia/budget.csv',
          line: 7,
          column: 3,
          message: 'the value `n/a` is read as missing',
        },
      ],
      outliers: [
        {
          indicator: 'GE-BUDGET',
          disaggregation: { ministry: 'health' },
          period: '2013',
          value: 75000.5,
          z: 3.2,
          modified_z: 4.1,
          file: 'data/georgia/budget.csv',
          line: 9,
        },
      ],
      swings: [
        {
          indicator: 'PE-STUNT',
          disaggregation: { area: 'rural' },
          from_period: '2011',
          to_period: '2012',
          from: 37,
          to: 31.9,
          change: -0.1378,
          file: 'data/peru/stunting.csv',
          line: 14,
        },
      ],
      missingPeriods: [
        { indicator: 'PE-STUNT', disaggregation: {}, frequency: 'annual', expected: 7, observed: 6, missing: ['2010'] },
      ],
      sourceComparisons: [
        {
          indicator: 'PE-STUNT',
          other: 'GE-BUDGET',
          disaggregation: {},
          period: '2011',
          value: 19.5,
          otherValue: null,
          difference: null,
          nearest: { period: '2010', value: 19.6 },
          sameValueIn: ['2012'],
        },
      ],
    },
    data,
    charts: [
      { indicator: 'PE-STUNT', file: 'PE-STUNT.png', png: TINY_PNG },
      { indicator: 'PE-STUNT', disaggregation: { area: 'rural' }, file: 'PE-STUNT--rural.png', png: TINY_PNG },
      { indicator: 'GE-BUDGET', file: 'GE-BUDGET.png', png: TINY_PNG },
    ],
    sparklines: [
      { indicator: 'PE-STUNT', disaggregation: {}, png: TINY_PNG },
      { indicator: 'GE-BUDGET', disaggregation: { ministry: 'agriculture' }, png: TINY_PNG },
      { indicator: 'GE-BUDGET', disaggregation: { ministry: 'health' }, png: TINY_PNG },
    ],
    about: {
      engineVersion: '0.1.0',
      programFile: 'indicators/program.yaml',
      runTime: '2024-01-02T03:04:05.000Z',
      sources: [
        { file: 'data/peru/stunting.csv', sha256: 'a'.repeat(64) },
        { file: 'data/georgia/budget.csv', sha256: 'b'.repeat(64) },
      ],
      methods: ['trajectory', 'iptt', 'open-sdg', 'aarr'],
    },
  };
}

export interface ScaleOptions {
  indicators: number;
  /** Breakdowns per indicator: `districts` districts x 2 sexes. */
  districts: number;
  months: number;
  /** Indicators (by index) that also have a headline (total) series; default none. */
  withHeadline?: (index: number) => boolean;
  /** Swings per series written to the data-quality report (to test its cap); default 3. */
  swingsPerSeries?: number;
}

/** The status of the synthetic result `n` (every status but no_data / no_target, in turn). */
export const scaleStatus = (n: number): Status => statuses[n % 5]!;

/** The synthetic value of series `s` in month `i`: a level per series and a small trend. */
export const scaleValue = (s: number, i: number): number =>
  Math.round((40 + (s % 37) + i * 0.1 + ((s * 7 + i * 3) % 5) * 0.3) * 10) / 10;

/**
 * A national-shaped PackInput built in memory: indicators x districts x 2 sexes monthly
 * series from 2019-01, as of the last month, each with a mid-term target (2020-12) and a
 * final one (2025-12); every method only for each indicator's first result (as the caller
 * computes it for indicators with many breakdowns); data-quality swings and outliers for
 * every series. Fast: 20 x 100 x 60 (120,000 values) in well under a second.
 */
export function scalePackFixture(options: ScaleOptions): PackInput {
  const { indicators: nInd, districts, months } = options;
  const withHeadline = options.withHeadline ?? (() => false);
  const swingsPerSeries = options.swingsPerSeries ?? 3;
  const periods: Period[] = Array.from({ length: months }, (_, i) =>
    monthPeriod(2019 + Math.floor(i / 12), (i % 12) + 1),
  );
  const asOf = periods.at(-1)!;
  const mid = monthPeriod(2020, 12);
  const final = monthPeriod(2025, 12);
  const districtNames = Array.from({ length: districts }, (_, d) => `District ${String(d + 1).padStart(3, '0')}`);
  const file = 'data/national.csv';

  const program: Program = {
    root: '.',
    file: 'indicators/program.yaml',
    id: 'scale-test',
    name: 'National programme (scale test)',
    locale: 'en',
    period: { start: yearPeriod(2019), end: yearPeriod(2025) },
    asOf,
    fiscalYearStart: 1,
    reporting: 'monthly',
    results: [
      { id: 'G1', level: 'impact', statement: 'Better health' },
      { id: 'O1', level: 'outcome', parent: 'G1', statement: 'More care' },
    ],
    method: 'trajectory',
    bands: { onTrack: 0.85, atRisk: 0.6 },
    dataSources: [],
    dataSourceLine: () => 1,
    indicators: Array.from({ length: nInd }, (_, k) =>
      indicator({
        id: `IND${String(k + 1).padStart(3, '0')}`,
        name: `Indicator ${k + 1}`,
        unit: 'percent',
        direction: 'increase',
        result: 'O1',
        frequency: 'monthly',
        definition: 'A synthetic percentage.',
        baseline: { period: periods[0]!, line: 1 },
        targets: [
          { period: mid, change: 2, changeUnit: 'pp', line: 2 },
          { period: final, change: 5, changeUnit: 'pp', line: 3 },
        ],
      }),
    ),
  };

  const data = new Map<string, IndicatorData>();
  const results: AssessmentResult[] = [];
  const seriesOfResult: BreakdownSeries[] = [];
  const everyMethod: Partial<Record<MethodName, MethodOutcome>>[] = [];
  const quality: PackInput['quality'] = {
    warnings: [],
    outliers: [],
    swings: [],
    missingPeriods: [],
    sourceComparisons: [],
  };
  let line = 2;
  let seriesNo = 0;
  const lineOffsets = Int32Array.from(periods, (_, i) => i);

  const makeSeries = (dims: Record<string, string>): BreakdownSeries => {
    const s = seriesNo++;
    const first = line;
    line += months;
    const values = Float64Array.from(periods, (_, i) => scaleValue(s, i));
    return {
      dims,
      periods,
      values,
      lines: lineOffsets.map((o) => first + o),
      file,
      origin: 'data',
      sources: new Array(months).fill('HMIS'),
      missingReasons: new Array(months).fill(undefined),
    };
  };

  for (const ind of program.indicators) {
    const k = program.indicators.indexOf(ind);
    const d: IndicatorData = { indicatorId: ind.id, breakdowns: [] };
    if (withHeadline(k)) d.headline = makeSeries({});
    for (const district of districtNames)
      for (const sex of ['female', 'male']) d.breakdowns.push(makeSeries({ district, sex }));
    data.set(ind.id, d);
    let firstOfIndicator = true;
    for (const s of d.headline ? [d.headline, ...d.breakdowns] : d.breakdowns) {
      const n = results.length;
      const status = scaleStatus(n);
      const baseline = s.values[0]!;
      const latest = s.values[months - 1]!;
      const midIndex = periods.findIndex((p) => p.id === mid.id);
      const midActual = midIndex >= 0 && midIndex < months ? s.values[midIndex] : undefined;
      const trajectory: MethodOutcome = {
        category: status,
        inputs: { baseline_value: baseline, latest_value: latest, progress_ratio: n / 1000 },
      };
      seriesOfResult.push(s);
      results.push({
        indicator: ind.id,
        name: ind.name,
        result: 'O1',
        level: 'outcome',
        disaggregation: s.dims,
        unit: 'percent',
        direction: 'increase',
        method: 'trajectory',
        baseline: { period: periods[0]!.id, value: baseline },
        target: { period: final.id, value: baseline + 5 },
        latest: { period: asOf.id, value: latest },
        expected: baseline + 2.5,
        progress_ratio: n / 1000,
        actual_to_date: null,
        target_to_date: null,
        lop_target: null,
        percent_of_lop: null,
        data_age: 0,
        stale: false,
        status,
        reason: `synthetic result ${n}`,
        targets: [
          {
            period: mid.id,
            value: baseline + 2,
            outcome: midActual === undefined ? 'not_due' : midActual >= baseline + 2 ? 'achieved' : 'missed',
            ...(midActual === undefined ? {} : { judged_by: { period: mid.id, value: midActual } }),
          },
          { period: final.id, value: baseline + 5, outcome: 'not_due' },
        ],
        projection: { method: 'linear', period: final.id, value: latest + 1, attainment: null },
        projections: [{ method: 'linear', period: final.id, value: latest + 1, attainment: null }],
        methods: { trajectory },
        observations: months,
        missing: 0,
        notes: [],
      });
      everyMethod.push(
        firstOfIndicator
          ? {
              trajectory,
              iptt: { category: 'on_target', inputs: { percent_met: 1.01 } },
              'open-sdg': { category: 'moderate_progress', score: 2.5, inputs: { cagr_observed: 0.01 } },
            }
          : {},
      );
      firstOfIndicator = false;
      const ref = { indicator: ind.id, disaggregation: s.dims };
      for (let j = 0; j < swingsPerSeries && j + 1 < months; j++) {
        quality.swings.push({
          ...ref,
          from_period: periods[j]!.id,
          to_period: periods[j + 1]!.id,
          from: s.values[j]!,
          to: s.values[j + 1]!,
          change: (j + (n % 7)) / 10,
          file,
          line: s.lines[j + 1]!,
        });
      }
      quality.outliers.push({
        ...ref,
        period: periods[1]!.id,
        value: s.values[1]!,
        z: 3 + (n % 11) / 10,
        modified_z: 3.5,
        file,
        line: s.lines[1]!,
      });
      quality.missingPeriods.push({
        ...ref,
        frequency: 'monthly',
        expected: months,
        observed: months - 1,
        missing: [periods[2]!.id],
      });
    }
  }

  const letter = { status: 'pass' as const, findings: [{ status: 'pass' as const, text: 'Fine.' }] };
  // The tracking table's figures per monthly reporting period, as the assessment lays them out.
  const windows = reportingWindows('monthly', 1, program.period.start, asOf);
  results.forEach((r, n) => {
    const ind = program.indicators.find((i) => i.id === r.indicator);
    const s = seriesOfResult[n];
    const figures = reportingFigures(
      {
        series: s,
        frequency: 'monthly',
        accumulation: 'level',
        direction: r.direction,
        targets: r.targets.flatMap((t) => {
          const p = ind?.targets.find((d) => d.period.id === t.period)?.period;
          return p && t.value !== null
            ? [{ period: t.period, startYear: p.startYear, endYear: p.endYear, value: t.value }]
            : [];
        }),
      },
      windows,
      asOf,
    ).filter((f) => f.target !== null || f.actual !== null);
    if (figures.length) r.reporting_periods = figures;
  });
  return {
    program,
    locale: 'en',
    doc: {
      program: program.id,
      as_of: asOf.id,
      method: 'trajectory',
      reporting: {
        frequency: 'monthly',
        fiscal_year_start: 1,
        periods: windows.map((w) => ({ period: w.id, start: w.start, end: w.end, ended: w.ended })),
      },
      results,
    },
    everyMethod,
    smart: {
      program: program.id,
      indicators: program.indicators.map((i) => ({
        indicator: i.id,
        name: i.name,
        letters: { S: letter, M: letter, A: letter, R: letter, T: letter },
      })),
      summary: {
        S: { pass: nInd, warn: 0, fail: 0 },
        M: { pass: nInd, warn: 0, fail: 0 },
        A: { pass: nInd, warn: 0, fail: 0 },
        R: { pass: nInd, warn: 0, fail: 0 },
        T: { pass: nInd, warn: 0, fail: 0 },
      },
    },
    quality,
    data,
    charts: program.indicators.map((i) => ({ indicator: i.id, file: `${i.id}.png`, png: TINY_PNG })),
    sparklines: [],
    about: {
      engineVersion: '0.1.0',
      programFile: program.file,
      runTime: '2024-01-02T03:04:05.000Z',
      sources: [{ file, sha256: 'c'.repeat(64) }],
      methods: ['trajectory'],
    },
  };
}
