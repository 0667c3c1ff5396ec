// The axes of the small-multiples panels (grid, axis line, tick labels), drawn by chart.js
// on a panel-sized canvas once per kind of panel (with or without year labels, with or
// without value labels: all panels of an image share their scales) and kept for the next
// image whose panels have the same axes.
//
// Why keep them beyond one image: the charts of a report mostly share their panels' axes
// (the same months, 0-100 % for most indicators), and drawing the four kinds took ~5 ms
// of chart.js layout and drawing per image. The axes are known by everything that goes
// into their chart.js options (a key the caller builds), and chart.js draws the same
// options the same way whatever it drew before (chartjs.ts), so a kept canvas holds the
// pixels a new drawing would give. A report's charts have a few kinds of axes (9 in the
// national programme's 200 charts: a few panel sizes and value ranges); the last 16 are
// kept, ~0.1 MB each.

import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { Chart } from 'chart.js';
import type { Area } from './layout.js';
import { type PanelScales, type PixelPoint, keptPixelMapper, keptScales } from './scales.js';

/** The axes of the panels of one image, as chart.js laid them out. */
export interface PanelAxes {
  /** The panel chart's plot area, in panel canvas pixels. */
  area: Area;
  /** Pixel of a data value on the panel canvas. */
  pixelOf: (x: number, y: number) => PixelPoint;
  scales: PanelScales;
  /** The axes of a kind of panel: with year labels (bottom row) or not, with value labels (left column) or not. */
  canvas(yearLabels: boolean, valueLabels: boolean): Canvas;
}

/** How chart.js draws the panels' axes. */
export interface PanelAxesDrawing {
  /** Everything the chart.js options depend on, as a string: panels with the same key have the same axes. */
  key: string;
  /** Draws the axes of a kind of panel with chart.js on `canvas` (the size of a panel with its labels). */
  draw(yearLabels: boolean, valueLabels: boolean): Chart;
  canvas: Canvas;
}

/** Axes kept per thread, most recently used last. */
const kept = new Map<string, PanelAxes>();
const KEEP = 16;

/** The axes drawn as `drawing` says: kept ones if the key is known, else new ones (each kind drawn when first used). */
export function panelAxes(drawing: PanelAxesDrawing): PanelAxes {
  const known = kept.get(drawing.key);
  if (known) {
    kept.delete(drawing.key);
    kept.set(drawing.key, known);
    return known;
  }
  const axes = drawAxes(drawing);
  for (const key of kept.keys()) {
    if (kept.size < KEEP) break;
    kept.delete(key);
  }
  kept.set(drawing.key, axes);
  return axes;
}

/** Forgets the kept axes (chartjs.ts dropChartCanvases, with the chart.js instances). */
export function dropPanelAxes(): void {
  kept.clear();
}

function drawAxes(drawing: PanelAxesDrawing): PanelAxes {
  const canvases = new Map<string, Canvas>();
  const draw = (yearLabels: boolean, valueLabels: boolean) => {
    const chart = drawing.draw(yearLabels, valueLabels);
    const copy = createCanvas(drawing.canvas.width, drawing.canvas.height);
    copy.getContext('2d').drawImage(drawing.canvas, 0, 0);
    return { chart, copy };
  };
  // The first kind drawn gives the plot area and the scales (the same in every kind).
  const first = draw(true, true);
  canvases.set('1,1', first.copy);
  const { left, top, right, bottom } = first.chart.chartArea;
  return {
    area: { left, top, right, bottom },
    pixelOf: keptPixelMapper(first.chart),
    scales: keptScales(first.chart),
    canvas(yearLabels, valueLabels) {
      const key = `${+yearLabels},${+valueLabels}`;
      let canvas = canvases.get(key);
      if (!canvas) {
        canvas = draw(yearLabels, valueLabels).copy;
        canvases.set(key, canvas);
      }
      return canvas;
    },
  };
}
