// trajectory (the default method, methods.md "trajectory"): compare the change since the
// baseline with the change the straight path baseline -> target expects by the latest
// observation's date. Its categories are the statuses of assessment.json.
import type { AssessmentMethod, MethodInput } from '../method-types.js';
import { finiteOrNull, linearPathValue, reachesTarget } from '../growth.js';
import { verdictFrame } from './verdict-frame.js';

export type TrajectoryStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'deteriorating';

/**
 * Status of a progress ratio. Bands default to 0.85 / 0.60 (TolaData's 15 % margin and
 * Open SDG's 0.60 cut-off); each boundary belongs to the better class, and a ratio of
 * exactly 0 (no change) is off_track, not deteriorating.
 */
export function statusOfProgressRatio(
  ratio: number,
  bands: MethodInput['bands'],
): Exclude<TrajectoryStatus, 'achieved'> {
  if (ratio >= bands.onTrack) return 'on_track';
  if (ratio >= bands.atRisk) return 'at_risk';
  if (ratio >= 0) return 'off_track';
  return 'deteriorating';
}

export const trajectory: AssessmentMethod = (input) => {
  const { baseline, target, direction, bands } = input;
  const { latest, inputs, verdict } = verdictFrame<TrajectoryStatus>('trajectory', input, {
    band_on_track: bands.onTrack,
    band_at_risk: bands.atRisk,
    expected: null,
    expected_at_time: null,
    progress_ratio: null,
  });

  if (target === undefined)
    return verdict(null, 'The indicator has no target, so progress towards it cannot be judged.');
  if (target.time <= baseline.time) {
    return verdict(
      null,
      `The target (${target.period}) is dated at or before the baseline (${baseline.period}), so there is no path from the baseline to the target.`,
    );
  }
  if (latest === undefined) return verdict(null, 'There are no observations, so no data after the baseline.');
  if (latest.time < baseline.time) {
    return verdict(
      null,
      `There is no data after the baseline (${baseline.period}): the latest observation is from ${latest.period}.`,
    );
  }

  const baselineMet = reachesTarget(baseline.value, target.value, direction);
  if (reachesTarget(latest.value, target.value, direction)) {
    return verdict(
      'achieved',
      baselineMet
        ? `The baseline (${baseline.value}) already met the target (${target.value}) and the latest value (${latest.value}) still does.`
        : undefined,
    );
  }
  if (baselineMet) {
    // The straight path from a baseline beyond the target runs against the desired
    // direction, so a ratio along it would read a fall-back as progress.
    return verdict(
      'deteriorating',
      `The baseline (${baseline.value}) already met the target (${target.value}), but the latest value (${latest.value}) no longer does.`,
    );
  }
  if (latest.time === baseline.time) {
    return verdict(
      null,
      `The latest observation (${latest.period}) is the baseline itself: no time has passed to measure progress over.`,
    );
  }

  // Past the target's date the path has arrived: expect the target itself rather than
  // extrapolating the path beyond it (methods.md is silent; see the report).
  const pastTarget = latest.time > target.time;
  const atTime = pastTarget ? target.time : latest.time;
  const expected = linearPathValue(baseline.value, baseline.time, target.value, target.time, atTime);
  inputs.expected = finiteOrNull(expected);
  inputs.expected_at_time = atTime;
  if (expected === undefined || expected === baseline.value) {
    return verdict(
      null,
      'The expected change by the latest observation is zero, so a progress ratio cannot be computed.',
    );
  }
  // Direction-free: (v_t - v_b) / (expected - v_b), never v_t / expected (methods.md).
  const ratio = (latest.value - baseline.value) / (expected - baseline.value);
  inputs.progress_ratio = finiteOrNull(ratio);
  return verdict(
    statusOfProgressRatio(ratio, bands),
    pastTarget
      ? `The latest observation (${latest.period}) is after the target date (${target.period}), so the expected value is the target itself.`
      : undefined,
  );
};
