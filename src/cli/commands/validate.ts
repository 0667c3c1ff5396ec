import { loadWorkspace } from '../../data/load-workspace.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues, type Output } from '../output.js';

export async function validateCommand(opts: { root: string; program: string }, output: Output): Promise<void> {
  const { workspace, issues, root } = await loadWorkspace(opts.root, opts.program);
  if (printIssues(issues, output, issueBase(opts.root, root)) || !workspace) throw new InputErrors();
  const rows = workspace.tables.reduce((n, t) => n + t.rowCount, 0);
  const series = [...workspace.data.values()].reduce((n, d) => n + (d.headline ? 1 : 0) + d.breakdowns.length, 0);
  const warnings = issues.length;
  const base = issueBase(opts.root, root);
  output.out(
    `${base ? `${base}/` : ''}${workspace.program.file}: ${plural(workspace.program.indicators.length, 'indicator')}, ${plural(workspace.tables.length, 'data file')}, ` +
      `${plural(rows, 'row')}, ${series} series: no errors${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
