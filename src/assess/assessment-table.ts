// The readable table `mel assess` prints: indicator, breakdown, latest, target, status.
import { dimsLabel } from '../data/indicator-data.js';
import { cliMessages } from '../messages/cli.js';
import { formatNumber, indicatorDecimals } from '../messages/format-number.js';
import { methodLabel, reportMessages, statusLabel } from '../messages/report.js';
import type { Locale } from '../spec/schema.js';
import type { AssessmentDocument, Status } from './assessment.js';

const COLORS: Record<Status, string> = {
  achieved: '\x1b[32m',
  on_track: '\x1b[32m',
  at_risk: '\x1b[33m',
  off_track: '\x1b[31m',
  deteriorating: '\x1b[31;1m',
  missed: '\x1b[31;1m',
  no_data: '\x1b[2m',
  no_target: '\x1b[2m',
};
const RESET = '\x1b[0m';

type Value = { period: string; value: number | null } | null;

/** The table in `locale`: the pack's column headers and status names, numbers as format-number writes them. */
export function renderAssessmentTable(doc: AssessmentDocument, options: { color: boolean; locale?: Locale }): string {
  const locale = options.locale ?? 'en';
  const words = reportMessages[locale];
  // Each indicator's values with its own decimals, as in the pack (format-number.ts).
  const valuesOf = new Map<string, number[]>();
  for (const r of doc.results) {
    const list = valuesOf.get(r.indicator) ?? [];
    valuesOf.set(r.indicator, list);
    for (const v of [r.baseline, r.latest, r.target]) if (v && v.value !== null) list.push(v.value);
  }
  const decimals = new Map(
    doc.results.map((r) => [r.indicator, indicatorDecimals(r.unit, valuesOf.get(r.indicator) ?? [])]),
  );
  const fmt = (v: Value, indicator: string) =>
    v && v.value !== null
      ? `${formatNumber(v.value, locale, { decimals: decimals.get(indicator) })} (${v.period})`
      : '-';
  const c = words.columns;
  const header = [c.indicator, c.breakdown, c.baseline, c.latest, c.target, c.status];
  const rows = doc.results.map((r) => ({
    cells: [
      r.indicator,
      dimsLabel(r.disaggregation) || words.headline,
      fmt(r.baseline, r.indicator),
      fmt(r.latest, r.indicator),
      fmt(r.target, r.indicator),
      statusLabel(locale, r.status),
    ],
    status: r.status,
  }));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(({ cells }) => cells[i]?.length ?? 0)));
  const line = (cells: string[], status?: Status) =>
    cells
      .map((c, i) => {
        const padded = c.padEnd(widths[i] ?? c.length);
        return i === cells.length - 1 && status && options.color ? `${COLORS[status]}${padded}${RESET}` : padded;
      })
      .join('  ')
      .trimEnd();
  const counts = new Map<Status, number>();
  for (const r of doc.results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${formatNumber(n, locale)} ${statusLabel(locale, s)}`);
  const say = cliMessages[locale];
  return [
    say.assessHeading(doc.program, doc.as_of, methodLabel(locale, doc.method)),
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(({ cells, status }) => line(cells, status)),
    '',
    say.assessResults(doc.results.length, summary),
  ].join('\n');
}
