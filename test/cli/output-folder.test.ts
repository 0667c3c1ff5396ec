// `mel report --out DIR` as users run it: a folder of other files (a Desktop) is refused
// unless --force and then keeps every file; a file, a path below a file and the
// programme's own folder are refused; a read-only folder is an input error; the previous
// pack survives a failed write.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeReport } from '../../src/report/make-report.js';
import { MANIFEST } from '../../src/report/pack-folder.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { mel } from './capture.js';

let root = '';
const file = (...parts: string[]) => join(root, ...parts);

beforeAll(async () => {
  root = join(mkdtempSync(join(tmpdir(), 'mel-out-')), 'programme');
  expect((await mel(['init', root], tmpdir())).code).toBe(0);
  mkdirSync(file('Desktop'));
  writeFileSync(file('Desktop', 'thesis.docx'), 'three years of work');
  writeFileSync(file('notes.txt'), 'my notes');
});

describe('mel report --out', () => {
  it('refuses a folder of files mel did not write, and touches nothing in it', async () => {
    const r = await mel(['report', '--quiet', '--out', 'Desktop'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('mel: --out Desktop: this folder holds files mel did not write (`thesis.docx`)');
    expect(r.stderr).toContain('add --force');
    expect(r.stderr).not.toContain('internal error');
    expect(readdirSync(file('Desktop'))).toEqual(['thesis.docx']);
  });

  it('refuses a file, a path below a file, and the folders holding the programme', async () => {
    const cases: [string, string][] = [
      ['notes.txt', 'mel: --out notes.txt: this is a file, not a folder'],
      ['notes.txt/pack', 'mel: --out notes.txt/pack: notes.txt is a file, so no folder can be made inside it'],
      ['.', "mel: --out .: this folder holds the programme's own files (indicators/program.yaml)"],
      ['data', "mel: --out data: this folder holds the programme's own files (data/stunting.csv)"],
    ];
    for (const [out, message] of cases) {
      const r = await mel(['report', '--quiet', '--force', '--out', out], root);
      expect([r.code, r.stderr], out).toEqual([1, expect.stringContaining(message)]);
    }
    expect(readFileSync(file('notes.txt'), 'utf8')).toBe('my notes');
    expect(readdirSync(root).sort()).toEqual(['.gitignore', 'Desktop', 'data', 'indicators', 'notes.txt', 'schema']);
  });

  it('mel schema --out and mel init DIR refuse a file and a path below a file too', async () => {
    const cases = [
      ['notes.txt', 'a file stands where a folder goes'],
      ['notes.txt/schemas', 'a part of the path is a file, not a folder'],
    ] as const;
    for (const [out, reason] of cases) {
      const r = await mel(['schema', '--out', out], root);
      expect([r.code, r.stderr], out).toEqual([
        1,
        `mel: --out ${out}: program.schema.json could not be written: ${reason}\n`,
      ]);
    }
    expect(readFileSync(file('notes.txt'), 'utf8')).toBe('my notes');
    const init = await mel(['init', 'notes.txt'], root);
    expect([init.code, init.stderr]).toEqual([
      1,
      'mel: notes.txt: indicators/program.yaml could not be written: a part of the path is a file, not a folder\n',
    ]);
  });

  it('--force writes the pack beside the other files; the next run knows it as a pack and keeps them', async () => {
    const first = await mel(['report', '--quiet', '--force', '--out', 'Desktop'], root);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toContain('wrote Desktop/ : progress-pack.xlsx, assessment.json, data.csv, 3 charts');
    const again = await mel(['report', '--quiet', '--out', 'Desktop'], root);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(readFileSync(file('Desktop', 'thesis.docx'), 'utf8')).toBe('three years of work');
    expect(JSON.parse(readFileSync(file('Desktop', MANIFEST), 'utf8')).files).toEqual([
      'assessment.json',
      'charts/STUNT-U5--rural.png',
      'charts/STUNT-U5--urban.png',
      'charts/STUNT-U5.png',
      'data.csv',
      'progress-pack.xlsx',
    ]);
    // A pack written before the manifest existed is still known by its assessment.json.
    rmSync(file('Desktop', MANIFEST));
    const legacy = await mel(['report', '--quiet', '--out', 'Desktop'], root);
    expect([legacy.code, legacy.stderr]).toEqual([0, '']);
    expect(readFileSync(file('Desktop', 'thesis.docx'), 'utf8')).toBe('three years of work');
  });

  it('a write that fails (read-only folder) is an input error at the folder, and the previous pack stays', async () => {
    const out = file('reports', 'failing');
    expect((await mel(['report', '--quiet', '--out', out], root)).code).toBe(0);
    const before = readFileSync(join(out, 'progress-pack.xlsx'));
    const { workspace } = await loadWorkspace(root, 'indicators/program.yaml');
    if (!workspace) throw new Error('the starter programme does not load');
    const denied = (step: string) => {
      if (step === 'swap assessment.json') throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    await expect(
      makeReport(workspace, {
        cwd: root,
        programPath: 'indicators/program.yaml',
        out,
        engineVersion: '0.0.0',
        env: {},
        progress: { stage: () => {}, step: () => {} },
        writeSteps: { beforeStep: denied },
      }),
    ).rejects.toThrow(
      '--out reports/failing: the pack could not be written (assessment.json): ' +
        'permission denied (the folder or a file in it is read-only',
    );
    expect(readFileSync(join(out, 'progress-pack.xlsx')).equals(before)).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder, for real (not as root): exit 1, nothing lost', async () => {
    const out = file('reports', 'read-only');
    expect((await mel(['report', '--quiet', '--out', out], root)).code).toBe(0);
    const before = readFileSync(join(out, 'progress-pack.xlsx'));
    chmodSync(out, 0o555);
    try {
      const r = await mel(['report', '--quiet', '--out', out], root);
      expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('permission denied')]);
    } finally {
      chmodSync(out, 0o755);
    }
    expect(readFileSync(join(out, 'progress-pack.xlsx')).equals(before)).toBe(true);
  });
});
