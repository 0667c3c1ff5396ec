// The points of a file while it is read: columnar, in typed arrays, with their texts
// interned. A row costs four to six numbers however long its texts are, so memory grows
// with the number of points and of distinct texts, never with the size of the file.

/** Each distinct text once, numbered in order of appearance. */
export class Interner {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

/**
 * A point's number at an index the code bounded itself (a point of the store, a position
 * below a count it keeps): a miss is a bug in mel-engine, said as one. Small enough for
 * V8 to inline, so the inner loops pay nothing for the check.
 */
export function int32At(a: Int32Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw new RangeError(`internal: index ${i} outside ${a.length} points`);
  return v;
}

/** A point's value (NaN: missing) at an index the code bounded itself; see int32At. */
export function float64At(a: Float64Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw new RangeError(`internal: index ${i} outside ${a.length} values`);
  return v;
}

const growInt32 = (a: Int32Array, size: number) => {
  const b = new Int32Array(size);
  b.set(a);
  return b;
};

/**
 * Every point of the file while it is read, by columns, in file order: a few numbers
 * per row in arrays that double when full. One store for the whole table rather than
 * one per series: 20,000 series would otherwise mean hundreds of thousands of small
 * arrays allocated and copied as each grows. The series of the points are kept as runs
 * (a series and the point it starts at), not a number per point: a file's rows of one
 * series usually follow each other, and fresh memory is what costs most to fill.
 */
export class PointStore {
  length = 0;
  periodIds: Int32Array;
  values: Float64Array;
  lines: Int32Array;
  /** Interned source and note texts per point (-1: none), only when the file has those columns. */
  sourceIds?: Int32Array;
  noteIds?: Int32Array;
  /** Runs of points of one series: the first point of each, and its series. */
  private runStarts = new Int32Array(64);
  private runSeries = new Int32Array(64);
  private runs = 0;
  private lastSeries = -1;

  constructor(capacity: number, withSources: boolean, withNotes: boolean) {
    const size = Math.max(16, capacity);
    this.periodIds = new Int32Array(size);
    this.values = new Float64Array(size);
    this.lines = new Int32Array(size);
    if (withSources) this.sourceIds = new Int32Array(size);
    if (withNotes) this.noteIds = new Int32Array(size);
  }

  push(seriesId: number, periodId: number, value: number, line: number, sourceId: number, noteId: number): void {
    const i = this.length;
    if (i === this.values.length) this.grow();
    if (seriesId !== this.lastSeries) this.startRun(i, seriesId);
    this.periodIds[i] = periodId;
    this.values[i] = value;
    this.lines[i] = line;
    if (this.sourceIds) this.sourceIds[i] = sourceId;
    if (this.noteIds) this.noteIds[i] = noteId;
    this.length = i + 1;
  }

  private startRun(at: number, seriesId: number): void {
    if (this.runs === this.runStarts.length) {
      this.runStarts = growInt32(this.runStarts, this.runs * 2);
      this.runSeries = growInt32(this.runSeries, this.runs * 2);
    }
    this.runStarts[this.runs] = at;
    this.runSeries[this.runs] = seriesId;
    this.runs++;
    this.lastSeries = seriesId;
  }

  private grow(): void {
    const size = this.values.length * 2;
    this.periodIds = growInt32(this.periodIds, size);
    this.lines = growInt32(this.lines, size);
    const values = new Float64Array(size);
    values.set(this.values);
    this.values = values;
    if (this.sourceIds) this.sourceIds = growInt32(this.sourceIds, size);
    if (this.noteIds) this.noteIds = growInt32(this.noteIds, size);
  }

  /** The end (exclusive) of run r. */
  private runEnd(r: number): number {
    return r + 1 < this.runs ? int32At(this.runStarts, r + 1) : this.length;
  }

  /**
   * The points of each series in file order: `order[start[s] .. start[s + 1]]` are the
   * points of series s. Without `order` the store is grouped already (each series' rows
   * one run, series numbered in order of first appearance, as a file written series by
   * series is): the points of series s are start[s] .. start[s + 1] themselves. Else the
   * runs are laid out series by series (a counting sort on their series).
   */
  bySeries(seriesCount: number): { order?: Int32Array; start: Int32Array } {
    const start = new Int32Array(seriesCount + 1);
    const { runStarts, runSeries, runs } = this;
    let grouped = runs === seriesCount;
    for (let r = 0; grouped && r < runs; r++) grouped = int32At(runSeries, r) === r;
    if (grouped) {
      for (let r = 0; r < runs; r++) start[r] = int32At(runStarts, r);
      start[seriesCount] = this.length;
      return { start };
    }
    for (let r = 0; r < runs; r++) {
      const s = int32At(runSeries, r) + 1;
      start[s] = int32At(start, s) + this.runEnd(r) - int32At(runStarts, r);
    }
    for (let s = 0; s < seriesCount; s++) start[s + 1] = int32At(start, s + 1) + int32At(start, s);
    const next = start.slice(0, seriesCount);
    const order = new Int32Array(this.length);
    for (let r = 0; r < runs; r++) {
      const s = int32At(runSeries, r);
      let at = int32At(next, s);
      for (let i = int32At(runStarts, r); i < this.runEnd(r); i++) order[at++] = i;
      next[s] = at;
    }
    return { order, start };
  }
}
