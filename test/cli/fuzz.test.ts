// Mutations of the demo programme's own files, seeded so every run tries the same ones:
// whatever a mutation does to a YAML or CSV file, `mel` answers with exit 0 (fine, maybe
// with warnings) or 1 (input errors, each at its file), never 70 (a fault), never a stack
// trace, never a hang. In-process through run() (capture.ts), validate more often than assess and
// smart (it reads every file, and costs a third of assess): 200 cost a few seconds.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/mulberry32.js';
import { mel } from './capture.js';

const demo = join(import.meta.dirname, '../..');
/**
 * Part of the demo, every reference inside it resolved: a computed share of Georgia's
 * budget, Peru's stunting by area from three sources; and every data file (the
 * Spanish-Excel toolkit file among them). The illustrative flows indicator is left out:
 * assessing it costs as much as all the others together.
 */
const indicatorFiles = [
  'indicators/program.yaml',
  'indicators/ge-agri-budget.yaml',
  'indicators/ge-state-budget.yaml',
  'indicators/ge-agri-share-computed.yaml',
  'indicators/pe-stunt-u5-inei.yaml',
  'indicators/pe-stunt-u5-jme.yaml',
  'indicators/pe-stunt-u5-toolkit.yaml',
];
const dataFiles = readdirSync(join(demo, 'data'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.csv'))
  .map((f) => `data/${f.split('\\').join('/')}`)
  .sort();
const files = [...indicatorFiles, ...dataFiles];
const MUTATIONS = 200;
const SEED = 20240917;

/** Texts people and tools put where they do not belong. */
const dictionary = [
  '',
  '0',
  '-1',
  '1e308',
  '-1e999',
  'NaN',
  '.nan',
  '.inf',
  '2024-0',
  '2024-00',
  '2024-Q0',
  '2024-S0',
  '2024-W54',
  '0000-Q1',
  '9999-Q4',
  'FY0000',
  '0001-01-01',
  '2007-2008',
  '2013-14',
  'FY22',
  '2006April',
  'null',
  '~',
  'true',
  '[]',
  '{}',
  '"',
  "'",
  '=1+1',
  '@SUM(A1)',
  'constructor',
  '__proto__',
  'toString',
  'a!',
  'a == b',
  "agri & 'x'",
  'x'.repeat(300),
  'north/east',
  'north east',
  'Ñandú 😀',
  '\u0000',
  '\t',
  ';',
  ',',
  '\r',
  ':',
  '- ',
  '{',
  '[',
  '!!binary',
  '!!js/function',
  '%YAML 1.1',
  '---',
  '...',
  '? ',
  '|',
  '>',
  '#',
  Array.from({ length: 2000 }, () => 'agri').join(' + '),
  `${'('.repeat(3000)}agri`,
  // YAML anchors and aliases: an undefined alias, a merge key (an alias bomb is refused by
  // the YAML parser, issue 13)
  '&a',
  '*a',
  '<<: *a',
];

type Mutation = (text: string, rnd: () => number) => string;
const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;
const lines = (t: string) => t.split('\n');
const mutations: Record<string, Mutation> = {
  'delete a line': (t, rnd) => {
    const l = lines(t);
    l.splice(Math.floor(rnd() * l.length), 1);
    return l.join('\n');
  },
  'repeat a line': (t, rnd) => {
    const l = lines(t);
    const i = Math.floor(rnd() * l.length);
    l.splice(i, 0, ...Array(1 + Math.floor(rnd() * 3)).fill(l[i]));
    return l.join('\n');
  },
  'swap two lines': (t, rnd) => {
    const l = lines(t);
    const i = Math.floor(rnd() * l.length);
    const j = Math.floor(rnd() * l.length);
    [l[i], l[j]] = [l[j]!, l[i]!];
    return l.join('\n');
  },
  'replace a word': (t, rnd) => {
    const words = [...t.matchAll(/[^\s,;:{}[\]"]+/g)];
    if (!words.length) return t;
    const w = pick(words, rnd);
    const at = w.index ?? 0;
    return t.slice(0, at) + pick(dictionary, rnd) + t.slice(at + w[0].length);
  },
  'replace a number': (t, rnd) => {
    const numbers = [...t.matchAll(/\d+(?:[.,]\d+)?/g)];
    if (!numbers.length) return t;
    const n = pick(numbers, rnd);
    const at = n.index ?? 0;
    return t.slice(0, at) + pick(dictionary.slice(1, 21), rnd) + t.slice(at + n[0].length);
  },
  'insert text': (t, rnd) => {
    const at = Math.floor(rnd() * (t.length + 1));
    return t.slice(0, at) + pick(dictionary, rnd) + t.slice(at);
  },
  'indent a line': (t, rnd) => {
    const l = lines(t);
    const i = Math.floor(rnd() * l.length);
    l[i] = rnd() < 0.5 ? `  ${l[i]}` : l[i]!.replace(/^ {1,2}/, '');
    return l.join('\n');
  },
  'cut the file': (t, rnd) => t.slice(0, Math.floor(rnd() * t.length)),
  // The value of a YAML key (`period: 2011` -> `period: 2024-0`) or a field of a CSV row.
  'replace a value': (t, rnd) => {
    const values = [...t.matchAll(/(?<=^|\n|[{,]\s?)[\w$]+: *([^\n{}[\],#]*)|(?<=[,;\n])[^,;\n]*(?=[,;\r\n])/g)];
    if (!values.length) return t;
    const v = pick(values, rnd);
    const text = v[1] ?? v[0];
    const at = (v.index ?? 0) + v[0].length - text.length;
    return t.slice(0, at) + pick(dictionary, rnd) + t.slice(at + text.length);
  },
};

/** A random byte somewhere: the bytes of another encoding, a NUL, a lone surrogate half. */
function flipBytes(bytes: Buffer, rnd: () => number): Buffer {
  const out = Buffer.from(bytes);
  const at = Math.floor(rnd() * out.length);
  out[at] = pick([0x00, 0xe9, 0xf1, 0xff, 0xc3, 0x80, 0x22, 0x0d, Math.floor(rnd() * 256)], rnd);
  return out;
}

describe('mutations of the demo programme', () => {
  it(`${MUTATIONS} seeded mutations of its YAML and CSV: exit 0 or 1, never a fault, stack trace or hang`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'mel-fuzz-'));
    const originals = new Map(files.map((f) => [f, readFileSync(join(demo, f))]));
    for (const f of files) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      copyFileSync(join(demo, f), join(root, f));
    }
    // Unmutated, the part of the demo reads without an error.
    expect((await mel(['validate'], root)).code).toBe(0);
    const rnd = mulberry32(SEED);
    const commands = [['validate'], ['validate'], ['validate'], ['assess', '--json'], ['assess', '--json'], ['smart']];
    const failures: string[] = [];
    const codes = new Map<number, number>();
    for (let n = 0; n < MUTATIONS; n++) {
      const file = pick(files, rnd);
      const original = originals.get(file) as Buffer;
      let bytes = original;
      const applied: string[] = [];
      for (let k = 0, count = 1 + Math.floor(rnd() * 3); k < count; k++) {
        if (rnd() < 0.15) {
          bytes = flipBytes(bytes, rnd);
          applied.push('flip a byte');
        } else {
          const name = pick(Object.keys(mutations), rnd);
          bytes = Buffer.from(mutations[name]!(bytes.toString('utf8'), rnd));
          applied.push(name);
        }
      }
      writeFileSync(join(root, file), bytes);
      const command = pick(commands, rnd);
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<{ code: number; stderr: string }>((done) => {
        timer = setTimeout(() => done({ code: -1, stderr: '' }), 10_000);
      });
      const { code, stderr } = await Promise.race([mel(command, root), hang]);
      clearTimeout(timer);
      writeFileSync(join(root, file), original);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      const trace = /\n\s+at .+:\d+:\d+/.test(stderr);
      if ((code !== 0 && code !== 1) || trace || stderr.includes('internal error'))
        failures.push(
          `#${n} ${command.join(' ')} after ${applied.join(', ')} ` +
            `in ${file}: exit ${code === -1 ? 'none (hang)' : code}\n` +
            stderr.split('\n').slice(0, 3).join('\n'),
        );
    }
    expect(failures).toEqual([]);
    // The mutations find both outcomes: files that still read, and files with errors.
    expect(codes.get(0)).toBeGreaterThan(MUTATIONS / 10);
    expect(codes.get(1)).toBeGreaterThan(MUTATIONS / 10);
  });
});
