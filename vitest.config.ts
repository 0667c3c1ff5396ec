import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build-dist.ts'],
    testTimeout: 60_000,
    // Tests pin the time zone so nothing depends on the machine's local time.
    env: { TZ: 'Pacific/Chatham' },
    // Speed (issue 10), measured on a 2-core machine: vitest's default keeps a core free
    // for itself, so there the files ran one at a time (89 s); on every core, 54 s. And
    // each file re-imported zod, yaml, exceljs, chart.js... in a fresh module graph: the
    // files of a worker now share one (24 s). No test depends on a fresh module state:
    // none mocks a module, and the one variable a test sets in process.env it deletes.
    maxWorkers: availableParallelism(),
    isolate: false,
  },
});
