// Periods as Spanish and English Excel users write them, and as SDMX, Eurostat and DHIS2 publish them.
import { describe, expect, it } from 'vitest';
import { periodReasonIn } from '../../src/messages/periods.js';
import { excelSerialDate, monthOfText } from '../../src/periods/calendar-text.js';
import { parsePeriod, periodAtFrequency, periodOf, type PeriodContext } from '../../src/periods/period.js';

const id = (text: string, ctx: PeriodContext = {}) => {
  const r = parsePeriod(text, ctx);
  if (!r.ok) throw new Error(periodReasonIn(r.problem, 'en'));
  return r.period.id;
};

describe('month names, Spanish and English', () => {
  it.each([
    ['ene-24', '2024-01'],
    ['ene.-24', '2024-01'],
    ['Ene 2024', '2024-01'],
    ['enero 2024', '2024-01'],
    ['febrero de 2024', '2024-02'],
    ['set-23', '2023-09'],
    ['setiembre 2023', '2023-09'],
    ['dic-99', '1999-12'],
    ['Jan-24', '2024-01'],
    ['January 2024', '2024-01'],
    ['Sept 2024', '2024-09'],
    ['2024-ago', '2024-08'],
  ])('%s is the month %s', (text, month) => {
    expect(id(text)).toBe(month);
  });

  it('a word that is no month is said so, with the forms to write', () => {
    const r = parsePeriod('foo-24');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(periodReasonIn(r.problem, 'en')).toContain('ene-24, enero 2024, Jan-24 or January 2024');
    expect(monthOfText('enero')).toBeUndefined();
  });
});

describe('dates written as numbers', () => {
  it('reads 01/02/2024 day first unless the data source says month first', () => {
    expect(id('01/02/2024')).toBe('2024-02-01');
    expect(id('01/02/2024', { dates: 'mdy' })).toBe('2024-01-02');
    expect(id('1.2.24')).toBe('2024-02-01');
    expect(id('2024-02-01')).toBe('2024-02-01');
    expect(id('2024/02/01')).toBe('2024-02-01');
  });

  it('says which setting reads 02/13/2024, instead of guessing', () => {
    const r = parsePeriod('02/13/2024');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(periodReasonIn(r.problem, 'en')).toContain('`dates: mdy`');
    const impossible = parsePeriod('31/31/2024');
    expect(impossible.ok).toBe(false);
    if (!impossible.ok) expect(periodReasonIn(impossible.problem, 'en')).toContain('not a date of the calendar');
  });

  it('reads DHIS2 days and ISO timestamps as days', () => {
    expect(id('20240315')).toBe('2024-03-15');
    expect(id('2024-03-15T00:00:00.000Z')).toBe('2024-03-15');
    expect(id('2024-03-15 00:00:00')).toBe('2024-03-15');
  });

  it('reads Excel serial dates in workbooks only', () => {
    // 45323 is 2024-02-01 in Excel (1900 date system); 60 is Excel's fictitious 1900-02-29.
    expect(excelSerialDate(45323)).toEqual({ year: 2024, month: 2, day: 1 });
    expect(excelSerialDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(id('45323', { serialDates: true })).toBe('2024-02-01');
    expect(id('45323.75', { serialDates: true })).toBe('2024-02-01');
    expect(parsePeriod('45323').ok).toBe(false);
  });
});

describe('SDMX and Eurostat periods', () => {
  it.each([
    ['2015', '2015'],
    ['2015-A1', '2015'],
    ['2015-Q1', '2015-Q1'],
    ['2015-M01', '2015-01'],
    ['2015M12', '2015-12'],
    ['2015-01', '2015-01'],
    ['2015-W05', '2015-W05'],
    ['2015-S1', '2015-S1'],
  ])('%s is %s', (text, period) => {
    expect(id(text)).toBe(period);
  });
});

describe('a day as the period of the indicator’s frequency', () => {
  it('is its month, quarter, semester, year or ISO week', () => {
    const day = periodOf('2024-02-14');
    expect(periodAtFrequency(day, 'monthly').id).toBe('2024-02');
    expect(periodAtFrequency(day, 'quarterly').id).toBe('2024-Q1');
    expect(periodAtFrequency(day, 'semiannual').id).toBe('2024-S1');
    expect(periodAtFrequency(day, 'annual').id).toBe('2024');
    expect(periodAtFrequency(day, 'weekly').id).toBe('2024-W07');
    expect(periodAtFrequency(day, 'irregular').id).toBe('2024-02-14');
    expect(periodAtFrequency(periodOf('2024-02'), 'annual').id).toBe('2024-02');
  });
});
