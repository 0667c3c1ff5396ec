import { describe, expect, it } from 'vitest';
import type { MethodInput, TimedValue } from '../../../src/assess/method-types.js';
import { iptt, ipttCategory } from '../../../src/assess/methods/iptt.js';

const year = (y: number, value: number): TimedValue => ({ period: String(y), time: y + 0.5, firstYear: y, value });

/** Annual targets and results from 2021 on, baseline 2020, reported as of 2023. */
function input(targets: number[], actuals: number[], over: Partial<MethodInput> = {}): MethodInput {
  const ts = targets.map((v, i) => year(2021 + i, v));
  return {
    direction: 1,
    unit: 'number',
    accumulation: 'sum',
    observations: actuals.map((v, i) => year(2021 + i, v)),
    baseline: year(2020, 0),
    target: ts.at(-1),
    targets: ts,
    asOf: { period: '2023', time: 2023.5, endTime: 2024 },
    targetEndTimes: ts.map((t) => t.firstYear + 1),
    stepYears: 1,
    bands: { onTrack: 0.85, atRisk: 0.6 },
    ...over,
  };
}

describe('iptt: the vectors of methods.md', () => {
  it('summed targets 100, 100, 100 against results 80, 95, 120 are 98.333 % met: on_target', () => {
    const v = iptt(input([100, 100, 100], [80, 95, 120]));
    expect(v.inputs.actual_to_date).toBe(295);
    expect(v.inputs.target_to_date).toBe(300);
    expect(v.inputs.percent_met).toBeCloseTo(0.983333, 5);
    expect(v.category).toBe('on_target');
    expect(v.inputs.good).toBe(true);
  });
  it('cumulative targets 100, 200, 300 against 90, 190, 260 compare the latest: 260 / 300 = 0.86667, on_target', () => {
    const v = iptt(input([100, 200, 300], [90, 190, 260], { accumulation: 'cumulative' }));
    expect(v.inputs.actual_to_date).toBe(260);
    expect(v.inputs.target_to_date).toBe(300);
    expect(v.inputs.percent_met).toBeCloseTo(0.866667, 5);
    expect(v.category).toBe('on_target');
  });
  it('a percentage compares its latest value: 62 against 70 is 0.88571, on_target, even when declared as a sum', () => {
    const v = iptt(input([65, 70], [60, 62], { unit: 'percent' }));
    expect(v.inputs.aggregation).toBe('latest');
    expect(v.inputs.percent_met).toBeCloseTo(0.885714, 5);
    expect(v.category).toBe('on_target');
  });
});

describe('iptt: only completed target periods count', () => {
  it('a target period still running by as-of is left out of the sums, and so are its results', () => {
    // As of 2022: the 2023 target and result are not counted.
    const v = iptt(input([100, 100, 100], [80, 95, 120], { asOf: { period: '2022', time: 2022.5, endTime: 2023 } }));
    expect(v.inputs.completed_targets).toBe(2);
    expect(v.inputs.actual_to_date).toBe(175);
    expect(v.inputs.target_to_date).toBe(200);
  });
  it('the latest completed target is the one a level indicator is compared with', () => {
    const v = iptt(
      input([50, 60, 70], [52, 58], { accumulation: 'level', asOf: { period: '2022', time: 2022.5, endTime: 2023 } }),
    );
    expect(v.inputs.target_to_date).toBe(60);
    expect(v.inputs.actual_to_date).toBe(58);
  });
  it('results before or at the baseline are not summed', () => {
    const v = iptt(
      input([100, 100, 100], [80, 95, 120], {
        observations: [year(2020, 500), year(2021, 80), year(2022, 95), year(2023, 120)],
      }),
    );
    expect(v.inputs.actual_to_date).toBe(295);
  });
  it('no completed target yet: no verdict, and it says why', () => {
    const v = iptt(input([100], [30], { asOf: { period: '2021-Q2', time: 2021.375, endTime: 2021.5 } }));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/No target period has ended/);
  });
});

describe('iptt: the 15 % margin, boundaries included', () => {
  it('exactly 85 % met is on_target', () => expect(ipttCategory(0.85, 1).category).toBe('on_target'));
  it('exactly 115 % met is on_target', () => expect(ipttCategory(1.15, 1).category).toBe('on_target'));
  it('just under 85 % is below_target, which is bad for an increase', () =>
    expect(ipttCategory(0.8499, 1)).toEqual({ category: 'below_target', good: false }));
  it('just over 115 % is above_target, which is good for an increase', () =>
    expect(ipttCategory(1.1501, 1)).toEqual({ category: 'above_target', good: true }));
  it('85 of a 100 target from sums lands on the boundary: on_target', () => {
    expect(iptt(input([100], [85])).category).toBe('on_target');
  });
});

describe('iptt: decrease indicators (TolaData shows target / actual)', () => {
  it('a decrease to 50 against a target of 40 is 80 % met: the actual is above its target, which is bad', () => {
    const v = iptt(input([40], [50], { direction: -1, accumulation: 'level' }));
    expect(v.inputs.percent_met).toBeCloseTo(0.8, 6);
    expect(v.category).toBe('above_target');
    expect(v.inputs.good).toBe(false);
  });
  it('a decrease to 30 against a target of 40 is 133 % met: the actual is below its target, which is good', () => {
    const v = iptt(input([40], [30], { direction: -1, accumulation: 'level' }));
    expect(v.inputs.percent_met).toBeCloseTo(1.333333, 5);
    expect(v.category).toBe('below_target');
    expect(v.inputs.good).toBe(true);
  });
});

describe('iptt: divisions by zero', () => {
  it('a target to date of 0 gives no verdict', () => {
    const v = iptt(input([0, 0], [5, 5]));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/target to date is 0/);
  });
  it('a decrease whose actual reached 0 gives no verdict (target / 0)', () => {
    const v = iptt(input([10], [0], { direction: -1, accumulation: 'level' }));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/actual to date is 0/);
  });
  it('no result reported in the completed periods gives no verdict', () => {
    const v = iptt(input([100, 100], []));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/No result was reported/);
  });
});
