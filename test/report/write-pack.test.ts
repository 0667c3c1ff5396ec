// Writing a pack never loses a file: the previous pack stays byte for byte when the write
// fails or is killed between any two of its steps, and a file mel did not write is never
// removed.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPackFolder, MANIFEST } from '../../src/report/pack-folder.js';
import {
  type PackFile,
  PackWriteError,
  recoverInterruptedWrites,
  recoverLegacyLeftovers,
  writePack,
} from '../../src/report/write-pack.js';
import { distModule } from '../dist.js';

/** Every file under `dir` (hidden ones too) with its bytes, as `path: text`. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = readFileSync(full, 'latin1');
    }
  };
  walk(dir, '');
  return out;
}

const manifest = { generator: 'mel-engine' as const, version: '0.0.0', program: 'test', as_of: '2024' };

const previousFiles: PackFile[] = [
  { path: 'progress-pack.xlsx', bytes: 'previous workbook' },
  { path: 'assessment.json', bytes: '{"previous": true}' },
  { path: 'data.csv', chunks: ['a,b\r\n', '1,2\r\n'] },
  { path: 'charts/KEPT.png', bytes: 'previous chart' },
  { path: 'charts/REMOVED-INDICATOR.png', bytes: 'chart of an indicator since removed' },
];
const newFiles: PackFile[] = [
  { path: 'progress-pack.xlsx', bytes: 'new workbook' },
  { path: 'assessment.json', bytes: '{"previous": false}' },
  { path: 'data.csv', chunks: ['a,b\r\n', '3,4\r\n'] },
  { path: 'charts/KEPT.png', bytes: 'new chart' },
  { path: 'charts/NEW-INDICATOR.png', bytes: 'chart of a new indicator' },
];

/** A folder holding a pack mel wrote, and two files of the user's beside it. */
function previousPack(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mel-write-')), 'pack');
  writePack({ folder: { dir, previous: [] }, files: previousFiles, manifest });
  writeFileSync(join(dir, 'my notes.docx'), 'the officer’s own notes');
  writeFileSync(join(dir, 'charts', 'annotated by hand.png'), 'not mel’s');
  return dir;
}

const folderOf = (dir: string) => inspectPackFolder(dir, 'pack', { root: dir, inputs: [], force: false });

/** The step names of a write of `newFiles` over the previous pack. */
function stepsOfAWrite(): string[] {
  const steps: string[] = [];
  const dir = previousPack();
  writePack({ folder: folderOf(dir), files: newFiles, manifest, steps: { beforeStep: (s) => steps.push(s) } });
  return steps;
}

describe('writing a pack over the previous one', () => {
  it("replaces mel's files, removes the chart of a removed indicator, and keeps the user's files", () => {
    const dir = previousPack();
    writePack({ folder: folderOf(dir), files: newFiles, manifest });
    const after = snapshot(dir);
    expect(after['progress-pack.xlsx']).toBe('new workbook');
    expect(after['data.csv']).toBe('a,b\r\n3,4\r\n');
    expect(after['charts/NEW-INDICATOR.png']).toBe('chart of a new indicator');
    expect(after['charts/REMOVED-INDICATOR.png']).toBeUndefined();
    expect(Buffer.from(after['my notes.docx']!, 'latin1').toString()).toBe('the officer’s own notes');
    expect(Buffer.from(after['charts/annotated by hand.png']!, 'latin1').toString()).toBe('not mel’s');
    expect(JSON.parse(after[MANIFEST]!).files).toEqual([
      'assessment.json',
      'charts/KEPT.png',
      'charts/NEW-INDICATOR.png',
      'data.csv',
      'progress-pack.xlsx',
    ]);
    expect(readdirSync(dir).filter((n) => n.startsWith('.mel-tmp'))).toEqual([]);
  });

  it('leaves the previous pack byte-identical when the write fails before any of its steps', () => {
    const steps = stepsOfAWrite();
    expect(steps).toEqual([
      'prepare',
      'stage progress-pack.xlsx',
      'stage assessment.json',
      'stage data.csv',
      'stage charts/KEPT.png',
      'stage charts/NEW-INDICATOR.png',
      `stage ${MANIFEST}`,
      'backup',
      'swap progress-pack.xlsx',
      'swap assessment.json',
      'swap data.csv',
      'swap charts/KEPT.png',
      'swap charts/NEW-INDICATOR.png',
      'remove charts/REMOVED-INDICATOR.png',
      'commit',
      'clean up',
    ]);
    for (const failAt of steps.filter((s) => s !== 'clean up')) {
      const dir = previousPack();
      const before = snapshot(dir);
      const fail = (s: string) => {
        if (s === failAt) throw Object.assign(new Error(`injected at ${s}`), { code: 'EIO' });
      };
      expect(
        () => writePack({ folder: folderOf(dir), files: newFiles, manifest, steps: { beforeStep: fail } }),
        failAt,
      ).toThrow(PackWriteError);
      expect(snapshot(dir), failAt).toEqual(before);
    }
  });

  it('a failure after the commit leaves the new pack, and its leftovers go with the next write', () => {
    const dir = previousPack();
    const fail = (s: string) => {
      if (s === 'clean up') throw new Error('injected');
    };
    writePack({ folder: folderOf(dir), files: newFiles, manifest, steps: { beforeStep: fail } });
    expect(readFileSync(join(dir, 'progress-pack.xlsx'), 'utf8')).toBe('new workbook');
    recoverInterruptedWrites(dir);
    expect(readFileSync(join(dir, 'progress-pack.xlsx'), 'utf8')).toBe('new workbook');
    expect(readdirSync(dir).filter((n) => n.startsWith('.mel-tmp'))).toEqual([]);
  });

  it('a write killed between any two steps is undone by the next run: the previous pack, never a mix', () => {
    // What a kill leaves on the disk at each step: the folder as it is when the step begins.
    const dir = previousPack();
    const before = snapshot(dir);
    const leftAt = new Map<string, string>();
    const copyAtEachStep = (s: string) => {
      const copy = join(mkdtempSync(join(tmpdir(), 'mel-killed-')), 'pack');
      cpSync(dir, copy, { recursive: true });
      leftAt.set(s, copy);
    };
    writePack({ folder: folderOf(dir), files: newFiles, manifest, steps: { beforeStep: copyAtEachStep } });
    expect(leftAt.size).toBe(16);
    for (const [step, copy] of leftAt) {
      recoverInterruptedWrites(copy);
      const after = snapshot(copy);
      if (step === 'clean up') expect(after, step).toEqual(snapshot(dir));
      else expect(after, step).toEqual(before);
    }
  });

  it('a write killed for real (SIGKILL in the middle of its swaps) is undone by the next run', async () => {
    const dir = previousPack();
    const before = snapshot(dir);
    const filesAsBytes = newFiles.map((f) => ('bytes' in f ? f : { path: f.path, bytes: [...f.chunks].join('') }));
    const script = `
      const { writePack } = await import(${JSON.stringify(distModule('report/write-pack.ts'))});
      const { inspectPackFolder } = await import(${JSON.stringify(distModule('report/pack-folder.ts'))});
      const dir = ${JSON.stringify(dir)};
      writePack({
        folder: inspectPackFolder(dir, 'pack', { root: dir, inputs: [], force: false }),
        files: ${JSON.stringify(filesAsBytes)},
        manifest: ${JSON.stringify(manifest)},
        steps: { beforeStep: (s) => { if (s === 'swap data.csv') process.kill(process.pid, 'SIGKILL'); } },
      });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const signal = await new Promise((done) => child.on('exit', (_code, sig) => done(sig)));
    expect(signal).toBe('SIGKILL');
    // Killed with the workbook and assessment.json swapped: a mix, until the next run undoes it.
    expect(readFileSync(join(dir, 'progress-pack.xlsx'), 'utf8')).toBe('new workbook');
    recoverInterruptedWrites(dir);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.startsWith('.mel-tmp'))).toEqual([]);
  });

  it("puts back a pack mel's earlier writer left beside its folder when killed between its renames", () => {
    const parent = mkdtempSync(join(tmpdir(), 'mel-legacy-'));
    mkdirSync(join(parent, '.pack.old-999999-1700000000000'));
    writeFileSync(join(parent, '.pack.old-999999-1700000000000', 'assessment.json'), 'the only copy');
    mkdirSync(join(parent, '.pack.tmp-999999-1700000000000'));
    recoverLegacyLeftovers(join(parent, 'pack'));
    expect(readdirSync(parent)).toEqual(['pack']);
    expect(readFileSync(join(parent, 'pack', 'assessment.json'), 'utf8')).toBe('the only copy');
  });

  it('a first write that fails leaves no folder behind', () => {
    const parent = mkdtempSync(join(tmpdir(), 'mel-first-'));
    const dir = join(parent, 'reports', 'test', '2024');
    const fail = (s: string) => {
      if (s === 'backup') throw Object.assign(new Error('injected'), { code: 'ENOSPC' });
    };
    expect(() =>
      writePack({ folder: { dir, previous: [] }, files: newFiles, manifest, steps: { beforeStep: fail } }),
    ).toThrow(PackWriteError);
    expect(existsSync(join(parent, 'reports'))).toBe(false);
  });
});

describe('the bytes of a file written in chunks', () => {
  it('text and byte chunks, in order, as UTF-8', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mel-chunks-')), 'pack');
    const chunks = ['\ufeffa,niño\r\n', Buffer.from('1,año\r\n'), new Uint8Array(), Uint8Array.of(0x32, 0x2c, 0x33)];
    writePack({ folder: { dir, previous: [] }, files: [{ path: 'data.csv', chunks }], manifest });
    expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe('\ufeffa,niño\r\n1,año\r\n2,3');
  });

  it('texts of every size, with characters of two, three and four bytes, across many megabytes', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mel-chunks-')), 'pack');
    const line = (i: number) => `${i},año,€,𝄞,\ud800\r\n`; // a lone surrogate is written as U+FFFD
    const chunks = [
      ...Array.from({ length: 25_000 }, (_, i) => line(i)),
      'x'.repeat(400_000), // more than a megabyte could take at three bytes a character
      Buffer.from('bytes\r\n'),
      ...Array.from({ length: 25_000 }, (_, i) => line(i)),
    ];
    writePack({ folder: { dir, previous: [] }, files: [{ path: 'data.csv', chunks }], manifest });
    const expected = Buffer.from(chunks.map((c) => (typeof c === 'string' ? c : c.toString())).join(''));
    const written = readFileSync(join(dir, 'data.csv'));
    expect(written.length).toBeGreaterThan(1_400_000);
    expect(written.equals(expected)).toBe(true);
  });
});
