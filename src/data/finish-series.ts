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
  const series = new Array<Series>(read.seriesKeys.length);
  for (let s = 0; s < series.length; s++) {
    const keys = read.seriesKeys[s];
    if (keys === undefined) throw new Error(`internal: no keys for series ${s}`);
    const from = int32At(start, s);
    const to = int32At(start, s + 1);
    // Asked only when a problem is logged: the indicators' matches are checked then.
    const used = () => read.isUsed?.(s) ?? true;
    series[s] =
      finisher.inPlace(keys, from, to, order) ??
      finisher.series(keys, order ? order.subarray(from, to) : pointRange(from, to), used);
  }
  return series;
}

/** The store's points from .. to - 1, as a list to reorder. */
function pointRange(from: number, to: number): Int32Array {
  const points = new Int32Array(to - from);
  for (let k = 0; k < points.length; k++) points[k] = from + k;
  return points;
}

/**
 * One array for a run of series that hold the same elements: the previous series' array
 * when the new one equals it (the periods of a national file's series are the same sixty
 * months, their sources the data source's label), else a copy of the new one. Series
 * never change once read, so sharing an array is safe, and saves an array per series.
 */
class SharedArrays<T> {
  private last: readonly T[] = [];
  /** The first `n` elements of `scratch`, as the previous array when equal to it. */
  take(scratch: readonly T[], n: number): readonly T[] {
    const last = this.last;
    if (last.length === n) {
      let k = 0;
      while (k < n && last[k] === scratch[k]) k++;
      if (k === n) return last;
    }
    this.last = scratch.slice(0, n);
    return this.last;
  }
}

class SeriesFinisher {
  /**
   * The values and lines of every series, one after the other: each series' arrays are
   * views of these (a typed array per series costs microseconds to allocate, 20,000 of
   * them a sizeable part of reading a national file).
   */
  private values = new Float64Array(0);
  private lines = new Int32Array(0);
  private used = 0;
  /** A series' periods, sources and notes while it is built. */
  private readonly periods: Period[] = [];
  private readonly sources: (string | undefined)[] = [];
  private readonly notes: (Text | undefined)[] = [];
  private readonly sharedPeriods = new SharedArrays<Period>();
  private readonly sharedSources = new SharedArrays<string | undefined>();
  private readonly sharedNotes = new SharedArrays<Text | undefined>();

  constructor(
    private readonly read: PointsRead,
    private readonly resolved: ResolvedPeriods,
    /** Source and note texts trimmed, undefined when blank. */
    private readonly texts: readonly (Text | undefined)[],
  ) {}

  /**
   * A series whose points are one run of the store, in period order, each with a readable
   * period of its own (the usual file, written series by series and month by month): its
   * values and lines are views of the store's own, nothing copied. Undefined otherwise:
   * `series` then sorts, merges and reports.
   */
  inPlace(keys: Record<string, string>, from: number, to: number, order: Int32Array | undefined): Series | undefined {
    if (to <= from) return undefined;
    const store = this.read.store;
    const { periods, rank } = this.resolved;
    const periodIds = store.periodIds;
    const first = order ? int32At(order, from) : from;
    let previousRank = -1;
    for (let k = 0; k < to - from; k++) {
      const i = first + k;
      if (order && int32At(order, from + k) !== i) return undefined;
      const id = int32At(periodIds, i);
      const period = periods[id];
      const r = int32At(rank, id);
      if (period === undefined || r <= previousRank) return undefined;
      previousRank = r;
      this.periods[k] = period;
      this.sources[k] = this.sourceOf(i);
      if (store.noteIds) this.notes[k] = this.noteOf(i);
    }
    const n = to - from;
    const series: Series = {
      keys,
      periods: this.sharedPeriods.take(this.periods, n),
      values: store.values.subarray(first, first + n),
      lines: store.lines.subarray(first, first + n),
      sources: this.sharedSources.take(this.sources, n),
    };
    return store.noteIds ? { ...series, notes: this.sharedNotes.take(this.notes, n) } : series;
  }

  /** The source of point i: the file's text, never one of mel's notes; else the data source's label. */
  private sourceOf(i: number): string | undefined {
    const ids = this.read.store.sourceIds;
    const id = ids ? int32At(ids, i) : -1;
    const text = id >= 0 ? this.texts[id] : undefined;
    return typeof text === 'string' ? text : this.read.source.source;
  }

  private noteOf(i: number): Text | undefined {
    const ids = this.read.store.noteIds;
    const id = ids ? int32At(ids, i) : -1;
    return id >= 0 ? this.texts[id] : undefined;
  }

  /** The period of a point kept: only points with a readable period are. */
  private periodOf(i: number): Period {
    const period = this.resolved.periods[int32At(this.read.store.periodIds, i)];
    if (!period) throw new Error(`internal: point ${i} kept without a readable period`);
    return period;
  }

  private rankOf(i: number): number {
    return int32At(this.resolved.rank, int32At(this.read.store.periodIds, i));
  }

  /**
   * One series from its points (`points`: indices into the store, in file order, reordered
   * in place): sorted by period, with the `duplicates` policy applied to repeated periods.
   */
  series(keys: Record<string, string>, points: Int32Array, used: () => boolean): Series {
    const { plan: p, store, source, log } = this.read;
    const resolved = this.resolved;
    const { periods } = resolved;
    const { periodIds, values, lines } = store;

    // Points with a readable period stay, in file order; the others are reported.
    let n = 0;
    for (let k = 0; k < points.length; k++) {
      const i = int32At(points, k);
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
      const step = this.rankOf(int32At(order, k)) - this.rankOf(int32At(order, k - 1));
      if (step < 0) sorted = false;
      else if (step > 0) distinct++;
    }
    if (!sorted) {
      order.sort((x, y) => this.rankOf(x) - this.rankOf(y) || x - y); // x - y: file order within a period
      distinct = n > 0 ? 1 : 0;
      for (let k = 1; k < n; k++) if (this.rankOf(int32At(order, k)) !== this.rankOf(int32At(order, k - 1))) distinct++;
    }

    if (this.values.length === 0) {
      // Series copied out of the store, one after the other (see inPlace for those that need not be).
      this.values = new Float64Array(store.length);
      this.lines = new Int32Array(store.length);
    }
    const at = this.used;
    this.used += distinct;
    const outValues = this.values.subarray(at, at + distinct);
    const outLines = this.lines.subarray(at, at + distinct);
    const outPeriods = this.periods;
    const outSources = this.sources;
    const outNotes = this.notes;
    const withNotes = store.noteIds !== undefined;
    let o = 0;
    const emit = (i: number, value: number, pointSource: string | undefined, note: Text | undefined) => {
      outPeriods[o] = this.periodOf(i);
      outValues[o] = value;
      outLines[o] = int32At(lines, i);
      outSources[o] = pointSource;
      if (withNotes) outNotes[o] = note;
      o++;
    };

    for (let k = 0; k < n; ) {
      const first = int32At(order, k);
      let end = k + 1;
      if (distinct !== n) while (end < n && this.rankOf(int32At(order, end)) === this.rankOf(first)) end++;
      if (end === k + 1) {
        // No repeat of this period (every point of the usual file): the point as it is.
        outPeriods[o] = this.periodOf(first);
        outValues[o] = float64At(values, first);
        outLines[o] = int32At(lines, first);
        outSources[o] = this.sourceOf(first);
        if (withNotes) outNotes[o] = this.noteOf(first);
        o++;
        k++;
        continue;
      }
      const group = order.subarray(k, end); // in file order
      k = end;
      switch (source.duplicates) {
        case 'first':
          emit(first, float64At(values, first), this.sourceOf(first), this.noteOf(first));
          break;
        case 'last': {
          const last = int32At(group, group.length - 1);
          emit(last, float64At(values, last), this.sourceOf(last), this.noteOf(last));
          break;
        }
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
            joinDistinct(members.map((i) => this.sourceOf(i))),
            joinDistinctNotes(members.map((i) => this.noteOf(i))),
          );
          break;
        }
        case 'error': {
          emit(first, float64At(values, first), this.sourceOf(first), this.noteOf(first));
          const period = this.periodOf(first).id;
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
    const series: Series = {
      keys,
      periods: this.sharedPeriods.take(outPeriods, o),
      values: outValues,
      lines: outLines,
      sources: this.sharedSources.take(outSources, o),
    };
    return withNotes ? { ...series, notes: this.sharedNotes.take(outNotes, o) } : series;
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
