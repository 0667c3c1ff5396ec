// Sheet: the data-quality review, one section per check, each with its own header row:
// warnings at their file, line and column; outliers; swings beyond 33 %; missing periods;
// two sources of one indicator side by side. A section lists at most
// QUALITY_SECTION_MAX_ROWS rows (a national programme has thousands of swings), then says
// how many more there are; its title always gives the full count. Outliers and swings cut
// short keep the most extreme ones, in the report's order.
import type ExcelJS from 'exceljs';
import { messageIn } from '../../spec/issues.js';
import type { PackContext } from './pack-context.js';
import { SheetWriter, createSheet, num, styled, type CellSpec } from './sheet-writer.js';
import { QUALITY_SECTION_MAX_ROWS } from './size-rules.js';
import { FORMATS, STYLES } from './styles.js';

const where = (file: string, line: number) => (line > 0 ? `${file}:${line}` : file);

export function addQualitySheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const q = m.quality;
  const report = input.quality;
  const sheet = createSheet(workbook, name, { frozenRows: 0, print: { orientation: 'landscape' } }, ctx.page);
  const w = new SheetWriter(sheet);
  w.title(name, STYLES.title);

  // Each item becomes a row only when it is listed. `severity` ranks the items to keep
  // when the section is cut short.
  const section = <T>(
    title: string,
    header: string[],
    items: readonly T[],
    row: (item: T) => CellSpec[],
    severity?: (item: T) => number,
  ) => {
    w.skip();
    w.title(`${title}: ${items.length}`);
    w.header(header);
    for (const item of listed(items, severity)) w.add(row(item));
    const more = items.length - QUALITY_SECTION_MAX_ROWS;
    if (more > 0) w.title(severity ? q.moreLessExtreme(more) : q.moreRows(more), STYLES.note);
    if (!items.length) w.add([m.none]);
  };

  section(q.warnings, [c.file, c.line, c.column, c.message], report.warnings, (i) => [
    i.file,
    num(i.line, FORMATS.line),
    num(i.column, FORMATS.line),
    messageIn(i, input.locale),
  ]);

  section(
    q.outliers,
    [c.indicator, c.breakdown, c.period, c.value, q.z, q.modifiedZ, c.where],
    report.outliers,
    (o) => [
      o.indicator,
      ctx.breakdown(o.disaggregation),
      period(o.period),
      num(o.value, ctx.valueFormat(o.indicator)),
      num(o.z, FORMATS.z),
      num(o.modified_z, FORMATS.z),
      where(o.file, o.line),
    ],
    (o) => Math.max(Math.abs(o.z ?? 0), Math.abs(o.modified_z ?? 0)),
  );

  section(
    q.swings,
    [c.indicator, c.breakdown, q.fromPeriod, q.fromValue, q.toPeriod, q.toValue, q.change, c.where],
    report.swings,
    (s) => {
      const fmt = ctx.valueFormat(s.indicator);
      return [
        s.indicator,
        ctx.breakdown(s.disaggregation),
        period(s.from_period),
        num(s.from, fmt),
        period(s.to_period),
        num(s.to, fmt),
        num(s.change, FORMATS.percent),
        where(s.file, s.line),
      ];
    },
    (s) => Math.abs(s.change),
  );

  section(
    q.missingPeriods,
    [c.indicator, c.breakdown, c.frequency, q.expected, q.observed, q.missingList],
    report.missingPeriods,
    (p) => [
      p.indicator,
      ctx.breakdown(p.disaggregation),
      m.frequencies[p.frequency as keyof typeof m.frequencies] ?? p.frequency,
      num(p.expected, FORMATS.count),
      num(p.observed, FORMATS.count),
      styled(p.missing.join(', '), STYLES.breakdown),
    ],
  );

  section(
    q.sourceComparisons,
    [
      c.indicator,
      q.other,
      c.breakdown,
      c.period,
      c.value,
      q.otherValue,
      q.difference,
      q.nearestPeriod,
      q.nearestValue,
      q.sameValueIn,
    ],
    report.sourceComparisons,
    (s) => {
      const fmt = ctx.valueFormat(s.indicator);
      const otherFmt = ctx.valueFormat(s.other);
      return [
        s.indicator,
        s.other,
        ctx.breakdown(s.disaggregation),
        period(s.period),
        num(s.value, fmt),
        num(s.otherValue, otherFmt),
        num(s.difference, fmt),
        s.nearest ? period(s.nearest.period) : null,
        num(s.nearest?.value, otherFmt),
        s.sameValueIn.join(', ') || null,
      ];
    },
  );

  w.finish();
  return sheet;
}

/** A period, centred in its column (a number right-aligned beside it stays apart). */
const period = (text: string) => styled(text, STYLES.period);

/**
 * The items a section lists: all of them, or QUALITY_SECTION_MAX_ROWS of them: the first
 * ones, or with `severity` the most severe ones (ties: the first), in their order.
 */
function listed<T>(items: readonly T[], severity?: (item: T) => number): T[] {
  const max = QUALITY_SECTION_MAX_ROWS;
  if (items.length <= max || !severity) return items.slice(0, max);
  const ranked = items.map((item, index) => {
    const x = severity(item);
    return { item, index, rank: Number.isFinite(x) ? x : -Infinity };
  });
  return ranked
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .slice(0, max)
    .sort((a, b) => a.index - b.index)
    .map(({ item }) => item);
}
