// The series of a file from its point store, once every row has been read: each
// series' points sorted by period, and the data source's `duplicates` policy applied to
// points that repeat a series and period (two survey rounds in one year):
//
//   first, last   keep the earlier or the later row
//   mean          average the values that are not missing, at the first row's line,
//                 naming every distinct source and note
//   error         keep the first, and report each repeat at its own line
//
// Periods are resolved here, not while reading, because the YYYY-MM rule needs every
// period text of the file (resolve-periods.ts).
import * as msg from '../messages/data.js';
import { joinTexts, type Text } from '../messages/localized.js';
import type { DateOrder } from '../periods/calendar-text.js';
import type { Frequency, Period } from '../periods/period.js';
import type { DataSource } from '../spec/schema.js';
import type { ColumnPlan } from './column-plan.js';
import type { IssueLog } from './issue-log.js';
import { float64At, int32At, type PointStore } from './point-store.js';
import { resolvePeriods, type ResolvedPeriods } from './resolve-periods.js';
import type { Series } from './series.js';

export interface PointsRead {
  readonly source: DataSource;
  readonly plan: ColumnPlan;
  readonly store: PointStore;
  /** The key values of each series, by series id. */
  readonly seriesKeys: readonly Record<string, string>[];
  /** The distinct period texts, by period id. */
  readonly periodTexts: readonly string[];
  /** Wide layout: the period id of each period column. */
  readonly periodIdOfColumn: readonly { field: number; periodId: number }[];
  /** The distinct source and note texts, by text id (a note mel wrote in every language). */
  readonly texts: readonly Text[];
  readonly log: IssueLog;
  readonly fiscalYearStart: number;
  readonly frequencyHint?: Frequency;
  /** The data source's `dates:`, and whether the file's cells are a workbook's (Excel serial dates). */
  readonly dates?: DateOrder;
  readonly serialDates?: boolean;
  /** Say how 01/02/2024 was read when nothing in the file shows the order. */
  readonly warnAmbiguousDates?: boolean;
  /** Whether some indicator uses a series (its problems are errors, else counted warnings). */
  readonly isUsed?: (seriesId: number) => boolean;
}

/** Every series of the file, in order of first appearance; unreadable periods and repeats go to `read.log`. */
export function finishSeries(read: PointsRead): Series[] {
  const resolved = resolvePeriods(read.periodTexts, {
    fiscalYearStart: read.fiscalYearStart,
    frequency: read.frequencyHint,
    dates: read.dates,
    serialDates: read.serialDates,
  });
  if (resolved.ambiguousDate && read.warnAmbiguousDates)
    read.log.at('warning', msg.ambiguousDates(resolved.ambiguousDate), read.plan.headerLine, read.plan.period);
  const texts = read.texts.map((t) => (typeof t === 'string' ? t.trim() || undefined : t));
  const { order, start } = read.store.bySeries(read.seriesKeys.length);
  const finisher = new SeriesFinisher(read, resolved, texts);
  return read.seriesKeys.map((keys, s) =>
    finisher.series(keys, order.subarray(int32At(start, s), int32At(start, s + 1)), read.isUsed?.(s) ?? true),
  );
}

class SeriesFinisher {
  constructor(
    private readonly read: PointsRead,
    private readonly resolved: ResolvedPeriods,
    /** Source and note texts trimmed, undefined when blank. */
    private readonly texts: readonly (Text | undefined)[],
  ) {}

  /**
   * One series from its points (`points`: indices into the store, in file order, reordered
   * in place): sorted by period, with the `duplicates` policy applied to repeated periods.
   */
  series(keys: Record<string, string>, points: Int32Array, used: boolean): Series {
    const { plan: p, store, source, log } = this.read;
    const resolved = this.resolved;
    const texts = this.texts;
    const { periods, rank } = resolved;
    const { periodIds, values, lines, sourceIds, noteIds } = store;
    const rankOf = (i: number) => int32At(rank, int32At(periodIds, i));
    /** The period of a point kept: only points with a readable period are. */
    const periodOf = (i: number): Period => {
      const period = periods[int32At(periodIds, i)];
      if (!period) throw new Error(`internal: point ${i} kept without a readable period`);
      return period;
    };

    // Points with a readable period stay, in file order; the others are reported.
    let n = 0;
    for (const i of points) {
      const id = int32At(periodIds, i);
      if (periods[id]) points[n++] = i;
      else {
        const text = this.read.periodTexts[id] ?? '';
        const field = this.periodColumnOf(id);
        log.row(
          'period',
          'error',
          int32At(lines, i),
          field,
          (first) =>
            msg.unreadablePeriod(
              text.trim(),
              p.headers[field] ?? '',
              resolved.reasons[id] ?? '',
              resolved.unknownForms[id],
              first,
            ),
          used,
        );
      }
    }
    // Files are usually in period order within a series: check before sorting.
    const order = points.subarray(0, n);
    let sorted = true;
    let distinct = n > 0 ? 1 : 0;
    for (let k = 1; k < n; k++) {
      const step = rankOf(int32At(order, k)) - rankOf(int32At(order, k - 1));
      if (step < 0) sorted = false;
      else if (step > 0) distinct++;
    }
    if (!sorted) {
      order.sort((x, y) => rankOf(x) - rankOf(y) || x - y); // x - y: file order within a period
      distinct = n > 0 ? 1 : 0;
      for (let k = 1; k < n; k++) if (rankOf(int32At(order, k)) !== rankOf(int32At(order, k - 1))) distinct++;
    }

    const label = source.source;
    const sourceOf = (i: number) => {
      const id = sourceIds ? int32At(sourceIds, i) : -1;
      const text = id >= 0 ? texts[id] : undefined;
      return typeof text === 'string' ? text : label; // a source is the file's text, never one of mel's notes
    };
    const noteOf = (i: number) => {
      const id = noteIds ? int32At(noteIds, i) : -1;
      return id >= 0 ? texts[id] : undefined;
    };
    const out = {
      periods: new Array<Period>(distinct),
      values: new Float64Array(distinct),
      lines: new Int32Array(distinct),
      sources: new Array<string | undefined>(distinct),
      notes: store.noteIds ? new Array<Text | undefined>(distinct) : undefined,
    };
    let o = 0;
    const emit = (i: number, value = float64At(values, i), source = sourceOf(i), note = noteOf(i)) => {
      out.periods[o] = periodOf(i);
      out.values[o] = value;
      out.lines[o] = int32At(lines, i);
      out.sources[o] = source;
      if (out.notes) out.notes[o] = note;
      o++;
    };

    if (distinct === n) {
      // No period repeats (the usual file): every point as it is, without the policy.
      for (let k = 0; k < n; k++) {
        const i = int32At(order, k);
        out.periods[k] = periodOf(i);
        out.values[k] = float64At(values, i);
        out.lines[k] = int32At(lines, i);
      }
      if (sourceIds) for (let k = 0; k < n; k++) out.sources[k] = sourceOf(int32At(order, k));
      else out.sources.fill(label);
      if (out.notes && noteIds) for (let k = 0; k < n; k++) out.notes[k] = noteOf(int32At(order, k));
      o = n;
    }
    for (let k = o; k < n; ) {
      const first = int32At(order, k);
      let end = k + 1;
      while (end < n && rankOf(int32At(order, end)) === rankOf(first)) end++;
      if (end === k + 1) {
        emit(first);
        k++;
        continue;
      }
      const group = order.subarray(k, end); // in file order
      k = end;
      switch (source.duplicates) {
        case 'first':
          emit(first);
          break;
        case 'last':
          emit(int32At(group, group.length - 1));
          break;
        case 'mean': {
          let sum = 0;
          let count = 0;
          for (const i of group) {
            const value = float64At(values, i);
            if (Number.isNaN(value)) continue;
            sum += value;
            count++;
          }
          const members = Array.from(group);
          emit(
            first,
            count ? sum / count : NaN,
            joinDistinct(members.map(sourceOf)),
            joinDistinctNotes(members.map(noteOf)),
          );
          break;
        }
        case 'error': {
          emit(first);
          const period = periodOf(first).id;
          const firstLine = int32At(lines, first);
          for (const i of group.subarray(1)) {
            log.row(
              'duplicate',
              'error',
              int32At(lines, i),
              this.periodColumnOf(int32At(periodIds, i)),
              () => msg.duplicateRow(this.seriesLabel(keys), period, firstLine, source.id),
              used,
            );
          }
        }
      }
    }
    const { notes, ...rest } = out;
    return { keys, ...rest, ...(notes ? { notes } : {}) };
  }

  /** The field a period's value is in: the period column (long) or the period's own column (wide). */
  private periodColumnOf(periodId: number): number {
    const p = this.read.plan;
    if (p.period >= 0) return p.period;
    return this.read.periodIdOfColumn.find((c) => c.periodId === periodId)?.field ?? 0;
  }

  /** `stunting_u5 (area: rural)`: the indicator code, then the other key values. */
  private seriesLabel(keys: Readonly<Record<string, string>>): string {
    const indicatorName = this.read.source.columns?.indicator ?? 'indicator';
    const others = Object.entries(keys).filter(([name]) => name !== indicatorName);
    const code = `\`${keys[indicatorName] ?? ''}\``;
    return others.length ? `${code} (${others.map(([n, v]) => `${n}: ${v}`).join(', ')})` : code;
  }
}

/** `A; B` from the distinct defined texts, in order; undefined when there are none. */
/** Distinct notes joined with `; `, in every language when one is mel's own. */
function joinDistinctNotes(notes: readonly (Text | undefined)[]): Text | undefined {
  const present = notes.filter((t): t is Text => t !== undefined);
  if (present.every((t) => typeof t === 'string')) return joinDistinct(present);
  const distinct = [...new Map(present.map((t) => [typeof t === 'string' ? t : `${t.en}\u0000${t.es}`, t])).values()];
  return joinTexts('; ', ...distinct);
}

function joinDistinct(texts: readonly (string | undefined)[]): string | undefined {
  const distinct = [...new Set(texts.filter((t): t is string => t !== undefined))];
  return distinct.length ? distinct.join('; ') : undefined;
}
