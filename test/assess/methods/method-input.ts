// The input every method test builds: observations, a target, and defaults a test overrides.
import type { MethodInput, TimedValue } from '../../../src/assess/method-types.js';

/** An annual value: 2020 sits at 2020.5. */
export const year = (y: number, value: number): TimedValue => ({
  period: String(y),
  time: y + 0.5,
  firstYear: y,
  value,
});

/** The first observation is the baseline; a decrease is desired; as of 2020 unless overridden. */
export function methodInput(
  observations: TimedValue[],
  target: TimedValue | undefined,
  over: Partial<MethodInput> = {},
): MethodInput {
  return {
    direction: -1,
    unit: 'percent',
    accumulation: 'level',
    observations,
    baseline: observations[0]!,
    target,
    targets: target ? [target] : [],
    asOf: { period: '2020', time: 2020.5, endTime: 2021 },
    targetEndTimes: target ? [target.firstYear + 1] : [],
    stepYears: 1,
    bands: { onTrack: 0.85, atRisk: 0.6 },
    ...over,
  };
}
