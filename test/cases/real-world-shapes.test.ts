// Programmes shaped like the ones M&E officers bring: a Spanish Excel export, survey
// rounds, every country of a survey file, the published Open SDG vectors.
import { describe, expect, it } from 'vitest';
import { assessDir, headline, writeProgramme } from '../helpers/programme.js';
import { mel } from '../cli/capture.js';

const programme = (data: string, extra = '') => `program:
  id: peru
  name: Iniciativa contra la Desnutrición Infantil
  locale: es
  period: { start: 2006, end: 2016 }
  as_of: 2011
results:
  - { id: G1, level: impacto, statement: Menos desnutrición crónica }
data:
${data}${extra}`;

describe('a Spanish Excel export with a "-5 percentage points in five years" target', () => {
  const csv =
    '\ufeffAño;Ámbito;Indicador;Valor;Fuente\r\n' +
    '2006;Nacional;desnutricion_cronica;29,5;ENDES 2006\r\n' +
    '2006;Rural;desnutricion_cronica;46,3;ENDES 2006\r\n' +
    '2009;Nacional;desnutricion_cronica;23,8;ENDES 2009\r\n' +
    '2011;Nacional;desnutricion_cronica;19,5;ENDES 2011\r\n' +
    '2011;Rural;desnutricion_cronica;37,0;ENDES 2011\r\n';
  const dir = writeProgramme({
    'indicators/program.yaml': programme(`  - id: endes
    file: data/desnutricion.csv
    columns: { indicator: Indicador, period: Año, value: Valor, source: Fuente }
    disaggregations: [Ámbito]
    totals: { Ámbito: Nacional }
`),
    'indicators/dci.yaml': `id: DCI-U5
name: Desnutrición crónica en menores de cinco años
definition: Porcentaje de niñas y niños de 0 a 59 meses con talla para la edad por debajo de -2 DE del patrón OMS.
result: G1
unit: percent
direction: decrease
series: { data: endes, match: { indicator: desnutricion_cronica } }
baseline: { period: 2006 }
targets:
  - { period: 2011, change: -5, change_unit: pp, label: Compromiso 5x5x5 }
`,
    'data/desnutricion.csv': Buffer.from(csv, 'utf8'),
  });

  it('is achieved, with baseline, target and latest value exactly right', async () => {
    const doc = await assessDir(dir);
    const r = headline(doc);
    expect(r.baseline).toEqual({ period: '2006', value: 29.5, source: 'ENDES 2006' });
    expect(r.target).toEqual({ period: '2011', value: 24.5, label: 'Compromiso 5x5x5' });
    expect(r.latest).toEqual({ period: '2011', value: 19.5, source: 'ENDES 2011' });
    expect(r.status).toBe('achieved');
    expect(r.targets[0]).toMatchObject({ period: '2011', value: 24.5, outcome: 'achieved' });
  });

  it('resolves the relative target per breakdown from its own baseline', async () => {
    const rural = (await assessDir(dir)).results.find((r) => r.disaggregation.Ámbito === 'Rural')!;
    expect(rural.baseline?.value).toBe(46.3);
    expect(rural.target?.value).toBe(41.3);
    expect(rural.latest?.value).toBe(37);
    expect(rural.status).toBe('achieved');
  });

  it("validates through the command line, in the programme's Spanish", async () => {
    const { code, stdout } = await mel(['validate'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('sin errores');
  });
});

describe('the published Open SDG vectors', () => {
  const dir = (rows: string, target: string) =>
    writeProgramme({
      'indicators/program.yaml':
        `program:\n  id: sdg\n  name: SDG\n  period: { start: 2015, end: 2030 }\n` +
        `results: []\nassessment: { method: open-sdg }\ndata:\n  - { id: d, file: data/d.csv }\n`,
      'indicators/x.yaml':
        `id: X\nname: X\nunit: number\ndirection: decrease\n` +
        `series: { data: d, match: { indicator: x } }\n${target}`,
      'data/d.csv': `indicator,period,value\n${rows}`,
    });

  it('1.55 (2015) -> 1.82 (2019) against a target of 0 by 2030 is deterioration, score -2.9408', async () => {
    const r = headline(
      await assessDir(
        dir('x,2015,1.55\nx,2019,1.82\n', 'baseline: { period: 2015 }\ntargets: [{ period: 2030, value: 0 }]\n'),
      ),
    );
    const o = r.methods['open-sdg']!;
    expect(o.category).toBe('deterioration');
    expect(o.score).toBeCloseTo(-2.9408, 4);
    expect(o.inputs.cagr_observed as number).toBeCloseTo(0.0409621, 6);
    expect(o.inputs.cagr_required as number).toBeCloseTo(-0.3872106, 6);
    expect(o.inputs.ratio as number).toBeCloseTo(-0.1057877, 6);
  });

  it('100 (2020) -> 120 (2021) with no target, decrease desired, is deterioration, score -5', async () => {
    const r = headline(await assessDir(dir('x,2020,100\nx,2021,120\n', '')));
    // without a target the trajectory status is no_target; Open SDG method 1 still judges
    expect(r.status).toBe('no_target');
    const o = r.methods['open-sdg']!;
    expect(o.category).toBe('deterioration');
    expect(o.score).toBeCloseTo(-5, 4);
  });
});

describe("a file of every country's survey estimates", () => {
  // 160 countries, survey years with repeats (two surveys in one year), some countries
  // with no estimate in the baseline year.
  const countries = Array.from({ length: 160 }, (_, i) => `C${String(i).padStart(3, '0')}`);
  const rows: string[] = ['ISO,Country,Year,Estimate,Survey'];
  countries.forEach((c, i) => {
    const base = 20 + (i % 30);
    const years = i % 10 === 0 ? [2014, 2018] : [2012, 2016, 2016, 2020];
    for (const [k, y] of years.entries()) {
      rows.push(`${c},Country ${c},${y},${(base - k * 1.5 + (k === 2 ? 0.4 : 0)).toFixed(1)},Survey ${k}`);
    }
  });
  const dir = writeProgramme({
    'indicators/program.yaml':
      `program:\n  id: world\n  name: World\n  period: { start: 2012, end: 2030 }\n` +
      `  as_of: 2022\nresults: []\ndata:\n  - id: jme\n    file: data/jme.csv\n` +
      `    columns: { indicator: ISO, period: Year, value: Estimate, source: Survey }\n` +
      `    disaggregations: [ISO]\n    duplicates: mean\n`,
    'indicators/stunting.yaml':
      `id: STUNT\nname: Stunting\nunit: percent\ndirection: decrease\n` +
      `frequency: irregular\nseries: { data: jme }\naggregate: none\nbaseline: { period: 2012 }\n` +
      `targets: [{ period: 2030, change: -40, change_unit: percent }]\n`,
    'data/jme.csv': `${rows.join('\n')}\n`,
  });

  it('gives one result per country, the baseline read per country, no crash where one lacks it', async () => {
    const doc = await assessDir(dir);
    expect(doc.results).toHaveLength(160);
    const c1 = doc.results.find((r) => r.disaggregation.ISO === 'C001')!;
    expect(c1.baseline).toMatchObject({ period: '2012', value: 21 });
    expect(c1.target?.value).toBeCloseTo(12.6, 10);
    // two surveys in 2016 (19.5 and 19.4) are averaged under duplicates: mean
    const lacking = doc.results.find((r) => r.disaggregation.ISO === 'C000')!;
    expect(lacking.baseline).toBeNull();
    expect(lacking.status).toBe('no_data');
    expect(lacking.reason).toMatch(/no value for the baseline period 2012/);
    expect(doc.results.filter((r) => r.status === 'no_data')).toHaveLength(16);
  });
});
