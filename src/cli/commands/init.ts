import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { starterProgramme } from '../../spec/starter-programme.js';
import { outputFolderMessages, writeProblem } from '../../messages/output-folder.js';
import { InputErrors, UsageError } from '../errors.js';
import type { Command } from '../command.js';
import type { Output } from '../output.js';

/** `mel init [DIR]`: a new, valid programme with one indicator and one CSV to edit. */
export const initCommand: Command = {
  name: 'init',
  synopsis: '[DIR]',
  summary: 'start a new programme in DIR (default: .)',
  options: {},
  maxArguments: 1,
  run: (_values, args, { cwd, output }) => startProgramme(args[0] ?? '.', cwd, output),
};

function startProgramme(dir: string, cwd: string, output: Output): void {
  const target = resolve(cwd, dir);
  const programFile = join(target, 'indicators', 'program.yaml');
  if (existsSync(programFile))
    throw new UsageError(
      `${relative(cwd, programFile) || programFile} already ` +
        `exists; mel init starts a new programme in an empty directory`,
    );
  const id =
    basename(target)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'my-programme';
  const files = starterProgramme(id);
  for (const path of Object.keys(files)) {
    const full = join(target, path);
    if (existsSync(full))
      throw new UsageError(`${relative(cwd, full)} already exists; mel init does not overwrite files`);
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
  output.out(
    [
      `created a programme in ${where}/:`,
      ...Object.keys(files).map((f) => `  ${f}`),
      '',
      'next:',
      ...(where === '.' ? [] : [`  cd ${where}`]),
      '  edit indicators/program.yaml, indicators/stunting.yaml and data/stunting.csv',
      '  npx mel validate       check everything',
      '  npx mel assess         where each indicator stands',
      '  npx mel report         the Excel pack and charts, in reports/',
    ].join('\n'),
  );
}
