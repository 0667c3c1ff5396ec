// The language of the terminal, one rule: --locale > the programme's `locale:` > the
// environment (LC_ALL, then LC_MESSAGES, then LANG: a value beginning with `es` is Spanish)
// > English. Problems found before the programme's locale is known (program.yaml itself
// broken) skip the second step.
import { locales, type Locale } from '../spec/schema.js';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The locale the environment asks for, as POSIX reads it: the first of LC_ALL, LC_MESSAGES, LANG that is set. */
export function environmentLocale(env: Environment): Locale | undefined {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (value === undefined) return undefined;
  return /^es([_.@-]|$)/i.test(value) ? 'es' : 'en';
}

/** The terminal's locale: the flag, else the programme's, else the environment's, else English. */
export function terminalLocale(flag: Locale | undefined, programme: Locale | undefined, env: Environment): Locale {
  return flag ?? programme ?? environmentLocale(env) ?? 'en';
}

/** `--locale X` or `--locale=X` anywhere on the command line, when X is a locale: for messages before parsing. */
export function localeFlagIn(argv: readonly string[]): Locale | undefined {
  let found: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--locale') found = argv[i + 1];
    else if (a.startsWith('--locale=')) found = a.slice('--locale='.length);
  });
  return (locales as readonly (string | undefined)[]).includes(found) ? (found as Locale) : undefined;
}
