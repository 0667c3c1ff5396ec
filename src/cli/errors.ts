// The two kinds of failure a user may cause; anything else is a bug (exit 70).

/** The command line is wrong: exit 2 with usage. */
export class UsageError extends Error {}

/** The input files have errors, already printed: exit 1. */
export class InputErrors extends Error {}
