import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { outputFolderMessages, writeProblem } from '../../messages/output-folder.js';
import { jsonSchemaOf, type SchemaName } from '../../spec/json-schema.js';
import { InputErrors, UsageError } from '../errors.js';
import { type Command, sharedOptions, stringOption } from '../command.js';
import type { Output } from '../output.js';
import { cliMessages } from '../../messages/cli.js';
import type { Locale } from '../../spec/schema.js';

export const schemaCommand: Command = {
  name: 'schema',
  synopsis: '[program|indicator] [--out DIR] [--locale en|es]',
  options: { out: sharedOptions.out, locale: sharedOptions.locale },
  maxArguments: 1,
  run: (values, args, { cwd, output, locale }) =>
    writeSchemas(args[0], stringOption(values, 'out'), cwd, output, locale()),
};

function writeSchemas(
  which: string | undefined,
  outDir: string | undefined,
  cwd: string,
  output: Output,
  locale: Locale,
): void {
  const name = (which ?? 'all') as SchemaName;
  if (!['all', 'program', 'indicator'].includes(name)) throw new UsageError((m) => m.schemaUnknown(String(which)));
  if (outDir) {
    for (const n of ['program', 'indicator'] as const) {
      const file = join(outDir, `${n}.schema.json`);
      try {
        mkdirSync(resolve(cwd, outDir), { recursive: true });
        writeFileSync(resolve(cwd, file), `${JSON.stringify(jsonSchemaOf(n), null, 2)}\n`);
      } catch (e) {
        // --out naming a file, a path below one, a read-only folder: the user's to fix.
        const code = (e as NodeJS.ErrnoException).code;
        if (code === undefined) throw e;
        throw new InputErrors(outputFolderMessages.schemaWriteFailed(outDir, `${n}.schema.json`, writeProblem(code)));
      }
      output.err(cliMessages[locale].schemaWritten(file));
    }
    return;
  }
  output.out(JSON.stringify(jsonSchemaOf(name), null, 2));
}
