// DHIS2 Web API JSON, as `/api/analytics` and `/api/dataValueSets` return it (sources in
// ../shared/reference/interop/README.md, section 1):
//
//   analytics       { headers: [{ name: 'dx' }, { name: 'pe' }, { name: 'ou' }, { name: 'value' }],
//                     metaData: { items: { <id>: { name } }, dimensions: {...} },   (current servers)
//                     metaData: { names: { <id>: name }, pe: [...], ou: [...] },    (older servers)
//                     rows: [['Uvn6LCg7dVU', '202101', 'ImspTQPwCqd', '96.65'], ...] }
//   dataValueSets   { period?, orgUnit?, attributeOptionCombo?,                     (set level)
//                     dataValues: [{ dataElement, period, orgUnit, categoryOptionCombo,
//                                    attributeOptionCombo, value, comment, deleted }] }
//
// Columns are found by header name, never by position; values are strings. The records
// are a long table: `dx` (or `dataElement`) is the indicator column, `pe` (`period`) the
// period, `value` the value, and every other dimension (`ou`, `co`, category dimensions;
// `orgUnit`, `categoryOptionCombo`) a breakdown unless the data source lists its own.
// `names: true` shows the display names of the analytics metadata instead of the ids
// (periods stay codes). Positions are JSON paths: `$.rows[3][2]`, `$.dataValues[3].value`.
import { resolve } from 'node:path';
import * as msg from '../../messages/data.js';
import { openInputFile } from '../../spec/input-file.js';
import { issueError, issueWarning } from '../../spec/issues.js';
import type { DataSource } from '../../spec/schema.js';
import { numberFormat } from '../parse-number.js';
import type { Positions } from '../positions.js';
import {
  emptyResult,
  fileProblem,
  type ReadTableOptions,
  type ReadTableResult,
  readerContext,
} from '../read-context.js';
import { TableReader } from '../table-reader.js';

/** The records of a DHIS2 document: a header, rows (line = index + 1), and where each field is. */
export interface Dhis2Table {
  readonly kind: 'analytics' | 'dataValueSet';
  readonly header: string[];
  /** Each row with its record number (its index in the document, + 1). */
  readonly rows: { fields: string[]; line: number }[];
  readonly positions: Positions;
  /** The data source the records amount to, and the breakdowns the document implies. */
  readonly source: DataSource;
  readonly implied?: readonly string[];
  /** `names: true` but the document has no names to use. */
  readonly namesMissing: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));

/** Analytics headers that are measures or their parts, not dimensions. */
const MEASURES = new Set(['value', 'numerator', 'denominator', 'factor', 'multiplier', 'divisor']);

/** A display name from `metaData.items` (current servers) or `metaData.names` (older ones). */
function namesOf(doc: Json): ((id: string) => string | undefined) | undefined {
  const meta = doc.metaData;
  if (!isObject(meta)) return undefined;
  const items = meta.items;
  const legacy = meta.names;
  if (!isObject(items) && !isObject(legacy)) return undefined;
  return (id) => {
    const item = isObject(items) ? items[id] : undefined;
    if (isObject(item) && typeof item.name === 'string') return item.name;
    const name = isObject(legacy) ? legacy[id] : undefined;
    return typeof name === 'string' ? name : undefined;
  };
}

/** The data source of a DHIS2 table: its default columns, and its dimensions as breakdowns. */
function dhis2Source(
  source: DataSource,
  defaults: { indicator: string; period: string; note?: string },
  dimensions: readonly string[],
): { source: DataSource; implied?: string[] } {
  const columns = source.columns;
  const indicator = columns?.indicator ?? defaults.indicator;
  const period = columns?.period ?? defaults.period;
  const implied = dimensions.filter((d) => d !== indicator && d !== period);
  const note = columns?.note ?? defaults.note;
  return {
    source: {
      ...source,
      format: 'long',
      header_row: undefined,
      columns: {
        indicator,
        period,
        value: columns?.value ?? 'value',
        ...(columns?.source ? { source: columns.source } : {}),
        ...(note ? { note } : {}),
      },
      disaggregations: source.disaggregations ?? implied,
    },
    implied: source.disaggregations ? undefined : implied,
  };
}

export function analyticsTable(doc: Json, source: DataSource): Dhis2Table | undefined {
  if (!Array.isArray(doc.headers) || !Array.isArray(doc.rows)) return undefined;
  const header = doc.headers.map((h) => (isObject(h) ? text(h.name) : text(h)));
  const names = source.names ? namesOf(doc) : undefined;
  const period = source.columns?.period ?? 'pe';
  // Ids become names in the dimension columns (never in the period, nor in a measure).
  const named = header.map((h) => names !== undefined && !MEASURES.has(h) && h !== period);
  const rows = doc.rows.map((row, i) => {
    const cells = Array.isArray(row) ? row : [];
    const fields = header.map((_, f) => {
      const id = text(cells[f]);
      return named[f] ? (names?.(id) ?? id) : id;
    });
    return { fields, line: i + 1 };
  });
  const dimensions = header.filter((h) => !MEASURES.has(h));
  const { source: table, implied } = dhis2Source(source, { indicator: 'dx', period: 'pe' }, dimensions);
  return {
    kind: 'analytics',
    header,
    rows,
    positions: {
      of: (line, field) =>
        line === 0
          ? { line: 0, at: field === undefined ? '$.headers' : `$.headers[${field}]` }
          : { line, at: field === undefined ? `$.rows[${line - 1}]` : `$.rows[${line - 1}][${field}]` },
    },
    source: table,
    implied,
    namesMissing: source.names === true && names === undefined,
  };
}

/** The fields of a data value, in the order DHIS2's own CSV export lists them. */
const DATA_VALUE_FIELDS = [
  'dataElement',
  'period',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'value',
  'comment',
] as const;
/** Fields a data value set may give once for all its values. */
const SET_LEVEL = ['period', 'orgUnit', 'attributeOptionCombo'];

export function dataValueSetTable(doc: Json, source: DataSource): Dhis2Table | undefined {
  if (!Array.isArray(doc.dataValues)) return undefined;
  const values = doc.dataValues.map((v) => (isObject(v) ? v : {}));
  const setLevel = (key: string) => (SET_LEVEL.includes(key) ? doc[key] : undefined);
  const present = (key: string) =>
    ['dataElement', 'period', 'orgUnit', 'value'].includes(key) ||
    setLevel(key) !== undefined ||
    values.some((v) => v[key] !== undefined && v[key] !== '');
  const header = DATA_VALUE_FIELDS.filter(present);
  const rows: Dhis2Table['rows'] = [];
  values.forEach((v, i) => {
    if (v.deleted === true) return; // an export with includeDeleted=true lists deleted values
    rows.push({ fields: header.map((key) => text(v[key] ?? setLevel(key))), line: i + 1 });
  });
  const dimensions = header.filter(
    (h) => h === 'orgUnit' || h === 'categoryOptionCombo' || h === 'attributeOptionCombo',
  );
  const { source: table, implied } = dhis2Source(
    source,
    { indicator: 'dataElement', period: 'period', note: header.includes('comment') ? 'comment' : undefined },
    dimensions,
  );
  return {
    kind: 'dataValueSet',
    header,
    rows,
    positions: {
      of: (line, field) => {
        if (line === 0) return { line: 0, at: '$.dataValues' };
        const key = field === undefined ? undefined : header[field];
        const own = key !== undefined && values[line - 1]?.[key] !== undefined;
        return {
          line,
          at:
            key === undefined
              ? `$.dataValues[${line - 1}]`
              : own || setLevel(key) === undefined
                ? `$.dataValues[${line - 1}].${key}`
                : `$.${key}`,
        };
      },
    },
    source: table,
    implied,
    namesMissing: source.names === true,
  };
}

/** Where a JSON.parse error is: `... at position 45` (or `line 3 column 7`) -> line and column. */
function jsonErrorPlace(message: string, text: string): { line?: number; column?: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (!pos) return {};
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return { line, column: Number(pos[1]) - before.lastIndexOf('\n') };
}

export async function readDhis2(source: DataSource, options: ReadTableOptions): Promise<ReadTableResult> {
  const file = source.file;
  let json: string;
  try {
    // A regular file only: a pipe named .json would block a plain read forever.
    const handle = await openInputFile(resolve(options.root, file));
    try {
      json = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    return emptyResult(source, undefined, issueError(file, fileProblem(source.id, resolve(options.root, file), err)));
  }
  if (json.charCodeAt(0) === 0xfeff) json = json.slice(1);
  if (json.trim() === '') return emptyResult(source, undefined, issueError(file, msg.fileEmpty(), 1));
  const start = json.trimStart()[0];
  if (start !== '{' && start !== '[')
    return emptyResult(source, undefined, issueError(file, msg.notJsonAtAll(json.trimStart().slice(0, 20)), 1, 1));
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    const [reason = ''] = (err instanceof Error ? err.message : String(err)).split('\n');
    const place = jsonErrorPlace(reason, json);
    return emptyResult(source, undefined, issueError(file, msg.notJson(reason), place.line, place.column));
  }
  const table = isObject(doc) ? (analyticsTable(doc, source) ?? dataValueSetTable(doc, source)) : undefined;
  if (!table) return emptyResult(source, undefined, issueError(file, msg.notDhis2()));

  const reader = new TableReader(
    table.source,
    { ...readerContext(source, options), positions: table.positions },
    ',',
    numberFormat({ decimal: '.', sourceId: source.id, missing: source.missing }),
    table.rows.length,
  );
  reader.useSource(table.source, table.implied);
  if (table.namesMissing) reader.log.add(issueWarning(file, msg.noDhis2Names()));
  reader.record(table.header, 0);
  for (const { fields, line } of table.rows) if (!reader.record(fields, line)) break;
  const result = reader.finish();
  return {
    table: { ...result, reading: { encoding: 'utf-8', delimiter: ',', decimal: '.', headerLine: 0 } },
    issues: reader.log.issues(),
  };
}
