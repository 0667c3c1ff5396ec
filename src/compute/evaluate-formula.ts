// One period's value of a computed indicator's formula (parsed and checked in src/spec/formula.ts).
import { computeMessages as m } from '../messages/compute.js';
import type { Localized } from '../messages/localized.js';
import type { ParsedFormula } from '../spec/formula.js';

/** A value, or why there is none (in every language). */
export type FormulaValue = { value: number } | { missing: Localized };

/**
 * One period's value. A missing input or a division by zero gives a missing value with
 * its reason, never Infinity or NaN (DHIS2: null when the denominator is 0 or missing).
 */
export function evaluateFormulaAt(
  formula: ParsedFormula,
  scope: Record<string, number | undefined>,
  describeInput: (name: string) => string,
): FormulaValue {
  const inputValue = (v: string) => (Object.hasOwn(scope, v) ? scope[v] : undefined);
  const missingInputs = formula.variables.filter((v) => {
    const x = inputValue(v);
    return x === undefined || Number.isNaN(x);
  });
  if (missingInputs.length) return { missing: m.formulaInputsMissing(missingInputs.map(describeInput).join(', ')) };
  let result: number;
  try {
    result = formula.evaluate(scope);
  } catch (e) {
    return { missing: m.formulaFailed((e as Error).message) };
  }
  if (Number.isFinite(result)) return { value: result };
  const zeros = formula.variables.filter((v) => inputValue(v) === 0);
  if (zeros.length) return { missing: m.formulaDivisionByZero(zeros.map(describeInput).join(', ')) };
  return { missing: m.formulaNotFinite() };
}
