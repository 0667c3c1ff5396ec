// What a new user runs into, and the message that tells them what to change: a misspelt
// data file or match code, mel run from the wrong folder, an empty column name, a series
// with no value, 6,000 codes nobody uses, a YAML alias bomb among the indicator files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { formatIssue } from '../../src/spec/issues.js';
import { dataSourceSchema } from '../../src/spec/schema.js';
import { mel } from '../cli/capture.js';
import { writeProgramme } from '../helpers/programme.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const programme = (data: string, frequency = 'annual', code = 'stunting') => ({
  'indicators/program.yaml': `program:
  id: kenya
  name: Kenya nutrition
  period: { start: 2014, end: 2030 }
  as_of: 2022
results:
  - { id: G1, level: impact, statement: Less stunting }
data:
${data}`,
  'indicators/stunting.yaml': `id: KE-STUNT
name: Stunting
result: G1
unit: percent
direction: decrease
frequency: ${frequency}
series: { data: dhs, match: { indicator: ${code} } }
targets:
  - { period: 2030, value: 10 }
`,
});

const load = async (files: Record<string, string>) => {
  const dir = writeProgramme(files);
  dirs.push(dir);
  const { issues } = await loadWorkspace(dir, 'indicators/program.yaml');
  return issues.map(formatIssue);
};

describe('messages that lead to the fix', () => {
  it('a missing data file: the close name in its folder', async () => {
    const messages = await load({
      ...programme('  - { id: dhs, file: data/stuntng.csv }\n'),
      'data/stunting.csv': 'indicator,period,value\nstunting,2014,26\n',
    });
    expect(messages).toEqual([
      'indicators/program.yaml:9: data file not found: data/stuntng.csv; did you mean `data/stunting.csv`? ' +
        '(paths in program.yaml are relative to the programme root, the folder that holds `indicators/`)',
    ]);
  });

  it('a match code that matches no rows: the closest codes of the column', async () => {
    const messages = await load({
      ...programme('  - { id: dhs, file: data/s.csv }\n', 'annual', 'stuntng_u5'),
      'data/s.csv':
        'indicator,period,value\nanaemia_w,2014,40\nstunting_u5,2014,26\nwasting_u5,2014,4\nstunting_o5,2014,20\n',
    });
    expect(messages).toContain(
      'indicators/stunting.yaml:7: indicator `KE-STUNT` matches no rows of data ' +
        'source `dhs`: column `indicator` has no `stuntng_u5`; did you mean ' +
        '`stunting_u5`? (its closest values are `stunting_u5`, `stunting_o5`, `wasting_u5`)',
    );
  });

  it('an empty column name is an error at its line', async () => {
    const parsed = dataSourceSchema.safeParse({ id: 'dhs', file: 'data/s.csv', columns: { value: '' } });
    expect(parsed.success).toBe(false);
    const messages = await load({
      ...programme('  - { id: dhs, file: data/s.csv, columns: { value: "" } }\n'),
      'data/s.csv': 'indicator,period,value,\nstunting,2014,26,\n',
    });
    expect(messages[0]).toMatch(/^indicators\/program\.yaml:9:\d+: `value`: a column name cannot be empty/);
  });

  it('a series with no value at all is a warning', async () => {
    const messages = await load({
      ...programme('  - { id: dhs, file: data/s.csv }\n'),
      'data/s.csv': 'indicator,period,value\nstunting,2014,NA\nstunting,2022,..\n',
    });
    expect(messages).toContain(
      'indicators/stunting.yaml:7: warning: indicator `KE-STUNT`: its series in data ' +
        'source `dhs` has no value at all (every value is missing), so nothing can be assessed',
    );
  });

  it('thousands of codes no indicator uses: one line, ten of them named', async () => {
    const rows = Array.from({ length: 6074 }, (_, i) => `series_${i},2014,1`).join('\n');
    const messages = await load({
      ...programme('  - { id: dhs, file: data/s.csv }\n'),
      'data/s.csv': `indicator,period,value\nstunting,2014,26\n${rows}\n`,
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^data\/s\.csv:1: warning: 6,074 values of column `indicator` are used by no indicator /,
    );
    expect(messages[0]).toMatch(/ indicator \(6,074 rows\): series_0 \(1 row\), .* and 6,064 more$/);
    expect(messages[0]!.length).toBeLessThan(400);
  });

  it('a weekly indicator is accepted, its ISO weeks read', async () => {
    const messages = await load({
      ...programme('  - { id: dhs, file: data/s.csv }\n', 'weekly'),
      'data/s.csv': 'indicator,period,value\nstunting,2024W1,26\nstunting,2024-W02,25\n',
    });
    expect(messages).toEqual([]);
  });
});

describe('indicator discovery', () => {
  it('skips hidden folders and node_modules, and a YAML alias bomb is an input error at its file', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(
        Array.from({ length: 8 }, (_, i) => {
          const name = String.fromCharCode(98 + i);
          const previous = `*${String.fromCharCode(97 + i)}`;
          return `${name}: &${name} [${Array(9).fill(previous).join(',')}]`;
        }),
      )
      .join('\n');
    const files = {
      ...programme('  - { id: dhs, file: data/s.csv }\n'),
      'data/s.csv': 'indicator,period,value\nstunting,2014,26\n',
      'indicators/node_modules/some-package/.github/workflow.yaml': 'on: push\n',
      'indicators/.git/config.yaml': 'not: an indicator\n',
    };
    expect(await load(files)).toEqual([]);
    const dir = writeProgramme({ ...files, 'indicators/lol.yaml': `${bomb}\n` });
    dirs.push(dir);
    const { code, stderr } = await mel(['validate'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^indicators\/lol\.yaml:1: the YAML parser refuses this file: .*alias/m);
    expect(stderr).not.toContain('internal error');
  });
});

describe('mel run from anywhere', () => {
  const tree = () => {
    const home = mkdtempSync(join(tmpdir(), 'mel-home-'));
    dirs.push(home);
    mkdirSync(join(home, 'work', 'prog', 'indicators'), { recursive: true });
    mkdirSync(join(home, 'work', 'prog', 'data'), { recursive: true });
    const files: Record<string, string> = {
      ...programme('  - { id: dhs, file: data/s.csv }\n'),
      'data/s.csv': 'indicator,period,value\nstunting,2014,26\nstunting,2022,abc\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(home, 'work', 'prog', name), text);
    return home;
  };

  it('reads the data beside the programme file, and names files from where mel runs', async () => {
    const home = tree();
    const { code, stderr } = await mel(['validate', '--program', 'work/prog/indicators/program.yaml'], home);
    expect(code).toBe(1);
    expect(stderr).toContain('work/prog/data/s.csv:3:3: `abc` in column `value` is not a number');
  });

  it('names the folders to run from when there is no programme here', async () => {
    const home = tree();
    const { code, stderr } = await mel(['validate'], home);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'no programme file indicators/program.yaml here; run mel from the folder that holds ' +
        '`indicators/program.yaml` (this one is: `work/prog`), or point to the file with `--program`',
    );
  });
});
