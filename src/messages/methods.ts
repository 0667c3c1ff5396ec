// Sentences the published methods, the growth rates and the projections write into a
// verdict's `reason` (why a method cannot judge, or which convention it applied), and the
// notes on baselines and target outcomes, in English and Spanish. The assessment is
// written in the report's language (MethodInput.locale, default English).
import type { Locale } from '../spec/schema.js';
import { formatNumber } from './format-number.js';

/** A value as a sentence writes it: every decimal it has (up to six), in the language's way. */
const n = (x: number, locale: Locale) => formatNumber(x, locale, { maxDecimals: 6 });

export interface MethodMessages {
  noObservations: () => string;
  noTargetToJudge: () => string;
  targetNotAfterBaseline: (target: string, baseline: string) => string;
  noDataAfterBaseline: (baseline: string, latest: string) => string;
  baselineStillMeets: (baseline: number, target: number, latest: number) => string;
  baselineNoLongerMeets: (baseline: number, target: number, latest: number) => string;
  latestIsBaseline: (latest: string) => string;
  expectedChangeZero: () => string;
  latestAfterTarget: (latest: string, target: string) => string;
  // aarr
  aarrOnlyDecrease: () => string;
  reductionCannot: () => string;
  reductionNeedsPositive: () => string;
  aarrNoTarget: () => string;
  requiredReductionCannot: () => string;
  // eurostat, unsd
  growthCannot: () => string;
  requiredGrowthCannot: () => string;
  growthRatesCannot: () => string;
  expectedAtTargetCannot: () => string;
  // iptt
  ipttNothingDue: (asOf: string) => string;
  ipttNoValue: () => string;
  ipttNothingReported: (baseline: string) => string;
  ipttTargetZero: () => string;
  ipttActualZero: () => string;
  // open-sdg
  openSdgSameYear: () => string;
  openSdgLaterBaseYear: (requested: number, base: number) => string;
  openSdgTargetZero: (replacement: number) => string;
  openSdgBaseZero: (replacement: number) => string;
  openSdgOppositeSigns: (base: number, current: number) => string;
  observedGrowthCannot: () => string;
  openSdgNoBaseValue: (baseYear: number) => string;
  unsd2022NoTarget: () => string;
  unsd2023NoTarget: () => string;
  openSdgOneYear: (base: number) => string;
  openSdgTargetYear: (targetYear: number, baseYear: number) => string;
  openSdgTargetSign: (target: number, base: number) => string;
  openSdgTargetIsBase: (target: number) => string;
  openSdgNoScore: () => string;
  // growth rates
  growthNoData: (baseline: string) => string;
  growthBaselineNotPositive: (value: number) => string;
  growthLatestNegative: (value: number) => string;
  growthTargetNotAfterBaseline: (target: string, baseline: string) => string;
  growthTargetNegative: (value: number) => string;
  growthBaselineMeetsTarget: (baseline: number, target: number) => string;
  // projections
  projectionNoTargetDate: () => string;
  projectionCannot: () => string;
  projectionNeedsTwoPeriods: () => string;
  projectionNoData: (baseline: string) => string;
  projectionCagrNeeds: (baseline: number, latest: number) => string;
  // baselines and target outcomes
  baselineFromRound: (period: string, round: string) => string;
  baselineNoValue: (period: string, nearest: string | undefined) => string;
  baselineNoneNoValues: () => string;
  baselineFirstObservation: (first: string) => string;
  targetNotDue: (period: string, asOf: string) => string;
  /** No value in the `years` before a target's date to judge it by. */
  targetUnjudged: (years: number, period: string) => string;
  // the status of a series
  valuesAfterAsOf: (count: number, asOf: string) => string;
  noBaselineValue: () => string;
  noTargetResolved: () => string;
  noValueToAsOf: () => string;
  targetBeforeBaseline: (target: string, baseline: string) => string;
  noValueAfterBaseline: (baseline: string, asOf: string) => string;
  trajectoryCannot: () => string;
  reachedTarget: (latest: number, latestPeriod: string, target: number, targetPeriod: string) => string;
  movedAway: (latest: number, baseline: number) => string;
  /** `share` of the change expected by `latest` on the path has happened. */
  progressShare: (share: number | null, latest: string) => string;
  // relative targets
  /** How a relative target was resolved; `percentUnit`: a change in units of a percentage indicator. */
  derivation: (baseline: number, change: number, unit: 'pp' | 'percent' | 'unit', percentUnit: boolean) => string;
  targetNeedsBaseline: (period: string) => string;
  targetPercentOfZero: (period: string, change: number) => string;
  targetWithoutUnit: (period: string) => string;
}

export const methodMessages: Record<Locale, MethodMessages> = {
  en: {
    noObservations: () => 'There are no observations, so no data after the baseline.',
    noTargetToJudge: () => 'The indicator has no target, so progress towards it cannot be judged.',
    targetNotAfterBaseline: (t, b) =>
      `The target (${t}) is dated at or before the baseline (${b}), so there is no path from the baseline to ` +
      'the target.',
    noDataAfterBaseline: (b, l) => `There is no data after the baseline (${b}): the latest observation is from ${l}.`,
    baselineStillMeets: (b, t, l) =>
      `The baseline (${n(b, 'en')}) already met the target (${n(t, 'en')}) and the latest value ` +
      `(${n(l, 'en')}) still does.`,
    baselineNoLongerMeets: (b, t, l) =>
      `The baseline (${n(b, 'en')}) already met the target (${n(t, 'en')}), but the latest value ` +
      `(${n(l, 'en')}) no longer does.`,
    latestIsBaseline: (l) =>
      `The latest observation (${l}) is the baseline itself: no time has passed to measure progress over.`,
    expectedChangeZero: () =>
      'The expected change by the latest observation is zero, so a progress ratio cannot be computed.',
    latestAfterTarget: (l, t) =>
      `The latest observation (${l}) is after the target date (${t}), so the expected value is the target itself.`,
    aarrOnlyDecrease: () =>
      'An average annual rate of reduction only applies to indicators that should decrease, and this one ' +
      'should increase.',
    reductionCannot: () => 'The rate of reduction cannot be computed from these values.',
    reductionNeedsPositive: () =>
      'A value is 0 or negative; the rate of reduction is computed on logarithms, which need positive values.',
    aarrNoTarget: () => 'The indicator has no target, so there is no required rate of reduction to compare with.',
    requiredReductionCannot: () => 'The rate of reduction the target requires cannot be computed from these values.',
    growthCannot: () => 'The growth rate cannot be computed from these values.',
    requiredGrowthCannot: () => 'The growth rate the target requires cannot be computed from these values.',
    growthRatesCannot: () => 'The growth rates cannot be computed from these values.',
    expectedAtTargetCannot: () => 'The value expected at the target date cannot be computed from these values.',
    ipttNothingDue: (a) => `No target period has ended by ${a}, so there is nothing to compare results with yet.`,
    ipttNoValue: () => 'No value has been reported, so the actual to date is unknown.',
    ipttNothingReported: (b) =>
      `No result was reported between the baseline (${b}) and the end of the last completed target period.`,
    ipttTargetZero: () => 'The target to date is 0, so the percentage of it met cannot be computed.',
    ipttActualZero: () =>
      'The actual to date is 0, so target / actual (how TolaData shows a decrease) cannot be computed.',
    openSdgSameYear: () =>
      'Several values fall in the same year; Open SDG uses one value per year, so the last of each year was used.',
    openSdgLaterBaseYear: (r, b) => `There is no value for ${r}, so the first later year, ${b}, is the base year.`,
    openSdgTargetZero: (z) => `The target is 0, which Open SDG replaces with ${n(z, 'en')}.`,
    openSdgBaseZero: (z) => `The base value is 0, which Open SDG replaces with ${n(z, 'en')}.`,
    openSdgOppositeSigns: (b, c) =>
      `The base value (${n(b, 'en')}) and the current value (${n(c, 'en')}) have opposite signs; Open SDG ` +
      'needs both positive or both negative.',
    observedGrowthCannot: () => 'The observed growth rate cannot be computed from these values.',
    openSdgNoBaseValue: (y) => `Open SDG needs a value in or after its base year ${y}, and there is none.`,
    unsd2022NoTarget: () =>
      'The UNSD 2022 method compares growth with the growth a target requires, and the indicator has no target.',
    unsd2023NoTarget: () =>
      'The UNSD 2023 method measures the share of the change a target requires, and the indicator has no target.',
    openSdgOneYear: (b) => `Open SDG needs values in two different years from ${b} on; the only year is ${b}.`,
    openSdgTargetYear: (t, b) =>
      `The target year (${t}) is not after the base year (${b}), so no growth rate is required.`,
    openSdgTargetSign: (t, b) =>
      `The target (${n(t, 'en')}) and the base value (${n(b, 'en')}) have opposite signs, so the required ` +
      'growth rate does not exist.',
    openSdgTargetIsBase: (t) =>
      `The target (${n(t, 'en')}) equals the base value, so the required growth rate is 0 and the ratio cannot ` +
      'be computed.',
    openSdgNoScore: () => 'No series has an Open SDG score, so the indicator has none.',
    growthNoData: (b) => `There is no data after the baseline (${b}), so no growth rate can be measured.`,
    growthBaselineNotPositive: (v) =>
      `The baseline value is ${n(v, 'en')}; a compound annual growth rate needs a positive baseline.`,
    growthLatestNegative: (v) =>
      `The latest value is ${n(v, 'en')}; a compound annual growth rate needs values that are not negative.`,
    growthTargetNotAfterBaseline: (t, b) =>
      `The target (${t}) is dated at or before the baseline (${b}), so no growth rate is required to reach it.`,
    growthTargetNegative: (v) =>
      `The target is ${n(v, 'en')}; a compound annual growth rate needs values that are not negative.`,
    growthBaselineMeetsTarget: (b, t) =>
      `The baseline (${n(b, 'en')}) already meets the target (${n(t, 'en')}), so there is no required change ` +
      'to compare progress with.',
    projectionNoTargetDate: () => 'There is no target date to project to.',
    projectionCannot: () => 'The projected value cannot be computed.',
    projectionNeedsTwoPeriods: () => 'A straight-line projection needs observations in at least two different periods.',
    projectionNoData: (b) => `There is no data after the baseline (${b}) to measure a growth rate on.`,
    projectionCagrNeeds: (b, l) =>
      'A compound growth rate needs a positive baseline and a latest value that is not negative (baseline ' +
      `${n(b, 'en')}, latest ${n(l, 'en')}).`,
    baselineFromRound: (p, r) => `baseline ${p} read from the survey round ${r}`,
    baselineNoValue: (p, near) =>
      `no value for the baseline period ${p} in the data${near ? ` (nearest: ${near})` : ''}`,
    baselineNoneNoValues: () => 'no baseline is set and the series has no values',
    baselineFirstObservation: (f) => `no baseline is set: the first observation (${f}) serves as baseline`,
    targetNotDue: (p, a) => `the target period ${p} has not ended by ${a}`,
    targetUnjudged: (y, p) =>
      `no value was observed in the ${y === 1 ? 'one year' : `${n(y, 'en')} years`} up to the target ${p}, so ` +
      'it cannot be judged',
    valuesAfterAsOf: (c, a) => `${c} value${c === 1 ? '' : 's'} after as-of ${a} not used`,
    noBaselineValue: () => 'no baseline value',
    noTargetResolved: () => 'no target could be resolved',
    noValueToAsOf: () => 'no value has been observed up to as-of',
    targetBeforeBaseline: (t, b) => `the target ${t} is dated at or before the baseline ${b}`,
    noValueAfterBaseline: (b, a) => `no value after the baseline ${b} up to as-of ${a}`,
    trajectoryCannot: () => 'the trajectory cannot be observed',
    reachedTarget: (l, lp, t, tp) =>
      `the latest value (${n(l, 'en')}, ${lp}) has reached the target (${n(t, 'en')}, ${tp})`,
    movedAway: (l, b) =>
      `the latest value (${n(l, 'en')}) has moved away from the target since the baseline (${n(b, 'en')})`,
    progressShare: (share, l) =>
      `${share === null ? '?' : Math.round(share * 100)} % of the change expected by ${l} on the path from the ` +
      'baseline to the target has happened',
    derivation: (b, c, u, pu) => {
      const unit =
        u === 'pp' ? ' percentage points' : u === 'percent' ? ' % of it' : pu ? " (in the indicator's unit)" : '';
      return `${n(b, 'en')} ${c < 0 ? '-' : '+'} ${n(Math.abs(c), 'en')}${unit}`;
    },
    targetNeedsBaseline: (p) => `target ${p} is a change from the baseline, and this series has no baseline value`,
    targetPercentOfZero: (p, c) => `target ${p} is a ${n(c, 'en')} % change from a baseline of 0, which is undefined`,
    targetWithoutUnit: (p) => `target ${p} has a change without change_unit`,
  },
  es: {
    noObservations: () => 'No hay observaciones, así que no hay datos después de la línea de base.',
    noTargetToJudge: () => 'El indicador no tiene meta, así que no se puede juzgar el avance hacia ella.',
    targetNotAfterBaseline: (t, b) =>
      `La meta (${t}) tiene fecha igual o anterior a la línea de base (${b}), así que no hay trayectoria de la ` +
      'línea de base a la meta.',
    noDataAfterBaseline: (b, l) => `No hay datos después de la línea de base (${b}): la última observación es de ${l}.`,
    baselineStillMeets: (b, t, l) =>
      `La línea de base (${n(b, 'es')}) ya cumplía la meta (${n(t, 'es')}) y el último valor (${n(l, 'es')}) ` +
      'la sigue cumpliendo.',
    baselineNoLongerMeets: (b, t, l) =>
      `La línea de base (${n(b, 'es')}) ya cumplía la meta (${n(t, 'es')}), pero el último valor ` +
      `(${n(l, 'es')}) ya no la cumple.`,
    latestIsBaseline: (l) =>
      `La última observación (${l}) es la propia línea de base: no ha pasado tiempo sobre el que medir el avance.`,
    expectedChangeZero: () =>
      'El cambio esperado a la fecha de la última observación es cero, así que no se puede calcular una razón ' +
      'de avance.',
    latestAfterTarget: (l, t) =>
      `La última observación (${l}) es posterior a la fecha de la meta (${t}), así que el valor esperado es la ` +
      'propia meta.',
    aarrOnlyDecrease: () =>
      'Una tasa anual promedio de reducción solo se aplica a indicadores que deben disminuir, y este debe aumentar.',
    reductionCannot: () => 'La tasa de reducción no se puede calcular con estos valores.',
    reductionNeedsPositive: () =>
      'Un valor es 0 o negativo; la tasa de reducción se calcula con logaritmos, que necesitan valores positivos.',
    aarrNoTarget: () =>
      'El indicador no tiene meta, así que no hay una tasa de reducción requerida con la que comparar.',
    requiredReductionCannot: () => 'La tasa de reducción que exige la meta no se puede calcular con estos valores.',
    growthCannot: () => 'La tasa de crecimiento no se puede calcular con estos valores.',
    requiredGrowthCannot: () => 'La tasa de crecimiento que exige la meta no se puede calcular con estos valores.',
    growthRatesCannot: () => 'Las tasas de crecimiento no se pueden calcular con estos valores.',
    expectedAtTargetCannot: () => 'El valor esperado en la fecha de la meta no se puede calcular con estos valores.',
    ipttNothingDue: (a) =>
      `Ningún periodo de meta ha terminado en ${a}, así que todavía no hay con qué comparar los resultados.`,
    ipttNoValue: () => 'No se ha reportado ningún valor, así que el real a la fecha es desconocido.',
    ipttNothingReported: (b) =>
      `No se reportó ningún resultado entre la línea de base (${b}) y el fin del último periodo de meta terminado.`,
    ipttTargetZero: () => 'La meta a la fecha es 0, así que no se puede calcular qué porcentaje se cumplió.',
    ipttActualZero: () =>
      'El real a la fecha es 0, así que no se puede calcular meta / real (como TolaData muestra una disminución).',
    openSdgSameYear: () =>
      'Varios valores caen en el mismo año; Open SDG usa un valor por año, así que se usó el último de cada año.',
    openSdgLaterBaseYear: (r, b) => `No hay valor para ${r}, así que el primer año posterior, ${b}, es el año base.`,
    openSdgTargetZero: (z) => `La meta es 0, que Open SDG reemplaza por ${n(z, 'es')}.`,
    openSdgBaseZero: (z) => `El valor base es 0, que Open SDG reemplaza por ${n(z, 'es')}.`,
    openSdgOppositeSigns: (b, c) =>
      `El valor base (${n(b, 'es')}) y el valor actual (${n(c, 'es')}) tienen signos opuestos; Open SDG ` +
      'necesita ambos positivos o ambos negativos.',
    observedGrowthCannot: () => 'La tasa de crecimiento observada no se puede calcular con estos valores.',
    openSdgNoBaseValue: (y) => `Open SDG necesita un valor en su año base ${y} o después, y no hay ninguno.`,
    unsd2022NoTarget: () =>
      'El método de la ONU de 2022 compara el crecimiento con el que exige una meta, y el indicador no tiene meta.',
    unsd2023NoTarget: () =>
      'El método de la ONU de 2023 mide la proporción del cambio que exige una meta, y el indicador no tiene meta.',
    openSdgOneYear: (b) => `Open SDG necesita valores de dos años distintos desde ${b}; el único año es ${b}.`,
    openSdgTargetYear: (t, b) =>
      `El año de la meta (${t}) no es posterior al año base (${b}), así que no se requiere ninguna tasa de ` +
      'crecimiento.',
    openSdgTargetSign: (t, b) =>
      `La meta (${n(t, 'es')}) y el valor base (${n(b, 'es')}) tienen signos opuestos, así que la tasa de ` +
      'crecimiento requerida no existe.',
    openSdgTargetIsBase: (t) =>
      `La meta (${n(t, 'es')}) es igual al valor base, así que la tasa de crecimiento requerida es 0 y la ` +
      'razón no se puede calcular.',
    openSdgNoScore: () => 'Ninguna serie tiene puntaje de Open SDG, así que el indicador no tiene ninguno.',
    growthNoData: (b) =>
      `No hay datos después de la línea de base (${b}), así que no se puede medir ninguna tasa de crecimiento.`,
    growthBaselineNotPositive: (v) =>
      `El valor de la línea de base es ${n(v, 'es')}; una tasa de crecimiento anual compuesta necesita una ` +
      'línea de base positiva.',
    growthLatestNegative: (v) =>
      `El último valor es ${n(v, 'es')}; una tasa de crecimiento anual compuesta necesita valores que no sean ` +
      'negativos.',
    growthTargetNotAfterBaseline: (t, b) =>
      `La meta (${t}) tiene fecha igual o anterior a la línea de base (${b}), así que no se requiere ` +
      'crecimiento para alcanzarla.',
    growthTargetNegative: (v) =>
      `La meta es ${n(v, 'es')}; una tasa de crecimiento anual compuesta necesita valores que no sean negativos.`,
    growthBaselineMeetsTarget: (b, t) =>
      `La línea de base (${n(b, 'es')}) ya cumple la meta (${n(t, 'es')}), así que no hay un cambio requerido ` +
      'con el que comparar el avance.',
    projectionNoTargetDate: () => 'No hay fecha de meta hasta la que proyectar.',
    projectionCannot: () => 'El valor proyectado no se puede calcular.',
    projectionNeedsTwoPeriods: () => 'Una proyección lineal necesita observaciones en al menos dos periodos distintos.',
    projectionNoData: (b) =>
      `No hay datos después de la línea de base (${b}) con los que medir una tasa de crecimiento.`,
    projectionCagrNeeds: (b, l) =>
      'Una tasa de crecimiento compuesta necesita una línea de base positiva y un último valor que no sea ' +
      `negativo (línea de base ${n(b, 'es')}, último ${n(l, 'es')}).`,
    baselineFromRound: (p, r) => `línea de base ${p} tomada de la ronda de encuesta ${r}`,
    baselineNoValue: (p, near) =>
      `no hay valor para el periodo de la línea de base ${p} en los datos${near ? ` (el más cercano: ${near})` : ''}`,
    baselineNoneNoValues: () => 'no se fijó línea de base y la serie no tiene valores',
    baselineFirstObservation: (f) => `no se fijó línea de base: la primera observación (${f}) sirve de línea de base`,
    targetNotDue: (p, a) => `el periodo de la meta ${p} no ha terminado en ${a}`,
    targetUnjudged: (y, p) =>
      `no se observó ningún valor en ${y === 1 ? 'el año' : `los ${n(y, 'es')} años`} previos a la meta ${p}, ` +
      'así que no se puede juzgar',
    valuesAfterAsOf: (c, a) =>
      `${c} valor${c === 1 ? '' : 'es'} posterior${c === 1 ? '' : 'es'} a la fecha de corte ${a} no ` +
      `${c === 1 ? 'se usa' : 'se usan'}`,
    noBaselineValue: () => 'no hay valor de línea de base',
    noTargetResolved: () => 'no se pudo determinar ninguna meta',
    noValueToAsOf: () => 'no se ha observado ningún valor hasta la fecha de corte',
    targetBeforeBaseline: (t, b) => `la meta ${t} tiene fecha igual o anterior a la línea de base ${b}`,
    noValueAfterBaseline: (b, a) => `ningún valor después de la línea de base ${b} hasta la fecha de corte ${a}`,
    trajectoryCannot: () => 'no se puede observar la trayectoria',
    reachedTarget: (l, lp, t, tp) => `el último valor (${n(l, 'es')}, ${lp}) alcanzó la meta (${n(t, 'es')}, ${tp})`,
    movedAway: (l, b) => `el último valor (${n(l, 'es')}) se alejó de la meta desde la línea de base (${n(b, 'es')})`,
    progressShare: (share, l) =>
      `ha ocurrido el ${share === null ? '?' : Math.round(share * 100)} % del cambio esperado para ${l} en la ` +
      'trayectoria de la línea de base a la meta',
    derivation: (b, c, u, pu) => {
      const unit =
        u === 'pp'
          ? ' puntos porcentuales'
          : u === 'percent'
            ? ' % de ella'
            : pu
              ? ' (en la unidad del indicador)'
              : '';
      return `${n(b, 'es')} ${c < 0 ? '-' : '+'} ${n(Math.abs(c), 'es')}${unit}`;
    },
    targetNeedsBaseline: (p) =>
      `la meta ${p} es un cambio desde la línea de base, y esta serie no tiene valor de línea de base`,
    targetPercentOfZero: (p, c) =>
      `la meta ${p} es un cambio de ${n(c, 'es')} % desde una línea de base de 0, que no está definido`,
    targetWithoutUnit: (p) => `la meta ${p} tiene un cambio sin change_unit`,
  },
};

/** The messages of a language, English when it is not given. */
export const methodMessagesOf = (locale: Locale | undefined): MethodMessages => methodMessages[locale ?? 'en'];
