// YAML read with positions: every value keeps the line it was written on, so a schema
// issue at path ['targets', 0, 'change_unit'] is printed at its line in the file.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

export function readYaml(file: string, text: string): YamlSource {
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
      positionOf: () => ({ line: 1, column: 1 }),
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

  const positionOf = (path: readonly PathSegment[], which: 'key' | 'value' = 'value') => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (last && which === 'key') {
          offset = keyNode.range?.[0] ?? offset;
          node = undefined;
          break;
        }
        const valueNode = pair.value as Node | null;
        offset = valueNode?.range?.[0] ?? keyNode.range?.[0] ?? offset;
        node = valueNode;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

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
  return { file, value, positionOf, issues };
}

/** Aliases a file may resolve (the yaml package's default); programme files use a handful. */
const MAX_ALIAS_COUNT = 100;

/** A yaml message's first line, without the position mel gives on its own. */
const firstLine = (s: string) => {
  const end = s.indexOf('\n');
  return (end === -1 ? s : s.slice(0, end)).replace(/ at line \d+, column \d+:?$/, '');
};
