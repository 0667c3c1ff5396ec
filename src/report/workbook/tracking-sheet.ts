// Sheet 2, the tracking table (IPTT) in the layout of TolaData's and USAID's: a title
// block and a key of the marks; then one row per results-framework result (its level and
// statement, grey) followed by its indicators, each with its headline, group totals and
// breakdowns; per row the indicator, breakdown, unit, direction and baseline; the
// life-of-programme group (LOP target, target to date, actual to date, % of LOP, progress,
// status, data age); then one group per reporting period (`program.reporting`) with the
// target, the actual and % met; then the periods marked and a column for the officer's
// explanation. A missed target's actual is red with ✗, over-achievement blue with ▲,
// more than 10 % short orange with ▼, an incomplete window's actual grey with *: always a
// mark inside the number's format as well as the colour, so the cell stays a number.
//
// Headers are frozen and repeated on every printed page, with the identifying columns;
// a table wider than a page prints across pages at a fixed, readable scale.
import type ExcelJS from 'exceljs';
import type { AssessmentResult } from '../../assess/assessment.js';
import { levelLabel } from '../../messages/report.js';
import type { PackContext } from './pack-context.js';
import { setColumnBreaks } from './column-breaks.js';
import { columnPixels, printablePixels } from './page-setup.js';
import { SheetWriter, autoFilter, createSheet, num, styled, type CellSpec, type SpanCell } from './sheet-writer.js';
import { TABLE_MAX_ROWS } from './size-rules.js';
import { FORMATS, STYLES, flaggedStyle, incompleteStyle, statusStyle, varianceStyle } from './styles.js';
import { dataAgeCell } from './summary-sheet.js';
import {
  flaggedPeriods,
  lopFigures,
  periodFigures,
  trackingLayout,
  trackingRows,
  type PeriodFigures,
} from './tracking-layout.js';

export { beyondTenPercent, trackingLayout, VARIANCE_SHARE } from './tracking-layout.js';
export { percentMet } from '../../assess/percent-met.js';

/** Columns identifying a row, kept in view and repeated on every printed page. */
const ID_COLUMNS = 3;
/** The fixed block: No., indicator, breakdown, unit, direction, baseline, its period. */
const FIXED_COLUMNS = 7;
/** The life-of-programme group: LOP target, target to date, actual to date, % of LOP, progress, status, data age. */
const LOP_COLUMNS = 7;
const PER_PERIOD = 3;
/** Rows above the column headers: title, programme, period line, key, blank, period groups. */
const GROUP_ROW = 6;
const HEADER_ROW = GROUP_ROW + 1;
const NAME_WIDTH = 32;
const UNIT_WIDTH = 16;
/** The smallest print scale the table is given: below it, text is too small to read. */
const MIN_SCALE = 55;

export function addTrackingSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const t = m.tracking;
  const layout = trackingLayout(ctx);
  const { windows } = layout;
  const firstPeriodColumn = FIXED_COLUMNS + LOP_COLUMNS + 1;
  const flaggedColumn = firstPeriodColumn + windows.length * PER_PERIOD;
  const width = flaggedColumn + 1;
  const sheet = createSheet(
    workbook,
    name,
    {
      frozenRows: HEADER_ROW,
      frozenColumns: ID_COLUMNS,
      print: { orientation: 'landscape', titleRows: `${GROUP_ROW}:${HEADER_ROW}`, titleColumns: 'A:C' },
    },
    ctx.page,
  );
  const w = new SheetWriter(sheet, { maxWidths: { 2: NAME_WIDTH, 4: UNIT_WIDTH, [width]: 40 } });

  // 1. Title block and the key of the marks
  const program = input.program;
  w.title(t.title, STYLES.title);
  w.title(program.name, STYLES.subtitle);
  w.title(
    t.periodLine(program.period.start.id, program.period.end.id, input.doc.as_of, t.reportingNames[program.reporting]),
    STYLES.note,
  );
  w.spans([
    styled(t.legend.title, STYLES.label),
    [styled(t.legend.missed, varianceStyle('missed')), 2],
    [styled(t.legend.under, varianceStyle('under')), 2],
    [styled(t.legend.over, varianceStyle('over')), 2],
    [styled(t.legend.incomplete, { ...STYLES.wrap, font: incompleteStyle('0', '*').font }), 2],
    [styled(t.legend.stale, { ...flaggedStyle('@', undefined, 'under'), alignment: STYLES.wrap.alignment }), 2],
  ]);
  w.skip(GROUP_ROW - 1 - w.row);

  // 2. Two header rows: the groups (life of programme, each period), then the columns
  const groups: SpanCell[] = [
    [
      layout.targetWindowsOnly ? t.targetPeriodsOnly(windows.length, layout.allWindows, ctx.everyValueAt) : null,
      FIXED_COLUMNS,
    ],
    [t.lifeOfProgramme, LOP_COLUMNS],
    ...windows.map((win): SpanCell => [win.future ? `${win.label}\n(${t.notYetDue})` : win.label, PER_PERIOD]),
    [null, 2],
  ];
  w.spans(groups, STYLES.groupHeader);
  const headers: CellSpec[] = [
    t.number,
    c.indicator,
    c.breakdown,
    c.unit,
    c.direction,
    c.baseline,
    c.baselinePeriod,
    c.lopTarget,
    c.targetToDate,
    c.actualToDate,
    c.percentOfLop,
    c.progress,
    c.status,
    c.dataAge,
  ];
  for (let i = 0; i < windows.length; i++) headers.push(t.target, t.actual, t.percentMet);
  headers.push(t.flaggedPeriods, t.explanation);
  w.header(headers);

  // 3. The rows, in the order of the results framework
  let shown = 0;
  let skipped = 0;
  for (const row of trackingRows(ctx)) {
    if ('group' in row) {
      const r = row.group;
      const text = r
        ? `${levelLabel(input.locale, r.level)}${r.level ? ' · ' : ''}${r.id}: ${r.statement}`
        : t.noResult;
      w.spans(
        [[styled(text, STYLES.resultRow), FIXED_COLUMNS], ...new Array(width - FIXED_COLUMNS).fill(null)],
        STYLES.resultRow,
      );
      continue;
    }
    if (shown >= TABLE_MAX_ROWS) {
      skipped++;
      continue;
    }
    shown++;
    w.add(resultCells(row.result, row.first, layout.windows, ctx, width));
  }
  const lastRow = w.row;
  if (skipped) w.note(m.moreResults(skipped), FIXED_COLUMNS);

  // 4. How to read it
  w.skip();
  for (const note of t.notes) w.note(note, FIXED_COLUMNS + LOP_COLUMNS);

  autoFilter(sheet, HEADER_ROW, lastRow, width);
  w.finish({ minimum: { [width]: 40 } });
  const groupEnds = windows.map((_, i) => firstPeriodColumn - 1 + (i + 1) * PER_PERIOD);
  const pages = printPages(w, FIXED_COLUMNS + LOP_COLUMNS, [...groupEnds, width]);
  sheet.pageSetup.fitToPage = false;
  sheet.pageSetup.scale = pages.scale;
  setColumnBreaks(sheet, pages.breaks);
  return sheet;
}

/**
 * How the table prints across pages: the scale at which the identifying and
 * life-of-programme columns fill the first landscape page, and a page break after it and
 * wherever the next column group would not fit beside the repeated identifying columns.
 * `groupEnds`: the last column of each group after the first block.
 */
export function printPages(
  w: SheetWriter,
  firstBlock: number,
  groupEnds: number[],
): { scale: number; breaks: number[] } {
  const px = (from: number, to: number) => {
    let sum = 0;
    for (let col = from; col <= to; col++) sum += columnPixels(w.columnWidth(col));
    return sum;
  };
  // A little room for the reader's own rendering of the font.
  const printable = printablePixels('landscape') * 0.96;
  const scale = Math.max(MIN_SCALE, Math.min(100, Math.floor((100 * printable) / px(1, firstBlock))));
  const page = (printable * 100) / scale;
  const titles = px(1, ID_COLUMNS);
  const breaks = [firstBlock];
  let used = titles;
  let start = firstBlock + 1;
  for (const end of groupEnds) {
    const width = px(start, end);
    if (used + width > page && used > titles) {
      breaks.push(start - 1);
      used = titles;
    }
    used += width;
    start = end + 1;
  }
  return { scale, breaks: breaks.filter((b) => b < (groupEnds.at(-1) ?? 0)) };
}

/** One result's row. */
function resultCells(
  r: AssessmentResult,
  first: boolean,
  windows: ReturnType<typeof trackingLayout>['windows'],
  ctx: PackContext,
  width: number,
): CellSpec[] {
  const { m } = ctx;
  const t = m.tracking;
  const ind = ctx.indicator(r.indicator);
  const fmt = ctx.valueFormat(r.indicator);
  const accumulation = ind?.accumulation ?? 'level';
  const lop = lopFigures(r, accumulation);
  const headline = Object.keys(r.disaggregation).length === 0;
  const cells: CellSpec[] = new Array(width).fill(null);
  cells[0] = r.indicator;
  cells[1] = first ? r.name : null;
  cells[2] = headline ? ctx.breakdown(r.disaggregation) : styled(ctx.breakdown(r.disaggregation), STYLES.breakdown);
  cells[3] = ind?.unitLabel ?? m.units[r.unit] ?? r.unit;
  cells[4] = m.directions[r.direction] ?? r.direction;
  cells[5] = num(r.baseline?.value, fmt);
  cells[6] = r.baseline ? styled(r.baseline.period, STYLES.period) : null;
  cells[7] = num(lop.lopTarget, fmt);
  cells[8] = num(lop.targetToDate, fmt);
  cells[9] = num(lop.actualToDate, fmt);
  cells[10] = num(lop.percentOfLop, FORMATS.percentWhole);
  cells[11] = num(r.progress_ratio, FORMATS.percentWhole);
  cells[12] = styled(m.statuses[r.status] ?? r.status, statusStyle(r.status));
  cells[13] = dataAgeCell(r, m.staleMarker);
  const figures = periodFigures(r, windows, accumulation, ctx);
  figures.forEach((f, i) => {
    const col = FIXED_COLUMNS + LOP_COLUMNS + i * PER_PERIOD;
    cells[col] = num(f.target, fmt);
    cells[col + 1] = actualCell(f, fmt, t.markers);
    cells[col + 2] = percentCell(f, t.markers);
  });
  const flagged = flaggedPeriods(r, ctx);
  cells[width - 2] = flagged.length ? flagged.join(', ') : null;
  cells[width - 1] = styled(null, STYLES.wrap);
  return cells;
}

type Markers = PackContext['m']['tracking']['markers'];

/** The actual: its variance's fill; an incomplete window's grey and marked. */
function actualCell(f: PeriodFigures, fmt: string, markers: Markers): CellSpec {
  if (f.actual === null) return null;
  if (f.incomplete) return styled(f.actual, incompleteStyle(fmt, markers.incomplete, f.variance));
  // Without a % met (a zero actual against a decrease), the actual carries the mark.
  if (f.variance)
    return styled(f.actual, flaggedStyle(fmt, f.percentMet === null ? markers[f.variance] : undefined, f.variance));
  return num(f.actual, fmt);
}

/** % met: a whole percentage, with the variance's mark and fill. */
function percentCell(f: PeriodFigures, markers: Markers): CellSpec {
  if (f.percentMet === null) return null;
  if (f.variance) return styled(f.percentMet, flaggedStyle(FORMATS.percentWhole, markers[f.variance], f.variance));
  return num(f.percentMet, FORMATS.percentWhole);
}
