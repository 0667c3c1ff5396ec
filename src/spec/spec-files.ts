// The files of a programme as mel finds and reads them: the programme file `--program`
// names (a YAML file, never a folder or /etc/hostname), the indicator files beside it
// (links followed once, a loop of links never), each read only when it is a regular file
// (spec/input-file.ts) and decoded as UTF-8 or, failing that, Windows-1252 with a warning.
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Localized } from '../messages/localized.js';
import { specMessages } from '../messages/spec.js';
import { type FileProblem, fileProblemOf, readInputFile } from './input-file.js';
import type { IssueList } from './issues.js';
import { readYamlData, type YamlSource, type YamlSourceData, yamlSourceFrom } from './yaml-source.js';

const toPosix = (p: string) => p.split(sep).join('/');

/** A YAML file larger than this is not an indicator file (the demo's are 1 KB). */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;

/** Folders never searched for indicators: hidden ones (.git) and installed packages. */
export const skippedFolder = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * Every .yaml / .yml under the programme file's folder, except the programme file, hidden
 * folders and `node_modules`.
 */
export function indicatorFilesBeside(programPath: string): string[] {
  return findIndicatorFiles(programPath).files;
}

/**
 * The indicator files beside the programme file, and the paths that could not be looked
 * at (a folder without permission, a broken link or a loop of links named .yaml). A link
 * to a folder already read (a loop) is not read twice.
 */
export function findIndicatorFiles(programPath: string): {
  files: string[];
  problems: { path: string; problem: FileProblem }[];
} {
  const dir = resolve(programPath, '..');
  const files: string[] = [];
  const problems: { path: string; problem: FileProblem }[] = [];
  const seen = new Set<string>();
  const isYaml = (name: string) => /\.ya?ml$/i.test(name);
  const walk = (d: string) => {
    let names: string[];
    try {
      const real = realpathSync(d);
      if (seen.has(real)) return;
      seen.add(real);
      names = readdirSync(d).sort();
    } catch (err) {
      problems.push({ path: d, problem: fileProblemOf(err, d) });
      return;
    }
    for (const name of names) {
      const full = join(d, name);
      let isFolder: boolean;
      try {
        isFolder = statSync(full).isDirectory();
      } catch (err) {
        if (isYaml(name)) problems.push({ path: full, problem: fileProblemOf(err, full) });
        continue;
      }
      if (isFolder) {
        if (!skippedFolder(name)) walk(full);
      } else if (isYaml(name) && resolve(full) !== resolve(programPath)) files.push(full);
    }
  };
  walk(dir);
  return { files, problems };
}

/** A YAML file's text: UTF-8 (its BOM dropped), else Windows-1252, as spreadsheets on Windows save it. */
export function decodeYamlBytes(bytes: Uint8Array): { text: string; windows1252: boolean } {
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), windows1252: false };
  return { text: new TextDecoder('windows-1252').decode(bytes), windows1252: true };
}

/**
 * The programme's root, which the paths inside program.yaml are relative to: the folder
 * that holds the `indicators/` folder of the programme file, or the file's own folder
 * when it is not in one. `mel --program ~/work/prog/indicators/program.yaml` works from anywhere.
 */
export function programmeRootOf(absProgramPath: string): string {
  const folder = dirname(absProgramPath);
  return basename(folder) === 'indicators' ? dirname(folder) : folder;
}

/** A file's path as issues name it: relative to the programme's root, with `/`. */
export const specFilePath = (root: string, abs: string) => toPosix(relative(root, abs));

/** Reads and parses one YAML file; an unreadable one is an error at its path. */
export function readSpecFile(abs: string, rel: string, issues: IssueList): YamlSource | undefined {
  const data = readSpecFileData(abs, rel, issues);
  return data && yamlSourceFrom(data);
}

/** readSpecFile, as data (what a worker thread sends: spec-prefetch.ts). */
export function readSpecFileData(abs: string, rel: string, issues: IssueList): YamlSourceData | undefined {
  const read = readInputFile(abs, MAX_YAML_BYTES);
  if (!read.ok) {
    issues.error(
      rel,
      read.problem.kind === 'missing'
        ? specMessages.fileNotFound(rel)
        : specMessages.unreadableFile(specMessages.fileProblem(read.problem)),
    );
    return undefined;
  }
  const { text, windows1252 } = decodeYamlBytes(read.bytes);
  if (windows1252) issues.warning(rel, specMessages.notUtf8(), 1);
  return readYamlData(rel, text);
}

/** `--program` must name a YAML file: a folder or another file (/etc/hostname) is refused before anything is read. */
export function programPathProblem(absProgram: string, typed: string): Localized | undefined {
  let folder = false;
  try {
    folder = statSync(absProgram).isDirectory();
  } catch {
    return undefined; // reported when the file is read
  }
  if (folder) {
    const candidates = [join(absProgram, 'program.yaml'), join(absProgram, 'indicators', 'program.yaml')];
    const found = candidates.find((c) => existsSync(c));
    return specMessages.programIsFolder(typed, found && toPosix(join(typed, relative(absProgram, found))));
  }
  if (!/^\.ya?ml$/i.test(extname(basename(absProgram)))) return specMessages.programNotYaml(typed);
  return undefined;
}
