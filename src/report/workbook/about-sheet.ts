// Sheet: how the pack was made, so anyone can reproduce it: engine version, programme
// file, run time, every source file with its SHA-256, each method used described with the
// thresholds it applies (read from the method's own constants, so the text cannot drift
// from the code), the data-quality and variance rules, the rounding rule.
import type ExcelJS from 'exceljs';
import { IPTT_MARGIN } from '../../assess/methods/iptt.js';
import { AARR_PROGRESS_FLOOR } from '../../assess/methods/aarr.js';
import { EUROSTAT_GROWTH, EUROSTAT_RR } from '../../assess/methods/eurostat.js';
import { METHOD_1_THRESHOLDS, METHOD_2_THRESHOLDS, OPEN_SDG_DEFAULT_BASE_YEAR } from '../../assess/methods/open-sdg.js';
import { UNSD_2022_CR } from '../../assess/methods/unsd-2022.js';
import { UNSD_2023_P } from '../../assess/methods/unsd-2023.js';
import { OUTPUT_SIGNIFICANT_DIGITS } from '../../assess/rounding.js';
import { methodLabel, type ReportMessages } from '../../messages/report.js';
import { OUTLIER_THRESHOLD } from '../../quality/outliers.js';
import { SWING_THRESHOLD } from '../../quality/swings.js';
import type { Program } from '../../spec/model.js';
import type { MethodName } from '../../spec/schema.js';
import type { PackContext } from './pack-context.js';
import { SheetWriter, createSheet, styled } from './sheet-writer.js';
import { STYLES } from './styles.js';
import { VARIANCE_SHARE } from './tracking-sheet.js';

/** The run time as a date, or undefined when the text is not a timestamp. */
export function runDate(runTime: string): Date | undefined {
  const d = new Date(runTime);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const LABEL_WIDTH = 32;
const TEXT_WIDTH = 60;

/** A method described with the thresholds it applies. */
export function methodDescription(
  m: ReportMessages,
  method: MethodName,
  program: Pick<Program, 'bands' | 'openSdgBaseYear'>,
): string {
  const d = m.about.methodDescriptions;
  switch (method) {
    case 'trajectory':
      return d.trajectory(program.bands.onTrack, program.bands.atRisk);
    case 'iptt':
      return d.iptt(IPTT_MARGIN);
    case 'open-sdg':
      return d['open-sdg'](
        METHOD_2_THRESHOLDS,
        METHOD_1_THRESHOLDS,
        program.openSdgBaseYear ?? OPEN_SDG_DEFAULT_BASE_YEAR,
      );
    case 'unsd-2022':
      return d['unsd-2022'](UNSD_2022_CR);
    case 'unsd-2023':
      return d['unsd-2023'](UNSD_2023_P);
    case 'eurostat':
      return d.eurostat(EUROSTAT_RR, EUROSTAT_GROWTH);
    default:
      return d.aarr(AARR_PROGRESS_FLOOR);
  }
}

export function addAboutSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const a = m.about;
  const about = input.about;
  const sheet = createSheet(workbook, name, { frozenRows: 0, print: { orientation: 'portrait' } }, ctx.page);
  const w = new SheetWriter(sheet, { maxWidths: { 1: LABEL_WIDTH, 2: TEXT_WIDTH } });
  const label = (text: string) => styled(text, STYLES.label);

  w.title(name, STYLES.title);
  w.add([label(a.engineVersion), about.engineVersion]);
  w.add([label(a.programmeId), input.program.id]);
  w.add([label(a.programmeFile), about.programFile]);
  w.add([label(a.asOf), input.doc.as_of]);
  const run = runDate(about.runTime);
  w.add([label(a.runTime), run ? styled(run, STYLES.dateTime) : about.runTime]);

  w.skip();
  w.title(a.sources);
  w.header([m.columns.file, a.sha256]);
  for (const s of about.sources) w.add([s.file, s.sha256]);
  if (!about.sources.length) w.add([m.none]);

  w.skip();
  w.title(a.methods);
  w.header([m.columns.method, a.rule]);
  for (const method of about.methods) {
    w.add([
      styled(methodLabel(input.locale, method), STYLES.wrap),
      styled(methodDescription(m, method, input.program), STYLES.wrap),
    ]);
  }
  if (!about.methods.length) w.add([m.none]);

  w.skip();
  w.title(a.rules);
  w.header([a.rule, '']);
  const rules: [string, string][] = [
    [m.sheets.quality, a.outliers(OUTLIER_THRESHOLD)],
    [m.sheets.quality, a.swings(SWING_THRESHOLD)],
    [m.sheets.tracking, a.variance(VARIANCE_SHARE)],
    [a.roundingRule, a.rounding(OUTPUT_SIGNIFICANT_DIGITS)],
  ];
  for (const [what, rule] of rules) w.add([styled(what, STYLES.label), styled(rule, STYLES.wrap)]);

  w.finish({ fixed: { 1: LABEL_WIDTH, 2: TEXT_WIDTH } });
  return sheet;
}
