import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { melBin } from '../dist.js';
import { mel } from './capture.js';

const broken = join(import.meta.dirname, '../fixtures/broken');
const bin = melBin;

describe('a folder of broken inputs', () => {
  it('exits 1 and names every problem at its file and line', async () => {
    const { code, stderr } = await mel(['validate'], broken);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    const expectLine = (prefix: string, text: string) =>
      expect(
        lines.some((l) => l.startsWith(prefix) && l.includes(text)),
        `${prefix} ... ${text}\n${stderr}`,
      ).toBe(true);
    expectLine('data/survey.csv:3:3:', '`abc` in column `value` is not a number');
    expectLine('data/survey.csv:4:2:', '`20x7` in column `period` is not a period');
    expectLine('data/survey.csv:6:2:', 'already has a value for 2018 at line 5');
    expectLine('indicators/misspelt-key.yaml:6:1:', 'unknown key `taget`: did you mean `targets`?');
    expectLine('indicators/missing-direction.yaml:1:1:', 'missing required field `direction`');
    expectLine(
      'indicators/wrong-unit.yaml:3:7:',
      '`unit` is `percentage`; it must be one of `percent`, `number`, `ratio`, `currency`, `rate`',
    );
    expectLine('indicators/cycle-a.yaml:6:', 'CYCLE-A -> CYCLE-B -> CYCLE-A');
    expectLine('indicators/bad-indent.yaml:7:', 'indented differently');
    expect(lines[lines.length - 1]).toMatch(/^8 errors/);
  });

  it('prints the problems sorted by file and line', async () => {
    const { stderr } = await mel(['validate'], broken);
    const located = stderr
      .trim()
      .split('\n')
      .filter((l) => /^\S+:\d+/.test(l))
      .map((l) => l.split(':'));
    const keys = located.map(([f, line]) => `${f}:${line!.padStart(6, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('never shows a stack trace, through the real command', async () => {
    const env = { PATH: process.env.PATH };
    const r = spawnSync(process.execPath, [bin, 'validate'], { cwd: broken, encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.stderr).toContain('data/survey.csv:3:3:');
    // The real command reads the YAML files on a worker thread (spec/spec-prefetch.ts): the same problems, word for word.
    expect(r.stderr).toBe((await mel(['validate'], broken)).stderr);
  });

  it('a usage error exits 2', () => {
    const r = spawnSync(process.execPath, [bin, 'assess', '--method', 'magic'], { cwd: broken, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--method magic: choose one of trajectory, iptt, open-sdg');
    const r2 = spawnSync(process.execPath, [bin, 'frobnicate'], { cwd: broken, encoding: 'utf8' });
    expect(r2.status).toBe(2);
  });

  it('works from any directory through the bin file', () => {
    const out = execFileSync(process.execPath, [bin, 'validate', '--program', 'indicators/program.yaml'], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(out).toContain('no errors');
  });
});

describe('a reader that stops reading', () => {
  it('`mel assess --json | head -c 100`: mel stops quietly, exit 0, no internal error', () => {
    const demo = join(import.meta.dirname, '../..');
    // The shell reports mel's own exit code on stderr (a pipeline's status is head's).
    const command = `("${process.execPath}" "${bin}" assess --json; echo "mel exit $?" >&2) | head -c 100 >/dev/null`;
    const r = spawnSync('/bin/sh', ['-c', command], { cwd: demo, encoding: 'utf8' });
    expect(r.stderr).toBe('mel exit 0\n');
  });
});
