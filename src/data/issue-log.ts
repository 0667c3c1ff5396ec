// The issues found while reading one file.
//
// A file read with a wrong setting (the decimal mark, the period column) fails on every
// row: a million identical issues help nobody and cost memory. Row problems are listed
// up to ISSUES_PER_KIND per kind, then counted in one more issue naming the first and
// last unlisted places. Problems in rows that no indicator uses are not errors: they are
// counted, per kind, into one warning for the whole file. Issues about the file itself
// (a missing column, an unclosed quote) are always listed.
import * as msg from '../messages/data.js';
import type { Text } from '../messages/localized.js';
import { compareIssues, type Issue, said } from '../spec/issues.js';
import { csvPositions, type Location, type Positions } from './positions.js';

/** Issues of one kind listed per file; the rest are counted in one more issue. */
export const ISSUES_PER_KIND = 20;

/** Problems a deferred log holds at most (beyond, it gives up: `complete` turns false). */
const MAX_DEFERRED = 20_000;

interface Tally {
  count: number;
  severity: Issue['severity'];
  first: Location;
  last: Location;
}

export class IssueLog {
  private readonly list: Issue[] = [];
  private readonly unlisted = new Map<msg.RowProblemKind, Tally>();
  private readonly listed = new Map<msg.RowProblemKind, number>();
  /** Problems in rows no indicator uses, per kind, and the first one's message. */
  private readonly unused = new Map<msg.RowProblemKind, Tally>();
  private unusedFirst?: { place: Location; message: Text };
  private unusedLast?: Location;

  /**
   * While deferred (a file read before the indicators that use it are known), the
   * problems in the order they were found, logged by resolve() once the rows' use is known.
   */
  private deferred?: (() => void)[];
  /** False once a deferred log gave up holding its problems. */
  complete = true;

  constructor(
    readonly file: string,
    readonly positions: Positions = csvPositions(),
  ) {}

  /** Holds every problem from now on until resolve(): whether a row is used is decided then. */
  defer(): void {
    this.deferred ??= [];
  }

  /** Logs the problems held since defer(), in their order, as they would have been logged then. */
  resolve(): void {
    const held = this.deferred ?? [];
    this.deferred = undefined;
    for (const log of held) log();
  }

  /** While deferred: holds a call for resolve(); false when not deferred. */
  private held(log: () => void): boolean {
    const deferred = this.deferred;
    if (deferred === undefined) return false;
    if (deferred.length < MAX_DEFERRED) deferred.push(log);
    else this.complete = false;
    return true;
  }

  add(issue: Issue): void {
    if (this.held(() => this.add(issue))) return;
    this.list.push(issue);
  }

  /** True when some issue was logged. */
  get any(): boolean {
    return this.list.length > 0 || this.unlisted.size > 0 || this.unused.size > 0 || (this.deferred?.length ?? 0) > 0;
  }

  /** An issue about a place of the file (`field` 0-based, as the reader's records hold it). */
  at(severity: Issue['severity'], message: Text, line?: number, field?: number): void {
    if (this.held(() => this.at(severity, message, line, field))) return;
    const place = line === undefined ? {} : this.positions.of(line, field);
    this.list.push({ severity, file: this.file, ...place, ...said(message) });
  }

  /**
   * A row problem at field `field` (0-based) of the record at `line`. `message` is called
   * only when the problem is listed; its argument is true for the first of its kind in
   * the file (which may say more, such as the forms a period may take). A problem in a
   * row no indicator uses (`used` false) is counted into one warning for the file; `used`
   * may be a question asked when the problem is logged (after a deferral, with what the
   * reader knows then).
   */
  row(
    kind: msg.RowProblemKind,
    severity: Issue['severity'],
    line: number,
    field: number,
    message: (first: boolean) => Text,
    used: boolean | (() => boolean) = true,
  ): void {
    if (this.held(() => this.row(kind, severity, line, field, message, used))) return;
    if (!(typeof used === 'function' ? used() : used)) {
      const place = this.positions.of(line, field);
      if (!this.unusedFirst || line < (this.unusedFirst.place.line ?? 0))
        this.unusedFirst = { place, message: message(true) };
      if (!this.unusedLast || line >= (this.unusedLast.line ?? 0)) this.unusedLast = place;
      tally(this.unused, kind, 'warning', place);
      return;
    }
    const listed = this.listed.get(kind) ?? 0;
    if (listed < ISSUES_PER_KIND) {
      this.listed.set(kind, listed + 1);
      this.list.push({ severity, file: this.file, ...this.positions.of(line, field), ...said(message(listed === 0)) });
      return;
    }
    tally(this.unlisted, kind, severity, this.positions.of(line, field));
  }

  /** Every issue, the counts of the unlisted included, in the order compareIssues gives. */
  issues(): Issue[] {
    const all = [...this.list];
    for (const [kind, more] of this.unlisted)
      all.push({
        severity: more.severity,
        file: this.file,
        ...more.first,
        ...said(msg.moreProblems(more.count, kind, msg.positionText(more.first), msg.positionText(more.last))),
      });
    if (this.unusedFirst && this.unusedLast) {
      const first = this.unusedFirst;
      all.push({
        severity: 'warning',
        file: this.file,
        ...first.place,
        ...said(
          msg.unusedRowProblems(
            [...this.unused].map(([kind, t]) => [kind, t.count]),
            msg.positionText(first.place),
            msg.positionText(this.unusedLast),
            first.message,
          ),
        ),
      });
    }
    return all.sort(compareIssues);
  }
}

function tally(
  map: Map<msg.RowProblemKind, Tally>,
  kind: msg.RowProblemKind,
  severity: Issue['severity'],
  place: Location,
): void {
  const t = map.get(kind);
  if (!t) {
    map.set(kind, { count: 1, severity, first: place, last: place });
    return;
  }
  t.count++;
  // First and last in the file, whatever order the problems were found in.
  if ((place.line ?? 0) < (t.first.line ?? 0)) t.first = place;
  if ((place.line ?? 0) >= (t.last.line ?? 0)) t.last = place;
}
