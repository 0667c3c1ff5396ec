// A problem found in the user's files. Issues are data (the zod habit): every stage
// collects them and one formatter prints them, sorted by file and line.
export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  /** Path as the user knows it: relative to the programme root. */
  file: string;
  line?: number;
  column?: number;
  /**
   * The place as the file's format names it (`Data!C12` in a workbook, `$.rows[3][2]` in
   * JSON), shown instead of line and column.
   */
  at?: string;
  message: string;
}

export const issueError = (file: string, message: string, line?: number, column?: number): Issue => ({
  severity: 'error',
  file,
  line,
  column,
  message,
});

export const issueWarning = (file: string, message: string, line?: number, column?: number): Issue => ({
  severity: 'warning',
  file,
  line,
  column,
  message,
});

export function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * `file:line[:column]: message` (`file:Data!C12: message` in a workbook), with `warning: `
 * before a warning's message.
 */
export function formatIssue(issue: Issue): string {
  const where =
    issue.at !== undefined
      ? `${issue.file}:${issue.at}`
      : [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':');
  return `${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

export const hasErrors = (issues: readonly Issue[]) => issues.some((i) => i.severity === 'error');

/** Collects issues from every stage of a run. */
export class IssueList {
  readonly items: Issue[] = [];
  add(issue: Issue): void {
    this.items.push(issue);
  }
  error(file: string, message: string, line?: number, column?: number): void {
    this.add(issueError(file, message, line, column));
  }
  warning(file: string, message: string, line?: number, column?: number): void {
    this.add(issueWarning(file, message, line, column));
  }
  addAll(issues: Iterable<Issue>): void {
    for (const i of issues) this.items.push(i);
  }
  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
  sorted(): Issue[] {
    return [...this.items].sort(compareIssues);
  }
}
