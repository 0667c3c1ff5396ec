import { describe, expect, it } from 'vitest';
import { decimalMarkFor, detectDelimiter, detectDialect } from '../../src/data/dialect.js';

describe('detectDelimiter', () => {
  it('finds ; in a Spanish Excel export whose values hold decimal commas', () => {
    expect(detectDelimiter('Año;Ámbito;Indicador;Valor\r\n2006;Nacional;x;29,5\r\n2007;Rural;x;31,25\r\n')).toBe(';');
  });

  it('finds , when the only other candidates are inside quotes', () => {
    expect(detectDelimiter('indicator,period,value,note\nx,2006,1,"a; b | c"\nx,2007,2,"d;e"\n')).toBe(',');
  });

  it('does not end a line at a line break inside a quoted field', () => {
    expect(detectDelimiter('a;b;c\n1;"two\nlines, with, commas";3\n4;5;6\n')).toBe(';');
  });

  it('finds tab and |', () => {
    expect(detectDelimiter('indicator\tperiod\tvalue\nx\t2006\t1.5\n')).toBe('\t');
    expect(detectDelimiter('indicator|period|value\nx|2006|1,5\n')).toBe('|');
  });

  it('prefers the candidate that splits every line alike', () => {
    // The header has one comma and one semicolon; only ; splits the rows alike.
    expect(detectDelimiter('period;value (soles, millions)\n2006;1,5\n2007;2\n2008;3\n')).toBe(';');
  });

  it('reads a single column, or nothing, as comma-delimited', () => {
    expect(detectDelimiter('value\n1\n2\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('ignores a last line the sample may have cut short', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5', false)).toBe(';');
  });
});

describe('decimal mark', () => {
  it('is a comma where the delimiter is ; unless the data source says otherwise', () => {
    expect(decimalMarkFor(';')).toBe(',');
    expect(decimalMarkFor(',')).toBe('.');
    expect(decimalMarkFor(';', '.')).toBe('.');
    expect(decimalMarkFor(',', ',')).toBe(',');
  });

  it('follows a delimiter named by the data source without detecting one', () => {
    expect(detectDialect('a,b\n1,2\n', { delimiter: ';' })).toEqual({
      delimiter: ';',
      decimal: ',',
      delimiterDetected: false,
    });
    expect(detectDialect('a;b\n1;2\n', {})).toEqual({ delimiter: ';', decimal: ',', delimiterDetected: true });
  });
});
