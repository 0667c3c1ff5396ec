// Sheet 1, Summary: the programme, the as-of period, how many rows have each status, then
// one row per indicator headline (every breakdown of an indicator without a headline):
// level, result, indicator, name, baseline, latest, target, progress ratio, status.
import type ExcelJS from 'exceljs';
import { statuses, type AssessmentResult, type Status } from '../../assess/assessment.js';
import { levelLabel } from '../../messages/report.js';
import { resultsByIndicator, type PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, styled, type CellSpec } from './sheet-writer.js';
import { FORMATS, STYLES, statusStyle } from './styles.js';

/** The rows of the summary: each indicator's headline, or all its breakdowns when it has none. */
export function summaryRows(results: readonly AssessmentResult[]): AssessmentResult[] {
  const out: AssessmentResult[] = [];
  for (const list of resultsByIndicator(results).values()) {
    const headline = list.find((r) => Object.keys(r.disaggregation).length === 0);
    out.push(...(headline ? [headline] : list));
  }
  return out;
}

// Rows of the block above the table; the table header comes after it.
const TABLE_HEADER_ROW = 9;

export function addSummarySheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const sheet = createSheet(workbook, name, { frozenRows: TABLE_HEADER_ROW, printTitles: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}` });
  const w = new SheetWriter(sheet);
  const rows = summaryRows(input.doc.results);

  // 1. The programme
  w.title(input.program.name, STYLES.title);
  w.add([styled(m.summary.programmeId, STYLES.label), input.program.id]);
  w.add([styled(m.summary.asOf, STYLES.label), input.doc.as_of]);
  w.add([styled(m.summary.method, STYLES.label), input.doc.method]);
  w.skip();

  // 2. Rows by status: the status word in its colour, its count below.
  const counts = new Map<Status, number>(statuses.map((s) => [s, 0]));
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  w.add([styled(m.summary.statusCounts, STYLES.label), ...statuses.map((s) => styled(m.statuses[s], statusStyle(s)))]);
  w.add([styled(c.count, STYLES.label), ...statuses.map((s) => num(counts.get(s) ?? 0, FORMATS.count))]);
  w.skip(TABLE_HEADER_ROW - 1 - w.row);

  // 3. One row per headline
  const header = [c.level, c.result, c.indicator, c.name, c.breakdown, c.baseline, c.baselinePeriod, c.latest, c.latestPeriod,
    c.target, c.targetPeriod, c.progressRatio, c.status];
  w.header(header);
  for (const r of rows) {
    const fmt = ctx.valueFormat(r.indicator);
    const cells: CellSpec[] = [
      levelLabel(input.locale, r.level ?? ctx.result(r.result)?.level),
      r.result,
      r.indicator,
      r.name,
      ctx.breakdown(r.disaggregation),
      num(r.baseline?.value, fmt),
      r.baseline?.period,
      num(r.latest?.value, fmt),
      r.latest?.period,
      num(r.target?.value, fmt),
      r.target?.period,
      num(r.progress_ratio, FORMATS.ratio),
      styled(m.statuses[r.status] ?? r.status, statusStyle(r.status)),
    ];
    w.add(cells);
  }
  autoFilter(sheet, TABLE_HEADER_ROW, w.row, header.length);
  w.fitColumns();
  return sheet;
}
