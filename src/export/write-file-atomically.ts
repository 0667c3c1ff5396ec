// Writes one file whole or not at all: the bytes go to a temporary file beside it, which
// then takes its place (a rename within one directory), so a failure leaves the previous
// file as it was and no half-written file where the user looks.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomically(target: string, bytes: string | Uint8Array): void {
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
