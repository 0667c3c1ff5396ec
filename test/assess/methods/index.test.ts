import { describe, expect, it } from 'vitest';
import type { MethodInput, TimedValue } from '../../../src/assess/method-types.js';
import { aggregateOpenSdg, methods, runMethod } from '../../../src/assess/methods/index.js';
import { projectCagr, projectLinear } from '../../../src/assess/projection.js';
import { targetOutcomes } from '../../../src/assess/target-outcome.js';
import { methodNames } from '../../../src/spec/schema.js';

const year = (y: number, value: number): TimedValue => ({ period: String(y), time: y + 0.5, firstYear: y, value });

function input(
  observations: TimedValue[],
  baseline: TimedValue,
  target: TimedValue | undefined,
  over: Partial<MethodInput> = {},
): MethodInput {
  const targets = target ? [target] : [];
  return {
    direction: 1,
    unit: 'number',
    accumulation: 'level',
    observations,
    baseline,
    target,
    targets,
    asOf: { period: '2030', time: 2030.5, endTime: 2031 },
    targetEndTimes: targets.map((t) => t.firstYear + 1),
    stepYears: 1,
    bands: { onTrack: 0.85, atRisk: 0.6 },
    ...over,
  };
}

/** Edge cases: zeros, negatives, equal times, no data, no target, a target at the baseline. */
const edgeCases: Record<string, MethodInput> = {
  'zero everywhere': input([year(2015, 0), year(2020, 0)], year(2015, 0), year(2025, 0)),
  'zero baseline, decrease': input([year(2015, 0), year(2020, 3)], year(2015, 0), year(2025, 0), { direction: -1 }),
  'negative values': input([year(2015, -4), year(2020, -2)], year(2015, -4), year(2025, 1)),
  'opposite signs': input([year(2015, 4), year(2020, -2)], year(2015, 4), year(2025, -5), { direction: -1 }),
  'latest at the baseline': input([year(2015, 10)], year(2015, 10), year(2025, 20)),
  'no observations': input([], year(2015, 10), year(2025, 20)),
  'no target': input([year(2015, 10), year(2020, 12)], year(2015, 10), undefined),
  'target at the baseline date': input([year(2015, 10), year(2020, 12)], year(2015, 10), year(2015, 20)),
  'target equal to the baseline': input([year(2015, 10), year(2020, 8)], year(2015, 10), year(2025, 10)),
  'two values in one year': input(
    [year(2015, 10), { ...year(2015, 11), period: '2015-Q4', time: 2015.875 }],
    year(2015, 10),
    year(2025, 20),
  ),
  'huge growth': input([year(2015, 1e-300), year(2016, 1e300)], year(2015, 1e-300), year(2100, 1e308)),
  'target of zero for a sum with zero results': input([year(2016, 0)], year(2015, 0), year(2016, 0), {
    accumulation: 'sum',
    direction: -1,
  }),
  'open-sdg natural limit of 0': input([year(2015, 0), year(2016, 0)], year(2015, 0), undefined, { naturalLimit: 0 }),
};

function nonFinitePaths(value: unknown, path: string, out: string[]): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(path);
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) nonFinitePaths(v, `${path}[${i}]`, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, `${path}.${k}`, out);
  return out;
}

describe('the method registry', () => {
  it('has every method the spec names', () => {
    expect(Object.keys(methods).sort()).toEqual([...methodNames].sort());
  });
  it('runs a method by name and tags the verdict with it', () => {
    for (const name of methodNames) expect(runMethod(name, edgeCases['no target']!).method).toBe(name);
  });
});

describe('no output is ever NaN or infinite', () => {
  for (const [label, caseInput] of Object.entries(edgeCases)) {
    it(`${label}: each method, projection, target outcome gives finite numbers; a reason if it cannot judge`, () => {
      const verdicts = methodNames.map((name) => runMethod(name, caseInput));
      const outputs = {
        verdicts,
        aggregate: aggregateOpenSdg(verdicts.filter((v) => v.method === 'open-sdg')),
        linear: projectLinear(caseInput),
        cagr: projectCagr(caseInput),
        outcomes: targetOutcomes(caseInput),
      };
      expect(nonFinitePaths(outputs, label, [])).toEqual([]);
      for (const v of verdicts) if (v.category === null) expect(v.reason, `${v.method} gives a reason`).toMatch(/\w/);
    });
  }
});
