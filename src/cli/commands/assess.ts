import { assessProgram, publicDocument } from '../../assess/assess-program.js';
import { renderAssessmentTable } from '../../assess/assessment-table.js';
import { loadWorkspace } from '../../data/load-workspace.js';
import type { Output } from '../output.js';
import { issueBase, printIssues } from '../output.js';
import { InputErrors } from '../errors.js';
import type { CliOptions } from '../main.js';
import { parseAsOf, parseMethod } from '../arguments.js';

export async function assessCommand(opts: CliOptions, output: Output): Promise<void> {
  const asOf = parseAsOf(opts.asOf);
  const method = parseMethod(opts.method);
  const { workspace, issues, root } = await loadWorkspace(opts.root, opts.program);
  if (printIssues(issues, output, issueBase(opts.root, root)) || !workspace) throw new InputErrors();
  const doc = publicDocument(assessProgram(workspace.program, workspace.data, { asOf, method }));
  output.out(opts.json ? JSON.stringify(doc, null, 2) : renderAssessmentTable(doc, { color: output.isTTY }));
}
