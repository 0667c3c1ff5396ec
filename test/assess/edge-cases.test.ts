// Edge cases of the assessment, each with a defined status and a reason, never NaN.
import { describe, expect, it } from 'vitest';
import { assessDir, headline, oneIndicator } from '../helpers/programme.js';

const pct = (body: string) =>
  `unit: percent\ndirection: decrease\nseries: { data: d, match: { indicator: s } }\n${body}`;
const csv = (rows: [string, number | string][]) =>
  `indicator,period,value\n${rows.map(([p, v]) => `s,${p},${v}`).join('\n')}\n`;

function noNonFinite(value: unknown): void {
  JSON.stringify(value, (_k, v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number in output: ${v}`);
    return v;
  });
}

describe('assessment edge cases', () => {
  it('methods.md vector: 30 (2020) -> 20 by 2025, 27 in 2023 is off track (expected 24, ratio 0.5)', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          pct('baseline: { period: 2020 }\ntargets: [{ period: 2025, value: 20 }]\n'),
          csv([
            ['2020', 30],
            ['2023', 27],
          ]),
        ),
        { asOf: '2023' },
      ),
    );
    expect(r.expected).toBeCloseTo(24, 10);
    expect(r.progress_ratio).toBeCloseTo(0.5, 10);
    expect(r.status).toBe('off_track');
    expect(r.target).toEqual({ period: '2025', value: 20 });
    expect(r.targets[0]!.outcome).toBe('not_due');
  });

  it('no data after the baseline is no_data, with a reason', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(pct('baseline: { period: 2020 }\ntargets: [{ period: 2025, value: 20 }]\n'), csv([['2020', 30]])),
        { asOf: '2023' },
      ),
    );
    expect(r.status).toBe('no_data');
    expect(r.reason).toMatch(/no value after the baseline 2020/);
    expect(r.latest).toEqual({ period: '2020', value: 30 });
  });

  it('a single observation and no baseline is no_data', async () => {
    const r = headline(
      await assessDir(oneIndicator(pct('targets: [{ period: 2025, value: 20 }]\n'), csv([['2022', 30]])), {
        asOf: '2023',
      }),
    );
    expect(r.status).toBe('no_data');
    expect(r.notes.join(' ')).toMatch(/first observation/);
  });

  it('a relative target from a baseline of 0 is undefined: no_target with the reason', async () => {
    const doc = await assessDir(
      oneIndicator(
        'unit: number\ndirection: increase\nseries: { data: d, match: { indicator: s } }\n' +
          'baseline: { period: 2020 }\ntargets: [{ period: 2025, change: 50, change_unit: percent }]\n',
        csv([
          ['2020', 0],
          ['2022', 3],
        ]),
      ),
      { asOf: '2023' },
    );
    const r = headline(doc);
    expect(r.status).toBe('no_target');
    expect(r.reason).toMatch(/baseline of 0/);
    expect(r.targets[0]).toMatchObject({ period: '2025', value: null, outcome: 'no_data' });
    noNonFinite(doc);
  });

  it('a baseline of 0 with an absolute target is judged on the linear path', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          'unit: number\ndirection: increase\nseries: { data: d, match: { indicator: s } }\n' +
            'baseline: { period: 2020 }\ntargets: [{ period: 2025, value: 100 }]\n',
          csv([
            ['2020', 0],
            ['2023', 60],
          ]),
        ),
        { asOf: '2023' },
      ),
    );
    expect(r.expected).toBeCloseTo(60, 10);
    expect(r.progress_ratio).toBeCloseTo(1, 10);
    expect(r.status).toBe('on_track');
    expect(r.methods.trajectory?.category).toBe('on_track');
  });

  it('a target already met at baseline and still met is achieved', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          pct('baseline: { period: 2020 }\ntargets: [{ period: 2025, value: 40 }]\n'),
          csv([
            ['2020', 30],
            ['2022', 31],
          ]),
        ),
        { asOf: '2023' },
      ),
    );
    expect(r.status).toBe('achieved');
  });

  it('values on the wrong side of the baseline are deteriorating', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          pct('baseline: { period: 2020 }\ntargets: [{ period: 2025, value: 20 }]\n'),
          csv([
            ['2020', 30],
            ['2023', 33],
          ]),
        ),
        { asOf: '2023' },
      ),
    );
    expect(r.status).toBe('deteriorating');
    expect(r.progress_ratio).toBeLessThan(0);
  });

  it('a target dated before the baseline is no_target, with the reason', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          pct('baseline: { period: 2020 }\ntargets: [{ period: 2018, value: 20 }]\n'),
          csv([
            ['2020', 30],
            ['2023', 27],
          ]),
        ),
        { asOf: '2023' },
      ),
    );
    expect(r.status).toBe('no_target');
    expect(r.reason).toMatch(/dated at or before the baseline/);
  });

  it('data that stops before as-of is judged on its latest value, with a note', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          pct('baseline: { period: 2010 }\ntargets: [{ period: 2030, value: 10 }]\n'),
          csv([
            ['2010', 30],
            ['2015', 25],
          ]),
        ),
        { asOf: '2023' },
      ),
    );
    expect(r.latest).toEqual({ period: '2015', value: 25 });
    expect(r.expected).toBeCloseTo(30 - 20 * (5 / 20), 10);
    expect(r.notes.join(' ')).toMatch(/latest value is from 2015/);
  });

  it('a series with gaps and missing markers uses what it has and counts the missing', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          pct('baseline: { period: 2010 }\ntargets: [{ period: 2020, value: 20 }]\n'),
          csv([
            ['2010', 30],
            ['2012', 'NA'],
            ['2015', 26],
            ['2016', ''],
          ]),
        ),
        { asOf: '2016' },
      ),
    );
    expect(r.latest).toEqual({ period: '2015', value: 26 });
    expect(r.missing).toBe(2);
    expect(r.observations).toBe(2);
  });

  it('values after as-of are not used, and the note says how many', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          pct('baseline: { period: 2010 }\ntargets: [{ period: 2020, value: 20 }]\n'),
          csv([
            ['2010', 30],
            ['2014', 27],
            ['2018', 22],
          ]),
        ),
        { asOf: '2015' },
      ),
    );
    expect(r.latest?.period).toBe('2014');
    expect(r.notes.join(' ')).toMatch(/1 value after as-of 2015 not used/);
  });

  it('survey rounds sit at their midpoints on the linear path', async () => {
    // baseline 45 in 2011 (2011.5), target 25 in 2025 (2025.5), round 2018-2019 (2019.0): 34.6
    const r = headline(
      await assessDir(
        oneIndicator(
          pct(
            'frequency: irregular\nbaseline: { period: 2011, value: 45 }\ntargets:\n' +
              '  - { period: 2015, value: 30 }\n  - { period: 2025, value: 25 }\n',
          ),
          csv([
            ['2013-2014', 40.0],
            ['2018-2019', 34.6],
          ]),
        ),
        { asOf: '2020' },
      ),
    );
    expect(r.targets.map((t) => [t.period, t.outcome])).toEqual([
      ['2015', 'missed'],
      ['2025', 'not_due'],
    ]);
    expect(r.targets[0]!.judged_by).toEqual({ period: '2013-2014', value: 40 });
    expect(r.expected).toBeCloseTo(45 - 20 * (7.5 / 14), 10);
    expect(r.progress_ratio).toBeCloseTo((34.6 - 45) / (45 - 20 * (7.5 / 14) - 45), 10);
    expect(r.status).toBe('on_track');
  });

  it('an annual indicator measured by survey rounds still judges a 2015 target by the 2013-14 round', async () => {
    const r = headline(
      await assessDir(
        oneIndicator(
          pct('baseline: { period: 2011, value: 45 }\ntargets:\n  - { period: 2015, value: 30 }\n'),
          csv([['2013-14', 40.0]]),
        ),
        { asOf: '2016' },
      ),
    );
    expect(r.targets[0]!.outcome).toBe('missed');
  });

  it('percentage points are never confused with percent change', async () => {
    const body = (unit: string) =>
      pct(`baseline: { period: 2010 }\ntargets: [{ period: 2015, change: -10, change_unit: ${unit} }]\n`);
    const pp = headline(
      await assessDir(
        oneIndicator(
          body('pp'),
          csv([
            ['2010', 40],
            ['2012', 38],
          ]),
        ),
        { asOf: '2012' },
      ),
    );
    const rel = headline(
      await assessDir(
        oneIndicator(
          body('percent'),
          csv([
            ['2010', 40],
            ['2012', 38],
          ]),
        ),
        { asOf: '2012' },
      ),
    );
    expect(pp.target?.value).toBe(30);
    expect(rel.target?.value).toBe(36);
    expect(pp.targets[0]!.derivation).toBe('40 - 10 percentage points');
  });
});
