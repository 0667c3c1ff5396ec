#!/usr/bin/env node
// The `mel` executable (package.json "bin", built to dist/cli/bin.js).
import { cliMessages } from '../messages/cli.js';
import { localeFlagIn, terminalLocale } from './locale.js';
import { runMain } from './main.js';

// A fault that escapes the command (a stream error, a worker) is still one line, never a stack trace.
const fault = (e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  const locale = terminalLocale(localeFlagIn(process.argv.slice(2)), undefined, process.env);
  process.stderr.write(`mel: ${cliMessages[locale].internalError(message.split('\n')[0] ?? '')}\n`);
  if (process.env.MEL_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
  process.exit(70);
};
process.on('uncaughtException', fault);
process.on('unhandledRejection', fault);

await runMain(process.argv.slice(2));
