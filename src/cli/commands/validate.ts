import { loadWorkspace } from '../../workspace/load-workspace.js';
import { type Command, programOption, sharedOptions } from '../command.js';
import { InputErrors } from '../errors.js';
import { printIssues } from '../output.js';

export const validateCommand: Command = {
  name: 'validate',
  synopsis: '[--program FILE]',
  summary: 'check everything, print every problem',
  options: { program: sharedOptions.program },
  async run(values, _args, { cwd, output }) {
    const program = programOption(values);
    const { workspace, issues } = await loadWorkspace(cwd, program);
    if (printIssues(issues, output) || !workspace) throw new InputErrors();
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
    output.out(`${workspace.program.file}: ${counts.join(', ')}: no errors${tail}`);
  },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
