import { describe, expect, it } from 'vitest';
import { zipTime } from '../../src/report/workbook/xlsx-package.js';

describe('zip entry times', () => {
  it('writes the UTC fields of the run time as the entry time, whatever the zone', () => {
    const t = zipTime(new Date('2023-11-14T22:13:20Z'));
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()]).toEqual([
      2023, 10, 14, 22, 13, 20,
    ]);
  });

  it('keeps times a zip can hold: 1980 at the earliest', () => {
    const epoch = zipTime(new Date(0));
    expect([epoch.getFullYear(), epoch.getMonth(), epoch.getDate()]).toEqual([1980, 0, 1]);
    expect(zipTime(new Date(Number.NaN)).getFullYear()).toBe(1980);
  });
});
