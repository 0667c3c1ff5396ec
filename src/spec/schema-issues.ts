// zod issues -> issues a person can act on, each at the line of the YAML node it is
// about: unknown keys with a suggestion, missing fields named, enums with their values.
import { z } from 'zod';
import type { Localized, Text } from '../messages/localized.js';
import { specMessages } from '../messages/spec.js';
import { issueError, type Issue } from './issues.js';
import type { SchemaRule } from './schema.js';
import { closestName } from './suggest.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

type AnySchema = z.core.$ZodType;
/**
 * A schema's definition, as one of zod's own kinds: `def.type` tells which, and with it
 * the fields it has (`shape`, `innerType`...). zod's advice for code that walks schemas.
 */
const defOf = (s: AnySchema) => (s as z.core.$ZodTypes)._zod.def;

/** The schemas a path may lead to (several through a union). */
function schemasAt(schema: AnySchema, path: readonly PathSegment[]): AnySchema[] {
  let current: AnySchema[] = [schema];
  for (const seg of path) {
    const next: AnySchema[] = [];
    for (const s of current.flatMap(unwrap)) {
      const child = childSchema(s, seg);
      if (child) next.push(child);
    }
    current = next;
  }
  return current.flatMap(unwrap);
}

/** The schema one step down a path: a key of a mapping, an item of a list, a value of a record. */
function childSchema(s: AnySchema, seg: PathSegment): AnySchema | undefined {
  const def = defOf(s);
  switch (def.type) {
    case 'object':
      return typeof seg === 'string' && Object.hasOwn(def.shape, seg) ? def.shape[seg] : undefined;
    case 'array':
      return typeof seg === 'number' ? def.element : undefined;
    case 'tuple':
      return typeof seg === 'number' ? def.items[seg] : undefined;
    case 'record':
      return def.valueType;
    default:
      return undefined;
  }
}

function unwrap(s: AnySchema): AnySchema[] {
  const def = defOf(s);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return unwrap(def.innerType);
    case 'pipe':
      return unwrap(def.in);
    case 'union':
      return def.options.flatMap(unwrap);
    default:
      return [s];
  }
}

function allowedKeysAt(schema: AnySchema, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, path)) {
    const def = defOf(s);
    if (def.type === 'object') for (const k of Object.keys(def.shape)) if (k !== '$schema') keys.add(k);
  }
  return [...keys];
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

const fieldName = (path: readonly PathSegment[]) => {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return last === undefined ? '(file)' : String(last);
};
const where = (path: readonly PathSegment[]) =>
  path
    .slice(0, -1)
    .map((p) => (typeof p === 'number' ? `[${p + 1}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');

/** zod's Spanish (its own locale), for the problems mel does not word itself (a number too small). */
const zodSpanish = z.locales.es().localeError;

/** zod's words for an issue, in English (as it gave them) and in Spanish. */
function zodReason(issue: z.core.$ZodIssue): Localized {
  const es = zodSpanish({ ...issue, input: undefined });
  const text = typeof es === 'string' ? es : es?.message;
  return { en: issue.message, es: text ?? issue.message };
}

/** Translates a failed safeParse into issues at the lines of the YAML source. */
export function schemaIssues(error: z.ZodError, schema: AnySchema, src: YamlSource): Issue[] {
  const out: Issue[] = [];
  const at = (path: readonly PathSegment[], message: Text, which: 'key' | 'value' = 'value') => {
    const pos = src.positionOf(path, which);
    out.push(issueError(src.file, message, pos.line, pos.column));
  };
  for (const issue of error.issues) {
    const path = issue.path as PathSegment[];
    const given = valueAt(src.value, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedKeysAt(schema, path);
        for (const key of issue.keys)
          at([...path, key], specMessages.unknownKey(key, closestName(key, allowed), allowed), 'key');
        break;
      }
      case 'invalid_value': {
        if (given === undefined) at(path, specMessages.missingField(fieldName(path), where(path)));
        else at(path, specMessages.wrongEnum(fieldName(path), given, issue.values as (string | number)[]));
        break;
      }
      case 'invalid_type': {
        if (given === undefined) at(path, specMessages.missingField(fieldName(path), where(path)));
        else at(path, specMessages.wrongType(fieldName(path), issue.expected, given));
        break;
      }
      case 'invalid_union': {
        // A value of a code list written as text or as a number (`type: 21`): one list.
        const lists = issue.errors.map((branch) => (branch.length === 1 ? branch[0] : undefined));
        const first = lists[0];
        if (given === undefined) at(path, specMessages.missingField(fieldName(path), where(path)));
        else if (first?.code === 'invalid_value' && lists.every((e) => e?.code === 'invalid_value'))
          at(path, specMessages.wrongEnum(fieldName(path), given, first.values as (string | number)[]));
        else at(path, specMessages.wrongForm(fieldName(path), zodReason(issue)));
        break;
      }
      case 'custom':
        if (issue.params?.rule !== undefined) {
          at(
            path,
            specMessages.schemaProblem(
              path.length ? fieldName(path) : undefined,
              specMessages.schemaRule(issue.params as SchemaRule),
            ),
          );
          break;
        }
        at(path, specMessages.schemaProblem(path.length ? fieldName(path) : undefined, zodReason(issue)));
        break;
      default:
        at(path, specMessages.schemaProblem(path.length ? fieldName(path) : undefined, zodReason(issue)));
    }
  }
  return out;
}
