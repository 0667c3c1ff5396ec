// The `mel` command: parse arguments, run one command, choose the exit code. This is the
// only place that exits: 0 ok, 1 the input has errors, 2 usage, 70 an internal fault
// (one line, never a stack trace).
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputErrors, UsageError } from './errors.js';
import { processOutput, type Output } from './output.js';
import { validateCommand } from './commands/validate.js';
import { schemaCommand } from './commands/schema.js';

export const usage = `mel: monitoring, evaluation and learning engine

Usage:
  mel validate [--program FILE]                    check everything, print every problem
  mel assess   [--program FILE] [--as-of P] [--method M] [--json]
  mel smart    [--program FILE] [--json]           SMART review of indicators and targets
  mel report   [--program FILE] [--as-of P] [--out DIR] [--locale en|es] [--quiet]
  mel schema   [program|indicator] [--out DIR]     JSON Schema of the programme and indicator files
  mel init     [DIR]                               start a new programme in DIR (default: .)

--program defaults to indicators/program.yaml. Paths inside it are relative to the
programme's root (the folder that holds its indicators/ folder), so mel runs from any
directory. Exit codes: 0 ok, 1 the input has errors, 2 usage error.
`;

const options = {
  program: { type: 'string', default: 'indicators/program.yaml' },
  'as-of': { type: 'string' },
  method: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  locale: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export type CliOptions = {
  root: string;
  program: string;
  asOf?: string;
  method?: string;
  json: boolean;
  out?: string;
  locale?: string;
  quiet: boolean;
};

/** Runs one command and returns its exit code. */
export async function run(argv: string[], output: Output = processOutput, cwd = process.cwd()): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message.split('\n')[0]);
    }
    const { values, positionals } = parsed;
    if (values.version) {
      output.out(engineVersion());
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      output.out(usage);
      return command === undefined && !values.help ? 2 : 0;
    }
    const opts: CliOptions = {
      root: cwd,
      program: values.program,
      asOf: values['as-of'],
      method: values.method,
      json: values.json,
      out: values.out,
      locale: values.locale,
      quiet: values.quiet,
    };
    const commands: Record<string, () => Promise<void> | void> = {
      validate: () => validateCommand(opts, output),
      schema: () => schemaCommand(rest[0], opts.out, output),
      assess: async () => (await import('./commands/assess.js')).assessCommand(opts, output),
      smart: async () => (await import('./commands/smart.js')).smartCommand(opts, output),
      report: async () => (await import('./commands/report.js')).reportCommand(opts, output),
      init: async () => (await import('./commands/init.js')).initCommand(rest[0] ?? '.', cwd, output),
    };
    const fn = commands[command];
    if (!fn) throw new UsageError(`unknown command "${command}"; commands: ${Object.keys(commands).join(', ')}`);
    if (command !== 'schema' && command !== 'init' && rest.length)
      throw new UsageError(`mel ${command} takes no argument "${rest[0]}"`);
    await fn();
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      output.err(`mel: ${e.message}\n\n${usage}`);
      return 2;
    }
    if (e instanceof InputErrors) {
      if (e.message) output.err(`mel: ${e.message}`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    output.err(
      `mel: internal error: ${message.split('\n')[0]} (this is a bug in mel-engine; please report it with the command you ran)`,
    );
    if (process.env.MEL_DEBUG) output.err(String((e as Error)?.stack));
    return 70;
  }
}

export async function runMain(argv: string[]): Promise<void> {
  const code = await run(argv);
  process.exitCode = code;
}

/** The version in mel-engine's package.json, found above this module (source or bundle). */
export function engineVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'mel-engine') return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}
