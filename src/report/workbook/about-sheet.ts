// Sheet: how the pack was made, so anyone can reproduce it: engine version, programme
// file, run time, every source file with its SHA-256, the methods and thresholds used,
// the rounding rule.
import type ExcelJS from 'exceljs';
import type { PackContext } from './pack-context.js';
import { SheetWriter, createSheet, styled } from './sheet-writer.js';
import { STYLES } from './styles.js';

/** The run time as a date, or undefined when the text is not a timestamp. */
export function runDate(runTime: string): Date | undefined {
  const d = new Date(runTime);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function addAboutSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const a = m.about;
  const about = input.about;
  const sheet = createSheet(workbook, name, { frozenRows: 0, print: { orientation: 'portrait' } }, ctx.page);
  const w = new SheetWriter(sheet);
  const label = (text: string) => styled(text, STYLES.label);

  w.title(name, STYLES.title);
  w.add([label(a.engineVersion), about.engineVersion]);
  w.add([label(a.programmeId), input.program.id]);
  w.add([label(a.programmeFile), about.programFile]);
  w.add([label(a.asOf), input.doc.as_of]);
  const run = runDate(about.runTime);
  w.add([label(a.runTime), run ? styled(run, STYLES.dateTime) : about.runTime]);
  w.add([label(a.roundingRule), about.roundingRule]);

  w.skip();
  w.title(a.sources);
  w.header([m.columns.file, a.sha256]);
  for (const s of about.sources) w.add([s.file, s.sha256]);
  if (!about.sources.length) w.add([m.none]);

  w.skip();
  w.title(a.methods);
  w.header([m.columns.method]);
  for (const method of about.methods) w.add([method]);
  if (!about.methods.length) w.add([m.none]);

  w.skip();
  w.title(a.thresholds);
  w.header([a.threshold, a.rule]);
  for (const [key, rule] of Object.entries(about.thresholds)) w.add([key, rule]);
  if (!Object.keys(about.thresholds).length) w.add([m.none]);

  w.finish();
  return sheet;
}
