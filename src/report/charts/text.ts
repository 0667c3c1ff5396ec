// Text on the charts: measuring it (cached), wrapping and truncating it to a width, and
// the words of the value labels (numbers through messages/format-number.ts).

import type { SKRSContext2D } from '@napi-rs/canvas';
import { formatNumber, type NumberLocale } from '../../messages/format-number.js';

export type Ctx = SKRSContext2D;

/**
 * Widths of text by font, measured once per process: the same strings (tick labels,
 * legend entries, panel titles and their truncations) recur in every chart of a report.
 * Measurement is deterministic, so caching cannot change the output.
 */
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 20_000;

/** Width of text in the context's current font. */
export function textWidth(ctx: Ctx, text: string): number {
  const key = `${ctx.font}\u0000${text}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(key, w);
  }
  return w;
}

/** Greedy word wrap to maxWidth in the context's current font. */
export function wrapText(ctx: Ctx, text: string, maxWidth: number): string[] {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(ctx, candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Text cut to maxWidth with an ellipsis, in the context's current font. */
export function truncateText(ctx: Ctx, text: string, maxWidth: number): string {
  if (textWidth(ctx, text) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(ctx, `${text.slice(0, mid).trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** Year tick label: plain integer, never a thousands separator ("2011", not "2,011"). */
export function formatYear(year: number): string {
  return String(Math.round(year));
}

/**
 * Text of a target's label: its `name` as given, but with its value written for the
 * locale (with `decimals`, else up to two). If the name contains the value (as "24.5",
 * "24,5", "1500" or "1,500"), that number is rewritten; otherwise ": value" is appended.
 */
export function targetLabelText(name: string, value: number, locale: NumberLocale, decimals?: number): string {
  const local = formatNumber(value, locale, decimals === undefined ? { maxDecimals: 2 } : { decimals });
  const tokens = [...name.matchAll(/\d(?:[\d.,]*\d)?/g)];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token && readsAs(token[0], value)) {
      const at = token.index ?? 0;
      return name.slice(0, at) + local + name.slice(at + token[0].length);
    }
  }
  const trimmed = name.trim();
  return trimmed === '' ? local : `${trimmed.replace(/[:\s]+$/, '')}: ${local}`;
}

/** Whether a number as written in a label ("24.5", "24,5", "1,500", "12.345,6") equals value. */
function readsAs(token: string, value: number): boolean {
  const en = Number(token.replace(/,/g, ''));
  const es = Number(token.replace(/\./g, '').replace(',', '.'));
  const close = (v: number) => Number.isFinite(v) && Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value));
  return close(en) || close(es);
}
