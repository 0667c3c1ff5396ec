import { relative, resolve } from 'node:path';
import { loadWorkspace } from '../../data/load-workspace.js';
import { buildPack } from '../../report/build-pack.js';
import { flatDataCsv } from '../../report/flat-data-csv.js';
import { renderPlannedCharts } from '../../report/render-charts.js';
import { runTimeOf } from '../../report/run-time.js';
import { buildWorkbook } from '../../report/workbook/build-workbook.js';
import { writePackAtomically, type PackFile } from '../../report/write-pack.js';
import { indicatorFilesBeside } from '../../spec/load-program.js';
import { parseAsOf, parseLocale, parseMethod } from '../arguments.js';
import { InputErrors } from '../errors.js';
import { engineVersion, type CliOptions } from '../main.js';
import { issueBase, printIssues, type Output } from '../output.js';
import { silentProgress, terminalProgress } from '../progress.js';

export async function reportCommand(opts: CliOptions, output: Output): Promise<void> {
  const asOf = parseAsOf(opts.asOf);
  const method = parseMethod(opts.method);
  const locale = parseLocale(opts.locale);
  const progress = !opts.quiet && output.errIsTTY ? terminalProgress(process.stderr) : silentProgress;

  progress.stage('reading the programme and its data');
  const { workspace, issues, root } = await loadWorkspace(opts.root, opts.program);
  if (printIssues(issues, output, issueBase(opts.root, root)) || !workspace) throw new InputErrors();
  const program = workspace.program;
  const inputFiles = [
    program.file,
    ...indicatorFilesBeside(resolve(opts.root, opts.program)).map((f) =>
      relative(program.root, f).split('\\').join('/'),
    ),
    ...program.dataSources.map((d) => d.file),
  ];
  progress.stage('assessing');
  const built = await buildPack(workspace, {
    asOf,
    method,
    locale,
    engineVersion: engineVersion(),
    runTime: runTimeOf(process.env),
    inputFiles,
    renderCharts: (charts) => renderPlannedCharts(charts, (done, total) => progress.step('charts', done, total)),
  });
  progress.stage('laying out the workbook');
  const workbook = buildWorkbook(built.input);
  progress.stage('writing the workbook');
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  progress.stage('writing the pack');

  // --out is where the user says, from where mel runs; the default is inside the programme.
  const outDir = opts.out
    ? resolve(opts.root, opts.out)
    : resolve(program.root, `reports/${program.id}/${built.doc.as_of}`);
  const files: PackFile[] = [
    { path: 'progress-pack.xlsx', bytes: xlsx },
    { path: 'assessment.json', bytes: JSON.stringify(built.doc, null, 2) + '\n' },
    { path: 'data.csv', chunks: flatDataCsv(program, workspace.data) },
    ...built.charts.map((c) => ({ path: `charts/${c.file}`, bytes: c.png })),
  ];
  writePackAtomically(outDir, files);
  progress.done();
  const shown = relative(opts.root, outDir) || '.';
  const warnings = issues.length;
  output.out(
    `wrote ${shown}/ : progress-pack.xlsx, assessment.json, data.csv, ${built.charts.length} charts (as of ${built.doc.as_of}${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'} above` : ''})`,
  );
}
