import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessProgram, publicDocument } from '../../src/assess/assess-program.js';
import { jsonChunks, jsonFileChunks } from '../../src/assess/assessment-json.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { mel } from '../cli/capture.js';

const text = (chunks: Iterable<string>) => [...chunks].join('');
const demo = join(import.meta.dirname, '../..');

describe('the assessment document written in pieces is JSON.stringify(doc, null, 2), byte for byte', () => {
  const cases: [string, unknown][] = [
    ['a number', 12.5],
    ['a string with a line break and a quote', 'a\n"b"\u2028'],
    ['null', null],
    ['true', true],
    ['an empty object', {}],
    ['an empty array', []],
    ['nested empties', { a: {}, b: [], c: [[]], d: [{}] }],
    ['undefined, functions and symbols left out of objects', { a: undefined, b: () => 1, c: Symbol('x'), d: 1 }],
    ['an object whose every member is left out', { a: undefined }],
    ['undefined, functions and symbols as null in arrays', [undefined, () => 1, Symbol('x'), 2]],
    ['a sparse array', Object.assign(new Array(3), { 0: 1, 2: 3 })], // the hole is written as null
    ['toJSON (a date) at every depth', { d: new Date(0), list: [new Date(1)], deep: { x: [{ d: new Date(2) }] } }],
    ['a Map and a boxed number', { m: new Map([[1, 2]]), n: Object(3) }],
    ['keys that need escaping', { 'a"b': 1, 'line\nbreak': { é: [1, 'ü'] } }],
    [
      'a document shaped like an assessment',
      {
        program: 'p',
        as_of: '2023',
        reporting: { periods: [{ period: '2023', ended: true }] },
        results: [
          { indicator: 'A', disaggregation: {}, baseline: { period: '2019', value: 1.5 }, notes: [], x: undefined },
          { indicator: 'B', disaggregation: { sex: 'f' }, targets: [{ value: null, for: { a: 'b' } }], notes: ['n'] },
        ],
      },
    ],
  ];
  for (const [name, value] of cases)
    it(name, () => {
      for (const depth of [0, 1, 2, 5]) expect(text(jsonChunks(value, depth))).toBe(JSON.stringify(value, null, 2));
    });

  it('writes arrays of every length the same, in whole batches or not', () => {
    for (const n of [1, 2, 7, 8, 9, 16, 17, 63, 64, 65, 300]) {
      const list = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? undefined : { i, v: [i, { w: i }] }));
      const doc = { a: 1, list, nested: { list } };
      for (const depth of [0, 1, 2, 3]) {
        expect(text(jsonChunks(doc, depth))).toBe(JSON.stringify(doc, null, 2));
        expect(text(jsonChunks(list, depth))).toBe(JSON.stringify(list, null, 2));
      }
    }
  });

  it('writes nothing for undefined, as JSON.stringify gives no text', () => {
    expect(text(jsonChunks(undefined))).toBe('');
  });

  it('writes an iterable of results (computed as they are written) as the array they amount to', () => {
    const results = [{ a: 1 }, { b: [2, 3] }, {}];
    function* lazily() {
      yield* results;
    }
    expect(text(jsonChunks({ head: 1, results: lazily() }))).toBe(JSON.stringify({ head: 1, results }, null, 2));
    expect(text(jsonChunks({ results: [][Symbol.iterator]() }))).toBe(JSON.stringify({ results: [] }, null, 2));
  });

  it('hands out a large document in many pieces, ending with the line break of a file', () => {
    const doc = { results: Array.from({ length: 3000 }, (_, i) => ({ i, name: `result ${i}`, values: [i, i / 3] })) };
    const chunks = [...jsonFileChunks(doc)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('mel assess --json prints the demo programme as the whole document stringified would', async () => {
    const { workspace } = await loadWorkspace(demo, 'indicators/program.yaml');
    if (!workspace) throw new Error('the demo programme does not load');
    const doc = publicDocument(assessProgram(workspace.program, workspace.data));
    const r = await mel(['assess', '--json'], demo);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(JSON.parse(r.stdout).results.length).toBeGreaterThan(10);
  });
});
