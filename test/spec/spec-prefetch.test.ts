// The programme's YAML files read on a worker thread (spec-prefetch.ts) while mel loads:
// the built worker from dist/ reads them, and loadProgram given its files finds exactly
// what it finds reading them itself: the same programme and the same issues, at the
// same lines, for a demo programme and for a folder of broken files; and the workspace
// whose data files were read ahead meanwhile is the one read in turn.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programmeFileOf } from '../../src/cli/programme-argument.js';
import type * as LoadProgram from '../../src/spec/load-program.js';
import type * as SpecPrefetch from '../../src/spec/spec-prefetch.js';
import type * as LoadWorkspace from '../../src/workspace/load-workspace.js';
import { distModule } from '../dist.js';

const repo = join(import.meta.dirname, '../..');
const broken = join(import.meta.dirname, '../fixtures/broken');

async function builtModules() {
  const prefetch: typeof SpecPrefetch = await import(distModule('spec/spec-prefetch.ts'));
  const load: typeof LoadProgram = await import(distModule('spec/load-program.ts'));
  return { ...prefetch, ...load };
}

/** What a loaded programme amounts to, without its functions. */
const plain = (loaded: ReturnType<typeof LoadProgram.loadProgram>) => JSON.parse(JSON.stringify(loaded));

describe('programme files read on a worker thread', () => {
  it.each([
    ['the demo programme', repo, 17],
    ['a folder of broken files', broken, 7],
  ])('load %s as the main thread reads it', async (_name, cwd, files) => {
    const { prefetchSpecFiles, prefetchedSpecFiles, loadProgram } = await builtModules();
    const program = resolve(cwd, 'indicators/program.yaml');
    prefetchSpecFiles(program);
    const prefetched = await prefetchedSpecFiles(program);
    expect(prefetched?.size).toBe(files); // the worker read them: the programme file and its indicators
    const withWorker = loadProgram(cwd, 'indicators/program.yaml', prefetched);
    const alone = loadProgram(cwd, 'indicators/program.yaml');
    expect(plain(withWorker)).toEqual(plain(alone));
    const lines = (l: typeof alone) => l.program?.indicators.map((i) => [i.lineOf('targets'), i.lineOf('series')]);
    expect(lines(withWorker)).toEqual(lines(alone));
    if (cwd === broken) expect(alone.issues.length).toBeGreaterThan(3);
  });

  it.each([
    ['the demo programme', repo],
    ['a folder of broken files', broken],
  ])('with %s, give the workspace whose data was read ahead meanwhile (load-workspace.ts)', async (_name, cwd) => {
    const { prefetchSpecFiles }: typeof SpecPrefetch = await import(distModule('spec/spec-prefetch.ts'));
    const { loadWorkspace }: typeof LoadWorkspace = await import(distModule('workspace/load-workspace.ts'));
    const summary = (w: Awaited<ReturnType<typeof LoadWorkspace.loadWorkspace>>) => ({
      issues: w.issues,
      tables: w.workspace?.tables.map((t) => ({
        ...t,
        series: t.series.map((s) => ({ ...s, periods: s.periods.map((p) => p.id), values: Array.from(s.values) })),
        rowsByCode: [...t.rowsByCode],
      })),
      data: [...(w.workspace?.data.values() ?? [])].map((d) => JSON.stringify(d)),
    });
    const alone = summary(await loadWorkspace(cwd, 'indicators/program.yaml'));
    prefetchSpecFiles(resolve(cwd, 'indicators/program.yaml'));
    expect(summary(await loadWorkspace(cwd, 'indicators/program.yaml'))).toEqual(alone);
  });

  it('are not used for another programme file', async () => {
    const { prefetchSpecFiles, prefetchedSpecFiles } = await builtModules();
    prefetchSpecFiles(resolve(broken, 'indicators/program.yaml'));
    expect(await prefetchedSpecFiles(resolve(repo, 'indicators/program.yaml'))).toBeUndefined();
    expect(await prefetchedSpecFiles(resolve(broken, 'indicators/program.yaml'))).toBeUndefined();
  });
});

describe('programmeFileOf', () => {
  it('finds the programme file a command will read, as parseArgs reads --program', () => {
    expect(programmeFileOf(['assess', '--json'], '/w')).toBe('/w/indicators/program.yaml');
    expect(programmeFileOf(['report', '--program', 'p/x.yaml', '--quiet'], '/w')).toBe('/w/p/x.yaml');
    expect(programmeFileOf(['validate', '--program=a.yaml', '--program', '/b.yaml'], '/w')).toBe('/b.yaml');
    expect(programmeFileOf(['assess', '--', '--program', 'x.yaml'], '/w')).toBe('/w/indicators/program.yaml');
    expect(programmeFileOf(['assess', '--program'], '/w')).toBeUndefined();
    expect(programmeFileOf(['init', 'new-programme'], '/w')).toBeUndefined();
    expect(programmeFileOf([], '/w')).toBeUndefined();
  });
});
