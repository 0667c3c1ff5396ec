// The workbook as a donor's Excel reads it: packaged into its .xlsx file, then read back by
// exceljs. The cells live in mel's own store until the file is written (sheet-cells.ts),
// so a test reads them from the file, as every other program does.
import ExcelJS from 'exceljs';
import { packageWorkbook, type XlsxParts } from '../../src/report/workbook/xlsx-package.js';

export async function readBack(
  workbook: ExcelJS.Workbook,
  edit?: (parts: XlsxParts) => void,
): Promise<ExcelJS.Workbook> {
  const bytes = await packageWorkbook(workbook, workbook.created, edit);
  return new ExcelJS.Workbook().xlsx.load(bytes.buffer);
}
