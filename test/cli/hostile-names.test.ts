// Breakdown names that no file system takes as they are, through `mel report`: each gets
// a chart of its own, under a name every disk accepts (the fuzzing of issue 9 found
// `north east` and `north/east` sharing one file, and a 256-character name faulting).
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mel } from './capture.js';

describe('names a file system would choke on, through mel report', () => {
  it('breakdowns named `north east`, `north/east`, 300 characters, a formula or an emoji: a chart each', async () => {
    const names = ['north east', 'north/east', 'x'.repeat(300), '=HYPERLINK("x")', 'Ñandú 😀', 'CON'];
    const csv = [
      'indicator,period,area,value',
      ...['national', ...names].flatMap((area, i) => [
        `stunting_u5,2020,"${area.replace(/"/g, '""')}",${30 + i}`,
        `stunting_u5,2024,"${area.replace(/"/g, '""')}",${26 + i}`,
      ]),
    ].join('\n');
    const root = join(mkdtempSync(join(tmpdir(), 'mel-names-')), 'p');
    expect((await mel(['init', root], tmpdir())).code).toBe(0);
    writeFileSync(join(root, 'data', 'stunting.csv'), `${csv}\n`);
    const report = await mel(['report', '--quiet', '--out', 'pack'], root);
    expect(report.code).toBe(0);
    expect(report.stderr).toBe('');
    expect(report.stdout).toContain('7 charts');
    const charts = readdirSync(join(root, 'pack', 'charts'));
    expect(charts).toHaveLength(7);
    expect(charts.every((c) => c.length < 100 && /^[A-Za-z0-9_.~-]+\.png$/.test(c))).toBe(true);
  });
});
