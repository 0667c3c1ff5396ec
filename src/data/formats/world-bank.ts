// The World Bank's download layout (API_*.csv, and the Data sheet of its .xls/.xlsx):
//
//   "Country Name","Country Code","Indicator Name","Indicator Code","1960","1961",...
//
// A wide data source whose header is this one needs no `columns:` of its own: the
// indicator column is `Indicator Code`, the four are the id columns, and `Country Code`
// breaks a series down (an indicator matches `{ indicator: SH.STA.STNT.ZS, Country Code: KEN }`).
// Whatever the data source sets itself is kept.
import type { DataSource } from '../../spec/schema.js';

const ID_COLUMNS = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'];

/** The data source with the World Bank layout's defaults, when `header` is that layout's header row. */
export function withWorldBankDefaults(
  source: DataSource,
  header: readonly string[],
): { source: DataSource; implied?: string[] } | undefined {
  const names = header.map((h) => h.normalize('NFC').trim());
  if (!ID_COLUMNS.every((c, i) => names[i] === c)) return undefined;
  if (source.columns?.indicator !== undefined && source.id_columns !== undefined) return undefined;
  return {
    source: {
      ...source,
      columns: { ...source.columns, indicator: source.columns?.indicator ?? 'Indicator Code' },
      id_columns: source.id_columns ?? ID_COLUMNS,
      disaggregations: source.disaggregations ?? ['Country Code'],
    },
    implied: source.disaggregations ? undefined : ['Country Code'],
  };
}
