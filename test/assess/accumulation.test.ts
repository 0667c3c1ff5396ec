import { describe, expect, it } from 'vitest';
import { assessDir, headline, oneIndicator, writeProgramme } from '../helpers/programme.js';

describe('accumulation', () => {
  const csv = 'indicator,period,value\ns,2020-Q4,0\ns,2021-Q1,100\ns,2021-Q2,120\ns,2021-Q3,90\ns,2021-Q4,150\n';
  const body = (accumulation: string) =>
    `unit: number\ndirection: increase\nfrequency: quarterly\naccumulation: ${accumulation}\n` +
    `series: { data: d, match: { indicator: s } }\nbaseline: { period: 2020-Q4 }\n` +
    `targets:\n  - { period: 2021-Q2, value: 200 }\n  - { period: 2022-Q4, value: 1000 }\n`;

  it("a sum indicator's target is for its window; the actual to date is the running total", async () => {
    const r = headline(await assessDir(oneIndicator(body('sum'), csv), { asOf: '2021-Q4' }));
    // 0 + 100 + 120 + 90 + 150 since the programme's start (2000)
    expect(r.actual_to_date).toBe(460);
    expect(r.latest).toEqual({ period: '2021-Q4', value: 460 });
    // 200 during 2021-Q2, which saw 120
    expect(r.targets[0]).toMatchObject({
      period: '2021-Q2',
      value: 200,
      window_actual: 120,
      outcome: 'missed',
      percent_met: 0.6,
      complete: true,
    });
    expect(r.targets[1]).toMatchObject({ period: '2022-Q4', outcome: 'not_due', window_actual: null });
    // the cumulative target path: 200 once 2021-Q2 has ended, nothing more until 2022-Q4 starts
    expect(r.target_to_date).toBe(200);
    expect(r.progress_ratio).toBe(2.3);
    expect(r.lop_target).toBe(1200);
    expect(r.percent_of_lop).toBeCloseTo(460 / 1200, 10);
    expect(r.status).toBe('on_track');
    expect(r.notes.join(' ')).toMatch(/adds up the 5 values reported from the programme's start \(2000\) to 2021-Q4/);
  });

  it("TolaData's IPTT sums the flows of the completed target periods", async () => {
    const r = headline(await assessDir(oneIndicator(body('sum'), csv), { asOf: '2021-Q4', method: 'iptt' }));
    expect(r.methods.iptt?.inputs.actual_to_date).toBe(220);
    expect(r.methods.iptt?.inputs.target_to_date).toBe(200);
    expect(r.methods.iptt?.category).toBe('on_target');
  });

  it('a level indicator compares its latest value', async () => {
    const r = headline(await assessDir(oneIndicator(body('level'), csv), { asOf: '2021-Q4' }));
    expect(r.latest).toEqual({ period: '2021-Q4', value: 150 });
  });
});

describe('headline totals from breakdowns', () => {
  const twoDistricts =
    'indicator,period,district,value\n' +
    'trained,2020,north,40\ntrained,2020,south,60\ntrained,2021,north,50\ntrained,2021,south,70\n' +
    'num,2020,north,10\nnum,2020,south,30\nden,2020,north,100\nden,2020,south,100\n' +
    'pct,2020,north,10\npct,2020,south,30\n';

  it('sums counts, takes numerator over denominator for percentages, never a mean of percentages', async () => {
    const dir = writeProgramme({
      'indicators/program.yaml':
        'program:\n  id: t\n  name: T\n  period: { start: 2020, end: 2025 }\nresults: []\n' +
        'data:\n  - { id: d, file: data/d.csv, disaggregations: [district] }\n',
      'indicators/trained.yaml':
        'id: TRAINED\nname: People trained\nunit: number\ndirection: increase\n' +
        'series: { data: d, match: { indicator: trained } }\naggregate: sum\n',
      'indicators/num.yaml':
        'id: NUM\nname: Children stunted\nunit: number\ndirection: decrease\n' +
        'series: { data: d, match: { indicator: num } }\n',
      'indicators/den.yaml':
        'id: DEN\nname: Children measured\nunit: number\n' +
        'direction: increase\nseries: { data: d, match: { indicator: den } }\n',
      'indicators/pct.yaml':
        'id: PCT\nname: Stunting\nunit: percent\ndirection: decrease\n' +
        'series: { data: d, match: { indicator: pct } }\naggregate: { numerator: NUM, denominator: DEN }\n',
      'data/d.csv': twoDistricts,
    });
    const doc = await assessDir(dir, { asOf: '2021' });
    const trained = doc.results.find((r) => r.indicator === 'TRAINED' && Object.keys(r.disaggregation).length === 0)!;
    expect(trained.latest).toEqual({ period: '2021', value: 120, source: 'sum of 2 breakdowns' });
    const pct = doc.results.find((r) => r.indicator === 'PCT' && Object.keys(r.disaggregation).length === 0)!;
    // (10 + 30) / (100 + 100) x 100 = 20, where the mean of 10 % and 30 % would also be 20
    // only by chance of equal denominators
    expect(pct.latest?.value).toBe(20);
    const rural = doc.results.find((r) => r.indicator === 'PCT' && r.disaggregation.district === 'north')!;
    expect(rural.latest?.value).toBe(10);
  });
});

describe('computed indicators with breakdowns', () => {
  it('evaluates the formula for the headline and for each breakdown its inputs share', async () => {
    const dir = writeProgramme({
      'indicators/program.yaml':
        'program:\n  id: t\n  name: T\n  period: { start: 2020, end: 2025 }\n' +
        'results: []\ndata:\n  - { id: d, file: data/d.csv, disaggregations: [area] }\n',
      'indicators/a.yaml':
        'id: AGRI\nname: Agriculture budget\nunit: currency\n' +
        'direction: increase\nseries: { data: d, match: { indicator: agri } }\n',
      'indicators/b.yaml':
        'id: TOTAL\nname: State budget\nunit: currency\ndirection: increase\n' +
        'series: { data: d, match: { indicator: total } }\n',
      'indicators/c.yaml':
        'id: SHARE\nname: Agriculture share\nunit: percent\ndirection: increase\n' +
        'formula: agri / total * 100\ninputs: { agri: AGRI, total: TOTAL }\n',
      'data/d.csv':
        'indicator,period,area,value\nagri,2020,total,85.1\nagri,2021,total,228.4\ntotal,2020,total,7459.2795\n' +
        'total,2021,total,0\ntotal,2022,total,9000\nagri,2020,east,10\ntotal,2020,east,200\n',
    });
    const doc = await assessDir(dir, { asOf: '2022' });
    const share = doc.results.find((r) => r.indicator === 'SHARE' && Object.keys(r.disaggregation).length === 0)!;
    expect(share.baseline?.value).toBeCloseTo(1.14086, 4);
    expect(share.latest?.period).toBe('2020');
    expect(share.missing).toBe(2);
    const east = doc.results.find((r) => r.indicator === 'SHARE' && r.disaggregation.area === 'east')!;
    expect(east.latest?.value).toBe(5);
  });
});
