// From an indicator's assessment to what its charts show: the headline (and up to three
// breakdowns, and the indicators that measure the same thing from another source) on one
// chart; a chart per breakdown where there are few; one small-multiples image where
// there are many (a chart per district of a 50-district programme would bury the reader).
import { createHash } from 'node:crypto';
import type { AssessmentResult } from '../../assess/assessment.js';
import type { BreakdownSeries, IndicatorData } from '../../data/indicator-data.js';
import { dimsKey, dimsLabel } from '../../data/indicator-data.js';
import { periodOf, type Period } from '../../periods/period.js';
import type { Indicator, Program } from '../../spec/model.js';
import type { Locale } from '../../spec/schema.js';
import { statusLabel } from '../../messages/report.js';
import { chartMessages } from '../../messages/chart.js';
import { formatNumber } from '../../messages/format-number.js';
import { DEFAULT_ROLE_LABELS, DEFAULT_TIME_LABEL } from './chart-spec.js';
import type { ChartGroup, ChartPoint, ChartSpec, SmallMultiplesSpec } from './chart-spec.js';
import { flowChartWords, flowGroup, flowTargetText } from './flow-chart-group.js';
import { valueDecimalsOf } from './value-decimals.js';

/** Breakdowns shown on the indicator's main chart beside its headline. */
export const MAX_BREAKDOWNS_ON_MAIN_CHART = 3;
/** Up to this many breakdowns get a chart each; beyond, small-multiples images. */
export const MAX_SEPARATE_BREAKDOWN_CHARTS = 6;
/** Panels on one small-multiples image: 50 districts still read at 1600 x 900 (130 x 100 px each). */
export const MAX_PANELS_PER_IMAGE = 50;
/** Small-multiples images of one indicator; the panels beyond are in the Data sheet and data.csv only. */
export const MAX_SMALL_MULTIPLES_IMAGES = 4;

export type PlannedChart =
  | { kind: 'trajectory'; file: string; disaggregation?: Record<string, string>; spec: ChartSpec }
  | { kind: 'small-multiples'; file: string; spec: SmallMultiplesSpec };

export interface ChartContext {
  program: Program;
  locale: Locale;
  asOf: Period;
  indicator: Indicator;
  data: IndicatorData | undefined;
  /** This indicator's results (headline and breakdowns). */
  results: AssessmentResult[];
  /** Indicators measuring the same thing from another source, with their data. */
  compared: { indicator: Indicator; data: IndicatorData }[];
}

/** A ChartContext with the decimals of the indicator's values (value-decimals.ts). */
type PlanContext = ChartContext & { decimals: number };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A part of a chart's file name is at most this long (a 256-character breakdown name is not a file name). */
const MAX_NAME_PART = 60;

/**
 * A name part with only the characters every file system takes: the text itself when
 * it has only those and is short, else its readable part and `~` with a hash of the whole
 * text. `~` never appears in a text kept as it is, so `north east` (`north-east~1c4e0b2a`)
 * and `north/east` (`north-east~…` with another hash) can never meet `north-east`.
 */
function safeNamePart(text: string): string {
  if (/^[A-Za-z0-9_.-]+$/.test(text) && text.length <= MAX_NAME_PART) return text;
  const readable = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .slice(0, MAX_NAME_PART)
    .replace(/^-+|-+$/g, '');
  return `${readable}~${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

/** `<indicator id>[--<disaggregation>].png`, with only safe characters (see safeNamePart). */
export function chartFileName(indicatorId: string, dims?: Record<string, string>): string {
  const keys = dims ? Object.keys(dims).sort() : [];
  const suffix = dims && keys.length ? `--${safeNamePart(keys.map((k) => dims[k]).join('-'))}` : '';
  return `${safeNamePart(indicatorId)}${suffix}.png`;
}

/**
 * The file names made unique across a pack, in order: a name met before (in any case,
 * as Windows and macOS compare them) gets `~2`, `~3`... So no chart ever overwrites
 * another, whatever the ids and breakdowns are called.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  return names.map(uniqueFileNamer());
}

/** A function that makes each name it is given unique among those it was given before (as above). */
export function uniqueFileNamer(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    const stem = name.replace(/\.png$/i, '');
    let unique = name;
    for (let k = 2; taken.has(unique.toLowerCase()); k++) unique = `${stem}~${k}.png`;
    taken.add(unique.toLowerCase());
    return unique;
  };
}

function observedPoints(s: BreakdownSeries, asOf: Period): ChartPoint[] {
  const out: ChartPoint[] = [];
  s.periods.forEach((p, i) => {
    const y = s.values[i] ?? Number.NaN; // NaN: missing, as in the series itself
    if (!Number.isNaN(y) && p.endYear <= asOf.endYear + 1e-9) out.push({ x: p.mid, y, label: p.id });
  });
  return out;
}

const at = (period: string, y: number): ChartPoint => ({ x: periodOf(period).mid, y, label: period });

function groupOf(
  label: string,
  s: BreakdownSeries,
  r: AssessmentResult | undefined,
  ctx: PlanContext,
  withPaths: boolean,
): ChartGroup {
  if (ctx.indicator.accumulation === 'sum') return flowGroup(label, s, r, ctx, withPaths);
  const m = chartMessages[ctx.locale];
  const group: ChartGroup = { label, actual: observedPoints(s, ctx.asOf), targets: [] };
  if (!r) return group;
  if (r.baseline) group.baseline = at(r.baseline.period, r.baseline.value);
  for (const t of r.targets) {
    if (t.value === null) continue;
    group.targets.push({
      ...at(t.period, t.value),
      name: m.targetName(t.period, formatNumber(t.value, ctx.locale, { decimals: ctx.decimals }), t.label),
    });
  }
  if (withPaths && r.baseline && r.target)
    group.expectedPath = [at(r.baseline.period, r.baseline.value), at(r.target.period, r.target.value)];
  const proj = r.projection;
  if (withPaths && proj && proj.value !== null && r.latest && r.status !== 'achieved') {
    const latest = at(r.latest.period, r.latest.value);
    const target = periodOf(proj.period);
    if (target.mid > latest.x) group.projection = [latest, { x: target.mid, y: proj.value, label: proj.period }];
  }
  return group;
}

/**
 * One footnote per series: where its numbers come from (the label of its data source,
 * or the formula), so a donor can trace them; every value's own source, file and line is
 * in the pack's Data sheet, so no footnote shows a file path.
 */
function footnotesOf(
  groups: { label: string; series: BreakdownSeries; indicator: Indicator }[],
  ctx: ChartContext,
): string[] {
  const m = chartMessages[ctx.locale];
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const { label, series, indicator } of groups) {
    let text: string;
    if (series.origin === 'formula' && indicator.formula)
      text = m.computedLine(label, indicator.formula.text, Object.values(indicator.inputs ?? {}));
    else {
      const source =
        ctx.program.dataSources.find((d) => d.id === indicator.series?.data) ??
        ctx.program.dataSources.find((d) => d.file === series.file);
      const distinct = new Set(series.sources.filter(Boolean)).size;
      const named = source?.source ?? source?.id ?? series.sources.find(Boolean);
      if (!named) continue;
      text = m.sourceLine(label, named, distinct);
    }
    if (!seen.has(text)) {
      seen.add(text);
      notes.push(text);
    }
  }
  return notes.slice(0, 4);
}

/**
 * A compared indicator's label: its name, or where it shares its beginning with the
 * charted indicator's name, the part that tells them apart: "Stunting in children under
 * five, Zambia (DHS figures as published, WHO standard)" beside "... (WHO standard, joint
 * estimates)" is "DHS figures as published, WHO standard".
 */
export function comparisonLabel(main: string, other: string): string {
  let common = 0;
  while (common < main.length && common < other.length && main[common] === other[common]) common++;
  // Back to the start of a word, bracket or clause.
  while (common > 0 && !/[\s(,:;]/.test(other.charAt(common - 1))) common--;
  const rest = other
    .slice(common)
    .trim()
    .replace(/^\(([^()]*)\)$/, '$1')
    .replace(/^[(,:;\s]+|[),\s]+$/g, '')
    .trim();
  if (common < 12 || rest.length < 3) return other;
  return capitalise(rest);
}

function baseSpec(
  ctx: PlanContext,
  title: string,
  subtitle: string | undefined,
): Omit<ChartSpec, 'groups' | 'footnotes'> {
  return {
    title,
    subtitle,
    locale: ctx.locale,
    axisTimeLabel: DEFAULT_TIME_LABEL[ctx.locale],
    percent: ctx.indicator.unit === 'percent',
    valueDecimals: ctx.decimals,
    ...baseWords(ctx),
  };
}

/** The value axis and legend words: a flow's are its running total's. */
function baseWords(ctx: ChartContext): Pick<ChartSpec, 'roleLabels' | 'unitLabel'> {
  const unitLabel = ctx.indicator.unitLabel ?? chartMessages[ctx.locale].unitName(ctx.indicator.unit);
  if (ctx.indicator.accumulation === 'sum') return flowChartWords(ctx, unitLabel);
  return { roleLabels: DEFAULT_ROLE_LABELS[ctx.locale], unitLabel };
}

function statusLine(r: AssessmentResult | undefined, ctx: PlanContext): string | undefined {
  if (!r) return undefined;
  const target =
    ctx.indicator.accumulation === 'sum'
      ? flowTargetText(r, ctx.locale, ctx.decimals)
      : r.target
        ? `${formatNumber(r.target.value, ctx.locale, { decimals: ctx.decimals })} (${r.target.period})`
        : undefined;
  return chartMessages[ctx.locale].statusLine(statusLabel(ctx.locale, r.status), ctx.asOf.id, target);
}

/** Most groups drawn in one small-multiples panel (female / male, urban / rural). */
export const MAX_GROUPS_PER_PANEL = 3;

/**
 * Small-multiples panels. When breakdowns cross two columns and one has few values
 * (district x sex), a panel per value of the other holds one line per value of the small
 * one: 50 district panels with female and male in each, rather than 100 tiny panels.
 */
export function panelsOf(
  breakdowns: readonly BreakdownSeries[],
  group: (s: BreakdownSeries) => ChartGroup,
): { panels: SmallMultiplesSpec['panels']; groupLabels?: string[] } {
  const keys = [...new Set(breakdowns.flatMap((s) => Object.keys(s.dims)))];
  const valuesOf = (k: string) => ({ k, values: [...new Set(breakdowns.map((s) => s.dims[k] ?? ''))].sort() });
  const [firstKey, secondKey, ...moreKeys] = keys;
  if (firstKey !== undefined && secondKey !== undefined && moreKeys.length === 0) {
    // a: the column with fewer values (the groups), b: the other (the panels).
    const [x, y] = [valuesOf(firstKey), valuesOf(secondKey)];
    const [a, b] = y.values.length < x.values.length ? [y, x] : [x, y];
    if (a.values.length <= MAX_GROUPS_PER_PANEL) {
      const byPanel = new Map<string, BreakdownSeries[]>();
      for (const s of breakdowns) {
        const key = s.dims[b.k] ?? '';
        const members = byPanel.get(key);
        if (members) members.push(s);
        else byPanel.set(key, [s]);
      }
      const groupLabels = a.values.map(capitalise);
      const panels = [...byPanel.entries()].map(([title, members]) => ({
        title: capitalise(title),
        // Every panel lists the groups in the same order (an empty one where a value is
        // missing), so a group keeps its colour and marker across panels.
        groups: withoutRepeatedTargets(
          a.values.map((v) => {
            const s = members.find((m) => (m.dims[a.k] ?? '') === v);
            return s ? { ...group(s), label: capitalise(v) } : { label: capitalise(v), actual: [], targets: [] };
          }),
        ),
      }));
      return { panels, groupLabels };
    }
  }
  return { panels: breakdowns.map((s) => ({ title: capitalise(dimsLabel(s.dims)), groups: [group(s)] })) };
}

/** A target several groups share (an absolute one) is drawn once, on the first of them. */
function withoutRepeatedTargets(groups: ChartGroup[]): ChartGroup[] {
  return groups.map((g, i) =>
    i === 0
      ? g
      : {
          ...g,
          targets: g.targets.filter(
            (t) => !groups.slice(0, i).some((p) => p.targets.some((f) => f.x === t.x && f.y === t.y)),
          ),
        },
  );
}

/** Every chart of one indicator. */
export function planCharts(context: ChartContext): PlannedChart[] {
  const ctx: PlanContext = {
    ...context,
    decimals: valueDecimalsOf(context.indicator.unit, context.data, context.results),
  };
  const m = chartMessages[ctx.locale];
  const d = ctx.data;
  if (!d) return [];
  const resultsByDims = new Map(ctx.results.map((r) => [dimsKey(r.disaggregation), r]));
  const resultOf = (s: BreakdownSeries) => resultsByDims.get(dimsKey(s.dims));
  const label = (s: BreakdownSeries) => capitalise(dimsLabel(s.dims)) || m.total;
  const charts: PlannedChart[] = [];

  const breakdowns = d.breakdowns;
  const many = breakdowns.length > MAX_SEPARATE_BREAKDOWN_CHARTS;

  // 1. the main chart: headline, a few breakdowns, the other sources. An indicator with
  // many breakdowns and no headline has no main chart: its small multiples say it all.
  if (d.headline || !many) {
    const main = d.headline ? [d.headline, ...breakdowns.slice(0, MAX_BREAKDOWNS_ON_MAIN_CHART)] : breakdowns;
    const groups = withoutRepeatedTargets(
      main.map((s, i) => groupOf(label(s), s, resultOf(s), ctx, i === 0 || main.length <= 2)),
    );
    const footSeries = main.slice(0, 1).map((s) => ({ label: label(s), series: s, indicator: ctx.indicator }));
    for (const c of ctx.compared) {
      const s = c.data.headline ?? c.data.breakdowns[0];
      if (!s) continue;
      const name = comparisonLabel(ctx.indicator.name, c.indicator.name);
      const g = groupOf(name, s, undefined, ctx, false);
      if (g.actual.length) {
        groups.push(g);
        footSeries.push({ label: name, series: s, indicator: c.indicator });
      }
    }
    const mainResult = main[0] ? resultOf(main[0]) : undefined;
    charts.push({
      kind: 'trajectory',
      file: chartFileName(ctx.indicator.id),
      spec: {
        ...baseSpec(ctx, ctx.indicator.name, statusLine(mainResult, ctx)),
        groups,
        footnotes:
          d.headline && breakdowns.length > MAX_BREAKDOWNS_ON_MAIN_CHART
            ? [
                ...footnotesOf(footSeries, ctx),
                m.breakdownsShown(MAX_BREAKDOWNS_ON_MAIN_CHART, breakdowns.length, many),
              ]
            : footnotesOf(footSeries, ctx),
      },
    });
  }

  // 2. small multiples for many breakdowns, else a chart per breakdown
  if (many) {
    const { panels, groupLabels } = panelsOf(breakdowns, (s) => groupOf(label(s), s, resultOf(s), ctx, true));
    // Pages of at most MAX_PANELS_PER_IMAGE panels, at most MAX_SMALL_MULTIPLES_IMAGES of
    // them: 1,400 facilities on one image would be panels of a pixel.
    const pages: (typeof panels)[] = [];
    for (let i = 0; i < panels.length && pages.length < MAX_SMALL_MULTIPLES_IMAGES; i += MAX_PANELS_PER_IMAGE)
      pages.push(panels.slice(i, i + MAX_PANELS_PER_IMAGE));
    const notDrawn = panels.length - pages.reduce((n, p) => n + p.length, 0);
    const footnotes = footnotesOf(
      breakdowns.slice(0, 1).map((s) => ({ label: m.allBreakdowns, series: s, indicator: ctx.indicator })),
      ctx,
    );
    pages.forEach((page, i) => {
      const last = i === pages.length - 1;
      charts.push({
        kind: 'small-multiples',
        file: chartFileName(ctx.indicator.id, { all: i === 0 ? 'breakdowns' : `breakdowns-${i + 1}` }),
        spec: {
          title:
            pages.length > 1
              ? m.byBreakdownPage(ctx.indicator.name, breakdowns.length, i + 1, pages.length)
              : m.byBreakdown(ctx.indicator.name, breakdowns.length),
          footnotes: last && notDrawn > 0 ? [...footnotes, m.panelsNotDrawn(notDrawn)] : footnotes,
          locale: ctx.locale,
          axisTimeLabel: DEFAULT_TIME_LABEL[ctx.locale],
          percent: ctx.indicator.unit === 'percent',
          ...baseWords(ctx),
          panels: page,
          groupLabels,
        },
      });
    });
  } else if (breakdowns.length > 1 || (breakdowns.length === 1 && d.headline)) {
    for (const s of breakdowns) {
      const r = resultOf(s);
      charts.push({
        kind: 'trajectory',
        file: chartFileName(ctx.indicator.id, s.dims),
        disaggregation: s.dims,
        spec: {
          ...baseSpec(ctx, `${ctx.indicator.name}: ${label(s)}`, statusLine(r, ctx)),
          groups: [groupOf(label(s), s, r, ctx, true)],
          footnotes: footnotesOf([{ label: label(s), series: s, indicator: ctx.indicator }], ctx),
        },
      });
    }
  }
  return charts;
}
