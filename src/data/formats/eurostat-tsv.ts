// Eurostat's TSV, as the database downloads and the bulk facility publish it:
//
//   freq,unit,sex,age,geo\TIME_PERIOD	2015 	2016 	2017
//   A,PC,T,Y15-24,ES	48.3 	44.4 b	38.6
//   A,PC,T,Y15-24,MT	: 	11.1 u	: c
//
// The first column packs the dimensions, named by the header before the backslash
// (`unit,geo\time` in older files); every other column is a period. A value may carry
// flags after a space (`44.4 b`: break in time series), `:` is no value (with its own
// flags: `: c`, confidential). The records become a wide table: one column per
// dimension, then the periods; each flag goes into its value's note, spelled out.
import * as msg from '../../messages/data.js';
import type { Text } from '../../messages/localized.js';
import type { DataSource } from '../../spec/schema.js';
import { csvPositions } from '../positions.js';
import { fieldAt, type RecordExtras, type RecordSink } from '../record-stream.js';
import type { TableReader } from '../table-reader.js';
import { isBlank, type RecordShape } from './record-shape.js';

/** A cell split into its value and its flags: `44.4 b` -> 44.4, b; `: c` -> :, c. */
export function splitFlags(cell: string): { value: string; flags: string } {
  const text = cell.trim();
  if (text.startsWith(':')) return { value: ':', flags: text.slice(1).trim() };
  const [, value, flags] = /^(\S+)\s+([A-Za-z]{1,4})$/.exec(text) ?? [];
  return value !== undefined && flags !== undefined ? { value, flags } : { value: text, flags: '' };
}

/** The data source a Eurostat file amounts to: wide, its dimensions as id columns and (by default) breakdowns. */
function eurostatSource(source: DataSource, dimensions: readonly string[]): { source: DataSource; implied?: string[] } {
  const indicatorColumn = source.columns?.indicator ?? 'indicator';
  const implied = dimensions.filter((d) => d !== indicatorColumn);
  return {
    source: {
      ...source,
      format: 'wide',
      periods: 'columns',
      id_columns: [...dimensions],
      disaggregations: source.disaggregations ?? implied,
    },
    implied: source.disaggregations ? undefined : implied,
  };
}

export const eurostatShape: RecordShape = {
  delimiter: '\t',
  missing: [':'],
  start(source) {
    // Field -> column of the file: the dimensions are all in column 1.
    const shape = { dimensions: 0 };
    const positions = csvPositions((field) => (field < shape.dimensions ? 1 : field - shape.dimensions + 2));
    return {
      context: { positions, valueNotes: true },
      sink: (reader) => new EurostatRecords(source, reader, shape),
    };
  },
};

class EurostatRecords implements RecordSink {
  private headerRead = false;

  constructor(
    private readonly source: DataSource,
    private readonly reader: TableReader,
    private readonly shape: { dimensions: number },
  ) {}

  record(fields: string[], line: number): boolean {
    if (!this.headerRead) return this.header(fields, line);
    if (isBlank(fields)) return true;
    const dimensions = fieldAt(fields, 0)
      .split(',')
      .map((d) => d.trim());
    if (dimensions.length !== this.shape.dimensions) {
      this.reader.log.row('fields', 'error', line, 0, () =>
        msg.wrongDimensionCount(dimensions.length, this.shape.dimensions),
      );
      return true;
    }
    const values: string[] = [];
    const notes: (Text | undefined)[] = new Array(dimensions.length).fill(undefined);
    for (const cell of fields.slice(1)) {
      const { value, flags } = splitFlags(cell);
      values.push(value);
      notes.push(flags ? msg.eurostatFlagNote(flags) : undefined);
    }
    const extras: RecordExtras = { notes };
    return this.reader.record([...dimensions, ...values], line, extras);
  }

  private header(fields: string[], line: number): boolean {
    const forced = this.source.header_row;
    if ((forced !== undefined && line < forced) || (forced === undefined && isBlank(fields))) return true;
    this.headerRead = true;
    const first = fieldAt(fields, 0).trim();
    const slash = first.indexOf('\\');
    if (slash < 0) {
      this.reader.log.at('error', msg.notEurostatTsv(first), line, 0);
      return false;
    }
    const dimensions = first
      .slice(0, slash)
      .split(',')
      .map((d) => d.trim());
    this.shape.dimensions = dimensions.length;
    const { source, implied } = eurostatSource(this.source, dimensions);
    this.reader.useSource(source, implied);
    return this.reader.record([...dimensions, ...fields.slice(1).map((f) => f.trim())], line);
  }
}
