#!/usr/bin/env node
// The `mel` executable (package.json "bin", built to dist/cli/bin.js).
import { prefetchSpecFiles } from '../spec/spec-prefetch.js';
import { programmeFileOf } from './programme-argument.js';

const argv = process.argv.slice(2);
// First, before the rest of mel loads: the programme's files read on a worker thread meanwhile.
const programme = programmeFileOf(argv, process.cwd());
if (programme !== undefined) prefetchSpecFiles(programme);

const { cliMessages } = await import('../messages/cli.js');
const { localeFlagIn, terminalLocale } = await import('./locale.js');

// A fault that escapes the command (a stream error, a worker) is still one line, never a stack trace.
const fault = (e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  const locale = terminalLocale(localeFlagIn(argv), undefined, process.env);
  process.stderr.write(`mel: ${cliMessages[locale].internalError(message.split('\n')[0] ?? '')}\n`);
  if (process.env.MEL_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
  process.exit(70);
};
process.on('uncaughtException', fault);
process.on('unhandledRejection', fault);
// A reader that stops reading (`mel assess --json | head`) is no fault: mel stops quietly,
// as Unix tools do when their pipe closes.
process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : fault(e)));

const { runMain } = await import('./main.js');
await runMain(argv);
