// Every file-system problem with the user's files is an input error at its file (exit 1),
// never a fault (exit 70) and never a hang: links broken or looping, folders, pipes and
// devices where a file should be, --program naming a folder or another kind of file, a
// file that is not UTF-8, a file far too large.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/spec/load-program.js';
import { mel } from '../cli/capture.js';
import { oneIndicator } from '../helpers/programme.js';

const indicator = 'unit: percent\ndirection: decrease\nseries: { data: d, match: { indicator: x } }\n';
const csv = 'indicator,period,value\nx,2020,30\nx,2024,26\n';
const programme = () => oneIndicator(indicator, csv);
const onLinux = process.platform === 'linux';
const isRoot = process.getuid?.() === 0;

/** `mel validate` in `dir`: its exit code and the lines it printed on stderr. */
async function validate(dir: string, ...args: string[]) {
  const r = await mel(['validate', ...args], dir);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code: r.code, lines: r.stderr.trim().split('\n') };
}

describe('links, folders, pipes and devices among the indicator files', () => {
  it('a broken link and a link to itself are errors at their paths', async () => {
    const dir = programme();
    symlinkSync('nowhere.yaml', join(dir, 'indicators', 'gone.yaml'));
    symlinkSync('loop.yaml', join(dir, 'indicators', 'loop.yaml'));
    const { code, lines } = await validate(dir);
    expect(code).toBe(1);
    expect(lines).toContain('indicators/gone.yaml: cannot read the file: it is a link to a file that does not exist');
    expect(lines).toContain(
      'indicators/loop.yaml: cannot read the file: it is a link that leads back to itself (a loop of links)',
    );
  });

  it('a link to a folder already read is followed once, not forever', async () => {
    const dir = programme();
    symlinkSync('.', join(dir, 'indicators', 'again'));
    symlinkSync('..', join(dir, 'indicators', 'up'));
    const r = await mel(['validate'], dir);
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining('1 indicator, 1 data file')]);
  });

  it.runIf(onLinux)('a pipe (FIFO) or /dev/zero named .yaml is refused without a byte read', async () => {
    const dir = programme();
    execFileSync('mkfifo', [join(dir, 'indicators', 'pipe.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'indicators', 'zero.yaml'));
    const { code, lines } = await validate(dir);
    expect(code).toBe(1);
    const special =
      'cannot read the file: it is not a regular file (a pipe, a device or a socket); mel reads files only';
    expect(lines).toContain(`indicators/pipe.yaml: ${special}`);
    expect(lines).toContain(`indicators/zero.yaml: ${special}`);
  });

  it.runIf(onLinux)('a data file that is a pipe or a folder is an error at the data file', async () => {
    const dir = oneIndicator(indicator, csv, { source: ', encoding: utf-8' });
    const pipe = programme();
    execFileSync('mkfifo', [join(pipe, 'data', 'pipe.csv')]);
    writeFileSync(
      join(pipe, 'indicators', 'program.yaml'),
      'program: { id: t, name: T, period: { start: 2000, end: 2030 } }\n' +
        'results: [{ id: G1, level: impact, statement: G }]\ndata: [{ id: d, file: data/pipe.csv }]\n',
    );
    const { code, lines } = await validate(pipe);
    expect(code).toBe(1);
    expect(lines).toContain(
      'data/pipe.csv: cannot read this file (data source `d`): it is not ' +
        'a regular file (a pipe, a device or a socket); mel reads files only',
    );
    // The readers of workbooks and DHIS2 JSON open only regular files too.
    for (const [name, format] of [
      ['pipe.xlsx', 'xlsx'],
      ['pipe.json', 'dhis2'],
    ] as const) {
      execFileSync('mkfifo', [join(pipe, 'data', name)]);
      writeFileSync(
        join(pipe, 'indicators', 'program.yaml'),
        `program: { id: t, name: T, period: { start: 2000, end: 2030 } }\n` +
          `results: [{ id: G1, level: impact, statement: G }]\n` +
          `data: [{ id: d, file: data/${name}, format: ${format} }]\n`,
      );
      const r = await validate(pipe);
      expect(r.lines, name).toContain(
        `data/${name}: cannot read this file (data source \`d\`): it is not ` +
          `a regular file (a pipe, a device or a socket); mel reads files only`,
      );
    }
    mkdirSync(join(dir, 'data', 'folder.csv'));
    writeFileSync(
      join(dir, 'indicators', 'program.yaml'),
      'program: { id: t, name: T, period: { start: 2000, end: 2030 } }\n' +
        'results: [{ id: G1, level: impact, statement: G }]\ndata: [{ id: d, file: data/folder.csv }]\n',
    );
    const folder = await validate(dir);
    expect(folder.lines).toContain(
      'data/folder.csv: cannot read this file (data source `d`): it is a folder, not a file',
    );
  });

  it.skipIf(isRoot)('a file nobody may read is an error at the file (not as root, who may read anything)', async () => {
    const dir = programme();
    chmodSync(join(dir, 'indicators', 'ind.yaml'), 0o000);
    const { code, lines } = await validate(dir);
    expect(code).toBe(1);
    expect(lines).toContain('indicators/ind.yaml: cannot read the file: permission denied (check who may read it)');
  });

  it('a YAML file far larger than any indicator file is refused before it is read', async () => {
    const dir = programme();
    writeFileSync(join(dir, 'indicators', 'huge.yaml'), '');
    truncateSync(join(dir, 'indicators', 'huge.yaml'), 64 * 1024 * 1024); // sparse: no disk used
    const { code, lines } = await validate(dir);
    expect(code).toBe(1);
    expect(lines).toContain(
      'indicators/huge.yaml: cannot read the file: it is 64 MB, ' +
        'far larger than a file of this kind can be (at most 4 MB)',
    );
  });
});

describe('--program names the programme file', () => {
  it('a folder is refused, and the programme file inside it is suggested', async () => {
    const dir = programme();
    const { code, lines } = await validate(dir, '--program', 'indicators');
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      'indicators: indicators is a folder; --program names the ' +
        'programme file: did you mean --program indicators/program.yaml?',
    );
    const here = await validate(dir, '--program', '.');
    expect(here.lines[0]).toContain('did you mean --program indicators/program.yaml?');
  });

  it('a file that is not YAML (/etc/hostname, /dev/zero) is refused without reading it or its folder', async () => {
    const dir = programme();
    for (const other of ['/etc/hostname', '/dev/zero']) {
      const { code, lines } = await validate(dir, '--program', other);
      expect(code, other).toBe(1);
      expect(lines[0], other).toContain('is not a YAML file; --program names the programme file (.yaml or .yml)');
      expect(lines, other).toHaveLength(2); // the error and its count: nothing of /etc was read
    }
  });
});

describe('encodings', () => {
  it('a programme saved as Windows-1252 is read as such, with a warning to save it as UTF-8', () => {
    const dir = programme();
    const text =
      'program:\n  id: test\n  name: Nutrición en Perú\n  period: { start: 2000, end: 2030 }\nresults:\n' +
      '  - { id: G1, level: impact, statement: Goal }\ndata:\n  - { id: d, file: data/d.csv }\n';
    writeFileSync(join(dir, 'indicators', 'program.yaml'), Buffer.from(text, 'latin1'));
    const r = loadProgram(dir, 'indicators/program.yaml');
    expect(r.program?.name).toBe('Nutrición en Perú');
    expect(r.issues).toMatchObject([
      {
        severity: 'warning',
        file: 'indicators/program.yaml',
        line: 1,
        column: undefined,
        message: expect.stringContaining('the file is not UTF-8; it was read as Windows-1252'),
      },
    ]);
  });
});
