// Command-line values checked once: a bad --as-of or --method is a usage error (exit 2).
import { parsePeriod, type Period } from '../periods/period.js';
import { locales, methodNames, type Locale, type MethodName } from '../spec/schema.js';
import { chartModes, type ChartMode } from '../report/pack-input.js';
import { UsageError } from './errors.js';

export function parseAsOf(text: string | undefined): Period | undefined {
  if (text === undefined) return undefined;
  const r = parsePeriod(text);
  if (!r.ok) throw new UsageError(`--as-of ${text}: ${r.reason}`);
  return r.period;
}

export function parseMethod(text: string | undefined): MethodName | undefined {
  if (text === undefined) return undefined;
  if (!(methodNames as readonly string[]).includes(text))
    throw new UsageError(`--method ${text}: choose one of ${methodNames.join(', ')}`);
  return text as MethodName;
}

export function parseLocale(text: string | undefined): Locale | undefined {
  if (text === undefined) return undefined;
  if (!(locales as readonly string[]).includes(text))
    throw new UsageError(`--locale ${text}: choose one of ${locales.join(', ')}`);
  return text as Locale;
}

export function parseChartMode(text: string | undefined): ChartMode | undefined {
  if (text === undefined) return undefined;
  if (!(chartModes as readonly string[]).includes(text))
    throw new UsageError(`--charts ${text}: choose one of ${chartModes.join(', ')}`);
  return text as ChartMode;
}
