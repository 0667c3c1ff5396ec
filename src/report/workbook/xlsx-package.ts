// The workbook's file: exceljs lays out the parts and stores them unzipped; this module
// completes them and zips them again, as the pack needs and exceljs's public API cannot:
// - the cells, written by mel (sheet-cells.ts), go into the sheets' parts with the shared
//   strings and the styles (sheet-xml.ts), and the pictures' bytes into their media parts
//   (workbook-images.ts): exceljs lays out the rest of the workbook around them;
// - every entry carries the run's time (the About sheet's), not the wall clock, so the
//   same inputs with SOURCE_DATE_EPOCH give the same bytes;
// - PNG images, compressed already, are stored as they are: deflating a national pack's
//   200 charts again in JavaScript took half of the write time to save 9 % of the file;
// - the other parts (the sheets' XML: 36 MB for a national pack) are deflated by Node's
//   zlib, on its thread pool, all at once: fflate deflating them in JavaScript, one after
//   the other, took 3.8 s of the national report; fflate assembles the zip;
// - column page breaks set on a sheet (column-breaks.ts) are written into it, as exceljs
//   writes row breaks only;
// - a caller may add or replace parts (native charts) before the zip is written.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { unzipSync, Zip, type ZipInputFile, ZipPassThrough } from 'fflate';
import { applyColumnBreaks } from './column-breaks.js';
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
  applyColumnBreaks(workbook, parts);
  edit(parts);
  return zipParts(parts, zipTime(time));
}

const gzipped = promisify(gzip);

/** A part deflated by zlib: its raw DEFLATE data and the CRC-32 of its bytes. */
interface Deflated {
  data: Uint8Array<ArrayBuffer>;
  crc: number;
}

/**
 * zlib's gzip of the bytes, taken apart (RFC 1952): a 10-byte header (Node writes no
 * optional field), the raw DEFLATE data a zip entry holds, then the CRC-32 and the size,
 * little-endian. Node 20's zlib has no crc32 of its own.
 */
async function deflated(bytes: Uint8Array): Promise<Deflated> {
  const gz = await gzipped(bytes, { level: 6 });
  const data = new Uint8Array(gz.buffer as ArrayBuffer, gz.byteOffset + 10, gz.length - 18);
  return { data, crc: gz.readUInt32LE(gz.length - 8) };
}

/** The zip of the parts, in their order; each entry's time `mtime`. */
async function zipParts(parts: XlsxParts, mtime: Date): Promise<Buffer<ArrayBuffer>> {
  const entries = [...parts];
  const compressed = await Promise.all(
    entries.map(([path, bytes]) => (STORED.test(path) ? undefined : deflated(bytes))),
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
      const stored = new ZipPassThrough(path);
      stored.mtime = mtime;
      zip.add(stored);
      stored.push(bytes, true);
      return;
    }
    const entry: ZipInputFile = { filename: path, size: bytes.length, crc: d.crc, compression: 8, mtime };
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
