// The assessment document as JSON text, written piece by piece: byte for byte what
// `JSON.stringify(doc, null, 2)` gives, without ever holding the whole text. A national
// programme's document is some 90 MB of text (20,000 results); built whole it takes
// hundreds of megabytes as one string, and a second copy as bytes when it is written.
//
// The outer objects and arrays (the document, its `results`) are written here, key by
// key and element by element; each element below them (one result) is one
// `JSON.stringify` call, indented to its depth. `results` may be a generator (results
// computed one indicator at a time and never kept), written as the array it amounts to.

/** Indentation per level, as `JSON.stringify(doc, null, 2)` writes it. */
const INDENT = '  ';
/** Text is handed out in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 16;

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * An iterator (a generator of results): written as an array. Other iterables (a Map, a
 * Set) are written as JSON.stringify writes them (as `{}`).
 */
const isLazyList = (v: object): v is IterableIterator<unknown> =>
  typeof (v as { next?: unknown }).next === 'function' &&
  typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';

/**
 * What JSON.stringify writes for a member: its toJSON's value when it has one, and
 * nothing (undefined) for undefined, functions and symbols.
 */
function jsonValueOf(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  const json = typeof toJSON === 'function' ? toJSON.call(value, key) : value;
  return typeof json === 'function' || typeof json === 'symbol' ? undefined : json;
}

/**
 * `JSON.stringify(value, null, 2)` in pieces. Objects and arrays down to `streamDepth`
 * levels are written member by member; deeper values with one JSON.stringify each.
 * An iterator (a generator) is written as the array of what it yields.
 */
export function* jsonChunks(value: unknown, streamDepth = 2): Generator<string> {
  let buffer = '';
  const emit = function* (text: string): Generator<string> {
    if (text.length >= CHUNK_CHARS / 2) {
      // Large enough to go as it is: no copy into the buffer.
      if (buffer) yield buffer;
      buffer = '';
      yield text;
      return;
    }
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  };

  /** One value (toJSON applied) at `depth`, its first line already indented by the caller. */
  function* write(json: unknown, depth: number): Generator<string> {
    if (json === null || typeof json !== 'object' || depth >= streamDepth) {
      yield* emit(leaf(json, depth));
      return;
    }
    const inner = `\n${INDENT.repeat(depth + 1)}`;
    if ((Array.isArray(json) || isLazyList(json)) && depth + 1 >= streamDepth) {
      // Elements that are written whole (results): a batch at a time, one JSON.stringify each.
      let i = 0;
      let batch: unknown[] = [];
      for (const item of json) {
        const member = jsonValueOf(item, String(i));
        batch.push(member === undefined ? null : member);
        if (batch.length === BATCH) {
          yield* emit(elements(batch, depth, i + 1 === BATCH));
          batch = [];
        }
        i++;
      }
      if (batch.length) yield* emit(elements(batch, depth, i <= BATCH));
      yield* emit(i === 0 ? '[]' : `\n${INDENT.repeat(depth)}]`);
      return;
    }
    if (Array.isArray(json) || isLazyList(json)) {
      let i = 0;
      for (const item of json) {
        yield* emit(i === 0 ? `[${inner}` : `,${inner}`);
        const member = jsonValueOf(item, String(i));
        if (member === undefined) yield* emit('null');
        else yield* write(member, depth + 1);
        i++;
      }
      yield* emit(i === 0 ? '[]' : `\n${INDENT.repeat(depth)}]`);
      return;
    }
    if (!isPlainObject(json)) {
      yield* emit(leaf(json, depth));
      return;
    }
    let n = 0;
    for (const k of Object.keys(json)) {
      const member = jsonValueOf(json[k], k);
      if (member === undefined) continue;
      yield* emit(`${n === 0 ? '{' : ','}${inner}${JSON.stringify(k)}: `);
      yield* write(member, depth + 1);
      n++;
    }
    yield* emit(n === 0 ? '{}' : `\n${INDENT.repeat(depth)}}`);
  }

  const json = jsonValueOf(value, '');
  if (json === undefined) return; // JSON.stringify gives undefined: no text
  yield* write(json, 0);
  if (buffer) yield buffer;
}

/**
 * Elements of an array at `depth` written whole go in batches of this many: fewer calls
 * than one per element, and texts (about 40 KB for eight results) that stay below the
 * size V8 allocates apart, one by one, in its large-object space (128 KB), which makes
 * batches of 64 results twice as slow as batches of 8.
 */
const BATCH = 8;

/**
 * A batch of elements of an array at `depth` as JSON.stringify writes them inside it,
 * with what comes before them: the array's `[` for the first batch, else the `,` after
 * the previous element. The batch is stringified where it would stand (in `depth`
 * arrays; after a placeholder element unless first) and the text cut out of it, without
 * a copy.
 */
function elements(batch: readonly unknown[], depth: number, first: boolean): string {
  let nested: unknown = first ? batch : [0, ...batch];
  for (let k = 0; k < depth; k++) nested = [nested];
  const text = JSON.stringify(nested, null, INDENT);
  // Where the batch's own `[` stands: after each outer level's `[`, line break and indentation.
  let bracket = 0;
  for (let k = 0; k < depth; k++) bracket += 2 + (k + 1) * INDENT.length;
  // Then the placeholder's line: a line break, the indentation and `0`.
  const start = first ? bracket : bracket + 1 + 1 + (depth + 1) * INDENT.length + 1;
  let tail = 0;
  for (let k = 0; k <= depth; k++) tail += 1 + k * INDENT.length + 1; // a line break, indentation, `]`
  return text.slice(start, text.length - tail);
}

/**
 * A value as JSON.stringify writes it at `depth`: its own lines indented by the depth.
 * Line breaks in JSON text are only ever between tokens (a string's are escaped), so
 * indenting every line is indenting the value.
 */
function leaf(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, INDENT) as string | undefined;
  if (text === undefined) return 'null';
  return depth === 0 ? text : text.replaceAll('\n', `\n${INDENT.repeat(depth)}`);
}

/** A JSON file's text: the value as `JSON.stringify(value, null, 2)` writes it, then a line break. */
export function* jsonFileChunks(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield '\n';
}
