// The worker of spec-prefetch.ts: reads the programme file and the indicator files beside
// it as loadProgram would (a path it would refuse is not read), and sends them as data.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { IssueList } from './issues.js';
import {
  findIndicatorFiles,
  programmeRootOf,
  programPathProblem,
  readSpecFileData,
  specFilePath,
} from './spec-files.js';
import type { PrefetchReply, PrefetchRequest, PrefetchedSpecFile } from './spec-prefetch.js';

function read(abs: string, rel: string): PrefetchedSpecFile & { abs: string } {
  const issues = new IssueList();
  const source = readSpecFileData(abs, rel, issues);
  return { abs, rel, readIssues: issues.items, source };
}

const { program } = workerData as PrefetchRequest;
const files: (PrefetchedSpecFile & { abs: string })[] = [];
if (programPathProblem(program, program) === undefined && existsSync(program)) {
  const root = programmeRootOf(program);
  const programme = read(program, specFilePath(root, program) || '.');
  parentPort?.postMessage({ kind: 'programme', file: programme } satisfies PrefetchReply);
  files.push(programme);
  for (const file of findIndicatorFiles(program).files) files.push(read(file, specFilePath(root, file)));
}
parentPort?.postMessage({ kind: 'all', files } satisfies PrefetchReply);
