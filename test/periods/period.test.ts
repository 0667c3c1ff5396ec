import { describe, expect, it } from 'vitest';
import { periodReasonIn } from '../../src/messages/periods.js';
import {
  comparePeriods,
  containingPeriod,
  parsePeriod,
  periodOf,
  periodsBetween,
  stepPeriod,
} from '../../src/periods/period.js';

const parse = (t: string, ctx = {}) => {
  const r = parsePeriod(t, ctx);
  if (!r.ok) throw new Error(periodReasonIn(r.problem, 'en'));
  return r.period;
};

describe('periods', () => {
  it.each([
    ['2006', 'year', '2006', '2006-01-01', '2006-12-31'],
    ['2006-Q1', 'quarter', '2006-Q1', '2006-01-01', '2006-03-31'],
    ['2006Q3', 'quarter', '2006-Q3', '2006-07-01', '2006-09-30'],
    ['2006-03', 'month', '2006-03', '2006-03-01', '2006-03-31'],
    ['200603', 'month', '2006-03', '2006-03-01', '2006-03-31'],
    ['2006-S2', 'semester', '2006-S2', '2006-07-01', '2006-12-31'],
    ['2006-W05', 'week', '2006-W05', '2006-01-30', '2006-02-05'],
    ['2006W5', 'week', '2006-W05', '2006-01-30', '2006-02-05'],
    ['2006April', 'fiscal-year', '2006April', '2006-04-01', '2007-03-31'],
    ['2007-2008', 'multi-year', '2007-2008', '2007-01-01', '2008-12-31'],
    ['2007-08', 'multi-year', '2007-2008', '2007-01-01', '2008-12-31'],
    ['2013-14', 'multi-year', '2013-2014', '2013-01-01', '2014-12-31'],
  ])('%s is a %s from its first to its last day', (text, kind, id, start, end) => {
    const p = parse(text);
    expect([p.kind, p.id, p.start, p.end]).toEqual([kind, id, start, end]);
  });

  it('FY2006 with a July fiscal year runs from July 2005 to June 2006', () => {
    const p = parse('FY2006', { fiscalYearStart: 7 });
    expect([p.start, p.end]).toEqual(['2005-07-01', '2006-06-30']);
    expect(parse('FY2006').start).toBe('2006-01-01');
  });

  it('a survey round sits at its midpoint: 2013-14 at 2014.0, a year at its middle', () => {
    expect(parse('2013-14').mid).toBeCloseTo(2014.0, 10);
    expect(parse('2007-2008').mid).toBeCloseTo(2008.0, 10);
    expect(parse('2006').mid).toBeCloseTo(2006.5, 10);
    expect(parse('2015-16').firstYear).toBe(2015);
  });

  it('2007-08 is August 2007 in a monthly series', () => {
    expect(parse('2007-08', { frequency: 'monthly' }).id).toBe('2007-08');
  });

  it('an unreadable period gives a reason, never an exception', () => {
    for (const t of ['20x7', '2006-13', '2006-Q5', 'c.2013', '', '2009-2006', '2006Foo']) {
      const r = parsePeriod(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(periodReasonIn(r.problem, 'en').length).toBeGreaterThan(5);
    }
  });

  it('orders periods by time and steps by frequency', () => {
    const sorted = ['2008', '2007-2008', '2006-Q4', '2007']
      .map((t) => parse(t))
      .sort(comparePeriods)
      .map((p) => p.id);
    expect(sorted).toEqual(['2006-Q4', '2007', '2007-2008', '2008']);
    expect(stepPeriod(parse('2006-11'), 3).id).toBe('2007-02');
    expect(stepPeriod(parse('2006-Q4'), 1).id).toBe('2007-Q1');
    expect(stepPeriod(parse('2006'), -2).id).toBe('2004');
    expect(periodsBetween(parse('2006-Q3'), parse('2007-Q2')).map((p) => p.id)).toEqual([
      '2006-Q3',
      '2006-Q4',
      '2007-Q1',
      '2007-Q2',
    ]);
  });

  it('rolls months into quarters and years', () => {
    expect(containingPeriod(periodOf('2006-05'), 'quarter').id).toBe('2006-Q2');
    expect(containingPeriod(periodOf('2006-05'), 'semester').id).toBe('2006-S1');
    expect(containingPeriod(periodOf('2006-05'), 'year').id).toBe('2006');
  });
});

describe('periods that do not exist are refused, with the forms mel reads', () => {
  const reason = (t: string) => {
    const r = parsePeriod(t);
    if (r.ok) throw new Error(`${t} was read as ${r.period.id}`);
    return periodReasonIn(r.problem, 'en');
  };

  it('month 0, quarter 0, semester 0, week 0 and week 54', () => {
    expect(reason('2024-0')).toContain('month 0 does not exist');
    expect(reason('2024-0')).toContain('write 2006, 2006-Q1, 2006-03');
    expect(reason('2024-00')).toContain('neither a month (01-12)');
    expect(reason('2024-Q0')).toContain('quarter 0 does not exist (Q1 to Q4)');
    expect(reason('2024Q5')).toContain('quarter 5 does not exist');
    expect(reason('2024-S0')).toContain('semester 0 does not exist (S1 or S2)');
    expect(reason('2024-W00')).toContain('week 00 does not exist in 2024');
    expect(reason('2024-W54')).toContain('week 54 does not exist in 2024');
    expect(reason('2021-W53')).toContain('week 53 does not exist in 2021');
    // The ones that exist still do.
    expect(parse('2020-W53').start).toBe('2020-12-28');
    expect(parse('2024-1').id).toBe('2024-01');
  });

  it('a year outside 1800-2200 in every form', () => {
    for (const t of [
      '0000',
      '0000-Q1',
      '9999-Q4',
      'FY0000',
      'FY9999',
      '0001-01-01',
      '1799-S1',
      '2201-W01',
      '0001April',
    ]) {
      expect(reason(t), t).toContain('which is not plausible (periods are in the years 1800 to 2200)');
    }
    for (const t of ['2199-2201', 'Jan 0001', '000101', '9999-12']) expect(reason(t), t).toContain('not plausible');
    expect(parse('1800-01-01').id).toBe('1800-01-01');
    expect(parse('2200-Q4').end).toBe('2200-12-31');
    expect(parse('FY2200', { fiscalYearStart: 7 }).start).toBe('2199-07-01');
  });
});
