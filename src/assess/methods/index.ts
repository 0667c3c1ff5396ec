// The registry of assessment methods: one file per method, all of one signature
// (AssessmentMethod, ../method-types.ts), looked up by the names of the spec's `method:`.
import type { MethodName } from '../../spec/schema.js';
import type { AssessmentMethod, MethodInput, MethodVerdict } from '../method-types.js';
import { aarr } from './aarr.js';
import { eurostat } from './eurostat.js';
import { iptt } from './iptt.js';
import { openSdg } from './open-sdg.js';
import { trajectory } from './trajectory.js';
import { unsd2022 } from './unsd-2022.js';
import { unsd2023 } from './unsd-2023.js';

export const methods: Record<MethodName, AssessmentMethod> = {
  trajectory,
  iptt,
  'open-sdg': openSdg,
  'unsd-2022': unsd2022,
  'unsd-2023': unsd2023,
  eurostat,
  aarr,
};

export function runMethod(name: MethodName, input: MethodInput): MethodVerdict {
  return methods[name](input);
}

export { aarr, eurostat, iptt, openSdg, trajectory, unsd2022, unsd2023 };
export { aggregateOpenSdg } from './open-sdg.js';
