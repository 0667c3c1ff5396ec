#!/usr/bin/env node
// Builds src/ to dist/: every module transpiled to one plain ES module of the same name
// (no bundling), so dist/ mirrors src/ and the chart worker is dist/report/charts/render-worker.js.
// Types are checked separately (`npm run typecheck`); esbuild only strips them, in a fraction
// of a second, which lets `npm ci` (through `prepare`) and the test suite build on every run.
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Every .ts module under a folder. */
function modulesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return modulesUnder(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: modulesUnder(src),
  outdir: dist,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
chmodSync(join(dist, 'cli', 'bin.js'), 0o755);
console.log(`built ${relative(root, dist)}/ from ${relative(root, src)}/`);
