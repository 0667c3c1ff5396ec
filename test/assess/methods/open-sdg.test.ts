import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodVerdict, TimedValue } from '../../../src/assess/method-types.js';
import {
  aggregateOpenSdg,
  naturalLimitCoefficient,
  openSdg,
  openSdgStatus,
  scoreMethod1,
  scoreMethod2,
} from '../../../src/assess/methods/open-sdg.js';

const year = (y: number, value: number): TimedValue => ({ period: String(y), time: y + 0.5, firstYear: y, value });

function input(
  observations: TimedValue[],
  target: TimedValue | undefined,
  over: Partial<MethodInput> = {},
): MethodInput {
  return {
    direction: -1,
    unit: 'number',
    accumulation: 'level',
    observations,
    baseline: observations[0]!,
    target,
    targets: target ? [target] : [],
    asOf: { period: '2021', time: 2021.5, endTime: 2022 },
    targetEndTimes: target ? [target.firstYear + 1] : [],
    stepYears: 1,
    bands: { onTrack: 0.85, atRisk: 0.6 },
    ...over,
  };
}

describe('open-sdg: the vectors of methods.md', () => {
  it('a decrease 1.55 (2015) -> 1.82 (2019) vs a 0 target (read 0.001) by 2030: deterioration, score -2.9408', () => {
    const v = openSdg(input([year(2015, 1.55), year(2017, 1.7), year(2019, 1.82)], year(2030, 0)));
    expect(v.inputs.cagr_observed).toBeCloseTo(0.0409621, 6);
    expect(v.inputs.cagr_required).toBeCloseTo(-0.3872106, 6);
    expect(v.inputs.ratio).toBeCloseTo(-0.1057877, 6);
    expect(v.category).toBe('deterioration');
    expect(v.score).toBeCloseTo(-2.9408, 4);
    expect(v.inputs.score).toBeCloseTo(-2.9408, 4);
    expect(v.inputs).toMatchObject({
      method: 2,
      base_year: 2015,
      base_value: 1.55,
      current_year: 2019,
      current_value: 1.82,
      target_value: 0.001,
      target_value_given: 0,
      target_year: 2030,
      sign: 1,
    });
    expect(v.reason).toMatch(/target is 0/);
  });
  it('a decrease without target going 100 (2020) -> 120 (2021) has P = -0.2: deterioration, score -5', () => {
    const v = openSdg(input([year(2020, 100), year(2021, 120)], undefined));
    expect(v.inputs.progress_value).toBeCloseTo(-0.2, 6);
    expect(v.category).toBe('deterioration');
    expect(v.score).toBeCloseTo(-5, 6);
  });
  it('a natural limit of 100 with a base of 95 gives the coefficient C = 0.2036705', () => {
    expect(naturalLimitCoefficient(95, 100)).toBeCloseTo(0.2036705, 6);
  });
});

describe('open-sdg: base year', () => {
  it('uses 2015 when there is a value for it, even if the indicator file has another baseline', () => {
    const v = openSdg(
      input([year(2012, 3), year(2015, 2), year(2020, 1)], year(2030, 0.5), { baseline: year(2012, 3) }),
    );
    expect(v.inputs.base_year).toBe(2015);
    expect(v.inputs.base_value).toBe(2);
  });
  it('moves to the first later year when the base year has no value, and says so', () => {
    const v = openSdg(input([year(2013, 3), year(2016, 2), year(2020, 1)], year(2030, 0.5)));
    expect(v.inputs.base_year).toBe(2016);
    expect(v.reason).toMatch(/no value for 2015/);
  });
  it('takes the configured base year', () => {
    const v = openSdg(input([year(2015, 3), year(2018, 2), year(2020, 1)], year(2030, 0.5), { openSdgBaseYear: 2018 }));
    expect(v.inputs.base_year).toBe(2018);
  });
  it('counts a survey round 2015-16 as 2015', () => {
    const round: TimedValue = { period: '2015-2016', time: 2016, firstYear: 2015, value: 40 };
    const v = openSdg(input([round, year(2020, 35)], year(2030, 20)));
    expect(v.inputs.base_year).toBe(2015);
    expect(v.inputs.cagr_observed).toBeCloseTo((35 / 40) ** (1 / 5) - 1, 10);
  });
  it('has no verdict when every value is older than the base year', () => {
    const v = openSdg(input([year(2010, 3), year(2012, 2)], year(2030, 1)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/in or after its base year 2015/);
  });
  it('needs two different years from the base year on', () => {
    const v = openSdg(input([year(2012, 5), year(2016, 4)], year(2030, 1)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/two different years/);
  });
});

describe('open-sdg: method 2 (a target)', () => {
  it('a latest value at the target is target_achieved with score 5, even with one year of data', () => {
    const v = openSdg(input([year(2016, 10)], year(2030, 10)));
    expect(v.category).toBe('target_achieved');
    expect(v.score).toBe(5);
  });
  it('an increase growing 9.6 % a year where 10 % is required has R = 0.96: substantial_progress', () => {
    const v = openSdg(input([year(2015, 100), year(2016, 109.6)], year(2017, 121), { direction: 1 }));
    expect(v.inputs.cagr_observed).toBeCloseTo(0.096, 10);
    expect(v.inputs.cagr_required).toBeCloseTo(0.1, 10);
    expect(v.inputs.ratio).toBeCloseTo(0.96, 10);
    expect(v.category).toBe('substantial_progress');
    expect(v.score).toBeCloseTo(7.1429 * 0.96 - 4.2857, 8);
  });
  it('the score of method 2 is capped at 5 and floored at -5', () => {
    expect(scoreMethod2(2)).toBe(5);
    expect(scoreMethod2(-3)).toBe(-5);
    expect(scoreMethod2(0.6)).toBeCloseTo(7.1429 * 0.6 - 4.2857, 10);
    expect(scoreMethod2(0.5999)).toBeCloseTo(4.1667 * 0.5999 - 2.5, 10);
  });
  it('a negative series falling towards a more negative target uses s = -1', () => {
    // -10 -> -12 in 4 years, target -20 by 2030, lower is better (d = -1).
    const v = openSdg(input([year(2015, -10), year(2019, -12)], year(2030, -20)));
    expect(v.inputs.sign).toBe(-1);
    // CAGR_o > 0 (magnitude grows), s * d = +1: moving in the desired direction.
    expect(v.inputs.ratio as number).toBeGreaterThan(0);
  });
  it('a base and a current value of opposite signs give no verdict', () => {
    const v = openSdg(input([year(2015, 2), year(2019, -1)], year(2030, -5)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/opposite signs/);
  });
  it('a base of 0 is read as 0.001, and it says so', () => {
    const v = openSdg(input([year(2015, 0), year(2019, 5)], year(2030, 10), { direction: 1 }));
    expect(v.inputs.base_value).toBe(0.001);
    expect(v.inputs.base_value_observed).toBe(0);
    expect(v.reason).toMatch(/base value is 0/);
    expect(Number.isFinite(v.score)).toBe(true);
  });
  it('a target equal to the base gives no verdict instead of dividing by zero', () => {
    const v = openSdg(input([year(2015, 10), year(2019, 12)], year(2030, 10)));
    expect(v.category).toBeNull();
    expect(v.score).toBeUndefined();
  });
});

describe('open-sdg: method 1 (no target)', () => {
  const increase = (from: number, to: number, over: Partial<MethodInput> = {}) =>
    openSdg(input([year(2015, from), year(2016, to)], undefined, { direction: 1, ...over }));

  it('growth of 1.6 % a year is substantial_progress, score 500 P - 5 = 3', () => {
    const v = increase(1000, 1016);
    expect(v.inputs.progress_value).toBeCloseTo(0.016, 12);
    expect(v.category).toBe('substantial_progress');
    expect(v.score).toBeCloseTo(3, 6);
  });
  it('thresholds of exactly 1.5 %, 0.5 % and 0 belong to the better class', () => {
    const t = { high: 0.015, med: 0.005, low: 0 };
    expect(openSdgStatus(0.015, t)).toBe('substantial_progress');
    expect(openSdgStatus(0.005, t)).toBe('moderate_progress');
    expect(openSdgStatus(0, t)).toBe('limited_progress');
    expect(openSdgStatus(-1e-12, t)).toBe('deterioration');
  });
  it('ratios of exactly 0.95, 0.6 and 0 belong to the better class', () => {
    const t = { high: 0.95, med: 0.6, low: 0 };
    expect(openSdgStatus(0.95, t)).toBe('substantial_progress');
    expect(openSdgStatus(0.6, t)).toBe('moderate_progress');
    expect(openSdgStatus(0, t)).toBe('limited_progress');
  });
  it('growth of 1 % a year is moderate_progress, score 250 P - 1.25 = 1.25', () => {
    const v = increase(100, 101);
    expect(v.category).toBe('moderate_progress');
    expect(v.score).toBeCloseTo(1.25, 6);
  });
  it('growth of 0.2 % a year is limited_progress, score 500 P - 2.5 = -1.5', () => {
    const v = increase(1000, 1002);
    expect(v.category).toBe('limited_progress');
    expect(v.score).toBeCloseTo(-1.5, 6);
  });
  it('no change at all is limited_progress (0 belongs to limited), score -2.5', () => {
    const v = increase(100, 100);
    expect(v.category).toBe('limited_progress');
    expect(v.score).toBeCloseTo(-2.5, 10);
  });
  it('a natural limit lowers the thresholds: 0.5 % a year near the limit is substantial', () => {
    // Base 95, limit 100: C = 0.2037, high threshold 0.3055 %.
    const v = increase(95, 95 * 1.005, { naturalLimit: 100 });
    expect(v.inputs.coefficient).toBeCloseTo(0.2036705, 6);
    expect(v.inputs.threshold_high).toBeCloseTo(0.015 * 0.2036705, 8);
    expect(v.category).toBe('substantial_progress');
    expect(v.score).toBe(5);
  });
  it('a base sitting on the limit (C = 0) with no decline scores 5', () => {
    expect(naturalLimitCoefficient(100, 100)).toBe(0);
    expect(scoreMethod1(0, 0, { high: 0, med: 0, low: 0 })).toBe(5);
    const v = increase(100, 100, { naturalLimit: 100 });
    expect(v.category).toBe('substantial_progress');
    expect(v.score).toBe(5);
  });
  it('a base more than twice the limit keeps C = 1; a zero base and zero limit too', () => {
    expect(naturalLimitCoefficient(250, 100)).toBe(1);
    expect(naturalLimitCoefficient(0, 0)).toBe(1);
    expect(naturalLimitCoefficient(150, 100)).toBeCloseTo(1 - 0.5 ** 4.44, 12);
  });
});

describe('aggregateOpenSdg: several series of one indicator', () => {
  const scored = (category: string, score: number): MethodVerdict => ({
    method: 'open-sdg',
    category,
    score,
    inputs: {},
  });

  it('takes the mean score: 3 and 1 average 2.0, moderate_progress', () => {
    const a = aggregateOpenSdg([scored('substantial_progress', 3), scored('limited_progress', 1)]);
    expect(a.score).toBeCloseTo(2, 10);
    expect(a.category).toBe('moderate_progress');
  });
  it('a mean of exactly 2.5 is substantial, exactly 0 moderate, exactly -2.5 limited', () => {
    expect(aggregateOpenSdg([scored('x', 2.5)]).category).toBe('substantial_progress');
    expect(aggregateOpenSdg([scored('x', 0)]).category).toBe('moderate_progress');
    expect(aggregateOpenSdg([scored('x', -2.5)]).category).toBe('limited_progress');
    expect(aggregateOpenSdg([scored('x', -2.6)]).category).toBe('deterioration');
  });
  it('is target_achieved only when every scored series achieved its target', () => {
    expect(aggregateOpenSdg([scored('target_achieved', 5), scored('target_achieved', 5)]).category).toBe(
      'target_achieved',
    );
    expect(aggregateOpenSdg([scored('target_achieved', 5), scored('moderate_progress', 1)]).category).toBe(
      'substantial_progress',
    );
  });
  it('ignores series without a score, and has no verdict when none has one', () => {
    const none: MethodVerdict = { method: 'open-sdg', category: null, inputs: {} };
    expect(aggregateOpenSdg([none, scored('limited_progress', -1)]).score).toBe(-1);
    const a = aggregateOpenSdg([none]);
    expect(a.category).toBeNull();
    expect(a.reason).toMatch(/No series has an Open SDG score/);
  });
});
