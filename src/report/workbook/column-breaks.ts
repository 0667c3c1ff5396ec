// Page breaks between columns: a table wider than a page (the tracking table) breaks
// between its column groups, never inside one, so each printed page holds whole reporting
// periods beside the repeated identifying columns. exceljs writes row breaks only; the
// column breaks are added to the sheet's XML when the workbook is packaged
// (xlsx-package.ts), as OOXML places them: `<colBreaks>` after the header and footer.
import type ExcelJS from 'exceljs';

/** The parts of the workbook's zip by path (xlsx-package.ts). */
type XlsxParts = Map<string, Uint8Array>;

const breaksOf = new WeakMap<ExcelJS.Worksheet, number[]>();

/** Breaks the sheet's printed pages after each of these columns (1-based). */
export function setColumnBreaks(sheet: ExcelJS.Worksheet, afterColumns: number[]): void {
  const cols = [...new Set(afterColumns.filter((c) => Number.isInteger(c) && c > 0))].sort((a, b) => a - b);
  if (cols.length) breaksOf.set(sheet, cols);
  else breaksOf.delete(sheet);
}

/** The column breaks set on a sheet. */
export function columnBreaks(sheet: ExcelJS.Worksheet): number[] {
  return breaksOf.get(sheet) ?? [];
}

/** The `<colBreaks>` element: `id` is the last column of a page (1-based), as Excel writes it. */
export function colBreaksXml(afterColumns: number[]): string {
  const brk = afterColumns.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join('');
  return `<colBreaks count="${afterColumns.length}" manualBreakCount="${afterColumns.length}">${brk}</colBreaks>`;
}

/** Elements that follow `<colBreaks>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER = [
  '<customProperties',
  '<cellWatches',
  '<ignoredErrors',
  '<smartTags',
  '<drawing',
  '<legacyDrawing',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/** Writes every sheet's column breaks into its part of the file. */
export function applyColumnBreaks(workbook: ExcelJS.Workbook, parts: XlsxParts): void {
  for (const sheet of workbook.worksheets) {
    const cols = breaksOf.get(sheet);
    if (!cols) continue;
    const path = `xl/worksheets/sheet${sheet.id}.xml`;
    const bytes = parts.get(path);
    if (!bytes) continue;
    const xml = Buffer.from(bytes).toString('utf8');
    let at = -1;
    for (const tag of AFTER) {
      const i = xml.indexOf(tag);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 0) continue;
    parts.set(path, Buffer.from(xml.slice(0, at) + colBreaksXml(cols) + xml.slice(at), 'utf8'));
  }
}
