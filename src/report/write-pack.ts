// Writes a pack into its folder whole or not at all, touching only the files mel wrote
// there (pack-folder.ts decides which those are). Each file is swapped in by a rename,
// which never leaves its path empty; a journal makes the set of renames undoable:
//
//   1. prepare  the folder made; leftovers of an interrupted earlier write undone
//   2. stage    every new file (and the new manifest) written into .mel-tmp-*/new and fsynced
//   3. backup   every file about to be replaced hard-linked (or copied) into .mel-tmp-*/old,
//               and the journal (what to put back, what to remove) written and fsynced
//   4. swap     each new file renamed over its old one; the previous pack's files the new
//               one lacks (a chart of a removed indicator) removed
//   5. commit   the new manifest renamed in, the folder fsynced, the journal removed:
//               from here on the new pack stands
//   6. clean up the temporary folder removed (or, if that fails, by the next write)
//
// A failure at any step before the commit puts every file back as it was (the previous
// pack byte for byte, and any other file untouched). A write killed outright (SIGKILL,
// power cut) leaves its temporary folder and journal; the next write, or
// recoverInterruptedWrites, undoes it before anything else. Every step is announced to
// `steps.beforeStep`, so that tests can interrupt the write between any two.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MANIFEST, type PackFolder, type PackManifest, TEMP_PREFIX } from './pack-folder.js';

export type PackFile =
  /** Path inside the pack: "progress-pack.xlsx", "charts/X.png". */
  | { path: string; bytes: Buffer | string }
  /**
   * A large file written chunk by chunk, never whole in memory. Each chunk is written
   * before the next is asked for, so a chunk's memory may be filled again for the next.
   */
  | { path: string; chunks: Iterable<string | Uint8Array> };

export interface WriteSteps {
  /** Called before each step with its name ("stage data.csv", "swap charts/X.png", "commit"...). */
  beforeStep?(step: string): void;
}

export interface PackWrite {
  folder: PackFolder;
  files: readonly PackFile[];
  /** The manifest's facts; its list of files is the files written. */
  manifest: Omit<PackManifest, 'files'>;
  steps?: WriteSteps;
}

/** A write that failed: the file-system error, where, and whether the folder is as it was. */
export class PackWriteError extends Error {
  constructor(
    readonly code: string | undefined,
    /** The file (relative to the pack) or folder the error is about, when known. */
    readonly where: string | undefined,
    /** False when the previous files could not all be put back: they are in `backup`. */
    readonly restored: boolean,
    readonly backup?: string,
  ) {
    super(`pack write failed: ${code ?? 'error'}${where ? ` at ${where}` : ''}`);
  }
}

/** What to undo if the write stops between its first swap and its commit. */
interface Journal {
  /** Files that existed before, kept in old/: put back. */
  restore: string[];
  /** Files that did not exist before: removed. */
  created: string[];
}

const JOURNAL = 'journal.json';

export function writePack(w: PackWrite): void {
  const { dir, previous } = w.folder;
  const step = (name: string) => w.steps?.beforeStep?.(name);
  // The workbook first: it is the file most likely open in Excel, and a failure on the
  // first swap leaves the least to put back.
  const files = [...w.files].sort((a, b) => rank(a.path) - rank(b.path));
  const names = files.map((f) => f.path);
  let firstCreated: string | undefined;
  let temp: string | undefined;
  let journal: Journal | undefined;
  let where: string | undefined;
  try {
    step('prepare');
    firstCreated = mkdirSync(dir, { recursive: true });
    recoverInterruptedWrites(dir);
    temp = join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(join(temp, 'new'), { recursive: true });

    for (const f of files) {
      where = f.path;
      step(`stage ${f.path}`);
      writeDurably(join(temp, 'new', f.path), f);
    }
    where = MANIFEST;
    step(`stage ${MANIFEST}`);
    const manifest: PackManifest = { ...w.manifest, files: [...names].sort() };
    writeDurably(join(temp, 'new', MANIFEST), { path: MANIFEST, bytes: `${JSON.stringify(manifest, null, 2)}\n` });
    syncFolderTree(join(temp, 'new'));

    where = undefined;
    step('backup');
    const touched = [...new Set([...names, ...previous, MANIFEST])];
    const restore = touched.filter((f) => isFile(join(dir, f)));
    const created = [...names, MANIFEST].filter((f) => !restore.includes(f));
    for (const f of restore) {
      where = f;
      keepCopy(join(dir, f), join(temp, 'old', f));
    }
    where = undefined;
    writeDurably(join(temp, JOURNAL), { path: JOURNAL, bytes: JSON.stringify({ restore, created }) });
    syncFolderTree(temp);

    journal = { restore, created };
    for (const f of names) {
      where = f;
      step(`swap ${f}`);
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      renameSync(join(temp, 'new', f), join(dir, f));
    }
    for (const f of previous.filter((p) => !names.includes(p))) {
      where = f;
      step(`remove ${f}`);
      if (isFile(join(dir, f))) rmSync(join(dir, f)); // a folder put there since is not mel's
    }
    where = MANIFEST;
    step('commit');
    renameSync(join(temp, 'new', MANIFEST), join(dir, MANIFEST));
    for (const d of new Set(names.map((f) => dirname(join(dir, f))))) syncPath(d);
    syncPath(dir);
    rmSync(join(temp, JOURNAL));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    const restored = !journal || !temp || rollBack(dir, temp, journal);
    if (restored) {
      if (temp) rmSync(temp, { recursive: true, force: true });
      if (firstCreated) removeIfEmpty(dir, dirname(firstCreated));
    }
    if (!restored || code !== undefined) throw new PackWriteError(code, where, restored, temp && join(temp, 'old'));
    throw err;
  }
  // 6. clean up: the new pack stands; a leftover is removed by the next write.
  try {
    step('clean up');
    rmSync(temp, { recursive: true, force: true });
    for (const f of previous.filter((p) => !names.includes(p))) removeIfEmpty(dirname(join(dir, f)), dir);
  } catch {
    // nothing to undo
  }
}

/**
 * Undoes the writes of earlier runs that were killed before their commit (their journal
 * is still there) and removes their temporary folders; a folder of a run still going
 * (its process alive) is left alone.
 */
export function recoverInterruptedWrites(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const temp = join(dir, name);
    const pid = Number(/^(\d+)-/.exec(name.slice(TEMP_PREFIX.length))?.[1]);
    if (pid !== process.pid && isAlive(pid)) continue;
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(readFileSync(join(temp, JOURNAL), 'utf8')) as Journal;
    } catch {
      journal = undefined; // no journal: nothing was swapped, or the commit was done
    }
    if (journal && !rollBack(dir, temp, journal)) continue; // kept: old/ holds the previous files
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Puts back every file the journal names; false when one could not be. */
function rollBack(dir: string, temp: string, journal: Journal): boolean {
  let ok = true;
  for (const f of journal.restore) {
    const kept = join(temp, 'old', f);
    if (!existsSync(kept)) continue; // put back already (a recovery run twice)
    try {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      renameSync(kept, join(dir, f));
    } catch {
      ok = false;
    }
  }
  for (const f of journal.created) {
    try {
      if (isFile(join(dir, f))) rmSync(join(dir, f)); // a folder there was never mel's
      removeIfEmpty(dirname(join(dir, f)), dir);
    } catch {
      ok = false;
    }
  }
  if (ok) rmSync(join(temp, JOURNAL), { force: true });
  return ok;
}

/** The order files are swapped in: the workbook, the other files, charts last. */
function rank(path: string): number {
  return path === 'progress-pack.xlsx' ? 0 : path.startsWith('charts/') ? 2 : 1;
}

/** Writes a file that must not exist yet, and flushes it to the disk before returning. */
function writeDurably(path: string, file: PackFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'wx');
  try {
    if ('bytes' in file) writeAll(fd, typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes);
    else writeChunks(fd, file.chunks);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Texts are encoded into a buffer of this many bytes, written when full. */
const TEXT_BUFFER_BYTES = 1 << 20;

/**
 * Chunks in order: texts encoded (UTF-8) into one buffer, reused, and written a megabyte
 * at a time (a write of each text would encode it into memory of its own); bytes as they are.
 */
function writeChunks(fd: number, chunks: Iterable<string | Uint8Array>): void {
  const buffer = Buffer.allocUnsafe(TEXT_BUFFER_BYTES);
  let filled = 0;
  const flush = () => {
    writeAll(fd, buffer.subarray(0, filled));
    filled = 0;
  };
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (filled) flush();
      writeAll(fd, chunk);
    } else if (chunk.length * 3 > TEXT_BUFFER_BYTES) {
      if (filled) flush();
      writeAll(fd, Buffer.from(chunk));
    } else {
      // A character takes at most three bytes (a surrogate pair four, for two characters).
      if (filled + chunk.length * 3 > TEXT_BUFFER_BYTES) flush();
      filled += buffer.write(chunk, filled, 'utf8');
    }
  }
  if (filled) flush();
}

/** Writes all the bytes: a write may take only part of them. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** A second name for a file about to be replaced (a hard link), or a copy where links are not possible (FAT). */
function keepCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    syncPath(to);
  }
}

/** fsync of a folder and its subfolders (skipping `except`): renames and new names reach the disk. */
function syncFolderTree(dir: string, except: readonly string[] = []): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory() && !except.includes(entry.name)) syncFolderTree(join(dir, entry.name));
  syncPath(dir);
}

function syncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a folder; its renames are durable by themselves.
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Removes `dir` when empty, and its empty parents up to (not including) `stop`. */
function removeIfEmpty(dir: string, stop: string): void {
  try {
    for (let d = dir; d !== stop && d !== dirname(d) && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
  } catch {
    // not empty, or gone: nothing to do
  }
}

/**
 * Leftovers of mel's earlier writer, which swapped whole folders beside the pack
 * (`.<name>.tmp-<pid>-<time>`, `.<name>.old-<pid>-<time>`): when the pack itself is
 * missing (a run killed between its two renames) the newest old one is put back; the
 * others are removed.
 */
export function recoverLegacyLeftovers(dir: string): void {
  const parent = dirname(dir);
  const name = basename(dir);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  const pattern = /^\.(.+)\.(tmp|old)-(\d+)-(\d+)$/;
  const ours = entries
    .map((e) => ({ entry: e, m: pattern.exec(e) }))
    .filter(({ m }) => m?.[1] === name && !isAlive(Number(m[3])))
    .sort((a, b) => Number(b.m?.[4]) - Number(a.m?.[4]));
  const newestOld = ours.find(({ m }) => m?.[2] === 'old');
  try {
    if (newestOld && !existsSync(dir)) renameSync(join(parent, newestOld.entry), dir);
    for (const { entry } of ours) rmSync(join(parent, entry), { recursive: true, force: true });
  } catch {
    // left for the next run
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
