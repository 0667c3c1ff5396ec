// Renders many charts on worker threads, one per core, so that a programme's hundreds of
// charts use every core: drawing and reading back the pixels are synchronous work on the
// thread that draws (only PNG compression runs on libuv's thread pool), so on the main
// thread alone one core does most of the work. A small-multiples job goes to its worker
// with its points packed into one typed array, moved rather than copied (job-wire.ts); the
// PNG comes back moved too (render-worker.ts).
//
// The worker is render-worker.js beside this module in the build (dist/). From TypeScript
// source (tests, scripts run through tsx) there is no worker script to start, so the charts
// are rendered on the calling thread: same bytes, only slower. A build without its worker
// is broken, and says so rather than quietly drawing on one core.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartSpec, SmallMultiplesSpec } from './chart-spec.js';
import { packSmallMultiples, transferablesOf, type WireJob } from './job-wire.js';
import { renderSmallMultiples, renderTrajectoryChart } from './render-chart.js';
import { MAX_WORKERS, stopWarmWorkers, takeWarmWorker, type WorkerLaunch, workerLaunch } from './warm-workers.js';

export { type WorkerLaunch, workerLaunch } from './warm-workers.js';

/** One chart to render (a PlannedChart of build-chart-spec.ts is one). */
export type ChartJob = { kind: 'trajectory'; spec: ChartSpec } | { kind: 'small-multiples'; spec: SmallMultiplesSpec };

/** Message to a worker. */
export interface WorkerRequest {
  id: number;
  job: WireJob;
}

/** Message from a worker: the PNG of job `id`, or why it failed. */
export type WorkerReply =
  | { id: number; png: Uint8Array; error?: undefined }
  | { id: number; png?: undefined; error: { message: string; stack?: string } };

export interface PoolOptions {
  /** Worker threads (default: one per core, at most 4; 1 or less: no workers). */
  workers?: number;
  /** Fewer charts than this are rendered on the calling thread (a worker takes ~0.1-0.5 s to start). */
  minJobsForWorkers?: number;
  /**
   * Told why charts are rendered on the calling thread although workers were wanted (no
   * worker script, a worker failed).
   */
  log?: (message: string) => void;
}

/** Below this many charts, starting workers costs more than it saves. */
export const MIN_JOBS_FOR_WORKERS = 8;
/**
 * Charts sent to a worker at a time, at least: it draws one while the previous one is
 * compressed. A worker is sent its whole share of the queue at once (renderOnWorkers), so
 * that it keeps drawing while the calling thread is busy (laying out the workbook) and
 * cannot hand it the next chart.
 */
export const JOBS_PER_WORKER = 2;
/** Charts in progress at a time on the calling thread (as src/report/render-charts.ts). */
const JOBS_IN_PROCESS = 6;

/**
 * Renders the charts to PNG, on worker threads when that pays, calling onProgress after
 * each. The result is in the order of `jobs`, and each PNG is byte-identical to what
 * renderTrajectoryChart / renderSmallMultiples give for its spec.
 */
export async function renderChartsInPool(
  jobs: readonly ChartJob[],
  onProgress: (done: number, total: number) => void = () => {},
  options: PoolOptions = {},
): Promise<Buffer[]> {
  const total = jobs.length;
  const out = new Array<Buffer>(total);
  let done = 0;
  const finish = (i: number, png: Buffer) => {
    out[i] = png;
    onProgress(++done, total);
  };
  const workerCount = Math.min(
    options.workers ?? Math.min(MAX_WORKERS, availableParallelism()),
    Math.ceil(total / JOBS_PER_WORKER),
  );
  const log = options.log ?? (() => {});
  const wanted = workerCount >= 2 && total >= (options.minJobsForWorkers ?? MIN_JOBS_FOR_WORKERS);
  const launch = wanted ? workerLaunch() : undefined;
  const queue = jobs.map((job, id): QueuedJob => ({ id, job }));
  try {
    if (launch) await renderOnWorkers(queue, finish, workerCount, launch, log);
  } finally {
    stopWarmWorkers();
  }
  // Whatever the workers did not render (none started, or they died).
  await renderInProcess(queue, finish);
  return out;
}

/** A job waiting to be rendered, and its place in the result. */
interface QueuedJob {
  id: number;
  job: ChartJob;
}

async function renderInProcess(queue: QueuedJob[], finish: (i: number, png: Buffer) => void): Promise<void> {
  const next = async (): Promise<void> => {
    for (let q = queue.shift(); q !== undefined; q = queue.shift()) finish(q.id, await renderJob(q.job));
  };
  await Promise.all(Array.from({ length: Math.min(JOBS_IN_PROCESS, queue.length) }, next));
}

/** The job alone as a worker takes it (a PlannedChart carries more, which need not be copied across). */
function wireJob(job: ChartJob): WireJob {
  switch (job.kind) {
    case 'trajectory':
      return { kind: 'trajectory', spec: job.spec };
    case 'small-multiples':
      return { kind: 'small-multiples', packed: packSmallMultiples(job.spec) };
  }
}

function renderJob(job: ChartJob): Promise<Buffer> {
  return job.kind === 'trajectory' ? renderTrajectoryChart(job.spec) : renderSmallMultiples(job.spec);
}

/**
 * Feeds the queue to the workers until it is empty. Resolves when every worker has
 * stopped; jobs of a worker that died go back to the queue. Rejects with the first error
 * a chart raised.
 */
function renderOnWorkers(
  queue: QueuedJob[],
  finish: (i: number, png: Buffer) => void,
  count: number,
  launch: WorkerLaunch,
  log: (message: string) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let live = 0;
    let failed = false;
    const stopAll: (() => void)[] = [];
    const share = Math.max(JOBS_PER_WORKER, Math.ceil(queue.length / count));
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const stop of stopAll) stop();
      reject(e);
    };
    const start = () => {
      let worker: Worker;
      try {
        worker = takeWarmWorker() ?? new Worker(launch.entry, { stdout: false, stderr: false });
      } catch (e) {
        log(`render-pool: cannot start a worker (${(e as Error).message}); the calling thread renders its charts`);
        return;
      }
      live++;
      const inFlight = new Map<number, QueuedJob>();
      let stopped = false;
      const stop = () => {
        if (stopped) return;
        stopped = true;
        worker.removeAllListeners('message');
        void worker.terminate();
      };
      stopAll.push(stop);
      const nextJob = () => (!failed && inFlight.size < share ? queue.shift() : undefined);
      const feed = () => {
        for (let q = nextJob(); q !== undefined; q = nextJob()) {
          inFlight.set(q.id, q);
          const request: WorkerRequest = { id: q.id, job: wireJob(q.job) };
          worker.postMessage(request, transferablesOf(request.job));
        }
        if (inFlight.size === 0) stop();
      };
      worker.on('message', (reply: WorkerReply) => {
        inFlight.delete(reply.id);
        if (reply.error !== undefined) {
          const e = new Error(reply.error.message);
          if (reply.error.stack) e.stack = reply.error.stack;
          fail(e);
          return;
        }
        finish(reply.id, Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
        feed();
      });
      // A worker that cannot load or crashes: its charts go back to the queue.
      worker.on('error', (e) => {
        log(`render-pool: a worker failed (${e.message}); its charts go back to the queue`);
        stop();
      });
      worker.on('exit', () => {
        stopped = true;
        queue.unshift(...inFlight.values());
        inFlight.clear();
        if (--live === 0 && !failed) resolve();
      });
      feed();
    };
    for (let k = 0; k < count && queue.length > 0; k++) start();
    if (live === 0) resolve();
  });
}
