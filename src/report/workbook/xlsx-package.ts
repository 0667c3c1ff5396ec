// The workbook's file: exceljs lays out the parts and stores them unzipped; this module
// zips them again, as the pack needs and exceljs's public API cannot:
// - every entry carries the run's time (the About sheet's), not the wall clock, so the
//   same inputs with SOURCE_DATE_EPOCH give the same bytes;
// - PNG images, compressed already, are stored as they are: deflating a national pack's
//   200 charts again in JavaScript took half of the write time to save 9 % of the file;
// - column page breaks set on a sheet (column-breaks.ts) are written into it, as exceljs
//   writes row breaks only;
// - a caller may add or replace parts (native charts) before the zip is written.
import type ExcelJS from 'exceljs';
import { unzipSync, type ZipOptions, zipSync } from 'fflate';
import { applyColumnBreaks } from './column-breaks.js';

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
  applyColumnBreaks(workbook, parts);
  edit(parts);
  const mtime = zipTime(time);
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const [path, bytes] of parts) entries[path] = [bytes, { level: STORED.test(path) ? 0 : 6, mtime }];
  const zipped = zipSync(entries);
  return Buffer.from(zipped.buffer as ArrayBuffer, zipped.byteOffset, zipped.byteLength);
}

/** A zip entry time (1980-2107, two-second steps) whose local fields are `time`'s UTC fields. */
export function zipTime(time: Date): Date {
  const t = Number.isNaN(time.getTime()) ? new Date(Date.UTC(1980, 0, 1)) : time;
  const year = Math.min(2107, Math.max(1980, t.getUTCFullYear()));
  if (year !== t.getUTCFullYear()) return new Date(year, 0, 1);
  return new Date(year, t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}
