// `mel assess --json` prints trajectory and the chosen method of each result, whatever
// else the pack ran for it; a result that ran only those two is printed as it is.
import { describe, expect, it } from 'vitest';
import { publicResult } from '../../src/assess/assess-program.js';
import type { AssessmentResult, MethodOutcome } from '../../src/assess/assessment.js';
import { emptyFigures } from '../../src/assess/result-frame.js';

const verdict = (category: string): MethodOutcome => ({ category, inputs: { progress_ratio: 0.5 } });

function result(methods: AssessmentResult['methods']): AssessmentResult {
  return {
    indicator: 'anc4',
    name: 'ANC 4 visits',
    disaggregation: {},
    unit: 'percent',
    direction: 'increase',
    ...emptyFigures('eurostat'),
    status: 'at_risk',
    reason: 'half the change expected',
    methods,
  };
}

describe('publicResult', () => {
  it('keeps trajectory and the chosen method, in that order, and drops the others', () => {
    const every = result({
      aarr: verdict('on_track'),
      trajectory: verdict('at_risk'),
      eurostat: verdict('moderate_progress'),
      iptt: verdict('off_track'),
    });
    const shown = publicResult(every);
    expect(Object.keys(shown.methods)).toEqual(['trajectory', 'eurostat']);
    expect(shown.methods.eurostat?.category).toBe('moderate_progress');
    // The result it was given is left as it was (the pack still shows every method).
    expect(Object.keys(every.methods)).toEqual(['aarr', 'trajectory', 'eurostat', 'iptt']);
    expect(JSON.stringify(shown)).toBe(JSON.stringify({ ...every, methods: shown.methods }));
  });

  it('returns a result that holds only trajectory and the chosen method as it is', () => {
    const two = result({ trajectory: verdict('at_risk'), eurostat: verdict('moderate_progress') });
    expect(publicResult(two)).toBe(two);
    const trajectoryOnly = { ...result({ trajectory: verdict('at_risk') }), method: 'trajectory' as const };
    expect(publicResult(trajectoryOnly)).toBe(trajectoryOnly);
  });

  it('reorders the two methods when the chosen one came first', () => {
    const reversed = result({ eurostat: verdict('moderate_progress'), trajectory: verdict('at_risk') });
    const shown = publicResult(reversed);
    expect(shown).not.toBe(reversed);
    expect(Object.keys(shown.methods)).toEqual(['trajectory', 'eurostat']);
  });
});
