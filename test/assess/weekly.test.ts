// A weekly indicator's data goes stale after two weeks without a value.
import { describe, expect, it } from 'vitest';
import { dataAge } from '../../src/assess/data-age.js';
import { periodOf } from '../../src/periods/period.js';

describe('a weekly indicator', () => {
  it('is stale once as-of ends more than two weeks after its latest week', () => {
    const latest = periodOf('2024-W08'); // 19-25 February 2024
    expect(dataAge(latest, periodOf('2024-W10'), 'weekly')).toMatchObject({ stale: false, limit: { weeks: 2 } });
    expect(dataAge(latest, periodOf('2024-W11'), 'weekly').stale).toBe(true);
  });
});
