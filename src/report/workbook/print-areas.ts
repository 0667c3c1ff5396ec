// Print areas as every spreadsheet program reads them. exceljs writes a sheet's print
// area with absolute columns but relative rows (`'Sheet'!$A1:$K96`); Excel reads that, but
// LibreOffice Calc ignores such a print area and prints every used column (the chart-data
// columns beside an indicator sheet's page among them). Written absolute (`$A$1:$K$96`),
// both honour it.
import type { XlsxParts } from './xlsx-package.js';

const PRINT_AREA = /(<definedName\b[^>]*\bname="_xlnm\.Print_Area"[^>]*>)([^<]*)(<\/definedName>)/g;

/** `'ZM-STUNT-U5'!$A1:$K96` -> `'ZM-STUNT-U5'!$A$1:$K$96`: only the cells after the sheet's name. */
function absolute(range: string): string {
  const bang = range.lastIndexOf('!');
  const cells = range
    .slice(bang + 1)
    .replace(/\$?([A-Z]{1,3})\$?(\d+)/g, (_m, col: string, row: string) => `$${col}$${row}`);
  return range.slice(0, bang + 1) + cells;
}

/** The defined print areas of the workbook's parts, made absolute. */
export function absolutePrintAreas(parts: XlsxParts): void {
  const bytes = parts.get('xl/workbook.xml');
  if (!bytes) return;
  const xml = new TextDecoder().decode(bytes);
  const fixed = xml.replace(
    PRINT_AREA,
    (_, open: string, ranges: string, close: string) => `${open}${ranges.split(',').map(absolute).join(',')}${close}`,
  );
  if (fixed !== xml) parts.set('xl/workbook.xml', new TextEncoder().encode(fixed));
}
