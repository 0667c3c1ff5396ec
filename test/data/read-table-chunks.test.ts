import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/read-table.js';
import { dataSourceSchema } from '../../src/spec/schema.js';

// The file is read in chunks of a few hundred kilobytes: a quoted line break, a CRLF
// pair or a multi-byte character cut by a chunk boundary must read as if it were not.
// About 2.4 MB of CRLF rows whose notes hold CRLFs, bare LFs and accents put
// boundaries in all of those, whatever the chunk size up to 1 MB.
const AREAS = 300;
const YEARS = 100;
const NOTES = ['plain', '"two\r\nlines"', '"ñandú 日本 €"', '"a\nb\nc"', '"say ""hi"""'];
const NOTE_TEXTS = ['plain', 'two\r\nlines', 'ñandú 日本 €', 'a\nb\nc', 'say "hi"'];
const NOTE_BREAKS = [0, 1, 0, 2, 0];
const PADDING = 'x'.repeat(40); // long rows: fewer of them for the same number of chunks

describe('a file of several read chunks', () => {
  it('keeps every line number, quoted line break and accent across chunk boundaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mel-chunks-'));
    try {
      const rows: string[] = ['indicator,period,value,area,note,padding'];
      const expected = Array.from({ length: AREAS }, () => ({
        lines: [] as number[],
        notes: [] as string[],
        values: [] as number[],
      }));
      let line = 2;
      for (let i = 0; i < AREAS * YEARS; i++) {
        const area = i % AREAS;
        const note = (i * 7 + (i >> 5)) % NOTES.length;
        rows.push(`stunting,${1900 + Math.floor(i / AREAS)},${i},área ${area},${NOTES[note]},${PADDING}`);
        const want = expected[area]!;
        want.lines.push(line);
        want.notes.push(NOTE_TEXTS[note]!);
        want.values.push(i);
        line += 1 + NOTE_BREAKS[note]!;
      }
      writeFileSync(join(dir, 'chunks.csv'), `${rows.join('\r\n')}\r\n`);

      const source = dataSourceSchema.parse({
        id: 'chunks',
        file: 'chunks.csv',
        disaggregations: ['area'],
        columns: { note: 'note' },
      });
      const { table, issues } = await readTable(source, { root: dir, fiscalYearStart: 1, matchColumns: [] });
      expect(issues).toEqual([]);
      expect(table.rowCount).toBe(AREAS * YEARS);
      expect(table.series).toHaveLength(AREAS);
      table.series.forEach((s, area) => {
        expect(s.keys).toEqual({ indicator: 'stunting', area: `área ${area}` });
        expect(Array.from(s.lines)).toEqual(expected[area]!.lines);
        expect(s.notes).toEqual(expected[area]!.notes);
        expect(Array.from(s.values)).toEqual(expected[area]!.values);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
