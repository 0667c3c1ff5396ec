// The visual vocabulary of the workbook: number formats, the colour-blind-safe status
// fills (Okabe & Ito 2008, lightened so black text stays readable; the status word is
// always in the cell, so colour never carries meaning alone), header and title styles.
// Every style is one shared object, created once: cells point to it, nothing mutates it.
import type ExcelJS from 'exceljs';
import type { Status } from '../../assess/assessment.js';
import type { FindingStatus } from '../../assess/smart-review.js';
import type { Unit } from '../../spec/schema.js';
import { indicatorDecimals } from '../../messages/format-number.js';

type Style = Partial<ExcelJS.Style>;

/**
 * Number formats. Format codes are locale-independent in the file: Excel shows them with
 * the reader's own decimal and thousands separators, so English and Spanish packs share them.
 */
export const FORMATS = {
  ratio: '0.00',
  score: '0.00',
  z: '0.00',
  percent: '0.0%',
  count: '0',
  line: '0',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm:ss',
  integer: '0',
  /** A data age in years. */
  years: '0.0#',
  /** Inputs of a method: every digit an evaluator needs to redo the arithmetic. */
  precise: '0.0######',
  text: '@',
} as const;

/**
 * The display format of an indicator's values: the decimals every text of the pack
 * writes them with (indicatorDecimals: as many as the values have, at least the unit's
 * minimum, at most two for values of 1 and more), with a thousands separator for big
 * values (`#,##0.0`). The cell keeps the exact value; only the display rounds.
 */
export function valueFormat(unit: Unit, values: Iterable<number>): string {
  let big = false;
  const decimals = indicatorDecimals(
    unit,
    (function* () {
      for (const v of values) {
        if (Number.isFinite(v) && Math.abs(v) >= 1000) big = true;
        yield v;
      }
    })(),
  );
  return (big ? '#,##0' : '0') + (decimals > 0 ? `.${'0'.repeat(decimals)}` : '');
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

/**
 * Status fills derived from Okabe-Ito: achieved blue-green (#009E73 at half strength),
 * on track a light green, at risk a light orange (#E69F00), off track a light vermillion
 * (#D55E00), deteriorating dark vermillion with white text, missed vermillion with white
 * text, no data / no target greys.
 */
export const STATUS_FILLS: Record<Status, { fill: string; font: string; bold?: boolean }> = {
  achieved: { fill: '#7FCEB9', font: '#000000' },
  on_track: { fill: '#CDE8C0', font: '#000000' },
  at_risk: { fill: '#F5D999', font: '#000000' },
  off_track: { fill: '#EEB488', font: '#000000' },
  deteriorating: { fill: '#9E3D00', font: '#FFFFFF', bold: true },
  missed: { fill: '#D55E00', font: '#FFFFFF', bold: true },
  no_data: { fill: '#D9D9D9', font: '#000000' },
  no_target: { fill: '#EDEDED', font: '#000000' },
};

const FINDING_FILLS: Record<FindingStatus, string> = { pass: '#CDE8C0', warn: '#F5D999', fail: '#EEB488' };

/** Fill of a tracking-table actual more than 10 % away from its target (light orange). */
const FLAG_FILL = '#F5D999';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

export const STYLES = {
  title: { font: { bold: true, size: 14 } } as Style,
  section: { font: { bold: true, size: 12 } } as Style,
  label: { font: { bold: true }, alignment: { vertical: 'top' } } as Style,
  header: {
    font: { bold: true },
    fill: solid('#E7E6E6'),
    alignment: { vertical: 'top', wrapText: true },
    border: { bottom: thin },
  } as Style,
  note: { font: { italic: true, color: { argb: 'FF595959' } }, alignment: { wrapText: false } } as Style,
  wrap: { alignment: { vertical: 'top', wrapText: true } } as Style,
  /** Text that must stay text even when the officer edits the cell (it starts with = + - @). */
  text: { numFmt: FORMATS.text } as Style,
  date: { numFmt: FORMATS.date } as Style,
  dateTime: { numFmt: FORMATS.dateTime } as Style,
  ratio: { numFmt: FORMATS.ratio } as Style,
  percent: { numFmt: FORMATS.percent } as Style,
  count: { numFmt: FORMATS.count } as Style,
  score: { numFmt: FORMATS.score } as Style,
  z: { numFmt: FORMATS.z } as Style,
  precise: { numFmt: FORMATS.precise } as Style,
  integer: { numFmt: FORMATS.integer } as Style,
  link: { font: { color: { argb: 'FF0072B2' }, underline: true } } as Style,
};

const statusStyles = new Map<Status, Style>();
/** The fill and font of a status cell (the cell also holds the status word). */
export function statusStyle(status: Status): Style {
  let s = statusStyles.get(status);
  if (!s) {
    const c = STATUS_FILLS[status];
    s = { fill: solid(c.fill), font: { color: { argb: argb(c.font) }, bold: Boolean(c.bold) } };
    statusStyles.set(status, s);
  }
  return s;
}

const findingStyles = new Map<FindingStatus, Style>();
export function findingStyle(status: FindingStatus): Style {
  let s = findingStyles.get(status);
  if (!s) {
    s = { fill: solid(FINDING_FILLS[status]) };
    findingStyles.set(status, s);
  }
  return s;
}

const numberStyles = new Map<string, Style>();
/** One shared style per number format. */
export function numberStyle(numFmt: string): Style {
  let s = numberStyles.get(numFmt);
  if (!s) {
    s = { numFmt };
    numberStyles.set(numFmt, s);
  }
  return s;
}

const flaggedStyles = new Map<string, Style>();
/**
 * A flagged number: the flag fill, and the marker inside the number format (`0.0%" !"`),
 * so the cell stays a number and the flag is not colour alone.
 */
export function flaggedStyle(numFmt: string, marker?: string): Style {
  const key = `${numFmt}\u0000${marker ?? ''}`;
  let s = flaggedStyles.get(key);
  if (!s) {
    const fmt = marker ? `${numFmt}" ${marker.replace(/"/g, '')}"` : numFmt;
    s = { numFmt: fmt, fill: solid(FLAG_FILL), font: { bold: Boolean(marker) } };
    flaggedStyles.set(key, s);
  }
  return s;
}
