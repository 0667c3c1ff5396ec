// The vectors of docs/methods.md "Cumulative target path", worked by hand on round
// fractional years (a quarter is 0.25).
import { describe, expect, it } from 'vitest';
import { cumulativeTargetPath, type WindowTarget } from '../../src/assess/cumulative-target-path.js';

const q = (quarter: number, value: number): WindowTarget => ({
  period: `2024-Q${quarter}`,
  startYear: 2024 + (quarter - 1) / 4,
  endYear: 2024 + quarter / 4,
  value,
});
const year = (y: number, value: number): WindowTarget => ({ period: String(y), startYear: y, endYear: y + 1, value });

describe('cumulative target path', () => {
  it('vector 1: quarterly targets 100, 120, 140, 140 add up window by window', () => {
    const path = cumulativeTargetPath([q(1, 100), q(2, 120), q(3, 140), q(4, 140)]);
    expect(path.lop).toBe(500);
    expect(path.lopGiven).toBe(false);
    expect(path.valueAt(2023.5)).toBe(0);
    expect(path.valueAt(2024.25)).toBe(100);
    expect(path.valueAt(2024.375)).toBeCloseTo(160, 9); // Q2 half-way: 100 + 120 / 2
    expect(path.valueAt(2024.5)).toBeCloseTo(220, 9);
    expect(path.valueAt(2025)).toBeCloseTo(500, 9);
    expect(path.valueAt(2030)).toBeCloseTo(500, 9);
    expect(path.vertices.map((v) => [v.time, Math.round(v.value * 1e9) / 1e9])).toEqual([
      [2024, 0],
      [2024.25, 100],
      [2024.5, 220],
      [2024.75, 360],
      [2025, 500],
    ]);
  });

  it('vector 2: an annual target of 500 with a Q1 milestone of 120: the rest falls on Q2-Q4', () => {
    const path = cumulativeTargetPath([year(2024, 500), q(1, 120)]);
    expect(path.lop).toBe(500);
    expect(path.valueAt(2024.25)).toBeCloseTo(120, 9);
    expect(path.valueAt(2024.625)).toBeCloseTo(120 + 380 / 2, 9); // 310
    expect(path.valueAt(2025)).toBeCloseTo(500, 9);
  });

  it('vector 3: quarters covering a year ask 400 of an annual 500: the extra 100 spreads over the year', () => {
    const path = cumulativeTargetPath([year(2024, 500), q(1, 100), q(2, 100), q(3, 100), q(4, 100)]);
    expect(path.valueAt(2024.5)).toBeCloseTo(200 + 50, 9);
    expect(path.valueAt(2025)).toBeCloseTo(500, 9);
  });

  it('vector 4: a LOP target of 1000 over 2024-2025 beyond a 2024 target of 500 falls on 2025', () => {
    const path = cumulativeTargetPath([year(2024, 500)], { value: 1000, startYear: 2024, endYear: 2026 });
    expect(path.lop).toBe(1000);
    expect(path.lopGiven).toBe(true);
    expect(path.valueAt(2024.5)).toBeCloseTo(250, 9);
    expect(path.valueAt(2025.5)).toBeCloseTo(750, 9);
    expect(path.valueAt(2026)).toBeCloseTo(1000, 9);
  });

  it('vector 5: a LOP target alone is a straight path over the programme period', () => {
    const path = cumulativeTargetPath([], { value: 1200, startYear: 2024, endYear: 2027 });
    expect(path.valueAt(2025)).toBeCloseTo(400, 9);
    expect(path.vertices).toEqual([
      { time: 2024, value: 0 },
      { time: 2027, value: 1200 },
    ]);
  });

  it('a LOP target smaller than its windows does not pull the path down; the LOP stays as given', () => {
    const path = cumulativeTargetPath([year(2024, 500), year(2025, 500)], {
      value: 800,
      startYear: 2024,
      endYear: 2026,
    });
    expect(path.lop).toBe(800);
    expect(path.valueAt(2026)).toBeCloseTo(1000, 9);
  });
});
