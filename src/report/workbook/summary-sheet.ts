// Sheet 1, Summary: the programme, the as-of period, how many rows have each status, then
// one row per indicator headline (every breakdown of an indicator without a headline):
// level, result, indicator, name, baseline, latest, target, progress ratio, status.
// An indicator without a headline and with more than MAX_DETAILED_BREAKDOWNS breakdowns is
// one row: its breakdowns counted by status, in a text and in one column per status.
import type ExcelJS from 'exceljs';
import { statuses, type AssessmentResult, type Status } from '../../assess/assessment.js';
import { levelLabel } from '../../messages/report.js';
import { resultsByIndicator, type PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, styled, type CellSpec } from './sheet-writer.js';
import { MAX_DETAILED_BREAKDOWNS, showsEveryBreakdown } from './size-rules.js';
import { FORMATS, STYLES, flaggedStyle, statusStyle } from './styles.js';

/** The data age, marked (fill and word) when the data are stale. */
export function dataAgeCell(r: AssessmentResult, staleMarker: string): CellSpec {
  if (r.data_age === null) return null;
  return r.stale ? styled(r.data_age, flaggedStyle(FORMATS.years, staleMarker)) : num(r.data_age, FORMATS.years);
}

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
export type SummaryRow = { result: AssessmentResult } | { breakdowns: AssessmentResult[]; counts: Map<Status, number> };

/**
 * The rows of the summary with the size rule: each indicator's headline; without one, each
 * breakdown, or one row counting them by status when there are more than MAX_DETAILED_BREAKDOWNS.
 */
export function summaryTable(results: readonly AssessmentResult[]): SummaryRow[] {
  const out: SummaryRow[] = [];
  for (const list of resultsByIndicator(results).values()) {
    const headline = list.find(isHeadline);
    if (headline) out.push({ result: headline });
    else if (showsEveryBreakdown(list.length)) for (const r of list) out.push({ result: r });
    else {
      const counts = new Map<Status, number>();
      for (const r of list) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      out.push({ breakdowns: list, counts });
    }
  }
  return out;
}

// Rows of the block above the table; the table header comes after it.
const TABLE_HEADER_ROW = 9;

export function addSummarySheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const sheet = createSheet(workbook, name, {
    frozenRows: TABLE_HEADER_ROW,
    printTitles: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`,
  });
  const w = new SheetWriter(sheet);
  const rows = summaryTable(input.doc.results);
  const grouped = rows.some((r) => 'breakdowns' in r);

  // 1. The programme
  w.title(input.program.name, STYLES.title);
  w.add([styled(m.summary.programmeId, STYLES.label), input.program.id]);
  w.add([styled(m.summary.asOf, STYLES.label), input.doc.as_of]);
  w.add([styled(m.summary.method, STYLES.label), input.doc.method]);
  w.skip();

  // 2. Rows by status: the status word in its colour, its count below. The breakdowns of
  // an indicator summarised in one row count one by one.
  const counts = new Map<Status, number>(statuses.map((s) => [s, 0]));
  for (const row of rows) {
    if ('result' in row) counts.set(row.result.status, (counts.get(row.result.status) ?? 0) + 1);
    else for (const [s, n] of row.counts) counts.set(s, (counts.get(s) ?? 0) + n);
  }
  w.add([
    styled(grouped ? m.summary.statusCountsBreakdowns : m.summary.statusCounts, STYLES.label),
    ...statuses.map((s) => styled(m.statuses[s], statusStyle(s))),
  ]);
  w.add([styled(c.count, STYLES.label), ...statuses.map((s) => num(counts.get(s) ?? 0, FORMATS.count))]);
  if (grouped) w.title(m.summary.breakdownsNote(MAX_DETAILED_BREAKDOWNS), STYLES.note);
  w.skip(TABLE_HEADER_ROW - 1 - w.row);

  // 3. One row per headline; with grouped indicators, a breakdown count and one count per status.
  const header: CellSpec[] = [
    c.level,
    c.result,
    c.indicator,
    c.name,
    c.breakdown,
    c.baseline,
    c.baselinePeriod,
    c.latest,
    c.latestPeriod,
    c.target,
    c.targetPeriod,
    c.progressRatio,
    c.dataAge,
    c.status,
  ];
  if (grouped)
    header.push(
      m.summary.breakdowns,
      ...statuses.map((s) => styled(m.statuses[s], { ...STYLES.header, ...statusStyle(s) })),
    );
  w.header(header);
  for (const row of rows) {
    if ('result' in row) {
      const r = row.result;
      const fmt = ctx.valueFormat(r.indicator);
      w.add([
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
        dataAgeCell(r, m.staleMarker),
        styled(m.statuses[r.status] ?? r.status, statusStyle(r.status)),
      ]);
    } else {
      const r = row.breakdowns[0];
      const mix = statuses
        .filter((s) => row.counts.get(s))
        .map((s) => `${m.statuses[s]}: ${row.counts.get(s)}`)
        .join('; ');
      w.add([
        levelLabel(input.locale, r.level ?? ctx.result(r.result)?.level),
        r.result,
        r.indicator,
        r.name,
        m.summary.breakdownCount(row.breakdowns.length),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        mix,
        num(row.breakdowns.length, FORMATS.count),
        ...statuses.map((s) => num(row.counts.get(s) ?? 0, FORMATS.count)),
      ]);
    }
  }
  autoFilter(sheet, TABLE_HEADER_ROW, w.row, header.length);
  w.fitColumns();
  return sheet;
}
