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

const port = parentPort;
if (!port) throw new Error('render-worker: must run in a worker thread (see render-pool.ts)');
// The font is registered while the worker waits for its first chart (warm-workers.ts).
ensureChartFont();

port.on('message', (msg: WorkerRequest) => {
  void renderJob(msg).then(
    (png) => {
      // Hand the bytes over without copying when the Buffer owns its whole ArrayBuffer.
      const own = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength && png.buffer instanceof ArrayBuffer;
      const bytes = own ? new Uint8Array(png.buffer, 0, png.byteLength) : new Uint8Array(png);
      const reply: WorkerReply = { id: msg.id, png: bytes };
      port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    },
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      const reply: WorkerReply = { id: msg.id, error: { message: err.message, stack: err.stack } };
      port.postMessage(reply);
    },
  );
});

function renderJob({ job }: WorkerRequest): Promise<Buffer> {
  return job.kind === 'trajectory'
    ? renderTrajectoryChart(job.spec)
    : renderSmallMultiples(unpackSmallMultiples(job.packed));
}
