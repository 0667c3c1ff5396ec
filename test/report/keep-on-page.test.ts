import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { keepBlocksOnPages, portraitPagePoints } from '../../src/report/workbook/keep-on-page.js';
import { sheetCells } from '../../src/report/workbook/sheet-cells.js';
import { packageWorkbook } from '../../src/report/workbook/xlsx-package.js';
import { SHEET_PIXELS } from '../../src/report/workbook/indicator-sheet.js';

/** A sheet whose rows 1..n are `height` points high. */
function sheetOfRows(n: number, height: number): ExcelJS.Worksheet {
  const sheet = new ExcelJS.Workbook().addWorksheet('S');
  for (let r = 1; r <= n; r++) sheetCells(sheet).setHeight(r, height);
  return sheet;
}

describe('charts kept on one printed page', () => {
  it('knows how much an indicator sheet fits on an A4 page: 10.29 in of 72 pt at 91 % (717 of 781 px), less 3 %', () => {
    expect(SHEET_PIXELS).toBe(781);
    expect(portraitPagePoints(SHEET_PIXELS)).toBeCloseTo((10.29 * 72 * 0.97) / 0.91, 6);
    // A sheet narrower than the page prints at 100 %.
    expect(portraitPagePoints(500)).toBeCloseTo(10.29 * 72 * 0.97, 6);
  });

  it('breaks the page before a block that would straddle a break, and only then', async () => {
    // Pages of 100 pt; rows of 10 pt: rows 1-10 fill page 1.
    const sheet = sheetOfRows(40, 10);
    const starts = keepBlocksOnPages(
      sheet,
      [
        { first: 3, last: 6 }, // fits on page 1 as it is
        { first: 8, last: 13 }, // rows 8-10 on page 1, 11-13 on page 2: moved to start page 2
        { first: 20, last: 26 }, // page 2 holds 8-17, page 3 starts at 18 by itself: 20-26 fit on it
        { first: 24, last: 30 }, // ...but 24-30 do not (18-27): moved to start page 4
      ],
      100,
    );
    expect(starts).toEqual([8, 24]);
    // Written as Excel reads them: a break after rows 7 and 23.
    const xlsx = unzipSync(new Uint8Array(await packageWorkbook(sheet.workbook, new Date(0))));
    const xml = strFromU8(xlsx['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([7, 23]);
  });

  it('leaves a block taller than a page where it is, and counts the pages the printer starts by itself', () => {
    const sheet = sheetOfRows(60, 10);
    // Rows 1-12 fill page 1 and start page 2 (11, 12); the block 13-27 is taller than a page.
    expect(keepBlocksOnPages(sheet, [{ first: 13, last: 27 }], 100)).toEqual([]);
    // Page 2 starts at row 11 by itself and holds rows 11-20: a block 19-22 is moved.
    expect(keepBlocksOnPages(sheetOfRows(60, 10), [{ first: 19, last: 22 }], 100)).toEqual([19]);
    // ...and a block 15-20 fits on page 2 as it is.
    expect(keepBlocksOnPages(sheetOfRows(60, 10), [{ first: 15, last: 20 }], 100)).toEqual([]);
  });
});
