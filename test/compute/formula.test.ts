import { describe, expect, it } from 'vitest';
import { evaluateFormulaAt } from '../../src/compute/evaluate-formula.js';
import { specEn as specMessages } from '../../src/messages/spec.js';
import { allowedFunctions, FORMULA_LIMITS, parseFormula } from '../../src/spec/formula.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { writeProgramme } from '../helpers/programme.js';
import { findCycle } from '../../src/spec/dependency-graph.js';

const formula = (text: string, inputs: string[]) => {
  const r = parseFormula(text, inputs);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.formula;
};

describe('computed indicators', () => {
  it("Georgia's agriculture share is the agriculture budget over the state budget", () => {
    const f = formula('agri / total * 100', ['agri', 'total']);
    const r = evaluateFormulaAt(f, { agri: 85.1, total: 7459.2795 }, (n) => n);
    expect('value' in r && r.value).toBeCloseTo(1.14086, 4);
  });

  it('a division by zero or a missing input is a missing value with its reason', () => {
    const f = formula('agri / total * 100', ['agri', 'total']);
    expect(evaluateFormulaAt(f, { agri: 1, total: 0 }, (n) => n)).toEqual({
      missing: { en: 'division by zero (total is 0)', es: 'división por cero (total es 0)' },
    });
    expect(evaluateFormulaAt(f, { agri: 1, total: undefined }, (n) => `${n} (GE-STATE)`)).toEqual({
      missing: { en: 'no value for total (GE-STATE)', es: 'no hay valor para total (GE-STATE)' },
    });
    expect(evaluateFormulaAt(formula('a / b', ['a', 'b']), { a: 0, b: 0 }, (n) => n)).toEqual({
      missing: { en: 'division by zero (a, b is 0)', es: 'división por cero (a, b es 0)' },
    });
  });

  it('formulas cannot reach import, evaluate, parse, createUnit or simplify', () => {
    for (const name of ['import', 'evaluate', 'parse', 'createUnit', 'simplify', 'compile', 'derivative']) {
      const r = parseFormula(`${name}("1")`, ['a']);
      expect(r.ok).toBe(false);
    }
    expect(parseFormula('a[1]', ['a']).ok).toBe(false);
    expect(parseFormula('f(x) = 1', ['a']).ok).toBe(false);
    expect(parseFormula('a = 2', ['a']).ok).toBe(false);
    expect(parseFormula('"text"', ['a']).ok).toBe(false);
  });

  it('arithmetic functions are allowed', () => {
    const f = formula('max(a, b) + round(sqrt(a))', ['a', 'b']);
    const r = evaluateFormulaAt(f, { a: 16, b: 3 }, (n) => n);
    expect(r).toEqual({ value: 20 });
  });

  it('a variable that is not an input is named', () => {
    const r = parseFormula('agri / totl', ['agri', 'total']);
    expect(r).toEqual({ ok: false, problem: { kind: 'unknown-variable', name: 'totl' } });
  });

  it('a cycle is named in full', () => {
    const edges = new Map([
      ['CYCLE-B', ['CYCLE-A']],
      ['CYCLE-A', ['CYCLE-B']],
      ['X', ['CYCLE-A']],
    ]);
    expect(findCycle('X', edges)).toEqual(['CYCLE-A', 'CYCLE-B', 'CYCLE-A']);
    expect(findCycle('Y', new Map([['Y', ['Z']]]))).toBeUndefined();
  });
});

describe('formulas are arithmetic and nothing else', () => {
  it('refuses every operator that is not + - * / ^, and a product without *', () => {
    const cases: [string, string, boolean?][] = [
      ['a!', '!'],
      ['a == b', '=='],
      ['not a', 'not'],
      ['a & b', '&'],
      ['a to cm', 'to'],
      ['a < b', '<'],
      ["a'", "'"],
      ['a % b', '%'],
      ['a %', '%'],
      ['a mod b', 'mod'],
      ['a .* b', '.*'],
      ['~a', '~'],
      ['2a', '*', true],
      ['2(a + b)', '*', true],
      ['5 cm', '*', true],
    ];
    for (const [text, operator, implicit] of cases) {
      const r = parseFormula(text, ['a', 'b']);
      expect(r.ok ? 'accepted' : r.problem, text).toEqual(
        implicit ? { kind: 'operator', operator, implicit: true } : { kind: 'operator', operator },
      );
    }
    expect(parseFormula("'text'", ['a'])).toEqual({
      ok: false,
      problem: { kind: 'syntax', reason: 'only numbers may appear as constants' },
    });
    expect(parseFormula('a ? a : b', ['a', 'b'])).toEqual({
      ok: false,
      problem: { kind: 'forbidden', name: 'conditional' },
    });
    expect(formula('-a + +b * 2 ^ 2 / (a - 1)', ['a', 'b']).evaluate({ a: 3, b: 1 })).toBe(-1);
  });

  it('refuses a formula too large before mathjs parses or compiles it (a 2,000-term sum overflowed the stack)', () => {
    const sum = (terms: number) => Array.from({ length: terms }, () => 'a').join('+');
    expect(parseFormula(sum(2000), ['a'])).toEqual({
      ok: false,
      problem: { kind: 'too-large', limit: 'characters', size: 3999, max: FORMULA_LIMITS.characters },
    });
    expect(parseFormula(sum(600), ['a'])).toEqual({
      ok: false,
      problem: { kind: 'too-large', limit: 'parts', size: 1199, max: FORMULA_LIMITS.parts },
    });
    expect(parseFormula(`${'('.repeat(500)}a${')'.repeat(500)}`, ['a'])).toMatchObject({
      problem: { limit: 'nesting', size: 500 },
    });
    expect(parseFormula(`${'-'.repeat(1999)}a`, ['a'])).toMatchObject({ problem: { limit: 'parts' } });
    // A sum of 200 inputs, as a national programme may write, is fine.
    expect(formula(Array.from({ length: 200 }, () => 'a').join(' + '), ['a']).evaluate({ a: 0.5 })).toBe(100);
  });

  it('says so in the words of the indicator file', () => {
    expect(specMessages.formulaOperator('==', false)).toBe(
      'the formula uses `==`, which formulas may not use; a formula is arithmetic: numbers, its inputs, + ' +
        '- * / ^, parentheses and the functions abs, ceil, exp, floor, log, log10, max, min, mod, round, sqrt',
    );
    // The message names every function a formula may call, and no other.
    expect(specMessages.formulaOperator('!', false)).toContain(allowedFunctions.join(', '));
    expect(specMessages.formulaTooLarge('parts', 3999, 500)).toBe(
      'the formula has 3,999 parts (numbers, inputs and operations); a formula ' +
        'has at most 500: split it into computed indicators that use each other',
    );
  });

  it('computes with inputs named constructor, __proto__ and toString', async () => {
    const dir = writeProgramme({
      'indicators/program.yaml':
        'program: { id: t, name: T, period: { start: 2000, end: 2030 } }\n' +
        'results: [{ id: G1, level: impact, statement: G }]\ndata: [{ id: d, file: data/d.csv }]\n',
      'indicators/a.yaml':
        'id: A\nname: A\nunit: number\ndirection: increase\nseries: { data: d, match: { indicator: a } }\n',
      'indicators/b.yaml':
        'id: B\nname: B\nunit: number\ndirection: increase\nseries: { data: d, match: { indicator: b } }\n',
      'indicators/c.yaml':
        'id: C\nname: C\nunit: number\ndirection: increase\nformula: constructor * 100 + __proto__ - toString\n' +
        'inputs: { constructor: A, __proto__: B, toString: A }\n',
      'data/d.csv': 'indicator,period,value\na,2020,2\nb,2020,30\na,2021,3\nb,2021,40\n',
    });
    const { workspace, issues } = await loadWorkspace(dir, 'indicators/program.yaml');
    expect(issues).toEqual([]);
    const c = workspace?.data.get('C')?.headline;
    expect(c && Array.from(c.values)).toEqual([2 * 100 + 30 - 2, 3 * 100 + 40 - 3]);
  });
});
