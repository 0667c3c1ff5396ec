// Opening a user's file: regular files only, checked on the open descriptor before a byte
// is read, so that a pipe (FIFO) never blocks, /dev/zero never fills the memory, a folder
// or a broken link is named as such, and every problem is a value for an issue at its
// file rather than an exception (exit 70).
//
// The file is opened with O_NONBLOCK, which makes opening a FIFO return at once (a plain
// open waits for a writer forever) and changes nothing for a regular file; fstat on the
// descriptor then says what it is.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** Why a file could not be read, in words an issue can show (src/messages/spec.ts). */
export type FileProblem =
  | { kind: 'missing' }
  | { kind: 'folder' }
  | { kind: 'not-a-file' }
  | { kind: 'permission' }
  | { kind: 'broken-link' }
  | { kind: 'link-loop' }
  | { kind: 'not-a-folder-above' }
  | { kind: 'too-large'; size: number; max: number }
  | { kind: 'other'; code: string };

export type InputFileRead = { ok: true; bytes: Buffer } | { ok: false; problem: FileProblem };

/** Thrown by openInputFile: the problem, for the caller to report. */
export class InputFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.kind);
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The problem of a failed open or read, from its error code (and the link it may be). */
export function fileProblemOf(err: unknown, path: string): FileProblem {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  switch (code) {
    case 'ENOENT':
      return isLink(path) ? { kind: 'broken-link' } : { kind: 'missing' };
    case 'ELOOP':
      return { kind: 'link-loop' };
    case 'EISDIR':
      return { kind: 'folder' };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'permission' };
    case 'ENOTDIR':
      return { kind: 'not-a-folder-above' };
    case 'ENXIO': // a socket, or a FIFO opened for writing
    case 'ENODEV':
      return { kind: 'not-a-file' };
    default:
      return { kind: 'other', code: code || (err instanceof Error ? err.message : String(err)) };
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What fstat says of an open descriptor, as a problem when it is not a regular file of at most `max` bytes. */
function statProblem(stats: { isFile(): boolean; isDirectory(): boolean; size: number }, max: number) {
  if (stats.isDirectory()) return { kind: 'folder' } as const;
  if (!stats.isFile()) return { kind: 'not-a-file' } as const;
  if (stats.size > max) return { kind: 'too-large', size: stats.size, max } as const;
  return undefined;
}

/** A whole small file (YAML), read only when it is a regular file of at most `maxBytes`. */
export function readInputFile(path: string, maxBytes: number): InputFileRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    return { ok: false, problem: fileProblemOf(err, path) };
  }
  try {
    const stats = fstatSync(fd);
    const problem = statProblem(stats, maxBytes);
    if (problem) return { ok: false, problem };
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break; // the file shrank while being read: what is there
      read += n;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } catch (err) {
    return { ok: false, problem: fileProblemOf(err, path) };
  } finally {
    closeSync(fd);
  }
}

/** An open handle on a regular file (a data file, streamed); throws InputFileError otherwise. */
export async function openInputFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (err) {
    throw new InputFileError(fileProblemOf(err, path));
  }
  try {
    const problem = statProblem(await handle.stat(), maxBytes);
    if (problem) throw new InputFileError(problem);
    return handle;
  } catch (err) {
    await handle.close();
    throw err instanceof InputFileError ? err : new InputFileError(fileProblemOf(err, path));
  }
}
