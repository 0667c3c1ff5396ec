#!/usr/bin/env node
// The `mel` command. The engine is TypeScript run through tsx, so a fresh
// `npm ci` is all it needs: no build step, no global tools.
import { register } from 'tsx/esm/api';

register();
const { runMain } = await import('../src/cli/main.ts');
await runMain(process.argv.slice(2));
