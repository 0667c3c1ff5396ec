import { describe, expect, it } from 'vitest';
import { dataMessages as msg } from '../../src/messages/data.js';
import { isNumberProblem, MISSING, numberFormat, parseNumber, parsePlainSpan } from '../../src/data/parse-number.js';

const point = numberFormat({ decimal: '.', sourceId: 'endes' });
const comma = numberFormat({ decimal: ',', sourceId: 'endes' });

describe('parseNumber with a decimal point', () => {
  it.each([
    ['29.5', 29.5],
    ['-12', -12],
    ['+31', 31],
    ['  7.25 ', 7.25],
    ['.5', 0.5],
    ['1,200', 1200],
    ['1,200,000', 1200000],
    ['1,200.75', 1200.75],
    ['1.200.000', 1200000],
    ['1 200 000', 1200000],
    ['1\u00a0200\u00a0000', 1200000],
    ['1\u202f200\u2009000', 1200000],
    ["1'200", 1200],
    ['29.5%', 29.5],
    ['29.5 %', 29.5],
    ['-2.5%', -2.5],
    ['\u22123', -3],
    ['1.2E+06', 1200000],
    ['0.1', 0.1],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text, point)).toBe(value);
  });

  it('reads 29,5 as an error that says how to declare a decimal comma', () => {
    expect(parseNumber('29,5', point)).toEqual({ problem: msg.decimalCommaReason('endes') });
    expect(parseNumber('0,500', point)).toEqual({ problem: msg.decimalCommaReason('endes') });
    expect(parseNumber('1.200,5', point)).toEqual({ problem: msg.decimalCommaReason('endes') });
  });

  it('rejects misplaced thousands separators', () => {
    expect(parseNumber('1,20,00', point)).toEqual({ problem: msg.misplacedThousandsReason() });
    expect(parseNumber('12,00,000', point)).toEqual({ problem: msg.misplacedThousandsReason() });
  });

  it('rejects words, spreadsheet errors and infinities with a reason', () => {
    expect(parseNumber('twenty', point)).toEqual({ problem: msg.notANumberReason('.', []) });
    expect(parseNumber('#DIV/0!', point)).toEqual({ problem: msg.spreadsheetErrorReason() });
    expect(isNumberProblem(parseNumber('Infinity', point))).toBe(true);
    expect(isNumberProblem(parseNumber('1e999', point))).toBe(true);
    expect(isNumberProblem(parseNumber('0x10', point))).toBe(true);
    expect(isNumberProblem(parseNumber('%', point))).toBe(true);
    expect(isNumberProblem(parseNumber('.', point))).toBe(true);
  });
});

describe('parseNumber with a decimal comma', () => {
  it('reads 29,5 as exactly 29.5', () => {
    expect(parseNumber('29,5', comma)).toBe(29.5);
    expect(parseNumber('0,1', comma)).toBe(0.1);
  });

  it.each([
    ['1.200', 1200],
    ['1.200,5', 1200.5],
    ['1.200.000,75', 1200000.75],
    ['1 200,5', 1200.5],
    ['-3,25 %', -3.25],
    ['1,5E-03', 0.0015],
    ['1,200,000', 1200000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text, comma)).toBe(value);
  });

  it('reads 1.5 as an error that says how to declare a decimal point', () => {
    expect(parseNumber('1.5', comma)).toEqual({ problem: msg.decimalPointReason('endes') });
    expect(parseNumber('1,200.5', comma)).toEqual({ problem: msg.decimalPointReason('endes') });
  });
});

describe('missing markers', () => {
  it.each(['', '   ', 'NA', 'na', 'N/A', 'n/a', '..', '-', 'n.d.', 'nd', 'NaN', '#N/A', 'null', '—'])(
    '%j is missing, never zero',
    (text) => {
      expect(parseNumber(text, point)).toBe(MISSING);
      expect(parseNumber(text, comma)).toBe(MISSING);
    },
  );

  it("adds the data source's own markers, in any case", () => {
    const format = numberFormat({ decimal: '.', sourceId: 'endes', missing: ['Sin dato', '*'] });
    expect(parseNumber('sin dato', format)).toBe(MISSING);
    expect(parseNumber(' * ', format)).toBe(MISSING);
    expect(isNumberProblem(parseNumber('sin dato', point))).toBe(true);
  });
});

describe('plain cells, read digit by digit', () => {
  // A plain cell's value is its digits divided by a power of ten, never Number() on a
  // copy of the text: it must be the very double Number() reads, to the last bit.
  it('reads every plain cell as the double Number() reads from its text', () => {
    const cells = ['0', '-0', '0.0', '-0.0', '.5', '5.', '-.5', '007', '0.1', '0.3', '2.675', '1.005', '4.35', '1'];
    cells.push('9007199254740', '999999999999999', '-99999999999999', '0.000000000001', '123456.7890123');
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      const digits = String(next()) + String(next());
      const length = 1 + (next() % 15);
      const text = digits.slice(0, length);
      const mark = next() % (text.length + 1);
      const cell = `${next() % 4 === 0 ? '-' : ''}${text.slice(0, mark)}.${text.slice(mark)}`;
      cells.push(cell.length <= 15 ? cell : text);
    }
    for (const cell of cells) {
      expect(Object.is(parseNumber(cell, point), Number(cell)), cell).toBe(true);
      expect(Object.is(parseNumber(cell.replace('.', ','), comma), Number(cell)), cell).toBe(true);
      expect(Object.is(parsePlainSpan(`x,${cell},y`, 2, 2 + cell.length, 46), Number(cell)), cell).toBe(true);
    }
  });

  it('leaves every other cell to the full parser', () => {
    for (const cell of ['', '-', '.', '1.2.3', '+1', ' 1', '1 ', '1e5', '1,5', '12%', '1234567890123456'])
      expect(parsePlainSpan(cell, 0, cell.length, 46), cell).toBeNaN();
  });
});
