// `mel report`: everything the pack holds, built in memory before anything is written.
//
//   1. assess every indicator and breakdown (every method, for the indicator sheets)
//   2. SMART review and data-quality checks
//   3. plan and render the charts
//   4. lay out the workbook
// Writing the files is write-pack.ts's job, so a failure here leaves the old pack intact.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assessProgram, publicDocument } from '../assess/assess-program.js';
import type { AssessmentDocument } from '../assess/assessment.js';
import { smartReview } from '../assess/smart-review.js';
import type { Workspace } from '../workspace/load-workspace.js';
import { dataQuality } from '../quality/data-quality.js';
import type { Period } from '../periods/period.js';
import { methodNames, type Locale, type MethodName } from '../spec/schema.js';
import {
  MAX_SEPARATE_BREAKDOWN_CHARTS,
  planCharts,
  type PlannedChart,
  uniqueFileNamer,
} from './charts/build-chart-spec.js';
import type { BreakdownSeries, IndicatorData } from '../data/indicator-data.js';
import type { AboutInfo, ChartImage, ChartMode, PackInput } from './pack-input.js';
import { renderSparklines } from './sparklines.js';

export interface PackOptions {
  asOf?: Period;
  method?: MethodName;
  locale?: Locale;
  engineVersion: string;
  /** ISO time of the run (SOURCE_DATE_EPOCH when set). */
  runTime: string;
  /** Files read (programme, indicators, data), relative to the root, for the About sheet. */
  inputFiles: string[];
  /** Renders the planned charts (in worker threads or here), reporting progress. */
  renderCharts: (charts: PlannedChart[]) => Promise<Buffer[]>;
  /** PNG images, native Excel charts, or both (default both); native only renders nothing. */
  chartMode?: ChartMode;
}

export interface BuiltPack {
  doc: AssessmentDocument;
  input: PackInput;
  charts: ChartImage[];
}

/**
 * The series the pack details with every method's inputs: an indicator's headline (or,
 * without one, its first breakdown) and every breakdown of an indicator with few; a
 * national programme's 20,000 district series get the chosen method only.
 */
export function isDetailed(_indicator: unknown, series: BreakdownSeries, d: IndicatorData): boolean {
  if (d.breakdowns.length <= MAX_SEPARATE_BREAKDOWN_CHARTS) return true;
  return d.headline ? series === d.headline : series === d.breakdowns[0];
}

/**
 * One promise per image of a rendering. Each is marked handled here: when rendering fails,
 * whoever awaits an image gets the error, and an image nobody awaits any more (the pack
 * failed before its bytes were wanted) is no unhandled rejection.
 */
function pendingImages(rendering: Promise<Buffer[]>, count: number): Promise<Buffer>[] {
  return Array.from({ length: count }, (_, i) => {
    const png = rendering.then((pngs) => {
      const bytes = pngs[i];
      if (!bytes) throw new Error(`internal: chart ${i} was not rendered`);
      return bytes;
    });
    png.catch(() => {});
    return png;
  });
}

export async function buildPack(ws: Workspace, options: PackOptions): Promise<BuiltPack> {
  const { program, data } = ws;
  const locale = options.locale ?? program.locale;
  // 1. assessment, with every method for the indicator sheets
  const full = assessProgram(program, data, {
    asOf: options.asOf,
    method: options.method,
    everyMethod: isDetailed,
    locale,
  });
  const doc = publicDocument(full);
  const asOf = full.asOfPeriod;

  // 2. SMART and data quality
  const smart = smartReview(program, data, locale);
  const quality = dataQuality(program, data, ws.issues);

  // 3. charts
  const planned: PlannedChart[] = [];
  const byId = new Map(program.indicators.map((i) => [i.id, i]));
  for (const indicator of program.indicators) {
    planned.push(
      ...planCharts({
        program,
        locale,
        asOf,
        indicator,
        data: data.get(indicator.id),
        results: doc.results.filter((r) => r.indicator === indicator.id),
        compared: indicator.compare.flatMap((id) => {
          const other = byId.get(id);
          const d = data.get(id);
          return other && d ? [{ indicator: other, data: d }] : [];
        }),
      }).map((c) => ({ ...c, indicatorId: indicator.id })),
    );
  }
  // No chart overwrites another, whatever the ids and breakdowns are called.
  const uniqueFileName = uniqueFileNamer();
  for (const c of planned) c.file = uniqueFileName(c.file);
  const chartMode = options.chartMode ?? 'both';
  // Native charts plot the trajectory charts' specs: with no PNG wanted, nothing is rendered.
  const kept = chartMode === 'native' ? planned.filter((c) => c.kind === 'trajectory') : planned;
  // The charts render (on worker threads) while the rest of the pack is built and the
  // workbook laid out: each chart's PNG is a promise, awaited where its bytes are written.
  const pngs = chartMode === 'native' ? [] : pendingImages(options.renderCharts(kept), kept.length);
  const sparklines = await renderSparklines(doc.results, data, asOf, program.fiscalYearStart);
  const charts: ChartImage[] = kept.map((c, i) => ({
    indicator: (c as PlannedChart & { indicatorId: string }).indicatorId,
    disaggregation: c.kind === 'trajectory' ? c.disaggregation : undefined,
    file: c.file,
    ...(pngs[i] ? { png: pngs[i] } : {}),
    ...(c.kind === 'trajectory' ? { spec: c.spec } : {}),
  }));

  // 4. workbook input
  const about: AboutInfo = {
    engineVersion: options.engineVersion,
    programFile: program.file,
    runTime: options.runTime,
    sources: options.inputFiles.map((file) => ({
      file,
      sha256: createHash('sha256')
        .update(readFileSync(resolve(program.root, file)))
        .digest('hex'),
    })),
    methods: [
      ...new Set<MethodName>([
        'trajectory',
        doc.method,
        ...program.indicators.map((i) => options.method ?? i.method ?? program.method),
      ]),
    ].filter((m) => methodNames.includes(m)),
  };
  const input: PackInput = {
    program,
    locale,
    doc,
    everyMethod: full.results.map((r) => r.methods),
    smart,
    quality,
    data,
    charts,
    chartMode,
    sparklines,
    about,
  };
  return { doc, input, charts };
}
