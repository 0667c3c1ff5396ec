// A problem found in the user's files. Issues are data (the zod habit): every stage
// collects them and one formatter prints them, sorted by file and line.
import { cliMessages } from '../messages/cli.js';
import { type Text, textIn } from '../messages/localized.js';
import type { Locale } from './schema.js';

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
  /** In English: what tests, logs and the sort read. */
  message: string;
  /** In Spanish, when the catalogue has it (messages/localized.ts); otherwise the English is shown. */
  es?: string;
}

/** The message fields of an issue from a catalogue's text: `{ severity, file, ...said(msg.x()) }`. */
export const said = (text: Text): Pick<Issue, 'message' | 'es'> =>
  typeof text === 'string' ? { message: text } : { message: text.en, es: text.es };

/** An issue's message in a language. */
export const messageIn = (issue: Issue, locale: Locale): string =>
  locale === 'es' ? (issue.es ?? issue.message) : issue.message;

/** The issue's message as a Text, to be built on (`joinTexts`). */
export const textOf = (issue: Issue): Text =>
  issue.es === undefined ? issue.message : { en: issue.message, es: issue.es };

export const issueError = (file: string, message: Text, line?: number, column?: number): Issue => ({
  severity: 'error',
  file,
  line,
  column,
  ...said(message),
});

export const issueWarning = (file: string, message: Text, line?: number, column?: number): Issue => ({
  severity: 'warning',
  file,
  line,
  column,
  ...said(message),
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
export const formatIssue = (issue: Issue): string => formatIssueIn(issue, 'en');

/** {@link formatIssue} in a language: `file:3: aviso: ...`. */
export function formatIssueIn(issue: Issue, locale: Locale): string {
  const where =
    issue.at !== undefined
      ? `${issue.file}:${issue.at}`
      : [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':');
  const prefix = issue.severity === 'warning' ? cliMessages[locale].warningPrefix : '';
  return `${where}: ${prefix}${messageIn(issue, locale)}`;
}

export const hasErrors = (issues: readonly Issue[]) => issues.some((i) => i.severity === 'error');

/** Collects issues from every stage of a run. */
export class IssueList {
  readonly items: Issue[] = [];
  add(issue: Issue): void {
    this.items.push(issue);
  }
  error(file: string, message: Text, line?: number, column?: number): void {
    this.add(issueError(file, message, line, column));
  }
  warning(file: string, message: Text, line?: number, column?: number): void {
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
