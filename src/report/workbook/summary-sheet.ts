// Sheet 1, Summary: the programme, the as-of period, how many rows have each status, then
// one row per indicator headline (every breakdown of an indicator without a headline):
// level, result, indicator, name, trend image, baseline, latest, target (each with its
// period in a cell of its own), progress (a percentage), status.
// An indicator without a headline and with more than MAX_DETAILED_BREAKDOWNS breakdowns is
// one row: its breakdowns counted by status, in a text and in one column per status.
import type ExcelJS from 'exceljs';
import { statuses, type AssessmentResult, type Status } from '../../assess/assessment.js';
import { dimsKey } from '../../data/indicator-data.js';
import { levelLabel, methodLabel } from '../../messages/report.js';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH } from '../charts/sparkline.js';
import { resultsByIndicator, type PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, styled, type CellSpec } from './sheet-writer.js';
import { trackingRows } from './tracking-layout.js';
import { MAX_DETAILED_BREAKDOWNS, showsEveryBreakdown } from './size-rules.js';
import { FORMATS, STYLES, flaggedStyle, statusStyle, stripCountStyle, stripStyle } from './styles.js';
import { addPicture } from './workbook-images.js';

const isHeadline = (r: AssessmentResult) => Object.keys(r.disaggregation).length === 0;

/** The rows of the summary: each indicator's headline, or all its breakdowns when it has none. */
export function summaryRows(results: readonly AssessmentResult[]): AssessmentResult[] {
  const out: AssessmentResult[] = [];
  for (const list of resultsByIndicator(results).values()) {
    const headline = list.find(isHeadline);
    out.push(...(headline ? [headline] : list));
  }
  return out;
}

/** A row of the summary: one result, or an indicator's many breakdowns counted by status. */
export type SummaryRow =
  | { result: AssessmentResult }
  | {
      breakdowns: AssessmentResult[];
      /** The first of the breakdowns: the row names its indicator, name and result. */
      first: AssessmentResult;
      counts: Map<Status, number>;
    };

/**
 * The rows of the summary with the size rule: each indicator's headline; without one, each
 * breakdown, or one row counting them by status when there are more than MAX_DETAILED_BREAKDOWNS.
 */
export function summaryTable(results: readonly AssessmentResult[]): SummaryRow[] {
  const out: SummaryRow[] = [];
  for (const list of resultsByIndicator(results).values()) {
    const headline = list.find(isHeadline);
    const [first] = list;
    if (headline) out.push({ result: headline });
    else if (showsEveryBreakdown(list.length) || first === undefined) for (const r of list) out.push({ result: r });
    else {
      const counts = new Map<Status, number>();
      for (const r of list) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      out.push({ breakdowns: list, first, counts });
    }
  }
  return out;
}

/** Height (points) of a table row: room for its trend image (30 px = 22.5 pt) and a margin. */
const TREND_ROW_HEIGHT = 27;
/** Columns of the trend image (Excel width units: 120 px at 7 px a unit). */
const TREND_WIDTH = 18;
/** Above this many rows the Summary prints on several pages, not squeezed onto one. */
const ONE_PAGE_ROWS = 30;

/**
 * Sheet 1, a one-page dashboard: the programme and as-of, the rows counted by status on
 * a coloured strip, then one row per indicator headline with its status colour, latest
 * value, target, progress and a sparkline of its values.
 */
export function addSummarySheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  // In the order of the results framework, as the tracking table lists them.
  const rows = summaryTable(trackingRows(ctx).flatMap((row) => ('result' in row ? [row.result] : [])));
  const grouped = rows.some((r) => 'breakdowns' in r);
  // Life-of-programme columns when some row has them (flows and running totals).
  const lop = rows.some((r) => 'result' in r && (r.result.lop_target !== null || r.result.actual_to_date !== null));
  const header: CellSpec[] = [
    c.level,
    c.result,
    c.indicator,
    c.name,
    c.breakdown,
    m.summary.trend,
    c.baseline,
    c.baselinePeriod,
    c.latest,
    c.latestPeriod,
    c.target,
    c.targetPeriod,
    c.progressRatio,
    ...(lop ? [c.actualToDate, c.lopTarget, c.percentOfLop] : []),
    c.dataAge,
    c.status,
  ];
  if (grouped)
    header.push(
      m.summary.breakdowns,
      ...statuses.map((s) => styled(m.statuses[s], { ...STYLES.header, ...statusStyle(s) })),
    );
  const width = header.length;
  const tableHeaderRow = grouped ? 10 : 9;
  const sheet = createSheet(
    workbook,
    name,
    {
      frozenRows: tableHeaderRow,
      print: {
        orientation: 'landscape',
        titleRows: `${tableHeaderRow}:${tableHeaderRow}`,
        pagesTall: rows.length <= ONE_PAGE_ROWS ? 1 : 0,
      },
    },
    ctx.page,
  );
  const w = new SheetWriter(sheet, { maxWidths: { 4: 40, [header.indexOf(c.status) + 1]: 24 }, vertical: 'middle' });

  // 1. The programme
  w.title(input.program.name, STYLES.title, width);
  w.add([styled(m.summary.programmeId, STYLES.label), input.program.id]);
  w.add([styled(m.summary.asOf, STYLES.label), styled(input.doc.as_of, STYLES.label)]);
  w.add([styled(m.summary.method, STYLES.label), methodLabel(input.locale, input.doc.method)]);
  w.skip();

  // 2. Rows by status, as a coloured strip: each status's word over its count. The
  // breakdowns of an indicator summarised in one row count one by one.
  const counts = new Map<Status, number>(statuses.map((s) => [s, 0]));
  for (const row of rows) {
    if ('result' in row) counts.set(row.result.status, (counts.get(row.result.status) ?? 0) + 1);
    else for (const [s, n] of row.counts) counts.set(s, (counts.get(s) ?? 0) + n);
  }
  w.add([
    styled(grouped ? m.summary.statusCountsBreakdowns : m.summary.statusCounts, STYLES.label),
    ...statuses.map((s) => styled(m.statuses[s], stripStyle(s))),
  ]);
  const countRow = w.add([
    styled(c.count, STYLES.label),
    ...statuses.map((s) => styled(counts.get(s) ?? 0, stripCountStyle(s))),
  ]);
  w.rowHeight(countRow, 21);
  if (grouped) w.note(m.summary.breakdownsNote(MAX_DETAILED_BREAKDOWNS), width);
  w.skip(tableHeaderRow - 1 - w.row);

  // 3. One row per headline; an indicator with many breakdowns and no headline counted by status.
  w.header(header);
  const trendColumn = header.indexOf(m.summary.trend);
  const sparklines = new Map(input.sparklines.map((s) => [`${s.indicator}\u0000${dimsKey(s.disaggregation)}`, s.png]));
  for (const row of rows) {
    const r = 'result' in row ? row.result : row.first;
    const fmt = ctx.valueFormat(r.indicator);
    const identity: CellSpec[] = [
      levelLabel(input.locale, r.level ?? ctx.result(r.result)?.level),
      r.result,
      r.indicator,
      r.name,
    ];
    let n: number;
    if ('result' in row) {
      n = w.add([
        ...identity,
        ctx.breakdown(r.disaggregation),
        null,
        num(r.baseline?.value, fmt),
        period(r.baseline?.period),
        num(r.latest?.value, fmt),
        period(r.latest?.period),
        num(r.target?.value, fmt),
        period(r.target?.period),
        num(r.progress_ratio, FORMATS.percentWhole),
        ...(lop
          ? [num(r.actual_to_date, fmt), num(r.lop_target, fmt), num(r.percent_of_lop, FORMATS.percentWhole)]
          : []),
        dataAgeCell(r, m.staleMarker),
        styled(m.statuses[r.status] ?? r.status, statusStyle(r.status)),
      ]);
      const png = sparklines.get(`${r.indicator}\u0000${dimsKey(r.disaggregation)}`);
      if (png) addTrend(workbook, sheet, png, n, trendColumn);
    } else {
      const mix = statuses
        .filter((s) => row.counts.get(s))
        .map((s) => `${m.statuses[s]}: ${row.counts.get(s)}`)
        .join('; ');
      n = w.add([
        ...identity,
        m.summary.breakdownCount(row.breakdowns.length),
        ...new Array(8 + (lop ? 3 : 0) + 1).fill(null),
        mix,
        num(row.breakdowns.length, FORMATS.count),
        ...statuses.map((s) => num(row.counts.get(s) ?? 0, FORMATS.count)),
      ]);
    }
    w.rowHeight(n, TREND_ROW_HEIGHT);
  }
  autoFilter(sheet, tableHeaderRow, w.row, header.length);
  w.finish({ fixed: { [trendColumn + 1]: TREND_WIDTH } });
  return sheet;
}

const period = (p: string | undefined) => (p ? styled(p, STYLES.period) : null);

/** The data age in years, marked (fill and word, inside the number format) when the data are stale. */
export function dataAgeCell(r: AssessmentResult, staleMarker: string): CellSpec {
  if (r.data_age === null) return null;
  return r.stale ? styled(r.data_age, flaggedStyle(FORMATS.years, staleMarker)) : num(r.data_age, FORMATS.years);
}

/** Places a row's trend image in its cell, a little inside its edges. */
function addTrend(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, png: Buffer, row: number, col: number): void {
  const imageId = addPicture(workbook, png);
  sheet.addImage(imageId, {
    tl: { col: col + 0.02, row: row - 1 + 0.08 },
    ext: { width: SPARKLINE_WIDTH, height: SPARKLINE_HEIGHT },
    editAs: 'oneCell',
  });
}
