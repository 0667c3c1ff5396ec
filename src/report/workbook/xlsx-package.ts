// The workbook's file: exceljs lays out the parts and stores them unzipped; this module
// completes them and zips them again, as the pack needs and exceljs's public API cannot:
// - the cells, written by mel (sheet-cells.ts), go into the sheets' parts with the shared
//   strings, the styles and the column page breaks exceljs cannot write (sheet-xml.ts),
//   and the pictures' bytes into their media parts (workbook-images.ts): exceljs lays out
//   the rest of the workbook around them;
// - every entry carries the run's time (the About sheet's), not the wall clock, so the
//   same inputs with SOURCE_DATE_EPOCH give the same bytes;
// - PNG images, compressed already, are stored as they are: deflating a national pack's
//   200 charts again in JavaScript took half of the write time to save 9 % of the file;
// - the other parts (the sheets' XML: 36 MB for a national pack) are deflated by Node's
//   zlib, on its thread pool, all at once: fflate deflating them in JavaScript, one after
//   the other, took 3.8 s of the national report; fflate assembles the zip;
// - a caller may add or replace parts (native charts) before the zip is written.
import { promisify } from 'node:util';
import zlib, { gzip } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { unzipSync, Zip, type ZipInputFile, ZipPassThrough } from 'fflate';
import { writeCells } from './sheet-xml.js';
import { writePictures } from './workbook-images.js';

/** The parts of the workbook's zip, by path ("xl/worksheets/sheet1.xml"), in their order. */
export type XlsxParts = Map<string, Uint8Array>;

/** Zip entries of these kinds are compressed already. */
const STORED = /\.(png|jpe?g|gif)$/i;

/**
 * The workbook as an .xlsx file. `time` is the entry time of every part (zip times are
 * local times without a zone: the UTC fields of `time` are written, whatever the
 * machine's zone). `edit` may change the parts before they are zipped.
 */
export async function packageWorkbook(
  workbook: ExcelJS.Workbook,
  time: Date,
  edit: (parts: XlsxParts) => void = () => {},
): Promise<Buffer<ArrayBuffer>> {
  // Stored, not deflated: the parts are deflated once, below.
  const laidOut = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  // Folder entries ("xl/media/") are JSZip's habit; Excel writes none.
  const unzipped = Object.entries(unzipSync(new Uint8Array(laidOut as ArrayBuffer)));
  const parts: XlsxParts = new Map(unzipped.filter(([path]) => !path.endsWith('/')));
  writeCells(workbook, parts);
  writePictures(workbook, parts);
  edit(parts);
  return zipParts(parts, zipTime(time));
}

const gzipped = promisify(gzip);

/**
 * Parts deflated at once: enough to keep the zlib thread pool (four threads) busy. Each
 * deflate holds some 300 KB of zlib's memory, which V8 counts against the heap: starting
 * a national pack's 200 sheets at once made it collect garbage twice over the pack's data.
 */
const DEFLATING_AT_ONCE = 4;

/** A part as its zip entry holds it: deflated (8) or stored (0), and the CRC-32 of its bytes. */
interface Entry {
  data: Uint8Array<ArrayBuffer>;
  crc: number;
  method: 0 | 8;
}

/**
 * zlib's gzip of the bytes, taken apart (RFC 1952): a 10-byte header (Node writes no
 * optional field), the raw DEFLATE data a zip entry holds, then the CRC-32 and the size,
 * little-endian. (zlib.crc32 is Node 20.15's; gzip gives the CRC on every Node 20.)
 */
async function deflated(bytes: Uint8Array): Promise<Entry> {
  const gz = await gzipped(bytes, { level: 6 });
  const data = new Uint8Array(gz.buffer as ArrayBuffer, gz.byteOffset + 10, gz.length - 18);
  return { data, crc: gz.readUInt32LE(gz.length - 8), method: 8 };
}

/** zlib's CRC-32, where Node has it (20.15 and later): many times faster than fflate's in JavaScript. */
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** A part stored as it is (an image, compressed already); its CRC left to fflate without zlib's. */
const stored = (bytes: Uint8Array): Entry | undefined =>
  zlibCrc32
    ? {
        data: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length),
        crc: zlibCrc32(bytes),
        method: 0,
      }
    : undefined;

/** Each item's result, `limit` of them worked on at a time, in the items' order. */
async function inTurn<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The zip of the parts, in their order; each entry's time `mtime`. */
async function zipParts(parts: XlsxParts, mtime: Date): Promise<Buffer<ArrayBuffer>> {
  const entries = [...parts];
  const compressed = await inTurn(entries, DEFLATING_AT_ONCE, async ([path, bytes]) =>
    STORED.test(path) ? stored(bytes) : deflated(bytes),
  );
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else chunks.push(chunk);
  });
  entries.forEach(([path, bytes], i) => {
    const d = compressed[i];
    if (!d) {
      const passThrough = new ZipPassThrough(path);
      passThrough.mtime = mtime;
      zip.add(passThrough);
      passThrough.push(bytes, true);
      return;
    }
    const entry: ZipInputFile = { filename: path, size: bytes.length, crc: d.crc, compression: d.method, mtime };
    zip.add(entry);
    entry.ondata?.(null, d.data, true);
  });
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** A zip entry time (1980-2107, two-second steps) whose local fields are `time`'s UTC fields. */
export function zipTime(time: Date): Date {
  const t = Number.isNaN(time.getTime()) ? new Date(Date.UTC(1980, 0, 1)) : time;
  const year = Math.min(2107, Math.max(1980, t.getUTCFullYear()));
  if (year !== t.getUTCFullYear()) return new Date(year, 0, 1);
  return new Date(year, t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}
