// The issues found while reading one file.
//
// A file read with a wrong setting (the decimal mark, the period column) fails on every
// row: a million identical issues help nobody and cost memory. Row problems are listed
// up to ISSUES_PER_KIND per kind, then counted in one more issue at the first unlisted
// line. Issues about the file itself (a missing column, an unclosed quote) are always listed.
import * as msg from '../messages/data.js';
import { compareIssues, type Issue } from '../spec/issues.js';

/** Issues of one kind listed per file; the rest are counted in one more issue. */
export const ISSUES_PER_KIND = 200;

export class IssueLog {
  private readonly list: Issue[] = [];
  private readonly unlisted = new Map<
    msg.RowProblemKind,
    { count: number; line: number; severity: Issue['severity'] }
  >();
  private readonly listed = new Map<msg.RowProblemKind, number>();

  constructor(readonly file: string) {}

  add(issue: Issue): void {
    this.list.push(issue);
  }

  /** A row problem; `message` is called only when the problem is listed. */
  row(
    kind: msg.RowProblemKind,
    severity: Issue['severity'],
    line: number,
    column: number,
    message: () => string,
  ): void {
    const listed = this.listed.get(kind) ?? 0;
    if (listed < ISSUES_PER_KIND) {
      this.listed.set(kind, listed + 1);
      this.list.push({ severity, file: this.file, line, column, message: message() });
      return;
    }
    const more = this.unlisted.get(kind);
    if (more) more.count++;
    else this.unlisted.set(kind, { count: 1, line, severity });
  }

  /** Every issue, the counts of the unlisted included, in the order compareIssues gives. */
  issues(): Issue[] {
    const all = [...this.list];
    for (const [kind, more] of this.unlisted)
      all.push({
        severity: more.severity,
        file: this.file,
        line: more.line,
        message: msg.moreProblems(more.count, kind),
      });
    return all.sort(compareIssues);
  }
}
