// chart.js on @napi-rs/canvas: the one place that registers chart.js, sets its defaults,
// defines the plugins that draw what chart.js has no element for, and keeps the chart.js
// instances that draw the charts.
//
// chart.js lays out and draws the frame and the plot: the title and subtitle (its Title
// and SubTitle plugins), the scales (axis titles, tick labels, grid; values chosen in
// scales.ts), lines (observed values, dashed expected paths, dotted projections) and point
// markers (observed values, baseline rings). The plugins below add, for the chart being
// drawn (its Scene): the white background; the legend and footnotes as layout boxes
// (layout.ts, legend.ts) that chart.js places like its own; the target stars (chart.js'
// 'star' point style is an unfilled asterisk); and the labels next to targets, baselines
// and latest values, placed clear of each other and of the marks (labels.ts).
//
// Speed, as chart.js' performance guide advises: only the line controller, line and point
// elements and the linear scale are registered, and a chart is given only the plugins it
// uses (no tooltip or legend; the title plugins only where there is a title block), no
// animation, no events, no responsiveness, devicePixelRatio 1, data given in chart.js'
// internal format ({x, y}, `parsing: false`), `normalized: true`, `spanGaps`.
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
  SubTitle,
  Title,
  layouts,
  type ChartData,
  type ChartDataset,
  type ChartItem,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import type { ChartGroup } from './chart-spec.js';
import { FONT_STACK, pinTextSettings } from './font.js';
import { type Area, type FrameBlock, FrameBox, fillBackground } from './layout.js';
import { drawStars } from './marks.js';
import { dropPanelAxes } from './panel-axes.js';
import { type PixelPoint, pixelMapper } from './scales.js';
import { INK, type ChartLocale, type GroupStyle } from './style.js';
import type { Ctx } from './text.js';

// Only what a line chart on linear x and y scales needs (tree-shaken registration); the
// title plugins are given to the charts that have a title block (PLUGINS), not to panels.
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
  /** Fill the canvas white first (panels are drawn onto a white image, transparent around). */
  background: boolean;
  /** Target stars of the groups, in data coordinates; group i in styles[i]. */
  stars?: { groups: ChartGroup[]; styles: GroupStyle[]; radius: number; s: number };
  /** Legend, in a box above the plot (below the title block). */
  legend?: FrameBlock;
  /** Footnotes, in a box at the bottom. */
  footnotes?: FrameBlock;
  /** Labels next to targets, baselines and latest values (drawn last). */
  labels?: (ctx: Ctx, pixelOf: (x: number, y: number) => PixelPoint, plotArea: Area) => void;
}

/** Scenes by canvas (the constructor of a chart draws it before it can be keyed by chart). */
const scenes = new WeakMap<object, Scene>();

function sceneOf(chart: Chart): Scene | undefined {
  return scenes.get(chart.canvas);
}

/**
 * The 2D context of each ChartCanvas's canvas, as @napi-rs/canvas types it (chart.js types
 * its own `chart.ctx` as the DOM's; at run time the two are the same object).
 */
const contexts = new WeakMap<object, Ctx>();

function ctxOf(chart: Chart): Ctx {
  const ctx = contexts.get(chart.canvas);
  if (ctx === undefined) throw new Error('internal: a chart drawn on a canvas that is not a ChartCanvas');
  return ctx;
}

/** The canvas' text settings (language, font) before chart.js measures text; the white background. */
const backgroundPlugin: Plugin<'line'> = {
  id: 'melBackground',
  beforeUpdate(chart) {
    const scene = sceneOf(chart);
    if (scene) pinTextSettings(ctxOf(chart), scene.locale);
  },
  beforeDraw(chart) {
    const scene = sceneOf(chart);
    if (!scene) return;
    const ctx = ctxOf(chart);
    pinTextSettings(ctx, scene.locale);
    if (scene.background) fillBackground(ctx, chart.width, chart.height);
  },
};

/** Filled five-pointed target stars of the groups, where `pixelOf` puts their targets. */
export function drawTargetStars(
  ctx: Ctx,
  stars: NonNullable<Scene['stars']>,
  pixelOf: (x: number, y: number) => PixelPoint,
): void {
  const points = stars.groups.flatMap((g, i) => {
    const color = stars.styles[i]?.color ?? INK.roleKey;
    return g.targets.map((t) => ({ ...pixelOf(t.x, t.y), color }));
  });
  drawStars(ctx, points, stars.radius, stars.s);
}

/** Target stars on top of the datasets, not clipped to the plot. */
const targetStarsPlugin: Plugin<'line'> = {
  id: 'melTargetStars',
  afterDatasetsDraw(chart) {
    const stars = sceneOf(chart)?.stars;
    if (stars) drawTargetStars(ctxOf(chart), stars, pixelMapper(chart));
  },
};

/** The legend and footnote boxes of each chart (chart.js lays them out with its title and scales). */
const frameBoxes = new WeakMap<Chart, { legend: FrameBox; footnotes: FrameBox }>();

/** Legend above the plot, footnotes below the time axis: boxes of chart.js' layout. */
const framePlugin: Plugin<'line'> = {
  id: 'melFrame',
  start(chart) {
    // chart.js' title (weight 2000) and subtitle (1500) are further out; its scales (0) nearer the plot.
    const boxes = {
      legend: new FrameBox(ctxOf(chart), 'top', 1000),
      footnotes: new FrameBox(ctxOf(chart), 'bottom', 1000),
    };
    layouts.addBox(chart, boxes.legend);
    layouts.addBox(chart, boxes.footnotes);
    frameBoxes.set(chart, boxes);
  },
  stop(chart) {
    const boxes = frameBoxes.get(chart);
    if (!boxes) return;
    layouts.removeBox(chart, boxes.legend);
    layouts.removeBox(chart, boxes.footnotes);
    frameBoxes.delete(chart);
  },
  beforeUpdate(chart) {
    const boxes = frameBoxes.get(chart);
    if (!boxes) return;
    const scene = sceneOf(chart);
    boxes.legend.block = scene?.legend;
    boxes.footnotes.block = scene?.footnotes;
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

/** Title above a small-multiples panel: one line, already cut to the plot's width, its baseline at (x, y). */
export function drawPanelTitle(ctx: Ctx, title: { text: string; font: string; x: number; y: number }): void {
  ctx.save();
  ctx.font = title.font;
  ctx.fillStyle = INK.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(title.text, title.x, title.y);
  ctx.restore();
}

/**
 * Plugins of each kind of chart (chart.js resolves every plugin's options on each update,
 * so a chart gets only those it uses).
 */
const PLUGINS = {
  trajectory: [Title, SubTitle, backgroundPlugin, targetStarsPlugin, framePlugin, labelsPlugin],
  /** The axes of a small-multiples panel (its data: panel-datasets.ts). */
  panel: [backgroundPlugin],
  /** The frame of the small multiples: title, legend, footnotes and axis titles around the panels. */
  frame: [Title, SubTitle, backgroundPlugin, framePlugin],
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
    contexts.set(this.canvas, this.canvas.getContext('2d'));
  }

  /**
   * Draws a chart of the data with the options; plugins draw the scene. The data and
   * options objects may be the same ones as in the previous call, changed in place (the
   * small multiples change a panel's data and a few options between panels).
   */
  draw(data: LineData, options: LineOptions, scene: Scene): LineChart {
    scenes.set(this.canvas, scene);
    if (!this.chart) {
      // chart.js is typed for the DOM's canvas, which @napi-rs/canvas stands in for at run
      // time: the one place where the two types meet, so the one cast.
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
  const [leastRecent] = sameRole;
  if (leastRecent !== undefined && sameRole.length >= KEEP_PER_ROLE) {
    kept.get(leastRecent)?.destroy();
    kept.delete(leastRecent);
  }
  c = new ChartCanvas(role, width, height);
  kept.set(key, c);
  return c;
}

/** Destroys the thread's kept chart.js instances (the next chart creates a new one) and the panel axes they drew. */
export function dropChartCanvases(): void {
  for (const c of kept.values()) c.destroy();
  kept.clear();
  dropPanelAxes();
}
