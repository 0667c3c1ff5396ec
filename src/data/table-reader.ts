// Turns a file's records into points of its series: the record sink every format feeds
// (CSV lines, workbook rows, JSON records; see src/data/formats).
//
// The first row within the first lines that has the configured columns is the header
// (rows above it are a preamble: World Bank downloads have four lines of it, workbooks
// a title); `header_row:` names it instead. Each later row is checked (its length, its
// indicator code), its values parsed (parse-number.ts, or taken as the workbook stores
// them), and appended to the point store under its series and interned period. Anything
// wrong with a row is an issue at its place, and reading goes on: one run reports every
// problem. A problem in a row no indicator uses is counted, not raised (row-usage.ts).
// Rows of one cell at the end of the table are notes ("Source: ..."), ignored with a warning.
import * as msg from '../messages/data.js';
import { joinTexts, type Localized, type Text } from '../messages/localized.js';
import { parsePeriod } from '../periods/period.js';
import type { DataSource } from '../spec/schema.js';
import { planColumns, type ColumnPlan, type HeaderAttempt, type PlanContext, type PlanIssue } from './column-plan.js';
import type { Delimiter } from './dialect.js';
import { finishSeries } from './finish-series.js';
import { withWorldBankDefaults } from './formats/world-bank.js';
import { IssueLog } from './issue-log.js';
import { decimalCodeOf, MISSING, parseNumber, parsePlainSpan, type NumberFormat } from './parse-number.js';
import { sameText } from './line-fields.js';
import { Interner, int32At, PointStore } from './point-store.js';
import type { Positions } from './positions.js';
import { fieldAt, type RecordExtras, type RecordSink } from './record-stream.js';
import { type ColumnMatch, RowUsage } from './row-usage.js';
import { SeriesIndex } from './series-index.js';
import type { LoadedTable } from './series.js';

/** Lines searched for the header: a preamble or a title above it is skipped. */
export const HEADER_SEARCH_LINES = 20;
/** The point store never starts larger than this, whatever the file size suggests. */
const MAX_INITIAL_POINTS = 1 << 26;

/** What the reader needs besides the data source. */
export interface ReaderContext extends PlanContext {
  /** Where a record's field is in the file (default: CSV line and column). */
  readonly positions?: Positions;
  /** Each indicator's match on this file; undefined: every row is used. */
  readonly matches?: readonly ColumnMatch[];
  /** Values carry notes of their own (Eurostat's flags): the store keeps a note per point. */
  readonly valueNotes?: boolean;
  /** Workbook cells: five-digit numbers in a period column are Excel serial dates. */
  readonly serialDates?: boolean;
  /** Say how 01/02/2024 was read when the file shows no day above 12 and `dates:` is not set. */
  readonly warnAmbiguousDates?: boolean;
}

/** True when every field is empty or spaces (an empty line, or `;;;` that Excel leaves). */
function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}

/** How many fields hold something, counting no further than `max`. */
function filledFields(fields: readonly string[], max: number): number {
  let n = 0;
  for (const f of fields) if (f !== '' && f.trim() !== '' && ++n >= max) break;
  return n;
}

/** The end of field f of a line whose fields start at `starts` (plainLine): its delimiter or line break. */
const fieldEnd = (starts: Int32Array, f: number) => int32At(starts, f + 1) - 1;

const better = (a: HeaderAttempt, b: HeaderAttempt) =>
  a.missingRequired < b.missingRequired || (a.missingRequired === b.missingRequired && a.named > b.named);

/** Receives the file's records: finds the header, then turns each row into points of its series. */
export class TableReader implements RecordSink {
  plan?: ColumnPlan;
  readonly log: IssueLog;
  rowCount = 0;
  missingCount = 0;
  private bestAttempt?: HeaderAttempt & { issues: PlanIssue[] };
  private firstHeaderTry = -1;
  private points = new PointStore(0, false, false);
  private series = new SeriesIndex([], []);
  private usage = new RowUsage(undefined, [], []);
  private readonly periods = new Interner();
  /** Source and note texts. */
  private readonly texts = new Interner();
  /** The notes mel wrote in every language, by text id. */
  private readonly localizedTexts = new Map<number, Localized>();
  /**
   * Rows per indicator code as written; rows of one code usually follow each other, so
   * a run of them is counted locally and added to the Map once (flushCode).
   */
  private readonly rowsByRawCode = new Map<string, number>();
  private lastCode = '';
  private lastCodeRows = 0;
  /** Wide layout: the interned period of each period column. */
  private periodIdOfColumn: { field: number; periodId: number }[] = [];
  /** Periods-rows layout: the key fields of a row followed by a column's header, and rows per column. */
  private synthetic: string[] = [];
  private rowsOfColumn = new Int32Array(0);
  /** Rows of one cell, held until a row of data shows they were not below the table. */
  private held: { fields: string[]; line: number; extras?: RecordExtras }[] = [];
  /** Plain lines of a long table are read in place (plainLine); the state that needs. */
  private readonly inPlace = {
    /** Whether the table's rows can be: a long layout whose indicator is a column of the file. */
    on: false,
    delimiterCode: 0,
    decimalCode: 0,
    /** The fields that identify a series (the indicator column among them), and by field whether it is one. */
    keyFields: new Int32Array(0),
    isKey: new Uint8Array(0),
    /** Where each field of the line starts: field f ends at starts[f + 1] - 1 (line-fields.ts). */
    starts: new Int32Array(0),
    /**
     * The row read in place just before, when the one before this is (record resets it):
     * its text, field starts and series. A row whose key fields are the same is of the same series.
     */
    previousText: '',
    previousStarts: new Int32Array(0),
    previousSeries: -1,
    /** Key fields of a row of another series, cut for SeriesIndex.of. */
    cut: [] as string[],
    /** Per period id, the period that followed it last: the next row's likely period. */
    periodAfter: [] as number[],
    lastPeriod: -1,
  };

  /** Disaggregations the format implied rather than the data source listed (see LoadedTable). */
  private implied?: readonly string[];

  constructor(
    private source: DataSource,
    private options: ReaderContext,
    private readonly delimiter: Delimiter,
    private readonly format: NumberFormat,
    /** Rows the file is expected to hold, from its size: the point store is sized once. */
    private readonly rowsExpected: number,
  ) {
    this.log = new IssueLog(source.file, options.positions);
  }

  /**
   * The data source a format's records amount to, known once its header is read (an
   * SDMX-CSV file's dimensions): set before the header reaches the reader.
   */
  useSource(source: DataSource, impliedDisaggregations?: readonly string[]): void {
    if (this.plan) throw new Error('internal: useSource after the header');
    this.source = source;
    this.implied = impliedDisaggregations;
  }

  record(fields: string[], line: number, extras?: RecordExtras): boolean {
    this.inPlace.previousSeries = -1; // the next row read in place is compared with none
    if (this.plan) {
      this.row(this.plan, fields, line, extras);
      return true;
    }
    return this.header(fields, line);
  }

  /** The header: the row `header_row` names, else the first row with the configured columns. */
  private header(fields: string[], line: number): boolean {
    const forced = this.source.header_row;
    if (forced !== undefined && line < forced) return true;
    if (forced === undefined && isBlankRecord(fields)) return line < HEADER_SEARCH_LINES;
    // A header of a known layout (the World Bank's) brings that layout's defaults.
    const known = this.source.format === 'wide' ? withWorldBankDefaults(this.source, fields) : undefined;
    const attempt = planColumns(fields, line, known?.source ?? this.source, this.options);
    if (this.firstHeaderTry < 0) this.firstHeaderTry = line;
    if (attempt.plan) {
      if (known) this.useSource(known.source, known.implied);
      this.start(attempt.plan, attempt.issues);
      return true;
    }
    if (!this.bestAttempt || better(attempt, this.bestAttempt)) this.bestAttempt = attempt;
    return forced === undefined && line < HEADER_SEARCH_LINES;
  }

  private start(plan: ColumnPlan, issues: readonly PlanIssue[]): void {
    this.plan = plan;
    for (const i of issues) this.log.at(i.severity, i.message, i.line, i.field);
    const pointsPerRow =
      plan.layout === 'wide'
        ? plan.periodColumns.length
        : plan.layout === 'periods-rows'
          ? plan.seriesColumns.length
          : 1;
    this.points = new PointStore(
      Math.min(this.rowsExpected * pointsPerRow, MAX_INITIAL_POINTS),
      plan.source >= 0,
      plan.note >= 0 || this.options.valueNotes === true,
    );
    if (plan.layout === 'periods-rows') {
      // Series are found from [row key values..., column header]: one synthetic record, reused.
      const n = plan.keyFields.length;
      this.series = new SeriesIndex(
        Array.from({ length: n + 1 }, (_, k) => k),
        [...plan.keyNames, plan.columnKeyName],
      );
      this.synthetic = new Array<string>(n + 1).fill('');
      this.rowsOfColumn = new Int32Array(plan.seriesColumns.length);
    } else this.series = new SeriesIndex(plan.keyFields, plan.keyNames);
    this.usage = this.rowUsage(plan);
    this.periodIdOfColumn = plan.periodColumns.map((c) => ({ field: c.field, periodId: this.periods.id(c.text) }));
    const inPlace = this.inPlace;
    inPlace.on = plan.layout === 'long' && plan.constantIndicator === undefined;
    inPlace.delimiterCode = this.delimiter.charCodeAt(0);
    inPlace.decimalCode = decimalCodeOf(this.format);
    inPlace.keyFields = Int32Array.from(plan.keyFields);
    inPlace.isKey = new Uint8Array(plan.width);
    for (const f of plan.keyFields) inPlace.isKey[f] = 1;
    inPlace.starts = new Int32Array(plan.width + 1);
    inPlace.previousStarts = new Int32Array(plan.width + 1);
    inPlace.cut = new Array<string>(plan.width).fill('');
  }

  /**
   * A plain line of a long table (record-stream.ts) read where it is, without a string
   * per field: the usual row, whose fields match the header, whose code and value are
   * there and whose value is a plain number, is read exactly as `record` would read it.
   * Any other line (an issue to report, a missing value, a note below the table) is left
   * to `record`: false, before anything is changed.
   */
  plainLine(text: string, start: number, end: number, line: number): boolean {
    const p = this.plan;
    const state = this.inPlace;
    if (p === undefined || !state.on || this.held.length) return false;
    const starts = state.starts;
    const previousSeries = this.fieldsInPlace(text, start, end, p.width);
    if (previousSeries === undefined) return false;
    if (fieldEnd(starts, p.lastNeededField) === int32At(starts, p.lastNeededField)) return false;
    const value = parsePlainSpan(text, int32At(starts, p.value), fieldEnd(starts, p.value), state.decimalCode);
    if (Number.isNaN(value)) return false;

    // The series: the previous row's when the key fields are the same (the indicator code
    // with them: that row's code, counted as lastCode), else found by the key fields cut.
    let series = previousSeries;
    if (series >= 0) this.lastCodeRows++;
    else {
      const codeStart = int32At(starts, p.indicator);
      const codeEnd = fieldEnd(starts, p.indicator);
      const sameCode = this.lastCode !== '' && sameText(text, codeStart, codeEnd, this.lastCode);
      const code = sameCode ? this.lastCode : text.slice(codeStart, codeEnd);
      if (code.trim() === '') return false;
      // The row is read from here on: as countCode and longRow read it.
      if (sameCode) this.lastCodeRows++;
      else {
        this.flushCode();
        this.lastCode = code;
        this.lastCodeRows = 1;
      }
      const cut = state.cut;
      for (const f of state.keyFields) cut[f] = text.slice(int32At(starts, f), fieldEnd(starts, f));
      series = this.series.of(cut);
    }
    this.rowCount++;

    const periodStart = int32At(starts, p.period);
    const periodEnd = fieldEnd(starts, p.period);
    const guess = state.lastPeriod >= 0 ? (state.periodAfter[state.lastPeriod] ?? -1) : -1;
    const guessed = guess >= 0 ? this.periods.texts[guess] : undefined;
    let period: number;
    if (guessed !== undefined && sameText(text, periodStart, periodEnd, guessed)) period = guess;
    else {
      period = this.periods.id(text.slice(periodStart, periodEnd));
      if (state.lastPeriod >= 0) state.periodAfter[state.lastPeriod] = period;
    }
    state.lastPeriod = period;
    this.points.push(series, period, value, line, this.textInPlace(text, p.source), this.textInPlace(text, p.note));

    state.previousText = text;
    state.starts = state.previousStarts;
    state.previousStarts = starts;
    state.previousSeries = series;
    return true;
  }

  /**
   * Where each field of the line `text[start, end)` starts (into inPlace.starts: field f
   * ends at starts[f + 1] - 1), found in one pass that also compares the key fields with
   * the previous row's as it goes: the previous row's series when they are all the same,
   * else -1; undefined when the line does not have `width` fields.
   */
  private fieldsInPlace(text: string, start: number, end: number, width: number): number | undefined {
    const state = this.inPlace;
    const { starts, previousStarts: before, previousText: previous, isKey, delimiterCode } = state;
    let same = state.previousSeries >= 0;
    starts[0] = start;
    let f = 0;
    let key = isKey[0] === 1;
    // In a key field: where its counterpart in the previous row is compared up to, and ends.
    let at = same ? int32At(before, 0) : 0;
    let stop = same ? fieldEnd(before, 0) : 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === delimiterCode) {
        if (same && key && at !== stop) same = false;
        if (++f === width) return undefined;
        starts[f] = i + 1;
        key = isKey[f] === 1;
        if (same && key) {
          at = int32At(before, f);
          stop = fieldEnd(before, f);
        }
      } else if (same && key) {
        if (at >= stop || previous.charCodeAt(at) !== c) same = false;
        else at++;
      }
    }
    if (same && key && at !== stop) same = false;
    if (f + 1 !== width) return undefined;
    starts[width] = end + 1;
    return same ? state.previousSeries : -1;
  }

  /** textId of field f of the line plainLine reads. */
  private textInPlace(text: string, f: number): number {
    if (f < 0) return -1;
    const starts = this.inPlace.starts;
    const from = int32At(starts, f);
    const to = fieldEnd(starts, f);
    return to === from ? -1 : this.texts.id(text.slice(from, to));
  }

  /** Which rows and series the indicators' matches use, by the plan's key columns. */
  private rowUsage(plan: ColumnPlan): RowUsage {
    const matches = this.matchesByColumn(plan);
    if (plan.layout !== 'periods-rows') return new RowUsage(matches, plan.keyNames, plan.keyFields);
    const n = plan.keyFields.length;
    const fields = Array.from({ length: n + 1 }, (_, k) => k);
    return new RowUsage(matches, [...plan.keyNames, plan.columnKeyName], fields);
  }

  /**
   * The indicators that use the file, known after it was read (read-table.ts, readAhead):
   * their matches and frequency replace those it was read with, and the problems its log
   * held (IssueLog.defer) are logged, each row judged used or not by the matches now.
   */
  adopt(context: Pick<ReaderContext, 'matches' | 'frequencyHint'>): void {
    this.options = { ...this.options, matches: context.matches, frequencyHint: context.frequencyHint };
    if (this.plan) this.usage = this.rowUsage(this.plan);
    this.log.resolve();
  }

  /** The indicators' matches by column: `indicator` is the indicator column, unless the file has one so named. */
  private matchesByColumn(plan: ColumnPlan): ColumnMatch[] | undefined {
    const indicatorName = this.source.columns?.indicator ?? 'indicator';
    const named = [...plan.keyNames, plan.columnKeyName].includes('indicator');
    return this.options.matches?.map((m) =>
      Object.fromEntries(Object.entries(m).map(([k, v]) => [k === 'indicator' && !named ? indicatorName : k, v])),
    );
  }

  private row(p: ColumnPlan, fields: string[], line: number, extras?: RecordExtras): void {
    // Cheap test first: a data row has its last needed field.
    const last = fields[p.lastNeededField];
    if (last === undefined || last === '' || p.layout === 'periods-rows') {
      const filled = filledFields(fields, 2);
      if (filled === 0) return;
      if (filled === 1 && this.looksLikeNote(fields)) {
        this.held.push({ fields, line, extras });
        return;
      }
    }
    if (this.held.length) this.releaseHeld(p);
    this.dataRow(p, fields, line, extras);
  }

  /** A row of one cell is a note when that cell is text: neither a number nor a period (a pivot's empty month). */
  private looksLikeNote(fields: readonly string[]): boolean {
    const text = (fields.find((f) => f.trim() !== '') ?? '').trim();
    if (typeof parseNumber(text, this.format) === 'number') return false;
    return !parsePeriod(text, { fiscalYearStart: this.options.fiscalYearStart }).ok;
  }

  /** Held one-cell rows were inside the table after all: read them as rows. */
  private releaseHeld(p: ColumnPlan): void {
    const held = this.held;
    this.held = [];
    for (const r of held) this.dataRow(p, r.fields, r.line, r.extras);
  }

  /** A row of data; its fields from here on hold the header's width (fitsHeader pads a short row). */
  private dataRow(p: ColumnPlan, fields: string[], line: number, extras?: RecordExtras): void {
    if (fields.length !== p.width && !this.fitsHeader(p, fields, line)) return;
    if (p.constantIndicator !== undefined) fields[p.width] = p.constantIndicator;
    if (p.layout === 'long') this.longRow(p, fields, line, extras);
    else if (p.layout === 'wide') this.wideRow(p, fields, line, extras);
    else this.periodsRow(p, fields, line, extras);
  }

  /**
   * Checks a row's length: extra fields that are all empty (a trailing `;`) are fine, and
   * so is a row short only of fields nothing needs (Excel leaves trailing empty cells
   * out); it is padded with empty fields.
   */
  private fitsHeader(p: ColumnPlan, fields: string[], line: number): boolean {
    const width = p.width;
    if (fields.length > width && isBlankRecord(fields.slice(width))) return true;
    if (fields.length < width && fields.length > p.lastNeededField) {
      while (fields.length < width) fields.push('');
      return true;
    }
    this.rowCount++;
    this.log.row(
      'fields',
      'error',
      line,
      Math.min(fields.length, width),
      () => msg.wrongFieldCount(fields.length, width, this.delimiter),
      () => this.usage.fieldsUsed(fields),
    );
    return false;
  }

  /** Counts the row under its indicator code; false (after a warning) when it has none. */
  private countCode(p: ColumnPlan, code: string, fields: string[], line: number): boolean {
    if (code === this.lastCode && code !== '') {
      this.lastCodeRows++;
      return true;
    }
    if (code === '' || code.trim() === '') {
      if (isBlankRecord(fields)) return false;
      this.rowCount++;
      this.log.row('code', 'warning', line, p.indicator, () => msg.emptyIndicatorCode(p.headers[p.indicator] ?? ''));
      return false;
    }
    this.flushCode();
    this.lastCode = code;
    this.lastCodeRows = 1;
    return true;
  }

  private flushCode(): void {
    if (this.lastCodeRows > 0)
      this.rowsByRawCode.set(this.lastCode, (this.rowsByRawCode.get(this.lastCode) ?? 0) + this.lastCodeRows);
    this.lastCodeRows = 0;
  }

  private longRow(p: ColumnPlan, fields: string[], line: number, extras?: RecordExtras): void {
    if (!this.countCode(p, fieldAt(fields, p.indicator), fields, line)) return;
    this.rowCount++;
    const text = fieldAt(fields, p.value);
    const stored = extras?.numbers?.[p.value];
    let value: number;
    if (stored !== undefined) value = stored;
    else {
      const cell = parseNumber(text, this.format);
      if (typeof cell === 'number') value = cell;
      else if (cell === MISSING) {
        value = NaN;
        this.missingCount++;
      } else {
        this.log.row(
          'value',
          'error',
          line,
          p.value,
          () => msg.nonNumericValue(text.trim(), p.headers[p.value] ?? '', cell.problem),
          () => this.usage.fieldsUsed(fields),
        );
        return;
      }
    }
    const valueNote = extras?.notes?.[p.value];
    this.points.push(
      this.series.of(fields),
      this.periods.id(fieldAt(fields, p.period)),
      value,
      line,
      this.textId(fields, p.source),
      valueNote ? this.noteId(valueNote) : this.textId(fields, p.note),
    );
  }

  private wideRow(p: ColumnPlan, fields: string[], line: number, extras?: RecordExtras): void {
    if (!this.countCode(p, fieldAt(fields, p.indicator), fields, line)) return;
    this.rowCount++;
    const series = this.series.of(fields);
    const sourceId = this.textId(fields, p.source);
    const noteId = this.textId(fields, p.note);
    const numbers = extras?.numbers;
    const notes = extras?.notes;
    for (const { field, periodId } of this.periodIdOfColumn) {
      const text = fieldAt(fields, field);
      const note = notes?.[field];
      const noteOfValue = note ? this.noteId(note) : noteId;
      const stored = numbers?.[field];
      if (stored !== undefined) {
        this.points.push(series, periodId, stored, line, sourceId, noteOfValue);
        continue;
      }
      // An empty cell of a wide file is the layout's filler (no survey that year), not a
      // reported missing value: no point, not counted. Explicit markers (`..`) are.
      if (text === '') continue;
      const cell = parseNumber(text, this.format);
      if (typeof cell === 'number') this.points.push(series, periodId, cell, line, sourceId, noteOfValue);
      else if (cell === MISSING) {
        if (text.trim() === '') continue;
        this.points.push(series, periodId, NaN, line, sourceId, noteOfValue);
        this.missingCount++;
      } else {
        this.log.row(
          'value',
          'error',
          line,
          field,
          () => msg.nonNumericValue(text.trim(), p.headers[field] ?? '', cell.problem),
          () => this.seriesUsed(series),
        );
      }
    }
  }

  /** One row per period, one column per series (a DHIS2 or Excel pivot). */
  private periodsRow(p: ColumnPlan, fields: string[], line: number, extras?: RecordExtras): void {
    this.rowCount++;
    const periodId = this.periods.id(fieldAt(fields, p.period));
    const synthetic = this.synthetic;
    const n = p.keyFields.length;
    let k = 0;
    for (const f of p.keyFields) synthetic[k++] = fieldAt(fields, f);
    const sourceId = this.textId(fields, p.source);
    const noteId = this.textId(fields, p.note);
    const rowsOfColumn = this.rowsOfColumn;
    let j = 0;
    for (const { field, header } of p.seriesColumns) {
      const column = j++;
      const text = fieldAt(fields, field);
      const stored = extras?.numbers?.[field];
      if (stored === undefined && (text === '' || text.trim() === '')) continue; // no value reported
      synthetic[n] = header;
      const series = this.series.of(synthetic);
      rowsOfColumn[column] = int32At(rowsOfColumn, column) + 1;
      const note = extras?.notes?.[field];
      const noteOfValue = note ? this.noteId(note) : noteId;
      if (stored !== undefined) {
        this.points.push(series, periodId, stored, line, sourceId, noteOfValue);
        continue;
      }
      const cell = parseNumber(text, this.format);
      if (typeof cell === 'number') this.points.push(series, periodId, cell, line, sourceId, noteOfValue);
      else if (cell === MISSING) {
        this.points.push(series, periodId, NaN, line, sourceId, noteOfValue);
        this.missingCount++;
      } else {
        this.log.row(
          'value',
          'error',
          line,
          field,
          () => msg.nonNumericValue(text.trim(), header, cell.problem),
          () => this.seriesUsed(series),
        );
      }
    }
  }

  private textId(fields: string[], field: number): number {
    if (field < 0) return -1;
    const text = fieldAt(fields, field);
    return text === '' ? -1 : this.texts.id(text);
  }

  /**
   * The text id of a value's note: the file's own words, or a note mel wrote in every
   * language (a Eurostat flag), kept by its id beside the texts (a key no file text has).
   */
  private noteId(note: Text): number {
    if (typeof note === 'string') return this.texts.id(note);
    const id = this.texts.id(`\u0000${note.en}\u0000${note.es}`);
    this.localizedTexts.set(id, note);
    return id;
  }

  /** Whether some indicator uses a series of the file (its problems are errors, else counted warnings). */
  private seriesUsed(series: number): boolean {
    const keys = this.series.keys[series];
    if (keys === undefined) throw new Error(`internal: no series ${series} among ${this.series.count}`);
    return this.usage.seriesUsed(series, keys);
  }

  /** Rows of one cell left at the end: notes below the table, each ignored with a warning. */
  private warnHeldNotes(): void {
    for (const { fields, line } of this.held) {
      const field = fields.findIndex((f) => f.trim() !== '');
      this.log.row('note', 'warning', line, field, () => msg.noteRowIgnored(fieldAt(fields, field).trim()));
    }
    this.held = [];
  }

  /** The table, once every record has been read. */
  finish(): LoadedTable {
    const base = {
      sourceId: this.source.id,
      file: this.source.file,
      indicatorColumn: this.source.columns?.indicator ?? 'indicator',
      rowCount: this.rowCount,
      missingCount: this.missingCount,
      disaggregations: this.source.disaggregations ?? [],
      ...(this.implied?.length ? { impliedDisaggregations: this.implied } : {}),
    };
    const p = this.plan;
    if (!p) {
      this.reportHeaderNotFound();
      return { ...base, keyColumns: [], series: [], rowsByCode: new Map() };
    }
    this.warnHeldNotes();
    if (this.rowCount === 0) this.log.at('warning', msg.noDataRows(), p.headerLine);
    this.flushCode();
    for (const [j, c] of p.seriesColumns.entries()) {
      const rows = int32At(this.rowsOfColumn, j);
      if (rows === 0) continue;
      const code = p.constantIndicator ?? c.header;
      this.rowsByRawCode.set(code, (this.rowsByRawCode.get(code) ?? 0) + rows);
    }
    const rowsByCode = new Map<string, number>();
    for (const [code, rows] of this.rowsByRawCode) {
      const key = code.normalize('NFC').trim();
      rowsByCode.set(key, (rowsByCode.get(key) ?? 0) + rows);
    }
    const keys = this.series.keys;
    const series = finishSeries({
      source: this.source,
      plan: p,
      store: this.points,
      seriesKeys: keys,
      periodTexts: this.periods.texts,
      periodIdOfColumn: this.periodIdOfColumn,
      texts: this.localizedTexts.size
        ? this.texts.texts.map((t, id) => this.localizedTexts.get(id) ?? t)
        : this.texts.texts,
      log: this.log,
      fiscalYearStart: this.options.fiscalYearStart,
      frequencyHint: this.options.frequencyHint,
      dates: this.source.dates,
      serialDates: this.options.serialDates,
      warnAmbiguousDates: this.options.warnAmbiguousDates,
      isUsed: (s) => this.seriesUsed(s),
    });
    this.points = new PointStore(0, false, false); // let the rows go before the caller goes on
    return {
      ...base,
      keyColumns: [...p.keyNames, ...(p.layout === 'periods-rows' ? [p.columnKeyName] : [])],
      series,
      rowsByCode,
    };
  }

  /** No header found: the issues of the row most like one, saying where mel looked. */
  private reportHeaderNotFound(): void {
    const best = this.bestAttempt;
    if (!best) {
      // A format that found no header of its own has said why already.
      if (!this.log.any) this.log.at('error', msg.fileEmpty(), 1);
      return;
    }
    // Say where mel looked when the row reported is not the first it tried (a preamble above it).
    let first = best.issues[0]?.line !== this.firstHeaderTry;
    for (const i of best.issues) {
      const searched = first && i.severity === 'error' && this.source.header_row === undefined;
      this.log.at(
        i.severity,
        searched ? joinTexts(' ', i.message, msg.headerSearched(HEADER_SEARCH_LINES)) : i.message,
        i.line,
        i.field,
      );
      if (i.severity === 'error') first = false;
    }
  }
}
