import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaOf, type SchemaName } from '../../spec/json-schema.js';
import { UsageError } from '../errors.js';
import { type Command, sharedOptions, stringOption } from '../command.js';
import type { Output } from '../output.js';

export const schemaCommand: Command = {
  name: 'schema',
  synopsis: '[program|indicator] [--out DIR]',
  summary: 'JSON Schema of the programme and indicator files',
  options: { out: sharedOptions.out },
  maxArguments: 1,
  run: (values, args, { output }) => writeSchemas(args[0], stringOption(values, 'out'), output),
};

function writeSchemas(which: string | undefined, outDir: string | undefined, output: Output): void {
  const name = (which ?? 'all') as SchemaName;
  if (!['all', 'program', 'indicator'].includes(name))
    throw new UsageError(`mel schema [program|indicator]: unknown schema "${which}"`);
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    for (const n of ['program', 'indicator'] as const) {
      const file = join(outDir, `${n}.schema.json`);
      writeFileSync(file, `${JSON.stringify(jsonSchemaOf(n), null, 2)}\n`);
      output.err(`wrote ${file}`);
    }
    return;
  }
  output.out(JSON.stringify(jsonSchemaOf(name), null, 2));
}
