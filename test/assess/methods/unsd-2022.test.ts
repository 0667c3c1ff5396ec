import { describe, expect, it } from 'vitest';
import { methodInput, year } from './method-input.js';
import { unsd2022, unsd2022Category } from '../../../src/assess/methods/unsd-2022.js';

const input = methodInput;

describe('unsd-2022: the vector of methods.md', () => {
  it('a 43 -> 37 fall (2015 -> 2020) against a 25 target by 2030 is fair_progress (CR 0.8338)', () => {
    const v = unsd2022(input([year(2015, 43), year(2020, 37)], year(2030, 25)));
    expect(v.inputs.cagr_actual).toBeCloseTo(-0.0296092, 6);
    expect(v.inputs.cagr_required).toBeCloseTo(-0.0355092, 6);
    expect(v.inputs.cr).toBeCloseTo(0.8338477, 6);
    expect(v.category).toBe('fair_progress');
    expect(v.inputs).toMatchObject({
      baseline_value: 43,
      baseline_time: 2015.5,
      latest_value: 37,
      latest_time: 2020.5,
      target_value: 25,
      target_time: 2030.5,
    });
  });
});

describe('unsd-2022: boundaries belong to the better class', () => {
  it('CR of exactly 0.95 is on_track', () => expect(unsd2022Category(0.95)).toBe('on_track'));
  it('CR just under 0.95 is fair_progress', () => expect(unsd2022Category(0.9499)).toBe('fair_progress'));
  it('CR of exactly 0.5 is fair_progress', () => expect(unsd2022Category(0.5)).toBe('fair_progress'));
  it('CR of exactly -0.1 is limited_or_no_progress', () =>
    expect(unsd2022Category(-0.1)).toBe('limited_or_no_progress'));
  it('CR below -0.1 is deterioration', () => expect(unsd2022Category(-0.1001)).toBe('deterioration'));
  it('an increase that grows as fast as required is on_track', () => {
    // 100 -> 121 in 2 years (10 %/yr) against 100 -> 161.051 in 5 years (10 %/yr): CR 1.
    const v = unsd2022(input([year(2015, 100), year(2017, 121)], year(2020, 161.051), { direction: 1 }));
    expect(v.inputs.cr).toBeCloseTo(1, 8);
    expect(v.category).toBe('on_track');
  });
});

describe('unsd-2022: target achieved is strict', () => {
  it('a latest value below a decrease target is target_achieved', () => {
    expect(unsd2022(input([year(2015, 43), year(2020, 24.9)], year(2030, 25))).category).toBe('target_achieved');
  });
  it('a latest value exactly at the target is not yet target_achieved: CR decides', () => {
    const v = unsd2022(input([year(2015, 43), year(2025, 25)], year(2030, 25)));
    expect(v.category).toBe('on_track');
    expect(v.inputs.cr).toBeGreaterThan(1);
  });
});

describe('unsd-2022: when it cannot judge, it says why', () => {
  it('no target', () => {
    const v = unsd2022(input([year(2015, 43), year(2020, 37)], undefined));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/no target/);
  });
  it('a baseline of 0 has no growth rate', () => {
    const v = unsd2022(input([year(2015, 0), year(2020, 5)], year(2030, 10), { direction: 1 }));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/positive baseline/);
  });
  it('a negative baseline has no growth rate', () => {
    expect(unsd2022(input([year(2015, -3), year(2020, 5)], year(2030, 10), { direction: 1 })).category).toBeNull();
  });
  it('a latest value dated at the baseline', () => {
    const v = unsd2022(input([year(2015, 43)], year(2030, 25)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/no data after the baseline/);
  });
  it('a baseline already beyond the target', () => {
    const v = unsd2022(input([year(2015, 20), year(2020, 30)], year(2030, 25)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/already meets the target/);
  });
  it('a target dated at the baseline', () => {
    const v = unsd2022(input([year(2015, 43), year(2020, 37)], year(2015, 25)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/at or before the baseline/);
  });
});
