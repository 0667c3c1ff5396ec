import { assessProgram, publicDocument } from '../../assess/assess-program.js';
import { renderAssessmentTable } from '../../assess/assessment-table.js';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { parseAsOf, parseMethod } from '../arguments.js';
import { type Command, programOption, sharedOptions, stringOption } from '../command.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues } from '../output.js';

export const assessCommand: Command = {
  name: 'assess',
  synopsis: '[--program FILE] [--as-of P] [--method M] [--json]',
  summary: 'where each indicator stands against its targets',
  options: {
    program: sharedOptions.program,
    'as-of': sharedOptions['as-of'],
    method: sharedOptions.method,
    json: sharedOptions.json,
  },
  async run(values, _args, { cwd, output }) {
    const asOf = parseAsOf(stringOption(values, 'as-of'));
    const method = parseMethod(stringOption(values, 'method'));
    const { workspace, issues, root } = await loadWorkspace(cwd, programOption(values));
    if (printIssues(issues, output, issueBase(cwd, root)) || !workspace) throw new InputErrors();
    const doc = publicDocument(assessProgram(workspace.program, workspace.data, { asOf, method }));
    output.out(values.json ? JSON.stringify(doc, null, 2) : renderAssessmentTable(doc, { color: output.isTTY }));
  },
};
