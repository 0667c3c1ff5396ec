// The module graph of src/: no import cycle between files, and the pipeline
// spec -> data -> compute -> workspace -> assess -> quality -> report -> export -> cli
// with no arrow going back. periods/ and messages/ are leaves every stage may use.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');
const stages = ['periods', 'spec', 'data', 'compute', 'workspace', 'assess', 'quality', 'report', 'export', 'cli'];
const leaves = new Set(['messages']);

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? modules(f) : f.endsWith('.ts') ? [f] : [];
  });
}

/** Relative imports of a module (static, dynamic, type-only and re-exports), as module paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g),
    ...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g),
  ].map((m) => m[1] ?? '');
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

const graph = new Map(modules(src).map((f) => [f, importsOf(f)]));
const name = (f: string) => relative(src, f);
const stageOf = (f: string) => name(f).split('/')[0] ?? '';

describe('the module graph of src/', () => {
  it('resolves every relative import to a module', () => {
    const broken = [...graph].flatMap(([f, deps]) =>
      deps.filter((d) => !graph.has(d)).map((d) => `${name(f)} -> ${d}`),
    );
    expect(broken).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      path.push(f);
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === 'open') cycles.push([...path.slice(path.indexOf(d)), d].map(name).join(' -> '));
        else if (!state.has(d)) visit(d);
      }
      path.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('never imports from a later stage of the pipeline', () => {
    const folders = new Set([...graph.keys()].map(stageOf).filter((s) => !s.endsWith('.ts')));
    expect([...folders].filter((s) => !stages.includes(s) && !leaves.has(s))).toEqual([]);
    const backwards = [...graph].flatMap(([f, deps]) =>
      deps
        .filter((d) => !leaves.has(stageOf(f)) && !leaves.has(stageOf(d)))
        .filter((d) => stages.indexOf(stageOf(d)) > stages.indexOf(stageOf(f)))
        .map((d) => `${name(f)} -> ${name(d)}`),
    );
    expect(backwards).toEqual([]);
  });

  it('keeps periods/ a leaf: it imports no other folder', () => {
    const fromLeaves = [...graph]
      .filter(([f]) => stageOf(f) === 'periods')
      .flatMap(([f, deps]) => deps.filter((d) => stageOf(d) !== 'periods').map((d) => `${name(f)} -> ${name(d)}`));
    expect(fromLeaves).toEqual([]);
  });
});
