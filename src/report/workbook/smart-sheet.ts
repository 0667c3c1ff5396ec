// Sheet: the SMART review. One row per indicator x letter x finding (the status as a word
// and a colour, the finding, the target it concerns), then the programme summary: per
// letter, how many indicators pass, warn and fail.
import type ExcelJS from 'exceljs';
import { letters, type FindingStatus } from '../../assess/smart-review.js';
import type { PackContext } from './pack-context.js';
import { SheetWriter, autoFilter, createSheet, num, styled } from './sheet-writer.js';
import { FORMATS, STYLES, findingStyle } from './styles.js';

const FINDING_STATUSES: FindingStatus[] = ['pass', 'warn', 'fail'];

export function addSmartSheet(workbook: ExcelJS.Workbook, name: string, ctx: PackContext): ExcelJS.Worksheet {
  const { input, m } = ctx;
  const c = m.columns;
  const sheet = createSheet(workbook, name, { frozenRows: 1, print: { orientation: 'landscape' } }, ctx.page);
  const w = new SheetWriter(sheet);

  // 1. Every finding
  const header = [
    c.indicator,
    c.name,
    m.smart.letter,
    m.smart.letterStatus,
    m.smart.findingStatus,
    m.smart.finding,
    m.smart.concernsTarget,
  ];
  w.header(header);
  for (const review of input.smart.indicators) {
    for (const letter of letters) {
      const lr = review.letters[letter];
      if (!lr) continue;
      for (const f of lr.findings) {
        w.add([
          review.indicator,
          review.name,
          m.letters[letter],
          styled(m.findingStatuses[lr.status], findingStyle(lr.status)),
          styled(m.findingStatuses[f.status], findingStyle(f.status)),
          f.text,
          f.target,
        ]);
      }
    }
  }
  autoFilter(sheet, 1, w.row, header.length);

  // 2. The programme summary
  w.skip();
  w.title(m.smart.summary);
  w.header([
    m.smart.letter,
    ...FINDING_STATUSES.map((s) => styled(m.findingStatuses[s], { ...STYLES.header, ...findingStyle(s) })),
  ]);
  for (const letter of letters) {
    const counts = input.smart.summary[letter] ?? { pass: 0, warn: 0, fail: 0 };
    w.add([m.letters[letter], ...FINDING_STATUSES.map((s) => num(counts[s] ?? 0, FORMATS.count))]);
  }
  w.finish();
  return sheet;
}
