import { relative } from 'node:path';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { parseAsOf, parseChartMode, parseLocale, parseMethod } from '../arguments.js';
import { type Command, programOption, sharedOptions, stringOption } from '../command.js';
import { InputErrors } from '../errors.js';
import { issueBase, printIssues } from '../output.js';
import { silentProgress, terminalProgress } from '../progress.js';
import { engineVersion } from '../version.js';

export const reportCommand: Command = {
  name: 'report',
  synopsis:
    '[--program FILE] [--as-of P] [--method M] [--out DIR] ' +
    '[--force] [--locale en|es] [--charts png|native|both] [--quiet]',
  summary: 'the Excel progress pack, assessment.json, data.csv and charts',
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
  async run(values, _args, { cwd, output }) {
    const asOf = parseAsOf(stringOption(values, 'as-of'));
    const method = parseMethod(stringOption(values, 'method'));
    const locale = parseLocale(stringOption(values, 'locale'));
    const charts = parseChartMode(stringOption(values, 'charts'));
    const programPath = programOption(values);
    const progress = !values.quiet && output.errIsTTY ? terminalProgress(process.stderr) : silentProgress;

    progress.stage('reading the programme and its data');
    const { workspace, issues, root } = await loadWorkspace(cwd, programPath);
    if (printIssues(issues, output, issueBase(cwd, root)) || !workspace) throw new InputErrors();
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
      progress,
    }).catch((e: unknown) => {
      progress.done();
      // The folder cannot take the pack (--out Desktop, a file, a read-only folder): an input error.
      if (e instanceof OutputFolderError) throw new InputErrors(e.message);
      throw e;
    });
    progress.done();
    const shown = relative(cwd, written.outDir) || '.';
    const nativeCharts = written.nativeCharts
      ? `, ${written.nativeCharts} native chart${written.nativeCharts === 1 ? '' : 's'} in the workbook`
      : '';
    const warnings = issues.length ? `; ${issues.length} warning${issues.length === 1 ? '' : 's'} above` : '';
    output.out(
      `wrote ${shown}/ : progress-pack.xlsx, assessment.json, data.csv` +
        `${written.charts ? `, ${written.charts} charts` : ''}${nativeCharts} (as of ${written.asOf}${warnings})`,
    );
  },
};
