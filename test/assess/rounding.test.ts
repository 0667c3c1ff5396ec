import { describe, expect, it } from 'vitest';
import { roundForOutput } from '../../src/assess/rounding.js';

/** The rule as written: 12 significant digits. */
const byDigits = (x: number) => (Number.isFinite(x) ? Number.parseFloat(x.toPrecision(12)) : x);

describe('numbers are written with 12 significant digits', () => {
  it('removes binary noise and keeps what a source gives', () => {
    expect(roundForOutput(29.5 - 5 - 0.000000000000004)).toBe(24.5);
    expect(roundForOutput(0.1 + 0.2)).toBe(0.3);
    expect(roundForOutput(68.2)).toBe(68.2);
    expect(roundForOutput(71.75388272581235)).toBe(71.7538827258);
    expect(roundForOutput(999999999999.99)).toBe(1000000000000);
    expect(roundForOutput(-1234.56)).toBe(-1234.56);
    expect(Object.is(roundForOutput(-0), 0)).toBe(true);
    expect(roundForOutput(Number.NaN)).toBeNaN();
    expect(roundForOutput(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives what toPrecision(12) gives for values of every size (the fast path for data values is exact)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const differ: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const data = Math.round(random() * 1e6) / (i % 2 ? 10 : 100);
      const any = (random() - 0.5) * 10 ** (random() * 30 - 15);
      for (const x of [data, -data, data / 7, any, any * 1e6, Math.round(any)])
        if (!Object.is(roundForOutput(x), byDigits(x) === 0 ? 0 : byDigits(x))) differ.push(x);
    }
    expect(differ).toEqual([]);
  });

  it('gives what toPrecision(12) gives next to a tie and next to a power of ten (rounded by arithmetic)', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const differ: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const e = Math.floor(random() * 22) - 10;
      const twelve = Math.floor(random() * 9e11) + 1e11;
      const nearTie = (twelve + 0.5) / 10 ** (11 - e);
      const nearPower = 10 ** e * (1 + (random() - 0.5) * 1e-12);
      const year = 2019 + random() * 5;
      for (const x of [nearTie, -nearTie, nearPower, year])
        if (!Object.is(roundForOutput(x), byDigits(x))) differ.push(x);
    }
    expect(differ).toEqual([]);
  });
});
