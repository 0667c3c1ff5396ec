// Outcome of each target whose period has ended by the reporting period (methods.md
// "trajectory: each past target"; FORMAT.md section 3 `targets[].outcome`).
import type { InputValue, MethodInput, TimedValue } from './method-types.js';
import { reachesTarget } from './growth.js';
import { methodMessagesOf } from '../messages/methods.js';
import type { Locale } from '../spec/schema.js';

export type TargetOutcomeName = 'achieved' | 'missed' | 'no_data' | 'not_due';

/** Fractional years of different periods ending on the same day may differ in the last bit. */
const EPS = 1e-9;

export interface TargetJudgement<T extends TimedValue = TimedValue> {
  outcome: TargetOutcomeName;
  /** The observation that judged it (the last one dated no later than the target). */
  by?: T;
  /** Why it is not_due or no_data, in a sentence. */
  reason?: string;
}

/**
 * Outcome of one target. A target is due once its period has ended by the as-of period
 * (its end <= as-of's end). It is judged by the last observation dated within or before
 * the target's period (survey rounds by their midpoint). That observation must lie within
 * one reporting step of it (irregular series: two years), measured from the end of the
 * observation's period to the start of the target's: the 2013-2014 survey round can judge
 * a 2015 target of an annual indicator (no whole year lies between them), a 2012 value
 * cannot. Without period extents, midpoints are compared: at most one step apart.
 */
export function judgeTarget<T extends TimedValue & { periodObj?: { endYear: number } }>(
  target: TimedValue & { endTime: number; startTime?: number },
  observations: readonly T[],
  asOf: { id: string; endYear: number },
  direction: 1 | -1,
  stepYears: number,
  locale?: Locale,
): TargetJudgement<T> {
  const m = methodMessagesOf(locale);
  if (target.endTime > asOf.endYear + EPS) {
    return { outcome: 'not_due', reason: m.targetNotDue(target.period, asOf.id) };
  }
  const judging = observations.filter((o) => o.time < target.endTime - EPS).at(-1);
  const tooOld =
    judging === undefined
      ? true
      : judging.periodObj && target.startTime !== undefined
        ? judging.periodObj.endYear <= target.startTime - stepYears + EPS
        : target.time - judging.time > stepYears + EPS;
  if (judging === undefined || tooOld) {
    return { outcome: 'no_data', by: judging, reason: m.targetUnjudged(+stepYears.toFixed(4), target.period) };
  }
  return { outcome: reachesTarget(judging.value, target.value, direction) ? 'achieved' : 'missed', by: judging };
}

export interface TargetOutcome {
  target: TimedValue;
  outcome: TargetOutcomeName;
  observation: TimedValue | null;
  inputs: Record<string, InputValue>;
  reason?: string;
}

/** `judgeTarget` on a method input, with the numbers it used for an evaluator. */
export function targetOutcome(
  target: TimedValue,
  targetEndTime: number,
  input: Pick<MethodInput, 'observations' | 'direction' | 'asOf' | 'stepYears' | 'locale'>,
): TargetOutcome {
  const judged = judgeTarget(
    { ...target, endTime: targetEndTime },
    input.observations,
    { id: input.asOf.period, endYear: input.asOf.endTime },
    input.direction,
    input.stepYears,
    input.locale,
  );
  const inputs: Record<string, InputValue> = {
    target_value: target.value,
    target_time: target.time,
    target_period: target.period,
    target_end_time: targetEndTime,
    as_of_end_time: input.asOf.endTime,
    step_years: input.stepYears,
    observation_value: judged.by?.value ?? null,
    observation_time: judged.by?.time ?? null,
    observation_period: judged.by?.period ?? null,
  };
  return {
    target,
    outcome: judged.outcome,
    observation: judged.by ?? null,
    inputs,
    ...(judged.reason !== undefined ? { reason: judged.reason } : {}),
  };
}

/** Outcomes of every target of the indicator, in the order of `input.targets`. */
export function targetOutcomes(input: MethodInput): TargetOutcome[] {
  return input.targets.map((target, i) =>
    targetOutcome(target, input.targetEndTimes[i] ?? Number.POSITIVE_INFINITY, input),
  );
}
