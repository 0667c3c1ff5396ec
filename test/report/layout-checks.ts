// Checks of a workbook read back from its bytes, as a donor's Excel would open it: how
// each sheet prints, and whether every wrapped text fits its row by the estimate the pack
// itself uses (text-metrics.ts).
import type ExcelJS from 'exceljs';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../../src/report/workbook/sheet-writer.js';
import { wrappedTextHeight } from '../../src/report/workbook/text-metrics.js';

/** Column number of a cell reference's letters: "AB" -> 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A range "A1:K3" as numbers. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range);
  if (!m) throw new Error(`not a range: ${range}`);
  const left = columnNumber(m[1]!);
  const top = Number(m[2]);
  return { top, left, right: m[3] ? columnNumber(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

/** Every wrapped text cell whose row is lower than the text needs: "Sheet!B7 needs 45 pt, has 30". */
export function rowsTooLow(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    const spans = new Map<string, number>();
    for (const range of ws.model.merges ?? []) {
      const r = parseRange(range);
      spans.set(`${r.top}:${r.left}`, r.right - r.left + 1);
    }
    ws.eachRow((row, rowNumber) => {
      row.eachCell((cell, col) => {
        if (!cell.alignment?.wrapText || typeof cell.value !== 'string' || (cell.isMerged && cell.master !== cell))
          return;
        const span = spans.get(`${rowNumber}:${col}`) ?? 1;
        let width = 0;
        for (let c = col; c < col + span; c++) width += ws.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH;
        const font = { size: cell.font?.size, bold: Boolean(cell.font?.bold) };
        const needs = wrappedTextHeight(cell.value, width, font, cell.alignment?.indent ?? 0);
        const has = row.height ?? DEFAULT_ROW_HEIGHT;
        if (needs > has + 0.01) out.push(`${ws.name}!${cell.address} needs ${needs} pt, has ${has}`);
      });
    });
  }
  return out;
}

/** The last column holding a value on a sheet. */
export function lastColumnUsed(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow((row) =>
    row.eachCell((cell, col) => {
      if (cell.value !== null && cell.value !== undefined && col > last) last = col;
    }),
  );
  for (const range of ws.model.merges ?? []) last = Math.max(last, parseRange(range).right);
  return last;
}
