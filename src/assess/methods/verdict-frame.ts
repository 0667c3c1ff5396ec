// What every growth- or path-based method starts with: the latest observation, the
// inputs record an evaluator reads (direction, baseline, latest, target, then the
// method's own values, filled in as they are computed), and the verdict it returns.
import type { MethodName } from '../../spec/schema.js';
import { latestObservation, pointInputs } from '../growth.js';
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
  const inputs: Record<string, InputValue> = {
    direction: input.direction,
    ...first,
    ...pointInputs('baseline', input.baseline),
    ...pointInputs('latest', latest),
    ...pointInputs('target', input.target),
    ...own,
  };
  const verdict = (category: C | null, reason?: string): MethodVerdict => ({
    method,
    category,
    inputs,
    ...(reason !== undefined ? { reason } : {}),
  });
  return { latest, inputs, verdict };
}
