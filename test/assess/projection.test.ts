import { describe, expect, it } from 'vitest';
import type { MethodInput, TimedValue } from '../../src/assess/method-types.js';
import { projectCagr, projectLinear, type Projection, type ProjectionValue } from '../../src/assess/projection.js';

const year = (y: number, value: number): TimedValue => ({ period: String(y), time: y + 0.5, firstYear: y, value });

function input(
  observations: TimedValue[],
  target: TimedValue | undefined,
  over: Partial<MethodInput> = {},
): MethodInput {
  return {
    direction: 1,
    unit: 'number',
    accumulation: 'level',
    observations,
    baseline: observations[0] ?? year(2015, 1),
    target,
    targets: target ? [target] : [],
    asOf: { period: '2021', time: 2021.5, endTime: 2022 },
    targetEndTimes: target ? [target.firstYear + 1] : [],
    stepYears: 1,
    bands: { onTrack: 0.85, atRisk: 0.6 },
    ...over,
  };
}

function ok(p: Projection): ProjectionValue {
  if (!p.ok) throw new Error(`expected a projection, got: ${p.reason}`);
  return p;
}

const series = [50, 52, 53, 55, 56, 58].map((v, i) => year(2016 + i, v));

describe('linear projection', () => {
  it('2016..2021 = 50, 52, 53, 55, 56, 58 projects 71.742857 in 2030 (slope 1.542857)', () => {
    const p = ok(projectLinear(input(series, year(2030, 80))));
    expect(p.method).toBe('linear');
    expect(p.period).toBe('2030');
    expect(p.time).toBe(2030.5);
    expect(p.value).toBeCloseTo(71.742857, 6);
    expect(p.inputs.slope).toBeCloseTo(1.542857, 6);
  });
  it('reaches a target of 65 where the line crosses it, about 2026.13', () => {
    const p = ok(projectLinear(input(series, year(2030, 65))));
    const crossing = p.attainment!.time;
    expect(crossing).toBeCloseTo(2021.5 + (65 - (54 + 1.542857142857 * 2.5)) / 1.542857142857, 8);
    const line = (t: number) =>
      (p.inputs.mean_value as number) + (p.inputs.slope as number) * (t - (p.inputs.mean_time as number));
    expect(line(crossing)).toBeCloseTo(65, 10);
  });
  it('never reaches the target when moving away from it', () => {
    expect(ok(projectLinear(input(series, year(2030, 40), { direction: -1 }))).attainment).toBeNull();
  });
  it('never reaches the target when flat', () => {
    const flat = [year(2016, 5), year(2017, 5), year(2018, 5)];
    expect(ok(projectLinear(input(flat, year(2030, 8)))).attainment).toBeNull();
  });
  it('has reached the target at the latest observation when the line is already beyond it', () => {
    expect(ok(projectLinear(input(series, year(2030, 55)))).attainment).toEqual({ time: 2021.5 });
  });
  it('needs two periods with data', () => {
    const p = projectLinear(input([year(2016, 5)], year(2030, 8)));
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toMatch(/at least two different periods/);
  });
  it('needs a date to project to', () => {
    const p = projectLinear(input(series, undefined));
    expect(p.ok).toBe(false);
    expect(ok(projectLinear(input(series, undefined), { time: 2030.5 })).attainment).toBeUndefined();
  });
});

describe('CAGR projection', () => {
  it('100 (2015) -> 121 (2017) grows 10 % a year: 121 x 1.1^8 in 2025, and reaches 161.051 in 2020', () => {
    const p = ok(projectCagr(input([year(2015, 100), year(2017, 121)], year(2025, 161.051))));
    expect(p.inputs.cagr).toBeCloseTo(0.1, 12);
    expect(p.value).toBeCloseTo(121 * 1.1 ** 8, 8);
    expect(p.attainment!.time).toBeCloseTo(2020.5, 8);
  });
  it('uses the baseline, not the first observation', () => {
    const p = ok(projectCagr(input([year(2010, 1), year(2017, 121)], year(2025, 200), { baseline: year(2015, 100) })));
    expect(p.inputs.cagr).toBeCloseTo(0.1, 12);
  });
  it('a constant rate of decline never reaches a target of 0', () => {
    const p = ok(projectCagr(input([year(2015, 40), year(2020, 30)], year(2030, 0), { direction: -1 })));
    expect(p.attainment).toBeNull();
  });
  it('a decline towards a positive target reaches it', () => {
    const p = ok(projectCagr(input([year(2015, 40), year(2020, 20)], year(2030, 10), { direction: -1 })));
    expect(p.attainment!.time).toBeCloseTo(2025.5, 8);
  });
  it('moving away never reaches the target', () => {
    expect(
      ok(projectCagr(input([year(2015, 40), year(2020, 45)], year(2030, 10), { direction: -1 }))).attainment,
    ).toBeNull();
  });
  it('a zero baseline has no growth rate to project, and says so', () => {
    const p = projectCagr(input([year(2015, 0), year(2020, 45)], year(2030, 60)));
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toMatch(/positive baseline/);
  });
  it('no data after the baseline', () => {
    const p = projectCagr(input([year(2015, 40)], year(2030, 60)));
    expect(!p.ok && p.reason).toMatch(/no data after the baseline/);
  });
});
