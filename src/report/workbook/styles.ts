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
  /** A share shown as a percentage: a change, a swing. */
  percent: '0.0%',
  /** % met, % of LOP, progress ratio: whole percentages, as TolaData shows them. */
  percentWhole: '0%',
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
/** The Excel format of numbers with these decimals, grouped in thousands or not: `#,##0.0`. */
export function decimalsFormat(decimals: number, grouping: boolean): string {
  return (grouping ? '#,##0' : '0') + (decimals > 0 ? `.${'0'.repeat(decimals)}` : '');
}

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
  return decimalsFormat(decimals, big);
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

/** Fill of a tracking-table actual more than 10 % below its target (light orange). */
const FLAG_FILL = '#F5D999';
/** Fill of an actual more than 10 % beyond its target: over-achievement (light sky blue). */
const OVER_FILL = '#BFE1F5';
/** A missed target: its window is over and its actual fell short (vermillion, white text). */
const MISSED_FILL = '#D55E00';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

/**
 * Every font names Calibri 11 (Excel's default) in full: a font element with only `<b/>`
 * leaves the face and size to the reading program.
 */
export function font(f: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: 'Calibri', family: 2, size: 11, ...f };
}

const GREY_TEXT = { argb: 'FF595959' };

const TOP = { vertical: 'top' } as const;

export const STYLES = {
  /** A cell with nothing special: the font, top-aligned (a row's cells line up with wrapped text). */
  plain: { font: font(), alignment: TOP } as Style,
  title: { font: font({ bold: true, size: 14 }), alignment: { vertical: 'top' } } as Style,
  subtitle: { font: font({ size: 12, color: GREY_TEXT }), alignment: { vertical: 'top' } } as Style,
  section: { font: font({ bold: true, size: 12 }), alignment: { vertical: 'bottom' } } as Style,
  label: { font: font({ bold: true }), alignment: { vertical: 'top' } } as Style,
  header: {
    font: font({ bold: true }),
    fill: solid('#E7E6E6'),
    alignment: { vertical: 'top', wrapText: true },
    border: { bottom: thin },
  } as Style,
  /** A header over a group of columns (a reporting period, the life of programme). */
  groupHeader: {
    font: font({ bold: true }),
    fill: solid('#E7E6E6'),
    alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
    border: { bottom: thin, left: thin },
  } as Style,
  /** A results-framework row of the tracking table: the level and the result's statement. */
  resultRow: {
    font: font({ bold: true }),
    fill: solid('#D9D9D9'),
    alignment: { vertical: 'top', wrapText: true },
  } as Style,
  note: { font: font({ italic: true, color: GREY_TEXT }), alignment: { wrapText: false, vertical: 'top' } } as Style,
  wrap: { font: font(), alignment: { vertical: 'top', wrapText: true } } as Style,
  /**
   * Text beside a number in a table: wrapped, and kept off the number by an indent (an
   * indent applies to left-aligned text only: Excel and LibreOffice ignore it otherwise).
   */
  besideNumber: {
    font: font(),
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true, indent: 1 },
  } as Style,
  /** A period beside a number: centred, so "85.1" and "2011" never read as "85.12011". */
  period: { font: font(), alignment: { horizontal: 'center', vertical: 'top' } } as Style,
  /** A breakdown's name under its indicator, or a list after a column of numbers: indented, one line. */
  breakdown: { font: font(), alignment: { horizontal: 'left', indent: 1, vertical: 'top' } } as Style,
  /** Text that must stay text even when the officer edits the cell (it starts with = + - @). */
  text: { font: font(), numFmt: FORMATS.text, alignment: TOP } as Style,
  date: { font: font(), numFmt: FORMATS.date, alignment: TOP } as Style,
  dateTime: { font: font(), numFmt: FORMATS.dateTime, alignment: TOP } as Style,
  ratio: { font: font(), numFmt: FORMATS.ratio, alignment: TOP } as Style,
  percent: { font: font(), numFmt: FORMATS.percent, alignment: TOP } as Style,
  count: { font: font(), numFmt: FORMATS.count, alignment: TOP } as Style,
  score: { font: font(), numFmt: FORMATS.score, alignment: TOP } as Style,
  z: { font: font(), numFmt: FORMATS.z, alignment: TOP } as Style,
  precise: { font: font(), numFmt: FORMATS.precise, alignment: TOP } as Style,
  integer: { font: font(), numFmt: FORMATS.integer, alignment: TOP } as Style,
  link: { font: font({ color: { argb: 'FF0072B2' }, underline: true }), alignment: TOP } as Style,
  /** The cell a status strip's label sits in, and the strip's cells. */
  strip: {
    font: font({ bold: true }),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  } as Style,
};

const statusStyles = new Map<Status, Style>();
/** The fill and font of a status cell (the cell also holds the status word). */
export function statusStyle(status: Status): Style {
  let s = statusStyles.get(status);
  if (!s) {
    const c = STATUS_FILLS[status];
    s = { fill: solid(c.fill), font: font({ color: { argb: argb(c.font) }, bold: Boolean(c.bold) }), alignment: TOP };
    statusStyles.set(status, s);
  }
  return s;
}

const findingStyles = new Map<FindingStatus, Style>();
export function findingStyle(status: FindingStatus): Style {
  let s = findingStyles.get(status);
  if (!s) {
    s = { font: font(), fill: solid(FINDING_FILLS[status]), alignment: TOP };
    findingStyles.set(status, s);
  }
  return s;
}

const numberStyles = new Map<string, Style>();
/** One shared style per number format. */
export function numberStyle(numFmt: string): Style {
  let s = numberStyles.get(numFmt);
  if (!s) {
    s = { font: font(), numFmt, alignment: TOP };
    numberStyles.set(numFmt, s);
  }
  return s;
}

/** How an actual stands against its target in the tracking table. */
export type Variance = 'under' | 'over' | 'missed';

const VARIANCE_FILLS: Record<Variance, { fill: string; font: string; bold: boolean }> = {
  under: { fill: FLAG_FILL, font: '#000000', bold: true },
  over: { fill: OVER_FILL, font: '#000000', bold: true },
  missed: { fill: MISSED_FILL, font: '#FFFFFF', bold: true },
};

const flaggedStyles = new Map<string, Style>();
/**
 * A flagged number: the variance's fill, and a marker inside the number format
 * (`0%" !"`), so the cell stays a number and the flag is not colour alone.
 */
export function flaggedStyle(numFmt: string, marker?: string, variance: Variance = 'under'): Style {
  const key = `${numFmt}\u0000${marker ?? ''}\u0000${variance}`;
  let s = flaggedStyles.get(key);
  if (!s) {
    const fmt = marker ? `${numFmt}" ${marker.replace(/"/g, '')}"` : numFmt;
    const v = VARIANCE_FILLS[variance];
    s = {
      numFmt: fmt,
      fill: solid(v.fill),
      font: font({ bold: v.bold, color: { argb: argb(v.font) } }),
      alignment: TOP,
    };
    flaggedStyles.set(key, s);
  }
  return s;
}

const incompleteStyles = new Map<string, Style>();
/** An incomplete window's actual: grey italic, with a marker inside the number format. */
export function incompleteStyle(numFmt: string, marker: string, variance?: Variance): Style {
  const key = `${numFmt}\u0000${marker}\u0000${variance ?? ''}`;
  let s = incompleteStyles.get(key);
  if (!s) {
    const fmt = `${numFmt}" ${marker.replace(/"/g, '')}"`;
    const v = variance ? VARIANCE_FILLS[variance] : undefined;
    s = {
      numFmt: fmt,
      font: font({ italic: true, bold: Boolean(v?.bold), color: { argb: argb(v?.font ?? '#595959') } }),
      ...(v ? { fill: solid(v.fill) } : {}),
      alignment: TOP,
    };
    incompleteStyles.set(key, s);
  }
  return s;
}

/** The fill of a variance, for a legend cell. */
export function varianceStyle(variance: Variance): Style {
  return {
    ...flaggedStyle('@', undefined, variance),
    alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
  };
}

const stripStyles = new Map<string, Style>();
/** A coloured cell of the Summary's status strip: the status's word (`count`: its count, larger). */
export function stripStyle(status: Status, count = false): Style {
  const key = `${status}${count ? '#' : ''}`;
  let s = stripStyles.get(key);
  if (!s) {
    const c = STATUS_FILLS[status];
    s = {
      fill: solid(c.fill),
      font: font({ color: { argb: argb(c.font) }, bold: true, size: count ? 14 : 11 }),
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: { left: { style: 'thin', color: { argb: 'FFFFFFFF' } } },
      ...(count ? { numFmt: FORMATS.count } : {}),
    };
    stripStyles.set(key, s);
  }
  return s;
}

/** The count cell of the status strip. */
export const stripCountStyle = (status: Status): Style => stripStyle(status, true);
