// YAML read with positions: every value keeps the line it was written on, so a schema
// issue at path ['targets', 0, 'change_unit'] is printed at its line in the file.
//
// The positions are kept as data (a table of every map key and sequence item), not as
// the parsed document: a YamlSource can then be read on a worker thread and handed to
// the main thread whole (spec-prefetch.ts).
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import { specMessages } from '../messages/spec.js';
import type { Issue } from './issues.js';
import { issueError } from './issues.js';

export type PathSegment = string | number;

export interface YamlSource {
  /** Path relative to the programme root, as issues print it. */
  file: string;
  /** Parsed plain JS value (undefined when the file has syntax errors). */
  value: unknown;
  /** Line (1-based) and column of the node at a path, or of its nearest existing parent. */
  positionOf(path: readonly PathSegment[], which?: 'key' | 'value'): { line: number; column: number };
  /** Syntax errors, each at its line. */
  issues: Issue[];
}

/** A YamlSource as data: what a worker thread sends (structured-clone safe). */
export interface YamlSourceData {
  file: string;
  value: unknown;
  issues: Issue[];
  positions: PositionTable;
}

/** What a node is, for the walk along a path: a map (keys), a sequence (indices), or neither. */
const MAP = 0;
const SEQ = 1;
const LEAF = 2;

/** Where a node is: its kind, and the line and column of its key (map members) and of itself. */
interface Place {
  kind: number;
  keyLine: number;
  keyColumn: number;
  line: number;
  column: number;
}

/**
 * Every map member and sequence item of a document by its path (PATH_SEPARATOR-joined:
 * `m` and the key for a map member, `s` and the index for an item); '' is the document.
 */
export type PositionTable = Map<string, Place>;

const PATH_SEPARATOR = '\u0000';

// The yaml package is loaded when a file is first parsed here: a programme read on a
// worker thread (spec-prefetch.ts) never loads it on the main thread.
const requireHere = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => {
  yamlModule ??= requireHere('yaml') as typeof import('yaml');
  return yamlModule;
};

/**
 * The table of a document: each member's key and value offsets resolved as a walk from
 * the document down would resolve them (a value without a range at its key, a key
 * without one at its parent), then turned into lines.
 */
function positionTable(doc: Document, lineCounter: LineCounter): PositionTable {
  const { isMap, isScalar, isSeq } = yaml();
  const table: PositionTable = new Map();
  const kindOf = (node: unknown) => (isMap(node) ? MAP : isSeq(node) ? SEQ : LEAF);
  const place = (kind: number, keyOffset: number, offset: number): Place => {
    const key = lineCounter.linePos(keyOffset);
    const at = lineCounter.linePos(offset);
    return { kind, keyLine: key.line, keyColumn: key.col, line: at.line, column: at.col };
  };
  const walk = (node: unknown, path: string, offset: number) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const childPath = `${path}${PATH_SEPARATOR}m${String(pair.key.value)}`;
        if (table.has(childPath)) continue; // the first member of a key is the one found
        const keyNode = pair.key as Node;
        const valueNode = pair.value as Node | null;
        const keyOffset = keyNode.range?.[0] ?? offset;
        const valueOffset = valueNode?.range?.[0] ?? keyNode.range?.[0] ?? offset;
        table.set(childPath, place(kindOf(valueNode), keyOffset, valueOffset));
        walk(valueNode, childPath, valueOffset);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!item) return;
        const itemOffset = (item as Node).range?.[0] ?? offset;
        const childPath = `${path}${PATH_SEPARATOR}s${i}`;
        table.set(childPath, place(kindOf(item), itemOffset, itemOffset));
        walk(item, childPath, itemOffset);
      });
    }
  };
  const rootOffset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  table.set('', place(kindOf(doc.contents), rootOffset, rootOffset));
  walk(doc.contents, '', rootOffset);
  return table;
}

/** A YamlSource from its data: positions found in its table. */
export function yamlSourceFrom(data: YamlSourceData): YamlSource {
  const table = data.positions;
  const positionOf = (path: readonly PathSegment[], which: 'key' | 'value' = 'value') => {
    let at = table.get('');
    if (!at) return { line: 1, column: 1 };
    let line = at.line;
    let column = at.column;
    let key = '';
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      let childPath: string;
      if (at.kind === MAP) childPath = `${key}${PATH_SEPARATOR}m${String(seg)}`;
      else if (at.kind === SEQ && typeof seg === 'number') childPath = `${key}${PATH_SEPARATOR}s${seg}`;
      else break;
      const child = table.get(childPath);
      if (!child) break;
      if (i === path.length - 1 && which === 'key' && at.kind === MAP) {
        line = child.keyLine;
        column = child.keyColumn;
        break;
      }
      line = child.line;
      column = child.column;
      at = child;
      key = childPath;
    }
    return { line, column };
  };
  return { file: data.file, value: data.value, positionOf, issues: data.issues };
}

export function readYaml(file: string, text: string): YamlSource {
  return yamlSourceFrom(readYamlData(file, text));
}

/** readYaml, as data. */
export function readYamlData(file: string, text: string): YamlSourceData {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    // The parser's own limits (a document nested past the stack): an error at the file.
    const reason = firstLine(err instanceof Error ? err.message : String(err));
    return {
      file,
      value: undefined,
      positions: new Map(),
      issues: [issueError(file, specMessages.yamlRefused(reason), 1)],
    };
  }
  const issues: Issue[] = [];
  const multiline = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const e of doc.errors) {
    // A mis-indented line makes the line above look like a key spilling over two lines;
    // the line to fix is the second one, and one message is enough.
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0])) continue;
    const pos =
      e.code === 'MULTILINE_IMPLICIT_KEY'
        ? lineCounter.linePos(e.pos[1])
        : (e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]));
    issues.push(issueError(file, specMessages.yamlSyntax(e.code, firstLine(e.message)), pos.line, pos.col));
  }
  for (const w of doc.warnings) {
    const pos = w.linePos?.[0] ?? lineCounter.linePos(w.pos[0]);
    issues.push({ severity: 'warning', file, line: pos.line, column: pos.col, message: firstLine(w.message) });
  }

  let value: unknown;
  if (!issues.some((i) => i.severity === 'error')) {
    try {
      // A document of aliases of aliases (a "billion laughs") would take the memory: the
      // parser refuses it past MAX_ALIAS_COUNT, and so does mel, as an error at the file.
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      issues.push(
        issueError(file, specMessages.yamlRefused(firstLine(err instanceof Error ? err.message : String(err))), 1),
      );
    }
  }
  return { file, value, positions: positionTable(doc, lineCounter), issues };
}

/** Aliases a file may resolve (the yaml package's default); programme files use a handful. */
const MAX_ALIAS_COUNT = 100;

/** A yaml message's first line, without the position mel gives on its own. */
const firstLine = (s: string) => {
  const end = s.indexOf('\n');
  return (end === -1 ? s : s.slice(0, end)).replace(/ at line \d+, column \d+:?$/, '');
};
