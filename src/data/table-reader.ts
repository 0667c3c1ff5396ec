// Turns a file's records into points of its series: the record sink of record-stream.ts.
//
// The first row that has the configured columns is the header (rows above it are a
// preamble: World Bank downloads have four lines of it); each later row is checked
// (its length, its indicator code), its value parsed (parse-number.ts), and appended to
// the point store under its series and interned period. Anything wrong with a row is an
// issue at its line and column, and reading goes on: one run reports every problem.
import * as msg from '../messages/data.js';
import { issueError, issueWarning } from '../spec/issues.js';
import type { DataSource } from '../spec/schema.js';
import { planColumns, type ColumnPlan, type HeaderAttempt, type PlanContext } from './column-plan.js';
import type { Delimiter } from './dialect.js';
import { finishSeries } from './finish-series.js';
import { IssueLog } from './issue-log.js';
import { MISSING, parseNumber, type NumberFormat } from './parse-number.js';
import { Interner, PointStore } from './point-store.js';
import type { RecordSink } from './record-stream.js';
import { SeriesIndex } from './series-index.js';
import type { LoadedTable } from './series.js';

/** Rows tried as the header before giving up: a preamble above the header is skipped. */
const HEADER_SEARCH_ROWS = 10;
/** The point store never starts larger than this, whatever the file size suggests. */
const MAX_INITIAL_POINTS = 1 << 26;

/** True when every field is empty or spaces (an empty line, or `;;;` that Excel leaves). */
function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}

/** Receives the file's records: finds the header, then turns each row into points of its series. */
export class TableReader implements RecordSink {
  plan?: ColumnPlan;
  readonly log: IssueLog;
  rowCount = 0;
  missingCount = 0;
  private firstHeaderAttempt?: HeaderAttempt;
  private headerTries = 0;
  private points = new PointStore(0, false, false);
  private series = new SeriesIndex([], []);
  private readonly periods = new Interner();
  /** Source and note texts. */
  private readonly texts = new Interner();
  /**
   * Rows per indicator code as written; rows of one code usually follow each other, so
   * a run of them is counted locally and added to the Map once (flushCode).
   */
  private readonly rowsByRawCode = new Map<string, number>();
  private lastCode = '';
  private lastCodeRows = 0;
  /** Wide layout: the interned period of each period column. */
  private periodIdOfColumn: { field: number; periodId: number }[] = [];

  constructor(
    private readonly source: DataSource,
    private readonly options: PlanContext,
    private readonly delimiter: Delimiter,
    private readonly format: NumberFormat,
    /** Rows the file is expected to hold, from its size: the point store is sized once. */
    private readonly rowsExpected: number,
  ) {
    this.log = new IssueLog(source.file);
  }

  record(fields: string[], line: number): boolean {
    if (this.plan) {
      if (this.source.format === 'wide') this.wideRow(fields, line);
      else this.longRow(fields, line);
      return true;
    }
    return this.header(fields, line);
  }

  /** The first row with the configured columns is the header; rows above it are a preamble. */
  private header(fields: string[], line: number): boolean {
    if (isBlankRecord(fields)) return true;
    const attempt = planColumns(fields, line, this.source, this.options);
    const plan = attempt.plan;
    if (plan) {
      this.plan = plan;
      for (const issue of attempt.issues) this.log.add(issue);
      const pointsPerRow = this.source.format === 'wide' ? plan.periodColumns.length : 1;
      this.points = new PointStore(
        Math.min(this.rowsExpected * pointsPerRow, MAX_INITIAL_POINTS),
        plan.source >= 0,
        plan.note >= 0,
      );
      this.series = new SeriesIndex(plan.keyFields, plan.keyNames);
      this.periodIdOfColumn = plan.periodColumns.map((c) => ({ field: c.field, periodId: this.periods.id(c.text) }));
      return true;
    }
    this.firstHeaderAttempt ??= attempt;
    return ++this.headerTries < HEADER_SEARCH_ROWS;
  }

  /** Checks a row's length: extra fields that are all empty (a trailing `;`) are fine. */
  private fitsHeader(fields: string[], line: number): boolean {
    const width = this.plan!.width;
    if (fields.length === width) return true;
    if (fields.length > width && isBlankRecord(fields.slice(width))) return true;
    if (isBlankRecord(fields)) return false;
    this.rowCount++;
    this.log.row('fields', 'error', line, Math.min(fields.length, width) + 1, () =>
      msg.wrongFieldCount(fields.length, width, this.delimiter),
    );
    return false;
  }

  /** Counts the row under its indicator code; false (after a warning) when it has none. */
  private countCode(code: string, fields: string[], line: number): boolean {
    if (code === this.lastCode && code !== '') {
      this.lastCodeRows++;
      return true;
    }
    if (code === '' || code.trim() === '') {
      if (isBlankRecord(fields)) return false;
      this.rowCount++;
      const p = this.plan!;
      this.log.row('code', 'warning', line, p.indicator + 1, () => msg.emptyIndicatorCode(p.headers[p.indicator]));
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

  private longRow(fields: string[], line: number): void {
    const p = this.plan!;
    if (fields.length !== p.width && !this.fitsHeader(fields, line)) return;
    if (!this.countCode(fields[p.indicator], fields, line)) return;
    this.rowCount++;
    const text = fields[p.value];
    const cell = parseNumber(text, this.format);
    let value: number;
    if (typeof cell === 'number') value = cell;
    else if (cell === MISSING) {
      value = NaN;
      this.missingCount++;
    } else {
      this.log.row('value', 'error', line, p.value + 1, () =>
        msg.nonNumericValue(text.trim(), p.headers[p.value], cell.problem),
      );
      return;
    }
    this.points.push(
      this.series.of(fields),
      this.periods.id(fields[p.period]),
      value,
      line,
      this.textId(fields, p.source),
      this.textId(fields, p.note),
    );
  }

  private wideRow(fields: string[], line: number): void {
    const p = this.plan!;
    if (fields.length !== p.width && !this.fitsHeader(fields, line)) return;
    if (!this.countCode(fields[p.indicator], fields, line)) return;
    this.rowCount++;
    const series = this.series.of(fields);
    const sourceId = this.textId(fields, p.source);
    const noteId = this.textId(fields, p.note);
    for (const { field, periodId } of this.periodIdOfColumn) {
      const text = fields[field];
      // An empty cell of a wide file is the layout's filler (no survey that year), not a
      // reported missing value: no point, not counted. Explicit markers (`..`) are.
      if (text === '') continue;
      const cell = parseNumber(text, this.format);
      if (typeof cell === 'number') this.points.push(series, periodId, cell, line, sourceId, noteId);
      else if (cell === MISSING) {
        if (text.trim() === '') continue;
        this.points.push(series, periodId, NaN, line, sourceId, noteId);
        this.missingCount++;
      } else {
        this.log.row('value', 'error', line, field + 1, () =>
          msg.nonNumericValue(text.trim(), p.headers[field], cell.problem),
        );
      }
    }
  }

  private textId(fields: string[], field: number): number {
    if (field < 0) return -1;
    const text = fields[field];
    return text === '' ? -1 : this.texts.id(text);
  }

  /** The table, once every record has been read. */
  finish(): LoadedTable {
    const base = {
      sourceId: this.source.id,
      file: this.source.file,
      rowCount: this.rowCount,
      missingCount: this.missingCount,
    };
    const p = this.plan;
    if (!p) {
      if (this.firstHeaderAttempt) for (const issue of this.firstHeaderAttempt.issues) this.log.add(issue);
      else this.log.add(issueError(this.source.file, msg.fileEmpty(), 1));
      return { ...base, keyColumns: [], series: [], rowsByCode: new Map() };
    }
    if (this.rowCount === 0) this.log.add(issueWarning(this.source.file, msg.noDataRows(), p.headerLine));
    this.flushCode();
    const rowsByCode = new Map<string, number>();
    for (const [code, rows] of this.rowsByRawCode) {
      const key = code.normalize('NFC').trim();
      rowsByCode.set(key, (rowsByCode.get(key) ?? 0) + rows);
    }
    const series = finishSeries({
      source: this.source,
      plan: p,
      store: this.points,
      seriesKeys: this.series.keys,
      periodTexts: this.periods.texts,
      periodIdOfColumn: this.periodIdOfColumn,
      texts: this.texts.texts,
      log: this.log,
      fiscalYearStart: this.options.fiscalYearStart,
      frequencyHint: this.options.frequencyHint,
    });
    this.points = new PointStore(0, false, false); // let the rows go before the caller goes on
    return { ...base, keyColumns: p.keyNames, series, rowsByCode };
  }
}
