// Page breaks between columns: a table wider than a page (the tracking table) breaks
// between its column groups, never inside one, so each printed page holds whole reporting
// periods beside the repeated identifying columns. exceljs writes row breaks only; the
// column breaks are added to the sheet's XML with its cells when the workbook is packaged
// (sheet-xml.ts), as OOXML places them: `<colBreaks>` after the header and footer.
import type ExcelJS from 'exceljs';

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
