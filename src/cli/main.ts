// The `mel` command: find the command, parse its own options, run it, choose the exit
// code. This is the only place that decides the exit code: 0 ok, 1 the input has
// errors, 2 usage, 70 an internal fault (one line, never a stack trace).
import { parseArgs } from 'node:util';
import { cliMessages } from '../messages/cli.js';
import { textIn } from '../messages/localized.js';
import type { Locale } from '../spec/schema.js';
import { parseLocale } from './arguments.js';
import { type Command, type CommandContext, stringOption } from './command.js';
import { assessCommand } from './commands/assess.js';
import { exportCommand } from './commands/export.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { smartCommand } from './commands/smart.js';
import { validateCommand } from './commands/validate.js';
import { InputErrors, UsageError } from './errors.js';
import { type Environment, localeFlagIn, terminalLocale } from './locale.js';
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
export function renderUsage(locale: Locale = 'en'): string {
  const m = cliMessages[locale];
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.flatMap((c) => [
    `  mel ${c.name.padEnd(width)} ${c.synopsis}`,
    `  ${''.padEnd(width + 4)} ${m.summaries[c.name]}`,
  ]);
  return [m.title, '', m.usageHeading, ...lines, '', ...m.usageNotes, ''].join('\n');
}

function renderCommandUsage(c: Command, locale: Locale): string {
  const m = cliMessages[locale];
  return `${m.commandUsage(`mel ${c.name} ${c.synopsis}`)}\n  ${m.summaries[c.name]}\n`;
}

/** A parseArgs error in our words: the option it is about, by its code (node's text is not shown). */
function parseArgsProblem(e: unknown, command: Command): UsageError {
  const { code, message } = e as NodeJS.ErrnoException;
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  const name = option.replace(/^--?/, '');
  const entry = Object.entries(command.options).find(([n, o]) => n === name || o.short === name);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError((m) => m.unknownOption(command.name, option), command);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        (m) =>
          entry?.[1].type === 'boolean'
            ? m.flagTakesNoValue(command.name, `--${entry[0]}`)
            : m.missingOptionValue(command.name, entry ? `--${entry[0]}` : option),
        command,
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
      return new UsageError((m) => m.unexpectedArgument(command.name, argument), command);
    }
    default:
      throw e;
  }
}

/** Runs one command and returns its exit code. */
export async function run(
  argv: string[],
  output: Output = processOutput,
  cwd = process.cwd(),
  env: Environment = process.env,
): Promise<number> {
  // The language of what is printed before the command knows its programme: --locale, else the environment's.
  let locale = terminalLocale(localeFlagIn(argv), undefined, env);
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
      output.out(engineVersion());
      return 0;
    }
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      output.out(renderUsage(locale));
      return first === undefined ? 2 : 0;
    }
    const command = commands.find((c) => c.name === first);
    if (!command) {
      const names = commands.map((c) => c.name);
      throw new UsageError((m) =>
        first.startsWith('-') ? m.optionBeforeCommand(first, names) : m.unknownCommand(first, names),
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
      throw parseArgsProblem(e, command);
    }
    if (parsed.values.help) {
      output.out(renderCommandUsage(command, locale));
      return 0;
    }
    if (parsed.positionals.length > (command.maxArguments ?? 0)) {
      const extra = parsed.positionals[command.maxArguments ?? 0] ?? '';
      throw new UsageError((m) => m.unexpectedArgument(command.name, extra), command);
    }
    const flag = parseLocale(stringOption(parsed.values, 'locale'));
    locale = terminalLocale(flag, undefined, env);
    const ctx: CommandContext = {
      cwd,
      output,
      env,
      locale: (programme) => {
        locale = terminalLocale(flag, programme, env);
        return locale;
      },
    };
    await command.run(parsed.values, parsed.positionals, ctx);
    return 0;
  } catch (e) {
    const m = cliMessages[locale];
    if (e instanceof UsageError) {
      output.err(`mel: ${e.say(m)}\n\n${e.command ? renderCommandUsage(e.command, locale) : renderUsage(locale)}`);
      return 2;
    }
    if (e instanceof InputErrors) {
      if (e.text) output.err(`mel: ${textIn(e.text, locale)}`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    output.err(`mel: ${m.internalError(message.split('\n')[0] ?? '')}`);
    if (env.MEL_DEBUG) output.err(String((e as Error)?.stack));
    return 70;
  }
}

export async function runMain(argv: string[]): Promise<void> {
  process.exitCode = await run(argv);
}
