import { describe, expect, it } from 'vitest';
import { captures } from '../../src/periods/captures.js';

describe('captures', () => {
  it('gives the groups of a match as strings, and undefined without a match', () => {
    expect(captures(/^(\d{4})-Q(\d)$/, '2006-Q3', 2)).toEqual(['2006', '3']);
    expect(captures(/^(\d{4})-Q(\d)$/, '2006-S1', 2)).toBeUndefined();
  });

  it('throws on a pattern whose group can be missing (a bug, never a reading)', () => {
    expect(() => captures(/^(\d{4})(-Q\d)?$/, '2006', 2)).toThrow(/does not capture 2 groups/);
    expect(() => captures(/^(\d{4})$/, '2006', 2)).toThrow(/does not capture 2 groups/);
  });
});
