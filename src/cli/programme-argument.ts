// The programme file a command line will read, found before mel's modules load, so its
// files can be read on a worker thread meanwhile (spec/spec-prefetch.ts). A guess by
// the same rules parseArgs applies (the last `--program` wins): when it is wrong, the
// files read are not the ones the command asks for, and the command reads its own.
import { resolve } from 'node:path';
import { sharedOptions } from './command.js';

/** The commands that read a programme (each takes `--program`). */
const READING_COMMANDS = new Set(['validate', 'assess', 'smart', 'report', 'export']);

/** The absolute path of the programme file `argv` names (its default when none), or undefined for other commands. */
export function programmeFileOf(argv: readonly string[], cwd: string): string | undefined {
  const [command, ...rest] = argv;
  if (command === undefined || !READING_COMMANDS.has(command)) return undefined;
  let program: string = sharedOptions.program.default;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--') break;
    if (arg === '--program') {
      const value = rest[i + 1];
      if (value === undefined) return undefined;
      program = value;
      i++;
    } else if (arg.startsWith('--program=')) program = arg.slice('--program='.length);
  }
  return resolve(cwd, program);
}
