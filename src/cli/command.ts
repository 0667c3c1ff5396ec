// What a command is: its usage line, its own options, how many arguments it takes, and
// what it does. Each command declares its options, so `mel validate --method x` is a
// usage error rather than an option silently ignored.
import type { ParseArgsConfig } from 'node:util';
import type { CommandName } from '../messages/cli.js';
import type { Locale } from '../spec/schema.js';
import type { Environment } from './locale.js';
import type { Output } from './output.js';

export type OptionTable = NonNullable<ParseArgsConfig['options']>;

/** Options as parseArgs returns them. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  /** The directory mel runs in. */
  cwd: string;
  output: Output;
  env: Environment;
  /**
   * The terminal's language (cli/locale.ts): --locale, else `programme` (the programme's
   * `locale:`), else the environment's.
   */
  locale(programme?: Locale): Locale;
}

export interface Command {
  name: CommandName;
  /** Arguments and options, as shown in the usage: "[--program FILE] [--json]". */
  synopsis: string;
  options: OptionTable;
  /** Positional arguments accepted (default none). */
  maxArguments?: number;
  run(values: OptionValues, args: string[], ctx: CommandContext): Promise<void> | void;
}

/** Options several commands share, defined once. */
export const sharedOptions = {
  program: { type: 'string', default: 'indicators/program.yaml' },
  'as-of': { type: 'string' },
  method: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  locale: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
} as const;

/** The value of a string option, when given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The programme file: --program, or its default. */
export function programOption(values: OptionValues): string {
  return stringOption(values, 'program') ?? sharedOptions.program.default;
}
