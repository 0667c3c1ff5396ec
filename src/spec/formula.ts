// Computed indicators: `formula` over `inputs`, in a restricted mathjs instance.
// The instance is built from arithmetic functions only; `import`, `createUnit`,
// `evaluate`, `parse`, `simplify` and friends are replaced by functions that refuse,
// so a formula written in a YAML file can compute and do nothing else.
import { createRequire } from 'node:module';
import type { MathNode } from 'mathjs';

// mathjs's single-file build loads in a tenth of the time of its thousand ES modules
// (0.1 s against 1.3 s here), which a command run every month on a modest laptop feels;
// it is still the largest module mel loads (a few tenths of a second), so only a
// programme with a formula loads it, on its first formula.
let parseFormulaText: ((text: string) => MathNode) | undefined;

function formulaParser(): (text: string) => MathNode {
  if (parseFormulaText) return parseFormulaText;
  const mathjs = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof import('mathjs');
  const {
    absDependencies,
    addDependencies,
    ceilDependencies,
    compileDependencies,
    create,
    divideDependencies,
    expDependencies,
    floorDependencies,
    log10Dependencies,
    logDependencies,
    maxDependencies,
    minDependencies,
    modDependencies,
    multiplyDependencies,
    parseDependencies,
    powDependencies,
    roundDependencies,
    sqrtDependencies,
    subtractDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
  } = mathjs;

  const math = create(
    {
      absDependencies,
      addDependencies,
      ceilDependencies,
      compileDependencies,
      divideDependencies,
      expDependencies,
      floorDependencies,
      log10Dependencies,
      logDependencies,
      maxDependencies,
      minDependencies,
      modDependencies,
      multiplyDependencies,
      parseDependencies,
      powDependencies,
      roundDependencies,
      sqrtDependencies,
      subtractDependencies,
      unaryMinusDependencies,
      unaryPlusDependencies,
    },
    { number: 'number' },
  );
  // Captured before the namespace is locked: compiled expressions keep working.
  const parse = math.parse;
  math.import(Object.fromEntries(locked.map((n) => [n, refuse(n)])), { override: true });
  parseFormulaText = parse;
  return parse;
}

/** Names a formula may call. */
export const allowedFunctions = [
  'abs',
  'ceil',
  'exp',
  'floor',
  'log',
  'log10',
  'max',
  'min',
  'mod',
  'round',
  'sqrt',
] as const;
const allowed = new Set<string>(allowedFunctions);

const refuse = (name: string) => () => {
  throw new Error(`${name} is not available in formulas`);
};
// Internals the arithmetic itself resolves through (typed, config, matrix) stay; the
// formula checker below refuses any name that is not arithmetic anyway.
const locked = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'simplify',
  'derivative',
  'compile',
  'resolve',
  'reviver',
  'replacer',
  'rationalize',
  'help',
  'chain',
];

export interface ParsedFormula {
  text: string;
  /** Variable names used, in order of first use. */
  variables: string[];
  evaluate(scope: Record<string, number>): number;
}

export type FormulaParse = { ok: true; formula: ParsedFormula } | { ok: false; problem: FormulaProblem };
export type FormulaProblem =
  | { kind: 'syntax'; reason: string }
  | { kind: 'forbidden'; name: string }
  | { kind: 'unknown-variable'; name: string };

/** Parses and checks a formula against its declared input names. */
export function parseFormula(text: string, inputNames: readonly string[]): FormulaParse {
  let node: MathNode;
  try {
    node = formulaParser()(text);
  } catch (e) {
    return { ok: false, problem: { kind: 'syntax', reason: (e as Error).message } };
  }
  const variables: string[] = [];
  let problem: FormulaProblem | undefined;
  node.traverse((n: MathNode, _path: string, parent: MathNode | null) => {
    if (problem) return;
    switch (n.type) {
      case 'ConstantNode':
        if (typeof (n as unknown as { value: unknown }).value !== 'number')
          problem = { kind: 'syntax', reason: 'only numbers may appear as constants' };
        break;
      case 'OperatorNode':
      case 'ParenthesisNode':
        break;
      case 'FunctionNode': {
        const name = (n as unknown as { fn: { name?: string } }).fn.name ?? '';
        if (!allowed.has(name)) problem = { kind: 'forbidden', name };
        break;
      }
      case 'SymbolNode': {
        const name = (n as unknown as { name: string }).name;
        const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n;
        if (isCallee) break;
        if (!inputNames.includes(name)) problem = { kind: 'unknown-variable', name };
        else if (!variables.includes(name)) variables.push(name);
        break;
      }
      default:
        problem = { kind: 'forbidden', name: n.type.replace(/Node$/, '').toLowerCase() };
    }
  });
  if (problem) return { ok: false, problem };
  const compiled = node.compile();
  return {
    ok: true,
    formula: { text, variables, evaluate: (scope) => Number(compiled.evaluate({ ...scope })) },
  };
}
