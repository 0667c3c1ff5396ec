// Sentences of the SMART review, in English and Spanish: each finding says what was
// checked, what was found, and what to do about it.
// Values arrive written (format-number.ts, by the caller, with the indicator's decimals);
// counts are written here.
import type { Locale } from '../spec/schema.js';
import { formatInteger } from './format-number.js';

const en_ = (count: number) => formatInteger(count, 'en');

/** An amount (as the text writes it) with its unit in words, singular for exactly 1. */
export type UnitAmount = (amount: string) => string;
const amountIn =
  ([one, many]: [string, string]): UnitAmount =>
  (amount) =>
    `${amount} ${amount === '1' ? one : many}`;
const es_ = (count: number) => formatInteger(count, 'es');

export interface SmartMessages {
  letterNames: Record<'S' | 'M' | 'A' | 'R' | 'T', string>;
  definitionMissing: () => string;
  definitionIsName: () => string;
  definitionShort: (words: number) => string;
  vagueVerb: (verb: string) => string;
  definitionOk: (words: number) => string;
  unitDirection: (unit: string, direction: string) => string;
  computedFrom: (inputs: string[]) => string;
  noDataForIndicator: (source: string) => string;
  dataPresent: (values: number, first: string, last: string, source: string) => string;
  noBaseline: () => string;
  baselineNoValue: (period: string, note: string) => string;
  baselineOk: (period: string, value: string, from: string) => string;
  noTargets: () => string;
  noTargetToJudge: () => string;
  noDatedTarget: () => string;
  targetsNumeric: (count: number) => string;
  targetUnresolved: (reason: string) => string;
  impossiblePercent: (period: string, value: string) => string;
  alreadyMet: (period: string, value: string, baseline: string) => string;
  paceOk: (
    period: string,
    required: string,
    unit: UnitAmount,
    best: string,
    window: string,
    from: string,
    to: string,
  ) => string;
  paceAmbitious: (
    period: string,
    required: string,
    unit: UnitAmount,
    best: string,
    ratio: string,
    from: string,
    to: string,
  ) => string;
  paceUnprecedented: (
    period: string,
    required: string,
    unit: UnitAmount,
    best: string,
    ratio: string,
    from: string,
    to: string,
  ) => string;
  paceNeverMoved: (period: string, required: string, unit: UnitAmount) => string;
  paceUnknown: (period: string, required: string, unit: UnitAmount) => string;
  paceNoBaseline: (period: string) => string;
  noResult: () => string;
  resultOk: (id: string, level: string, statement: string) => string;
  targetDated: (period: string) => string;
  targetOutsideProgram: (period: string, start: string, end: string) => string;
  targetBeforeBaseline: (period: string, baseline: string) => string;
  milestonesOutOfOrder: (a: string, b: string, direction: string) => string;
  milestonesInOrder: (count: number) => string;
  /** An amount of an indicator's unit in words: "1 percentage point", "1.5 percentage points". */
  unitWords: (unit: string) => UnitAmount;
  /** How to fix a finding in the indicator file: shown by `mel smart` on the terminal, never in the pack. */
  fixes: { noBaseline: string; noResult: string };
  /** The terminal's report. */
  terminal: {
    title: (program: string) => string;
    fix: string;
    summary: string;
    pass: string;
    warn: string;
    fail: string;
    /** Each letter's verdict beside its name. */
    marks: Record<'pass' | 'warn' | 'fail', string>;
  };
}

export const smartMessages: Record<Locale, SmartMessages> = {
  en: {
    letterNames: { S: 'Specific', M: 'Measurable', A: 'Achievable', R: 'Relevant', T: 'Time-bound' },
    definitionMissing: () =>
      'There is no definition: write what exactly is counted (numerator, denominator, population, reference standard).',
    definitionIsName: () => 'The definition only repeats the name: say what exactly is counted and how.',
    definitionShort: (w) => `The definition has only ${en_(w)} words: it may not say what exactly is counted.`,
    vagueVerb: (v) => `The definition says "${v}" without a quantity: state what is counted, in which unit.`,
    definitionOk: (w) => `The definition says what is counted (${en_(w)} words).`,
    unitDirection: (u, d) => `Unit ${u}, desired direction: ${d}.`,
    computedFrom: (i) => `Computed from ${i.join(', ')}.`,
    noDataForIndicator: (s) => `No value has been reported for this indicator (${s}).`,
    dataPresent: (c, f, l, s) =>
      f === l ? `${en_(c)} value${c === 1 ? '' : 's'}, ${f} (${s}).` : `${en_(c)} values from ${f} to ${l} (${s}).`,
    noBaseline: () => 'No baseline: progress cannot be measured from a known starting point.',
    baselineNoValue: (p, note) => `The baseline period ${p} has no value: ${note}.`,
    baselineOk: (p, v, from) => `Baseline ${v} in ${p} (${from}).`,
    noTargets: () => 'No target: without a numeric, dated target, progress cannot be judged.',
    noTargetToJudge: () => 'Without a target there is no pace to check against the series.',
    noDatedTarget: () => 'No dated target: say by when the change is due.',
    targetsNumeric: (c) => `${en_(c)} numeric target${c === 1 ? '' : 's'}.`,
    targetUnresolved: (r) => `A target cannot be computed: ${r}.`,
    impossiblePercent: (p, v) => `The ${p} target of ${v} % lies outside 0-100 %: it is impossible.`,
    alreadyMet: (p, v, b) => `The ${p} target (${v}) is already met at the baseline (${b}): it asks for no change.`,
    paceOk: (p, r, u, b, w, f, t) =>
      `Reaching the ${p} target needs ${u(r)} a year; the series has shown up to ${u(b)} a year over ${w} ` +
      `years (${f} to ${t}). Within reach.`,
    paceAmbitious: (p, r, u, b, x, f, t) =>
      `Ambitious: the ${p} target needs ${u(r)} a year, ${x} times the best pace the series has shown (${u(b)} ` +
      `a year, ${f} to ${t}).`,
    paceUnprecedented: (p, r, u, b, x, f, t) =>
      `Unprecedented: the ${p} target needs ${u(r)} a year, ${x} times the best pace the series has shown ` +
      `(${u(b)} a year, ${f} to ${t}). Check that it is realistic.`,
    paceNeverMoved: (p, r, u) =>
      `Unprecedented: the ${p} target needs ${u(r)} a year, and the series has never moved in the desired ` +
      'direction over a window that long.',
    paceUnknown: (p, r, u) =>
      `The ${p} target needs ${u(r)} a year; the series has too few values to compare that with its own past pace.`,
    paceNoBaseline: (p) =>
      `Without a baseline value, the pace the ${p} target requires cannot be compared with the series' own past.`,
    noResult: () => 'Not linked to a result of the results framework.',
    resultOk: (id, level, st) => `Measures ${id} (${level}): ${st}.`,
    targetDated: (p) => `The target is dated ${p}.`,
    targetOutsideProgram: (p, s, e) => `The ${p} target lies outside the programme period ${s}-${e}.`,
    targetBeforeBaseline: (p, b) => `The ${p} target is dated before its baseline (${b}).`,
    milestonesOutOfOrder: (a, b, d) => `The milestones ${a} and ${b} are out of order for an indicator meant to ${d}.`,
    milestonesInOrder: (c) => `${en_(c)} milestones, in order.`,
    unitWords: (u) =>
      amountIn(
        (
          {
            percent: ['percentage point', 'percentage points'],
            number: ['unit', 'units'],
            ratio: ['unit', 'units'],
            currency: ['currency unit', 'currency units'],
            rate: ['unit', 'units'],
          } as Record<string, [string, string]>
        )[u] ?? [u, u],
      ),
    fixes: {
      noBaseline: 'set `baseline: { period, value }` in the indicator file',
      noResult: 'set `result:` in the indicator file to the result it measures',
    },
    terminal: {
      title: (p) => `SMART review of ${p}`,
      fix: 'fix',
      summary: 'Summary (indicators passing / with warnings / failing each letter):',
      pass: 'pass',
      warn: 'warn',
      fail: 'fail',
      marks: { pass: 'ok', warn: 'warn', fail: 'FAIL' },
    },
  },
  es: {
    letterNames: { S: 'Específico', M: 'Medible', A: 'Alcanzable', R: 'Relevante', T: 'Temporal' },
    definitionMissing: () =>
      'No hay definición: escriba qué se cuenta exactamente (numerador, denominador, población, patrón de referencia).',
    definitionIsName: () => 'La definición solo repite el nombre: diga qué se cuenta exactamente y cómo.',
    definitionShort: (w) => `La definición tiene solo ${es_(w)} palabras: puede que no diga qué se cuenta exactamente.`,
    vagueVerb: (v) => `La definición dice "${v}" sin una cantidad: indique qué se cuenta y en qué unidad.`,
    definitionOk: (w) => `La definición dice qué se cuenta (${es_(w)} palabras).`,
    unitDirection: (u, d) =>
      `Unidad ${u}, dirección deseada: ${d === 'increase' ? 'aumentar' : d === 'decrease' ? 'disminuir' : d}.`,
    computedFrom: (i) => `Calculado a partir de ${i.join(', ')}.`,
    noDataForIndicator: (s) => `No se ha reportado ningún valor para este indicador (${s}).`,
    dataPresent: (c, f, l, s) =>
      f === l ? `${es_(c)} valor${c === 1 ? '' : 'es'}, ${f} (${s}).` : `${es_(c)} valores de ${f} a ${l} (${s}).`,
    noBaseline: () => 'Sin línea de base: no se puede medir el avance desde un punto de partida conocido.',
    baselineNoValue: (p, note) => `El periodo de la línea de base ${p} no tiene valor: ${note}.`,
    baselineOk: (p, v, from) => `Línea de base ${v} en ${p} (${from}).`,
    noTargets: () => 'Sin meta: sin una meta numérica y fechada no se puede juzgar el avance.',
    noTargetToJudge: () => 'Sin meta no hay ritmo que comparar con la serie.',
    noDatedTarget: () => 'Sin meta fechada: indique para cuándo se espera el cambio.',
    targetsNumeric: (c) => `${es_(c)} meta${c === 1 ? '' : 's'} numérica${c === 1 ? '' : 's'}.`,
    targetUnresolved: (r) => `Una meta no se puede calcular: ${r}.`,
    impossiblePercent: (p, v) => `La meta de ${p} (${v} %) está fuera de 0-100 %: es imposible.`,
    alreadyMet: (p, v, b) => `La meta de ${p} (${v}) ya se cumple en la línea de base (${b}): no pide ningún cambio.`,
    paceOk: (p, r, u, b, w, f, t) =>
      `Alcanzar la meta de ${p} requiere ${u(r)} por año; la serie ha mostrado hasta ${u(b)} por año en ` +
      `${w} años (${f} a ${t}). Alcanzable.`,
    paceAmbitious: (p, r, u, b, x, f, t) =>
      `Ambiciosa: la meta de ${p} requiere ${u(r)} por año, ${x} veces el mejor ritmo que ha mostrado la ` +
      `serie (${u(b)} por año, ${f} a ${t}).`,
    paceUnprecedented: (p, r, u, b, x, f, t) =>
      `Sin precedentes: la meta de ${p} requiere ${u(r)} por año, ${x} veces el mejor ritmo que ha mostrado ` +
      `la serie (${u(b)} por año, ${f} a ${t}). Verifique que sea realista.`,
    paceNeverMoved: (p, r, u) =>
      `Sin precedentes: la meta de ${p} requiere ${u(r)} por año, y la serie nunca se ha movido en la ` +
      'dirección deseada en un periodo tan largo.',
    paceUnknown: (p, r, u) =>
      `La meta de ${p} requiere ${u(r)} por año; la serie tiene muy pocos valores para compararlo con su ` +
      'propio ritmo.',
    paceNoBaseline: (p) =>
      `Sin valor de línea de base, el ritmo que requiere la meta de ${p} no se puede comparar con el de la ` +
      'propia serie.',
    noResult: () => 'No está vinculado a ningún resultado del marco de resultados.',
    resultOk: (id, level, st) => `Mide ${id} (${level}): ${st}.`,
    targetDated: (p) => `La meta está fechada en ${p}.`,
    targetOutsideProgram: (p, s, e) => `La meta de ${p} está fuera del periodo del programa ${s}-${e}.`,
    targetBeforeBaseline: (p, b) => `La meta de ${p} es anterior a su línea de base (${b}).`,
    milestonesOutOfOrder: (a, b, d) =>
      `Los hitos ${a} y ${b} están en desorden para un indicador que debe ` +
      `${d === 'increase' ? 'aumentar' : 'disminuir'}.`,
    milestonesInOrder: (c) => `${es_(c)} hitos, en orden.`,
    unitWords: (u) =>
      amountIn(
        (
          {
            percent: ['punto porcentual', 'puntos porcentuales'],
            number: ['unidad', 'unidades'],
            ratio: ['unidad', 'unidades'],
            currency: ['unidad monetaria', 'unidades monetarias'],
            rate: ['unidad', 'unidades'],
          } as Record<string, [string, string]>
        )[u] ?? [u, u],
      ),
    fixes: {
      noBaseline: 'defina `baseline: { period, value }` en el archivo del indicador',
      noResult: 'indique en `result:` del archivo del indicador el resultado que mide',
    },
    terminal: {
      title: (p) => `Revisión SMART de ${p}`,
      fix: 'corrección',
      summary: 'Resumen (indicadores que cumplen / con advertencias / que no cumplen cada letra):',
      pass: 'cumple',
      warn: 'advert.',
      fail: 'no cumple',
      marks: { pass: 'cumple', warn: 'advertencia', fail: 'NO CUMPLE' },
    },
  },
};
