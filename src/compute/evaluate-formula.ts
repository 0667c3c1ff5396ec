// One period's value of a computed indicator's formula (parsed and checked in src/spec/formula.ts).
import type { ParsedFormula } from '../spec/formula.js';

export type FormulaValue = { value: number } | { missing: string };

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
  if (missingInputs.length) return { missing: `no value for ${missingInputs.map(describeInput).join(', ')}` };
  let result: number;
  try {
    result = formula.evaluate(scope);
  } catch (e) {
    return { missing: `the formula cannot be computed: ${(e as Error).message}` };
  }
  if (Number.isFinite(result)) return { value: result };
  const zeros = formula.variables.filter((v) => inputValue(v) === 0);
  if (zeros.length) return { missing: `division by zero (${zeros.map(describeInput).join(', ')} is 0)` };
  return { missing: 'the formula gives no finite number for these inputs' };
}
