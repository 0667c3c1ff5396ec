// The programme's YAML files read and parsed on a worker thread while the main thread
// loads mel's own modules: `mel assess` on a national programme of 200 indicator files
// spends a quarter of a second parsing YAML (the parser's code is cold: it runs once per
// file, never long enough to be optimised), and the main thread then no longer loads
// the yaml package at all.
//
// The worker (spec-prefetch-worker.ts) reads exactly what loadProgram would read, the
// way it would read it (spec-files.ts), and sends it as data: each file's parsed value,
// issues and position table (yaml-source.ts). loadProgram takes a file from here only
// when it reads that very file under the same name; anything else it reads itself. A
// worker that fails or is never asked for its files changes nothing: it is not waited
// for, and does not keep the process alive.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Issue } from './issues.js';
import type { YamlSourceData } from './yaml-source.js';

/** One file as the worker read it: the issues reading it gave, and its YAML (none when unreadable). */
export interface PrefetchedSpecFile {
  /** The file's path as issues name it (relative to the programme's root). */
  rel: string;
  readIssues: Issue[];
  source?: YamlSourceData;
}

/** The files the worker read, by absolute path. */
export type PrefetchedSpecFiles = ReadonlyMap<string, PrefetchedSpecFile>;

/** What the worker is given and sends back. */
export interface PrefetchRequest {
  /** The programme file, absolute. */
  program: string;
}
/** The worker sends the programme file first (its data sources can be read meanwhile), then every file. */
export type PrefetchReply =
  | { kind: 'programme'; file: PrefetchedSpecFile & { abs: string } }
  | { kind: 'all'; files: (PrefetchedSpecFile & { abs: string })[] };

interface Prefetch {
  program: string;
  worker: Worker;
  programme: Promise<PrefetchedSpecFile | undefined>;
  files: Promise<PrefetchedSpecFiles | undefined>;
}

/** The one prefetch of this process, until loadWorkspace takes its files. */
let started: Prefetch | undefined;

/** Starts reading a programme's files (`absProgram`, the programme file) on a worker thread. */
export function prefetchSpecFiles(absProgram: string): void {
  // One processor: nothing runs meanwhile, and the worker's start-up would only add.
  if (started || availableParallelism() < 2) return;
  let worker: Worker;
  try {
    const request: PrefetchRequest = { program: absProgram };
    worker = new Worker(new URL('./spec-prefetch-worker.js', import.meta.url), { workerData: request });
  } catch {
    return; // no worker: the main thread reads the files
  }
  // Not waited for unless asked: a command that never reads the programme exits without it.
  worker.unref();
  let programmeRead: (file: PrefetchedSpecFile | undefined) => void = () => {};
  const programme = new Promise<PrefetchedSpecFile | undefined>((resolve) => {
    programmeRead = resolve;
  });
  const files = new Promise<PrefetchedSpecFiles | undefined>((resolve) => {
    worker.on('message', (reply: PrefetchReply) => {
      if (reply.kind === 'programme') programmeRead(reply.file);
      else {
        programmeRead(reply.files.find((f) => f.abs === absProgram));
        resolve(new Map(reply.files.map((f) => [f.abs, f])));
      }
    });
    const failed = () => {
      programmeRead(undefined);
      resolve(undefined);
    };
    worker.once('error', failed);
    worker.once('exit', failed);
  });
  started = { program: absProgram, worker, programme, files };
}

/**
 * The programme file alone, as soon as the worker has read it (before the indicator
 * files): what `absProgram` says of its data sources can be read meanwhile. Undefined
 * when no prefetch was started for it. The files stay to be taken (prefetchedSpecFiles).
 */
export async function prefetchedProgrammeFile(absProgram: string): Promise<PrefetchedSpecFile | undefined> {
  const prefetch = started;
  if (!prefetch || prefetch.program !== absProgram) return undefined;
  prefetch.worker.ref(); // waited for now
  return prefetch.programme;
}

/**
 * The files read for the programme file `absProgram`, once the worker has read them;
 * undefined when none were started for it (the caller reads them itself).
 */
export async function prefetchedSpecFiles(absProgram: string): Promise<PrefetchedSpecFiles | undefined> {
  const prefetch = started;
  started = undefined;
  if (!prefetch) return undefined;
  if (prefetch.program !== absProgram) {
    void prefetch.worker.terminate();
    return undefined;
  }
  prefetch.worker.ref(); // waited for now: the process stays up until it answers
  const files = await prefetch.files;
  void prefetch.worker.terminate();
  return files;
}
