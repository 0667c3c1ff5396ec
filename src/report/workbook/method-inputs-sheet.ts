// Sheet: every published method's inputs, one row per indicator x breakdown x method x
// input (the results shown in full on the indicator sheets: size-rules.ts), so an
// evaluator can redo each method's arithmetic (methods.md) without a table
// sixty columns wide: the input's name in words and as the method calls it, its value
// with every digit; the method's category, score and reason on the method's first row.
import type ExcelJS from 'exceljs';
import type { InputValue } from '../../assess/method-types.js';
import { methodCategoryLabel, methodInputLabel, methodLabel } from '../../messages/report.js';
import { methodNames } from '../../spec/schema.js';
import type { PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, type CellSpec } from './sheet-writer.js';
import { TABLE_MAX_ROWS, everyDetailedResult } from './size-rules.js';
import { FORMATS } from './styles.js';

/** The widest a text column of this sheet grows; longer texts wrap. */
const TEXT_COLUMN = 40;

export function addMethodInputsSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const mi = m.methodInputs;
  const sheet = createSheet(
    workbook,
    name,
    { frozenRows: 2, print: { orientation: 'landscape', titleRows: '2:2' } },
    ctx.page,
  );
  const w = new SheetWriter(sheet, { maxWidths: { 6: TEXT_COLUMN, 9: TEXT_COLUMN } });
  const header = [c.indicator, c.breakdown, c.method, c.category, c.score, mi.input, mi.variable, c.value, c.reason];
  w.note(mi.intro, header.length);
  w.header(header);
  let rows = 0;
  let more = 0;
  for (const { index, result: r } of everyDetailedResult(input.doc.results)) {
    const every = { ...r.methods, ...(input.everyMethod?.[index] ?? {}) };
    for (const method of methodNames) {
      const outcome = every[method];
      if (!outcome) continue;
      // An input without a value (a target the indicator lacks) has nothing to redo.
      const entries = Object.entries(outcome.inputs ?? {}).filter(([, v]) => v !== null && v !== undefined);
      const first: CellSpec[] = [
        methodCategoryLabel(input.locale, outcome.category),
        num(outcome.score, FORMATS.score),
      ];
      const lines = entries.length ? entries : [[null, undefined] as const];
      lines.forEach(([key, value], k) => {
        if (rows >= TABLE_MAX_ROWS) {
          more++;
          return;
        }
        rows++;
        w.add([
          r.indicator,
          ctx.breakdown(r.disaggregation),
          methodLabel(input.locale, method),
          ...(k === 0 ? first : [null, null]),
          key === null ? null : methodInputLabel(input.locale, key),
          key,
          inputCell(value, ctx),
          k === 0 ? (outcome.reason ?? null) : null,
        ]);
      });
    }
  }
  if (!rows) w.add([m.none]);
  autoFilter(sheet, 2, w.row, header.length);
  if (more) w.note(mi.more(more), header.length);
  w.finish();
  return sheet;
}

function inputCell(value: InputValue | undefined, ctx: PackContext): CellSpec {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? ctx.m.yes : ctx.m.no;
  if (typeof value === 'number') return num(value, Number.isInteger(value) ? FORMATS.integer : FORMATS.precise);
  return value;
}
