// `mel report` as a pipeline step: assess the loaded workspace, render its charts, lay out
// the workbook and write the pack (workbook, assessment.json, data.csv, charts) whole.
//
//   1. assess, review and plan the pack (build-pack.ts)
//   2. render the charts (on worker threads when there are many), while
//   3. the workbook is laid out and serialised (each chart put in once rendered)
//   4. write every file of the pack at once (write-pack.ts), into a folder that may take
//      it (pack-folder.ts): checked first when --out is given, so that a refusal comes
//      before the work, and again just before writing
import { jsonFileChunks } from '../assess/assessment-json.js';
import { relative, resolve } from 'node:path';
import type { Period } from '../periods/period.js';
import { indicatorFilesBeside } from '../spec/load-program.js';
import type { Locale, MethodName } from '../spec/schema.js';
import type { Workspace } from '../workspace/load-workspace.js';
import { buildPack } from './build-pack.js';
import { flatDataCsv } from './flat-data-csv.js';
import { renderPlannedCharts } from './render-charts.js';
import { runTimeOf } from './run-time.js';
import type { ChartMode } from './pack-input.js';
import { writeWorkbook } from './workbook/build-workbook.js';
import { outputFolderMessages, writeProblem } from '../messages/output-folder.js';
import { inspectPackFolder, OutputFolderError, type PackFolder } from './pack-folder.js';
import {
  type PackFile,
  PackWriteError,
  recoverInterruptedWrites,
  recoverLegacyLeftovers,
  type WriteSteps,
  writePack,
} from './write-pack.js';

/** What a long report tells whoever shows its progress. */
export interface ReportProgress {
  /** The stage, named by its key: the terminal shows it in its own language (messages/cli.ts reportStages). */
  stage(stage: 'assessing' | 'workbook' | 'writing'): void;
  step(stage: 'charts', done: number, total: number): void;
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
  /** PNG images, native Excel charts, or both (default both). */
  charts?: ChartMode;
  /** Write into a folder holding other files (--force). */
  force?: boolean;
  /** Announces each step of the write (tests interrupt it there). */
  writeSteps?: WriteSteps;
  engineVersion: string;
  env: NodeJS.ProcessEnv;
  progress: ReportProgress;
}

export interface ReportWritten {
  outDir: string;
  asOf: string;
  /** PNG charts written (charts/), and native charts in the workbook. */
  charts: number;
  nativeCharts: number;
}

export { OutputFolderError } from './pack-folder.js';

const shownPath = (root: string, path: string) => relative(root, path).split('\\').join('/') || '.';

export async function makeReport(workspace: Workspace, request: ReportRequest): Promise<ReportWritten> {
  const { cwd, progress } = request;
  const program = workspace.program;
  // Paths in the pack are relative to the programme's root, wherever mel runs.
  const inputFiles = [
    program.file,
    ...indicatorFilesBeside(resolve(cwd, request.programPath)).map((f) =>
      relative(program.root, f).split('\\').join('/'),
    ),
    ...program.dataSources.map((d) => d.file),
  ];
  const packFolder = (dir: string): PackFolder => {
    recoverLegacyLeftovers(dir);
    recoverInterruptedWrites(dir);
    return inspectPackFolder(dir, shownPath(cwd, dir), {
      root: cwd,
      inputs: inputFiles.map((f) => resolve(program.root, f)),
      force: request.force === true,
    });
  };
  if (request.out !== undefined) packFolder(resolve(cwd, request.out));
  // 1-2. assess and render
  progress.stage('assessing');
  const built = await buildPack(workspace, {
    asOf: request.asOf,
    method: request.method,
    locale: request.locale,
    engineVersion: request.engineVersion,
    runTime: runTimeOf(request.env),
    inputFiles,
    renderCharts: (charts) => renderPlannedCharts(charts, (done, total) => progress.step('charts', done, total)),
    chartMode: request.charts,
  });
  // 3. workbook
  progress.stage('workbook');
  const { xlsx, nativeCharts } = await writeWorkbook(built.input);
  // Every chart was awaited by the workbook (PNG or both) or is awaited here (none with native only).
  const charts = await Promise.all(built.charts.map(async (c) => ({ file: c.file, png: await c.png })));
  // 4. the pack
  progress.stage('writing');
  // --out is where the user says, from where mel runs; the default is inside the programme.
  const outDir = request.out
    ? resolve(cwd, request.out)
    : resolve(program.root, `reports/${program.id}/${built.doc.as_of}`);
  const files: PackFile[] = [
    { path: 'progress-pack.xlsx', bytes: xlsx },
    // Written as it is made: a national pack's 90 MB document is never one string.
    { path: 'assessment.json', chunks: jsonFileChunks(built.doc) },
    { path: 'data.csv', chunks: flatDataCsv(program, workspace.data, built.input.locale) },
    ...charts.flatMap((c) => (c.png ? [{ path: `charts/${c.file}`, bytes: c.png }] : [])),
  ];
  const folder = packFolder(outDir);
  try {
    writePack({
      folder,
      files,
      manifest: {
        generator: 'mel-engine',
        version: request.engineVersion,
        program: program.id,
        as_of: built.doc.as_of,
      },
      steps: request.writeSteps,
    });
  } catch (e) {
    if (!(e instanceof PackWriteError)) throw e;
    const shown = shownPath(cwd, outDir);
    throw new OutputFolderError(
      e.restored
        ? outputFolderMessages.writeFailed(shown, writeProblem(e.code), e.where)
        : outputFolderMessages.restoreFailed(shown, writeProblem(e.code), shownPath(cwd, e.backup ?? outDir)),
    );
  }
  return {
    outDir,
    asOf: built.doc.as_of,
    charts: charts.filter((c) => c.png).length,
    nativeCharts,
  };
}
