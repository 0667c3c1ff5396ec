import { assessProgram, publicDocument, publicResult, startAssessment } from '../../assess/assess-program.js';
import { jsonFileChunks } from '../../assess/assessment-json.js';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { parseAsOf, parseMethod } from '../arguments.js';
import { type Command, programOption, sharedOptions, stringOption } from '../command.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues } from '../output.js';

export const assessCommand: Command = {
  name: 'assess',
  synopsis: '[--program FILE] [--as-of P] [--method M] [--json] [--locale en|es]',
  options: {
    program: sharedOptions.program,
    'as-of': sharedOptions['as-of'],
    method: sharedOptions.method,
    json: sharedOptions.json,
    locale: sharedOptions.locale,
  },
  async run(values, _args, ctx) {
    const { cwd, output } = ctx;
    const asOf = parseAsOf(stringOption(values, 'as-of'));
    const method = parseMethod(stringOption(values, 'method'));
    const { workspace, issues, root, locale: stated } = await loadWorkspace(cwd, programOption(values));
    const locale = ctx.locale(stated);
    if (printIssues(issues, output, issueBase(cwd, root), locale) || !workspace) throw new InputErrors();
    if (values.json) {
      // Written as computed, result by result: a national programme's document is never whole in memory.
      const run = startAssessment(workspace.program, workspace.data, { asOf, method });
      const results = mapLazily(run.results(), ({ result }) => publicResult(result));
      for (const chunk of jsonFileChunks({ ...run.head, results })) output.write(chunk);
      return;
    }
    const doc = publicDocument(assessProgram(workspace.program, workspace.data, { asOf, method }));
    const { renderAssessmentTable } = await import('../../assess/assessment-table.js');
    output.out(renderAssessmentTable(doc, { color: output.isTTY, locale }));
  },
};

function* mapLazily<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
