// Sheet 2, the tracking table in the layout donors know from TolaData's IPTT: one row per
// indicator x breakdown; per period that has a target or an actual (in time order) the
// target, the actual and % met. An actual more than 10 % away from its target is flagged
// with a fill AND a "!" (the donor variance convention of methods.md), listed in a text
// column, and the last column is left empty for the officer's explanation.
//
// With more than TRACKING_MAX_PERIODS periods (monthly data over years: 60 periods, 180
// columns) only the periods with a target get columns, after a "Latest" group (the latest
// actual, its period, the target pursued, its period, % met), as TolaData's life-of-programme
// columns sit before the periods; every value stays in the Data sheet or data.csv.
import type ExcelJS from 'exceljs';
import { percentMet } from '../../assess/percent-met.js';
import { levelLabel } from '../../messages/report.js';
import type { PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, styled, type CellSpec } from './sheet-writer.js';
import { TABLE_MAX_ROWS, TRACKING_MAX_PERIODS } from './size-rules.js';
import { FORMATS, STYLES, flaggedStyle, numberStyle } from './styles.js';

export { percentMet };

/** Share of its target an actual may miss or exceed before it needs an explanation (donors' 10 %). */
export const VARIANCE_SHARE = 0.1;

/** |actual / target - 1| > 0.10, decided without binary noise: 110 against 100 is exactly 10 %. */
export function beyondTenPercent(actual: number, target: number): boolean {
  if (target === 0) return actual !== 0;
  const gap = Math.abs(actual - target) - VARIANCE_SHARE * Math.abs(target);
  return gap > 1e-9 * Math.abs(target);
}

const FIXED_COLUMNS = 9;
const PER_PERIOD = 3;
const LATEST_COLUMNS = 5;
const FROZEN_COLUMNS = 2;

export interface TrackingLayout {
  /** The periods with columns, in time order. */
  periods: string[];
  /** Every period with a target or an actual in some row. */
  allPeriods: number;
  /** Whether only periods with a target have columns, after the "Latest" group. */
  targetPeriodsOnly: boolean;
}

/**
 * The period columns of the tracking table: every period with a target or an actual (as of
 * the reporting period) in any row; beyond TRACKING_MAX_PERIODS, the periods with a target
 * only, and of those at most TRACKING_MAX_PERIODS: the latest due ones and the next ones.
 */
export function trackingLayout(ctx: PackContext): TrackingLayout {
  const asOfEnd = ctx.asOf?.endYear ?? Infinity;
  const targetIds = new Set<string>();
  const all = new Set<string>();
  for (const r of ctx.input.doc.results) {
    for (const t of r.targets) {
      targetIds.add(t.period);
      all.add(t.period);
    }
    const s = ctx.series(r.indicator, r.disaggregation);
    if (!s) continue;
    for (let i = 0; i < s.values.length; i++) {
      if (!Number.isNaN(s.values[i]) && s.periods[i].endYear <= asOfEnd + 1e-9) all.add(s.periods[i].id);
    }
  }
  if (all.size <= TRACKING_MAX_PERIODS)
    return { periods: [...all].sort(ctx.comparePeriodIds), allPeriods: all.size, targetPeriodsOnly: false };

  const withTarget = [...targetIds].sort(ctx.comparePeriodIds);
  let periods = withTarget;
  if (withTarget.length > TRACKING_MAX_PERIODS) {
    const isDue = (id: string) => (ctx.period(id)?.endYear ?? Infinity) <= asOfEnd + 1e-9;
    const due = withTarget.filter(isDue);
    const upcoming = withTarget.filter((id) => !isDue(id));
    const keepUpcoming = Math.min(
      upcoming.length,
      Math.max(TRACKING_MAX_PERIODS - due.length, Math.floor(TRACKING_MAX_PERIODS / 4)),
    );
    const keepDue = Math.min(due.length, TRACKING_MAX_PERIODS - keepUpcoming);
    periods = [...due.slice(due.length - keepDue), ...upcoming.slice(0, keepUpcoming)];
  }
  return { periods, allPeriods: all.size, targetPeriodsOnly: true };
}

export function addTrackingSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const t = m.tracking;
  const sheet = createSheet(
    workbook,
    name,
    { frozenRows: 2, frozenColumns: FROZEN_COLUMNS, print: { orientation: 'landscape', titleColumns: 'A:C' } },
    ctx.page,
  );
  const w = new SheetWriter(sheet);
  const asOfEnd = ctx.asOf?.endYear ?? Infinity;

  const layout = trackingLayout(ctx);
  const { periods } = layout;
  const latestColumn = layout.targetPeriodsOnly ? FIXED_COLUMNS : -1;
  const firstPeriodColumn = FIXED_COLUMNS + (layout.targetPeriodsOnly ? LATEST_COLUMNS : 0);
  const columnOf = new Map(periods.map((p, i) => [p, firstPeriodColumn + i * PER_PERIOD]));
  const flaggedColumn = firstPeriodColumn + periods.length * PER_PERIOD;
  const width = flaggedColumn + 2;

  // 1. Two header rows: the period over its three columns, then Target / Actual / % met.
  const top: CellSpec[] = new Array(width).fill(null);
  top[0] = layout.targetPeriodsOnly
    ? t.note + t.targetPeriodsOnly(periods.length, layout.allPeriods, ctx.everyValueAt)
    : t.note;
  if (latestColumn >= 0) top[latestColumn] = t.latest;
  for (const [p, col] of columnOf) top[col] = p;
  w.header(top);
  sheet.mergeCells(1, 1, 1, FIXED_COLUMNS);
  sheet.getCell(1, 1).style = {
    ...STYLES.header,
    font: { italic: true },
    alignment: { wrapText: true, vertical: 'top' },
  };
  const groupStyle = { ...STYLES.header, alignment: { horizontal: 'center' } } as const;
  if (latestColumn >= 0) {
    sheet.mergeCells(1, latestColumn + 1, 1, latestColumn + LATEST_COLUMNS);
    sheet.getCell(1, latestColumn + 1).style = groupStyle;
  }
  for (const col of columnOf.values()) {
    sheet.mergeCells(1, col + 1, 1, col + PER_PERIOD);
    sheet.getCell(1, col + 1).style = groupStyle;
  }
  sheet.getRow(1).height = layout.targetPeriodsOnly ? 90 : 45;
  const second: CellSpec[] = [
    c.indicator,
    c.breakdown,
    c.name,
    c.level,
    c.result,
    c.unit,
    c.direction,
    c.baseline,
    c.baselinePeriod,
  ];
  if (latestColumn >= 0) second.push(t.actual, c.period, t.target, c.targetPeriod, t.percentMet);
  for (let i = 0; i < periods.length; i++) second.push(t.target, t.actual, t.percentMet);
  second.push(t.flaggedPeriods, t.explanation);
  w.header(second);

  // 2. One row per indicator x breakdown (at most TABLE_MAX_ROWS)
  const results = input.doc.results;
  const shown = Math.min(results.length, TABLE_MAX_ROWS);
  for (let n = 0; n < shown; n++) {
    const r = results[n];
    const fmt = ctx.valueFormat(r.indicator);
    const ind = ctx.indicator(r.indicator);
    // This row's targets, and its actuals in the periods that have a column or a target.
    const targets = new Map<string, number | null>();
    for (const target of r.targets) targets.set(target.period, target.value);
    const actuals = new Map<string, number>();
    const s = ctx.series(r.indicator, r.disaggregation);
    if (s) {
      // The table reports as of the reporting period: later values are not yet "actuals".
      for (let i = 0; i < s.values.length; i++) {
        const id = s.periods[i].id;
        const v = s.values[i];
        if ((columnOf.has(id) || targets.has(id)) && !Number.isNaN(v) && s.periods[i].endYear <= asOfEnd + 1e-9)
          actuals.set(id, v);
      }
    }

    // A flow's target is for its window: its actual is the window's sum, not one period's value.
    for (const target of r.targets)
      if (typeof target.window_actual === 'number' && target.outcome !== 'not_due')
        actuals.set(target.period, target.window_actual);

    const cells: CellSpec[] = new Array(width).fill(null);
    cells[0] = r.indicator;
    cells[1] = ctx.breakdown(r.disaggregation);
    cells[2] = r.name;
    cells[3] = levelLabel(input.locale, r.level ?? ctx.result(r.result)?.level);
    cells[4] = r.result;
    cells[5] = ind?.unitLabel ?? m.units[r.unit] ?? r.unit;
    cells[6] = m.directions[r.direction] ?? r.direction;
    cells[7] = num(r.baseline?.value, fmt);
    cells[8] = r.baseline?.period;
    if (latestColumn >= 0) {
      const latest = r.latest?.value;
      // A flow's latest is its running total: set against the cumulative target path then.
      const flow = ind?.accumulation === 'sum' && r.target_to_date !== null;
      const target = flow ? r.target_to_date : r.target?.value;
      cells[latestColumn] = num(latest, fmt);
      cells[latestColumn + 1] = r.latest?.period;
      cells[latestColumn + 2] = num(target, fmt);
      cells[latestColumn + 3] = flow ? r.latest?.period : r.target?.period;
      if (typeof latest === 'number' && typeof target === 'number') {
        const met = percentMet(latest, target, r.direction);
        if (met !== null) cells[latestColumn + 4] = styled(met, numberStyle(FORMATS.percent));
      }
    }
    for (const [p, col] of columnOf) {
      const target = targets.get(p);
      const actual = actuals.get(p);
      if (typeof target === 'number') cells[col] = num(target, fmt);
      if (actual === undefined) continue;
      if (typeof target !== 'number') {
        cells[col + 1] = num(actual, fmt);
        continue;
      }
      const met = percentMet(actual, target, r.direction);
      if (beyondTenPercent(actual, target)) {
        cells[col + 1] = styled(actual, flaggedStyle(fmt, met === null ? t.flagMarker : undefined));
        cells[col + 2] = met === null ? null : styled(met, flaggedStyle(FORMATS.percent, t.flagMarker));
      } else {
        cells[col + 1] = num(actual, fmt);
        cells[col + 2] = styled(met, numberStyle(FORMATS.percent));
      }
    }
    // Every target period of the row counts, also one without a column of its own.
    const flagged: string[] = [];
    for (const [p, target] of targets) {
      const actual = actuals.get(p);
      if (typeof target === 'number' && actual !== undefined && beyondTenPercent(actual, target)) flagged.push(p);
    }
    if (flagged.length > 1) flagged.sort(ctx.comparePeriodIds);
    cells[flaggedColumn] = flagged.length ? flagged.join(', ') : null;
    cells[flaggedColumn + 1] = styled(null, STYLES.wrap);
    w.add(cells);
  }
  const lastRow = w.row;
  if (results.length > shown) w.title(m.moreResults(results.length - shown), STYLES.note);

  autoFilter(sheet, 2, lastRow, width);
  w.finish({ minimum: { [flaggedColumn + 2]: 40, [flaggedColumn + 1]: 14 } });
  return sheet;
}
