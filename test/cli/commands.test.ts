import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderUsage } from '../../src/cli/main.js';
import { mel } from './capture.js';

const demo = join(import.meta.dirname, '../..');

describe('each command takes its own options', () => {
  it('refuses an option another command has: mel validate --method magic --json --out /x', async () => {
    const r = await mel(['validate', '--method', 'magic', '--json', '--out', '/x'], demo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mel: mel validate has no option --method; its options are below');
    expect(r.stderr).toContain('Usage: mel validate [--program FILE] [--locale en|es]');
  });

  it('refuses --json on report and --out on assess', async () => {
    expect((await mel(['report', '--json'], demo)).code).toBe(2);
    expect((await mel(['assess', '--out', 'x'], demo)).code).toBe(2);
    expect((await mel(['smart', '--as-of', '2020'], demo)).code).toBe(2);
  });

  it('refuses arguments a command does not take', async () => {
    const r = await mel(['assess', 'extra'], demo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mel assess takes no argument "extra"');
  });

  it('shows one command with --help, and every command with its options in the usage', async () => {
    const r = await mel(['smart', '--help'], demo);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: mel smart [--program FILE] [--locale en|es] [--json]');
    const usage = renderUsage();
    for (const line of [
      'mel validate [--program FILE] [--locale en|es]',
      'mel assess   [--program FILE] [--as-of P] [--method M] [--json] [--locale en|es]',
      'mel smart    [--program FILE] [--locale en|es] [--json]',
      'mel report   [--program FILE] [--as-of P] [--method M] [--out DIR] ' +
        '[--force] [--locale en|es] [--charts png|native|both] [--quiet]',
      'mel export   iati [--program FILE] [--as-of P] [--out FILE] [--locale en|es]',
      'mel schema   [program|indicator] [--out DIR] [--locale en|es]',
      'mel init     [DIR] [--locale en|es]',
    ])
      expect(usage).toContain(line);
  });

  it('exits 2 with the usage when no command is given, 0 for --help and --version', async () => {
    expect((await mel([], demo)).code).toBe(2);
    expect((await mel(['--help'], demo)).code).toBe(0);
    const v = await mel(['--version'], demo);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('names the commands when an option comes first', async () => {
    const r = await mel(['--json', 'assess'], demo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--json comes after a command');
  });
});
