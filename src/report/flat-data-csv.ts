// data.csv: one flat row per indicator x breakdown x period with every id, beside the
// workbook. It holds every value even when a national programme's 1.2 million rows
// exceed what a sheet can hold; pivot tables and Power Query read it directly.
import type { IndicatorData } from '../data/indicator-data.js';
import { allSeries } from '../data/indicator-data.js';
import { textIn } from '../messages/localized.js';
import type { Program } from '../spec/model.js';
import type { Locale } from '../spec/schema.js';

/** Text a spreadsheet would run as a formula is prefixed with ' (OWASP's CSV-injection advice). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV in chunks of about a thousand rows, so a large programme streams to disk. The
 * column names are ids, the same in every language; a missing value's reason is mel's
 * words, in the pack's `locale`.
 */
export function* flatDataCsv(
  program: Program,
  data: ReadonlyMap<string, IndicatorData>,
  locale: Locale = 'en',
): Generator<string> {
  const dimColumns = [...new Set([...data.values()].flatMap((d) => allSeries(d).flatMap((s) => Object.keys(s.dims))))];
  const header = [
    'program',
    'result',
    'level',
    'indicator',
    'indicator_name',
    'unit',
    ...dimColumns,
    'period',
    'period_start',
    'period_end',
    'value',
    'missing_reason',
    'source',
    'file',
    'line',
  ];
  let chunk = `\ufeff${header.map(field).join(',')}\r\n`;
  let rows = 0;
  for (const ind of program.indicators) {
    const d = data.get(ind.id);
    if (!d) continue;
    const level = program.results.find((r) => r.id === ind.result)?.level;
    const prefix = [program.id, ind.result, level, ind.id, ind.name, ind.unitLabel ?? ind.unit].map(field).join(',');
    for (const s of allSeries(d)) {
      const dims = dimColumns.map((c) => field(s.dims[c])).join(',');
      for (const [i, p] of s.periods.entries()) {
        const v = s.values[i] ?? Number.NaN; // NaN: missing, as in the series itself
        const observation = `${field(p.id)},${p.start},${p.end},${Number.isNaN(v) ? '' : v}`;
        const reason = s.missingReasons[i];
        const origin = `${field(reason && textIn(reason, locale))},${field(s.sources[i])},${field(s.file)},${s.lines[i] || ''}`;
        chunk += `${prefix},${dimColumns.length ? `${dims},` : ''}${observation},${origin}\r\n`;
        if (++rows % 1000 === 0) {
          yield chunk;
          chunk = '';
        }
      }
    }
  }
  if (chunk) yield chunk;
}
