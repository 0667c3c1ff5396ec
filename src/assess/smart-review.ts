// The SMART review the CARE toolkit asks every alliance to pass (its step 1: Specific,
// Measurable, Achievable, Realistic, Time-bound): per indicator and target, each letter
// with its findings and the evidence behind them. Pure: reads the workspace, writes nothing.
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import { formatNumber, indicatorDecimals } from '../messages/format-number.js';
import { smartMessages, type SmartMessages, type UnitAmount } from '../messages/smart.js';
import { comparePeriods, type Period } from '../periods/period.js';
import type { Indicator, Program } from '../spec/model.js';
import type { Locale } from '../spec/schema.js';
import { observationsUpTo, resolveBaseline, resolveTarget, type ObservedPoint } from './baseline-and-targets.js';
import { bestHistoricalPace } from './historical-pace.js';

export type Letter = 'S' | 'M' | 'A' | 'R' | 'T';
export const letters: Letter[] = ['S', 'M', 'A', 'R', 'T'];
export type FindingStatus = 'pass' | 'warn' | 'fail';

export interface SmartFinding {
  status: FindingStatus;
  text: string;
  /** The target the finding is about, when it is about one. */
  target?: string;
  /** How to fix it in the indicator file (YAML): for the terminal (`mel smart`), not the pack. */
  fix?: string;
  evidence?: Record<string, string | number | null>;
}

export interface SmartLetterReview {
  status: FindingStatus;
  findings: SmartFinding[];
}

export interface SmartIndicatorReview {
  indicator: string;
  name: string;
  letters: Record<Letter, SmartLetterReview>;
}

export interface SmartReview {
  program: string;
  indicators: SmartIndicatorReview[];
  /** Per letter, how many indicators pass, warn, fail. */
  summary: Record<Letter, Record<FindingStatus, number>>;
}

/** Verbs that name an intention, not a quantity (English and Spanish). */
const VAGUE_VERBS = [
  'improve',
  'strengthen',
  'enhance',
  'promote',
  'support',
  'empower',
  'raise awareness',
  'build capacity',
  'foster',
  'mejorar',
  'fortalecer',
  'promover',
  'apoyar',
  'impulsar',
  'fomentar',
  'sensibilizar',
  'empoderar',
];
const QUANTITY_WORDS = new RegExp(
  [
    String.raw`\d`,
    'percent|percentage|proportion|number of|share|rate|ratio|count|average|mean|total',
    'porcentaje|proporción|número|tasa|promedio|cantidad',
    '%',
  ].join('|'),
  'i',
);

/** The vague verb that comes first in the text, if any. */
function firstVagueVerb(text: string): string | undefined {
  let best: { verb: string; at: number } | undefined;
  for (const verb of VAGUE_VERBS) {
    const at = text.search(new RegExp(`\\b${verb}`, 'i'));
    if (at >= 0 && (!best || at < best.at)) best = { verb, at };
  }
  return best?.verb;
}

const AMBITIOUS = 1.5;
const UNPRECEDENTED = 3;

export function smartReview(
  program: Program,
  data: ReadonlyMap<string, IndicatorData>,
  locale: Locale = program.locale,
): SmartReview {
  const reviews = program.indicators.map((ind) => reviewIndicator(program, ind, data, locale));
  const summary = Object.fromEntries(letters.map((l) => [l, { pass: 0, warn: 0, fail: 0 }])) as SmartReview['summary'];
  for (const r of reviews) for (const l of letters) summary[l][r.letters[l].status]++;
  return { program: program.id, indicators: reviews, summary };
}

function worst(findings: SmartFinding[]): FindingStatus {
  return findings.some((f) => f.status === 'fail')
    ? 'fail'
    : findings.some((f) => f.status === 'warn')
      ? 'warn'
      : 'pass';
}

function reviewIndicator(
  program: Program,
  ind: Indicator,
  data: ReadonlyMap<string, IndicatorData>,
  locale: Locale,
): SmartIndicatorReview {
  const m = smartMessages[locale];
  const d = data.get(ind.id);
  const series = d?.headline ?? d?.breakdowns[0];
  const asOf = program.asOf;
  const endOfTime: Period = asOf && asOf.endYear >= program.period.end.endYear ? asOf : program.period.end;
  const observed: ObservedPoint[] = series ? observationsUpTo(series, { ...endOfTime, endYear: Infinity }) : [];
  const baseline = resolveBaseline(ind.baseline, Boolean(d?.headline), observed, locale);
  const dir = ind.direction === 'increase' ? 1 : -1;
  // Values are written as everywhere else (the indicator's decimals); paces and ratios with up to three.
  const targetValues = ind.targets.flatMap((t) => {
    const r = resolveTarget(t, baseline.point?.value, ind.unit, locale);
    return 'target' in r ? [r.target.value] : [];
  });
  const decimals = indicatorDecimals(ind.unit, [...observed.map((o) => o.value), ...targetValues]);
  const value = (x: number) => formatNumber(x, locale, { decimals });
  const num = (x: number) => formatNumber(x, locale, { maxDecimals: 3 });

  // S: a definition that says what is counted, a unit, a direction.
  const S: SmartFinding[] = [];
  const def = ind.definition ?? '';
  const words = def.split(/\s+/).filter(Boolean).length;
  if (!def) S.push({ status: 'fail', text: m.definitionMissing() });
  else if (def.toLowerCase().replace(/\W/g, '') === ind.name.toLowerCase().replace(/\W/g, ''))
    S.push({ status: 'fail', text: m.definitionIsName() });
  else if (words < 8) S.push({ status: 'warn', text: m.definitionShort(words), evidence: { words } });
  else S.push({ status: 'pass', text: m.definitionOk(words), evidence: { words } });
  const vague = firstVagueVerb(`${def} ${ind.name}`);
  if (vague && !QUANTITY_WORDS.test(def)) S.push({ status: 'warn', text: m.vagueVerb(vague) });
  S.push({
    status: 'pass',
    text: m.unitDirection(ind.unitLabel ?? ind.unit, ind.direction),
    evidence: { unit: ind.unit, direction: ind.direction },
  });

  // M: data that exists, a baseline with a value and a date, numeric targets.
  const M: SmartFinding[] = [];
  const sourceName = ind.series?.data ?? (ind.inputs ? Object.values(ind.inputs).join(', ') : '-');
  if (ind.formula && ind.inputs) M.push({ status: 'pass', text: m.computedFrom(Object.values(ind.inputs)) });
  const firstObserved = observed[0];
  const lastObserved = observed.at(-1);
  if (!firstObserved || !lastObserved) M.push({ status: 'fail', text: m.noDataForIndicator(sourceName) });
  else
    M.push({
      status: 'pass',
      text: m.dataPresent(observed.length, firstObserved.period, lastObserved.period, sourceName),
      evidence: { values: observed.length },
    });
  if (!ind.baseline) M.push({ status: 'fail', text: m.noBaseline(), fix: m.fixes.noBaseline });
  else if (!baseline.point)
    M.push({ status: 'fail', text: m.baselineNoValue(ind.baseline.period.id, baseline.note ?? '') });
  else
    M.push({
      status: 'pass',
      text: m.baselineOk(
        baseline.point.period,
        value(baseline.point.value),
        baseline.point.source ?? baseline.point.from,
      ),
      evidence: { period: baseline.point.period, value: baseline.point.value },
    });
  if (!ind.targets.length) M.push({ status: 'fail', text: m.noTargets() });
  else M.push({ status: 'pass', text: m.targetsNumeric(ind.targets.length) });

  // A: the pace each target requires against the best pace the series has shown.
  const A: SmartFinding[] = [];
  const unitWords = m.unitWords(ind.unit);
  for (const t of ind.targets) {
    const r = resolveTarget(t, baseline.point?.value, ind.unit, locale);
    if ('unresolved' in r) {
      A.push({ status: 'fail', text: m.targetUnresolved(r.unresolved), target: t.period.id });
      continue;
    }
    const target = r.target;
    if (ind.unit === 'percent' && (target.value < 0 || target.value > 100)) {
      A.push({
        status: 'fail',
        text: m.impossiblePercent(target.period, value(target.value)),
        target: target.period,
        evidence: { target: target.value },
      });
      continue;
    }
    // A flow's target is for its window: its pace is the window's target per year, set
    // against the best the running totals have shown over windows as long.
    if (ind.accumulation === 'sum') {
      if (dir === -1) continue;
      const years = target.endTime - target.startTime;
      const points = runningTotalPoints(seriesOfTarget(d, t.for));
      const needed = target.value / years;
      const evidence: Record<string, number | string | null> = {
        target: target.value,
        years,
        required_per_year: needed,
      };
      A.push(paceFinding(target.period, needed, bestHistoricalPace(points, years, 1), evidence, m, num, unitWords));
      continue;
    }
    if (!baseline.point) {
      A.push({ status: 'warn', text: m.paceNoBaseline(target.period), target: target.period });
      continue;
    }
    const years = target.time - baseline.point.time;
    if (years <= 0) continue;
    const needed = (dir * (target.value - baseline.point.value)) / years;
    const evidence: Record<string, number | string | null> = {
      baseline: baseline.point.value,
      target: target.value,
      years,
      required_per_year: needed,
    };
    if (needed <= 0) {
      A.push({
        status: 'warn',
        text: m.alreadyMet(target.period, value(target.value), value(baseline.point.value)),
        target: target.period,
        evidence,
      });
      continue;
    }
    if (ind.unit !== 'percent' && baseline.point.value > 0)
      evidence.required_rate = (target.value / baseline.point.value) ** (1 / years) - 1;
    const best = bestHistoricalPace(
      observed.map((o) => ({ time: o.time, value: o.value, period: o.period })),
      years,
      dir,
    );
    A.push(paceFinding(target.period, needed, best, evidence, m, num, unitWords));
  }
  if (!ind.targets.length) A.push({ status: 'fail', text: m.noTargetToJudge() });

  // R: linked to a result of the results framework.
  const R: SmartFinding[] = [];
  const result = program.results.find((r) => r.id === ind.result);
  if (!result) R.push({ status: 'fail', text: m.noResult(), fix: m.fixes.noResult });
  else R.push({ status: 'pass', text: m.resultOk(result.id, result.level, result.statement) });

  // T: every target dated, inside the programme period, milestones in order.
  const T: SmartFinding[] = [];
  if (!ind.targets.length) T.push({ status: 'fail', text: m.noDatedTarget() });
  for (const t of ind.targets) {
    const p = t.period;
    if (comparePeriods(p, program.period.start) < 0 || comparePeriods(p, program.period.end) > 0) {
      T.push({
        status: 'warn',
        text: m.targetOutsideProgram(p.id, program.period.start.id, program.period.end.id),
        target: p.id,
      });
    } else if (ind.baseline && comparePeriods(p, ind.baseline.period) <= 0) {
      T.push({ status: 'fail', text: m.targetBeforeBaseline(p.id, ind.baseline.period.id), target: p.id });
    } else T.push({ status: 'pass', text: m.targetDated(p.id), target: p.id });
  }
  // A flow's windowed targets need not grow (a quiet quarter after a busy one); nor need
  // targets for different breakdowns be in order.
  const absolute = ind.targets
    .filter((t) => ind.accumulation !== 'sum' && !t.for)
    .map((t) => resolveTarget(t, baseline.point?.value, ind.unit, locale))
    .flatMap((r) => ('target' in r ? [r.target] : []));
  let ordered = true;
  let previous: (typeof absolute)[number] | undefined;
  for (const current of absolute) {
    if (previous && dir * (current.value - previous.value) < 0) {
      ordered = false;
      T.push({
        status: 'warn',
        text: m.milestonesOutOfOrder(previous.period, current.period, ind.direction),
      });
    }
    previous = current;
  }
  if (ordered && absolute.length > 1) T.push({ status: 'pass', text: m.milestonesInOrder(absolute.length) });

  const lettersReview = { S, M, A, R, T } as Record<Letter, SmartFinding[]>;
  return {
    indicator: ind.id,
    name: ind.name,
    letters: Object.fromEntries(
      letters.map((l) => [l, { status: worst(lettersReview[l]), findings: lettersReview[l] }]),
    ) as Record<Letter, SmartLetterReview>,
  };
}

/** The pace a target requires against the best the series has shown, as a finding. */
function paceFinding(
  period: string,
  needed: number,
  best: ReturnType<typeof bestHistoricalPace>,
  evidence: Record<string, number | string | null>,
  m: SmartMessages,
  num: (x: number) => string,
  unitWords: UnitAmount,
): SmartFinding {
  if (!best) return { status: 'warn', text: m.paceUnknown(period, num(needed), unitWords), target: period, evidence };
  evidence.best_per_year = best.perYear;
  evidence.window_years = best.windowYears;
  evidence.best_from = best.from.period;
  evidence.best_to = best.to.period;
  if (best.perYear <= 0)
    return { status: 'fail', text: m.paceNeverMoved(period, num(needed), unitWords), target: period, evidence };
  const ratio = needed / best.perYear;
  evidence.ratio_to_best = ratio;
  const args = [period, num(needed), unitWords, num(best.perYear)] as const;
  if (ratio > UNPRECEDENTED)
    return {
      status: 'fail',
      text: m.paceUnprecedented(...args, num(ratio), best.from.period, best.to.period),
      target: period,
      evidence,
    };
  if (ratio > AMBITIOUS)
    return {
      status: 'warn',
      text: m.paceAmbitious(...args, num(ratio), best.from.period, best.to.period),
      target: period,
      evidence,
    };
  return {
    status: 'pass',
    text: m.paceOk(...args, num(best.windowYears), best.from.period, best.to.period),
    target: period,
    evidence,
  };
}

/** The series a flow's target is for: the headline, a breakdown, or a group of breakdowns (`for:`). */
function seriesOfTarget(d: IndicatorData | undefined, key: Record<string, string> | undefined): BreakdownSeries[] {
  if (!d) return [];
  if (!key) return d.headline ? [d.headline] : d.breakdowns;
  return d.breakdowns.filter((b) => Object.entries(key).every(([k, v]) => b.dims[k] === v));
}

/** The running total of the series (added up period by period), at the end of each period. */
function runningTotalPoints(series: readonly BreakdownSeries[]): { time: number; value: number; period: string }[] {
  const byPeriod = new Map<string, { end: number; value: number }>();
  for (const s of series) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i] ?? Number.NaN;
      const p = s.periods[i];
      if (p === undefined || Number.isNaN(v)) continue;
      const cell = byPeriod.get(p.id) ?? { end: p.endYear, value: 0 };
      cell.value += v;
      byPeriod.set(p.id, cell);
    }
  }
  let total = 0;
  return [...byPeriod]
    .sort((a, b) => a[1].end - b[1].end)
    .map(([period, c]) => {
      total += c.value;
      return { time: c.end, value: total, period };
    });
}
