import { smartReview } from '../../assess/smart-review.js';
import { renderSmartReview } from '../../assess/smart-text.js';
import { loadWorkspace } from '../../data/load-workspace.js';
import { InputErrors } from '../errors.js';
import type { CliOptions } from '../main.js';
import { issueBase, printIssues, type Output } from '../output.js';
import { parseLocale } from '../arguments.js';

export async function smartCommand(opts: CliOptions, output: Output): Promise<void> {
  const locale = parseLocale(opts.locale);
  const { workspace, issues, root } = await loadWorkspace(opts.root, opts.program);
  if (printIssues(issues, output, issueBase(opts.root, root)) || !workspace) throw new InputErrors();
  const review = smartReview(workspace.program, workspace.data, locale ?? workspace.program.locale);
  output.out(
    opts.json
      ? JSON.stringify(review, null, 2)
      : renderSmartReview(review, { color: output.isTTY, locale: locale ?? workspace.program.locale }),
  );
}
