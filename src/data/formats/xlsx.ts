// An Excel workbook (.xlsx), the file an M&E officer has most often: one sheet of it
// (`sheet:` by name or 1-based position, the first visible one by default), its rows fed
// to the TableReader as records in the long or wide layout (`layout:`). Cells are read
// as Excel stores them: a number is that number (no display rounding; a cell formatted
// as a percentage, 29.5 % stored as 0.295, is 29.5 as `29.5%` in a CSV is), a date cell
// is its day (the period of the indicators' frequency, see resolve-periods.ts), a
// formula its last computed result. A header cell left empty is named by its column
// letter (`columns: { value: H }`); a cell merged across a row belongs to its first
// column, one merged down a column repeats its value. Positions are cells: `Data!C12`.
import type ExcelJS from 'exceljs';
import { resolve } from 'node:path';
import * as msg from '../../messages/data.js';
import { openInputFile } from '../../spec/input-file.js';
import { issueError } from '../../spec/issues.js';
import type { DataSource } from '../../spec/schema.js';
import { numberFormat } from '../parse-number.js';
import { columnLetters, sheetPositions } from '../positions.js';
import {
  emptyResult,
  fileProblem,
  type ReadTableOptions,
  type ReadTableResult,
  readerContext,
} from '../read-context.js';
import { TableReader } from '../table-reader.js';

/** A cell's text as the reader sees it, and its number when Excel stores one. */
export interface CellContent {
  readonly text: string;
  readonly number?: number;
}

const isoDay = (d: Date) =>
  `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/** A number as a percentage-formatted cell shows it, without the binary noise of x100 (0.295 -> 29.5). */
const percentOf = (n: number) => Number((n * 100).toPrecision(15));

/** One cell's content: text, number, date, formula result, rich text or hyperlink. */
export function cellContent(cell: ExcelJS.Cell): CellContent {
  let value: ExcelJS.CellValue = cell.value;
  if (cell.isMerged && cell.master !== cell) {
    // Merged across a row (a header spanning columns): the first column holds it.
    if (cell.master.row === cell.row) return { text: '' };
    value = cell.master.value; // merged down a column: each row repeats it
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) value = (value as ExcelJS.CellFormulaValue).result ?? null;
  }
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') {
    const n = (cell.numFmt ?? '').includes('%') ? percentOf(value) : value;
    return { text: String(n), number: n };
  }
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : isoDay(value) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { text: String(value.error) };
  if ('text' in value) {
    const t = (value as ExcelJS.CellHyperlinkValue).text;
    return { text: typeof t === 'string' ? t : '' };
  }
  return { text: '' };
}

/** The sheet a data source names, or the first visible one. */
function pickSheet(workbook: ExcelJS.Workbook, sheet: DataSource['sheet']): ExcelJS.Worksheet | undefined {
  const sheets = workbook.worksheets;
  if (typeof sheet === 'number') return sheets[sheet - 1];
  if (sheet === undefined) return sheets.find((s) => s.state === 'visible') ?? sheets[0];
  const wanted = sheet.normalize('NFC').trim();
  return (
    sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.toLowerCase())
  );
}

export async function readWorkbook(source: DataSource, options: ReadTableOptions): Promise<ReadTableResult> {
  const file = source.file;
  // exceljs takes a large part of a second to load: only a programme that reads a workbook pays for it.
  const { default: exceljs } = await import('exceljs');
  const workbook = new exceljs.Workbook();
  const path = resolve(options.root, file);
  let bytes: Buffer;
  try {
    // A regular file only: a pipe named .xlsx would block a plain read forever.
    const handle = await openInputFile(path);
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    return emptyResult(source, undefined, issueError(file, fileProblem(source.id, path, err)));
  }
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (err) {
    const [reason = ''] = (err instanceof Error ? err.message : String(err)).split('\n');
    const problem = msg.notAWorkbook(reason);
    return emptyResult(source, undefined, issueError(file, problem));
  }
  const sheet = pickSheet(workbook, source.sheet);
  if (!sheet)
    return emptyResult(
      source,
      undefined,
      issueError(
        file,
        msg.sheetNotFound(
          source.sheet ?? 1,
          workbook.worksheets.map((s) => s.name),
        ),
      ),
    );

  const table: DataSource = { ...source, format: source.layout ?? 'long' };
  const reader = new TableReader(
    table,
    {
      ...readerContext(source, options),
      positions: sheetPositions(sheet.name),
      serialDates: true,
      emptyHeaderName: (field) => columnLetters(field + 1),
    },
    ',',
    numberFormat({ decimal: source.decimal ?? '.', sourceId: source.id, missing: source.missing }),
    sheet.rowCount,
  );
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const fields = new Array<string>(width);
    let numbers: (number | undefined)[] | undefined;
    for (let c = 1; c <= width; c++) {
      const content = cellContent(row.getCell(c));
      fields[c - 1] = content.text;
      if (content.number !== undefined) {
        numbers ??= new Array<number | undefined>(width);
        numbers[c - 1] = content.number;
      }
    }
    if (!reader.record(fields, r, numbers ? { numbers } : undefined)) break;
  }
  const result = reader.finish();
  return {
    table: {
      ...result,
      reading: { encoding: 'utf-8', delimiter: ',', decimal: '.', headerLine: reader.plan?.headerLine ?? 1 },
    },
    issues: reader.log.issues(),
  };
}
