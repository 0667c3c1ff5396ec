// The `mel` command: find the command, parse its own options, run it, choose the exit
// code. This is the only place that decides the exit code: 0 ok, 1 the input has
// errors, 2 usage, 70 an internal fault (one line, never a stack trace).
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { assessCommand } from './commands/assess.js';
import { exportCommand } from './commands/export.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { smartCommand } from './commands/smart.js';
import { validateCommand } from './commands/validate.js';
import { InputErrors, UsageError } from './errors.js';
import { type Output, processOutput } from './output.js';
import { engineVersion } from './version.js';

const commands: readonly Command[] = [
  validateCommand,
  assessCommand,
  smartCommand,
  reportCommand,
  exportCommand,
  schemaCommand,
  initCommand,
];

/** The usage text, built from every command's own synopsis. */
export function renderUsage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.flatMap((c) => [
    `  mel ${c.name.padEnd(width)} ${c.synopsis}`,
    `  ${''.padEnd(width + 4)} ${c.summary}`,
  ]);
  return [
    'mel: monitoring, evaluation and learning engine',
    '',
    'Usage:',
    ...lines,
    '',
    '--program defaults to indicators/program.yaml. Paths inside it are relative to the',
    "programme's root (the folder that holds its indicators/ folder), so mel runs from any",
    'directory. `mel COMMAND --help` shows one command. Exit codes: 0 ok, 1 the input has',
    'errors, 2 usage error.',
    '',
  ].join('\n');
}

function renderCommandUsage(c: Command): string {
  return `Usage: mel ${c.name} ${c.synopsis}\n  ${c.summary}\n`;
}

/** Runs one command and returns its exit code. */
export async function run(argv: string[], output: Output = processOutput, cwd = process.cwd()): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
      output.out(engineVersion());
      return 0;
    }
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      output.out(renderUsage());
      return first === undefined ? 2 : 0;
    }
    const command = commands.find((c) => c.name === first);
    if (!command) {
      const names = commands.map((c) => c.name).join(', ');
      throw new UsageError(
        first.startsWith('-')
          ? `${first} comes after a command; commands: ${names}`
          : `unknown command "${first}"; commands: ${names}`,
      );
    }
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, help: { type: 'boolean', short: 'h', default: false } },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError(`mel ${command.name}: ${(e as Error).message.split('\n')[0]}`, command);
    }
    if (parsed.values.help) {
      output.out(renderCommandUsage(command));
      return 0;
    }
    if (parsed.positionals.length > (command.maxArguments ?? 0)) {
      const extra = parsed.positionals[command.maxArguments ?? 0];
      throw new UsageError(`mel ${command.name} takes no argument "${extra}"`, command);
    }
    await command.run(parsed.values, parsed.positionals, { cwd, output });
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      output.err(`mel: ${e.message}\n\n${e.command ? renderCommandUsage(e.command) : renderUsage()}`);
      return 2;
    }
    if (e instanceof InputErrors) {
      if (e.message) output.err(`mel: ${e.message}`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    output.err(
      `mel: internal error: ${message.split('\n')[0]} (this is a ` +
        `bug in mel-engine; please report it with the command you ran)`,
    );
    if (process.env.MEL_DEBUG) output.err(String((e as Error)?.stack));
    return 70;
  }
}

export async function runMain(argv: string[]): Promise<void> {
  process.exitCode = await run(argv);
}
