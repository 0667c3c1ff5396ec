// The series of a file, found by the key fields of a row.
//
// A million rows must not mean a million scans of the series, nor a million NFC
// normalisations: rows of one series usually follow each other, so the previous row's
// key fields are compared first; then the key as written is looked up; only a key never
// seen as written is cleaned (NFC, trimmed: `Lima ` is `Lima`) and looked up again.
import { fieldAt } from './record-stream.js';

/** Joins key fields into one Map key; a control character no CSV field holds in practice. */
const KEY_SEPARATOR = '\u001f';

/** A key value as series are told apart: NFC, trimmed (`Lima ` is `Lima`); ASCII is NFC already. */
function cleanKey(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return text.normalize('NFC').trim();
  return text.trim();
}

export class SeriesIndex {
  /** The key values of each series, by series id. */
  readonly keys: Record<string, string>[] = [];
  /** Series ids by the key fields as written, and by their trimmed NFC form. */
  private readonly byRawKey = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  /** The previous row's key fields and series. */
  private readonly previousKey: string[] = [];
  private previousSeries = -1;

  constructor(
    /** The fields of the key columns, in file order, and the names the configuration gives them. */
    private readonly keyFields: readonly number[],
    private readonly keyNames: readonly string[],
  ) {}

  get count(): number {
    return this.keys.length;
  }

  /** The series id of a row, found by its key fields without scanning the series. */
  of(fields: readonly string[]): number {
    const keyFields = this.keyFields;
    const previous = this.previousKey;
    if (this.previousSeries >= 0) {
      let same = true;
      let k = 0;
      for (const f of keyFields) {
        if (fieldAt(fields, f) !== previous[k++]) {
          same = false;
          break;
        }
      }
      if (same) return this.previousSeries;
    }
    let raw: string | undefined;
    for (const f of keyFields) raw = raw === undefined ? fieldAt(fields, f) : raw + KEY_SEPARATOR + fieldAt(fields, f);
    raw ??= '';
    let series = this.byRawKey.get(raw);
    if (series === undefined) {
      const values = keyFields.map((f) => cleanKey(fieldAt(fields, f)));
      const key = values.join(KEY_SEPARATOR);
      series = this.byKey.get(key);
      if (series === undefined) {
        const keys: Record<string, string> = {};
        const names = this.keyNames;
        for (let k = 0; k < names.length; k++) keys[names[k] ?? ''] = values[k] ?? '';
        series = this.keys.length;
        this.keys.push(keys);
        this.byKey.set(key, series);
      }
      this.byRawKey.set(raw, series);
    }
    let k = 0;
    for (const f of keyFields) previous[k++] = fieldAt(fields, f);
    this.previousSeries = series;
    return series;
  }
}
