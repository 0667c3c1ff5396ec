#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages (native
// binaries for macOS, Windows, musl, ARM...) that npm leaves out when the registry it
// resolves against does not serve them. `npm ci` refuses a lockfile without them
// ("Missing: @napi-rs/canvas-darwin-arm64@ from lock file"), though it never installs
// them here. Each entry records the package's os / cpu / libc (read from its name, as
// these packages are named) so npm skips it on every other platform without fetching it.
//
// Run after any `npm install` that rewrites the lockfile:  node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'openharmony', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'riscv64', 'loong64', 'ppc64', 's390x', 'mips64el', 'wasm32'];

/** { os, cpu, libc } from a platform package's name, or undefined when it names no platform. */
export function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const i = tokens.findIndex((t) => OS.includes(t));
  if (i < 0 || !CPU.includes(tokens[i + 1])) return undefined;
  const rest = tokens.slice(i + 2).join('-');
  const platform = { os: [tokens[i]], cpu: [tokens[i + 1]] };
  if (tokens[i] === 'linux') platform.libc = [/musl/.test(rest) ? 'musl' : 'glibc'];
  return platform;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const added = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue;
    lock.packages[key] = { version: spec, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added.push(`${name}@${spec}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `added ${added.length} platform packages to package-lock.json`
    : 'package-lock.json already lists every platform package',
);
