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
import { printIssues, type Output } from '../output.js';
import { silentProgress, terminalProgress } from '../progress.js';

export async function reportCommand(opts: CliOptions, output: Output): Promise<void> {
  const asOf = parseAsOf(opts.asOf);
  const method = parseMethod(opts.method);
  const locale = parseLocale(opts.locale);
  const progress = !opts.quiet && output.errIsTTY ? terminalProgress(process.stderr) : silentProgress;

  const { workspace, issues } = await loadWorkspace(opts.root, opts.program);
  if (printIssues(issues, output) || !workspace) throw new InputErrors();
  const program = workspace.program;
  const inputFiles = [
    program.file,
    ...indicatorFilesBeside(resolve(opts.root, opts.program)).map((f) => relative(opts.root, f).split('\\').join('/')),
    ...program.dataSources.map((d) => d.file),
  ];
  const built = await buildPack(workspace, {
    asOf, method, locale,
    engineVersion: engineVersion(),
    runTime: runTimeOf(process.env),
    inputFiles,
    renderCharts: (charts) => renderPlannedCharts(charts, (done, total) => progress.step('charts', done, total)),
  });
  progress.step('workbook', 0, 1);
  const workbook = buildWorkbook(built.input);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  progress.done();

  const outDir = resolve(opts.root, opts.out ?? `reports/${program.id}/${built.doc.as_of}`);
  const files: PackFile[] = [
    { path: 'progress-pack.xlsx', bytes: xlsx },
    { path: 'assessment.json', bytes: JSON.stringify(built.doc, null, 2) + '\n' },
    { path: 'data.csv', chunks: flatDataCsv(program, workspace.data) },
    ...built.charts.map((c) => ({ path: `charts/${c.file}`, bytes: c.png })),
  ];
  writePackAtomically(outDir, files);
  const shown = relative(opts.root, outDir) || '.';
  const warnings = issues.length;
  output.out(`wrote ${shown}/ : progress-pack.xlsx, assessment.json, data.csv, ${built.charts.length} charts (as of ${built.doc.as_of}${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'} above` : ''})`);
}
