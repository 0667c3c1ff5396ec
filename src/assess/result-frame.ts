// What every assessment result starts and ends with, whatever its accumulation: the
// empty result of an indicator x breakdown, its data age, and the finishing step that
// runs the chosen published methods beside `trajectory`.
import type { BreakdownSeries } from '../data/indicator-data.js';
import { assessMessages } from '../messages/assess.js';
import type { Period } from '../periods/period.js';
import type { Indicator, Program } from '../spec/model.js';
import { methodNames, type Locale, type MethodName } from '../spec/schema.js';
import type { AssessmentResult, MethodOutcome, ProjectionResult, Status } from './assessment.js';
import type { ObservedPoint } from './baseline-and-targets.js';
import { dataAge } from './data-age.js';
import type { MethodInput, MethodVerdict, TimedValue } from './method-types.js';
import { runMethod } from './methods/index.js';
import type { projectLinear } from './projection.js';
import { roundForOutput } from './rounding.js';

export interface SeriesAssessmentContext {
  program: Program;
  indicator: Indicator;
  series: BreakdownSeries | undefined;
  /** The breakdown assessed when there is no series (a group total that cannot be built). */
  dims?: Record<string, string>;
  isHeadline: boolean;
  asOf: Period;
  method: MethodName;
  everyMethod?: boolean;
  /** Language of reasons and notes (default: the programme's). */
  locale?: Locale;
}

export type ResultFrame = Omit<AssessmentResult, 'status' | 'reason'>;

export const localeOf = (ctx: SeriesAssessmentContext): Locale => ctx.locale ?? ctx.program.locale;

/** What a result says of its series, beside whose it is. */
export type ResultFigures = Omit<
  ResultFrame,
  'indicator' | 'name' | 'result' | 'level' | 'disaggregation' | 'unit' | 'direction'
>;

/** Every figure of a result empty: nothing observed, nothing judged. */
export function emptyFigures(method: ResultFrame['method']): ResultFigures {
  return {
    method,
    baseline: null,
    target: null,
    latest: null,
    expected: null,
    progress_ratio: null,
    actual_to_date: null,
    target_to_date: null,
    lop_target: null,
    percent_of_lop: null,
    data_age: null,
    stale: false,
    targets: [],
    projection: null,
    projections: [],
    methods: {},
    observations: 0,
    missing: 0,
    notes: [],
  };
}

/** The result before anything is judged: identity, and every figure empty. */
export function emptyResult(ctx: SeriesAssessmentContext): ResultFrame {
  const { program, indicator: ind, series } = ctx;
  const result = program.results.find((r) => r.id === ind.result);
  return {
    indicator: ind.id,
    name: ind.name,
    result: ind.result,
    level: result?.level,
    disaggregation: series?.dims ?? ctx.dims ?? {},
    unit: ind.unit,
    direction: ind.direction,
    ...emptyFigures(ctx.method),
  };
}

/** Values observed up to as-of, and missing markers among them. */
export function countObservations(base: ResultFrame, series: BreakdownSeries | undefined, asOf: Period): void {
  if (!series) return;
  for (let i = 0; i < series.values.length; i++) {
    const period = series.periods[i];
    if (period === undefined) throw new Error(`internal: value ${i} of a series of ${series.file} has no period`);
    if (period.endYear > asOf.endYear + 1e-9) continue;
    if (Number.isNaN(series.values[i] ?? Number.NaN)) base.missing++;
    else base.observations++;
  }
}

/** `data_age` and `stale` of the latest observation, with a note when stale. */
export function setDataAge(base: ResultFrame, latest: ObservedPoint | undefined, ctx: SeriesAssessmentContext): void {
  const age = dataAge(latest?.periodObj, ctx.asOf, ctx.indicator.frequency);
  base.data_age = age.years;
  base.stale = age.stale;
  if (age.stale && latest && age.years !== null) {
    const m = assessMessages[localeOf(ctx)];
    const limit =
      'years' in age.limit
        ? m.staleLimitYears(age.limit.years)
        : 'weeks' in age.limit
          ? m.staleLimitWeeks(age.limit.weeks)
          : m.staleLimitMonths(age.limit.months);
    base.notes.push(m.stale(latest.period, age.years, ctx.asOf.id, limit));
  }
}

/** Runs `trajectory` (given) and the chosen method (or every method); the frame, completed, is the result. */
export function finishResult(
  base: ResultFrame,
  status: Status,
  reason: string,
  ctx: SeriesAssessmentContext,
  run: { trajectory: MethodVerdict; input: MethodInput; ipttInput: MethodInput } | undefined,
): AssessmentResult {
  const methods: AssessmentResult['methods'] = {};
  const names: MethodName[] = ctx.everyMethod ? [...methodNames] : ['trajectory', ctx.method];
  for (const name of names) {
    if (methods[name]) continue;
    if (!run) methods[name] = { category: null, inputs: {}, reason };
    else
      methods[name] = outcomeOf(
        name === 'trajectory' ? run.trajectory : runMethod(name, name === 'iptt' ? run.ipttInput : run.input),
      );
  }
  // The frame becomes the result (no copy of its thirty members per result): status and
  // reason after its members, as the document orders them.
  return Object.assign(base, { status, reason, methods });
}

/** A method's verdict as the document writes it: numbers rounded for output. */
export function outcomeOf(v: MethodVerdict): MethodOutcome {
  const inputs: MethodOutcome['inputs'] = {};
  for (const k in v.inputs) {
    const x = v.inputs[k];
    if (x !== undefined) inputs[k] = typeof x === 'number' ? roundForOutput(x) : x;
  }
  const out: MethodOutcome = { category: v.category, inputs };
  if (v.score !== undefined) out.score = roundForOutput(v.score);
  if (v.reason) out.reason = v.reason;
  return out;
}

export function toTimed(t: TimedValue): TimedValue {
  return { period: t.period, time: t.time, firstYear: t.firstYear, value: t.value };
}

type RawProjection = ReturnType<typeof projectLinear>;

export function toProjection(p: RawProjection, targetPeriod: string): ProjectionResult {
  const inputs: Record<string, number | string | boolean | null> = {};
  const raw: Record<string, unknown> = p.inputs ?? {};
  for (const k in raw) {
    const v = raw[k];
    if (typeof v === 'number') inputs[k] = roundForOutput(v);
    else if (typeof v === 'string' || typeof v === 'boolean' || v === null) inputs[k] = v;
  }
  const value = p.ok && Number.isFinite(p.value) ? roundForOutput(p.value) : null;
  const attainment = p.ok && p.attainment ? String(Math.floor(p.attainment.time)) : null;
  // Written out rather than spread: a literal with a spread in its middle is built slowly.
  return p.ok
    ? { method: p.method, period: targetPeriod, value, attainment, inputs }
    : { method: p.method, period: targetPeriod, value, attainment, reason: p.reason, inputs };
}

/**
 * Note when an on-track or at-risk result's own linear projection at the target's date
 * misses the target (FORMAT.md section 5): the status reads the path so far, the
 * projection the pace.
 */
export function projectionMissNote(
  status: Status,
  projection: ProjectionResult | null,
  target: { value: number; period: string } | undefined,
  direction: 1 | -1,
  ctx: SeriesAssessmentContext,
): string | undefined {
  if ((status !== 'on_track' && status !== 'at_risk') || !projection || projection.value === null || !target) return;
  if (direction * (projection.value - target.value) >= 0) return;
  const m = assessMessages[localeOf(ctx)];
  const shown = Math.round(projection.value * 10) / 10;
  return m.projectionMisses(m.statusWords[status], m.linear, shown, projection.period, target.value);
}
