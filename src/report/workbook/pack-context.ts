// What every sheet needs besides the PackInput, looked up once: the labels of the pack's
// language, indicators and results by id, each indicator's number format, the series of
// a breakdown, and the Period behind a period id (for ordering columns and real dates).
import type { AssessmentResult } from '../../assess/assessment.js';
import { dimsKey, dimsLabel, type BreakdownSeries } from '../../data/indicator-data.js';
import { reportMessages, type ReportMessages } from '../../messages/report.js';
import { comparePeriods, parsePeriod, type Period } from '../../periods/period.js';
import type { Indicator } from '../../spec/model.js';
import type { ResultSpec } from '../../spec/schema.js';
import type { PackInput } from '../pack-input.js';
import { DATA_CSV_FILE, dataRowsCount, DATA_SHEET_MAX_ROWS } from './size-rules.js';
import { formatNumber, indicatorDecimals } from '../../messages/format-number.js';
import type { PageTexts } from './page-setup.js';
import { decimalsFormat } from './styles.js';

export interface PackContext {
  input: PackInput;
  m: ReportMessages;
  indicator(id: string): Indicator | undefined;
  result(id: string | undefined): ResultSpec | undefined;
  /** The display format of an indicator's values. */
  valueFormat(indicatorId: string): string;
  /** The decimals of an indicator's numbers (its cells, its sentences, its charts). */
  decimals(indicatorId: string): number;
  /** A number of an indicator as a sentence of the pack writes it. */
  formatValue(indicatorId: string, value: number): string;
  /** The header and footer of every printed page. */
  page: PageTexts;
  /** The series of one breakdown of an indicator ({} is the headline). */
  series(indicatorId: string, dims: Record<string, string>): BreakdownSeries | undefined;
  /** "Total" for the headline, else the breakdown values: "rural", "F / 15-19". */
  breakdown(dims: Record<string, string>): string;
  /** The period an id names, when it can be read. */
  period(id: string): Period | undefined;
  /** Orders period ids in time (unreadable ids last, by text). */
  comparePeriodIds(a: string, b: string): number;
  /** The reporting period of the assessment. */
  asOf: Period | undefined;
  /** Flat data rows (indicator x breakdown x period), and whether the Data sheet lists them all. */
  dataRows: number;
  dataInSheet: boolean;
  /** Where every value can be read: "the Data sheet" or "data.csv, beside this workbook". */
  everyValueAt: string;
}

interface IndicatorNumbers {
  decimals: number;
  /** The Excel number format: those decimals, thousands grouped for big values. */
  format: string;
}

/** `dataSheet`: the name of the Data sheet, for notes that send the reader there. */
export function createPackContext(
  input: PackInput,
  dataSheet: string = (reportMessages[input.locale] ?? reportMessages.en).sheets.data,
): PackContext {
  const m = reportMessages[input.locale] ?? reportMessages.en;
  const dataRows = dataRowsCount(input);
  const dataInSheet = dataRows <= DATA_SHEET_MAX_ROWS;
  const indicators = new Map(input.program.indicators.map((i) => [i.id, i]));
  const results = new Map(input.program.results.map((r) => [r.id, r]));

  const periods = new Map<string, Period>();
  const remember = (p: Period | undefined) => {
    if (p && !periods.has(p.id)) periods.set(p.id, p);
  };
  remember(input.program.period.start);
  remember(input.program.period.end);
  remember(input.program.asOf);
  for (const ind of input.program.indicators) {
    remember(ind.baseline?.period);
    for (const t of ind.targets) remember(t.period);
  }

  const seriesByKey = new Map<string, BreakdownSeries>();
  for (const [id, d] of input.data) {
    for (const s of d.headline ? [d.headline, ...d.breakdowns] : d.breakdowns) {
      seriesByKey.set(`${id}\u0000${dimsKey(s.dims)}`, s);
      for (const p of s.periods) remember(p);
    }
  }

  const period = (id: string): Period | undefined => {
    let p = periods.get(id);
    if (!p) {
      const parsed = parsePeriod(id, { fiscalYearStart: input.program.fiscalYearStart });
      if (parsed.ok) {
        p = parsed.period;
        periods.set(id, p);
      }
    }
    return p;
  };

  const choices = new Map<string, IndicatorNumbers>();
  const labels = new WeakMap<Record<string, string>, string>();
  const numbersOf = new Map<string, number[]>();
  const note = (id: string, x: number | null | undefined) => {
    if (typeof x !== 'number') return;
    const list = numbersOf.get(id);
    if (list) list.push(x);
    else numbersOf.set(id, [x]);
  };
  for (const r of input.doc.results) {
    note(r.indicator, r.baseline?.value);
    note(r.indicator, r.latest?.value);
    note(r.indicator, r.target?.value);
    for (const t of r.targets) note(r.indicator, t.value);
  }
  // One choice of decimals per indicator (format-number.ts), for its cells and its sentences.
  const numbersFor = (id: string): IndicatorNumbers => {
    let f = choices.get(id);
    if (!f) {
      const unit = indicators.get(id)?.unit ?? input.doc.results.find((r) => r.indicator === id)?.unit ?? 'number';
      const d = input.data.get(id);
      // Every value in one array: a generator over a national programme's million values
      // made an object per value.
      const values = [...(numbersOf.get(id) ?? [])];
      if (d)
        for (const s of d.headline ? [d.headline, ...d.breakdowns] : d.breakdowns)
          for (const v of s.values) values.push(v);
      let grouping = false;
      for (const v of values) if (Math.abs(v) >= 1000) grouping = true;
      const decimals = indicatorDecimals(unit, values);
      f = { decimals, format: decimalsFormat(decimals, grouping) };
      choices.set(id, f);
    }
    return f;
  };

  return {
    input,
    m,
    indicator: (id) => indicators.get(id),
    result: (id) => (id === undefined ? undefined : results.get(id)),
    valueFormat: (id) => numbersFor(id).format,
    decimals: (id) => numbersFor(id).decimals,
    formatValue: (id, value) => formatNumber(value, input.locale, { decimals: numbersFor(id).decimals }),
    page: {
      programme: input.program.name,
      asOf: m.page.asOf(input.doc.as_of),
      pageOf: m.page.pageOf,
    },
    series: (id, dims) => seriesByKey.get(`${id}\u0000${dimsKey(dims)}`),
    breakdown: (dims) => {
      // Asked for each result on several sheets: its label made once.
      let label = labels.get(dims);
      if (label === undefined) {
        label = dimsLabel(dims) || m.headline;
        labels.set(dims, label);
      }
      return label;
    },
    period,
    comparePeriodIds(a, b) {
      const pa = period(a);
      const pb = period(b);
      if (pa && pb) return comparePeriods(pa, pb);
      if (pa) return -1;
      if (pb) return 1;
      return a < b ? -1 : a > b ? 1 : 0;
    },
    asOf: period(input.doc.as_of),
    dataRows,
    dataInSheet,
    everyValueAt: dataInSheet ? m.indicator.dataSheetAt(dataSheet) : m.indicator.dataFileAt(DATA_CSV_FILE),
  };
}

/** The results of the assessment grouped by indicator, in the document's order. */
export function resultsByIndicator(results: readonly AssessmentResult[]): Map<string, AssessmentResult[]> {
  const out = new Map<string, AssessmentResult[]>();
  for (const r of results) {
    const list = out.get(r.indicator);
    if (list) list.push(r);
    else out.set(r.indicator, [r]);
  }
  return out;
}

/** A text made of data parts, or nothing when every part is missing. */
export const joinText = (parts: (string | undefined | null)[], separator = ' '): string | null => {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  return kept.length ? kept.join(separator) : null;
};
