// Computed indicators: `formula` over `inputs`, in a restricted mathjs instance.
// A formula is checked before it is compiled: numbers, input names, the operators of
// arithmetic and a few functions pass, anything else is refused; `import`, `createUnit`,
// `evaluate`, `parse`, `simplify` and friends are replaced by functions that refuse,
// so a formula written in a YAML file can compute and do nothing else.
import { createRequire } from 'node:module';
import type { MathNode } from 'mathjs';

// mathjs's single-file build loads in a tenth of the time of its thousand ES modules
// (0.1 s against 1.3 s here), which a command run every month on a modest laptop feels;
// it is still the largest module mel loads (a few tenths of a second), so only a
// programme with a formula loads it, on its first formula.
type MathJs = typeof import('mathjs');

/** What the formula checker uses of the restricted instance. */
interface FormulaMath {
  /** Captured before the namespace is locked: compiled expressions keep working. */
  parse: (text: string) => MathNode;
  SymbolNode: MathJs['SymbolNode'];
  isConstantNode: MathJs['isConstantNode'];
  isFunctionNode: MathJs['isFunctionNode'];
  isOperatorNode: MathJs['isOperatorNode'];
  isParenthesisNode: MathJs['isParenthesisNode'];
  isSymbolNode: MathJs['isSymbolNode'];
}

let formulaMathInstance: FormulaMath | undefined;

function formulaMath(): FormulaMath {
  if (formulaMathInstance) return formulaMathInstance;
  const mathjs = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathJs;
  const { create, isConstantNode, isFunctionNode, isOperatorNode, isParenthesisNode, isSymbolNode } = mathjs;
  // The single-file build exports mathjs's default instance, and its `create` makes another
  // instance with every function (its *Dependencies exports do not exist there). What keeps
  // a formula to arithmetic is the checker below (allowed functions and operators only) and
  // the functions locked after it.
  const math = create({}, { number: 'number' });
  const parse = math.parse;
  math.import(Object.fromEntries(locked.map((n) => [n, refuse(n)])), { override: true });
  formulaMathInstance = {
    parse,
    SymbolNode: math.SymbolNode,
    isConstantNode,
    isFunctionNode,
    isOperatorNode,
    isParenthesisNode,
    isSymbolNode,
  };
  return formulaMathInstance;
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
  /** The value for the inputs' values; a name missing from `scope` counts as no value (NaN). */
  evaluate(scope: Readonly<Record<string, number | undefined>>): number;
}

export type FormulaParse = { ok: true; formula: ParsedFormula } | { ok: false; problem: FormulaProblem };
export type FormulaProblem =
  | { kind: 'syntax'; reason: string }
  | { kind: 'forbidden'; name: string }
  | { kind: 'operator'; operator: string; implicit?: boolean }
  | { kind: 'unknown-variable'; name: string }
  | { kind: 'too-large'; limit: 'characters' | 'nesting' | 'parts'; size: number; max: number };

/**
 * Limits that keep a formula a formula: far above any real one (the demo's are a dozen
 * parts), far below what would exhaust the stack of mathjs's recursive parser and compiler
 * (a sum of 4,000 terms does). Checked before mathjs parses or compiles.
 */
export const FORMULA_LIMITS = { characters: 2000, nesting: 40, parts: 500 } as const;

/** The operators of arithmetic, by the function mathjs names them with, and how they are written. */
const arithmetic: Record<string, string> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  unaryMinus: '-',
  unaryPlus: '+',
};

/** Parses and checks a formula against its declared input names. */
export function parseFormula(text: string, inputNames: readonly string[]): FormulaParse {
  const tooLarge = sizeProblem(text);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const m = formulaMath();
  let node: MathNode;
  try {
    node = m.parse(text);
  } catch (e) {
    if (e instanceof RangeError)
      return { ok: false, problem: { kind: 'too-large', limit: 'nesting', size: 0, max: FORMULA_LIMITS.nesting } };
    return { ok: false, problem: { kind: 'syntax', reason: (e as Error).message } };
  }
  const inputs = new Set(inputNames);
  const variables: string[] = [];
  const problem = checkNodes(m, node, inputs, variables);
  if (problem) return { ok: false, problem };
  // The inputs become v0, v1... in the compiled expression: a name such as `constructor`
  // or `toString` never meets mathjs's scope, nor an object's inherited keys.
  const renamed = node.transform((n: MathNode, path: string) =>
    m.isSymbolNode(n) && path !== 'fn' ? new m.SymbolNode(`v${variables.indexOf(n.name)}`) : n,
  );
  const compiled = renamed.compile();
  return {
    ok: true,
    formula: {
      text,
      variables,
      evaluate: (scope) => {
        const values: Record<string, number> = {};
        variables.forEach((v, i) => {
          const x = Object.hasOwn(scope, v) ? scope[v] : undefined;
          values[`v${i}`] = x ?? Number.NaN;
        });
        return Number(compiled.evaluate(values));
      },
    },
  };
}

/** Too long, or brackets nested too deep, judged from the text (before mathjs recurses into it). */
function sizeProblem(text: string): FormulaProblem | undefined {
  const { characters, nesting } = FORMULA_LIMITS;
  if (text.length > characters) return { kind: 'too-large', limit: 'characters', size: text.length, max: characters };
  // `a %` is a percentage to mathjs (a / 100) and `a % b` a remainder: neither is written so here.
  if (text.includes('%')) return { kind: 'operator', operator: '%' };
  let depth = 0;
  let deepest = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return deepest > nesting ? { kind: 'too-large', limit: 'nesting', size: deepest, max: nesting } : undefined;
}

/**
 * Walks the tree (with a stack of its own, never recursing): numbers, input names,
 * parentheses, the operators of arithmetic and the allowed functions pass; anything else
 * is the problem returned. Collects the variables in order of first use.
 */
function checkNodes(
  m: FormulaMath,
  root: MathNode,
  inputs: ReadonlySet<string>,
  variables: string[],
): FormulaProblem | undefined {
  const { isConstantNode, isFunctionNode, isOperatorNode, isParenthesisNode, isSymbolNode } = m;
  const stack: MathNode[] = [root];
  const order: MathNode[] = [];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    order.push(node);
    if (order.length > FORMULA_LIMITS.parts)
      return { kind: 'too-large', limit: 'parts', size: countNodes(root), max: FORMULA_LIMITS.parts };
    const children: MathNode[] = [];
    node.forEach((child: MathNode, path: string) => {
      if (!(node.type === 'FunctionNode' && path === 'fn')) children.push(child);
    });
    stack.push(...children.reverse());
  }
  for (const n of order) {
    if (isConstantNode(n)) {
      if (typeof n.value !== 'number') return { kind: 'syntax', reason: 'only numbers may appear as constants' };
    } else if (isOperatorNode(n)) {
      if (n.implicit) return { kind: 'operator', operator: n.op, implicit: true };
      if (arithmetic[n.fn] !== n.op) return { kind: 'operator', operator: n.op };
    } else if (isFunctionNode(n)) {
      const callee: MathNode = n.fn;
      const name = isSymbolNode(callee) ? callee.name : '';
      if (!allowed.has(name)) return { kind: 'forbidden', name: name || callee.toString() };
    } else if (isSymbolNode(n)) {
      if (!inputs.has(n.name)) return { kind: 'unknown-variable', name: n.name };
      if (!variables.includes(n.name)) variables.push(n.name);
    } else if (!isParenthesisNode(n)) return { kind: 'forbidden', name: n.type.replace(/Node$/, '').toLowerCase() };
  }
  return undefined;
}

/** Nodes of a tree, counted with a stack (for the message of a formula with too many parts). */
function countNodes(root: MathNode): number {
  let count = 0;
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    count++;
    node.forEach((child: MathNode) => {
      stack.push(child);
    });
  }
  return count;
}
