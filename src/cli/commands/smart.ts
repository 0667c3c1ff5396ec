import { smartReview } from '../../assess/smart-review.js';
import { renderSmartReview } from '../../assess/smart-text.js';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { parseLocale } from '../arguments.js';
import { type Command, programOption, sharedOptions, stringOption } from '../command.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues } from '../output.js';

export const smartCommand: Command = {
  name: 'smart',
  synopsis: '[--program FILE] [--locale en|es] [--json]',
  summary: 'SMART review of indicators and targets',
  options: { program: sharedOptions.program, locale: sharedOptions.locale, json: sharedOptions.json },
  async run(values, _args, { cwd, output }) {
    const requested = parseLocale(stringOption(values, 'locale'));
    const { workspace, issues, root } = await loadWorkspace(cwd, programOption(values));
    if (printIssues(issues, output, issueBase(cwd, root)) || !workspace) throw new InputErrors();
    const locale = requested ?? workspace.program.locale;
    const review = smartReview(workspace.program, workspace.data, locale);
    output.out(
      values.json ? JSON.stringify(review, null, 2) : renderSmartReview(review, { color: output.isTTY, locale }),
    );
  },
};
