// Small programmes written to a temporary directory, as a user would write them.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessProgram, publicDocument } from '../../src/assess/assess-program.js';
import type { AssessmentDocument, AssessmentResult } from '../../src/assess/assessment.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { parsePeriod } from '../../src/periods/period.js';
import type { MethodName } from '../../src/spec/schema.js';

export function writeProgramme(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mel-prog-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export async function assessDir(
  dir: string,
  opts: { asOf?: string; method?: MethodName } = {},
): Promise<AssessmentDocument> {
  const { workspace, issues } = await loadWorkspace(dir, 'indicators/program.yaml');
  const errors = issues.filter((i) => i.severity === 'error');
  if (!workspace || errors.length) throw new Error(`programme has errors: ${JSON.stringify(errors)}`);
  const asOf = opts.asOf ? (parsePeriod(opts.asOf) as { ok: true; period: never }).period : undefined;
  return publicDocument(assessProgram(workspace.program, workspace.data, { asOf, method: opts.method }));
}

/** A one-indicator programme: the indicator's YAML body (after id/name) and its CSV. */
export function oneIndicator(
  indicatorBody: string,
  csv: string | Buffer,
  options: { disaggregations?: string[]; program?: string; source?: string } = {},
): string {
  const dis = options.disaggregations?.length ? `, disaggregations: [${options.disaggregations.join(', ')}]` : '';
  return writeProgramme({
    'indicators/program.yaml':
      `program:\n  id: test\n  name: Test\n  period: { start: 2000, end: 2030 }\n` +
      `${options.program ?? ''}results:\n  - { id: G1, level: impact, statement: Goal }\n` +
      `data:\n  - { id: d, file: data/d.csv${dis}${options.source ?? ''} }\n`,
    'indicators/ind.yaml': `id: IND\nname: Indicator\nresult: G1\n${indicatorBody}`,
    'data/d.csv': csv,
  });
}

export const headline = (doc: AssessmentDocument): AssessmentResult => {
  const r = doc.results.find((x) => Object.keys(x.disaggregation).length === 0);
  if (!r) throw new Error('no headline result');
  return r;
};
