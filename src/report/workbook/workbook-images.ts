// The pack's pictures (charts, trend lines) kept out of exceljs until the file is packaged:
// exceljs lays each one out (its drawing, anchor and relationships) around an empty
// stand-in, and the picture's bytes go into its media part just before the zip is written.
// A chart may still be rendering while its sheet is laid out: its bytes are awaited then.
// A national pack's 60 MB of charts were otherwise copied by exceljs's zip, unzipped again
// and copied once more: a second and a half of the write.
import type ExcelJS from 'exceljs';

/** The parts of the workbook's zip by path (xlsx-package.ts). */
type XlsxParts = Map<string, Uint8Array>;

const STAND_IN = Buffer.alloc(0);
const picturesOf = new WeakMap<ExcelJS.Workbook, Map<number, Uint8Array | Promise<Uint8Array>>>();

/** Adds a PNG picture to the workbook; returns its id, for `worksheet.addImage`. */
export function addPicture(workbook: ExcelJS.Workbook, png: Uint8Array | Promise<Uint8Array>): number {
  const id = workbook.addImage({ buffer: STAND_IN, extension: 'png' });
  let pictures = picturesOf.get(workbook);
  if (!pictures) {
    pictures = new Map();
    picturesOf.set(workbook, pictures);
  }
  pictures.set(id, png);
  return id;
}

/** Puts every picture's bytes into the media part exceljs wrote for it (xl/media/image<id + 1>.png). */
export async function writePictures(workbook: ExcelJS.Workbook, parts: XlsxParts): Promise<void> {
  for (const [id, png] of picturesOf.get(workbook) ?? []) {
    const path = `xl/media/image${id + 1}.png`;
    if (parts.get(path)?.length !== 0) throw new Error(`internal: no stand-in at ${path} for picture ${id}`);
    parts.set(path, await png);
  }
}
