import { cliMessages } from '../../messages/cli.js';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { type Command, programOption, sharedOptions } from '../command.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues } from '../output.js';

export const validateCommand: Command = {
  name: 'validate',
  synopsis: '[--program FILE] [--locale en|es]',
  options: { program: sharedOptions.program, locale: sharedOptions.locale },
  async run(values, _args, ctx) {
    const { cwd, output } = ctx;
    const program = programOption(values);
    const { workspace, issues, root, locale: stated } = await loadWorkspace(cwd, program);
    const locale = ctx.locale(stated);
    const base = issueBase(cwd, root);
    if (printIssues(issues, output, base, locale) || !workspace) throw new InputErrors();
    const rows = workspace.tables.reduce((n, t) => n + t.rowCount, 0);
    const series = [...workspace.data.values()].reduce((n, d) => n + (d.headline ? 1 : 0) + d.breakdowns.length, 0);
    output.out(
      cliMessages[locale].validated(`${base ? `${base}/` : ''}${workspace.program.file}`, {
        indicators: workspace.program.indicators.length,
        files: workspace.tables.length,
        rows,
        series,
        warnings: issues.length,
      }),
    );
  },
};
