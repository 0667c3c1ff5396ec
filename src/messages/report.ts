// Every label of the Excel progress pack, in English and Spanish: sheet names, column
// headers, section titles, status and outcome names. The workbook code and the chart code
// read labels only from here, so a rewording never touches layout code.
//
// Number formats do not differ by locale: an .xlsx stores format codes in one invariant
// syntax (`0.0`, `#,##0`, `0.0%`) and Excel shows the decimal comma or point of the
// reader's own settings, so the codes live beside the styles (src/report/workbook/styles.ts).
import type { Status, TargetOutcome } from '../assess/assessment.js';
import type { FindingStatus, Letter } from '../assess/smart-review.js';
import type { Frequency } from '../periods/period.js';
import type { Accumulation, Direction, Locale, MethodName, Unit } from '../spec/schema.js';
import { formatInteger, formatNumber } from './format-number.js';

export interface ReportMessages {
  /** Sheet names: at most 31 characters, none of []:*?/\ and no apostrophe. */
  sheets: {
    summary: string;
    tracking: string;
    smart: string;
    quality: string;
    methodInputs: string;
    data: string;
    about: string;
  };
  statuses: Record<Status, string>;
  targetOutcomes: Record<TargetOutcome, string>;
  findingStatuses: Record<FindingStatus, string>;
  letters: Record<Letter, string>;
  /** Results-framework levels the common donors use; any other level is shown as written. */
  levels: Record<string, string>;
  directions: Record<Direction, string>;
  units: Record<Unit, string>;
  frequencies: Record<Frequency, string>;
  accumulations: Record<Accumulation, string>;
  /** What an accumulation means, for the indicator sheet: "levels (each value stands alone)". */
  accumulationWords: Record<Accumulation, string>;
  /** The name of every method as its publisher names it. */
  methodNames: Record<MethodName, string>;
  /** Method inputs in words (methods.md); an input not listed is shown by its name. */
  methodInputNames: Record<string, string>;
  /** Field names of a PIRS (USAID ADS 201), for an indicator file's `pirs:`; others are shown humanised. */
  pirsFields: Record<string, string>;
  /** The published category names of every method (methods.md); others shown as written. */
  methodCategories: Record<string, string>;
  projectionMethods: Record<'linear' | 'cagr', string>;
  /** The breakdown column of the headline (total) series. */
  headline: string;
  /** Written in a section that has no rows. */
  none: string;
  yes: string;
  no: string;
  /** Where a computed value comes from instead of a file line. */
  computed: string;
  /** Column headers used on several sheets. */
  columns: {
    programId: string;
    level: string;
    result: string;
    indicator: string;
    indicatorName: string;
    name: string;
    breakdown: string;
    unit: string;
    direction: string;
    frequency: string;
    period: string;
    periodStart: string;
    periodEnd: string;
    value: string;
    source: string;
    file: string;
    line: string;
    column: string;
    where: string;
    missingReason: string;
    baseline: string;
    baselinePeriod: string;
    latest: string;
    latestPeriod: string;
    target: string;
    targetPeriod: string;
    expected: string;
    progressRatio: string;
    status: string;
    reason: string;
    message: string;
    method: string;
    category: string;
    score: string;
    count: string;
    label: string;
    /** Progress ratio as a percentage of the expected change. */
    progress: string;
    /** Years from the end of the latest observed period to the end of as-of. */
    dataAge: string;
    actualToDate: string;
    targetToDate: string;
    lopTarget: string;
    percentOfLop: string;
    windowActual: string;
    percentMet: string;
    complete: string;
    missingPeriods: string;
  };
  /** Shown after a stale data age, inside its number format (the cell stays a number). */
  staleMarker: string;
  summary: {
    programme: string;
    programmeId: string;
    asOf: string;
    method: string;
    statusCounts: string;
    table: string;
    /** The status counts when indicators with many breakdowns are counted breakdown by breakdown. */
    statusCountsBreakdowns: string;
    /** Header of the column counting an indicator's breakdowns. */
    breakdowns: string;
    /** Header of the sparkline column. */
    trend: string;
    /** The breakdown cell of an indicator summarised in one row. */
    breakdownCount: (count: number) => string;
    /** Above the table when some indicators are summarised in one row. */
    breakdownsNote: (max: number) => string;
  };
  tracking: {
    /** The table's title. */
    title: string;
    /** Under the title: the programme's period, the as-of period and the reporting frequency. */
    periodLine: (start: string, end: string, asOf: string, reporting: string) => string;
    /** The reporting frequencies, as the period line names them. */
    reportingNames: Record<'monthly' | 'quarterly' | 'semiannual' | 'annual', string>;
    /** The column group of the life-of-programme figures. */
    lifeOfProgramme: string;
    /** Under a reporting period that has not ended by as-of. */
    notYetDue: string;
    /** The group row of indicators linked to no result of the framework. */
    noResult: string;
    number: string;
    target: string;
    actual: string;
    percentMet: string;
    flaggedPeriods: string;
    explanation: string;
    /** Markers inside a number's format (the cell stays a number; colour never alone). */
    markers: { missed: string; under: string; over: string; incomplete: string };
    /** The legend of the fills and markers. */
    legend: { title: string; missed: string; under: string; over: string; incomplete: string; stale: string };
    /** Notes under the table: how % met, % of LOP and the LOP figures of a level are read. */
    notes: string[];
    /** Added when only the periods with a target have columns. */
    targetPeriodsOnly: (shown: number, all: number, where: string) => string;
  };
  indicator: {
    definition: string;
    dataSources: string;
    /** The data source of a computed indicator. */
    computedFrom: (formula: string, inputs: string[]) => string;
    assessment: string;
    targets: string;
    derivation: string;
    outcome: string;
    judgedByPeriod: string;
    judgedByValue: string;
    smart: string;
    letter: string;
    finding: string;
    references: string;
    values: string;
    notes: string;
    /** A note: the status and why. */
    statusBecause: (status: string, reason: string) => string;
    /** A note: what the assessment says about one target. */
    targetNote: (period: string, reason: string) => string;
    /** A note: a projection in words. */
    projection: (method: string, value: string, period: string, attainment: string | null) => string;
    projectionNone: (method: string, period: string, reason: string | undefined) => string;
    /** Title of the table of every published method's verdict. */
    methodVerdicts: string;
    /** Under it: where each method's inputs are. */
    inputsAt: (sheet: string) => string;
    /** Under the values when every value is listed. */
    everyValueAt: (where: string) => string;
    breakdownCharts: string;
    /** Title of the one-row-per-breakdown table of an indicator with many breakdowns. */
    breakdownTable: (count: number) => string;
    breakdownsByStatus: string;
    /** Header of the chosen method's category. */
    categoryOf: (method: string) => string;
    /** Under the assessment of an indicator with many breakdowns. */
    detailHeadline: (count: number) => string;
    detailExample: (breakdown: string, count: number) => string;
    /** Under the values when not every value is listed; `where` is dataSheetAt or dataFileAt. */
    valuesShown: (shown: number, all: number, where: string) => string;
    dataSheetAt: (sheet: string) => string;
    dataFileAt: (file: string) => string;
  };
  smart: {
    letter: string;
    letterStatus: string;
    findingStatus: string;
    finding: string;
    concernsTarget: string;
    summary: string;
  };
  quality: {
    warnings: string;
    outliers: string;
    swings: string;
    missingPeriods: string;
    sourceComparisons: string;
    z: string;
    modifiedZ: string;
    fromPeriod: string;
    fromValue: string;
    toPeriod: string;
    toValue: string;
    change: string;
    expected: string;
    observed: string;
    missingList: string;
    other: string;
    otherValue: string;
    difference: string;
    nearestPeriod: string;
    nearestValue: string;
    sameValueIn: string;
    /** Last row of a section cut short. */
    moreRows: (count: number) => string;
    /** Last row of a section of outliers or swings cut short, which keeps the most extreme. */
    moreLessExtreme: (count: number) => string;
  };
  /** The Method inputs sheet. */
  methodInputs: {
    intro: string;
    input: string;
    variable: string;
    more: (count: number) => string;
  };
  /** The Data sheet when the data have more rows than it holds. */
  data: {
    everyRowInFile: (rows: number, max: number, file: string) => string;
    headlineRowsOnly: (rows: number) => string;
    noHeadlineRows: string;
    headlineRowsTooMany: (rows: number) => string;
  };
  /** Last row of a table of results cut short. */
  moreResults: (count: number) => string;
  /** The header and footer of every printed page. */
  page: {
    asOf: (period: string) => string;
    /** Around Excel's page codes: "Page &P of &N". */
    pageOf: (page: string, pages: string) => string;
  };
  about: {
    engineVersion: string;
    programmeFile: string;
    runTime: string;
    programmeId: string;
    asOf: string;
    sources: string;
    sha256: string;
    methods: string;
    /** What each method does and the thresholds it uses, from the method's own constants. */
    methodDescriptions: {
      trajectory: (onTrack: number, atRisk: number) => string;
      iptt: (margin: number) => string;
      'open-sdg': (
        t: { high: number; med: number; low: number },
        noTarget: { high: number; med: number },
        baseYear: number,
      ) => string;
      'unsd-2022': (t: { onTrack: number; fair: number; limited: number }) => string;
      'unsd-2023': (t: { onTrack: number; fair: number }) => string;
      eurostat: (t: { significant: number; moderate: number }, growth: number) => string;
      aarr: (floor: number) => string;
    };
    rules: string;
    rule: string;
    outliers: (z: number) => string;
    swings: (share: number) => string;
    variance: (share: number) => string;
    roundingRule: string;
    rounding: (digits: number) => string;
  };
}

/** A count as the pack's language writes it: 1,200,000 / 1.200.000 (format-number.ts). */
const en_ = (n: number) => formatInteger(n, 'en');
const es_ = (n: number) => formatInteger(n, 'es');

/** A threshold as the language writes it: 0.95 / 0,95. */
const n = (x: number, locale: Locale) => formatNumber(x, locale, { maxDecimals: 4 });
/** A share as a percentage: 0.015 -> "1.5 %" / "1,5 %". */
const pct = (x: number, locale: Locale) => `${n(Math.round(x * 1e6) / 1e4, locale)} %`;

const en: ReportMessages = {
  sheets: {
    summary: 'Summary',
    tracking: 'Tracking table',
    smart: 'SMART review',
    quality: 'Data quality',
    methodInputs: 'Method inputs',
    data: 'Data',
    about: 'About',
  },
  statuses: {
    achieved: 'Achieved',
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    deteriorating: 'Deteriorating',
    missed: 'Missed',
    no_data: 'No data',
    no_target: 'No target',
  },
  targetOutcomes: { achieved: 'Achieved', missed: 'Missed', not_due: 'Not yet due', no_data: 'No data' },
  findingStatuses: { pass: 'Pass', warn: 'Warning', fail: 'Fail' },
  letters: { S: 'Specific', M: 'Measurable', A: 'Achievable', R: 'Relevant', T: 'Time-bound' },
  levels: {
    goal: 'Goal',
    purpose: 'Purpose',
    'sub-purpose': 'Sub-purpose',
    impact: 'Impact',
    outcome: 'Outcome',
    output: 'Output',
    input: 'Input',
    activity: 'Activity',
    'overall objective': 'Overall objective',
    'specific objective': 'Specific objective',
    result: 'Result',
  },
  directions: { increase: 'Increase', decrease: 'Decrease' },
  units: { percent: 'Percent', number: 'Number', ratio: 'Ratio', currency: 'Currency', rate: 'Rate' },
  frequencies: {
    weekly: 'Weekly',
    monthly: 'Monthly',
    quarterly: 'Quarterly',
    semiannual: 'Semiannual',
    annual: 'Annual',
    irregular: 'Irregular',
  },
  accumulations: { level: 'Level', sum: 'Sum', cumulative: 'Cumulative' },
  accumulationWords: {
    level: 'each value stands alone (a level)',
    sum: 'each value counts its own period; periods add up (a flow)',
    cumulative: 'each value is a running total',
  },
  methodNames: {
    trajectory: 'Trajectory (progress ratio)',
    iptt: 'IPTT % met (TolaData)',
    'open-sdg': 'Open SDG progress (Statistics Canada)',
    'unsd-2022': 'UN SDG progress chart (2022, ratio of growth rates)',
    'unsd-2023': 'UN SDG progress chart (2023, share of required change)',
    eurostat: 'Eurostat SDG progress',
    aarr: 'Average annual rate of reduction (AARR)',
  },
  methodInputNames: {
    direction: 'Desired direction',
    accumulation: 'Accumulation',
    unit: 'Unit',
    aggregation: 'How values are combined',
    baseline_value: 'Baseline value',
    baseline_time: 'Baseline time (year)',
    baseline_period: 'Baseline period',
    completed_targets: 'Targets whose period has ended',
    last_completed_target_period: 'Last ended target period',
    last_completed_target_end_time: 'End of the last ended target period (year)',
    actual_to_date: 'Actual to date',
    target_to_date: 'Target to date',
    observations_counted: 'Values counted',
    latest_period: 'Latest period',
    latest_value: 'Latest value',
    latest_time: 'Latest time (year)',
    percent_met: '% met',
    margin: 'Margin around the target',
    good: 'Within the margin',
    method: 'Method variant',
    base_year_requested: 'Base year asked for',
    base_year: 'Base year',
    base_period: 'Base period',
    base_value: 'Base value',
    base_value_observed: 'Base value observed',
    current_year: 'Current year',
    current_period: 'Current period',
    current_value: 'Current value',
    target_value: 'Target value',
    target_value_given: 'Target value given',
    target_year: 'Target year',
    target_period: 'Target period',
    target_time: 'Target time (year)',
    sign: 'Sign of the desired change',
    natural_limit: 'Natural limit',
    coefficient: 'Coefficient',
    threshold_high: 'High threshold',
    threshold_med: 'Middle threshold',
    threshold_low: 'Low threshold',
    cagr_observed: 'Observed compound annual growth rate',
    cagr_required: 'Required compound annual growth rate',
    cagr_actual: 'Actual compound annual growth rate',
    ratio: 'Ratio',
    progress_value: 'Progress value',
    target_achieved: 'Target achieved',
    score: 'Score',
    cr: 'Ratio of growth rates (CR)',
    value_target_year_estimate: 'Projected value in the target year',
    p: 'Projected share of the required change (P)',
    with_target: 'Has a target',
    growth: 'Growth',
    growth_percent: 'Growth (%)',
    rr: 'Ratio of growth rates (RR)',
    points: 'Values used',
    formula: 'Formula',
    aarr: 'Average annual rate of reduction',
    required_aarr: 'Required average annual rate of reduction',
    progress_floor: 'Least rate counted as progress',
    band_on_track: 'On-track band',
    band_at_risk: 'At-risk band',
    expected: 'Expected value',
    expected_at_time: 'Expected at (year)',
    progress_ratio: 'Progress ratio',
  },
  pirsFields: {
    precise_definition: 'Precise definition',
    rationale: 'Rationale',
    data_source: 'Data source',
    data_collection_method: 'Data collection method',
    collection_method: 'Data collection method',
    method_of_acquisition: 'Method of acquisition',
    frequency_note: 'Frequency and timing',
    frequency: 'Frequency and timing',
    responsible: 'Responsible',
    responsible_person: 'Responsible person',
    disaggregation: 'Disaggregated by',
    disaggregated: 'Disaggregated',
    reference_standard: 'Reference standard',
    limitations: 'Known limitations',
    known_conflicts: 'Known conflicts between sources',
    data_quality: 'Data quality',
    sample_size: 'Sample size',
    reporting: 'Reporting',
    notes: 'Notes',
  },
  methodCategories: {
    achieved: 'Achieved',
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    deteriorating: 'Deteriorating',
    on_target: 'On target',
    above_target: 'Above target',
    below_target: 'Below target',
    target_achieved: 'Target achieved',
    substantial_progress: 'Substantial progress',
    moderate_progress: 'Moderate progress',
    limited_progress: 'Limited progress',
    deterioration: 'Deterioration',
    fair_progress: 'Fair progress',
    limited_or_no_progress: 'Limited or no progress',
    target_met: 'Target met',
    stagnation_or_regression: 'Stagnation or regression',
    significant_progress: 'Significant progress',
    insufficient_progress: 'Insufficient progress',
    movement_away: 'Movement away',
    moderate_movement_away: 'Moderate movement away',
    significant_movement_away: 'Significant movement away',
    on_course: 'On course',
    some_progress: 'Some progress',
    no_progress_or_worsening: 'No progress or worsening',
  },
  projectionMethods: { linear: 'Linear (least squares)', cagr: 'Compound annual growth' },
  headline: 'Total',
  none: 'None',
  yes: 'Yes',
  no: 'No',
  computed: 'computed',
  columns: {
    programId: 'Programme id',
    level: 'Level',
    result: 'Result',
    indicator: 'Indicator',
    indicatorName: 'Indicator name',
    name: 'Name',
    breakdown: 'Breakdown',
    unit: 'Unit',
    direction: 'Direction',
    frequency: 'Frequency',
    period: 'Period',
    periodStart: 'Period start',
    periodEnd: 'Period end',
    value: 'Value',
    source: 'Source',
    file: 'File',
    line: 'Line',
    column: 'Column',
    where: 'File:line',
    missingReason: 'Missing reason',
    baseline: 'Baseline',
    baselinePeriod: 'Baseline period',
    latest: 'Latest',
    latestPeriod: 'Latest period',
    target: 'Target',
    targetPeriod: 'Target period',
    expected: 'Expected',
    progressRatio: 'Progress ratio',
    status: 'Status',
    reason: 'Reason',
    message: 'Message',
    method: 'Method',
    category: 'Category',
    score: 'Score',
    count: 'Count',
    label: 'Label',
    progress: 'Progress',
    dataAge: 'Data age (years)',
    actualToDate: 'Actual to date',
    targetToDate: 'Target to date',
    lopTarget: 'LOP target',
    percentOfLop: '% of LOP target',
    windowActual: 'Actual in the target period',
    percentMet: '% met',
    complete: 'Complete',
    missingPeriods: 'Periods missing',
  },
  staleMarker: 'stale',
  summary: {
    programme: 'Programme',
    programmeId: 'Programme id',
    asOf: 'As of',
    method: 'Method',
    statusCounts: 'Rows by status',
    table: 'Indicators',
    statusCountsBreakdowns: 'Totals and breakdowns by status',
    breakdowns: 'Breakdowns',
    trend: 'Trend',
    breakdownCount: (n) => `${en_(n)} breakdowns`,
    breakdownsNote: (max) =>
      `An indicator without a total and with more than ${en_(max)} breakdowns is one row: its breakdowns ` +
      `counted by status (each breakdown is on the indicator's sheet).`,
  },
  tracking: {
    title: 'Indicator Performance Tracking Table',
    periodLine: (start, end, asOf, reporting) =>
      `Programme period ${start} to ${end}; as of ${asOf}; ${reporting} reporting periods`,
    reportingNames: { monthly: 'monthly', quarterly: 'quarterly', semiannual: 'semiannual', annual: 'annual' },
    lifeOfProgramme: 'Life of programme',
    notYetDue: 'not yet due',
    noResult: 'Not linked to a result',
    number: 'No.',
    target: 'Target',
    actual: 'Actual',
    percentMet: '% met',
    flaggedPeriods: 'More than 10 % from target',
    explanation: 'Explanation',
    markers: { missed: '✗', under: '▼', over: '▲', incomplete: '*' },
    legend: {
      title: 'Key',
      missed: '✗ target missed',
      under: '▼ more than 10 % short of the target',
      over: '▲ more than 10 % beyond the target',
      incomplete: '* incomplete: not every period reported',
      stale: 'stale: the latest value is old',
    },
    notes: [
      '% met = actual / target (target / actual for an indicator meant to decrease). An actual more than 10 % ' +
        'away from its target is marked; explain it in the last column.',
      'Life of programme: for a count added up over time, the target over the whole programme and the running ' +
        'total to date; for a level, the last target and the latest value. Target to date is where the indicator ' +
        'should be by its latest value; progress = the change achieved / the change expected by then, which ' +
        'decides the status.',
    ],
    targetPeriodsOnly: (shown, all, where) =>
      `Columns only for the reporting periods with a target (${en_(shown)} of ${en_(all)}); every value is in ` +
      `${where}.`,
  },
  indicator: {
    definition: 'Definition',
    dataSources: 'Data source',
    computedFrom: (formula, inputs) => `Computed as ${formula} from ${inputs.join(', ')}`,
    assessment: 'Progress',
    targets: 'Baseline, targets and outcomes',
    derivation: 'Derivation',
    outcome: 'Outcome',
    judgedByPeriod: 'Judged by (period)',
    judgedByValue: 'Judged by (value)',
    smart: 'SMART review',
    letter: 'Letter',
    finding: 'Finding',
    references: 'References',
    values: 'Values',
    notes: 'Notes',
    statusBecause: (status, reason) => `${status}: ${reason}.`,
    targetNote: (period, reason) => `Target ${period}: ${reason}.`,
    projection: (method, value, period, attainment) =>
      `${method} projection: ${value} in ${period}; ` +
      `${attainment ? `reaches the target in ${attainment}` : 'does not reach the target'}.`,
    projectionNone: (method, period, reason) =>
      `${method} projection to ${period}: none${reason ? ` (${reason})` : ''}.`,
    methodVerdicts: 'Published methods',
    inputsAt: (sheet) => `Every method's inputs, to redo its arithmetic, are on the ${sheet} sheet.`,
    everyValueAt: (where) => `Every value with its source, file and line is in ${where}.`,
    breakdownCharts: 'Charts by breakdown',
    breakdownTable: (n) => `Breakdowns: ${en_(n)}`,
    breakdownsByStatus: 'Breakdowns by status',
    categoryOf: (method) => `Category (${method})`,
    detailHeadline: (n) =>
      `Shown in full for the total; each of the ${en_(n)} breakdowns is one row of the breakdown table.`,
    detailExample: (b, n) =>
      `Shown in full for the first breakdown (${b}) as a worked example; each of the ${en_(n)} breakdowns is ` +
      'one row of the breakdown table.',
    valuesShown: (shown, all, where) =>
      `${en_(shown)} of the ${en_(all)} values are listed here; every value is in ${where}.`,
    dataSheetAt: (sheet) => `the ${sheet} sheet`,
    dataFileAt: (file) => `${file}, beside this workbook`,
  },
  smart: {
    letter: 'Letter',
    letterStatus: 'Letter status',
    findingStatus: 'Finding status',
    finding: 'Finding',
    concernsTarget: 'Target concerned',
    summary: 'Programme summary: indicators per letter and status',
  },
  quality: {
    warnings: 'Warnings',
    outliers: 'Outliers (z or modified z above 3)',
    swings: 'Swings beyond 33 %',
    missingPeriods: 'Missing periods',
    sourceComparisons: 'Source comparisons',
    z: 'z',
    modifiedZ: 'Modified z',
    fromPeriod: 'From period',
    fromValue: 'From value',
    toPeriod: 'To period',
    toValue: 'To value',
    change: 'Change',
    expected: 'Expected periods',
    observed: 'Observed periods',
    missingList: 'Missing',
    other: 'Other indicator',
    otherValue: 'Other value',
    difference: 'Difference',
    nearestPeriod: 'Nearest period of the other',
    nearestValue: 'Nearest value of the other',
    sameValueIn: 'Same value in other periods',
    moreRows: (n) => `... and ${en_(n)} more, not listed here.`,
    moreLessExtreme: (n) => `... and ${en_(n)} more, less extreme, not listed here.`,
  },
  methodInputs: {
    intro:
      'Every published method run on each indicator and breakdown, one row per input, so its arithmetic can be ' +
      'redone (the formulas are in methods.md). The chosen method decides the status; the others are for ' +
      'comparison.',
    input: 'Input',
    variable: 'Name in methods.md',
    more: (n) => `... and ${en_(n)} more rows, not listed here.`,
  },
  data: {
    everyRowInFile: (rows, max, file) =>
      `The data have ${en_(rows)} rows (indicator x breakdown x period), more than this sheet holds ` +
      `(${en_(max)}): every row is in ${file}, beside this workbook, with the columns below. Open it in Excel, ` +
      'or load it into a pivot table with Data > From Text/CSV.',
    headlineRowsOnly: (rows) => `Below: the ${en_(rows)} rows of the total (headline) series only.`,
    noHeadlineRows: 'Below: no rows, as no indicator has a total (headline) series.',
    headlineRowsTooMany: (rows) => `Below: no rows, as even the total (headline) series have ${en_(rows)} rows.`,
  },
  moreResults: (n) => `... and ${en_(n)} more rows, not listed here; every result is in assessment.json.`,
  page: { asOf: (p) => `As of ${p}`, pageOf: (p, n) => `Page ${p} of ${n}` },
  about: {
    engineVersion: 'Engine version',
    programmeFile: 'Programme file',
    runTime: 'Run time (UTC)',
    programmeId: 'Programme id',
    asOf: 'As of',
    sources: 'Source files',
    sha256: 'SHA-256',
    methods: 'Methods',
    methodDescriptions: {
      trajectory: (on, risk) =>
        'Progress ratio = (latest - baseline) / (expected - baseline), the expected value read on the straight ' +
        `line from the baseline to the target at the latest value's date. On track from ${n(on, 'en')}, at ` +
        `risk from ${n(risk, 'en')}, off track from 0, deteriorating below 0; achieved once the target is ` +
        'reached.',
      iptt: (margin) =>
        `TolaData's IPTT: % met = actual / target (target / actual for an indicator meant to decrease) at the ` +
        `last target whose period has ended; on target within ${pct(margin, 'en')} of 100 %, above or below ` +
        'beyond it.',
      'open-sdg': (t, p, base) =>
        `Statistics Canada's Open SDG: with a target, the ratio of the observed to the required compound ` +
        `growth since ${base}: substantial progress from ${n(t.high, 'en')}, moderate from ${n(t.med, 'en')}, ` +
        `limited from ${n(t.low, 'en')}, deterioration below; without a target, the observed growth itself: ` +
        `substantial from ${pct(p.high, 'en')} a year, moderate from ${pct(p.med, 'en')}. Scores 1 to 5.`,
      'unsd-2022': (t) =>
        'UN SDG Progress Chart 2022: CR = actual / required compound annual growth rate. On track from ' +
        `${n(t.onTrack, 'en')}, fair progress from ${n(t.fair, 'en')}, limited or no progress from ` +
        `${n(t.limited, 'en')}, deterioration below.`,
      'unsd-2023': (t) =>
        'UN SDG Progress Chart 2023: P = the share of the required change the current growth rate would ' +
        `achieve by the target year. On track from ${n(t.onTrack, 'en')}, fair progress from ` +
        `${n(t.fair, 'en')}, stagnation or regression below.`,
      eurostat: (t, g) =>
        `Eurostat's EU SDG report: with a target, RR = actual / required growth rate: significant progress ` +
        `from ${n(t.significant, 'en')}, moderate from ${n(t.moderate, 'en')}, insufficient from 0, movement ` +
        `away below; without a target, the growth rate against ${pct(g, 'en')} a year either way.`,
      aarr: (floor) =>
        'Average annual rate of reduction (UNICEF/WHO nutrition targets): the current AARR against the one the ' +
        `target requires; on course when it reaches it, some progress from ${pct(floor, 'en')} a year, no ` +
        'progress or worsening below.',
    },
    rules: 'Other rules',
    rule: 'Rule',
    outliers: (z) => `A value is an outlier when its z-score or modified z-score is above ${n(z, 'en')} (DHIS2).`,
    swings: (share) =>
      `A swing is a change between consecutive values of more than ${pct(share, 'en')} (WHO data-quality review).`,
    variance: (share) =>
      `An actual more than ${pct(share, 'en')} away from its target is flagged for an explanation (the donor ` +
      'variance convention).',
    roundingRule: 'Rounding rule',
    rounding: (digits) =>
      `Numbers are computed in double precision and kept with ${digits} significant digits; the workbook shows ` +
      'them rounded by its number formats, and its cells keep every digit.',
  },
};

const es: ReportMessages = {
  sheets: {
    summary: 'Resumen',
    tracking: 'Tabla de seguimiento',
    smart: 'Revisión SMART',
    quality: 'Calidad de datos',
    methodInputs: 'Datos de los métodos',
    data: 'Datos',
    about: 'Acerca de',
  },
  statuses: {
    achieved: 'Logrado',
    on_track: 'En camino',
    at_risk: 'En riesgo',
    off_track: 'Desviado',
    deteriorating: 'Empeorando',
    missed: 'No logrado',
    no_data: 'Sin datos',
    no_target: 'Sin meta',
  },
  targetOutcomes: { achieved: 'Lograda', missed: 'No lograda', not_due: 'Aún no vence', no_data: 'Sin datos' },
  findingStatuses: { pass: 'Cumple', warn: 'Advertencia', fail: 'No cumple' },
  letters: { S: 'Específico', M: 'Medible', A: 'Alcanzable', R: 'Relevante', T: 'Temporal' },
  levels: {
    goal: 'Fin',
    purpose: 'Propósito',
    'sub-purpose': 'Subpropósito',
    impact: 'Impacto',
    outcome: 'Efecto',
    output: 'Producto',
    input: 'Insumo',
    activity: 'Actividad',
    'overall objective': 'Objetivo general',
    'specific objective': 'Objetivo específico',
    result: 'Resultado',
  },
  directions: { increase: 'Aumentar', decrease: 'Disminuir' },
  units: { percent: 'Porcentaje', number: 'Número', ratio: 'Razón', currency: 'Moneda', rate: 'Tasa' },
  frequencies: {
    weekly: 'Semanal',
    monthly: 'Mensual',
    quarterly: 'Trimestral',
    semiannual: 'Semestral',
    annual: 'Anual',
    irregular: 'Irregular',
  },
  accumulations: { level: 'Nivel', sum: 'Suma', cumulative: 'Acumulado' },
  accumulationWords: {
    level: 'cada valor vale por sí mismo (un nivel)',
    sum: 'cada valor cuenta su propio periodo; los periodos se suman (un flujo)',
    cumulative: 'cada valor es un total acumulado',
  },
  methodNames: {
    trajectory: 'Trayectoria (razón de avance)',
    iptt: 'IPTT % cumplido (TolaData)',
    'open-sdg': 'Progreso Open SDG (Estadística Canadá)',
    'unsd-2022': 'Gráfico de progreso ODS de la ONU (2022, razón de tasas de crecimiento)',
    'unsd-2023': 'Gráfico de progreso ODS de la ONU (2023, proporción del cambio requerido)',
    eurostat: 'Progreso ODS de Eurostat',
    aarr: 'Tasa anual promedio de reducción (TAPR)',
  },
  methodInputNames: {
    direction: 'Dirección deseada',
    accumulation: 'Acumulación',
    unit: 'Unidad',
    aggregation: 'Cómo se combinan los valores',
    baseline_value: 'Valor de la línea de base',
    baseline_time: 'Momento de la línea de base (año)',
    baseline_period: 'Periodo de la línea de base',
    completed_targets: 'Metas cuyo periodo terminó',
    last_completed_target_period: 'Último periodo de meta terminado',
    last_completed_target_end_time: 'Fin del último periodo de meta terminado (año)',
    actual_to_date: 'Real a la fecha',
    target_to_date: 'Meta a la fecha',
    observations_counted: 'Valores contados',
    latest_period: 'Último periodo',
    latest_value: 'Último valor',
    latest_time: 'Momento del último valor (año)',
    percent_met: '% cumplido',
    margin: 'Margen alrededor de la meta',
    good: 'Dentro del margen',
    method: 'Variante del método',
    base_year_requested: 'Año base pedido',
    base_year: 'Año base',
    base_period: 'Periodo base',
    base_value: 'Valor base',
    base_value_observed: 'Valor base observado',
    current_year: 'Año actual',
    current_period: 'Periodo actual',
    current_value: 'Valor actual',
    target_value: 'Valor de la meta',
    target_value_given: 'Valor de la meta dado',
    target_year: 'Año de la meta',
    target_period: 'Periodo de la meta',
    target_time: 'Momento de la meta (año)',
    sign: 'Signo del cambio deseado',
    natural_limit: 'Límite natural',
    coefficient: 'Coeficiente',
    threshold_high: 'Umbral alto',
    threshold_med: 'Umbral medio',
    threshold_low: 'Umbral bajo',
    cagr_observed: 'Tasa de crecimiento anual compuesta observada',
    cagr_required: 'Tasa de crecimiento anual compuesta requerida',
    cagr_actual: 'Tasa de crecimiento anual compuesta real',
    ratio: 'Razón',
    progress_value: 'Valor de progreso',
    target_achieved: 'Meta alcanzada',
    score: 'Puntaje',
    cr: 'Razón de tasas de crecimiento (CR)',
    value_target_year_estimate: 'Valor proyectado en el año de la meta',
    p: 'Proporción proyectada del cambio requerido (P)',
    with_target: 'Tiene meta',
    growth: 'Crecimiento',
    growth_percent: 'Crecimiento (%)',
    rr: 'Razón de tasas de crecimiento (RR)',
    points: 'Valores usados',
    formula: 'Fórmula',
    aarr: 'Tasa anual promedio de reducción',
    required_aarr: 'Tasa anual promedio de reducción requerida',
    progress_floor: 'Tasa mínima que cuenta como progreso',
    band_on_track: 'Umbral de "en camino"',
    band_at_risk: 'Umbral de "en riesgo"',
    expected: 'Valor esperado',
    expected_at_time: 'Esperado en (año)',
    progress_ratio: 'Razón de avance',
  },
  pirsFields: {
    precise_definition: 'Definición precisa',
    rationale: 'Justificación',
    data_source: 'Fuente de datos',
    data_collection_method: 'Método de recolección',
    collection_method: 'Método de recolección',
    method_of_acquisition: 'Método de obtención',
    frequency_note: 'Frecuencia y calendario',
    frequency: 'Frecuencia y calendario',
    responsible: 'Responsable',
    responsible_person: 'Persona responsable',
    disaggregation: 'Desagregado por',
    disaggregated: 'Desagregado',
    reference_standard: 'Patrón de referencia',
    limitations: 'Limitaciones conocidas',
    known_conflicts: 'Conflictos conocidos entre fuentes',
    data_quality: 'Calidad de los datos',
    sample_size: 'Tamaño de la muestra',
    reporting: 'Reporte',
    notes: 'Notas',
  },
  methodCategories: {
    achieved: 'Logrado',
    on_track: 'En camino',
    at_risk: 'En riesgo',
    off_track: 'Desviado',
    deteriorating: 'Empeorando',
    on_target: 'En la meta',
    above_target: 'Por encima de la meta',
    below_target: 'Por debajo de la meta',
    target_achieved: 'Meta alcanzada',
    substantial_progress: 'Progreso sustancial',
    moderate_progress: 'Progreso moderado',
    limited_progress: 'Progreso limitado',
    deterioration: 'Deterioro',
    fair_progress: 'Progreso aceptable',
    limited_or_no_progress: 'Progreso limitado o nulo',
    target_met: 'Meta cumplida',
    stagnation_or_regression: 'Estancamiento o retroceso',
    significant_progress: 'Progreso significativo',
    insufficient_progress: 'Progreso insuficiente',
    movement_away: 'Alejamiento',
    moderate_movement_away: 'Alejamiento moderado',
    significant_movement_away: 'Alejamiento significativo',
    on_course: 'En curso',
    some_progress: 'Algún progreso',
    no_progress_or_worsening: 'Sin progreso o empeorando',
  },
  projectionMethods: { linear: 'Lineal (mínimos cuadrados)', cagr: 'Crecimiento anual compuesto' },
  headline: 'Total',
  none: 'Ninguno',
  yes: 'Sí',
  no: 'No',
  computed: 'calculado',
  columns: {
    programId: 'Id del programa',
    level: 'Nivel',
    result: 'Resultado',
    indicator: 'Indicador',
    indicatorName: 'Nombre del indicador',
    name: 'Nombre',
    breakdown: 'Desagregación',
    unit: 'Unidad',
    direction: 'Dirección',
    frequency: 'Frecuencia',
    period: 'Periodo',
    periodStart: 'Inicio del periodo',
    periodEnd: 'Fin del periodo',
    value: 'Valor',
    source: 'Fuente',
    file: 'Archivo',
    line: 'Línea',
    column: 'Columna',
    where: 'Archivo:línea',
    missingReason: 'Motivo del faltante',
    baseline: 'Línea de base',
    baselinePeriod: 'Periodo de la línea de base',
    latest: 'Último valor',
    latestPeriod: 'Periodo del último valor',
    target: 'Meta',
    targetPeriod: 'Periodo de la meta',
    expected: 'Esperado',
    progressRatio: 'Razón de avance',
    status: 'Estado',
    reason: 'Motivo',
    message: 'Mensaje',
    method: 'Método',
    category: 'Categoría',
    score: 'Puntaje',
    count: 'Cantidad',
    label: 'Etiqueta',
    progress: 'Avance',
    dataAge: 'Antigüedad del dato (años)',
    actualToDate: 'Acumulado a la fecha',
    targetToDate: 'Meta a la fecha',
    lopTarget: 'Meta de vida del programa',
    percentOfLop: '% de la meta de vida del programa',
    windowActual: 'Real en el periodo de la meta',
    percentMet: '% cumplido',
    complete: 'Completo',
    missingPeriods: 'Periodos faltantes',
  },
  staleMarker: 'desactualizado',
  summary: {
    programme: 'Programa',
    programmeId: 'Id del programa',
    asOf: 'Fecha de corte',
    method: 'Método',
    statusCounts: 'Filas por estado',
    table: 'Indicadores',
    statusCountsBreakdowns: 'Totales y desagregaciones por estado',
    breakdowns: 'Desagregaciones',
    trend: 'Tendencia',
    breakdownCount: (n) => `${es_(n)} desagregaciones`,
    breakdownsNote: (max) =>
      `Un indicador sin total y con más de ${es_(max)} desagregaciones ocupa una fila: sus desagregaciones ` +
      'contadas por estado (cada desagregación está en la hoja del indicador).',
  },
  tracking: {
    title: 'Tabla de seguimiento del desempeño de los indicadores',
    periodLine: (start, end, asOf, reporting) =>
      `Periodo del programa ${start} a ${end}; fecha de corte ${asOf}; periodos de reporte ${reporting}`,
    reportingNames: { monthly: 'mensuales', quarterly: 'trimestrales', semiannual: 'semestrales', annual: 'anuales' },
    lifeOfProgramme: 'Vida del programa',
    notYetDue: 'aún no vence',
    noResult: 'Sin resultado vinculado',
    number: 'N.º',
    target: 'Meta',
    actual: 'Real',
    percentMet: '% cumplido',
    flaggedPeriods: 'Más de 10 % de la meta',
    explanation: 'Explicación',
    markers: { missed: '✗', under: '▼', over: '▲', incomplete: '*' },
    legend: {
      title: 'Clave',
      missed: '✗ meta no lograda',
      under: '▼ más de 10 % por debajo de la meta',
      over: '▲ más de 10 % por encima de la meta',
      incomplete: '* incompleto: no se reportaron todos los periodos',
      stale: 'desactualizado: el último valor es antiguo',
    },
    notes: [
      '% cumplido = real / meta (meta / real en los indicadores que deben disminuir). Un valor real que se ' +
        'aleja más de 10 % de su meta queda marcado; explíquelo en la última columna.',
      'Vida del programa: para un conteo que se suma en el tiempo, la meta de todo el programa y el acumulado ' +
        'a la fecha; para un nivel, la última meta y el último valor. La meta a la fecha es dónde debería estar ' +
        'el indicador en la fecha de su último valor; el avance = el cambio logrado / el cambio esperado para ' +
        'entonces, y decide el estado.',
    ],
    targetPeriodsOnly: (shown, all, where) =>
      `Columnas solo para los periodos de reporte con meta (${es_(shown)} de ${es_(all)}); todos los valores ` +
      `están en ${where}.`,
  },
  indicator: {
    definition: 'Definición',
    dataSources: 'Fuente de datos',
    computedFrom: (formula, inputs) => `Calculado como ${formula} a partir de ${inputs.join(', ')}`,
    assessment: 'Avance',
    targets: 'Línea de base, metas y resultados',
    derivation: 'Cálculo',
    outcome: 'Resultado de la meta',
    judgedByPeriod: 'Juzgada con (periodo)',
    judgedByValue: 'Juzgada con (valor)',
    smart: 'Revisión SMART',
    letter: 'Letra',
    finding: 'Hallazgo',
    references: 'Referencias',
    values: 'Valores',
    notes: 'Notas',
    statusBecause: (status, reason) => `${status}: ${reason}.`,
    targetNote: (period, reason) => `Meta ${period}: ${reason}.`,
    projection: (method, value, period, attainment) =>
      `Proyección ${method.toLowerCase()}: ${value} en ${period}; ` +
      `${attainment ? `alcanza la meta en ${attainment}` : 'no alcanza la meta'}.`,
    projectionNone: (method, period, reason) =>
      `Proyección ${method.toLowerCase()} a ${period}: ninguna${reason ? ` (${reason})` : ''}.`,
    methodVerdicts: 'Métodos publicados',
    inputsAt: (sheet) => `Los datos de cada método, para rehacer su cálculo, están en la hoja ${sheet}.`,
    everyValueAt: (where) => `Cada valor, con su fuente, archivo y línea, está en ${where}.`,
    breakdownCharts: 'Gráficos por desagregación',
    breakdownTable: (n) => `Desagregaciones: ${es_(n)}`,
    breakdownsByStatus: 'Desagregaciones por estado',
    categoryOf: (method) => `Categoría (${method})`,
    detailHeadline: (n) =>
      `Evaluación completa del total; cada una de las ${es_(n)} desagregaciones es una fila de la tabla de ` +
      'desagregaciones.',
    detailExample: (b, n) =>
      `Evaluación completa de la primera desagregación (${b}) como ejemplo; cada una de las ${es_(n)} ` +
      'desagregaciones es una fila de la tabla de desagregaciones.',
    valuesShown: (shown, all, where) =>
      `Se listan aquí ${es_(shown)} de los ${es_(all)} valores; todos están en ${where}.`,
    dataSheetAt: (sheet) => `la hoja ${sheet}`,
    dataFileAt: (file) => `${file}, junto a este libro`,
  },
  smart: {
    letter: 'Letra',
    letterStatus: 'Estado de la letra',
    findingStatus: 'Estado del hallazgo',
    finding: 'Hallazgo',
    concernsTarget: 'Meta a la que se refiere',
    summary: 'Resumen del programa: indicadores por letra y estado',
  },
  quality: {
    warnings: 'Advertencias',
    outliers: 'Valores atípicos (z o z modificado mayor que 3)',
    swings: 'Variaciones de más de 33 %',
    missingPeriods: 'Periodos faltantes',
    sourceComparisons: 'Comparación de fuentes',
    z: 'z',
    modifiedZ: 'z modificado',
    fromPeriod: 'Desde el periodo',
    fromValue: 'Valor inicial',
    toPeriod: 'Hasta el periodo',
    toValue: 'Valor final',
    change: 'Variación',
    expected: 'Periodos esperados',
    observed: 'Periodos observados',
    missingList: 'Faltantes',
    other: 'Otro indicador',
    otherValue: 'Valor del otro',
    difference: 'Diferencia',
    nearestPeriod: 'Periodo más cercano del otro',
    nearestValue: 'Valor más cercano del otro',
    sameValueIn: 'Mismo valor en otros periodos',
    moreRows: (n) => `... y ${es_(n)} más, que no se listan aquí.`,
    moreLessExtreme: (n) => `... y ${es_(n)} más, menos extremos, que no se listan aquí.`,
  },
  methodInputs: {
    intro:
      'Cada método publicado aplicado a cada indicador y desagregación, una fila por dato, para poder rehacer ' +
      'su cálculo (las fórmulas están en methods.md). El método elegido decide el estado; los demás sirven de ' +
      'comparación.',
    input: 'Dato',
    variable: 'Nombre en methods.md',
    more: (n) => `... y ${es_(n)} filas más, que no se listan aquí.`,
  },
  data: {
    everyRowInFile: (rows, max, file) =>
      `Los datos tienen ${es_(rows)} filas (indicador x desagregación x periodo), más de las que caben en esta ` +
      `hoja (${es_(max)}): todas están en ${file}, junto a este libro, con las columnas de abajo. Ábralo en ` +
      'Excel o cárguelo en una tabla dinámica con Datos > Desde el texto/CSV.',
    headlineRowsOnly: (rows) => `Abajo: solo las ${es_(rows)} filas de las series totales.`,
    noHeadlineRows: 'Abajo: ninguna fila, porque ningún indicador tiene una serie total.',
    headlineRowsTooMany: (rows) => `Abajo: ninguna fila, porque incluso las series totales tienen ${es_(rows)} filas.`,
  },
  moreResults: (n) =>
    `... y ${es_(n)} filas más, que no se listan aquí; todos los resultados están en assessment.json.`,
  page: { asOf: (p) => `Fecha de corte: ${p}`, pageOf: (p, n) => `Página ${p} de ${n}` },
  about: {
    engineVersion: 'Versión del motor',
    programmeFile: 'Archivo del programa',
    runTime: 'Fecha de ejecución (UTC)',
    programmeId: 'Id del programa',
    asOf: 'Fecha de corte',
    sources: 'Archivos de origen',
    sha256: 'SHA-256',
    methods: 'Métodos',
    methodDescriptions: {
      trajectory: (on, risk) =>
        'Razón de avance = (último valor - línea de base) / (esperado - línea de base), donde el esperado se ' +
        'lee en la recta que va de la línea de base a la meta, en la fecha del último valor. En camino desde ' +
        `${n(on, 'es')}, en riesgo desde ${n(risk, 'es')}, desviado desde 0, empeorando por debajo de 0; ` +
        'logrado al alcanzar la meta.',
      iptt: (margin) =>
        'IPTT de TolaData: % cumplido = real / meta (meta / real en un indicador que debe disminuir) en la ' +
        `última meta cuyo periodo terminó; en la meta dentro de ${pct(margin, 'es')} en torno al 100 %, por ` +
        'encima o por debajo fuera de ese margen.',
      'open-sdg': (t, p, base) =>
        'Open SDG de Estadística Canadá: con meta, la razón entre el crecimiento compuesto observado y el ' +
        `requerido desde ${base}: progreso sustancial desde ${n(t.high, 'es')}, moderado desde ` +
        `${n(t.med, 'es')}, limitado desde ${n(t.low, 'es')}, deterioro por debajo; sin meta, el propio ` +
        `crecimiento observado: sustancial desde ${pct(p.high, 'es')} al año, moderado desde ` +
        `${pct(p.med, 'es')}. Puntajes de 1 a 5.`,
      'unsd-2022': (t) =>
        'Gráfico de progreso ODS de la ONU 2022: CR = tasa de crecimiento anual compuesta real / requerida. En ' +
        `camino desde ${n(t.onTrack, 'es')}, progreso aceptable desde ${n(t.fair, 'es')}, progreso limitado o ` +
        `nulo desde ${n(t.limited, 'es')}, deterioro por debajo.`,
      'unsd-2023': (t) =>
        'Gráfico de progreso ODS de la ONU 2023: P = la proporción del cambio requerido que la tasa de ' +
        `crecimiento actual lograría en el año de la meta. En camino desde ${n(t.onTrack, 'es')}, progreso ` +
        `aceptable desde ${n(t.fair, 'es')}, estancamiento o retroceso por debajo.`,
      eurostat: (t, g) =>
        'Informe ODS de la UE de Eurostat: con meta, RR = tasa de crecimiento real / requerida: progreso ' +
        `significativo desde ${n(t.significant, 'es')}, moderado desde ${n(t.moderate, 'es')}, insuficiente ` +
        `desde 0, alejamiento por debajo; sin meta, la tasa de crecimiento frente a ${pct(g, 'es')} al año en ` +
        'uno u otro sentido.',
      aarr: (floor) =>
        'Tasa anual promedio de reducción (metas de nutrición de UNICEF/OMS): la TAPR actual frente a la que ' +
        `exige la meta; en curso cuando la alcanza, algún progreso desde ${pct(floor, 'es')} al año, sin ` +
        'progreso o empeorando por debajo.',
    },
    rules: 'Otras reglas',
    rule: 'Regla',
    outliers: (z) => `Un valor es atípico cuando su puntuación z o z modificada supera ${n(z, 'es')} (DHIS2).`,
    swings: (share) =>
      `Una variación es un cambio entre valores consecutivos de más de ${pct(share, 'es')} (revisión de ` +
      'calidad de datos de la OMS).',
    variance: (share) =>
      `Un valor real que se aleja más de ${pct(share, 'es')} de su meta se marca para que se explique (la ` +
      'convención de los donantes).',
    roundingRule: 'Regla de redondeo',
    rounding: (digits) =>
      `Los números se calculan en doble precisión y se guardan con ${digits} cifras significativas; el libro ` +
      'los muestra redondeados según sus formatos de número, y sus celdas conservan todas las cifras.',
  },
};

export const reportMessages: Record<Locale, ReportMessages> = { en, es };

/** A catalogue's entry for a key read from the user's files: its own keys only, never `constructor`. */
const ownEntry = (entries: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(entries, key) ? entries[key] : undefined;

/** The name of a status in the pack's language: on_track -> "On track" / "En camino". */
export function statusLabel(locale: Locale, status: Status): string {
  return reportMessages[locale].statuses[status];
}

/** A results-framework level: the common donor names translated, any other as written. */
export function levelLabel(locale: Locale, level: string | undefined): string {
  if (level === undefined) return '';
  const levels = reportMessages[locale].levels;
  const key = level.trim().toLowerCase();
  return ownEntry(levels, key) ?? level;
}

/** A method's published category name, or the category as the method wrote it. */
export function methodCategoryLabel(locale: Locale, category: string | null): string {
  if (category === null) return '';
  const categories = reportMessages[locale].methodCategories;
  return ownEntry(categories, category) ?? category;
}

/** A method's name as its publisher names it. */
export function methodLabel(locale: Locale, method: string): string {
  const names = reportMessages[locale].methodNames;
  return ownEntry(names, method) ?? method;
}

/** A key written as words: "reference_standard" -> "Reference standard". */
const humanise = (key: string) => {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A method input in words, or its name humanised. */
export function methodInputLabel(locale: Locale, key: string): string {
  const names = reportMessages[locale].methodInputNames;
  return ownEntry(names, key) ?? humanise(key);
}

/** A PIRS field of an indicator file in words, or its key humanised. */
export function pirsFieldLabel(locale: Locale, key: string): string {
  const names = reportMessages[locale].pirsFields;
  return ownEntry(names, key) ?? humanise(key);
}
