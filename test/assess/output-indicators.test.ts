// FORMAT.md section 5 with numbers worked by hand: a monthly count of people trained by
// district and sex, quarterly targets, a breakdown target, a group target, an incomplete
// quarter and a life-of-programme target.
import { describe, expect, it } from 'vitest';
import type { AssessmentDocument, AssessmentResult } from '../../src/assess/assessment.js';
import { assessDir, writeProgramme } from '../helpers/programme.js';

// Per month: North/female 10, North/male 8, South/female 12, South/male 6 (36 in all),
// January to August 2024; South/male did not report May.
function trainedCsv(): string {
  const rows = ['indicator,period,district,sex,value'];
  const per = { 'North,female': 10, 'North,male': 8, 'South,female': 12, 'South,male': 6 };
  for (let month = 1; month <= 8; month++) {
    for (const [key, value] of Object.entries(per)) {
      if (key === 'South,male' && month === 5) continue;
      rows.push(`trained,2024-${String(month).padStart(2, '0')},${key},${value}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

const programme = (extra = '', extraTargets = '', aggregate = 'aggregate: sum\n') =>
  writeProgramme({
    'indicators/program.yaml': `program:
  id: t
  name: T
  period: { start: 2024, end: 2025 }
  reporting: quarterly
${extra}results: []
data:
  - { id: d, file: data/d.csv, disaggregations: [district, sex] }
`,
    'indicators/trained.yaml': `id: TRAINED
name: Alliance members trained
unit: number
direction: increase
frequency: monthly
accumulation: sum
${aggregate}series: { data: d, match: { indicator: trained } }
baseline: { period: 2023, value: 0 }
targets:
  - { period: 2024-Q1, value: 100 }
  - { period: 2024-Q2, value: 120 }
  - { period: 2024-Q3, value: 140 }
  - { period: 2024-Q4, value: 140 }
  - { period: 2024, value: 250, for: { sex: female } }
  - { period: 2024-Q2, value: 40, for: { district: North, sex: female } }
${extraTargets}lop_target: { total: 1000, by: [ { for: { district: North }, value: 500 } ] }
`,
    'data/d.csv': trainedCsv(),
  });

const find = (doc: AssessmentDocument, dims: Record<string, string>): AssessmentResult => {
  const key = JSON.stringify(Object.entries(dims).sort());
  const r = doc.results.find((x) => JSON.stringify(Object.entries(x.disaggregation).sort()) === key);
  if (!r) throw new Error(`no result for ${key}`);
  return r;
};

describe('a monthly flow by district and sex with quarterly targets (as of 2024-08)', async () => {
  const doc = await assessDir(programme(), { asOf: '2024-08' });
  const total = find(doc, {});

  it('sums every value reported since the programme started: the actual to date', () => {
    // 8 months x 36, less South/male's missing May (6)
    expect(total.actual_to_date).toBe(282);
    expect(total.latest).toEqual({ period: '2024-08', value: 282 });
  });

  it("judges each quarterly target on its window's sum, and says which quarter is incomplete", () => {
    const [q1, q2, q3, q4] = total.targets;
    expect(q1).toMatchObject({ period: '2024-Q1', window_actual: 108, outcome: 'achieved', complete: true });
    expect(q1!.percent_met).toBe(1.08);
    // April 36 + May 30 (South/male missing) + June 36 = 102 of 120
    expect(q2).toMatchObject({
      period: '2024-Q2',
      window_actual: 102,
      outcome: 'missed',
      percent_met: 0.85,
      complete: false,
      missing: ['2024-05'],
      missing_breakdowns: { '2024-05': ['South / male'] },
    });
    expect(q3).toMatchObject({ period: '2024-Q3', window_actual: 72, outcome: 'not_due', complete: false });
    expect(q4).toMatchObject({ period: '2024-Q4', window_actual: null, outcome: 'not_due' });
    expect(total.notes.join(' ')).toMatch(/target 2024-Q2: the window is incomplete, without 2024-05/);
  });

  it('compares the actual to date with the cumulative target path, and the LOP target', () => {
    // Q1 100 + Q2 120 + 62 of Q3's 92 days of 140 (the LOP's extra 500 falls in 2025)
    const targetToDate = 100 + 120 + (140 * 62) / 92;
    expect(total.target_to_date).toBeCloseTo(targetToDate, 9);
    expect(total.expected).toBe(total.target_to_date);
    expect(total.progress_ratio).toBeCloseTo(282 / targetToDate, 9); // 0.897
    expect(total.status).toBe('on_track');
    expect(total.lop_target).toBe(1000);
    expect(total.percent_of_lop).toBe(0.282);
    expect(total.data_age).toBe(0);
    expect(total.stale).toBe(false);
  });

  it("notes that the running total's own projection misses the LOP target at the programme's end", () => {
    expect(total.projection?.period).toBe('2025');
    expect(total.projection?.value).toBeLessThan(1000);
    expect(total.notes.join(' ')).toMatch(
      /on track, but its own linear projection reaches .* by 2025, which misses the target \(1,000\)/,
    );
  });

  it("gives a count's breakdowns no target of their own unless one names them, and shows their actuals", () => {
    const northMale = find(doc, { district: 'North', sex: 'male' });
    expect(northMale.status).toBe('no_target');
    expect(northMale.actual_to_date).toBe(64);
    expect(northMale.targets).toEqual([]);
    expect(northMale.reason).toMatch(/set for the total only/);
    // South/male has no baseline in the data: still counted
    const southMale = find(doc, { district: 'South', sex: 'male' });
    expect(southMale.actual_to_date).toBe(42);
  });

  it('judges a target naming a breakdown on that breakdown', () => {
    const northFemale = find(doc, { district: 'North', sex: 'female' });
    expect(northFemale.targets).toHaveLength(1);
    expect(northFemale.targets[0]).toMatchObject({
      period: '2024-Q2',
      value: 40,
      window_actual: 30,
      outcome: 'missed',
    });
    expect(northFemale.targets[0]!.percent_met).toBe(0.75);
    // its LOP is its one target, 40; 80 trained by August reach it
    expect(northFemale.lop_target).toBe(40);
    expect(northFemale.status).toBe('achieved');
  });

  it('builds the total of a group a target names by some columns (sex: female) and judges it as a result', () => {
    const female = find(doc, { sex: 'female' });
    expect(female.actual_to_date).toBe(176); // (10 + 12) x 8
    expect(female.targets[0]).toMatchObject({ period: '2024', value: 250, window_actual: 176, outcome: 'not_due' });
    // 250 over 2024: 244 of its 366 days have passed by the end of August
    expect(female.target_to_date).toBeCloseTo((250 * 244) / 366, 9);
    expect(female.progress_ratio).toBeCloseTo(176 / ((250 * 244) / 366), 9);
    expect(female.status).toBe('on_track');
  });

  it("takes a group's LOP target from `lop_target.by`, spread over the programme period", () => {
    const north = find(doc, { district: 'North' });
    expect(north.lop_target).toBe(500);
    expect(north.actual_to_date).toBe(144); // 18 x 8
    // 500 over 2024-2025: two thirds of 2024 is a third of the programme
    expect(north.target_to_date).toBeCloseTo(500 / 3, 6);
    expect(north.status).toBe('on_track');
    expect(north.percent_of_lop).toBe(0.288);
  });

  it('lays the figures out by reporting period (quarters up to the one in progress)', () => {
    expect(doc.reporting?.periods.map((p) => [p.period, p.ended])).toEqual([
      ['2024-Q1', true],
      ['2024-Q2', true],
      ['2024-Q3', false],
    ]);
    expect(total.reporting_periods).toEqual([
      { period: '2024-Q1', target: 100, actual: 108, percent_met: 1.08, complete: true },
      { period: '2024-Q2', target: 120, actual: 102, percent_met: 0.85, complete: false, missing: ['2024-05'] },
      { period: '2024-Q3', target: 140, actual: 72, percent_met: 0.514285714286, complete: false },
    ]);
  });
});

describe('status `missed` and the end of the programme', () => {
  it('a flow is missed once every target window has ended short of the LOP target', async () => {
    const doc = await assessDir(programme(), { asOf: '2025-12' });
    const total = find(doc, {});
    expect(total.status).toBe('missed');
    expect(total.reason).toMatch(/falls short of the life-of-programme target \(1,000\)/);
    // stale: the latest value (2024-08) is 16 months old, more than two monthly steps
    expect(total.stale).toBe(true);
    expect(total.data_age).toBe(1.33);
  });
});

describe('a target for a breakdown the data does not have', () => {
  it('is said in a note on the total, and judges nothing', async () => {
    const doc = await assessDir(
      programme('', '  - { period: 2024, value: 5, for: { district: East, sex: female } }\n'),
      {
        asOf: '2024-08',
      },
    );
    expect(find(doc, {}).notes).toContain(
      'the target 2024 for district=East, sex=female matches no breakdown of the data',
    );
    expect(doc.results.some((r) => r.disaggregation.district === 'East')).toBe(false);
  });
});

describe('a group target without an `aggregate:` rule', () => {
  it('gives the group a result that says its total cannot be built', async () => {
    const doc = await assessDir(programme('', '', ''), { asOf: '2024-08' });
    const female = find(doc, { sex: 'female' });
    expect(female.status).toBe('no_data');
    expect(female.reason).toMatch(/cannot be built from its breakdowns/);
  });
});
