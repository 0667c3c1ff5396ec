// The two kinds of failure a user may cause; anything else is a bug (exit 70).
import type { CliMessages } from '../messages/cli.js';
import type { Text } from '../messages/localized.js';
import type { Command } from './command.js';

/** The command line is wrong: exit 2 with usage (of the command, when known), in the terminal's language. */
export class UsageError extends Error {
  constructor(
    readonly say: (m: CliMessages) => string,
    readonly command?: Command,
  ) {
    super('usage error');
  }
}

/** The input files have errors, already printed (or `text`, printed by main): exit 1. */
export class InputErrors extends Error {
  constructor(readonly text?: Text) {
    super(typeof text === 'string' ? text : (text?.en ?? ''));
  }
}
