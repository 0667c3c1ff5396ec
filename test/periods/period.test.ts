import { describe, expect, it } from 'vitest';
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
  if (!r.ok) throw new Error(r.reason);
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
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
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
