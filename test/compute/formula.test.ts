import { describe, expect, it } from 'vitest';
import { evaluateFormulaAt } from '../../src/compute/evaluate-formula.js';
import { parseFormula } from '../../src/spec/formula.js';
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
    expect(evaluateFormulaAt(f, { agri: 1, total: 0 }, (n) => n)).toEqual({ missing: 'division by zero (total is 0)' });
    expect(evaluateFormulaAt(f, { agri: 1, total: undefined }, (n) => `${n} (GE-STATE)`)).toEqual({
      missing: 'no value for total (GE-STATE)',
    });
    expect(evaluateFormulaAt(formula('a / b', ['a', 'b']), { a: 0, b: 0 }, (n) => n)).toEqual({
      missing: 'division by zero (a, b is 0)',
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
