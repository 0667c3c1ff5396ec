// Global setup: the tests that start `mel` as a user does run the build in dist/, so build
// it from the current source first (esbuild, a fraction of a second).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildDist(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'pipe' });
}
