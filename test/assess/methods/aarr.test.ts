import { describe, expect, it } from 'vitest';
import { methodInput, year } from './method-input.js';
import { aarr, aarrCategory } from '../../../src/assess/methods/aarr.js';

const input = methodInput;

describe('aarr: the vector of methods.md', () => {
  it('stunting 30 % (2012) -> 25 % (2020): 2.25325 %/yr; a 40 % cut by 2025 needs 3.85323 %: some_progress', () => {
    const v = aarr(input([year(2012, 30), year(2020, 25)], year(2025, 18)));
    expect(v.inputs.formula).toBe('two_points');
    expect(v.inputs.aarr).toBeCloseTo(0.0225325, 6);
    expect(v.inputs.required_aarr).toBeCloseTo(0.0385323, 6);
    expect(v.category).toBe('some_progress');
    expect(v.inputs).toMatchObject({
      baseline_value: 30,
      latest_value: 25,
      target_value: 18,
      baseline_time: 2012.5,
      latest_time: 2020.5,
      target_time: 2025.5,
    });
  });
});

describe('aarr: several points use the regression of ln(P) on t', () => {
  it('a steady 3 % fall a year over four points gives an AARR of 3 %', () => {
    const obs = [0, 1, 2, 3].map((i) => year(2016 + i, 40 * 0.97 ** i));
    const v = aarr(input(obs, year(2025, 20)));
    expect(v.inputs.formula).toBe('regression');
    expect(v.inputs.points).toBe(4);
    expect(v.inputs.aarr).toBeCloseTo(0.03, 10);
  });
  it('a baseline from the indicator file joins the observations after it, older ones are left out', () => {
    const obs = [year(2010, 90), year(2017, 40 * 0.97), year(2018, 40 * 0.97 ** 2)];
    const v = aarr(input(obs, year(2025, 20), { baseline: year(2016, 40) }));
    expect(v.inputs.points).toBe(3);
    expect(v.inputs.aarr).toBeCloseTo(0.03, 10);
  });
});

describe('aarr: boundaries belong to the better class', () => {
  it('an AARR equal to the required one is on_course', () => expect(aarrCategory(0.0385, 0.0385)).toBe('on_course'));
  it('an AARR of exactly 0.5 % below the required is some_progress', () =>
    expect(aarrCategory(0.005, 0.03)).toBe('some_progress'));
  it('an AARR just under 0.5 % is no_progress_or_worsening', () =>
    expect(aarrCategory(0.0049, 0.03)).toBe('no_progress_or_worsening'));
  it('a rising prevalence is no_progress_or_worsening', () => {
    expect(aarr(input([year(2012, 30), year(2020, 32)], year(2025, 18))).category).toBe('no_progress_or_worsening');
  });
});

describe('aarr: refusals', () => {
  it('an indicator that should increase has no rate of reduction', () => {
    const v = aarr(input([year(2012, 30), year(2020, 35)], year(2025, 40), { direction: 1 }));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/only applies to indicators that should decrease/);
  });
  it('a zero value among several points has no logarithm', () => {
    const v = aarr(input([year(2012, 30), year(2016, 0), year(2020, 25)], year(2025, 18)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/0 or negative/);
  });
  it('no target: the AARR is reported, the category is not', () => {
    const v = aarr(input([year(2012, 30), year(2020, 25)], undefined));
    expect(v.category).toBeNull();
    expect(v.inputs.aarr).toBeCloseTo(0.0225325, 6);
    expect(v.reason).toMatch(/no target/);
  });
  it('a single observation (the baseline) has no rate', () => {
    const v = aarr(input([year(2012, 30)], year(2025, 18)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/no data after the baseline/);
  });
});
