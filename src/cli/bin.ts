#!/usr/bin/env node
// The `mel` executable (package.json "bin", built to dist/cli/bin.js).
import { runMain } from './main.js';

// A fault that escapes the command (a stream error, a worker) is still one line, never a stack trace.
const fault = (e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(
    `mel: internal error: ${message.split('\n')[0]} (this is a bug in mel-engine; please report it)\n`,
  );
  if (process.env.MEL_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
  process.exit(70);
};
process.on('uncaughtException', fault);
process.on('unhandledRejection', fault);

await runMain(process.argv.slice(2));
