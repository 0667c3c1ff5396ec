import { describe, expect, it } from 'vitest';
import type { MethodInput, TimedValue } from '../../../src/assess/method-types.js';
import { methodInput, year } from './method-input.js';
import {
  eurostat,
  eurostatCategoryWithTarget,
  eurostatCategoryWithoutTarget,
} from '../../../src/assess/methods/eurostat.js';

const input = (
  observations: TimedValue[],
  target: TimedValue | undefined,
  over: Partial<MethodInput> = {},
): MethodInput =>
  methodInput(observations, target, { direction: 1, asOf: { period: '2022', time: 2022.5, endTime: 2023 }, ...over });

describe('eurostat: the vectors of methods.md', () => {
  it('70.1 (2015) -> 74.6 (2022) against 78 by 2030 has RR 1.2496: significant_progress', () => {
    const v = eurostat(input([year(2015, 70.1), year(2022, 74.6)], year(2030, 78)));
    expect(v.inputs.cagr_actual).toBeCloseTo((74.6 / 70.1) ** (1 / 7) - 1, 10);
    expect(v.inputs.cagr_required).toBeCloseTo((78 / 70.1) ** (1 / 15) - 1, 10);
    expect(v.inputs.rr).toBeCloseTo(1.2496, 4);
    expect(v.category).toBe('significant_progress');
  });
  it('no target: a desired decrease 20.0 (2017) -> 18.5 (2022) is +1.5471 % a year: significant_progress', () => {
    const v = eurostat(input([year(2017, 20), year(2022, 18.5)], undefined, { direction: -1 }));
    expect(v.inputs.cagr_actual).toBeCloseTo(-0.015471, 6);
    expect(v.inputs.growth).toBeCloseTo(0.015471, 6);
    expect(v.inputs.growth_percent).toBeCloseTo(1.5471, 4);
    expect(v.category).toBe('significant_progress');
  });
});

describe('eurostat: boundaries belong to the better class', () => {
  it('RR of exactly 0.95 is significant_progress', () =>
    expect(eurostatCategoryWithTarget(0.95)).toBe('significant_progress'));
  it('RR of exactly 0.60 is moderate_progress', () =>
    expect(eurostatCategoryWithTarget(0.6)).toBe('moderate_progress'));
  it('RR of exactly 0 is insufficient_progress', () =>
    expect(eurostatCategoryWithTarget(0)).toBe('insufficient_progress'));
  it('RR below 0 is movement_away', () => expect(eurostatCategoryWithTarget(-0.0001)).toBe('movement_away'));
  it('growth of exactly 1 % is significant_progress', () =>
    expect(eurostatCategoryWithoutTarget(0.01)).toBe('significant_progress'));
  it('growth of exactly 0 is moderate_progress', () =>
    expect(eurostatCategoryWithoutTarget(0)).toBe('moderate_progress'));
  it('growth just below 0 is moderate_movement_away', () =>
    expect(eurostatCategoryWithoutTarget(-0.0099)).toBe('moderate_movement_away'));
  it('growth of exactly -1 % is significant_movement_away', () =>
    expect(eurostatCategoryWithoutTarget(-0.01)).toBe('significant_movement_away'));
  it('an increase indicator that fell without a target is moving away', () => {
    const v = eurostat(input([year(2017, 20), year(2022, 18.5)], undefined));
    expect(v.inputs.growth).toBeCloseTo(-0.015471, 6);
    expect(v.category).toBe('significant_movement_away');
  });
});

describe('eurostat: refusals', () => {
  it('a zero baseline has no growth rate', () => {
    const v = eurostat(input([year(2015, 0), year(2022, 3)], undefined));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/positive baseline/);
  });
  it('no observation after the baseline', () => {
    const v = eurostat(input([year(2015, 70)], year(2030, 78)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/no data after the baseline/);
  });
  it('a baseline already at the target leaves no required growth', () => {
    const v = eurostat(input([year(2015, 78), year(2022, 80)], year(2030, 78)));
    expect(v.category).toBeNull();
    expect(v.inputs.rr).toBeNull();
  });
});
