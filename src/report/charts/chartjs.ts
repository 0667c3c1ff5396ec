// chart.js on @napi-rs/canvas: the one place that registers chart.js, sets its defaults,
// defines the plugins that draw what chart.js has no element for, and keeps the chart.js
// instances that draw the charts.
//
// chart.js draws the axes, scales, grid, tick labels, axis titles, lines (observed values,
// dashed expected paths, dotted projections) and point markers (observed values, baseline
// rings). The plugins below draw the white background, the target stars (chart.js' 'star'
// point style is an unfilled asterisk), and, through the scene of each drawing, the title
// block, legend and footnotes (trajectory chart), the labels next to targets, baselines and
// latest values, and the titles of small-multiples panels.
//
// Speed, as chart.js' performance guide advises: only the line controller, line and point
// elements and the linear scale are registered (no tooltip, legend, title or other
// plugin), no animation, no events, no responsiveness, devicePixelRatio 1, data given in
// chart.js' internal format ({x, y}, `parsing: false`), `normalized: true`, `spanGaps`.
// A chart.js instance is not created per chart: each thread keeps one instance per canvas
// size and role (see ChartCanvas), and a new chart is drawn by handing it new data and
// options and calling `update('none')`. Creating an instance costs several ms; the small
// multiples draw all panels of an image with one instance on a panel-sized canvas.
//
// Output does not depend on what an instance drew before: chart.js clears the canvas and
// re-resolves every option on each update, and the plugins set all canvas state they use.

import { createCanvas, type Canvas } from '@napi-rs/canvas';
import {
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  type ChartData,
  type ChartDataset,
  type ChartItem,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import type { ChartGroup } from './chart-spec.js';
import { FONT_STACK, pinTextSettings } from './font.js';
import { drawStar, fillBackground, type Area, type Ctx, type PixelPoint } from './frame.js';
import { INK, type ChartLocale, type GroupStyle } from './style.js';

// Only what a line chart on linear x and y scales needs (tree-shaken registration).
Chart.register(LineController, LineElement, PointElement, LinearScale);
Chart.defaults.font.family = FONT_STACK;
Chart.defaults.color = INK.muted;

/** A point in chart.js' internal format (a ChartPoint is one: extra fields are ignored). */
export interface XY {
  x: number;
  y: number;
}
export type LineChart = Chart<'line', XY[]>;
export type LineDataset = ChartDataset<'line', XY[]>;
export type LineOptions = ChartOptions<'line'>;
export type LineData = ChartData<'line', XY[]>;

/** chart.js' documented performance settings, common to every chart. */
export const FAST_OPTIONS = {
  animation: false,
  responsive: false,
  maintainAspectRatio: false,
  devicePixelRatio: 1,
  events: [],
  parsing: false,
  normalized: true,
  spanGaps: true,
} as const satisfies LineOptions;

/** Options common to every dataset (chart.js reads them per dataset). */
export const FAST_DATASET = {
  parsing: false,
  normalized: true,
  spanGaps: true,
  tension: 0,
  fill: false,
  pointHoverRadius: 0,
  pointHitRadius: 0,
} as const;

// ---------------------------------------------------------------------------------------
// Scenes: what the plugins draw for the chart being drawn

/** What the plugins draw on a chart, set for each drawing. */
export interface Scene {
  locale: ChartLocale;
  /** Fill the canvas white first (the trajectory chart; panels are composited onto a white image). */
  background: boolean;
  /** Target stars of the groups, in data coordinates; group i in styles[i]. */
  stars?: { groups: ChartGroup[]; styles: GroupStyle[]; radius: number; s: number };
  /** Title block, legend, footnotes (drawn after the plot). */
  frame?: (ctx: Ctx) => void;
  /** Labels next to targets, baselines and latest values (drawn last). */
  labels?: (ctx: Ctx, pixelOf: (x: number, y: number) => PixelPoint, plotArea: Area) => void;
  /** Title of a small-multiples panel. */
  panelTitle?: (ctx: Ctx) => void;
}

/** Scenes by canvas (the constructor of a chart draws it before it can be keyed by chart). */
const scenes = new WeakMap<object, Scene>();

function sceneOf(chart: Chart): Scene | undefined {
  return scenes.get(chart.canvas);
}

function ctxOf(chart: Chart): Ctx {
  return chart.ctx as unknown as Ctx;
}

/** Image pixel of a data value, from the chart's scales. */
export function pixelMapper(chart: Chart): (x: number, y: number) => PixelPoint {
  const xs = chart.scales.x;
  const ys = chart.scales.y;
  return (x, y) => ({ x: xs.getPixelForValue(x), y: ys.getPixelForValue(y) });
}

/** White background and the canvas' text settings (language, font) before chart.js draws. */
const backgroundPlugin: Plugin<'line'> = {
  id: 'melBackground',
  beforeDraw(chart) {
    const scene = sceneOf(chart);
    if (!scene) return;
    const ctx = ctxOf(chart);
    pinTextSettings(ctx, scene.locale);
    if (scene.background) fillBackground(ctx, chart.width, chart.height);
  },
};

/** Filled five-pointed target stars on top of the datasets, not clipped to the plot. */
const targetStarsPlugin: Plugin<'line'> = {
  id: 'melTargetStars',
  afterDatasetsDraw(chart) {
    const stars = sceneOf(chart)?.stars;
    if (!stars) return;
    const ctx = ctxOf(chart);
    const pixelOf = pixelMapper(chart);
    stars.groups.forEach((g, i) => {
      for (const t of g.targets) {
        const p = pixelOf(t.x, t.y);
        drawStar(ctx, p.x, p.y, stars.radius, stars.styles[i].color, stars.s);
      }
    });
  },
};

/** Title block, legend and footnotes around the plot. */
const framePlugin: Plugin<'line'> = {
  id: 'melFrame',
  afterDraw(chart) {
    sceneOf(chart)?.frame?.(ctxOf(chart));
  },
};

/** Labels next to targets, baselines and latest values, placed clear of each other and of the marks. */
const labelsPlugin: Plugin<'line'> = {
  id: 'melLabels',
  afterDraw(chart) {
    const { left, top, right, bottom } = chart.chartArea;
    sceneOf(chart)?.labels?.(ctxOf(chart), pixelMapper(chart), { left, top, right, bottom });
  },
};

/** Title above a small-multiples panel. */
const panelTitlePlugin: Plugin<'line'> = {
  id: 'melPanelTitle',
  afterDraw(chart) {
    sceneOf(chart)?.panelTitle?.(ctxOf(chart));
  },
};

/** Plugins of each kind of chart (chart.js resolves every plugin's options on each update). */
const PLUGINS = {
  trajectory: [backgroundPlugin, targetStarsPlugin, framePlugin, labelsPlugin],
  panel: [backgroundPlugin, targetStarsPlugin, panelTitlePlugin],
};
export type ChartRole = keyof typeof PLUGINS;

// ---------------------------------------------------------------------------------------
// Instances

/**
 * A canvas with the chart.js instance that draws on it. The first drawing creates the
 * instance; later ones hand it new data and options and update it without animation.
 */
export class ChartCanvas {
  readonly canvas: Canvas;
  private chart: LineChart | undefined;

  constructor(
    readonly role: ChartRole,
    readonly width: number,
    readonly height: number,
  ) {
    this.canvas = createCanvas(width, height);
  }

  /**
   * Draws a chart of the data with the options; plugins draw the scene. The data and
   * options objects may be the same ones as in the previous call, changed in place (the
   * small multiples change a panel's data and a few options between panels).
   */
  draw(data: LineData, options: LineOptions, scene: Scene): LineChart {
    scenes.set(this.canvas, scene);
    if (!this.chart) {
      this.chart = new Chart(this.canvas as unknown as ChartItem, {
        type: 'line',
        data,
        options,
        plugins: PLUGINS[this.role],
      });
    } else {
      if (this.chart.config.data !== data) this.chart.data = data;
      if (this.chart.config.options !== options) this.chart.options = options;
      this.chart.update('none');
    }
    return this.chart;
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
    scenes.delete(this.canvas);
  }
}

/** Instances kept per thread, by role and size (a report's charts share a few sizes). */
const kept = new Map<string, ChartCanvas>();
const KEEP_PER_ROLE = 3;

/**
 * The thread's chart canvas of this role and size, created on first use. A chart must be
 * drawn and its pixels copied out (encoded, or drawn onto another canvas) before the next
 * chart of the same role and size is drawn: drawing is synchronous, so this holds as long
 * as nothing is awaited in between.
 */
export function chartCanvas(role: ChartRole, width: number, height: number): ChartCanvas {
  const key = `${role}:${width}x${height}`;
  let c = kept.get(key);
  if (c) {
    // Most recently used last.
    kept.delete(key);
    kept.set(key, c);
    return c;
  }
  const sameRole = [...kept.keys()].filter((k) => k.startsWith(`${role}:`));
  if (sameRole.length >= KEEP_PER_ROLE) {
    kept.get(sameRole[0])?.destroy();
    kept.delete(sameRole[0]);
  }
  c = new ChartCanvas(role, width, height);
  kept.set(key, c);
  return c;
}

/** Destroys the thread's kept chart.js instances (the next chart creates a new one). */
export function dropChartCanvases(): void {
  for (const c of kept.values()) c.destroy();
  kept.clear();
}

// ---------------------------------------------------------------------------------------
// Scales: linear x (time, fractional years) and y (value), with the ticks chosen by
// frame.ts (whole years; nice value steps) instead of chart.js' own.

type ScaleOptions = NonNullable<LineOptions['scales']>[string];

export interface AxisOptions {
  /** Tick values (they also place the grid lines). */
  ticks: number[];
  /** Tick label of a value. */
  format: (value: number) => string;
  /** Whether tick labels (and the title) are drawn. */
  labels: boolean;
  tickSize: number;
  /** Space between the plot (or tick mark) and the tick labels. */
  tickPadding: number;
  /** Tick marks outside the plot (x only); 0 for none. */
  tickLength: number;
  title?: { text: string; size: number; padding: { top: number; bottom: number } };
  gridColor: string;
  gridWidth: number;
  /** Axis line along the scale (x only). */
  border?: { color: string; width: number };
  /**
   * Fixed thickness of the scale (height of x, width of y) whether or not it shows labels,
   * so that every panel of the small multiples has the same plot area. Unset: chart.js
   * measures the labels.
   */
  thickness?: number;
}

/** Options of a linear scale from min to max with the given ticks. */
export function linearScaleOptions(axis: 'x' | 'y', min: number, max: number, o: AxisOptions): ScaleOptions {
  const title = o.title;
  return {
    type: 'linear',
    axis,
    position: axis === 'x' ? 'bottom' : 'left',
    min,
    max,
    afterBuildTicks: (scale) => {
      scale.ticks = o.ticks.map((value) => ({ value }));
    },
    afterFit:
      o.thickness === undefined
        ? undefined
        : (scale) => {
            if (axis === 'x') scale.height = o.thickness!;
            else scale.width = o.thickness!;
            // Labels that stick out at the ends must not shrink the plot area.
            scale.paddingLeft = scale.paddingRight = scale.paddingTop = scale.paddingBottom = 0;
          },
    ticks: {
      display: o.labels,
      callback: (value) => o.format(Number(value)),
      autoSkip: false,
      maxRotation: 0,
      minRotation: 0,
      color: INK.muted,
      font: { size: o.tickSize },
      padding: o.tickPadding,
    },
    grid: {
      color: o.gridColor,
      lineWidth: o.gridWidth,
      drawTicks: o.tickLength > 0,
      tickLength: o.tickLength,
      tickColor: INK.axis,
      tickWidth: o.gridWidth,
    },
    border: o.border ? { display: true, color: o.border.color, width: o.border.width } : { display: false },
    title: {
      display: o.labels && !!title && title.text !== '',
      text: title?.text ?? '',
      color: INK.muted,
      font: { size: title?.size ?? o.tickSize, weight: 600 },
      padding: title?.padding ?? 0,
    },
  } as ScaleOptions;
}
