// Writes a pack whole or not at all: every file goes into a temporary directory beside
// the target, which then takes the old pack's place; a failure before that leaves the
// previous pack intact, and no half-written file is ever where the user looks.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface PackFile {
  /** Path inside the pack: "progress-pack.xlsx", "charts/X.png". */
  path: string;
  bytes: Buffer | string;
}

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
      writeFileSync(target, f.bytes);
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
