// Chart workers started before the charts are planned. A worker takes a few tenths of a
// second to load chart.js, @napi-rs/canvas and the font: started when `mel report` begins,
// it loads while the main thread reads the programme and assesses it, and is ready when
// the charts are. Light on purpose: importing this module loads no chart library.
//
// A warm worker is unref'd (it never keeps mel running), and one that fails to load is
// not handed out; render-pool.ts takes them, and stops those it does not need.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** How a worker is started. */
export interface WorkerLaunch {
  /** The worker module, render-worker.js beside this one. */
  entry: URL;
}

/** How to start a worker: undefined when this module runs from TypeScript source. */
export function workerLaunch(here: string = import.meta.url): WorkerLaunch | undefined {
  if (!here.startsWith('file:') || /\.[cm]?ts$/.test(new URL(here).pathname)) return undefined;
  const entry = new URL('./render-worker.js', here);
  if (!existsSync(fileURLToPath(entry)))
    throw new Error(`the chart worker ${fileURLToPath(entry)} is missing: rebuild mel-engine (npm run build)`);
  return { entry };
}

/** Workers at most (one per core). */
export const MAX_WORKERS = 4;

interface WarmWorker {
  worker: Worker;
  /** It failed to load or exited: not handed out. */
  broken: boolean;
}

const warm: WarmWorker[] = [];

/** Starts a worker per core (at most MAX_WORKERS), unless some are warm already or there is no worker script. */
export function warmChartWorkers(count = Math.min(MAX_WORKERS, availableParallelism())): void {
  if (count < 2 || warm.length > 0) return;
  let launch: WorkerLaunch | undefined;
  try {
    launch = workerLaunch();
  } catch {
    return; // a missing worker is reported when the charts render
  }
  if (!launch) return;
  for (let k = 0; k < count; k++) {
    let worker: Worker;
    try {
      worker = new Worker(launch.entry, { stdout: false, stderr: false });
    } catch {
      return;
    }
    const w: WarmWorker = { worker, broken: false };
    worker.unref();
    worker.once('error', () => {
      w.broken = true;
    });
    worker.once('exit', () => {
      w.broken = true;
    });
    warm.push(w);
  }
}

/** A warm worker for the pool (ref'd again, without the listeners of its warm-up), if one is ready. */
export function takeWarmWorker(): Worker | undefined {
  for (let w = warm.pop(); w !== undefined; w = warm.pop()) {
    if (!w.broken) {
      w.worker.removeAllListeners();
      w.worker.ref();
      return w.worker;
    }
  }
  return undefined;
}

/** Stops the warm workers nobody took. */
export function stopWarmWorkers(): void {
  for (const w of warm.splice(0)) void w.worker.terminate();
}
