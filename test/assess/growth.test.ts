import { describe, expect, it } from 'vitest';
import {
  aarrBetween,
  aarrRegression,
  cagr,
  growthObstacle,
  lineValueAt,
  linearPathValue,
  olsLine,
  olsSlope,
  reachesTarget,
} from '../../src/assess/growth.js';

const year = (y: number, value: number) => ({ period: String(y), time: y + 0.5, firstYear: y, value });

describe('cagr', () => {
  it('43 -> 37 over five years falls 2.96092 % a year', () => {
    expect(cagr(37, 43, 2020, 2015)).toBeCloseTo(-0.0296092, 7);
  });
  it('a value that vanished has a rate of -100 %', () => expect(cagr(0, 10, 2020, 2015)).toBe(-1));
  it('does not exist for a zero base', () => expect(cagr(5, 0, 2020, 2015)).toBeUndefined());
  it('does not exist for a negative base', () => expect(cagr(-5, -10, 2020, 2015)).toBeUndefined());
  it('does not exist for a negative end value', () => expect(cagr(-1, 10, 2020, 2015)).toBeUndefined());
  it('does not exist over zero years', () => expect(cagr(12, 10, 2015, 2015)).toBeUndefined());
});

describe('aarr', () => {
  it('30 % -> 25 % over eight years is an AARR of 2.25325 %', () => {
    expect(aarrBetween(25, 30, 2020, 2012)).toBeCloseTo(0.0225325, 7);
  });
  it('a 40 % cut over thirteen years needs 3.85323 % a year', () => {
    expect(aarrBetween(18, 30, 2025, 2012)).toBeCloseTo(0.0385323, 7);
  });
  it('two points regress to the two-point AARR', () => {
    expect(
      aarrRegression([
        { time: 2012, value: 30 },
        { time: 2020, value: 25 },
      ]),
    ).toBeCloseTo(aarrBetween(25, 30, 2020, 2012)!, 12);
  });
  it('a regression needs positive values and two times', () => {
    expect(
      aarrRegression([
        { time: 2012, value: 30 },
        { time: 2020, value: 0 },
      ]),
    ).toBeUndefined();
    expect(aarrRegression([{ time: 2012, value: 30 }])).toBeUndefined();
    expect(
      aarrRegression([
        { time: 2012, value: 30 },
        { time: 2012, value: 25 },
      ]),
    ).toBeUndefined();
  });
  it('is undefined where the CAGR is', () => expect(aarrBetween(25, 0, 2020, 2012)).toBeUndefined());
});

describe('least squares', () => {
  const points = [50, 52, 53, 55, 56, 58].map((value, i) => ({ time: 2016 + i, value }));
  it('2016..2021 = 50, 52, 53, 55, 56, 58 has a slope of 1.542857 and reaches 71.742857 in 2030', () => {
    const line = olsLine(points)!;
    expect(line.slope).toBeCloseTo(1.542857, 6);
    expect(lineValueAt(line, 2030)).toBeCloseTo(71.742857, 6);
    expect(line.intercept + line.slope * 2030).toBeCloseTo(71.742857, 6);
  });
  it('needs two points at two different times', () => {
    expect(olsSlope([{ time: 2016, value: 1 }])).toBeUndefined();
    expect(olsSlope([])).toBeUndefined();
    expect(
      olsSlope([
        { time: 2016, value: 1 },
        { time: 2016, value: 3 },
      ]),
    ).toBeUndefined();
  });
});

describe('the straight path and the target test', () => {
  it('a path from 40 (2020) to 60 (2025) passes 52 in 2023', () =>
    expect(linearPathValue(40, 2020, 60, 2025, 2023)).toBeCloseTo(52, 12));
  it('a path over zero years does not exist', () => expect(linearPathValue(40, 2020, 60, 2020, 2020)).toBeUndefined());
  it('reaching a target includes the target itself, in either direction', () => {
    expect(reachesTarget(60, 60, 1)).toBe(true);
    expect(reachesTarget(59.9, 60, 1)).toBe(false);
    expect(reachesTarget(20, 20, -1)).toBe(true);
    expect(reachesTarget(20.1, 20, -1)).toBe(false);
  });
});

describe('growthObstacle explains why growth rates cannot be compared', () => {
  it('has nothing to say about a usable series', () =>
    expect(growthObstacle(year(2015, 43), year(2020, 37), year(2030, 25), -1)).toBeUndefined());
  it('a negative latest value', () =>
    expect(growthObstacle(year(2015, 43), year(2020, -1), year(2030, 25), -1)).toMatch(/not negative/));
  it('a negative target', () =>
    expect(growthObstacle(year(2015, 43), year(2020, 37), year(2030, -5), -1)).toMatch(/target is -5/));
});
