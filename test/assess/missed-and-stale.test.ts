// FORMAT.md section 5 for levels: `missed`, stale data, projections fitted from the
// baseline on, and which breakdowns an absolute target applies to. Numbers by hand.
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { formatIssue } from '../../src/spec/issues.js';
import { assessDir, headline, oneIndicator } from '../helpers/programme.js';

const rows = (pairs: [string, number][], extra = '') =>
  `indicator,period,value${extra ? ',area' : ''}\n${pairs.map(([p, v]) => `s,${p},${v}${extra}`).join('\n')}\n`;

// Stunting, % (decrease): a wild 2010 value before the 2015 baseline, then a steady fall.
const stunting = oneIndicator(
  'unit: percent\ndirection: decrease\nseries: { data: d, match: { indicator: s } }\nbaseline: { period: 2015 }\n' +
    'targets:\n  - { period: 2018, value: 25 }\n  - { period: 2020, value: 20 }\n',
  rows([
    ['2010', 10],
    ['2015', 30],
    ['2016', 29],
    ['2017', 27],
    ['2018', 24],
    ['2019', 23],
    ['2020', 22],
    ['2021', 21],
  ]),
);

describe('a level target whose date has passed', () => {
  it('is missed once every target is past and the last one was not reached, never at risk', async () => {
    const r = headline(await assessDir(stunting, { asOf: '2021' }));
    expect(r.status).toBe('missed');
    expect(r.target).toEqual({ period: '2020', value: 20 });
    expect(r.targets.map((t) => [t.period, t.outcome])).toEqual([
      ['2018', 'achieved'],
      ['2020', 'missed'],
    ]);
    // target / actual for a decrease: 25 / 24, then 20 / 22
    expect(r.targets[0]!.percent_met).toBeCloseTo(25 / 24, 10);
    expect(r.targets[1]!.percent_met).toBeCloseTo(20 / 22, 10);
    expect(r.reason).toBe('every target is past and the last one (20 by 2020) was not reached: 21 in 2021');
  });

  it('is judged on the path while ahead; its projection, fitted from the baseline on, noted if it misses', async () => {
    const r = headline(await assessDir(stunting, { asOf: '2019' }));
    // expected at 2019.5 on 30 (2015.5) -> 20 (2020.5): 22; (23 - 30) / (22 - 30) = 0.875
    expect(r.expected).toBeCloseTo(22, 10);
    expect(r.progress_ratio).toBeCloseTo(0.875, 10);
    expect(r.status).toBe('on_track');
    // OLS through 2015..2019 = 30, 29, 27, 24, 23 (not the 2010 value): slope -1.9, 20.9 at 2020.5
    expect(r.projection?.inputs?.points).toBe(5);
    expect(r.projection?.inputs?.slope).toBeCloseTo(-1.9, 10);
    expect(r.projection?.value).toBeCloseTo(20.9, 10);
    expect(r.notes).toContain(
      'on track, but its own linear projection reaches 20.9 by 2020, which misses the target (20)',
    );
  });

  it('writes reasons and notes in the report language', async () => {
    const { workspace } = await loadWorkspace(stunting, 'indicators/program.yaml');
    const { assessProgram } = await import('../../src/assess/assess-program.js');
    const { periodOf } = await import('../../src/periods/period.js');
    if (!workspace) throw new Error('no workspace');
    const doc = assessProgram(workspace.program, workspace.data, { asOf: periodOf(2021), locale: 'es' });
    expect(doc.results[0]!.reason).toBe(
      'todas las metas han vencido y la última (20 para 2020) no se alcanzó: 21 en 2021',
    );
  });
});

describe('stale data', () => {
  it('a survey series whose latest round is more than five years old is stale, with a note', async () => {
    const dir = oneIndicator(
      'unit: percent\ndirection: decrease\nfrequency: irregular\nseries: { data: d, match: { indicator: s } }\n' +
        'baseline: { period: 2010-2011 }\ntargets: [{ period: 2025, value: 25 }]\n',
      rows([
        ['2010-2011', 40],
        ['2014-2015', 35],
      ]),
    );
    const r = headline(await assessDir(dir, { asOf: '2021' }));
    // from the end of 2015 to the end of 2021
    expect(r.data_age).toBe(6);
    expect(r.stale).toBe(true);
    expect(r.notes[0]).toBe(
      'stale data: the latest value is from 2014-2015, 6 years before the end of 2021 (stale after 5 years)',
    );
    const fresh = headline(await assessDir(dir, { asOf: '2020' }));
    expect([fresh.data_age, fresh.stale]).toEqual([5, false]);
  });
});

describe('which breakdowns an absolute target applies to', () => {
  const byArea = (unit: string, target: string) =>
    oneIndicator(
      `unit: ${unit}\ndirection: increase\nseries: { data: d, match: { indicator: s } }\n` +
        `baseline: { period: 2020 }\ntargets: [${target}]\n`,
      'indicator,period,area,value\ns,2020,total,50\ns,2022,total,60\ns,2020,north,40\ns,2022,north,45\n',
      { disaggregations: ['area'] },
    );
  const north = (doc: Awaited<ReturnType<typeof assessDir>>) => {
    const r = doc.results.find((x) => x.disaggregation.area === 'north');
    if (!r) throw new Error('no north');
    return r;
  };

  it('a rate is a norm for every district', async () => {
    const r = north(await assessDir(byArea('percent', '{ period: 2024, value: 70 }'), { asOf: '2022' }));
    expect(r.target).toEqual({ period: '2024', value: 70 });
  });

  it("a count's absolute target is the headline's only; a relative one is resolved per breakdown", async () => {
    const doc = await assessDir(byArea('number', '{ period: 2024, value: 70 }'), { asOf: '2022' });
    expect(headline(doc).target).toEqual({ period: '2024', value: 70 });
    expect(north(doc).status).toBe('no_target');
    expect(north(doc).latest).toEqual({ period: '2022', value: 45 });
    const relative = await assessDir(byArea('number', '{ period: 2024, change: 50, change_unit: percent }'), {
      asOf: '2022',
    });
    expect(north(relative).target).toEqual({ period: '2024', value: 60 });
  });
});

describe('running totals that go down', () => {
  it('a `cumulative` series that decreases is a warning naming both periods and suggesting `sum`', async () => {
    const dir = oneIndicator(
      'unit: number\ndirection: increase\nfrequency: monthly\n' +
        'accumulation: cumulative\nseries: { data: d, match: { indicator: s } }\n',
      rows([
        ['2024-01', 41],
        ['2024-02', 25],
        ['2024-03', 30],
        ['2024-04', 28],
      ]),
    );
    const { issues } = await loadWorkspace(dir, 'indicators/program.yaml');
    expect(issues.map(formatIssue)).toEqual([
      'data/d.csv:3: warning: IND: a running total (`accumulation: cumulative`) ' +
        'goes down from 41 in 2024-01 to 25 in 2024-02 (and 1 more decrease in this ' +
        'series); if each value counts its own period only, write `accumulation: sum`',
    ]);
  });
});
