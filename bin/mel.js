#!/usr/bin/env node
// The `mel` command. The engine is TypeScript run through tsx, so a fresh
// `npm ci` is all it needs: no build step, no global tools.
import { register } from 'tsx/esm/api';

// A fault that escapes the command (a stream error, a worker) is still one line, never a stack trace.
const fault = (e) => {
  process.stderr.write(`mel: internal error: ${String(e?.message ?? e).split('\n')[0]} (this is a bug in mel-engine; please report it)\n`);
  if (process.env.MEL_DEBUG) process.stderr.write(String(e?.stack) + '\n');
  process.exit(70);
};
process.on('uncaughtException', fault);
process.on('unhandledRejection', fault);

register();
const { runMain } = await import('../src/cli/main.ts');
await runMain(process.argv.slice(2));
