import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf } from '../../src/spec/json-schema.js';
import { mel } from '../cli/capture.js';

const root = join(import.meta.dirname, '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

describe('mel schema', () => {
  it('prints JSON Schema generated from the zod schemas', async () => {
    const { code, stdout } = await mel(['schema'], root);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$defs.indicator.properties.direction.enum).toEqual(['increase', 'decrease']);
    expect(schema.$defs.program.properties.program.required).toEqual(['id', 'name', 'period']);
  });

  it('the committed schema files are the generated ones', () => {
    for (const name of ['program', 'indicator'] as const) {
      const committed = JSON.parse(readFileSync(join(root, 'schema', `${name}.schema.json`), 'utf8'));
      expect(committed, `run: mel schema --out schema`).toEqual(jsonSchemaOf(name));
    }
  });

  it('every valid YAML file of the repository passes the JSON Schema, and the broken ones fail it', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(jsonSchemaOf('all'));
    const files = yamlFiles(root).filter((f) => !f.includes('/node_modules/'));
    expect(files.length).toBeGreaterThan(15);
    const mustFail = ['misspelt-key.yaml', 'missing-direction.yaml', 'wrong-unit.yaml'];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      let value: unknown;
      try {
        value = parse(text);
      } catch {
        continue;
      } // a YAML syntax fixture
      const ok = validate(value);
      const name = relative(root, f);
      if (mustFail.some((m) => f.endsWith(m))) expect(ok, name).toBe(false);
      else if (!f.includes('/fixtures/broken/') || f.endsWith('program.yaml'))
        expect(ok, `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
