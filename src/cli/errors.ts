// The two kinds of failure a user may cause; anything else is a bug (exit 70).
import type { Command } from './command.js';

/** The command line is wrong: exit 2 with usage (of the command, when known). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
  }
}

/** The input files have errors, already printed: exit 1. */
export class InputErrors extends Error {}
