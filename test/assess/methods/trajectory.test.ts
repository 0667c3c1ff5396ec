import { describe, expect, it } from 'vitest';
import type { MethodInput, TimedValue } from '../../../src/assess/method-types.js';
import { statusOfProgressRatio, trajectory } from '../../../src/assess/methods/trajectory.js';
import { judgeTarget, targetOutcome, targetOutcomes } from '../../../src/assess/target-outcome.js';

/** An annual value: the year 2020 sits at its midpoint 2020.5. */
const year = (y: number, value: number): TimedValue => ({ period: String(y), time: y + 0.5, firstYear: y, value });

function input(
  observations: TimedValue[],
  target: TimedValue | undefined,
  over: Partial<MethodInput> = {},
): MethodInput {
  const targets = target ? [target] : [];
  return {
    direction: 1,
    unit: 'number',
    accumulation: 'level',
    observations,
    baseline: observations[0]!,
    target,
    targets,
    asOf: { period: '2023', time: 2023.5, endTime: 2024 },
    targetEndTimes: targets.map((t) => t.time + 0.5),
    stepYears: 1,
    bands: { onTrack: 0.85, atRisk: 0.6 },
    ...over,
  };
}

describe('trajectory: the vectors of methods.md', () => {
  it('40 (2020) -> 47 (2023) against a target of 60 by 2025 expects 52, ratio 0.5833: off_track', () => {
    const v = trajectory(input([year(2020, 40), year(2023, 47)], year(2025, 60)));
    expect(v.inputs.expected).toBeCloseTo(52, 6);
    expect(v.inputs.progress_ratio).toBeCloseTo(0.583333, 5);
    expect(v.category).toBe('off_track');
  });

  it('a decrease 30 (2020) -> 27 (2023) against 20 by 2025 expects 24, ratio 0.5: off_track', () => {
    const v = trajectory(input([year(2020, 30), year(2023, 27)], year(2025, 20), { direction: -1 }));
    expect(v.inputs.expected).toBeCloseTo(24, 6);
    expect(v.inputs.progress_ratio).toBeCloseTo(0.5, 6);
    expect(v.category).toBe('off_track');
  });

  it('reports the baseline, latest and target with their times so the sum can be redone', () => {
    const v = trajectory(input([year(2020, 40), year(2023, 47)], year(2025, 60)));
    expect(v.inputs).toMatchObject({
      baseline_value: 40,
      baseline_time: 2020.5,
      baseline_period: '2020',
      latest_value: 47,
      latest_time: 2023.5,
      latest_period: '2023',
      target_value: 60,
      target_time: 2025.5,
      target_period: '2025',
      direction: 1,
      expected_at_time: 2023.5,
    });
  });
});

describe('trajectory: band boundaries belong to the better class', () => {
  // Baseline 0 (2020), target 100 (2030): 50 expected by 2025.
  const at2025 = (value: number) => trajectory(input([year(2020, 0), year(2025, value)], year(2030, 100))).category;

  it('a ratio of exactly 0.85 is on_track', () => expect(at2025(42.5)).toBe('on_track'));
  it('a ratio just under 0.85 is at_risk', () => expect(at2025(42.49)).toBe('at_risk'));
  it('a ratio of exactly 0.60 is at_risk', () => expect(at2025(30)).toBe('at_risk'));
  it('a ratio just under 0.60 is off_track', () => expect(at2025(29.99)).toBe('off_track'));
  it('no change at all (ratio exactly 0) is off_track, not deteriorating', () => expect(at2025(0)).toBe('off_track'));
  it('moving away from the target (ratio below 0) is deteriorating', () => expect(at2025(-0.01)).toBe('deteriorating'));
  it('the bands come from the programme', () => {
    expect(statusOfProgressRatio(0.8, { onTrack: 0.8, atRisk: 0.5 })).toBe('on_track');
    expect(statusOfProgressRatio(0.5, { onTrack: 0.8, atRisk: 0.5 })).toBe('at_risk');
  });
});

describe('trajectory: achieved', () => {
  it('a latest value exactly at the target is achieved', () => {
    expect(trajectory(input([year(2020, 40), year(2023, 60)], year(2025, 60))).category).toBe('achieved');
  });
  it('a decrease reaching below its target is achieved', () => {
    expect(trajectory(input([year(2020, 30), year(2023, 19)], year(2025, 20), { direction: -1 })).category).toBe(
      'achieved',
    );
  });
  it('a target already met at the baseline and still met is achieved, with an explanation', () => {
    const v = trajectory(input([year(2020, 70), year(2023, 72)], year(2025, 60)));
    expect(v.category).toBe('achieved');
    expect(v.reason).toMatch(/baseline \(70\) already met the target \(60\)/);
  });
  it('a target met at the baseline but lost since is deteriorating, with an explanation', () => {
    const v = trajectory(input([year(2020, 70), year(2023, 55)], year(2025, 60)));
    expect(v.category).toBe('deteriorating');
    expect(v.inputs.progress_ratio).toBeNull();
    expect(v.reason).toMatch(/no longer does/);
  });
});

describe('trajectory: when it cannot judge, it says why', () => {
  it('no target', () => {
    const v = trajectory(input([year(2020, 40), year(2023, 47)], undefined));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/no target/);
  });
  it('no data after the baseline (the only values are older)', () => {
    const v = trajectory(input([year(2018, 38), year(2019, 39)], year(2025, 60), { baseline: year(2020, 40) }));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/no data after the baseline/);
  });
  it('no observations at all', () => {
    const v = trajectory(input([], year(2025, 60), { baseline: year(2020, 40) }));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/no data after the baseline/);
  });
  it('a target dated at the baseline', () => {
    const v = trajectory(input([year(2020, 40), year(2023, 47)], year(2020, 60)));
    expect(v.category).toBeNull();
    expect(v.reason).toMatch(/at or before the baseline/);
  });
  it('a target dated before the baseline', () => {
    const v = trajectory(input([year(2020, 40), year(2023, 47)], year(2018, 60)));
    expect(v.category).toBeNull();
  });
  it('a single observation that is the baseline itself: no time has passed', () => {
    const v = trajectory(input([year(2020, 40)], year(2025, 60)));
    expect(v.category).toBeNull();
    expect(v.inputs.progress_ratio).toBeNull();
    expect(v.reason).toMatch(/baseline itself/);
  });
  it('a single observation after a baseline given in the indicator file is judged', () => {
    const v = trajectory(input([year(2023, 47)], year(2025, 60), { baseline: year(2020, 40) }));
    expect(v.category).toBe('off_track');
    expect(v.inputs.progress_ratio).toBeCloseTo(0.583333, 5);
  });
  it('a latest value after the target date expects the target itself', () => {
    const v = trajectory(input([year(2020, 40), year(2027, 58)], year(2025, 60)));
    expect(v.inputs.expected).toBe(60);
    expect(v.inputs.progress_ratio).toBeCloseTo(0.9, 6);
    expect(v.category).toBe('on_track');
    expect(v.reason).toMatch(/after the target date/);
  });
});

describe('target outcomes', () => {
  const observations = [year(2020, 40), year(2021, 45), year(2022, 52), year(2023, 49)];
  const base = input(observations, year(2025, 60));

  it('a target whose period has ended is achieved when the last value up to it reached it', () => {
    expect(targetOutcome(year(2022, 50), 2023, base).outcome).toBe('achieved');
  });
  it('it is missed when that value fell short', () => {
    const o = targetOutcome(year(2021, 50), 2022, base);
    expect(o.outcome).toBe('missed');
    expect(o.observation?.period).toBe('2021');
  });
  it('a target ending exactly at the end of as-of is due', () => {
    expect(targetOutcome(year(2023, 48), 2024, base).outcome).toBe('achieved');
  });
  it('a target whose period ends after as-of is not_due', () => {
    expect(targetOutcome(year(2024, 50), 2025, base).outcome).toBe('not_due');
  });
  it('a value observed after the target date does not judge it', () => {
    const o = targetOutcome(year(2021, 50), 2022, input([year(2020, 40), year(2022, 55)], year(2025, 60)));
    expect(o.outcome).toBe('missed');
    expect(o.observation?.period).toBe('2020');
  });
  it('no value within one year before the target is no_data', () => {
    const o = targetOutcome(year(2022, 50), 2023, input([year(2020, 40)], year(2025, 60)));
    expect(o.outcome).toBe('no_data');
    expect(o.reason).toMatch(/cannot be judged/);
  });
  it('an irregular survey (step two years) judges a target by a round two years before it', () => {
    const round: TimedValue = { period: '2013-2014', time: 2014, firstYear: 2013, value: 26 };
    const o = targetOutcome(
      year(2015, 25),
      2016,
      input([round], year(2015, 25), {
        direction: -1,
        stepYears: 2,
        asOf: { period: '2016', time: 2016.5, endTime: 2017 },
      }),
    );
    expect(o.outcome).toBe('missed');
  });
  it('survey round 2015-2016 sits at its midpoint 2016.0, after a 2015 target (2015.5): it cannot judge it', () => {
    const round: TimedValue = { period: '2015-2016', time: 2016, firstYear: 2015, value: 20 };
    const o = targetOutcome(
      year(2015, 25),
      2016,
      input([round], year(2015, 25), {
        direction: -1,
        stepYears: 2,
        asOf: { period: '2016', time: 2016.5, endTime: 2017 },
      }),
    );
    expect(o.outcome).toBe('no_data');
  });
  it('targetOutcomes judges every target of the indicator', () => {
    const targets = [year(2021, 44), year(2022, 55), year(2025, 60)];
    const outcomes = targetOutcomes({ ...base, targets, targetEndTimes: [2022, 2023, 2026] });
    expect(outcomes.map((o) => o.outcome)).toEqual(['achieved', 'missed', 'not_due']);
  });
  it('judgeTarget takes a target with its end time and an as-of period', () => {
    const j = judgeTarget({ ...year(2022, 50), endTime: 2023 }, observations, { id: '2023', endYear: 2024 }, 1, 1);
    expect(j.outcome).toBe('achieved');
    expect(j.by?.value).toBe(52);
  });
});
