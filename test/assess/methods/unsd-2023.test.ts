import { describe, expect, it } from 'vitest';
import type { MethodInput, TimedValue } from '../../../src/assess/method-types.js';
import { methodInput, year } from './method-input.js';
import { unsd2023, unsd2023Category } from '../../../src/assess/methods/unsd-2023.js';

const input = (
  observations: TimedValue[],
  target: TimedValue | undefined,
  over: Partial<MethodInput> = {},
): MethodInput => methodInput(observations, target, { asOf: { period: '2021', time: 2021.5, endTime: 2022 }, ...over });

describe('unsd-2023: the vectors of methods.md', () => {
  it('43 -> 37 (2015 -> 2020) projects 27.394808 in 2030 against 25: P 0.866955, fair_progress', () => {
    const v = unsd2023(input([year(2015, 43), year(2020, 37)], year(2030, 25)));
    expect(v.inputs.value_target_year_estimate).toBeCloseTo(27.394808, 5);
    expect(v.inputs.p).toBeCloseTo(0.866955, 5);
    expect(v.category).toBe('fair_progress');
  });
  it('60 -> 66 (2015 -> 2021) projects 76.143522 in 2030 against 100: P 0.403588, fair_progress', () => {
    const v = unsd2023(input([year(2015, 60), year(2021, 66)], year(2030, 100), { direction: 1 }));
    expect(v.inputs.cagr_actual).toBeCloseTo((66 / 60) ** (1 / 6) - 1, 10);
    expect(v.inputs.value_target_year_estimate).toBeCloseTo(76.143522, 5);
    expect(v.inputs.p).toBeCloseTo(0.403588, 5);
    expect(v.category).toBe('fair_progress');
    expect(v.inputs).toMatchObject({
      baseline_value: 60,
      latest_value: 66,
      target_value: 100,
      baseline_time: 2015.5,
      latest_time: 2021.5,
      target_time: 2030.5,
    });
  });
});

describe('unsd-2023: boundaries belong to the better class', () => {
  it('P of exactly 0.95 is on_track', () => expect(unsd2023Category(0.95)).toBe('on_track'));
  it('P just under 0.95 is fair_progress', () => expect(unsd2023Category(0.9499)).toBe('fair_progress'));
  it('P of exactly 0.10 is fair_progress', () => expect(unsd2023Category(0.1)).toBe('fair_progress'));
  it('P just under 0.10 is stagnation_or_regression', () =>
    expect(unsd2023Category(0.0999)).toBe('stagnation_or_regression'));
  it('a series moving away from its target is stagnation_or_regression', () => {
    const v = unsd2023(input([year(2015, 43), year(2020, 45)], year(2030, 25)));
    expect(v.inputs.p as number).toBeLessThan(0);
    expect(v.category).toBe('stagnation_or_regression');
  });
});

describe('unsd-2023: target met and refusals', () => {
  it('a latest value exactly at the target is target_met', () => {
    expect(unsd2023(input([year(2015, 43), year(2020, 25)], year(2030, 25))).category).toBe('target_met');
  });
  it('no target: no verdict, and it says why', () => {
    const v = unsd2023(input([year(2015, 43), year(2020, 37)], undefined));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/no target/);
  });
  it('a zero baseline: no verdict', () => {
    const v = unsd2023(input([year(2015, 0), year(2020, 5)], year(2030, 10), { direction: 1 }));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/positive baseline/);
  });
  it('a target equal to the baseline value (met at the baseline) is refused rather than divided by zero', () => {
    const v = unsd2023(input([year(2015, 25), year(2020, 30)], year(2030, 25)));
    expect(v.category).toBeNull();
    expect(v.inputs.p).toBeNull();
  });
});
