// The SMART review as text for the terminal: per indicator, each letter and its findings.
import { smartMessages } from '../messages/smart.js';
import type { Locale } from '../spec/schema.js';
import { letters, type FindingStatus, type SmartReview } from './smart-review.js';

const COLOR: Record<FindingStatus, string> = { pass: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m' };

export function renderSmartReview(review: SmartReview, options: { color: boolean; locale: Locale }): string {
  const sm = smartMessages[options.locale];
  const names = sm.letterNames;
  const t = sm.terminal;
  const mark = (s: FindingStatus) => (options.color ? `${COLOR[s]}${t.marks[s]}\x1b[0m` : t.marks[s]);
  const out: string[] = [t.title(review.program), ''];
  for (const ind of review.indicators) {
    out.push(`${ind.indicator}  ${ind.name}`);
    for (const l of letters) {
      const letter = ind.letters[l];
      out.push(`  ${l} ${names[l].padEnd(11)} ${mark(letter.status)}`);
      for (const f of letter.findings) {
        out.push(`      ${f.status === 'pass' ? '-' : '!'} ${f.text}`);
        if (f.fix) out.push(`        ${t.fix}: ${f.fix}`);
      }
    }
    out.push('');
  }
  out.push(t.summary);
  for (const l of letters) {
    const s = review.summary[l];
    out.push(
      `  ${l} ${names[l].padEnd(11)} ${String(s.pass).padStart(3)} ${t.pass}  ` +
        `${String(s.warn).padStart(3)} ${t.warn}  ${String(s.fail).padStart(3)} ${t.fail}`,
    );
  }
  return out.join('\n');
}
