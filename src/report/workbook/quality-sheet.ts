// Sheet: the data-quality review, one section per check, each with its own header row:
// warnings at their file, line and column; outliers; swings beyond 33 %; missing periods;
// two sources of one indicator side by side.
import type ExcelJS from 'exceljs';
import type { PackContext } from './pack-context.js';
import { SheetWriter, createSheet, num, type CellSpec } from './sheet-writer.js';
import { FORMATS, STYLES } from './styles.js';

const where = (file: string, line: number) => (line > 0 ? `${file}:${line}` : file);

export function addQualitySheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const q = m.quality;
  const report = input.quality;
  const sheet = createSheet(workbook, name, { frozenRows: 1 });
  const w = new SheetWriter(sheet);
  w.title(name, STYLES.title);

  const section = (title: string, header: string[], rows: CellSpec[][]) => {
    w.skip();
    w.title(`${title}: ${rows.length}`);
    w.header(header);
    for (const row of rows) w.add(row);
    if (!rows.length) w.add([m.none]);
  };

  section(q.warnings, [c.file, c.line, c.column, c.message],
    report.warnings.map((i) => [i.file, num(i.line, FORMATS.line), num(i.column, FORMATS.line), i.message]));

  section(q.outliers, [c.indicator, c.breakdown, c.period, c.value, q.z, q.modifiedZ, c.where],
    report.outliers.map((o) => [
      o.indicator, ctx.breakdown(o.disaggregation), o.period, num(o.value, ctx.valueFormat(o.indicator)),
      num(o.z, FORMATS.z), num(o.modified_z, FORMATS.z), where(o.file, o.line),
    ]));

  section(q.swings, [c.indicator, c.breakdown, q.fromPeriod, q.fromValue, q.toPeriod, q.toValue, q.change, c.where],
    report.swings.map((s) => {
      const fmt = ctx.valueFormat(s.indicator);
      return [
        s.indicator, ctx.breakdown(s.disaggregation), s.from_period, num(s.from, fmt), s.to_period, num(s.to, fmt),
        num(s.change, FORMATS.percent), where(s.file, s.line),
      ];
    }));

  section(q.missingPeriods, [c.indicator, c.breakdown, c.frequency, q.expected, q.observed, q.missingList],
    report.missingPeriods.map((p) => [
      p.indicator, ctx.breakdown(p.disaggregation), m.frequencies[p.frequency as keyof typeof m.frequencies] ?? p.frequency,
      num(p.expected, FORMATS.count), num(p.observed, FORMATS.count), p.missing.join(', '),
    ]));

  section(q.sourceComparisons,
    [c.indicator, q.other, c.breakdown, c.period, c.value, q.otherValue, q.difference, q.nearestPeriod, q.nearestValue, q.sameValueIn],
    report.sourceComparisons.map((s) => {
      const fmt = ctx.valueFormat(s.indicator);
      const otherFmt = ctx.valueFormat(s.other);
      return [
        s.indicator, s.other, ctx.breakdown(s.disaggregation), s.period, num(s.value, fmt), num(s.otherValue, otherFmt),
        num(s.difference, fmt), s.nearest?.period, num(s.nearest?.value, otherFmt), s.sameValueIn.join(', ') || null,
      ];
    }));

  w.fitColumns();
  return sheet;
}
