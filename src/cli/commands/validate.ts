import { loadWorkspace } from '../../workspace/load-workspace.js';
import { type Command, programOption, sharedOptions } from '../command.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues } from '../output.js';

export const validateCommand: Command = {
  name: 'validate',
  synopsis: '[--program FILE]',
  summary: 'check everything, print every problem',
  options: { program: sharedOptions.program },
  async run(values, _args, { cwd, output }) {
    const program = programOption(values);
    const { workspace, issues, root } = await loadWorkspace(cwd, program);
    const base = issueBase(cwd, root);
    if (printIssues(issues, output, base) || !workspace) throw new InputErrors();
    const rows = workspace.tables.reduce((n, t) => n + t.rowCount, 0);
    const series = [...workspace.data.values()].reduce((n, d) => n + (d.headline ? 1 : 0) + d.breakdowns.length, 0);
    const warnings = issues.length;
    const counts = [
      plural(workspace.program.indicators.length, 'indicator'),
      plural(workspace.tables.length, 'data file'),
      plural(rows, 'row'),
      `${series} series`,
    ];
    const tail = warnings ? `, ${plural(warnings, 'warning')}` : '';
    output.out(`${base ? `${base}/` : ''}${workspace.program.file}: ${counts.join(', ')}: no errors${tail}`);
  },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
