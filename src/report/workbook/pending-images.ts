// Images the workbook shows that are still rendering. The charts render on worker threads
// while the main thread lays out the sheets and exceljs writes them: exceljs is handed a
// short stand-in for each image still to come, and the packaging (xlsx-package.ts) puts
// the rendered PNG in the stand-in's place among the zip's parts, once it is there. So the
// workbook does not wait for the charts, and the charts' megabytes pass through exceljs's
// zip writer not at all.
import type ExcelJS from 'exceljs';

const pending = new WeakMap<ExcelJS.Workbook, Map<string, Promise<Buffer>>>();
const PREFIX = 'mel:pending-image:';
const PREFIX_BYTES = Buffer.from(PREFIX, 'latin1');

/** The bytes to give exceljs for an image of the workbook: the image, or a stand-in while it renders. */
export function imageBytes(workbook: ExcelJS.Workbook, png: Buffer | Promise<Buffer>): Buffer {
  if (Buffer.isBuffer(png)) return png;
  let images = pending.get(workbook);
  if (!images) {
    images = new Map();
    pending.set(workbook, images);
  }
  const standIn = `${PREFIX}${images.size}`;
  images.set(standIn, png);
  return Buffer.from(standIn, 'latin1');
}

/**
 * Puts each rendered image in its stand-in's place among the parts of the workbook's zip
 * (waiting for the rendering); every stand-in must be found, and each once.
 */
export async function putPendingImages(workbook: ExcelJS.Workbook, parts: Map<string, Uint8Array>): Promise<void> {
  const images = pending.get(workbook);
  if (!images) return;
  const found = new Set<string>();
  for (const [path, bytes] of parts) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PREFIX_BYTES.length));
    if (!head.equals(PREFIX_BYTES)) continue;
    const standIn = Buffer.from(bytes).toString('latin1');
    const image = images.get(standIn);
    if (!image || found.has(standIn)) throw new Error(`workbook: ${path} is an unknown stand-in (${standIn})`);
    found.add(standIn);
    parts.set(path, await image);
  }
  if (found.size !== images.size)
    throw new Error(`workbook: ${images.size - found.size} of ${images.size} pending images not found in its parts`);
  pending.delete(workbook);
}
