// Dates and months as spreadsheet users write them, in Spanish and English:
//
//   ene-24, ene. 2024, enero 2024, enero de 2024, Jan-24, January 2024   a month
//   01/02/2024, 1-2-24, 01.02.2024                                       a day (day/month/year
//                                                                        or month/day/year)
//   45323 (in a workbook)                                                 Excel's serial day number
//
// Pure: each function reads one text and returns numbers or undefined, never throws.

import { captures } from './captures.js';

/** How a date like 01/02/2024 is ordered: day first (most of the world) or month first (the US). */
export type DateOrder = 'dmy' | 'mdy';

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Month names and abbreviations, English and Spanish (Peru writes setiembre), without accents. */
const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  ene: 1,
  enero: 1,
  feb: 2,
  february: 2,
  febrero: 2,
  mar: 3,
  march: 3,
  marzo: 3,
  apr: 4,
  april: 4,
  abr: 4,
  abril: 4,
  may: 5,
  mayo: 5,
  jun: 6,
  june: 6,
  junio: 6,
  jul: 7,
  july: 7,
  julio: 7,
  aug: 8,
  august: 8,
  ago: 8,
  agosto: 8,
  sep: 9,
  sept: 9,
  september: 9,
  set: 9,
  septiembre: 9,
  setiembre: 9,
  oct: 10,
  october: 10,
  octubre: 10,
  nov: 11,
  november: 11,
  noviembre: 11,
  dec: 12,
  december: 12,
  dic: 12,
  diciembre: 12,
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The month (1-12) a name or abbreviation means (`ene`, `Enero`, `ene.`, `Sept`), or undefined. */
export function monthOfName(name: string): number | undefined {
  return MONTH_NAMES[fold(name).replace(/\.$/, '')];
}

/** A two-digit year as Excel reads it: 00-29 are 2000-2029, 30-99 are 1930-1999. */
export function fullYear(twoOrFour: string): number {
  const n = Number(twoOrFour);
  if (twoOrFour.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

// `ene-24`, `ene.-24`, `ene. 2024`, `enero de 2024`, `Jan-24`, `January 2024`, `jan/2024`
const NAME_THEN_YEAR = /^([A-Za-zÀ-ÿ]{3,10})\.?(?:\s*[-/\s]\s*|\s+de\s+)(\d{2}|\d{4})$/;
// `2024-ene`, `2024 enero`
const YEAR_THEN_NAME = /^(\d{4})\s*[-/\s]\s*([A-Za-zÀ-ÿ]{3,10})\.?$/;

/** A month written with its name and a year, in Spanish or English; undefined when the text is not one. */
export function monthOfText(text: string): { year: number; month: number } | undefined {
  const nameThenYear = captures(NAME_THEN_YEAR, text, 2);
  if (nameThenYear) {
    const [name, year] = nameThenYear;
    const month = monthOfName(name);
    return month ? { year: fullYear(year), month } : undefined;
  }
  const yearThenName = captures(YEAR_THEN_NAME, text, 2);
  if (yearThenName) {
    const [year, name] = yearThenName;
    const month = monthOfName(name);
    return month ? { year: Number(year), month } : undefined;
  }
  return undefined;
}

/** True when a text looks like a month name and a year, whether or not the name is known. */
export const looksLikeMonthText = (text: string) => NAME_THEN_YEAR.test(text) || YEAR_THEN_NAME.test(text);

// 01/02/2024, 1/2/24, 01-02-2024, 01.02.2024
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

/** The two leading numbers of a d/m/y or m/d/y date, and its year; undefined when the text is not one. */
export function numericDateParts(text: string): { first: number; second: number; year: number } | undefined {
  const m = captures(NUMERIC_DATE, text, 4);
  return m ? { first: Number(m[0]), second: Number(m[2]), year: fullYear(m[3]) } : undefined;
}

/** A date written 01/02/2024 in the given order, when it is a day of the calendar. */
export function numericDate(text: string, order: DateOrder): CalendarDate | undefined {
  const parts = numericDateParts(text);
  if (!parts) return undefined;
  const [day, month] = order === 'dmy' ? [parts.first, parts.second] : [parts.second, parts.first];
  return isCalendarDay(parts.year, month, day) ? { year: parts.year, month, day } : undefined;
}

export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Excel's serial days run from 1 (1900-01-01) to 2958465 (9999-12-31). */
const SERIAL_MAX = 2_958_465;
const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system, as Excel counts after its fictitious 1900-02-29 (serial 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** The day an Excel serial number (1900 date system) stands for; its fraction (the time of day) is dropped. */
export function excelSerialDate(serial: number): CalendarDate | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > SERIAL_MAX) return undefined;
  const d = new Date(EPOCH_1900 + Math.floor(serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
