import { loadWorkspace } from '../../workspace/load-workspace.js';
import { parseLocale } from '../arguments.js';
import { type Command, programOption, sharedOptions, stringOption } from '../command.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues } from '../output.js';

export const smartCommand: Command = {
  name: 'smart',
  synopsis: '[--program FILE] [--locale en|es] [--json]',
  options: { program: sharedOptions.program, locale: sharedOptions.locale, json: sharedOptions.json },
  async run(values, _args, ctx) {
    const { cwd, output } = ctx;
    const { workspace, issues, root, locale: stated } = await loadWorkspace(cwd, programOption(values));
    const locale = ctx.locale(stated);
    if (printIssues(issues, output, issueBase(cwd, root), locale) || !workspace) throw new InputErrors();
    // The review's modules load only for this command.
    const { smartReview } = await import('../../assess/smart-review.js');
    const { renderSmartReview } = await import('../../assess/smart-text.js');
    // --json is for programs: its findings stay in --locale or the programme's locale, whatever the environment.
    const review = smartReview(
      workspace.program,
      workspace.data,
      values.json ? (parseLocale(stringOption(values, 'locale')) ?? workspace.program.locale) : locale,
    );
    output.out(
      values.json ? JSON.stringify(review, null, 2) : renderSmartReview(review, { color: output.isTTY, locale }),
    );
  },
};
