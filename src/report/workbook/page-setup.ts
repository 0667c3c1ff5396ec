// How every sheet prints: A4, margins, a header with the programme's name and the as-of
// period, a footer with the sheet's name and "Page n of m" in the pack's language, the
// header rows (and identifying columns) repeated on every page, and a scale that keeps
// a sheet one page wide (the tracking table: as few pages wide as stay readable).
import type ExcelJS from 'exceljs';

/** The texts of every sheet's header and footer, in the pack's language. */
export interface PageTexts {
  /** Left of the header: the programme's name. */
  programme: string;
  /** Right of the header: "As of 2023". */
  asOf: string;
  /** Right of the footer, around Excel's page codes: "Page &P of &N". */
  pageOf: (page: string, pages: string) => string;
}

export interface PrintLayout {
  orientation: 'portrait' | 'landscape';
  /** Pages wide (default 1). */
  pagesWide?: number;
  /** Pages tall: 0 (default) as many as needed, 1 for a one-page sheet. */
  pagesTall?: number;
  /** Rows repeated at the top of every page, e.g. "1:5". */
  titleRows?: string;
  /** Columns repeated at the left of every page, e.g. "A:C". */
  titleColumns?: string;
  /**
   * A fixed scale (percent) instead of fitting: a table wider than a page prints on as many
   * pages across as it needs, each with the title columns, at a size that stays readable.
   */
  scale?: number;
}

/** A4 in exceljs's paper sizes. */
export const PAPER_A4 = 9;

/** Margins in inches: narrow sides, room at the top and bottom for the header and footer. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 };

/** Excel's header and footer codes treat "&" as a command: a literal one is written "&&". */
export function headerText(text: string, max = 120): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return cut.replace(/&/g, '&&').replace(/[\r\n]+/g, ' ');
}

/** The header and footer of every page: programme | as-of; sheet name | page n of m. */
export function headerFooter(texts: PageTexts): Partial<ExcelJS.HeaderFooter> {
  const font = '&"Calibri,Regular"&9';
  return {
    oddHeader: `&L${font}${headerText(texts.programme)}&R${font}${headerText(texts.asOf, 60)}`,
    oddFooter: `&L${font}&A&R${font}${texts.pageOf('&P', '&N')}`,
  };
}

/** The page setup of a sheet. */
export function pageSetup(layout: PrintLayout): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: PAPER_A4 as ExcelJS.PageSetup['paperSize'],
    orientation: layout.orientation,
    ...(layout.scale
      ? { fitToPage: false, scale: layout.scale }
      : { fitToPage: true, fitToWidth: layout.pagesWide ?? 1, fitToHeight: layout.pagesTall ?? 0 }),
    margins: MARGINS,
    horizontalCentered: false,
    ...(layout.titleRows ? { printTitlesRow: layout.titleRows } : {}),
    ...(layout.titleColumns ? { printTitlesColumn: layout.titleColumns } : {}),
  };
}

/** Width of the printable area at 100 %, in pixels (96 an inch). */
export function printablePixels(orientation: 'portrait' | 'landscape'): number {
  const inches = (orientation === 'portrait' ? 8.27 : 11.69) - MARGINS.left - MARGINS.right;
  return Math.floor(inches * 96);
}

/** Pixels a column of width w takes (Excel, Calibri 11: 7 px a unit of width, plus 5 of padding). */
export const columnPixels = (width: number) => Math.round(width * 7 + 5);
