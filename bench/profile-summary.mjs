#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and by file.
//
//   node bench/profile-summary.mjs PROFILE.cpuprofile [--top N]
//
// Self time is the time a function itself was on top of the stack; "(garbage collector)",
// "(program)" and "(idle)" are V8's own entries.
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs PROFILE.cpuprofile [--top N]');
  process.exit(2);
}
const topIndex = rest.indexOf('--top');
const top = topIndex >= 0 ? Number(rest[topIndex + 1]) : 30;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'node_modules/')
    .replace(/^(?!node_modules).*\/(dist|src)\//, '$1/');
const byFunction = new Map();
const byFile = new Map();
for (const [id, us] of selfMicros) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const where = cf.url ? shortUrl(cf.url) : '';
  const fn = `${cf.functionName || '(anonymous)'} ${where}${where ? `:${cf.lineNumber + 1}` : ''}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  const fileKey = where || cf.functionName;
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
};
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
print('self time by file', byFile);
print('self time by function', byFunction);

// Inclusive time of named functions (`--inclusive a,b,c`): every sample with the function
// anywhere on its stack, counted once per sample.
const incIndex = rest.indexOf('--inclusive');
if (incIndex >= 0) {
  const names = rest[incIndex + 1].split(',');
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map(names.map((n) => [n, 0]));
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName;
      if (inclusive.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, inclusive.get(name) + (deltas[i] ?? 0));
      }
    }
  }
  console.log('\ninclusive time');
  for (const [k, us] of inclusive)
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
}
