// The readable table `mel assess` prints: indicator, breakdown, latest, target, status.
import { dimsLabel } from '../data/indicator-data.js';
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

const fmt = (v: { period: string; value: number | null } | null) =>
  v && v.value !== null ? `${formatNumber(v.value)} (${v.period})` : '-';

export function formatNumber(x: number): string {
  return Math.abs(x) >= 1000 ? x.toFixed(0) : Number.parseFloat(x.toPrecision(4)).toString();
}

export function renderAssessmentTable(doc: AssessmentDocument, options: { color: boolean }): string {
  const header = ['indicator', 'breakdown', 'baseline', 'latest', 'target', 'status'];
  const rows = doc.results.map((r) => [
    r.indicator,
    dimsLabel(r.disaggregation) || 'total',
    fmt(r.baseline),
    fmt(r.latest),
    fmt(r.target),
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[], status?: Status) =>
    cells
      .map((c, i) => {
        const padded = c.padEnd(widths[i]);
        return i === cells.length - 1 && status && options.color ? `${COLORS[status]}${padded}${RESET}` : padded;
      })
      .join('  ')
      .trimEnd();
  const counts = new Map<Status, number>();
  for (const r of doc.results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  return [
    `${doc.program}: as of ${doc.as_of}, method ${doc.method}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...doc.results.map((r, i) => line(rows[i], r.status)),
    '',
    `${doc.results.length} results: ${summary}`,
  ].join('\n');
}
