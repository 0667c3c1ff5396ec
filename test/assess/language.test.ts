// Every sentence the assessment writes (status reasons, notes, target outcomes, the
// reasons of every published method and projection, relative targets' derivations) comes
// from the message catalogue in the report's language: the demo programme assessed in
// Spanish has no English sentence left.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessProgram } from '../../src/assess/assess-program.js';
import type { AssessmentResult } from '../../src/assess/assessment.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';

/** Every sentence of a result. */
function sentences(r: AssessmentResult): string[] {
  return [
    r.reason,
    ...r.notes,
    ...r.targets.flatMap((t) => [t.reason, t.derivation]),
    ...Object.values(r.methods).map((m) => m?.reason),
    ...r.projections.map((p) => p.reason),
  ].filter((s): s is string => typeof s === 'string' && s !== '');
}

/** Words only an English sentence has. */
const ENGLISH = /\b(the|is|has|have|and|no value|cannot|target|baseline|there|which|already)\b/i;

describe('the language of the assessment', () => {
  it('writes every sentence of the demo programme in Spanish when asked to', async () => {
    const root = join(import.meta.dirname, '../..');
    const { workspace } = await loadWorkspace(root, 'indicators/program.yaml');
    if (!workspace) throw new Error('no workspace');
    const es = assessProgram(workspace.program, workspace.data, { locale: 'es', everyMethod: () => true });
    const all = es.results.flatMap(sentences);
    expect(all.length).toBeGreaterThan(100);
    const english = all.filter((s) => ENGLISH.test(s));
    expect(english).toEqual([]);
    // And the same programme in English is in English.
    const en = assessProgram(workspace.program, workspace.data, { locale: 'en', everyMethod: () => true });
    expect(en.results.flatMap(sentences).filter((s) => ENGLISH.test(s)).length).toBeGreaterThan(50);
  });
});
