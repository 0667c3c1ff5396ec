// What every growth- or path-based method starts with: the latest observation, the
// inputs record an evaluator reads (direction, baseline, latest, target, then the
// method's own values, filled in as they are computed), and the verdict it returns.
import type { MethodName } from '../../spec/schema.js';
import { latestObservation, setPointInputs } from '../growth.js';
import type { InputValue, MethodInput, MethodVerdict, TimedValue } from '../method-types.js';

export interface VerdictFrame<C extends string> {
  latest: TimedValue | undefined;
  inputs: Record<string, InputValue>;
  verdict: (category: C | null, reason?: string) => MethodVerdict;
}

export function verdictFrame<C extends string>(
  method: MethodName,
  input: MethodInput,
  own: Record<string, InputValue>,
  first: Record<string, InputValue> = {},
): VerdictFrame<C> {
  const latest = latestObservation(input.observations);
  // Set member by member, in this order (a name set again keeps its place, as in a spread).
  const inputs: Record<string, InputValue> = { direction: input.direction };
  Object.assign(inputs, first);
  setPointInputs(inputs, 'baseline', input.baseline);
  setPointInputs(inputs, 'latest', latest);
  setPointInputs(inputs, 'target', input.target);
  Object.assign(inputs, own);
  const verdict = (category: C | null, reason?: string): MethodVerdict =>
    reason !== undefined ? { method, category, inputs, reason } : { method, category, inputs };
  return { latest, inputs, verdict };
}
