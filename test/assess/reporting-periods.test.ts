import { describe, expect, it } from 'vitest';
import { dataAge } from '../../src/assess/data-age.js';
import { expectedPeriods, windowActual } from '../../src/assess/flow-windows.js';
import { reportingFigures, reportingWindows } from '../../src/assess/reporting-periods.js';
import { periodOf } from '../../src/periods/period.js';

const p = (id: string | number, fiscalYearStart = 1) => periodOf(id, { fiscalYearStart });

describe('reporting windows', () => {
  it('lays quarters out from the programme start to the quarter holding as-of', () => {
    const w = reportingWindows('quarterly', 1, p(2024), p('2024-08'));
    expect(w.map((x) => [x.id, x.start, x.end, x.ended])).toEqual([
      ['2024-Q1', '2024-01-01', '2024-03-31', true],
      ['2024-Q2', '2024-04-01', '2024-06-30', true],
      ['2024-Q3', '2024-07-01', '2024-09-30', false],
    ]);
  });

  it('honours an October fiscal year: fiscal years, and calendar quarters labelled as fiscal ones', () => {
    const years = reportingWindows('annual', 10, p(2024), p(2025));
    expect(years.map((x) => [x.id, x.start, x.end, x.ended])).toEqual([
      ['FY2024', '2023-10-01', '2024-09-30', true],
      ['FY2025', '2024-10-01', '2025-09-30', true],
      ['FY2026', '2025-10-01', '2026-09-30', false],
    ]);
    const quarters = reportingWindows('quarterly', 10, p(2024), p('2024-Q1'));
    expect(quarters.map((x) => [x.id, x.label])).toEqual([['2024-Q1', 'FY2024 Q2']]);
  });

  it('names fiscal halves that are not calendar ones by the fiscal year (April start)', () => {
    const halves = reportingWindows('semiannual', 4, p(2024), p(2024));
    expect(halves.map((x) => [x.id, x.start, x.end])).toEqual([
      ['FY2024-S2', '2023-10-01', '2024-03-31'],
      ['FY2025-S1', '2024-04-01', '2024-09-30'],
      ['FY2025-S2', '2024-10-01', '2025-03-31'],
    ]);
  });

  it("a level indicator's actual is the latest value inside the window", () => {
    const series = { periods: [p('2024-01'), p('2024-02'), p('2024-05')], values: [40, 42, 47] };
    const windows = reportingWindows('quarterly', 1, p(2024), p('2024-06'));
    const figures = reportingFigures(
      {
        series,
        frequency: 'monthly',
        accumulation: 'level',
        direction: 'increase',
        targets: [{ period: '2024-Q2', startYear: p('2024-Q2').startYear, endYear: p('2024-Q2').endYear, value: 50 }],
      },
      windows,
      p('2024-06'),
    );
    expect(figures).toEqual([
      { period: '2024-Q1', target: null, actual: 42, percent_met: null, complete: true },
      { period: '2024-Q2', target: 50, actual: 47, percent_met: 0.94, complete: true },
    ]);
  });
});

describe('flow windows', () => {
  it('expects every month of a quarter, and names the unreported ones', () => {
    expect(expectedPeriods(p('2024-Q2'), 'monthly')?.map((x) => x.id)).toEqual(['2024-04', '2024-05', '2024-06']);
    const series = { periods: [p('2024-04'), p('2024-06')], values: [10, 15] };
    const w = windowActual(series, p('2024-Q2'), 'monthly', p('2024-Q4'));
    expect(w).toMatchObject({ actual: 25, ended: true, complete: false, missing: ['2024-05'], counted: 2 });
  });

  it('counts only what is reported up to as-of in a window in progress', () => {
    const series = { periods: [p('2024-04'), p('2024-05'), p('2024-06')], values: [10, 12, 15] };
    const w = windowActual(series, p('2024-Q2'), 'monthly', p('2024-05'));
    expect(w).toMatchObject({ actual: 22, ended: false, complete: false, missing: [] });
  });
});

describe('data age', () => {
  it('counts years from the end of the latest period to the end of as-of', () => {
    expect(dataAge(p(2020), p(2023), 'annual')).toMatchObject({ years: 3, stale: true });
    expect(dataAge(p(2021), p(2023), 'annual')).toMatchObject({ years: 2, stale: false });
  });

  it('a monthly series is stale after two months, whatever their days', () => {
    expect(dataAge(p('2024-02'), p('2024-04'), 'monthly').stale).toBe(false);
    expect(dataAge(p('2024-02'), p('2024-05'), 'monthly').stale).toBe(true);
  });

  it('a survey round or an irregular series is stale after five years', () => {
    // the 2013-2014 DHS round ends with 2014: 2019 is five years on, 2020 six
    expect(dataAge(p('2013-2014'), p(2019), 'annual')).toMatchObject({ years: 5, stale: false });
    expect(dataAge(p('2013-2014'), p(2020), 'annual')).toMatchObject({ years: 6, stale: true });
    expect(dataAge(p(2018), p(2023), 'irregular').stale).toBe(false);
    expect(dataAge(undefined, p(2023), 'annual')).toMatchObject({ years: null, stale: false });
  });
});
