// trajectory (the default method, methods.md "trajectory"): compare the change since the
// baseline with the change the straight path baseline -> target expects by the latest
// observation's date. Its categories are the statuses of assessment.json.
import type { AssessmentMethod, MethodInput } from '../method-types.js';
import { finiteOrNull, linearPathValue, reachesTarget } from '../growth.js';
import { verdictFrame } from './verdict-frame.js';
import { methodMessagesOf } from '../../messages/methods.js';

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

  const m = methodMessagesOf(input.locale);
  if (target === undefined) return verdict(null, m.noTargetToJudge());
  if (target.time <= baseline.time) {
    return verdict(null, m.targetNotAfterBaseline(target.period, baseline.period));
  }
  if (latest === undefined) return verdict(null, m.noObservations());
  if (latest.time < baseline.time) {
    return verdict(null, m.noDataAfterBaseline(baseline.period, latest.period));
  }

  const baselineMet = reachesTarget(baseline.value, target.value, direction);
  if (reachesTarget(latest.value, target.value, direction)) {
    return verdict(
      'achieved',
      baselineMet ? m.baselineStillMeets(baseline.value, target.value, latest.value) : undefined,
    );
  }
  if (baselineMet) {
    // The straight path from a baseline beyond the target runs against the desired
    // direction, so a ratio along it would read a fall-back as progress.
    return verdict('deteriorating', m.baselineNoLongerMeets(baseline.value, target.value, latest.value));
  }
  if (latest.time === baseline.time) {
    return verdict(null, m.latestIsBaseline(latest.period));
  }

  // Past the target's date the path has arrived: expect the target itself rather than
  // extrapolating the path beyond it (methods.md is silent; see the report).
  const pastTarget = latest.time > target.time;
  const atTime = pastTarget ? target.time : latest.time;
  const expected = linearPathValue(baseline.value, baseline.time, target.value, target.time, atTime);
  inputs.expected = finiteOrNull(expected);
  inputs.expected_at_time = atTime;
  if (expected === undefined || expected === baseline.value) {
    return verdict(null, m.expectedChangeZero());
  }
  // Direction-free: (v_t - v_b) / (expected - v_b), never v_t / expected (methods.md).
  const ratio = (latest.value - baseline.value) / (expected - baseline.value);
  inputs.progress_ratio = finiteOrNull(ratio);
  return verdict(
    statusOfProgressRatio(ratio, bands),
    pastTarget ? m.latestAfterTarget(latest.period, target.period) : undefined,
  );
};
