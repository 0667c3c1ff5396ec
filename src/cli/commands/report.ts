import { relative } from 'node:path';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { parseAsOf, parseChartMode, parseLocale, parseMethod } from '../arguments.js';
import { type Command, programOption, sharedOptions, stringOption } from '../command.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues } from '../output.js';
import { type Progress, silentProgress, terminalProgress } from '../progress.js';
import { engineVersion } from '../version.js';
import { cliMessages, type CliMessages } from '../../messages/cli.js';

export const reportCommand: Command = {
  name: 'report',
  synopsis:
    '[--program FILE] [--as-of P] [--method M] [--out DIR] ' +
    '[--force] [--locale en|es] [--charts png|native|both] [--quiet]',
  options: {
    program: sharedOptions.program,
    'as-of': sharedOptions['as-of'],
    method: sharedOptions.method,
    out: sharedOptions.out,
    // Write into a folder that holds other files: the pack's files beside them.
    force: { type: 'boolean', default: false },
    locale: sharedOptions.locale,
    charts: { type: 'string' },
    quiet: sharedOptions.quiet,
  },
  async run(values, _args, ctx) {
    const { cwd, output } = ctx;
    const asOf = parseAsOf(stringOption(values, 'as-of'));
    const method = parseMethod(stringOption(values, 'method'));
    const locale = parseLocale(stringOption(values, 'locale'));
    const charts = parseChartMode(stringOption(values, 'charts'));
    const programPath = programOption(values);
    const progress = !values.quiet && output.errIsTTY ? terminalProgress(process.stderr) : silentProgress;
    // The chart workers load while the programme is read and assessed.
    const { stopWarmWorkers, warmChartWorkers } = await import('../../report/charts/warm-workers.js');
    if (charts !== 'native') warmChartWorkers();
    try {
      // The stages are shown in the environment's language until the programme's is known.
      progress.stage(cliMessages[ctx.locale()].reportStages.reading);
      const { workspace, issues, root, locale: stated } = await loadWorkspace(cwd, programPath);
      const say = cliMessages[ctx.locale(stated)];
      if (printIssues(issues, output, issueBase(cwd, root), ctx.locale(stated)) || !workspace) throw new InputErrors();
      // The workbook and chart libraries load only for the command that needs them.
      const { makeReport, OutputFolderError } = await import('../../report/make-report.js');
      const written = await makeReport(workspace, {
        cwd,
        programPath,
        asOf,
        method,
        locale,
        out: stringOption(values, 'out'),
        charts,
        force: values.force === true,
        engineVersion: engineVersion(),
        env: process.env,
        progress: progressIn(progress, say.reportStages),
      }).catch((e: unknown) => {
        progress.done();
        // The folder cannot take the pack (--out Desktop, a file, a read-only folder): an input error.
        if (e instanceof OutputFolderError) throw new InputErrors(e.text);
        throw e;
      });
      progress.done();
      output.out(
        say.reportWritten({
          folder: relative(cwd, written.outDir) || '.',
          charts: written.charts,
          nativeCharts: written.nativeCharts,
          asOf: written.asOf,
          warnings: issues.length,
        }),
      );
    } finally {
      stopWarmWorkers();
    }
  },
};

/** The report's progress, its stages named in the terminal's language. */
const progressIn = (progress: Progress, stages: CliMessages['reportStages']) => ({
  stage: (stage: 'assessing' | 'workbook' | 'writing') => progress.stage(stages[stage]),
  step: (stage: 'charts', done: number, total: number) => progress.step(stages[stage], done, total),
});
