// Sentences the assessment writes into a result's `reason` and `notes` (FORMAT.md
// section 5: output indicators, breakdown targets, `missed`, stale data, projections),
// in English and Spanish. The assessment is written in the report's language.
import type { Locale } from '../spec/schema.js';
import { formatNumber, formatPercent } from './format-number.js';

// Numbers as everywhere else (format-number.ts): values with up to three decimals, ratios as percentages.
const n = (x: number, locale: Locale) => formatNumber(x, locale, { maxDecimals: 3 });
const pct = (ratio: number, locale: Locale) => formatPercent(ratio * 100, locale, { maxDecimals: 1 });

export interface AssessMessages {
  noTarget: () => string;
  windowNotDue: (period: string, asOf: string) => string;
  windowWithoutValue: (period: string) => string;
  /** Reason of a breakdown of a count or amount without a target of its own. */
  breakdownWithoutTarget: () => string;
  /** Reason of a result whose every target is past, the last one not reached. */
  missedLevel: (target: number, period: string, latest: number, latestPeriod: string) => string;
  /** Every target past, and no value since the last one's date to judge it by. */
  pastTargetUnjudged: (period: string) => string;
  missedFlow: (actual: number, lop: number) => string;
  achievedFlow: (actual: number, lop: number) => string;
  flowProgress: (actual: number, target: number, ratio: number, period: string) => string;
  flowNoTargetToDate: (period: string) => string;
  flowNoValues: (asOf: string) => string;
  /** Note: how the actual to date of a flow is counted. */
  runningTotal: (values: number, from: string, to: string) => string;
  /** Note: a target window with unreported periods. */
  windowIncomplete: (target: string, missing: string[]) => string;
  /** Note: the latest value is older than the indicator's frequency allows. */
  stale: (latest: string, years: number, asOf: string, limit: string) => string;
  staleLimitWeeks: (weeks: number) => string;
  staleLimitMonths: (months: number) => string;
  staleLimitYears: (years: number) => string;
  /** Note: an on-track or at-risk result whose own projection misses the target at its date. */
  projectionMisses: (status: string, method: string, value: number, period: string, target: number) => string;
  statusWords: { on_track: string; at_risk: string };
  linear: string;
  /** A target's `for:` that matches no breakdown of the data. */
  targetForNothing: (period: string, key: string) => string;
  /** A group total a target names, for an indicator without an `aggregate:` rule. */
  groupNeedsAggregate: (key: string) => string;
  /** Reason of a group result whose series cannot be built. */
  groupWithoutTotal: () => string;
}

export const assessMessages: Record<Locale, AssessMessages> = {
  en: {
    noTarget: () => 'the indicator has no target',
    windowNotDue: (p, a) => `the target period ${p} has not ended by ${a}`,
    windowWithoutValue: (p) => `no value was reported in the window ${p}`,
    breakdownWithoutTarget: () =>
      'the target of a count or an amount is set for the total only: this breakdown has no target of its own',
    missedLevel: (t, p, l, lp) =>
      `every target is past and the last one (${n(t, 'en')} by ${p}) was not reached: ${n(l, 'en')} in ${lp}`,
    pastTargetUnjudged: (p) =>
      `every target is past, and no value observed near the last one's date (${p}) or since can judge it`,
    missedFlow: (a, lop) =>
      `every target window has ended and the actual to date (${n(a, 'en')}) falls short of the ` +
      `life-of-programme target (${n(lop, 'en')})`,
    achievedFlow: (a, lop) =>
      `the actual to date (${n(a, 'en')}) has reached the life-of-programme target (${n(lop, 'en')})`,
    flowProgress: (a, t, r, p) =>
      `the actual to date (${n(a, 'en')}) is ${pct(r, 'en')} of the target to date on the cumulative target ` +
      `path (${n(t, 'en')} by the end of ${p})`,
    flowNoTargetToDate: (p) => `no target window has started by the end of ${p}, so nothing is expected yet`,
    flowNoValues: (a) => `no value has been reported in the programme period up to as-of ${a}`,
    runningTotal: (v, f, t) =>
      `values are flows: the actual to date adds up the ${v} value${v === 1 ? '' : 's'} reported from the ` +
      `programme's start (${f}) to ${t}`,
    windowIncomplete: (t, m) => `target ${t}: the window is incomplete, without ${m.join(', ')}`,
    stale: (l, y, a, lim) =>
      `stale data: the latest value is from ${l}, ${n(y, 'en')} years before the end of ${a} (stale after ${lim})`,
    staleLimitWeeks: (w) => `${w} weeks`,
    staleLimitMonths: (m) => (m % 12 === 0 ? `${m / 12} years` : `${m} months`),
    staleLimitYears: (y) => `${y} years`,
    projectionMisses: (s, m, v, p, t) =>
      `${s}, but its own ${m} projection reaches ${n(v, 'en')} by ${p}, which misses the target (${n(t, 'en')})`,
    statusWords: { on_track: 'on track', at_risk: 'at risk' },
    linear: 'linear',
    targetForNothing: (p, k) => `the target ${p} for ${k} matches no breakdown of the data`,
    groupNeedsAggregate: (k) =>
      `a target is set for the group ${k}, but the indicator has no rule to add up its breakdowns, so the ` +
      'group has no total',
    groupWithoutTotal: () => "the group's total cannot be built from its breakdowns",
  },
  es: {
    noTarget: () => 'el indicador no tiene meta',
    windowNotDue: (p, a) => `el periodo de la meta ${p} no ha terminado en ${a}`,
    windowWithoutValue: (p) => `no se reportó ningún valor en la ventana ${p}`,
    breakdownWithoutTarget: () =>
      'la meta de un conteo o monto es solo del total: esta desagregación no tiene meta propia',
    missedLevel: (t, p, l, lp) =>
      `todas las metas han vencido y la última (${n(t, 'es')} para ${p}) no se alcanzó: ${n(l, 'es')} en ${lp}`,
    pastTargetUnjudged: (p) =>
      `todas las metas han vencido y ningún valor observado cerca de la fecha de la última (${p}) ni después ` +
      'permite juzgarla',
    missedFlow: (a, lop) =>
      `todas las ventanas de meta han terminado y el acumulado a la fecha (${n(a, 'es')}) no alcanza la meta ` +
      `de vida del programa (${n(lop, 'es')})`,
    achievedFlow: (a, lop) =>
      `el acumulado a la fecha (${n(a, 'es')}) alcanzó la meta de vida del programa (${n(lop, 'es')})`,
    flowProgress: (a, t, r, p) =>
      `el acumulado a la fecha (${n(a, 'es')}) es el ${pct(r, 'es')} de la meta a la fecha en la trayectoria ` +
      `acumulada de metas (${n(t, 'es')} al final de ${p})`,
    flowNoTargetToDate: (p) => `ninguna ventana de meta ha empezado al final de ${p}: aún no se espera nada`,
    flowNoValues: (a) => `no se ha reportado ningún valor en el periodo del programa hasta la fecha de corte ${a}`,
    runningTotal: (v, f, t) =>
      'los valores son flujos: el acumulado a la fecha suma ' +
      `${v === 1 ? 'el valor reportado' : `los ${v} valores reportados`} desde el inicio del programa (${f}) ` +
      `hasta ${t}`,
    windowIncomplete: (t, m) => `meta ${t}: la ventana está incompleta, sin ${m.join(', ')}`,
    stale: (l, y, a, lim) =>
      `datos desactualizados: el último valor es de ${l}, ${n(y, 'es')} años antes del final de ${a} ` +
      `(desactualizado después de ${lim})`,
    staleLimitWeeks: (w) => `${w} semanas`,
    staleLimitMonths: (m) => (m % 12 === 0 ? `${m / 12} años` : `${m} meses`),
    staleLimitYears: (y) => `${y} años`,
    projectionMisses: (s, m, v, p, t) =>
      `${s}, pero su propia proyección ${m} llega a ${n(v, 'es')} en ${p}, sin alcanzar la meta (${n(t, 'es')})`,
    statusWords: { on_track: 'en camino', at_risk: 'en riesgo' },
    linear: 'lineal',
    targetForNothing: (p, k) => `la meta ${p} para ${k} no corresponde a ninguna desagregación de los datos`,
    groupNeedsAggregate: (k) =>
      `hay una meta para el grupo ${k}, pero el indicador no tiene una regla para sumar sus desagregaciones, ` +
      'así que el grupo no tiene total',
    groupWithoutTotal: () => 'el total del grupo no se puede construir a partir de sus desagregaciones',
  },
};

/** A breakdown key as messages write it: district=North, sex=female. */
export const breakdownKeyText = (key: Readonly<Record<string, string>>) =>
  Object.keys(key)
    .map((k) => `${k}=${key[k]}`)
    .join(', ');
