// Writes a pack whole or not at all: every file goes into a temporary directory beside
// the target, which then takes the old pack's place; a failure before that leaves the
// previous pack intact, and no half-written file is ever where the user looks.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type PackFile =
  /** Path inside the pack: "progress-pack.xlsx", "charts/X.png". */
  | { path: string; bytes: Buffer | string }
  /** A large file written chunk by chunk, never whole in memory. */
  | { path: string; chunks: Iterable<string> };

export function writePackAtomically(outDir: string, files: readonly PackFile[]): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(parent, `.${basename(outDir)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(outDir)}.old-${stamp}`);
  try {
    for (const f of files) {
      const target = join(temp, f.path);
      mkdirSync(dirname(target), { recursive: true });
      if ('bytes' in f) writeFileSync(target, f.bytes);
      else writeChunks(target, f.chunks);
    }
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(temp, outDir);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(outDir)) renameSync(old, outDir);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

function writeChunks(target: string, chunks: Iterable<string>): void {
  const fd = openSync(target, 'w');
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
}
