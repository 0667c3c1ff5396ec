// Printing: issues to stderr, results to stdout; colour only on a terminal.
import { posix, relative, sep } from 'node:path';
import { cliMessages } from '../messages/cli.js';
import { formatIssueIn, type Issue } from '../spec/issues.js';
import type { Locale } from '../spec/schema.js';

export interface Output {
  /** A line (or lines) to stdout; the final line break is added when missing. */
  out(text: string): void;
  /** Text to stdout as it is: a long document in pieces, the last ending with its line break. */
  write(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (colours, progress). */
  isTTY: boolean;
  /** True when stderr is a terminal (progress bar). */
  errIsTTY: boolean;
}

export const processOutput: Output = {
  out: (t) => {
    process.stdout.write(t.endsWith('\n') ? t : `${t}\n`);
  },
  write: (t) => {
    process.stdout.write(t);
  },
  err: (t) => {
    process.stderr.write(t.endsWith('\n') ? t : `${t}\n`);
  },
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  errIsTTY: Boolean(process.stderr.isTTY),
};

/**
 * The folder issue paths are printed from: issues name files relative to the programme's
 * root, and a user running mel elsewhere (`--program ~/prog/indicators/program.yaml`)
 * finds them from where they are. Empty when mel runs at the root.
 */
export const issueBase = (cwd: string, root: string) => relative(cwd, root).split(sep).join('/');

/** Prints every issue, sorted, and a count line. Returns true when any is an error. */
export function printIssues(issues: readonly Issue[], output: Output, base = '', locale: Locale = 'en'): boolean {
  for (const i of issues) output.err(formatIssueIn(base ? { ...i, file: posix.join(base, i.file) } : i, locale));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (errors) output.err(cliMessages[locale].issueCount(errors, warnings));
  return errors > 0;
}
