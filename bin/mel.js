#!/usr/bin/env node
// The `mel` command. The engine is TypeScript; a fresh `npm ci` is all it needs.
// On first run (and after any change to src/) esbuild bundles src/ into one module in
// node_modules/.cache/mel-engine, so later runs start without compiling anything
// (1.3 s -> 0.4 s). Without esbuild it falls back to compiling on the fly with tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A fault that escapes the command (a stream error, a worker) is still one line, never a stack trace.
const fault = (e) => {
  process.stderr.write(
    `mel: internal error: ${String(e?.message ?? e).split('\n')[0]} (this is a bug in mel-engine; please report it)\n`,
  );
  if (process.env.MEL_DEBUG) process.stderr.write(String(e?.stack) + '\n');
  process.exit(70);
};
process.on('uncaughtException', fault);
process.on('unhandledRejection', fault);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli', 'main.ts');
// Chart rendering runs on worker threads, whose script is an entry point of its own.
const renderWorker = join(root, 'src', 'report', 'charts', 'render-worker.ts');

/** A fingerprint of every source file (path, size, modification time). */
function sourceFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else hash.update(`${full}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  walk(join(root, 'src'));
  return hash.digest('hex').slice(0, 16);
}

async function bundledEntry() {
  if (process.env.MEL_NO_BUNDLE) return undefined;
  const cache = join(root, 'node_modules', '.cache', 'mel-engine');
  const dir = join(cache, sourceFingerprint());
  const out = join(dir, 'main.js');
  if (existsSync(out)) return out;
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const temp = `${dir}.${process.pid}.tmp`;
  // Code splitting keeps each command's heavy libraries (exceljs, the canvas) in its own
  // chunk, loaded only by the commands that need them.
  await esbuild.build({
    entryPoints: { main: entry, 'render-worker': renderWorker },
    outdir: temp,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    legalComments: 'none',
    outExtension: { '.js': '.js' },
  });
  for (const old of readdirSync(cache))
    if (!old.endsWith('.tmp')) rmSync(join(cache, old), { recursive: true, force: true });
  try {
    renameSync(temp, dir);
  } catch {
    rmSync(temp, { recursive: true, force: true });
  } // another run got there first
  return out;
}

let main;
try {
  const bundle = await bundledEntry();
  if (bundle) main = await import(pathToFileURL(bundle).href);
} catch {
  main = undefined; // a cache that cannot be written: compile on the fly instead
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import(pathToFileURL(entry).href);
}
await main.runMain(process.argv.slice(2));
