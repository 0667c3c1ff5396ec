// `mel export iati`: the demo's results and a programme with breakdowns as IATI 2.03
// activities, validated against the IATI XSDs, checked against the Standard ruleset's
// result rules, and their figures against the assessment (assessment.json) and by hand.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessProgram, publicDocument } from '../../src/assess/assess-program.js';
import type { AssessmentDocument } from '../../src/assess/assessment.js';
import { exportIati } from '../../src/export/export-iati.js';
import { periodOf } from '../../src/periods/period.js';
import { loadWorkspace, type Workspace } from '../../src/workspace/load-workspace.js';
import { mel } from '../cli/capture.js';
import { writeProgramme } from '../helpers/programme.js';
import { descendants, kids, only, parseXml, type XmlNode } from '../helpers/xml-tree.js';
import { ruleViolations, xsdErrors } from './iati-rules.js';

const demoRoot = join(import.meta.dirname, '../..');
const env = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z

async function workspaceAt(root: string): Promise<Workspace> {
  const { workspace, issues } = await loadWorkspace(root, 'indicators/program.yaml');
  const errors = issues.filter((i) => i.severity === 'error');
  if (!workspace || errors.length) throw new Error(`programme has errors: ${JSON.stringify(errors)}`);
  return workspace;
}

function exported(ws: Workspace): string {
  const r = exportIati(ws, { env });
  if (!r.iati) throw new Error(JSON.stringify(r.issues));
  return r.iati.xml;
}

// ---- the figures of an IATI file, by indicator, period, kind and breakdown --------------

const dimsKey = (dims: Record<string, string>) =>
  Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join('|');
const figureKey = (indicator: string, start: string, end: string, kind: string, dims: Record<string, string>) =>
  `${indicator} ${start}/${end} ${kind} {${dimsKey(dims)}}`;

/** Every target and actual of the file: key -> value (each key once). */
function figuresOfFile(root: XmlNode): Map<string, number> {
  const out = new Map<string, number>();
  for (const indicator of descendants(root, 'indicator')) {
    const id = only(indicator, 'reference').attributes.code ?? '';
    for (const period of kids(indicator, 'period')) {
      const start = only(period, 'period-start').attributes['iso-date'] ?? '';
      const end = only(period, 'period-end').attributes['iso-date'] ?? '';
      for (const node of [...kids(period, 'target'), ...kids(period, 'actual')]) {
        const dims = Object.fromEntries(
          kids(node, 'dimension').map((d) => [d.attributes.name ?? '', d.attributes.value ?? '']),
        );
        const key = figureKey(id, start, end, node.name, dims);
        expect(out.has(key), `${key} twice`).toBe(false);
        out.set(key, Number(node.attributes.value));
      }
    }
  }
  return out;
}

/**
 * What the assessment says each period holds: the reporting periods' targets and actuals,
 * and every target (with a flow's window actual) whose window has started by as-of.
 */
function figuresOfAssessment(doc: AssessmentDocument, flows: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  const asOfEnd = periodOf(doc.as_of).end;
  const put = (key: string, value: number) => {
    if (out.has(key)) expect(out.get(key), key).toBe(value);
    out.set(key, value);
  };
  for (const r of doc.results) {
    for (const rp of r.reporting_periods ?? []) {
      const w = doc.reporting?.periods.find((p) => p.period === rp.period);
      if (!w) throw new Error(`no reporting period ${rp.period}`);
      if (rp.target !== null) put(figureKey(r.indicator, w.start, w.end, 'target', r.disaggregation), rp.target);
      if (rp.actual !== null) put(figureKey(r.indicator, w.start, w.end, 'actual', r.disaggregation), rp.actual);
    }
    for (const t of r.targets) {
      const p = periodOf(t.period);
      if (t.value === null || p.start > asOfEnd) continue;
      put(figureKey(r.indicator, p.start, p.end, 'target', r.disaggregation), t.value);
      if (flows.has(r.indicator) && t.window_actual !== undefined && t.window_actual !== null)
        put(figureKey(r.indicator, p.start, p.end, 'actual', r.disaggregation), t.window_actual);
    }
  }
  return out;
}

/** The sum of the illustrative CSV's rows a figure key names (its months and breakdown). */
function sumFromCsv(key: string): number {
  const m = /^\S+ (\d{4}-\d{2})-01\/(\d{4}-\d{2})-\d{2} actual \{(.*)\}$/.exec(key);
  if (!m) throw new Error(key);
  const [, from = '', to = '', dims = ''] = m;
  const wanted = dims ? dims.split('|').map((kv) => kv.split('=')) : [];
  const rows = readFileSync(join(demoRoot, 'data/illustrative/members-trained.csv'), 'utf8').trim().split('\n');
  const header = (rows[0] ?? '').split(',');
  const col = (name: string) => header.indexOf(name);
  return rows.slice(1).reduce((sum, line) => {
    const cells = line.split(',');
    const month = cells[col('period')] ?? '';
    if (month < from || month > to) return sum;
    if (!wanted.every(([k = '', v]) => cells[col(k)] === v)) return sum;
    return sum + Number(cells[col('value')]);
  }, 0);
}

describe('mel export iati: the demo', () => {
  let ws: Workspace;
  let xml: string;
  let root: XmlNode;
  let doc: AssessmentDocument;
  let schemaErrors: string[];
  let breakdownsXml: string;
  beforeAll(async () => {
    ws = await workspaceAt(demoRoot);
    xml = exported(ws);
    root = parseXml(xml);
    doc = publicDocument(assessProgram(ws.program, ws.data));
    breakdownsXml = exported(await workspaceAt(breakdownsProgramme()));
    // One run of libxml2's validator for both files.
    schemaErrors = await xsdErrors([
      { fileName: 'demo.xml', xml },
      { fileName: 'breakdowns.xml', xml: breakdownsXml },
    ]);
  });

  it('is valid against the IATI 2.03 activity XSD, and so is the programme with breakdowns', () => {
    expect(schemaErrors).toEqual([]);
  });

  it("holds every result rule of IATI's Standard ruleset (8.6.1, 8.8.x, 8.9.x, 8.10.x, 8.11.1)", () => {
    expect(ruleViolations(root)).toEqual([]);
    expect(ruleViolations(parseXml(breakdownsXml))).toEqual([]);
    // the rules were checked on something: every period, target and actual of the file
    expect(descendants(root, 'period').length).toBeGreaterThan(40);
    expect(descendants(root, 'baseline').length).toBeGreaterThan(15);
  });

  it('has one result per results-framework node with indicators, typed by its level', () => {
    const results = kids(only(root, 'iati-activity'), 'result');
    const titles = results.map((r) => [r.attributes.type, only(only(r, 'title'), 'narrative').text]);
    // in program.yaml's order; GE-G (impact) has no indicator of its own and is left out
    expect(titles).toEqual([
      ['2', "More public money for agriculture in Georgia's state budget"],
      ['1', 'A broad, working alliance: the DCG and its successor GAARD'],
      ['3', "Less chronic malnutrition (stunting) among Zambia's children"],
      ['3', "Less chronic malnutrition among Peru's children under five"],
      ['2', 'A public, time-bound political commitment: 5 points less stunting in 5 years'],
      ['1', 'The Child Nutrition Initiative coordinates its member agencies'],
      ['1', 'Illustrative: alliance members trained in nutrition counselling'],
    ]);
    const codes = descendants(root, 'indicator').map((i) => only(i, 'reference').attributes.code);
    expect(codes.sort()).toEqual(ws.program.indicators.map((i) => i.id).sort());
    // a reference on every indicator, never on a result (rule 8.11.1)
    expect(results.flatMap((r) => kids(r, 'reference'))).toEqual([]);
  });

  it("carries each indicator's measure, direction, title, definition and baseline with its source", () => {
    const stunting = descendants(root, 'indicator').find(
      (i) => only(i, 'reference').attributes.code === 'PE-STUNT-U5-INEI',
    ) as XmlNode;
    expect(stunting.attributes).toEqual({ measure: '2', ascending: '0' });
    expect(only(only(stunting, 'title'), 'narrative').text).toBe(
      'Chronic malnutrition in children under five, Peru (INEI, ENDES)',
    );
    expect(only(only(stunting, 'description'), 'narrative').text).toMatch(/^Percentage of children aged 0-59 months/);
    expect(only(stunting, 'reference').attributes).toEqual({ vocabulary: '99', code: 'PE-STUNT-U5-INEI' });
    const baseline = only(stunting, 'baseline');
    expect(baseline.attributes).toEqual({ year: '2007', 'iso-date': '2007-12-31', value: '28.5' });
    expect(only(only(baseline, 'comment'), 'narrative').text).toMatch(/^Source: INEI \(patrón OMS\)/);
    const trained = descendants(root, 'indicator').find(
      (i) => only(i, 'reference').attributes.code === 'ILLUSTRATIVE-MEMBERS-TRAINED',
    ) as XmlNode;
    expect(trained.attributes).toEqual({ measure: '1', ascending: '1' });
  });

  it('has every target and actual the assessment gives, and the same values (assessment.json)', () => {
    const flows = new Set(ws.program.indicators.filter((i) => i.accumulation === 'sum').map((i) => i.id));
    const expected = figuresOfAssessment(doc, flows);
    const inFile = figuresOfFile(root);
    expect(expected.size).toBeGreaterThan(60);
    for (const [key, value] of expected) expect(inFile.get(key), key).toBe(value);
    // Beyond them: the breakdowns' actuals in the quarters of the headline's targets,
    // summed here from the CSV itself; and the survey rounds of the programme's time that
    // fit in no reporting year, each with its own value (data/zambia/stunting.csv,
    // data/peru/stunting.csv; the JME's 2020-2021 round is 11.4 though the year 2021, inside
    // it, ends as late with 11.5).
    const extra = [...inFile].filter(([key]) => !expected.has(key));
    const flowExtras = extra.filter(([key]) => key.startsWith('ILLUSTRATIVE-MEMBERS-TRAINED '));
    expect(flowExtras.length).toBe(4 * 5); // four quarters x (women + four district x sex)
    for (const [key, value] of flowExtras) expect(value, key).toBe(sumFromCsv(key));
    expect(extra.filter(([key]) => !key.startsWith('ILLUSTRATIVE-'))).toEqual([
      ['ZM-STUNT-U5-DHS 2013-01-01/2014-12-31 actual {}', 40],
      ['ZM-STUNT-U5-DHS 2013-01-01/2014-12-31 actual {group=female}', 37.6],
      ['ZM-STUNT-U5-DHS 2013-01-01/2014-12-31 actual {group=male}', 42.4],
      ['ZM-STUNT-U5 2013-01-01/2014-12-31 actual {}', 40],
      ['ZM-STUNT-U5 2018-01-01/2019-12-31 actual {}', 34.6],
      ['PE-STUNT-U5-JME 2007-01-01/2008-12-31 actual {}', 28],
      ['PE-STUNT-U5-JME 2020-01-01/2021-12-31 actual {}', 11.4],
      ['PE-STUNT-U5-JME 2022-01-01/2023-12-31 actual {}', 11.7],
    ]);
  });

  it('counts the illustrative output indicator by hand: quarters summed, breakdowns, a for: target', () => {
    const f = figuresOfFile(root);
    const k = (start: string, end: string, kind: string, dims: Record<string, string> = {}) =>
      f.get(figureKey('ILLUSTRATIVE-MEMBERS-TRAINED', start, end, kind, dims));
    // data/illustrative/members-trained.csv, 2023-01..03: 5+4+7+3 + 6+4+6+3 + 6+5+7+4 = 60
    expect(k('2023-01-01', '2023-03-31', 'actual')).toBe(60);
    expect(k('2023-01-01', '2023-03-31', 'target')).toBe(50);
    // women in Q1: North 5+6+6, South 7+6+7 = 37
    expect(k('2023-01-01', '2023-03-31', 'actual', { sex: 'female' })).toBe(37);
    expect(k('2023-01-01', '2023-03-31', 'actual', { district: 'North', sex: 'female' })).toBe(17);
    // the year, with the breakdown target for women (for: { sex: female })
    expect(k('2023-01-01', '2023-12-31', 'target', { sex: 'female' })).toBe(150);
    expect(k('2023-01-01', '2023-12-31', 'actual', { sex: 'female' })).toBe(173);
    expect(k('2023-01-01', '2023-12-31', 'actual')).toBe(268);
    // targets after as-of (2024-Q1 on) are not periods of the file
    expect([...f.keys()].some((key) => key.includes('2024-'))).toBe(false);
  });

  it('says in a comment that a window is incomplete (South / male did not report 2023-05)', () => {
    const trained = descendants(root, 'indicator').find(
      (i) => only(i, 'reference').attributes.code === 'ILLUSTRATIVE-MEMBERS-TRAINED',
    ) as XmlNode;
    const q2 = kids(trained, 'period').find((p) => only(p, 'period-start').attributes['iso-date'] === '2023-04-01');
    const actuals = kids(q2 as XmlNode, 'actual');
    const headline = actuals.find((a) => kids(a, 'dimension').length === 0) as XmlNode;
    expect(only(only(headline, 'comment'), 'narrative').text).toBe('incomplete: 2023-05 not reported in full');
    const women = actuals.find((a) => kids(a, 'dimension').length === 1) as XmlNode;
    expect(kids(women, 'comment')).toEqual([]);
  });

  it('names the activity from program.iati, in the programme language, dated reproducibly', () => {
    const activity = only(root, 'iati-activity');
    expect(root.attributes).toEqual({ version: '2.03', 'generated-datetime': '2026-01-01T00:00:00Z' });
    expect(activity.attributes).toEqual({ 'last-updated-datetime': '2026-01-01T00:00:00Z', 'xml:lang': 'en' });
    expect(only(activity, 'iati-identifier').text).toBe('XM-EXAMPLE-CARE-ALLIANCES');
    expect(only(activity, 'reporting-org').attributes).toEqual({ ref: 'XM-EXAMPLE', type: '21' });
    expect(only(activity, 'participating-org').attributes).toEqual({ ref: 'XM-EXAMPLE', type: '21', role: '4' });
    expect(only(activity, 'activity-status').attributes).toEqual({ code: '2' });
    expect(kids(activity, 'activity-date').map((d) => d.attributes)).toEqual([
      { type: '1', 'iso-date': '2006-01-01' },
      { type: '3', 'iso-date': '2025-12-31' },
    ]);
    // same inputs, same bytes; without SOURCE_DATE_EPOCH, the last day of as-of
    expect(exported(ws)).toBe(xml);
    const undated = exportIati(ws, { env: {} }).iati?.xml ?? '';
    expect(undated).toContain('generated-datetime="2023-12-31T00:00:00Z"');
  });
});

/** A Spanish programme with quarterly reporting, monthly flows by sex, a rate by area. */
function breakdownsProgramme(): string {
  const trained = [
    ['2024-01', 'female', 6],
    ['2024-01', 'male', 5],
    ['2024-02', 'female', 7],
    ['2024-02', 'male', 6],
    ['2024-03', 'female', 8],
    ['2024-03', 'male', 4],
    ['2024-04', 'male', 9],
    ['2024-05', 'female', 10],
    ['2024-05', 'male', 8],
    ['2024-06', 'female', 11],
    ['2024-06', 'male', 7],
  ].map(([p, s, v]) => `trained,${p},${s},${v}`);
  return writeProgramme({
    'indicators/program.yaml': `program:
  id: breakdowns
  name: 'Agua & saneamiento <rural> "2024"'
  locale: es
  period: { start: 2024-01, end: 2025-12 }
  as_of: 2024-06
  reporting: quarterly
  iati:
    identifier: XM-TEST-BRK-1
    reporting_org: { ref: XM-TEST, type: 22, name: ONG de prueba }
results:
  - { id: R1, level: producto, statement: Personas capacitadas }
  - { id: R2, level: Efecto, statement: Acceso a agua segura }
  - { id: R3, level: componente, statement: Otro nivel }
  - { id: R4, level: impact, statement: Sin indicadores }
data:
  - { id: d, file: data/d.csv, disaggregations: [sex] }
  - { id: w, file: data/w.csv, disaggregations: [area] }
`,
    'indicators/trained.yaml': `id: TRAINED
name: Personas capacitadas
definition: Personas que terminaron el curso en el mes.
result: R1
unit: number
direction: increase
frequency: monthly
accumulation: sum
aggregate: sum
series: { data: d, match: { indicator: trained } }
targets:
  - { period: 2024-Q1, value: 30 }
  - { period: 2024-Q2, value: 40 }
  - { period: 2024-Q3, value: 50 }
  - { period: 2024-Q2, value: 25, for: { sex: female }, label: Mujeres en el segundo trimestre }
  - { period: 2024-03-15, value: 5 }
`,
    'indicators/water.yaml': `id: WATER
name: Hogares con agua segura
result: R2
unit: percent
direction: increase
frequency: quarterly
series: { data: w, match: { indicator: water } }
baseline: { period: 2023-Q4, value: 40.5, source: 'Encuesta "base" & otros' }
targets:
  - { period: 2024-Q2, value: 50 }
`,
    'indicators/other.yaml': `id: OTHER
name: Quejas recibidas
result: R3
unit: number
direction: decrease
frequency: annual
series: { data: d, match: { indicator: complaints } }
targets:
  - { period: 2024, value: 3 }
`,
    'indicators/visits.yaml': `id: VISITS
name: Visitas de seguimiento
unit: number
direction: increase
frequency: quarterly
accumulation: sum
series: { data: d, match: { indicator: visits } }
`,
    'data/d.csv':
      `indicator,period,sex,value\n${trained.join('\n')}\n` +
      `visits,2024-Q1,total,12\nvisits,2024-Q2,total,15\ncomplaints,2023,total,4\n`,
    'data/w.csv':
      'indicator,period,area,value\nwater,2023-Q4,total,40.5\nwater,2023-Q4,rural,30\nwater,2023-Q4,urban,55\n' +
      'water,2024-Q1,total,44.25\nwater,2024-Q1,rural,33.5\nwater,2024-Q1,urban,58\n' +
      'water,2024-Q2,total,47.5\nwater,2024-Q2,rural,36\nwater,2024-Q2,urban,60.25\n',
  });
}

describe('mel export iati: a programme with breakdowns, in Spanish', () => {
  let dir: string;
  let root: XmlNode;
  let f: Map<string, number>;
  beforeAll(async () => {
    dir = breakdownsProgramme();
    root = parseXml(exported(await workspaceAt(dir)));
    f = figuresOfFile(root);
  });
  const indicator = (code: string) =>
    descendants(root, 'indicator').find((i) => only(i, 'reference').attributes.code === code) as XmlNode;

  it('sums monthly flows into quarterly periods, with one actual per breakdown and the for: target', () => {
    const k = (start: string, end: string, kind: string, dims: Record<string, string> = {}) =>
      f.get(figureKey('TRAINED', start, end, kind, dims));
    // Q1: 6+5 + 7+6 + 8+4 = 36 against 30; women 6+7+8 = 21, men 5+6+4 = 15
    expect(k('2024-01-01', '2024-03-31', 'target')).toBe(30);
    expect(k('2024-01-01', '2024-03-31', 'actual')).toBe(36);
    expect(k('2024-01-01', '2024-03-31', 'actual', { sex: 'female' })).toBe(21);
    expect(k('2024-01-01', '2024-03-31', 'actual', { sex: 'male' })).toBe(15);
    // Q2: 9 + 10+8 + 11+7 = 45 against 40; women (April missing) 21 against their own 25
    expect(k('2024-04-01', '2024-06-30', 'target')).toBe(40);
    expect(k('2024-04-01', '2024-06-30', 'actual')).toBe(45);
    expect(k('2024-04-01', '2024-06-30', 'target', { sex: 'female' })).toBe(25);
    expect(k('2024-04-01', '2024-06-30', 'actual', { sex: 'female' })).toBe(21);
    expect(k('2024-04-01', '2024-06-30', 'actual', { sex: 'male' })).toBe(24);
    // Q3 starts after as-of (2024-06); the one-day target 2024-03-15 cannot be an IATI period
    expect([...f.keys()].filter((key) => key.startsWith('TRAINED ')).length).toBe(9);
    const q2 = kids(indicator('TRAINED'), 'period')[1] as XmlNode;
    const women = kids(q2, 'actual').find((a) => kids(a, 'dimension')[0]?.attributes.value === 'female') as XmlNode;
    expect(only(only(women, 'comment'), 'narrative').text).toBe('incompleto: 2024-04 sin informar por completo');
    const target = kids(q2, 'target').find((t) => kids(t, 'dimension').length) as XmlNode;
    expect(only(only(target, 'comment'), 'narrative').text).toBe('Mujeres en el segundo trimestre');
  });

  it('gives a rate its latest value per period, the headline target to each area, the baseline with its source', () => {
    const k = (start: string, end: string, kind: string, dims: Record<string, string> = {}) =>
      f.get(figureKey('WATER', start, end, kind, dims));
    expect(k('2024-01-01', '2024-03-31', 'actual')).toBe(44.25);
    expect(k('2024-01-01', '2024-03-31', 'actual', { area: 'rural' })).toBe(33.5);
    expect(k('2024-04-01', '2024-06-30', 'actual', { area: 'urban' })).toBe(60.25);
    expect(k('2024-04-01', '2024-06-30', 'target')).toBe(50);
    expect(k('2024-04-01', '2024-06-30', 'target', { area: 'rural' })).toBe(50);
    // the baseline quarter lies before the programme: a baseline, not a period
    expect([...f.keys()].some((key) => key.includes('2023-10-01'))).toBe(false);
    const water = indicator('WATER');
    expect(water.attributes).toEqual({ measure: '2', ascending: '1' });
    const headlineBaseline = kids(water, 'baseline').find((b) => kids(b, 'dimension').length === 0) as XmlNode;
    expect(headlineBaseline.attributes).toEqual({ year: '2023', 'iso-date': '2023-12-31', value: '40.5' });
    expect(only(only(headlineBaseline, 'comment'), 'narrative').text).toBe('Fuente: Encuesta "base" & otros');
  });

  it('types results by level in Spanish, keeps a target without data, and gathers unlinked indicators', () => {
    const results = kids(only(root, 'iati-activity'), 'result');
    expect(results.map((r) => [r.attributes.type, only(only(r, 'title'), 'narrative').text])).toEqual([
      ['1', 'Personas capacitadas'],
      ['2', 'Acceso a agua segura'],
      ['9', 'Otro nivel'],
      ['9', 'Indicadores no vinculados a un resultado del marco de resultados'],
    ]);
    // the 2024 target has started by as-of: a period with its target and no actual yet
    expect(f.get(figureKey('OTHER', '2024-01-01', '2024-12-31', 'target', {}))).toBe(3);
    expect(f.get(figureKey('OTHER', '2024-01-01', '2024-12-31', 'actual', {}))).toBeUndefined();
    expect(f.get(figureKey('VISITS', '2024-04-01', '2024-06-30', 'actual', {}))).toBe(15);
  });

  it('escapes the programme name and writes the language and the status', () => {
    const activity = only(root, 'iati-activity');
    expect(only(only(activity, 'title'), 'narrative').text).toBe('Agua & saneamiento <rural> "2024"');
    expect(activity.attributes['xml:lang']).toBe('es');
    expect(only(activity, 'activity-status').attributes.code).toBe('2');
    expect(only(only(activity, 'description'), 'narrative').text).toBe(
      'Agua & saneamiento <rural> "2024": 4 resultados y 4 indicadores del marco ' +
        'de resultados, con sus líneas de base, metas y valores alcanzados a 2024-06.',
    );
  });

  it('writes the file with mel export iati, warning about the one-day target', async () => {
    const r = await mel(['export', 'iati', '--out', 'out/iati.xml'], dir);
    expect(r.code).toBe(0);
    // The programme is in Spanish (`locale: es`): so is the terminal.
    expect(r.stdout).toContain('se escribió out/iati.xml: 4 resultados, 4 indicadores (fecha de corte 2024-06;');
    expect(r.stderr).toContain(
      'indicators/trained.yaml:16: aviso: indicador `TRAINED`: el periodo de la meta 2024-03-15 es un solo día',
    );
    expect(readFileSync(join(dir, 'out/iati.xml'), 'utf8')).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities /,
    );
  });
});

describe('mel export iati: what it needs', () => {
  it('stops with an error at program.yaml when the programme has no iati:', async () => {
    const dir = writeProgramme({
      'indicators/program.yaml': '# a programme\nprogram:\n  id: p\n  name: P\n  period: { start: 2020, end: 2022 }\n',
      'indicators/i.yaml': 'id: I\nname: I\nunit: number\ndirection: increase\nformula: "1"\ninputs: {}\n',
    });
    const r = await mel(['export', 'iati'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('indicators/program.yaml:2: `mel export iati` needs `iati:` under `program:`');
  });

  it('checks the iati: fields in every command', async () => {
    const dir = writeProgramme({
      'indicators/program.yaml':
        'program:\n  id: p\n  name: P\n  period: { start: 2020, end: 2022 }\n  iati:\n' +
        '    identifier: OTHER-1\n    reporting_org: { ref: XM-TEST, type: 99, name: N }\n',
      'indicators/i.yaml': 'id: I\nname: I\nunit: number\ndirection: increase\nformula: "1"\ninputs: {}\n',
    });
    const r = await mel(['validate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('indicators/program.yaml:7');
    expect(r.stderr).toContain('`type` is `99`; it must be one of `10`, `11`, `15`, `21`');
  });

  it("warns of an identifier that does not start with the reporting organisation's ref", async () => {
    const dir = writeProgramme({
      'indicators/program.yaml':
        'program:\n  id: p\n  name: P\n  period: { start: 2020, end: 2022 }\n  iati:\n' +
        '    identifier: OTHER-1\n    reporting_org: { ref: XM-TEST, type: 22, name: N }\n',
      'indicators/i.yaml': 'id: I\nname: I\nunit: number\ndirection: increase\nformula: "1"\ninputs: {}\n',
    });
    const r = await mel(['validate'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'indicators/program.yaml:6: warning: IATI identifier `OTHER-1` should ' +
        "start with the reporting organisation's ref and a hyphen (`XM-TEST-`)",
    );
  });

  it('never writes over a file it did not write; into a folder it writes its own file', async () => {
    const dir = breakdownsProgramme();
    const csv = readFileSync(join(dir, 'data/d.csv'), 'utf8');
    const input = await mel(['export', 'iati', '--out', 'data/d.csv'], dir);
    expect(input.code).toBe(1);
    expect(input.stderr).toContain('--out data/d.csv: es uno de los archivos del propio programa');
    expect(readFileSync(join(dir, 'data/d.csv'), 'utf8')).toBe(csv);
    writeFileSync(join(dir, 'notes.xml'), '<?xml version="1.0"?>\n<notes/>\n');
    const other = await mel(['export', 'iati', '--out', 'notes.xml'], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('--out notes.xml: este archivo no es una exportación escrita por mel');
    expect(readFileSync(join(dir, 'notes.xml'), 'utf8')).toBe('<?xml version="1.0"?>\n<notes/>\n');
    // a folder takes the file under its default name; a second export replaces the first
    mkdirSync(join(dir, 'out'));
    for (let i = 0; i < 2; i++) {
      const r = await mel(['export', 'iati', '--out', 'out'], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('se escribió out/iati-activities-2024-06.xml');
    }
    expect(readdirSync(join(dir, 'out'))).toEqual(['iati-activities-2024-06.xml']);
  });

  it('asks what to export', async () => {
    expect((await mel(['export'], demoRoot)).stderr).toContain('mel export: say what to export: iati');
    expect((await mel(['export', 'csv'], demoRoot)).code).toBe(2);
  });
});
