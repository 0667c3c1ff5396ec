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
// - the other parts (the sheets' XML: 39 MB for a national pack) are deflated by Node's
//   zlib on its thread pool (part-compressor.ts), each sheet while the next is written;
//   fflate assembles the zip;
// - a caller may add or replace parts (native charts) before the cells are written in.
import type ExcelJS from 'exceljs';
import { unzipSync, Zip, type ZipInputFile, ZipPassThrough } from 'fflate';
import { type CompressedPart, PartCompressor } from './part-compressor.js';
import { writeCells } from './sheet-xml.js';
import { writePictures } from './workbook-images.js';

/** The parts of the workbook's zip, by path ("xl/worksheets/sheet1.xml"), in their order. */
export type XlsxParts = Map<string, Uint8Array>;

/** A turn of the event loop: finished deflates are collected and the next ones started. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The workbook as an .xlsx file. `time` is the entry time of every part (zip times are
 * local times without a zone: the UTC fields of `time` are written, whatever the
 * machine's zone). `edit` may change the parts exceljs laid out, before the cells are
 * written into the sheets' parts and everything is zipped.
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
  edit(parts);
  const compressor = new PartCompressor();
  for (const path of writeCells(workbook, parts)) {
    compressor.add(path, parts.get(path) ?? new Uint8Array());
    await nextTurn();
  }
  // The pictures' bytes (charts may still be rendering while the cells are written; a
  // picture keeps its place among the parts), then the parts the cells changed too
  // (relationships, content types) are compressed last.
  await writePictures(workbook, parts);
  for (const [path, bytes] of parts) if (!compressor.has(path)) compressor.add(path, bytes);
  return zipParts(parts, await compressor.done(), zipTime(time));
}

/** The zip of the parts, in their order, compressed as given; each entry's time `mtime`. */
function zipParts(parts: XlsxParts, compressed: Map<string, CompressedPart>, mtime: Date): Buffer<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else chunks.push(chunk);
  });
  for (const [path, bytes] of parts) {
    const d = compressed.get(path);
    if (!d) {
      // Stored without a CRC of zlib's: fflate works it out.
      const passThrough = new ZipPassThrough(path);
      passThrough.mtime = mtime;
      zip.add(passThrough);
      passThrough.push(bytes, true);
      continue;
    }
    const entry: ZipInputFile = { filename: path, size: bytes.length, crc: d.crc, compression: d.method, mtime };
    zip.add(entry);
    entry.ondata?.(null, d.data, true);
  }
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
