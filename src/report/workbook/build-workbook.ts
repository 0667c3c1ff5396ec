// The Excel progress pack, laid out from a PackInput that is already computed. Pure: no
// file, no clock (the dates come from input.about.runTime); `writeWorkbook` gives the
// .xlsx file's bytes, native charts included.
//
//   1. Summary          5. SMART review
//   2. Tracking table   6. Data quality
//   3. one sheet per    7. Method inputs
//      indicator        8. Data
//                       9. About
//
// Large programmes (thousands of series, monthly data) follow the size rules of
// size-rules.ts, so the pack stays around a million cells: the caller writes data.csv
// beside the workbook when `dataSheetHoldsEveryRow(input)` is false.
import ExcelJS from 'exceljs';
import { reportMessages, type ReportMessages } from '../../messages/report.js';
import type { NativeChart } from '../native-charts/native-chart.js';
import { addNativeCharts } from '../native-charts/xlsx-native-charts.js';
import type { PackInput } from '../pack-input.js';
import { addAboutSheet, runDate } from './about-sheet.js';
import { addDataSheet } from './data-sheet.js';
import { addIndicatorSheet } from './indicator-sheet.js';
import { addMethodInputsSheet } from './method-inputs-sheet.js';
import { createPackContext } from './pack-context.js';
import { addQualitySheet } from './quality-sheet.js';
import { SheetNames } from './sheet-names.js';
import { numberedResults, type NumberedResult } from './size-rules.js';
import { addSmartSheet } from './smart-sheet.js';
import { addSummarySheet } from './summary-sheet.js';
import { addTrackingSheet } from './tracking-sheet.js';
import { absolutePrintAreas } from './print-areas.js';
import { packageWorkbook } from './xlsx-package.js';

/** The fixed sheets' names in the pack's language, and each indicator's sheet. */
export type PackSheetNames = ReportMessages['sheets'] & {
  /** Indicator id -> its sheet (the id made a valid, unique sheet name). */
  indicators: Map<string, string>;
};

/** The name of every sheet of the pack: the catalogue's names first, then the indicator ids. */
export function packSheetNames(input: Pick<PackInput, 'locale' | 'program'>): PackSheetNames {
  const s = (reportMessages[input.locale] ?? reportMessages.en).sheets;
  const names = new SheetNames();
  const fixed = {
    summary: names.take(s.summary),
    tracking: names.take(s.tracking),
    smart: names.take(s.smart),
    quality: names.take(s.quality),
    methodInputs: names.take(s.methodInputs),
    data: names.take(s.data),
    about: names.take(s.about),
  };
  const indicators = new Map<string, string>();
  for (const ind of input.program.indicators) if (!indicators.has(ind.id)) indicators.set(ind.id, names.take(ind.id));
  return { ...fixed, indicators };
}

/**
 * The workbook laid out: exceljs holds its structure (sheets, columns, views, page setup,
 * pictures' places), mel its cells (sheet-cells.ts), until packageWorkbook writes them
 * together; the caller adds `nativeCharts` to its parts.
 */
export interface LaidOutWorkbook {
  workbook: ExcelJS.Workbook;
  /** The indicator sheets' native charts, in sheet order. */
  nativeCharts: NativeChart[];
}

export function buildWorkbook(input: PackInput): ExcelJS.Workbook {
  return layOutWorkbook(input).workbook;
}

export function layOutWorkbook(input: PackInput): LaidOutWorkbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'mel-engine';
  workbook.lastModifiedBy = 'mel-engine';
  workbook.title = input.program.name;
  const when = runDate(input.about.runTime) ?? new Date(0);
  workbook.created = when;
  workbook.modified = when;

  const names = packSheetNames(input);
  const ctx = createPackContext(input, names.data);

  addSummarySheet(workbook, names.summary, ctx);
  addTrackingSheet(workbook, names.tracking, ctx);

  const nativeCharts: NativeChart[] = [];
  const resultsOf = new Map<string, NumberedResult[]>();
  for (const numbered of numberedResults(input.doc.results)) {
    const list = resultsOf.get(numbered.result.indicator);
    if (list) list.push(numbered);
    else resultsOf.set(numbered.result.indicator, [numbered]);
  }
  for (const indicator of input.program.indicators) {
    const name = names.indicators.get(indicator.id);
    if (name === undefined) throw new Error(`internal: no sheet named for indicator ${indicator.id}`);
    if (workbook.getWorksheet(name)) continue; // an id given twice: its first indicator's sheet
    addIndicatorSheet(workbook, name, ctx, {
      indicator,
      results: resultsOf.get(indicator.id) ?? [],
      charts: input.charts.filter((c) => c.indicator === indicator.id),
      nativeCharts,
    });
  }

  addSmartSheet(workbook, names.smart, ctx);
  addQualitySheet(workbook, names.quality, ctx);
  addMethodInputsSheet(workbook, names.methodInputs, ctx);
  addDataSheet(workbook, names.data, ctx);
  addAboutSheet(workbook, names.about, ctx);
  return { workbook, nativeCharts };
}

/** The workbook's .xlsx file: exceljs's parts, with the native charts added, zipped reproducibly. */
export async function writeWorkbook(input: PackInput): Promise<{ xlsx: Buffer<ArrayBuffer>; nativeCharts: number }> {
  const { workbook, nativeCharts } = layOutWorkbook(input);
  const xlsx = await packageWorkbook(workbook, workbook.created, (parts) => {
    absolutePrintAreas(parts);
    addNativeCharts(parts, nativeCharts);
  });
  return { xlsx, nativeCharts: nativeCharts.length };
}
