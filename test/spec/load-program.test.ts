import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/spec/load-program.js';
import { formatIssue } from '../../src/spec/issues.js';

/** Writes a programme into a temporary directory: { 'indicators/program.yaml': '...', ... }. */
function programDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mel-spec-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const program = `program:
  id: test
  name: Test
  period: { start: 2010, end: 2025 }
results:
  - { id: G1, level: impact, statement: Less stunting }
data:
  - { id: survey, file: data/s.csv }
`;

const load = (files: Record<string, string>) => {
  const dir = programDir({ 'indicators/program.yaml': program, ...files });
  const r = loadProgram(dir, 'indicators/program.yaml');
  return { ...r, messages: r.issues.map(formatIssue) };
};

describe('programme and indicator files', () => {
  it('a valid indicator is normalised: periods parsed, defaults filled', () => {
    const { program: p, messages } = load({
      'indicators/a.yaml':
        `id: A\nname: Stunting\nresult: G1\nunit: percent\ndirection: decrease\n` +
        `series: { data: survey, match: { indicator: s } }\nbaseline: { period: 2013-14 }\ntargets:\n` +
        `  - { period: 2025, value: 25 }\n  - { period: 2015, change: -5, change_unit: pp }\n`,
    });
    expect(messages).toEqual([]);
    const a = p!.indicators[0]!;
    expect(a.frequency).toBe('annual');
    expect(a.accumulation).toBe('level');
    expect(a.baseline!.period.id).toBe('2013-2014');
    expect(a.targets.map((t) => t.period.id)).toEqual(['2015', '2025']);
  });

  it('names a referenced result, data source or input that is not defined, where it is referenced', () => {
    const { messages } = load({
      'indicators/a.yaml': `id: A\nname: X\nresult: G2\nunit: number\ndirection: increase\nseries: { data: surveys }\n`,
      'indicators/b.yaml': `id: B\nname: Y\nunit: number\ndirection: increase\nformula: a * 2\ninputs: { a: AA }\n`,
    });
    expect(messages).toContain(
      'indicators/a.yaml:3:9: result `G2` is not defined in program.yaml results: did you mean `G1`?',
    );
    expect(messages).toContain(
      'indicators/a.yaml:6:17: data source `surveys` is not defined in program.yaml data: did you mean `survey`?',
    );
    expect(messages).toContain(
      'indicators/b.yaml:6:14: input `a` refers to indicator `AA`, which is not defined: did you mean `A`?',
    );
  });

  it('a missing required field is named and a wrong enum lists the allowed values', () => {
    const { messages } = load({
      'indicators/a.yaml': `id: A\nname: X\nunit: number\ndirection: up\nseries: { data: survey }\nfrequency: yearly\n`,
    });
    expect(messages).toContain('indicators/a.yaml:4:12: `direction` is `up`; it must be one of `increase`, `decrease`');
    expect(messages).toContain(
      'indicators/a.yaml:6:12: `frequency` is `yearly`; it must be one of ' +
        '`weekly`, `monthly`, `quarterly`, `semiannual`, `annual`, `irregular`',
    );
    const m2 = load({ 'indicators/a.yaml': `id: A\nunit: number\ndirection: up\nseries: { data: survey }\n` }).messages;
    expect(m2.some((m) => m.includes('missing required field `name`'))).toBe(true);
  });

  it('an unknown key gets a suggestion, in the programme file too', () => {
    const dir = programDir({
      'indicators/program.yaml': program.replace('  period:', '  perod:'),
      'indicators/a.yaml': `id: A\nname: X\nunit: number\ndirection: increase\nseries: { data: survey }\n`,
    });
    const messages = loadProgram(dir, 'indicators/program.yaml').issues.map(formatIssue);
    expect(messages).toContain('indicators/program.yaml:4:3: unknown key `perod`: did you mean `period`?');
  });

  it('an unreadable period in a target is reported at its line', () => {
    const { messages } = load({
      'indicators/a.yaml':
        `id: A\nname: X\nunit: percent\ndirection: increase\n` +
        `series: { data: survey }\ntargets:\n  - { period: 2025-Q7, value: 3 }\n`,
    });
    expect(messages.some((m) => m.startsWith('indicators/a.yaml:7:15: `period`'))).toBe(true);
  });

  it('a pp target on an indicator that is not a percentage is refused', () => {
    const { messages } = load({
      'indicators/a.yaml':
        `id: A\nname: X\nunit: number\ndirection: increase\nseries: { data: survey }\n` +
        `targets:\n  - { period: 2025, change: 5, change_unit: pp }\n`,
    });
    expect(messages.some((m) => m.includes('percentage points') && m.startsWith('indicators/a.yaml:7:'))).toBe(true);
  });

  it('a change target without change_unit is refused', () => {
    const { messages } = load({
      'indicators/a.yaml':
        `id: A\nname: X\nunit: percent\ndirection: increase\n` +
        `series: { data: survey }\ntargets:\n  - { period: 2025, change: 5 }\n`,
    });
    expect(messages.some((m) => m.includes('needs `change_unit`'))).toBe(true);
  });

  it('two indicators with one id are both named', () => {
    const { messages } = load({
      'indicators/a.yaml': `id: A\nname: X\nunit: number\ndirection: increase\nseries: { data: survey }\n`,
      'indicators/b.yaml': `id: A\nname: Y\nunit: number\ndirection: increase\nseries: { data: survey }\n`,
    });
    expect(messages).toContain('indicators/b.yaml:1:5: indicator id `A` is also used in indicators/a.yaml');
  });
});

describe('what fuzzing found: entries that contradict each other are errors, not a silent first pick', () => {
  const indicatorA = `id: A\nname: X\nresult: G1\nunit: number\ndirection: increase\nseries: { data: survey }\n`;
  const withProgram = (programText: string, files: Record<string, string> = {}) => {
    const dir = programDir({ 'indicators/program.yaml': programText, 'indicators/a.yaml': indicatorA, ...files });
    return loadProgram(dir, 'indicators/program.yaml').issues.map(formatIssue);
  };
  const head = 'program:\n  id: test\n  name: Test\n  period: { start: 2010, end: 2025 }\n';
  const data = 'data:\n  - { id: survey, file: data/s.csv }\n';

  it('two results with one id', () => {
    const messages = withProgram(
      `${head}results:\n  - { id: G1, level: impact, statement: A }\n` +
        `  - { id: G1, level: outcome, statement: B }\n${data}`,
    );
    expect(messages).toEqual([
      'indicators/program.yaml:7:11: result id `G1` is already used at line 6; each result has its own id',
    ]);
  });

  it('results that are parents of each other, and a result its own parent, name the cycle', () => {
    const messages = withProgram(
      `${head}results:\n  - { id: G1, level: impact, statement: A, parent: O1 }\n` +
        `  - { id: O1, level: outcome, statement: B, parent: G1 }\n` +
        `  - { id: P1, level: output, statement: C, parent: P1 }\n${data}`,
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /^indicators\/program.yaml:6:\d+: results are each other's parents in a cycle: G1 -> O1 -> G1/,
      ),
      expect.stringMatching(/^indicators\/program.yaml:8:\d+: results are each other's parents in a cycle: P1 -> P1/),
    ]);
  });

  it('bands in the wrong order', () => {
    const messages = withProgram(
      `${head}results:\n  - { id: G1, level: impact, statement: A }\n` +
        `assessment:\n  bands: { on_track: 0.6, at_risk: 0.85 }\n${data}`,
    );
    expect(messages).toEqual([expect.stringMatching(/^indicators\/program.yaml:8:\d+: the bands are out of order: /)]);
    expect(messages[0]).toContain(
      ': the bands are out of order: `at_risk` (0.85) must be at least 0 and at most `on_track` (0.6)',
    );
  });

  it('two data sources with one id', () => {
    const messages = withProgram(
      `${head}results:\n  - { id: G1, level: impact, statement: A }\n${data}  - { id: survey, file: data/t.csv }\n`,
    );
    expect(messages).toEqual([
      'indicators/program.yaml:9:11: data source id `survey` is ' +
        'already used at line 8; each data source has its own id',
    ]);
  });

  it('two targets for one period, however the period is written', () => {
    const { messages } = load({
      'indicators/a.yaml':
        `${indicatorA}targets:\n  - { period: 2020, value: 1 }\n  - { period: 2020, value: 2 }\n` +
        `  - { period: FY2022, value: 3 }\n  - { period: 2022, value: 4 }\n`,
    });
    expect(messages).toEqual([
      'indicators/a.yaml:9:15: a target for `2020` is already given at line 8; an indicator has one target per period',
      'indicators/a.yaml:11:15: a target for `2022` is already ' +
        'given at line 10; an indicator has one target per period',
    ]);
  });

  it('two targets for one period and breakdown; one each for two breakdowns is fine', () => {
    const messages = withProgram(
      `${head}results:\n  - { id: G1, level: impact, statement: A }\n` +
        `data:\n  - { id: survey, file: data/s.csv, disaggregations: [sex] }\n`,
      {
        'indicators/a.yaml':
          `${indicatorA}targets:\n  - { period: 2020, value: 1, for: { sex: f } }\n` +
          `  - { period: 2020, value: 2, for: { sex: m } }\n  - { period: 2020, value: 3, for: { sex: f } }\n`,
      },
    );
    expect(messages).toEqual([
      'indicators/a.yaml:10:15: a target for `2020` (sex: f) is already ' +
        'given at line 8; an indicator has one target per period and breakdown',
    ]);
  });
});

describe('output indicators: reporting periods, breakdown targets, LOP targets', () => {
  const byDistrict = `program:
  id: test
  name: Test
  period: { start: 2024, end: 2025 }
  reporting: quarterly
  fiscal_year_start: 10
data:
  - { id: d, file: data/d.csv, disaggregations: [district, sex] }
`;
  const loadWith = (programText: string, indicator: string) => {
    const dir = programDir({ 'indicators/program.yaml': programText, 'indicators/a.yaml': indicator });
    const r = loadProgram(dir, 'indicators/program.yaml');
    return { ...r, messages: r.issues.map(formatIssue) };
  };
  const flow =
    `id: A\nname: Trained\nunit: number\ndirection: increase\nfrequency: monthly\n` +
    `accumulation: sum\nseries: { data: d, match: { indicator: t } }\n`;

  it('reads `program.reporting` (default annual), `for:` on targets and `lop_target` in both forms', () => {
    const { program: p, messages } = loadWith(
      byDistrict,
      `${flow}aggregate: sum\ntargets:\n  - { period: 2024, value: 120, for: { sex: female } }\n` +
        `lop_target: { total: 1000, by: [ { for: { district: North }, value: 500 } ] }\n`,
    );
    expect(messages).toEqual([]);
    expect(p?.reporting).toBe('quarterly');
    expect(p?.fiscalYearStart).toBe(10);
    expect(p!.indicators[0]!.targets[0]!.for).toEqual({ sex: 'female' });
    expect(p!.indicators[0]!.lopTarget).toMatchObject({
      total: 1000,
      by: [{ for: { district: 'North' }, value: 500 }],
    });
    const plain = loadWith(byDistrict.replace('  reporting: quarterly\n', ''), `${flow}lop_target: 800\n`);
    expect(plain.program?.reporting).toBe('annual');
    expect(plain.program!.indicators[0]!.lopTarget).toMatchObject({ total: 800, by: [] });
  });

  it('says which `for:` column the data does not have, and that a group total needs a rule', () => {
    const { messages } = loadWith(
      byDistrict,
      `${flow}targets:\n  - { period: 2024, value: 120, for: { gender: female } }\n` +
        `  - { period: 2024, value: 60, for: { district: North } }\n`,
    );
    expect(messages).toEqual([
      'indicators/a.yaml:9:48: `for:` names column `gender`, which is not a ' +
        "disaggregation of this indicator's data (disaggregations: `district`, `sex`)",
      'indicators/a.yaml:10: warning: indicator `A`: `for:` names only some breakdown columns, a group whose ' +
        "total is built by the indicator's `aggregate:` rule, and it has none (write `aggregate: sum` for counts)",
    ]);
  });

  it('refuses a reporting frequency it does not know', () => {
    const { messages } = loadWith(byDistrict.replace('reporting: quarterly', 'reporting: weekly'), flow);
    expect(messages).toEqual([
      'indicators/program.yaml:5:14: `reporting` is `weekly`; it ' +
        'must be one of `monthly`, `quarterly`, `semiannual`, `annual`',
    ]);
  });

  it('warns that a LOP target does not apply to a level', () => {
    const { messages } = loadWith(
      byDistrict,
      `${flow.replace('accumulation: sum', 'accumulation: level')}lop_target: 10\n`,
    );
    expect(messages).toEqual([
      'indicators/a.yaml:8: warning: indicator `A`: `lop_target` (a total over the programme) ' +
        'applies to `accumulation: sum` or `cumulative` indicators; it is ignored for a level',
    ]);
  });
});
