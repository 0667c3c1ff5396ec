// Sheet 2, the tracking table in the layout donors know from TolaData's IPTT: one row per
// indicator x breakdown; per period that has a target or an actual (in time order) the
// target, the actual and % met. An actual more than 10 % away from its target is flagged
// with a fill AND a "!" (the donor variance convention of methods.md), listed in a text
// column, and the last column is left empty for the officer's explanation.
import type ExcelJS from 'exceljs';
import type { AssessmentResult } from '../../assess/assessment.js';
import { levelLabel } from '../../messages/report.js';
import type { PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, styled, type CellSpec } from './sheet-writer.js';
import { FORMATS, STYLES, flaggedStyle, numberStyle } from './styles.js';

/** Share of a target met: actual / target, or target / actual when a decrease is desired (TolaData). */
export function percentMet(actual: number, target: number, direction: 'increase' | 'decrease'): number | null {
  const ratio = direction === 'decrease' ? target / actual : actual / target;
  return Number.isFinite(ratio) ? ratio : null;
}

/** |actual / target - 1| > 0.10, decided without binary noise: 110 against 100 is exactly 10 %. */
export function beyondTenPercent(actual: number, target: number): boolean {
  if (target === 0) return actual !== 0;
  const gap = Math.abs(actual - target) - 0.1 * Math.abs(target);
  return gap > 1e-9 * Math.abs(target);
}

const FIXED_COLUMNS = 9;
const PER_PERIOD = 3;
const FROZEN_COLUMNS = 2;

interface TrackedRow {
  result: AssessmentResult;
  targets: Map<string, number | null>;
  actuals: Map<string, number>;
}

function trackedRows(ctx: PackContext): TrackedRow[] {
  const asOfEnd = ctx.asOf?.endYear ?? Infinity;
  return ctx.input.doc.results.map((result) => {
    const targets = new Map<string, number | null>();
    for (const t of result.targets) targets.set(t.period, t.value);
    const actuals = new Map<string, number>();
    const s = ctx.series(result.indicator, result.disaggregation);
    if (s) {
      // The table reports as of the reporting period: later values are not yet "actuals".
      for (let i = 0; i < s.values.length; i++) {
        const v = s.values[i];
        if (!Number.isNaN(v) && s.periods[i].endYear <= asOfEnd + 1e-9) actuals.set(s.periods[i].id, v);
      }
    }
    return { result, targets, actuals };
  });
}

export function addTrackingSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const t = m.tracking;
  const sheet = createSheet(workbook, name, { frozenRows: 2, frozenColumns: FROZEN_COLUMNS });
  const w = new SheetWriter(sheet);
  const rows = trackedRows(ctx);

  // Every period with a target or an actual in any row, in time order.
  const periodIds = new Set<string>();
  for (const r of rows) {
    for (const p of r.targets.keys()) periodIds.add(p);
    for (const p of r.actuals.keys()) periodIds.add(p);
  }
  const periods = [...periodIds].sort(ctx.comparePeriodIds);
  const columnOf = new Map(periods.map((p, i) => [p, FIXED_COLUMNS + i * PER_PERIOD]));
  const flaggedColumn = FIXED_COLUMNS + periods.length * PER_PERIOD;
  const width = flaggedColumn + 2;

  // 1. Two header rows: the period over its three columns, then Target / Actual / % met.
  const top: CellSpec[] = new Array(width).fill(null);
  top[0] = t.note;
  for (const [p, col] of columnOf) top[col] = p;
  w.header(top);
  sheet.mergeCells(1, 1, 1, FIXED_COLUMNS);
  sheet.getCell(1, 1).style = { ...STYLES.header, font: { italic: true }, alignment: { wrapText: true, vertical: 'top' } };
  for (const col of columnOf.values()) {
    sheet.mergeCells(1, col + 1, 1, col + PER_PERIOD);
    sheet.getCell(1, col + 1).style = { ...STYLES.header, alignment: { horizontal: 'center' } };
  }
  sheet.getRow(1).height = 45;
  const second: CellSpec[] = [c.indicator, c.breakdown, c.name, c.level, c.result, c.unit, c.direction, c.baseline, c.baselinePeriod];
  for (let i = 0; i < periods.length; i++) second.push(t.target, t.actual, t.percentMet);
  second.push(t.flaggedPeriods, t.explanation);
  w.header(second);

  // 2. One row per indicator x breakdown
  for (const { result: r, targets, actuals } of rows) {
    const fmt = ctx.valueFormat(r.indicator);
    const ind = ctx.indicator(r.indicator);
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
    const flagged: string[] = [];
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
        flagged.push(p);
        cells[col + 1] = styled(actual, flaggedStyle(fmt, met === null ? t.flagMarker : undefined));
        cells[col + 2] = met === null ? null : styled(met, flaggedStyle(FORMATS.percent, t.flagMarker));
      } else {
        cells[col + 1] = num(actual, fmt);
        cells[col + 2] = styled(met, numberStyle(FORMATS.percent));
      }
    }
    cells[flaggedColumn] = flagged.length ? flagged.join(', ') : null;
    cells[flaggedColumn + 1] = styled(null, STYLES.wrap);
    w.add(cells);
  }

  autoFilter(sheet, 2, w.row, width);
  w.fitColumns({ [flaggedColumn + 2]: 40, [flaggedColumn + 1]: 14 });
  return sheet;
}
