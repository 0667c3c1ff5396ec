// Worker thread of render-pool.ts: renders the charts it is sent and posts back their PNG
// bytes. Several jobs may be in progress at once: drawing is synchronous, so while one
// chart's PNG is being compressed (on libuv's thread pool) the next one is drawn.
//
// Loaded as a worker only, from the build: dist/report/charts/render-worker.js (see render-pool.ts).

import { parentPort } from 'node:worker_threads';
import { ensureChartFont } from './font.js';
import { unpackSmallMultiples } from './job-wire.js';
import { renderSmallMultiples, renderTrajectoryChart } from './render-chart.js';
import type { WorkerReply, WorkerRequest } from './render-pool.js';

const port = (() => {
  if (!parentPort) throw new Error('render-worker: must run in a worker thread (see render-pool.ts)');
  return parentPort;
})();
// The font is registered while the worker waits for its first chart (warm-workers.ts).
ensureChartFont();

/**
 * Jobs in progress at once: one drawn while the previous one is compressed. The pool may
 * send a worker its whole share of the charts at once; the others wait here, so that a
 * canvas and a scanline buffer are not taken for every chart sent.
 */
const IN_PROGRESS = 2;
const waiting: WorkerRequest[] = [];
let inProgress = 0;

port.on('message', (msg: WorkerRequest) => {
  waiting.push(msg);
  startWaiting();
});

function startWaiting(): void {
  for (let msg = nextWaiting(); msg !== undefined; msg = nextWaiting()) {
    inProgress++;
    void renderJob(msg)
      .then(
        (png) => {
          // Hand the bytes over without copying when the Buffer owns its whole ArrayBuffer.
          const own =
            png.byteOffset === 0 && png.byteLength === png.buffer.byteLength && png.buffer instanceof ArrayBuffer;
          const bytes = own ? new Uint8Array(png.buffer, 0, png.byteLength) : new Uint8Array(png);
          const reply: WorkerReply = { id: msg.id, png: bytes };
          port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
        },
        (e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          const reply: WorkerReply = { id: msg.id, error: { message: err.message, stack: err.stack } };
          port.postMessage(reply);
        },
      )
      .finally(() => {
        inProgress--;
        startWaiting();
      });
  }
}

const nextWaiting = (): WorkerRequest | undefined => (inProgress < IN_PROGRESS ? waiting.shift() : undefined);

function renderJob({ job }: WorkerRequest): Promise<Buffer> {
  return job.kind === 'trajectory'
    ? renderTrajectoryChart(job.spec)
    : renderSmallMultiples(unpackSmallMultiples(job.packed));
}
