import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { PlainLines } from '../../src/data/plain-lines.js';
import { type StreamEnd, streamRecords } from '../../src/data/record-stream.js';

// Plain lines (no quote) are split without csv-parse; the rest of a file, from its first
// quote, goes through csv-parse. Whatever the split, the records and their lines must be
// those csv-parse alone gives, with lines counted as record-stream counts them.

const dir = mkdtempSync(join(tmpdir(), 'mel-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What csv-parse alone reads, each record with the line it starts on. */
function byCsvParse(text: string, delimiter = ','): [number, string[]][] {
  const records: string[][] = parse(text, {
    delimiter,
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  let line = 1;
  return records.map((fields) => {
    const at = line;
    for (const f of fields) line += (f.match(/\r\n|\n|\r/g) ?? []).length;
    line++;
    return [at, fields];
  });
}

let files = 0;
async function streamed(content: string | Buffer, delimiter: ',' | ';' = ','): Promise<[number, string[]][]> {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, content);
  const out: [number, string[]][] = [];
  const end = await streamRecords(
    path,
    { encoding: 'utf-8', checkUtf8: true, delimiter },
    { record: (fields, line) => out.push([line, fields]) > 0 },
  );
  expect(end).toEqual({ kind: 'done' });
  return out;
}

/** The same text given to PlainLines in pieces of `size` characters. */
function inPieces(text: string, size: number): { records: [number, string[]][]; rest: string | undefined } {
  const records: [number, string[]][] = [];
  const plain = new PlainLines(',', (fields, line) => records.push([line, fields]) > 0);
  for (let i = 0; i < text.length; i += size) {
    const rest = plain.push(text.slice(i, i + size));
    if (rest !== undefined) return { records, rest: rest + text.slice(i + size) };
  }
  return { records, rest: plain.end() };
}

describe('plain lines read as csv-parse reads them', () => {
  const texts = [
    'a,b\n1,2\n',
    'a,b\n1,2',
    'a,b\r\n1,2\r\n',
    'a,b\r1,2\r',
    'a,b\n\n1,2\n\n',
    'a\n\r\nb\r\rc',
    '\n',
    '\r\n\r\n',
    'a,,\n,\n ,  x , \n',
    'ñandú,日本,€\n1,2,3\n',
    'a;b,c\n',
  ];
  for (const text of texts)
    it(JSON.stringify(text), async () => {
      expect(await streamed(text)).toEqual(byCsvParse(text));
      for (const size of [1, 2, 3, 5]) {
        const { records, rest } = inPieces(text, size);
        expect(rest).toBeUndefined();
        expect(records).toEqual(byCsvParse(text));
      }
    });

  it('reads nothing from an empty file, and drops a BOM', async () => {
    expect(await streamed('')).toEqual([]);
    expect(await streamed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]))).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });

  it('hands the rest of the file to csv-parse from the line of its first quote, at any chunk boundary', () => {
    const text = 'a,b\r\n1,2\r\n3,"x\r\ny"\r\n5,6\r\n';
    for (const size of [1, 2, 4, 7, 100]) {
      const { records, rest } = inPieces(text, size);
      expect(records).toEqual([
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ]);
      expect(rest).toBe('3,"x\r\ny"\r\n5,6\r\n');
    }
  });

  it('gives csv-parse very long lines, which it limits', () => {
    const long = `${'x'.repeat(70_000)},1\n`;
    expect(inPieces(`a,b\n${long}c,d\n`, 1000).rest).toBe(`${long}c,d\n`);
  });

  it('reads a large file mixing plain and quoted lines, line endings and accents, across chunks', async () => {
    // About 270 KB (read 64 KB at a time): the records expected are built with the text.
    const rows: string[] = ['indicator;period;value;area;note\n'];
    const expected: [number, string[]][] = [[1, ['indicator', 'period', 'value', 'area', 'note']]];
    const ends = ['\n', '\r\n', '\r'];
    let line = 2;
    for (let i = 0; i < 6_000; i++) {
      const quoted = i === 5_900; // csv-parse reads the last hundred rows
      const note = quoted ? 'two\nlines; quoted' : i % 997 === 0 ? '' : `note ${i} ñ€日`;
      const fields = ['stunting', String(1900 + (i % 100)), String(i / 10), `área ${i % 300}`, note];
      rows.push(`${fields.slice(0, 4).join(';')};${quoted ? `"${note}"` : note}${ends[i % 3]}`);
      expected.push([line, fields]);
      line += quoted ? 2 : 1;
      if (i % 1_000 === 0) {
        rows.push('\r\n'); // after a row's \r too, an empty line
        expected.push([line++, ['']]);
      }
    }
    const records = await streamed(rows.join(''), ';');
    // Compared as JSON text: the same check, without a deep comparison of 6,000 records.
    expect(JSON.stringify(records)).toBe(JSON.stringify(expected));
  });

  it('stops when the sink says so, in the plain part and in csv-parse’s', async () => {
    const path = join(dir, 'stop.csv');
    writeFileSync(path, 'a\nb\nc\n"d"\ne\nf\n');
    for (const [stopAt, seen] of [
      ['b', ['a', 'b']],
      ['e', ['a', 'b', 'c', 'd', 'e']],
    ] as const) {
      const got: string[] = [];
      const end: StreamEnd = await streamRecords(
        path,
        { encoding: 'utf-8', checkUtf8: true, delimiter: ',' },
        { record: ([first = '']) => got.push(first) > 0 && first !== stopAt },
      );
      expect(end).toEqual({ kind: 'stopped' });
      expect(got).toEqual(seen);
    }
  });
});
