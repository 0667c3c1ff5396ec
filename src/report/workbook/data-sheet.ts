// Sheet: every value as one flat row (indicator x breakdown x period) with every id, for
// pivot tables: each disaggregation in its own column, the period with real start and end
// dates, the value as a number (empty when missing) with its reason, source, file, line.
// Beyond DATA_SHEET_MAX_ROWS rows the sheet says that every row is in data.csv beside the
// workbook (the caller writes it, with the same columns) and lists the headline rows only.
import type ExcelJS from 'exceljs';
import { allSeries, type IndicatorData } from '../../data/indicator-data.js';
import { textIn } from '../../messages/localized.js';
import { levelLabel } from '../../messages/report.js';
import { reportMessages } from '../../messages/report.js';
import type { Period } from '../../periods/period.js';
import type { PackInput } from '../pack-input.js';
import type { PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, styled, type CellSpec } from './sheet-writer.js';
import { DATA_CSV_FILE, DATA_SHEET_MAX_ROWS } from './size-rules.js';
import { FORMATS, STYLES } from './styles.js';

/** An ISO date (YYYY-MM-DD) as a Date at midnight UTC: Excel stores it as that day. */
export function isoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

interface DataLayout {
  /** Every disaggregation key, in the order the indicators first use them. */
  keys: string[];
  /** The indicators with data: the programme's order, then any other id of the data. */
  indicators: { id: string; data: IndicatorData }[];
}

function dataLayout(input: Pick<PackInput, 'program' | 'data'>): DataLayout {
  const keys: string[] = [];
  const known = new Set<string>();
  const seen = new Set<string>();
  const indicators: DataLayout['indicators'] = [];
  for (const id of [...input.program.indicators.map((i) => i.id), ...input.data.keys()]) {
    const data = input.data.get(id);
    if (seen.has(id) || !data) continue;
    seen.add(id);
    indicators.push({ id, data });
    for (const s of allSeries(data)) {
      for (const k in s.dims) {
        if (!known.has(k)) {
          known.add(k);
          keys.push(k);
        }
      }
    }
  }
  return { keys, indicators };
}

/**
 * The columns of the Data sheet, in the pack's language; data.csv, written by the caller
 * when the sheet cannot hold every row, has the same ones.
 */
export function dataSheetColumns(input: Pick<PackInput, 'program' | 'data' | 'locale'>): string[] {
  const c = (reportMessages[input.locale] ?? reportMessages.en).columns;
  return [
    c.programId,
    c.result,
    c.level,
    c.indicator,
    c.indicatorName,
    c.unit,
    ...dataLayout(input).keys,
    c.period,
    c.periodStart,
    c.periodEnd,
    c.value,
    c.missingReason,
    c.source,
    c.file,
    c.line,
  ];
}

export function addDataSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const { keys, indicators } = dataLayout(input);
  const header = dataSheetColumns(input);

  // Every row, or (beyond DATA_SHEET_MAX_ROWS) a note and the headline rows when they fit.
  const everyRow = ctx.dataInSheet;
  let headlineRows = 0;
  if (!everyRow) for (const { data } of indicators) headlineRows += data.headline?.periods.length ?? 0;
  const headlinesFit = headlineRows > 0 && headlineRows <= DATA_SHEET_MAX_ROWS;
  const headerRow = everyRow ? 1 : 4;

  const sheet = createSheet(
    workbook,
    name,
    { frozenRows: headerRow, print: { orientation: 'landscape', titleRows: `${headerRow}:${headerRow}` } },
    ctx.page,
  );
  const w = new SheetWriter(sheet);
  if (!everyRow) {
    w.title(m.data.everyRowInFile(ctx.dataRows, DATA_SHEET_MAX_ROWS, DATA_CSV_FILE), STYLES.section);
    w.title(
      headlinesFit
        ? m.data.headlineRowsOnly(headlineRows)
        : headlineRows
          ? m.data.headlineRowsTooMany(headlineRows)
          : m.data.noHeadlineRows,
      STYLES.note,
    );
    w.skip(headerRow - 1 - w.row);
  }
  w.header(header);

  const dates = new Map<string, [CellSpec, CellSpec]>();
  const datesOf = (p: Period): [CellSpec, CellSpec] => {
    let d = dates.get(p.id);
    if (!d) {
      d = [styled(isoDate(p.start), STYLES.date), styled(isoDate(p.end), STYLES.date)];
      dates.set(p.id, d);
    }
    return d;
  };

  if (everyRow || headlinesFit) {
    for (const { id, data: d } of indicators) {
      const ind = ctx.indicator(id);
      const result = ctx.result(ind?.result);
      const fmt = ctx.valueFormat(id);
      const fixed: CellSpec[] = [
        input.program.id,
        ind?.result,
        levelLabel(input.locale, result?.level),
        id,
        ind?.name,
        ind ? (ind.unitLabel ?? m.units[ind.unit] ?? ind.unit) : null,
      ];
      for (const s of everyRow ? allSeries(d) : d.headline ? [d.headline] : []) {
        const dims = keys.map((k) => s.dims[k] ?? null);
        for (const [i, p] of s.periods.entries()) {
          const [start, end] = datesOf(p);
          const line = s.lines[i] ?? 0; // 0: computed, no line
          const reason = s.missingReasons[i];
          w.add([
            ...fixed,
            ...dims,
            p.id,
            start,
            end,
            num(s.values[i], fmt),
            reason && textIn(reason, input.locale),
            s.sources[i],
            s.file,
            line > 0 ? num(line, FORMATS.line) : null,
          ]);
        }
      }
    }
  }

  autoFilter(sheet, headerRow, w.row, header.length);
  w.finish();
  return sheet;
}
