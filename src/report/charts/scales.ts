// The scales of the charts: which values the axes show, handed to chart.js' linear scales,
// and pixels of data values read back from those scales.
//
// chart.js draws and lays out the scales (tick labels measured, grid, axis titles, the
// plot area left for the data) and maps values to pixels. The tick VALUES are chosen here,
// because chart.js' own (a tick count from the axis length, "nice" steps of 1, 2 or 5)
// would put time ticks closer than their labels on a narrow panel and then skip labels
// unevenly, and knows nothing of what an indicator's axis needs: whole years on a time
// axis; a value axis that starts at 0 for percentages and counts, leaves room above the
// data for labels, never goes above 100 %, and steps by whole units for counts.

import type { Chart, ChartOptions, Scale } from 'chart.js';
import { INK } from './style.js';

export interface ValueAxis {
  min: number;
  max: number;
  step: number;
}

export interface PixelPoint {
  x: number;
  y: number;
}

/** A chart's scales: data value to pixel (chart.js' `getPixelForValue` of its x and y scales). */
export interface PanelScales {
  x(value: number): number;
  y(value: number): number;
}

/** Year ticks of the main chart: about 12 at most (13 lets 2000..2024 step by 2). */
export const MAX_YEAR_TICKS = 13;

/** Padded time range covering all x values (fractional years). */
export function timeRange(xs: number[]): { min: number; max: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo > hi) return { min: 2000, max: 2010 };
  const pad = Math.max(0.5, (hi - lo) * 0.03);
  return { min: lo - pad, max: hi + pad };
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * Whole-year ticks within [min, max] with the smallest "nice" step giving at most
 * maxTicks (or with the given step).
 */
export function yearTicks(
  min: number,
  max: number,
  maxTicks = MAX_YEAR_TICKS,
  onlyStep?: number,
): { step: number; ticks: number[] } {
  for (const step of onlyStep !== undefined ? [onlyStep] : YEAR_STEPS) {
    const first = Math.ceil(min / step - 1e-9);
    const last = Math.floor(max / step + 1e-9);
    if (last - first + 1 <= Math.max(1, maxTicks)) {
      const ticks: number[] = [];
      for (let k = first; k <= last; k++) ticks.push(k * step);
      return { step, ticks };
    }
  }
  return { step: max - min, ticks: [Math.round(min), Math.round(max)] };
}

/**
 * Whole-year ticks for a time axis `widthPx` pixels wide: the smallest nice step whose
 * labels (each `labelPx` wide) stay at least `gapPx` apart, with at most maxTicks ticks.
 * A step that only bounds the number of ticks is not enough: 3 ticks 2 years apart on a
 * 130 px panel showing 7 years are 37 px apart, and "2020" is 30 px wide.
 */
export function yearTicksForWidth(
  min: number,
  max: number,
  widthPx: number,
  labelPx: number,
  gapPx: number,
  maxTicks = MAX_YEAR_TICKS,
): { step: number; ticks: number[] } {
  const pxPerYear = widthPx / Math.max(1e-9, max - min);
  for (const step of YEAR_STEPS) {
    if (step * pxPerYear < labelPx + gapPx) continue;
    const t = yearTicks(min, max, Number.MAX_SAFE_INTEGER, step);
    if (t.ticks.length <= Math.max(1, maxTicks)) return t;
  }
  return yearTicks(min, max, maxTicks);
}

/** A "nice" step (1, 2, 2.5, 5 x 10^k) at least `raw`; a whole number (1, 2, 5, 10, 20, 25...) for counts. */
export function niceStep(raw: number, integer = false): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  if (integer && raw <= 1) return 1;
  const exp = 10 ** Math.floor(Math.log10(raw));
  const frac = raw / exp;
  const nice = frac <= 1 ? 1 : frac <= 2 ? 2 : frac <= 2.5 ? 2.5 : frac <= 5 ? 5 : 10;
  const step = roundTo(nice * exp);
  // 2.5 is no step for counts (a half-organisation grid line); 25, 250... are.
  return integer && !Number.isInteger(step) ? roundTo(5 * exp) : step;
}

/**
 * Value axis for the data: nice bounds and step with room above the highest value for
 * labels. Starts at 0 for percentages and for positive data that is not far from 0; a
 * percentage axis never goes above 100 (and ends at the first nice tick above the data).
 * `integer` (every value a whole number: a count) makes the step a whole number.
 */
export function niceValueAxis(values: number[], percent: boolean, targetTicks = 6, integer = false): ValueAxis {
  let dataLo = Infinity;
  let dataHi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < dataLo) dataLo = v;
    if (v > dataHi) dataHi = v;
  }
  if (dataLo > dataHi) return percent ? { min: 0, max: 100, step: 20 } : { min: 0, max: 1, step: 0.2 };
  let lo = dataLo;
  let hi = dataHi;
  // A single value (or a flat series) of a non-negative measure reads from 0: an axis of
  // 9.25-11.00 around one count of 10 would suggest a change that is not there.
  const zeroBased = lo >= 0 && (percent || lo === hi || lo <= hi * 0.5);
  if (zeroBased) lo = 0;
  let range = hi - lo;
  if (range === 0) range = Math.abs(hi) || 1;
  hi += range * 0.08;
  if (!zeroBased) lo -= range * 0.06;
  const step = niceStep((hi - lo) / Math.max(1, targetTicks), integer);
  let min = zeroBased ? 0 : roundTo(Math.floor(lo / step) * step);
  let max = roundTo(Math.ceil(hi / step) * step);
  if (percent) {
    if (max > 100) max = 100;
    if (min < 0 && dataLo >= 0) min = 0;
    if (max <= min) max = Math.min(100, min + step);
  }
  return { min, max, step };
}

/** Tick values of a value axis (min, min + step, ..., max), free of float noise. */
export function axisValues(axis: ValueAxis): number[] {
  const out: number[] = [];
  const count = Math.round((axis.max - axis.min) / axis.step);
  for (let i = 0; i <= count; i++) out.push(roundTo(axis.min + i * axis.step));
  if ((out[out.length - 1] ?? axis.min) < axis.max - 1e-9) out.push(axis.max);
  return out;
}

/** Number of decimals needed to write multiples of `step` exactly (2.5 -> 1, 0.25 -> 2, 5 -> 0). */
export function decimalsOfStep(step: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 6;
}

function roundTo(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

// ---------------------------------------------------------------------------------------
// chart.js scales

type ScaleOptions = NonNullable<ChartOptions<'line'>['scales']>[string];

export interface AxisOptions {
  /** Tick values (they also place the grid lines), or how to choose them for the scale's length in pixels. */
  ticks: number[] | ((lengthPx: number) => number[]);
  /** Tick label of a value. */
  format: (value: number) => string;
  /** Whether tick labels are drawn. */
  labels: boolean;
  tickSize: number;
  /** Space between the plot (or tick mark) and the tick labels. */
  tickPadding: number;
  /** Tick marks outside the plot (x only); 0 for none. */
  tickLength: number;
  title?: { text: string; size: number; padding: { top: number; bottom: number } };
  /** Grid lines; none when unset. */
  grid?: { color: string; width: number };
  /** Axis line along the scale (x only). */
  border?: { color: string; width: number };
  /**
   * Fixed thickness of the scale (height of x, width of y) whether or not it shows labels,
   * so that every panel of the small multiples has the same plot area. Unset: chart.js
   * measures the labels.
   */
  thickness?: number;
}

/** Options of a chart.js linear scale from min to max with the given ticks. */
export function linearScaleOptions(axis: 'x' | 'y', min: number, max: number, o: AxisOptions): ScaleOptions {
  const { title, thickness, ticks } = o;
  return {
    type: 'linear',
    axis,
    position: axis === 'x' ? 'bottom' : 'left',
    min,
    max,
    afterBuildTicks: (scale: Scale) => {
      // chart.js has set the scale's length for this pass of its layout.
      const values = typeof ticks === 'function' ? ticks(axis === 'x' ? scale.width : scale.height) : ticks;
      scale.ticks = values.map((value) => ({ value }));
    },
    afterFit:
      thickness === undefined
        ? undefined
        : (scale: Scale) => {
            if (axis === 'x') scale.height = thickness;
            else scale.width = thickness;
            // Labels that stick out at the ends must not shrink the plot area.
            scale.paddingLeft = scale.paddingRight = scale.paddingTop = scale.paddingBottom = 0;
          },
    ticks: {
      display: o.labels,
      callback: (value: number | string) => o.format(Number(value)),
      autoSkip: false,
      maxRotation: 0,
      minRotation: 0,
      color: INK.muted,
      font: { size: o.tickSize },
      padding: o.tickPadding,
    },
    grid: {
      display: o.grid !== undefined,
      color: o.grid?.color,
      lineWidth: o.grid?.width,
      drawTicks: o.tickLength > 0,
      tickLength: o.tickLength,
      tickColor: INK.axis,
      tickWidth: o.grid?.width,
    },
    border: o.border ? { display: true, color: o.border.color, width: o.border.width } : { display: false },
    title: {
      display: !!title && title.text !== '',
      text: title?.text ?? '',
      color: INK.muted,
      font: { size: title?.size ?? o.tickSize, weight: 600 },
      padding: title?.padding ?? 0,
    },
  } as ScaleOptions;
}

/** Image pixel of a data value, from the chart's scales as they are now (while the chart is drawn). */
export function pixelMapper(chart: Chart): (x: number, y: number) => PixelPoint {
  const xs = chart.scales.x;
  const ys = chart.scales.y;
  if (!xs || !ys) throw new Error('chart: no x and y scales');
  return (x, y) => ({ x: xs.getPixelForValue(x), y: ys.getPixelForValue(y) });
}

/**
 * As pixelMapper, for after the chart is drawn: a chart.js instance draws the next chart
 * too, so the mapping reads shallow copies of its scales taken now (chart.js gives a
 * scale new options and pixel bounds on each update, it does not change them in place).
 */
export function keptPixelMapper(
  chart: Chart,
  offset: PixelPoint = { x: 0, y: 0 },
): (x: number, y: number) => PixelPoint {
  const scales = keptScales(chart);
  return (x, y) => ({ x: scales.x(x) + offset.x, y: scales.y(y) + offset.y });
}

/** The chart's x and y scales as they are now (value to pixel), kept for after the chart is drawn (keptPixelMapper). */
export function keptScales(chart: Chart): PanelScales {
  const copy = (s: Scale | undefined): Scale => {
    if (!s) throw new Error('chart: no x and y scales');
    return Object.assign(Object.create(Object.getPrototypeOf(s)), s);
  };
  const xs = copy(chart.scales.x);
  const ys = copy(chart.scales.y);
  return { x: (v) => xs.getPixelForValue(v), y: (v) => ys.getPixelForValue(v) };
}
