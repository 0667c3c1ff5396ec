// Which rows of a file some indicator uses. A problem in a row no indicator matches (a
// country nobody reports on, in a World Bank file of every country) must not stop the
// indicators whose rows are sound: the reader asks here before making it an error.
//
// An indicator uses the rows whose key columns hold every value of its `match` (trimmed,
// as bind-series compares them). A match entry naming a column the file lacks is left out
// (that is reported elsewhere), and so is the indicator column when the match leaves it
// out (the indicator then matches its own id or the file's only code): in doubt a row is
// used, and its problem stays an error.

/** One indicator's match, by file column name: `{ indicator: 'stunting', area: 'rural' }`. */
export type ColumnMatch = Readonly<Record<string, string>>;

/** One key column an indicator's match names: its name, its field in the records, the value wanted (NFC, trimmed). */
interface WantedColumn {
  readonly name: string;
  readonly field: number;
  readonly value: string;
}

export class RowUsage {
  private readonly everyRow: boolean;
  /** Per indicator, the key columns its match names. */
  private readonly wanted: readonly (readonly WantedColumn[])[];
  /** Per series id: 0 not known yet, 1 used, -1 not used. */
  private seriesCache = new Int8Array(64);

  /**
   * `matches` undefined: every row is used (a file read on its own, outside a programme).
   * `keyNames` and `keyFields`: the key columns of the file's records and their fields.
   */
  constructor(matches: readonly ColumnMatch[] | undefined, keyNames: readonly string[], keyFields: readonly number[]) {
    this.everyRow = matches === undefined;
    this.wanted = (matches ?? []).map((m) =>
      Object.entries(m).flatMap(([name, value]) => {
        const field = keyFields[keyNames.indexOf(name)];
        return field === undefined ? [] : [{ name, field, value: value.normalize('NFC').trim() }];
      }),
    );
  }

  /** True when some indicator uses a record with these fields (a field the record lacks counts as a match). */
  fieldsUsed(fields: readonly string[]): boolean {
    if (this.everyRow) return true;
    return this.wanted.some((w) =>
      w.every(({ field, value }) => {
        const text = fields[field];
        return text === undefined || text.normalize('NFC').trim() === value;
      }),
    );
  }

  /** True when some indicator uses the series with these key values (by column name, NFC, trimmed). */
  keysUsed(keys: Readonly<Record<string, string>>): boolean {
    if (this.everyRow) return true;
    return this.wanted.some((w) => w.every(({ name, value }) => (keys[name] ?? '') === value));
  }

  /** keysUsed, remembered per series id. */
  seriesUsed(seriesId: number, keys: Readonly<Record<string, string>>): boolean {
    if (this.everyRow) return true;
    if (seriesId >= this.seriesCache.length) {
      const grown = new Int8Array(Math.max(seriesId + 1, this.seriesCache.length * 2));
      grown.set(this.seriesCache);
      this.seriesCache = grown;
    }
    const known = this.seriesCache[seriesId];
    if (known !== undefined && known !== 0) return known > 0;
    const used = this.keysUsed(keys);
    this.seriesCache[seriesId] = used ? 1 : -1;
    return used;
  }
}
