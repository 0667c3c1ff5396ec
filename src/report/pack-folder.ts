// The folder a pack goes into, looked at before anything is written: which of its files
// mel wrote (listed in the manifest `.mel-pack.json` mel leaves beside them), and whether
// mel may write there at all. mel never removes a file it did not write:
//
//   - a new or empty folder, or a pack mel wrote: written (the pack's previous files replaced)
//   - a folder of other files (a Desktop): refused, unless --force (the pack's files are
//     then written beside the others)
//   - a file, a path below a file, a folder holding the programme's own files: refused
//
// A pack written before the manifest existed is recognised by its assessment.json.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { outputFolderMessages as msg, writeProblem } from '../messages/output-folder.js';
import type { Localized } from '../messages/localized.js';

/** The manifest: which files of the folder mel wrote. */
export const MANIFEST = '.mel-pack.json';
/** Temporary folders of a write in progress (see write-pack.ts). */
export const TEMP_PREFIX = '.mel-tmp-';
/** Files a file manager leaves in any folder it shows: they make no folder foreign. */
const FOLDER_CLUTTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** A path inside the pack: relative, `/`-separated, never climbing out of it. */
const packPath = z
  .string()
  .min(1)
  .refine((p) => !isAbsolute(p) && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'));

const manifestSchema = z.object({
  generator: z.literal('mel-engine'),
  version: z.string(),
  program: z.string(),
  as_of: z.string(),
  files: z.array(packPath),
});
export type PackManifest = z.infer<typeof manifestSchema>;

/** The folder cannot take the pack: the message says why and what to do. */
export class OutputFolderError extends Error {
  /** The message in every language (messages/output-folder.ts). */
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

export interface PackFolder {
  /** The folder, absolute. */
  dir: string;
  /** The files mel wrote there before (relative to it), which the new pack replaces. */
  previous: string[];
}

export interface InspectOptions {
  /** Where mel runs: paths in messages are relative to it. */
  root: string;
  /** The programme's files (absolute): a folder holding one is never a pack's. */
  inputs: readonly string[];
  force: boolean;
}

export function inspectPackFolder(dir: string, shown: string, options: InspectOptions): PackFolder {
  // 1. the path: a folder, or nothing yet below a folder
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!isFolder(existing)) {
    if (existing === dir) throw new OutputFolderError(msg.isAFile(shown));
    throw new OutputFolderError(msg.belowAFile(shown, relative(options.root, existing) || existing));
  }
  // 2. never among the programme's own files (`--out .`)
  const realDir = join(realOrResolved(existing), relative(existing, dir));
  for (const input of options.inputs) {
    const from = relative(realDir, realOrResolved(input));
    if (from !== '' && !from.startsWith('..') && !isAbsolute(from))
      throw new OutputFolderError(msg.holdsProgramme(shown, relative(options.root, input).split(sep).join('/')));
  }
  if (existing !== dir) return { dir, previous: [] };

  // 3. what is there: a pack mel wrote, nothing, or other files
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((n) => !n.startsWith(TEMP_PREFIX) && !FOLDER_CLUTTER.has(n));
  } catch (err) {
    throw new OutputFolderError(msg.writeFailed(shown, writeProblem((err as NodeJS.ErrnoException).code)));
  }
  if (entries.includes(MANIFEST)) {
    const manifest = readManifest(join(dir, MANIFEST));
    if (manifest) return { dir, previous: manifest.files };
    if (!options.force) throw new OutputFolderError(msg.unreadableManifest(shown, MANIFEST));
    return { dir, previous: [] };
  }
  const legacy = legacyPackFiles(dir);
  if (legacy) return { dir, previous: legacy };
  if (entries.length === 0 || options.force) return { dir, previous: [] };
  const sorted = [...entries].sort();
  throw new OutputFolderError(msg.notAPack(shown, sorted.slice(0, 3), Math.max(0, sorted.length - 3)));
}

export function readManifest(path: string): PackManifest | undefined {
  try {
    const r = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files of a pack written before the manifest: an assessment.json that is mel's
 * (program, as_of, results) beside a progress-pack.xlsx; its files are the ones mel
 * wrote then (the workbook, assessment.json, data.csv and charts/*.png).
 */
function legacyPackFiles(dir: string): string[] | undefined {
  if (!existsSync(join(dir, 'progress-pack.xlsx'))) return undefined;
  try {
    const doc = JSON.parse(readFileSync(join(dir, 'assessment.json'), 'utf8')) as Record<string, unknown>;
    if (typeof doc.program !== 'string' || typeof doc.as_of !== 'string' || !Array.isArray(doc.results))
      return undefined;
  } catch {
    return undefined;
  }
  const charts = isFolder(join(dir, 'charts'))
    ? readdirSync(join(dir, 'charts'))
        .filter((n) => /\.png$/i.test(n))
        .map((n) => `charts/${n}`)
    : [];
  return ['progress-pack.xlsx', 'assessment.json', 'data.csv', ...charts].filter((f) => existsSync(join(dir, f)));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
