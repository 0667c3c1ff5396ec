import { describe, expect, it } from 'vitest';
import {
  decimalsFor,
  formatInteger,
  formatNumber,
  formatPercent,
  indicatorDecimals,
} from '../../src/messages/format-number.js';
import { valueFormat } from '../../src/report/workbook/styles.js';
import { chartMessages } from '../../src/messages/chart.js';
import { reportMessages } from '../../src/messages/report.js';
import { dataMessages } from '../../src/messages/data.js';

describe('formatNumber: one way to write a number, by language', () => {
  it('writes thousands and decimals as English readers expect', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234567.891, 'en', { decimals: 2 })).toBe('1,234,567.89');
    expect(formatNumber(999, 'en')).toBe('999');
    expect(formatNumber(7459.2795, 'en', { decimals: 2 })).toBe('7,459.28');
  });

  it('writes Spanish with a decimal comma, grouping thousands with a point from five digits on', () => {
    expect(formatNumber(1234.5, 'es')).toBe('1234,5');
    expect(formatNumber(1234, 'es', { decimals: 0 })).toBe('1234');
    expect(formatNumber(12345.5, 'es')).toBe('12.345,5');
    expect(formatNumber(1234567.891, 'es', { decimals: 2 })).toBe('1.234.567,89');
    expect(formatNumber(7459.2795, 'es', { decimals: 2 })).toBe('7459,28');
  });

  it('writes negatives with a minus, and a value that rounds to zero without one', () => {
    expect(formatNumber(-3.25, 'es', { maxDecimals: 2 })).toBe('-3,25');
    expect(formatNumber(-12345.6, 'en')).toBe('-12,345.6');
    expect(formatNumber(-0, 'en')).toBe('0');
    expect(formatNumber(-0.04, 'es')).toBe('0');
    expect(formatNumber(-0.04, 'es', { decimals: 1 })).toBe('0,0');
    expect(formatNumber(-0.05, 'en', { decimals: 1 })).toBe('-0.1');
  });

  it('keeps exactly `decimals`, or trims trailing zeros between min and max', () => {
    expect(formatNumber(10, 'es', { decimals: 1 })).toBe('10,0');
    expect(formatNumber(24.5, 'en', { decimals: 2 })).toBe('24.50');
    expect(formatNumber(24.5, 'en', { maxDecimals: 3 })).toBe('24.5');
    expect(formatNumber(24, 'en', { minDecimals: 1, maxDecimals: 3 })).toBe('24.0');
    expect(formatNumber(2 / 3, 'en', { maxDecimals: 3 })).toBe('0.667');
    expect(formatNumber(Number.NaN, 'en')).toBe('NaN');
  });

  it('writes counts as whole numbers and percentages with their sign', () => {
    expect(formatInteger(1200000, 'en')).toBe('1,200,000');
    expect(formatInteger(1200000, 'es')).toBe('1.200.000');
    expect(formatInteger(2500, 'es')).toBe('2500');
    expect(formatPercent(72.34, 'en')).toBe('72.3%');
    expect(formatPercent(72.34, 'es')).toBe('72,3\u00a0%');
    expect(formatPercent(100, 'es', { decimals: 1 })).toBe('100,0\u00a0%');
  });
});

describe('decimalsFor: decimals an indicator is written with, from its values', () => {
  it('takes the most decimals its values have, capped at two', () => {
    expect(decimalsFor([29.5, 24, 11.5])).toBe(1);
    expect(decimalsFor([40, 29])).toBe(0);
    expect(decimalsFor([0.1 + 0.2])).toBe(1); // binary noise is not a decimal
    expect(decimalsFor([7459.2795, 9703.1271])).toBe(2); // never 7,459.280
    expect(decimalsFor([1.1408608566, 2.925653883])).toBe(2);
    expect(decimalsFor([])).toBe(0);
    expect(decimalsFor([Number.NaN, 12])).toBe(0);
  });

  it('keeps three significant digits of values below 1', () => {
    expect(decimalsFor([1 / 3])).toBe(3);
    expect(decimalsFor([0.0345, 0.012])).toBe(4);
    expect(decimalsFor([0.25, 0.5])).toBe(2);
  });

  it('gives each unit its fewest decimals: percentages one, ratios two', () => {
    expect(indicatorDecimals('percent', [35, 40])).toBe(1);
    expect(indicatorDecimals('ratio', [1])).toBe(2);
    expect(indicatorDecimals('number', [40, 29])).toBe(0);
    expect(indicatorDecimals('currency', [7459.2795])).toBe(2);
  });

  it('is what the workbook formats an indicator with', () => {
    expect(valueFormat('currency', [7459.2795, 9703.1271])).toBe('#,##0.00');
    expect(valueFormat('percent', [1.1408608566, 2.9])).toBe('0.00');
    expect(valueFormat('number', [40, 29])).toBe('0');
  });
});

describe('numbers in the messages', () => {
  it('writes counts in the pack, the charts and the data messages the same way', () => {
    expect(reportMessages.en.summary.breakdownCount(1234)).toBe('1,234 breakdowns');
    expect(reportMessages.es.summary.breakdownCount(1234)).toBe('1234 desagregaciones');
    expect(reportMessages.es.summary.breakdownCount(12345)).toBe('12.345 desagregaciones');
    expect(chartMessages.es.byBreakdown('Retraso', 12345)).toBe('Retraso, por desglose (12.345)');
    expect(dataMessages.recordTooLong(1048576).en).toContain('longer than 1,048,576 characters');
    expect(dataMessages.recordTooLong(1048576).es).toContain('más de 1.048.576 caracteres');
  });
});
