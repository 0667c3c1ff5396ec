import { describe, expect, it } from 'vitest';
import { smartReview, type SmartIndicatorReview } from '../../src/assess/smart-review.js';
import { renderSmartReview } from '../../src/assess/smart-text.js';
import { smartMessages } from '../../src/messages/smart.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { oneIndicator } from '../helpers/programme.js';
import { mel } from '../cli/capture.js';
import { join } from 'node:path';
import { periodOf } from '../../src/periods/period.js';

async function review(body: string, csv: string, locale: 'en' | 'es' = 'en'): Promise<SmartIndicatorReview> {
  const dir = oneIndicator(body, csv);
  const { workspace } = await loadWorkspace(dir, 'indicators/program.yaml');
  return smartReview(workspace!.program, workspace!.data, locale).indicators[0]!;
}

const series = 'series: { data: d, match: { indicator: s } }\n';
const rows = (pairs: [number, number][]) =>
  `indicator,period,value\n${pairs.map(([p, v]) => `s,${p},${v}`).join('\n')}\n`;
// a series that fell 1 point a year from 2000 to 2010
const history = rows(Array.from({ length: 11 }, (_, i) => [2000 + i, 40 - i] as [number, number]));

describe('the SMART review', () => {
  it('flags a vague verb without a quantity in the definition', async () => {
    const r = await review(
      `definition: Strengthen the capacity of communities to improve nutrition practices in the districts.\n` +
        `unit: number\ndirection: increase\n${series}`,
      history,
    );
    expect(r.letters.S.status).toBe('warn');
    expect(r.letters.S.findings.some((f) => f.text.includes('"strengthen" without a quantity'))).toBe(true);
  });

  it('a pace within 1.5x of the best the series has shown is achievable', async () => {
    // 30 in 2010 -> 20 in 2020: 1 point a year, the series did 1 point a year
    const r = await review(
      `definition: Percentage of children under five whose height-for-age is below -2 SD.\nunit: percent\n` +
        `direction: decrease\n${series}baseline: { period: 2010 }\ntargets: [{ period: 2020, value: 20 }]\n`,
      history,
    );
    const a = r.letters.A.findings[0]!;
    expect(a.status).toBe('pass');
    expect(a.evidence?.required_per_year).toBeCloseTo(1, 10);
    expect(a.evidence?.best_per_year).toBeCloseTo(1, 10);
  });

  it('beyond 1.5x the best pace is ambitious, beyond 3x unprecedented', async () => {
    const body = (target: number) =>
      `definition: Percentage of children under five whose height-for-age is below -2 SD.\nunit: percent\n` +
      `direction: decrease\n${series}baseline: { period: 2010 }\ntargets: [{ period: 2015, value: ${target} }]\n`;
    const ambitious = (await review(body(20), history)).letters.A.findings[0]!; // 2 a year = 2x
    expect(ambitious.status).toBe('warn');
    expect(ambitious.text).toMatch(/^Ambitious/);
    const unprecedented = (await review(body(10), history)).letters.A.findings[0]!; // 4 a year = 4x
    expect(unprecedented.status).toBe('fail');
    expect(unprecedented.text).toMatch(/^Unprecedented/);
    expect(unprecedented.evidence?.ratio_to_best).toBeCloseTo(4, 10);
  });

  it('a percentage target outside 0-100 is impossible', async () => {
    const r = await review(
      `definition: Percentage of households with a handwashing station with soap and water.\n` +
        `unit: percent\ndirection: increase\n${series}baseline: { period: 2010 }\n` +
        `targets: [{ period: 2015, change: 80, change_unit: pp }]\n`,
      history,
    );
    expect(r.letters.A.findings[0]!.text).toMatch(/outside 0-100 %: it is impossible/);
  });

  it('an indicator without a result, baseline or targets fails R, M and T with what to do', async () => {
    const dir = oneIndicator(`unit: number\ndirection: increase\n${series}`, history);
    const { workspace } = await loadWorkspace(dir, 'indicators/program.yaml');
    workspace!.program.indicators[0]!.result = undefined;
    const r = smartReview(workspace!.program, workspace!.data).indicators[0]!;
    // In plain words; the YAML fix is apart, for the terminal.
    expect(r.letters.R.findings[0]!.text).toBe('Not linked to a result of the results framework.');
    expect(r.letters.R.findings[0]!.fix).toMatch(/`result:`/);
    expect(r.letters.M.status).toBe('fail');
    expect(r.letters.T.findings[0]!.text).toMatch(/No dated target/);
    // The terminal shows the fix under the finding.
    const text = renderSmartReview(smartReview(workspace!.program, workspace!.data), { color: false, locale: 'en' });
    expect(text).toContain(
      '      ! Not linked to a result of the results framework.\n' +
        '        fix: set `result:` in the indicator file to the result it measures',
    );
    expect(text).toMatch(/^ {2}M Measurable {2}FAIL$/m);
    // In Spanish, every word of it: the letters, their verdicts, the fix.
    const es = renderSmartReview(smartReview(workspace!.program, workspace!.data, 'es'), {
      color: false,
      locale: 'es',
    });
    expect(es).toMatch(/^ {2}M Medible {5}NO CUMPLE$/m);
    expect(es).toMatch(/^ {2}T Temporal {4}NO CUMPLE$/m);
    expect(es).toContain('        corrección: indique en `result:` del archivo del indicador el resultado que mide');
  });

  it('milestones out of order and targets outside the programme period are named', async () => {
    const r = await review(
      `definition: Percentage of children under five whose height-for-age is below -2 SD.\n` +
        `unit: percent\ndirection: decrease\n${series}baseline: { period: 2010 }\ntargets:\n` +
        `  - { period: 2015, value: 25 }\n  - { period: 2020, value: 28 }\n  - { period: 2040, value: 10 }\n`,
      history,
    );
    const texts = r.letters.T.findings.map((f) => f.text);
    expect(texts).toContain('The milestones 2015 and 2020 are out of order for an indicator meant to decrease.');
    expect(texts).toContain('The 2040 target lies outside the programme period 2000-2030.');
  });

  it("judges a flow's windowed target on running totals, not on the monthly values", async () => {
    // 30 trained a month through 2024: any quarter's running total grows by 90
    const months =
      'indicator,period,value\n' +
      Array.from({ length: 12 }, (_, i) => `s,2024-${String(i + 1).padStart(2, '0')},30`).join('\n') +
      '\n';
    const body = (target: number) =>
      `definition: Number of alliance members trained in nutrition counselling each month.\n` +
      `unit: number\ndirection: increase\nfrequency: monthly\naccumulation: sum\n` +
      `${series}baseline: { period: 2023, value: 0 }\ntargets: [{ period: 2025-Q1, value: ${target} }]\n`;
    // 120 in 2025-Q1 (90 days) is 486.7 a year; a quarter of running totals has grown by
    // 90, about 360 a year (months differ in length, hence the margin): 1.35 times, achievable
    const a = (await review(body(120), months)).letters.A.findings[0]!;
    const q1 = periodOf('2025-Q1');
    expect(a.evidence?.required_per_year).toBeCloseTo(120 / (q1.endYear - q1.startYear), 9);
    expect(a.evidence?.best_per_year).toBeGreaterThan(355);
    expect(a.evidence?.best_per_year).toBeLessThan(370);
    expect(a.status).toBe('pass');
    const unprecedented = (await review(body(400), months)).letters.A.findings[0]!;
    expect(unprecedented.status).toBe('fail');
  });

  it('speaks Spanish for a Spanish programme', async () => {
    const r = await review(`unit: number\ndirection: increase\n${series}`, history, 'es');
    expect(r.letters.M.findings.some((f) => f.text.startsWith('Sin línea de base'))).toBe(true);
  });

  it("mel smart explains every finding of the project's own indicators in a sentence, with a summary", async () => {
    const { code, stdout } = await mel(['smart'], join(import.meta.dirname, '../..'));
    expect(code).toBe(0);
    expect(stdout).toContain('ZM-STUNT-U5  Stunting in children under five, Zambia');
    expect(stdout).toMatch(/Ambitious: the 2015 target needs 3\.75 percentage points a year/);
    expect(stdout).toMatch(/Summary \(indicators passing/);
    const findings = stdout.split('\n').filter((l) => /^ {6}[-!] /.test(l));
    expect(findings.length).toBeGreaterThan(60);
    for (const f of findings) expect(f.trim()).toMatch(/[.?)]$/);
  });
});

describe('a pace in words', () => {
  it('says one unit in the singular and any other amount in the plural, in English and Spanish', () => {
    const en = smartMessages.en;
    const es = smartMessages.es;
    expect(en.paceOk('2011', '1', en.unitWords('percent'), '1.51', '5', '2006', '2011')).toBe(
      'Reaching the 2011 target needs 1 percentage point a year; the series has shown up to 1.51 percentage points ' +
        'a year over 5 years (2006 to 2011). Within reach.',
    );
    expect(es.paceOk('2011', '1', es.unitWords('percent'), '1,51', '5', '2006', '2011')).toBe(
      'Alcanzar la meta de 2011 requiere 1 punto porcentual por año; la serie ha mostrado hasta 1,51 puntos ' +
        'porcentuales por año en 5 años (2006 a 2011). Alcanzable.',
    );
    expect(es.paceUnknown('2025', '2', es.unitWords('number'))).toContain('requiere 2 unidades por año');
    expect(en.paceUnknown('2025', '1', en.unitWords('people trained'))).toContain('needs 1 people trained a year');
  });
});
