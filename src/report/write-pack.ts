// Writes a pack whole or not at all: every file goes into a temporary directory beside
// the target, which then takes the old pack's place; a failure before that leaves the
// previous pack intact, and no half-written file is ever where the user looks.
//
// Files may go in while the rest of the pack is still being made (a national pack's
// 400 MB of data.csv and assessment.json are written while its charts are drawn on
// worker threads): a PackWriter is opened first, filled, then committed or abandoned.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type PackFile =
  /** Path inside the pack: "progress-pack.xlsx", "charts/X.png". */
  | { path: string; bytes: Buffer | string }
  /** A large file written chunk by chunk, never whole in memory. */
  | { path: string; chunks: Iterable<string> };

export function writePackAtomically(outDir: string, files: readonly PackFile[]): void {
  const pack = new PackWriter(outDir);
  try {
    for (const f of files) pack.write(f);
  } catch (e) {
    pack.abandon();
    throw e;
  }
  pack.commit();
}

/** A pack being written: its files go into a temporary directory until `commit`. */
export class PackWriter {
  private readonly temp: string;
  private readonly old: string;

  constructor(private readonly outDir: string) {
    const parent = dirname(outDir);
    mkdirSync(parent, { recursive: true });
    const stamp = `${process.pid}-${Date.now()}`;
    this.temp = join(parent, `.${basename(outDir)}.tmp-${stamp}`);
    this.old = join(parent, `.${basename(outDir)}.old-${stamp}`);
    mkdirSync(this.temp);
  }

  /** Writes one file of the pack. */
  write(f: PackFile): void {
    const target = this.target(f.path);
    if ('bytes' in f) writeFileSync(target, f.bytes);
    else writeChunks(target, f.chunks);
  }

  /**
   * Writes one file chunk by chunk, handing each chunk to the thread pool: the calling
   * thread goes on with other work (the messages of chart workers) between chunks.
   */
  async writeInTurns(path: string, chunks: Iterable<string>): Promise<void> {
    const handle = await open(this.target(path), 'w');
    try {
      for (const c of chunks) await handle.write(c);
    } finally {
      await handle.close();
    }
  }

  /** The pack takes the place of the previous one. */
  commit(): void {
    const { outDir, temp, old } = this;
    try {
      if (existsSync(outDir)) renameSync(outDir, old);
      renameSync(temp, outDir);
    } catch (e) {
      this.abandon();
      if (existsSync(old) && !existsSync(outDir)) renameSync(old, outDir);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  }

  /** Nothing of this pack is left; the previous one stays. */
  abandon(): void {
    rmSync(this.temp, { recursive: true, force: true });
  }

  private target(path: string): string {
    const target = join(this.temp, path);
    mkdirSync(dirname(target), { recursive: true });
    return target;
  }
}

function writeChunks(target: string, chunks: Iterable<string>): void {
  const fd = openSync(target, 'w');
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
}
