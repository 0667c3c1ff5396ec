// `mel report` as a pipeline step: assess the loaded workspace, render its charts, lay out
// the workbook and write the pack (workbook, assessment.json, data.csv, charts) whole.
//
//   1. assess, review and plan the pack (build-pack.ts)
//   2. render the charts (on worker threads when there are many); meanwhile this thread
//      writes assessment.json and data.csv into the pack
//   3. lay out and serialise the workbook
//   4. write the workbook and the charts; the pack takes the previous one's place only
//      once whole (write-pack.ts)
import { relative, resolve } from 'node:path';
import { reportingPeriod } from '../assess/assess-program.js';
import { jsonFileChunks } from '../assess/assessment-json.js';
import type { Period } from '../periods/period.js';
import { indicatorFilesBeside } from '../spec/load-program.js';
import type { Locale, MethodName } from '../spec/schema.js';
import type { Workspace } from '../workspace/load-workspace.js';
import { buildPack } from './build-pack.js';
import { flatDataCsv } from './flat-data-csv.js';
import { renderPlannedCharts } from './render-charts.js';
import { runTimeOf } from './run-time.js';
import { buildWorkbook } from './workbook/build-workbook.js';
import { packageWorkbook } from './workbook/xlsx-package.js';
import { PackWriter } from './write-pack.js';

/** What a long report tells whoever shows its progress. */
export interface ReportProgress {
  stage(label: string): void;
  step(label: string, done: number, total: number): void;
}

export interface ReportRequest {
  /** Where mel runs: the programme file and `out` are relative to it. */
  cwd: string;
  /** The programme file, as given (relative to cwd or absolute). */
  programPath: string;
  asOf?: Period;
  method?: MethodName;
  locale?: Locale;
  /** The pack's folder (default reports/<programme id>/<as-of>/ under the programme's root). */
  out?: string;
  engineVersion: string;
  env: NodeJS.ProcessEnv;
  progress: ReportProgress;
}

export interface ReportWritten {
  outDir: string;
  asOf: string;
  charts: number;
}

export async function makeReport(workspace: Workspace, request: ReportRequest): Promise<ReportWritten> {
  const { cwd } = request;
  const program = workspace.program;
  // Paths in the pack are relative to the programme's root, wherever mel runs.
  const inputFiles = [
    program.file,
    ...indicatorFilesBeside(resolve(cwd, request.programPath)).map((f) =>
      relative(program.root, f).split('\\').join('/'),
    ),
    ...program.dataSources.map((d) => d.file),
  ];
  // The pack's folder: --out is where the user says, from where mel runs; the default is
  // inside the programme, named by the as-of period the assessment will use.
  const asOf = reportingPeriod(program, workspace.data, request.asOf).id;
  const outDir = request.out ? resolve(cwd, request.out) : resolve(program.root, `reports/${program.id}/${asOf}`);
  const pack = new PackWriter(outDir);
  try {
    const written = await fillPack(pack, workspace, request, inputFiles);
    pack.commit();
    return { outDir, ...written };
  } catch (e) {
    pack.abandon();
    throw e;
  }
}

async function fillPack(
  pack: PackWriter,
  workspace: Workspace,
  request: ReportRequest,
  inputFiles: string[],
): Promise<Omit<ReportWritten, 'outDir'>> {
  const { progress } = request;
  const program = workspace.program;
  // 1-2. assess and render; data.csv and assessment.json are written while the charts render
  progress.stage('assessing');
  const built = await buildPack(workspace, {
    asOf: request.asOf,
    method: request.method,
    locale: request.locale,
    engineVersion: request.engineVersion,
    runTime: runTimeOf(request.env),
    inputFiles,
    renderCharts: (charts) => renderPlannedCharts(charts, (done, total) => progress.step('charts', done, total)),
    whileRendering: async (doc) => {
      await pack.writeInTurns('assessment.json', jsonFileChunks(doc));
      await pack.writeInTurns('data.csv', flatDataCsv(program, workspace.data));
    },
  });
  // 3. workbook
  progress.stage('laying out the workbook');
  const workbook = buildWorkbook(built.input);
  progress.stage('writing the workbook');
  const xlsx = await packageWorkbook(workbook, workbook.created);
  // 4. the rest of the pack
  progress.stage('writing the pack');
  pack.write({ path: 'progress-pack.xlsx', bytes: xlsx });
  for (const c of built.charts) pack.write({ path: `charts/${c.file}`, bytes: c.png });
  return { asOf: built.doc.as_of, charts: built.charts.length };
}
