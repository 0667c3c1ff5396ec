// Command-line values checked once: a bad --as-of or --method is a usage error (exit 2).
import { periodReason } from '../messages/periods.js';
import { parsePeriod, type Period } from '../periods/period.js';
import { locales, methodNames, type Locale, type MethodName } from '../spec/schema.js';
import { chartModes, type ChartMode } from '../report/pack-input.js';
import { UsageError } from './errors.js';

export function parseAsOf(text: string | undefined): Period | undefined {
  if (text === undefined) return undefined;
  const r = parsePeriod(text);
  if (!r.ok) throw new UsageError((m) => m.badPeriod('--as-of', text, periodReason(r.problem)));
  return r.period;
}

export function parseMethod(text: string | undefined): MethodName | undefined {
  if (text === undefined) return undefined;
  if (!(methodNames as readonly string[]).includes(text))
    throw new UsageError((m) => m.badChoice('--method', text, methodNames));
  return text as MethodName;
}

export function parseLocale(text: string | undefined): Locale | undefined {
  if (text === undefined) return undefined;
  if (!(locales as readonly string[]).includes(text))
    throw new UsageError((m) => m.badChoice('--locale', text, locales));
  return text as Locale;
}

export function parseChartMode(text: string | undefined): ChartMode | undefined {
  if (text === undefined) return undefined;
  if (!(chartModes as readonly string[]).includes(text))
    throw new UsageError((m) => m.badChoice('--charts', text, chartModes));
  return text as ChartMode;
}
