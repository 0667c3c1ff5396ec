// A delimited format whose records are not yet the table the reader expects: an SDMX-CSV
// file (ID and label columns, status attributes) or a Eurostat TSV (dimensions packed in
// one column, flags after the values). Its shape rewrites each record on the way to the
// TableReader, and tells the reader, once the header is known, the data source it
// amounts to (the layout, the columns, the disaggregations the format implies).
import type { DataSource } from '../../spec/schema.js';
import type { Delimiter } from '../dialect.js';
import type { RecordSink } from '../record-stream.js';
import type { ReaderContext, TableReader } from '../table-reader.js';

export interface RecordShape {
  /** The delimiter the format always uses (Eurostat: tab); detected when undefined. */
  readonly delimiter?: Delimiter;
  /** Texts the format writes for "no value" besides the usual markers (Eurostat: `:`). */
  readonly missing?: readonly string[];
  /** One read of the file (a file is read twice when it turns out not to be UTF-8). */
  start(source: DataSource): ShapedRead;
}

export interface ShapedRead {
  /** Additions to the reader's context (positions in the original columns, per-value notes). */
  readonly context?: Partial<ReaderContext>;
  /** The sink the file's records go to: it reshapes them and passes them on to `reader`. */
  sink(reader: TableReader): RecordSink;
}

/** True when every field is empty or spaces. */
export const isBlank = (fields: readonly string[]) => fields.every((f) => f.trim() === '');
