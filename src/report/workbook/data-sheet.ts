// Sheet: every value as one flat row (indicator x breakdown x period) with every id, for
// pivot tables: each disaggregation in its own column, the period with real start and end
// dates, the value as a number (empty when missing) with its reason, source, file, line.
import type ExcelJS from 'exceljs';
import { allSeries } from '../../data/indicator-data.js';
import { levelLabel } from '../../messages/report.js';
import type { Period } from '../../periods/period.js';
import type { PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, styled, type CellSpec } from './sheet-writer.js';
import { FORMATS, STYLES } from './styles.js';

/** An ISO date (YYYY-MM-DD) as a Date at midnight UTC: Excel stores it as that day. */
export function isoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

export function addDataSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const sheet = createSheet(workbook, name, { frozenRows: 1 });
  const w = new SheetWriter(sheet);

  // Every disaggregation key, in the order the indicators first use them.
  const keys: string[] = [];
  const known = new Set<string>();
  const indicatorIds = [...input.program.indicators.map((i) => i.id), ...input.data.keys()];
  const seenIndicators = new Set<string>();
  const ordered: string[] = [];
  for (const id of indicatorIds) {
    if (seenIndicators.has(id) || !input.data.has(id)) continue;
    seenIndicators.add(id);
    ordered.push(id);
    for (const s of allSeries(input.data.get(id)!)) {
      for (const k of Object.keys(s.dims)) {
        if (!known.has(k)) {
          known.add(k);
          keys.push(k);
        }
      }
    }
  }

  const header = [c.programId, c.result, c.level, c.indicator, c.indicatorName, c.unit, ...keys,
    c.period, c.periodStart, c.periodEnd, c.value, c.missingReason, c.source, c.file, c.line];
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

  for (const id of ordered) {
    const ind = ctx.indicator(id);
    const result = ctx.result(ind?.result);
    const fmt = ctx.valueFormat(id);
    const fixed: CellSpec[] = [
      input.program.id, ind?.result, levelLabel(input.locale, result?.level), id, ind?.name,
      ind ? ind.unitLabel ?? m.units[ind.unit] ?? ind.unit : null,
    ];
    for (const s of allSeries(input.data.get(id)!)) {
      const dims = keys.map((k) => s.dims[k] ?? null);
      for (let i = 0; i < s.periods.length; i++) {
        const p = s.periods[i];
        const [start, end] = datesOf(p);
        const line = s.lines[i];
        w.add([...fixed, ...dims, p.id, start, end, num(s.values[i], fmt), s.missingReasons[i], s.sources[i], s.file,
          line > 0 ? num(line, FORMATS.line) : null]);
      }
    }
  }

  autoFilter(sheet, 1, w.row, header.length);
  w.fitColumns();
  return sheet;
}
