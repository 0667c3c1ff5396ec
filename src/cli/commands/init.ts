import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { starterProgramme } from '../../spec/starter-programme.js';
import { outputFolderMessages, writeProblem } from '../../messages/output-folder.js';
import { InputErrors, UsageError } from '../errors.js';
import { cliMessages } from '../../messages/cli.js';
import type { Locale } from '../../spec/schema.js';
import { type Command, sharedOptions } from '../command.js';
import type { Output } from '../output.js';

/** `mel init [DIR]`: a new, valid programme with one indicator and one CSV to edit. */
export const initCommand: Command = {
  name: 'init',
  synopsis: '[DIR] [--locale en|es]',
  options: { locale: sharedOptions.locale },
  maxArguments: 1,
  run: (_values, args, { cwd, output, locale }) => startProgramme(args[0] ?? '.', cwd, output, locale()),
};

function startProgramme(dir: string, cwd: string, output: Output, locale: Locale): void {
  const target = resolve(cwd, dir);
  const programFile = join(target, 'indicators', 'program.yaml');
  if (existsSync(programFile))
    throw new UsageError((m) => m.initProgrammeExists(relative(cwd, programFile) || programFile));
  const id =
    basename(target)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'my-programme';
  const files = starterProgramme(id, locale);
  for (const path of Object.keys(files)) {
    const full = join(target, path);
    if (existsSync(full)) throw new UsageError((m) => m.initFileExists(relative(cwd, full)));
  }
  for (const [path, text] of Object.entries(files)) {
    try {
      mkdirSync(join(target, path, '..'), { recursive: true });
      writeFileSync(join(target, path), text);
    } catch (e) {
      // DIR naming a file, a path below one, a read-only folder: the user's to fix.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      throw new InputErrors(outputFolderMessages.initWriteFailed(dir, path, writeProblem(code)));
    }
  }
  const where = relative(cwd, target) || '.';
  output.out(cliMessages[locale].initCreated(where, Object.keys(files)));
}
