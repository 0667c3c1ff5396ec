// JSON Schema of the files a user writes, generated from the zod schemas (never written
// by hand), so editors complete and check program.yaml and indicator files.
import { z } from 'zod';
import { indicatorSchema, programSchema } from './schema.js';

export type SchemaName = 'program' | 'indicator' | 'all';

const draft = 'https://json-schema.org/draft/2020-12/schema';

function generate(schema: z.ZodType, title: string): Record<string, unknown> {
  // `io: 'input'`: a field with a default may be left out of the file.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return { title, ...json };
}

export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  const program = generate(programSchema, 'mel-engine programme file (indicators/program.yaml)');
  const indicator = generate(indicatorSchema, 'mel-engine indicator file (indicators/*.yaml)');
  if (name === 'program') return { $schema: draft, ...program };
  if (name === 'indicator') return { $schema: draft, ...indicator };
  return {
    $schema: draft,
    title: 'mel-engine programme or indicator file',
    $defs: { program, indicator },
    anyOf: [{ $ref: '#/$defs/program' }, { $ref: '#/$defs/indicator' }],
  };
}
