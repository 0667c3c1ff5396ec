// SDMX-CSV 1.0 and 2.0, as UNICEF, WHO, OECD, ILO, Eurostat and the .Stat Suite export it:
//
//   DATAFLOW,REF_AREA,INDICATOR,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS            codes (1.0)
//   STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,...,TIME_PERIOD,OBS_VALUE,...         codes (2.0)
//   DATAFLOW,REF_AREA: Reference area,SEX: Sex,...   KEN: Kenya,F: Female       labels=both, one column
//   STRUCTURE,...,REF_AREA,Reference area,SEX,Sex,...  KEN,Kenya,F,Female       labels=both, column pairs
//
// The columns of an observation are the structure columns, the dimensions (in the data
// structure's order, TIME_PERIOD last), OBS_VALUE, then the attributes. The dimensions
// other than the indicator are the breakdowns unless the data source lists its own; an
// ID and its label, in one column or in two, are read as one column holding the code
// (the label with `names: true`); OBS_STATUS and OBS_FLAG go into each value's note.
import * as msg from '../../messages/data.js';
import type { DataSource } from '../../spec/schema.js';
import { csvPositions } from '../positions.js';
import type { RecordSink } from '../record-stream.js';
import type { TableReader } from '../table-reader.js';
import { isBlank, type RecordShape } from './record-shape.js';

/** Columns that say which dataflow or message a row belongs to, not what it measures. */
const STRUCTURE_COLUMNS = new Set([
  'DATAFLOW',
  'STRUCTURE',
  'STRUCTURE_ID',
  'STRUCTURE_NAME',
  'ACTION',
  'KEY',
  'SERIES_KEY',
  'LAST UPDATE',
]);
/** Attributes whose values go into each value's note. */
const NOTE_ATTRIBUTES = ['OBS_STATUS', 'OBS_FLAG'];
/** OBS_STATUS `A` is "normal value": nothing to note. */
const NORMAL_STATUS = 'A';
/** The column the notes are gathered into (a name no SDMX id can have). */
export const SDMX_NOTE_COLUMN = 'OBS_STATUS / OBS_FLAG';

/** `REF_AREA: Reference area` (a header) or `KEN: Kenya` (a cell) of labels=both. */
const ID_AND_LABEL = /^([A-Za-z0-9_@.$-]+)\s*:\s*(\S.*)$/;
/** An SDMX id as .Stat and most publishers write them: upper case. */
const UPPER_ID = /^[A-Z][A-Z0-9_]*$/;

interface KeptColumn {
  /** Its id: the header before `: label`. */
  readonly name: string;
  /** The field in the file's records. */
  readonly field: number;
  /** The field of its label column (the pair form), or -1. */
  readonly labelField: number;
  /** Its cells are `CODE: label` (the one-column form). */
  readonly combined: boolean;
}

/** The columns of an SDMX-CSV header, each ID once, its label column folded into it. */
export function sdmxColumns(headers: readonly string[]): KeptColumn[] {
  const kept: KeptColumn[] = [];
  headers.forEach((raw, field) => {
    const header = raw.trim();
    const [, id] = ID_AND_LABEL.exec(header) ?? [];
    if (id !== undefined) {
      kept.push({ name: id, field, labelField: -1, combined: true });
      return;
    }
    const previous = kept.at(-1);
    // `SEX,Sex`: a header that is not an upper-case id, after one that is, is its label.
    if (
      previous &&
      previous.field === field - 1 &&
      !previous.combined &&
      UPPER_ID.test(previous.name) &&
      !UPPER_ID.test(header)
    ) {
      kept[kept.length - 1] = { ...previous, labelField: field };
      return;
    }
    kept.push({ name: header, field, labelField: -1, combined: false });
  });
  return kept;
}

/** The data source an SDMX-CSV file amounts to, and the breakdowns its dimensions imply. */
function sdmxSource(source: DataSource, names: readonly string[]): { source: DataSource; implied?: string[] } {
  const has = (n: string) => names.includes(n);
  const columns = source.columns;
  const indicator = columns?.indicator ?? (has('INDICATOR') || source.indicator ? 'INDICATOR' : 'indicator');
  const period = columns?.period ?? 'TIME_PERIOD';
  const value = columns?.value ?? 'OBS_VALUE';
  const valueAt = names.indexOf(value);
  const dimensions = names
    .slice(0, valueAt < 0 ? names.length : valueAt)
    .filter((n) => !STRUCTURE_COLUMNS.has(n.toUpperCase()) && n !== period && n !== indicator);
  const noteNames = NOTE_ATTRIBUTES.filter(has);
  return {
    source: {
      ...source,
      format: 'long',
      columns: {
        indicator,
        period,
        value,
        ...(columns?.source ? { source: columns.source } : {}),
        ...(columns?.note ? { note: columns.note } : noteNames.length ? { note: SDMX_NOTE_COLUMN } : {}),
      },
      disaggregations: source.disaggregations ?? dimensions,
    },
    implied: source.disaggregations ? undefined : dimensions,
  };
}

export const sdmxCsvShape: RecordShape = {
  start(source) {
    const map: number[] = [];
    const positions = csvPositions((field) => map[field] ?? field + 1);
    return { context: { positions }, sink: (reader) => new SdmxRecords(source, reader, map) };
  },
};

class SdmxRecords implements RecordSink {
  private kept?: KeptColumn[];
  private notes: { name: string; column: KeptColumn }[] = [];
  private action = -1;

  constructor(
    private readonly source: DataSource,
    private readonly reader: TableReader,
    /** Field of the reshaped records -> column of the file (1-based), filled at the header. */
    private readonly columnOf: number[],
  ) {}

  record(fields: string[], line: number): boolean {
    const kept = this.kept;
    if (!kept) return this.header(fields, line);
    if (isBlank(fields)) return true;
    if (this.action >= 0 && (fields[this.action] ?? '').trim().toUpperCase() === 'D') return true; // a deletion
    const names = this.source.names === true;
    const out = kept.map((c) => cellOf(fields, c, names));
    if (this.notes.length) {
      const notes: string[] = [];
      for (const { name, column } of this.notes) {
        const code = cellOf(fields, column, false);
        if (code === '' || (name === 'OBS_STATUS' && code === NORMAL_STATUS)) continue;
        const label = cellOf(fields, column, true);
        notes.push(msg.sdmxAttributeNote(name, code, label !== code ? label : undefined));
      }
      out.push(notes.join('; '));
    }
    return this.reader.record(out, line);
  }

  private header(fields: string[], line: number): boolean {
    const forced = this.source.header_row;
    if ((forced !== undefined && line < forced) || (forced === undefined && isBlank(fields))) return true;
    const kept = sdmxColumns(fields);
    this.kept = kept;
    const names = kept.map((c) => c.name);
    kept.forEach((c, i) => {
      this.columnOf[i] = c.field + 1;
    });
    this.action = kept.find((c) => c.name.toUpperCase() === 'ACTION')?.field ?? -1;
    const { source, implied } = sdmxSource(this.source, names);
    if (source.columns?.note === SDMX_NOTE_COLUMN) {
      this.notes = NOTE_ATTRIBUTES.flatMap((name) => {
        const column = kept.find((c) => c.name === name);
        return column ? [{ name, column }] : [];
      });
      this.columnOf[kept.length] = (this.notes[0]?.column.field ?? 0) + 1;
      names.push(SDMX_NOTE_COLUMN);
    }
    this.reader.useSource(source, implied);
    return this.reader.record(names, line);
  }
}

/** A cell as a code (`KEN: Kenya` -> KEN) or, with `names`, as its label (Kenya). */
function cellOf(fields: readonly string[], c: KeptColumn, names: boolean): string {
  const text = (fields[c.field] ?? '').trim();
  if (c.combined) {
    const [, code, label] = ID_AND_LABEL.exec(text) ?? [];
    if (code !== undefined && label !== undefined) return names ? label.trim() : code;
    return text;
  }
  if (names && c.labelField >= 0) return (fields[c.labelField] ?? '').trim() || text;
  return text;
}
