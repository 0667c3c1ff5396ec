// Writes an export's one file whole or not at all, and never over a file mel did not
// write: the bytes go to a temporary file beside the target, which then takes its place
// (a rename within one folder), so a failure leaves the previous file as it was.
//
//   - a folder as --out: the file goes into it, under its default name
//   - the programme's own files, a file of something else, a device or a pipe: refused
//   - a previous export (recognised by its first bytes): replaced
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { exportFileMessages as msg } from '../messages/export.js';
import { writeProblem } from '../messages/output-folder.js';
import type { Localized } from '../messages/localized.js';

/** The file cannot be written there: the message says why and what to do. */
export class ExportFileError extends Error {
  /** The message in every language (messages/export.ts). */
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

export interface ExportFileOptions {
  /** The path as the user wrote it (or as mel chose it), for messages. */
  shown: string;
  /** The file's name when --out is a folder. */
  defaultName: string;
  /** The programme's files (absolute): never written over. */
  inputs: readonly string[];
  /** True when the first bytes of an existing file are an export mel would write. */
  isExport: (head: string) => boolean;
}

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

function headOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** Writes the file; returns the path written (inside --out when it is a folder). */
export function writeExportFile(path: string, bytes: string | Uint8Array, options: ExportFileOptions): string {
  let target = path;
  let shown = options.shown;
  const problem = (e: unknown) =>
    new ExportFileError(msg.writeFailed(shown, writeProblem((e as NodeJS.ErrnoException).code)));
  try {
    if (existsSync(target) && statSync(target).isDirectory()) {
      target = join(target, options.defaultName);
      shown = join(shown, options.defaultName);
    }
    if (options.inputs.some((input) => real(input) === real(target))) throw new ExportFileError(msg.isInput(shown));
    if (existsSync(target)) {
      const stat = statSync(target);
      if (stat.isDirectory()) throw new ExportFileError(msg.isFolder(shown));
      if (!stat.isFile()) throw new ExportFileError(msg.notRegular(shown));
      if (!options.isExport(headOf(target))) throw new ExportFileError(msg.notAnExport(shown));
    }
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    throw e instanceof ExportFileError ? e : problem(e);
  }
  const temp = join(dirname(target), `.${basename(target)}.mel-tmp-${process.pid}`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw problem(e);
  }
  return target;
}
