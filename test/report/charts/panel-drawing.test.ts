// The small multiples' panels: their data drawn as chart.js would (panel-datasets.ts), their
// axes kept from image to image (panel-axes.ts), their points sent to workers packed
// (job-wire.ts), dense series at 1 px.
import { describe, expect, it } from 'vitest';
import type { Canvas } from '@napi-rs/canvas';
import type { ChartGroup, ChartPoint, SmallMultiplesSpec } from '../../../src/report/charts/chart-spec.js';
import {
  DATASETS_PER_GROUP,
  denseLineWidth,
  groupDatasets,
  setGroupData,
} from '../../../src/report/charts/chart-datasets.js';
import { ChartCanvas, FAST_OPTIONS, type LineOptions } from '../../../src/report/charts/chartjs.js';
import { ensureChartFont } from '../../../src/report/charts/font.js';
import { packSmallMultiples, transferablesOf, unpackSmallMultiples } from '../../../src/report/charts/job-wire.js';
import { markSizes, scaleMarks } from '../../../src/report/charts/marks.js';
import { panelAxes } from '../../../src/report/charts/panel-axes.js';
import { PanelDatasetsDrawer } from '../../../src/report/charts/panel-datasets.js';
import { renderSmallMultiples } from '../../../src/report/charts/render-chart.js';
import { keptScales, linearScaleOptions } from '../../../src/report/charts/scales.js';
import { groupStyle } from '../../../src/report/charts/style.js';

const p = (x: number, y: number): ChartPoint => ({ x, y, label: String(x) });

/** 2010-2015 monthly (dense: 1 px line, markers at the ends), with a jump above the axis (clipped). */
function denseGroup(): ChartGroup {
  const actual = Array.from({ length: 60 }, (_, i) => p(2010 + i / 12, i === 30 ? 140 : 40 + (i % 7) * 3));
  return {
    label: 'Female',
    actual,
    baseline: actual[0],
    targets: [{ ...p(2016, 70), name: 'Target' }],
    expectedPath: [actual[0] as ChartPoint, p(2016, 70)],
    projection: [actual[59] as ChartPoint, p(2016, 55)],
  };
}

/**
 * Four yearly values, each with a marker; one ~5.5 px left of the plot, further out than its
 * size allows (not drawn, as in chart.js) but within the clip.
 */
function sparseGroup(): ChartGroup {
  const actual = [p(2010.5, 20), p(2012.5, 35), p(2014.5, 30), p(2009.12, 10)];
  return { label: 'Male', actual: actual.sort((a, b) => a.x - b.x), targets: [], expectedPath: [p(2011, 20)] };
}

function panelOptions(yearLabels: boolean): LineOptions {
  const axis = { tickSize: 12, tickPadding: 4, tickLength: 0, grid: { color: '#E3E3E3', width: 1 } };
  return {
    ...FAST_OPTIONS,
    layout: { padding: { left: 0, top: 20, right: 14, bottom: 0 }, autoPadding: false },
    scales: {
      x: linearScaleOptions('x', 2009.3, 2016.3, {
        ...axis,
        ticks: [2010, 2015],
        format: String,
        labels: yearLabels,
        thickness: 24,
      }),
      y: linearScaleOptions('y', 0, 100, { ...axis, ticks: [0, 50, 100], format: String, labels: true, thickness: 30 }),
    },
  };
}

describe('the data of a small-multiples panel', () => {
  it('is drawn with the pixels of chart.js drawing the same datasets', () => {
    ensureChartFont();
    const sizes = scaleMarks(markSizes(1), 0.5);
    const styles = [groupStyle(0), groupStyle(1)];
    const datasets = styles.flatMap((st, i) => groupDatasets(st, i, { marks: sizes, dashScale: 0.6, clip: 6 }));
    const groups = [denseGroup(), sparseGroup()];
    styles.forEach((st, i) => {
      setGroupData(datasets, i * DATASETS_PER_GROUP, groups[i], sizes, st);
    });
    const scene = { locale: 'en' as const, background: true };
    const pixels = (canvas: Canvas) => Buffer.from(canvas.getContext('2d').getImageData(0, 0, 260, 180).data);

    // chart.js: the line controller draws the datasets.
    const byChartJs = new ChartCanvas('panel', 260, 180);
    byChartJs.draw({ datasets }, panelOptions(true), scene);
    const expected = pixels(byChartJs.canvas);

    // The same axes without data, then the drawer.
    const axesOnly = new ChartCanvas('panel', 260, 180);
    const chart = axesOnly.draw({ datasets: [] }, panelOptions(true), scene);
    const ctx = axesOnly.canvas.getContext('2d');
    ctx.save();
    new PanelDatasetsDrawer(ctx, datasets).draw(keptScales(chart), chart.chartArea);
    ctx.restore();
    expect(pixels(axesOnly.canvas).equals(expected)).toBe(true);
    // Not a comparison of two blank panels: the dense line is there (blue), and the clipped jump is not.
    const at = (x: number, y: number) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)];
    const scales = keptScales(chart);
    const first = groups[0]?.actual[0] as ChartPoint;
    expect(at(scales.x(first.x), scales.y(first.y))).not.toEqual([255, 255, 255]);
    expect(at(scales.x(2012.5), 2)).toEqual([255, 255, 255]);
    byChartJs.destroy();
    axesOnly.destroy();
  });

  it('draws a dense series 1 px wide when 0.7 of its line is within 0.1 px of that, else 0.7 of it', () => {
    expect(denseLineWidth(1.5)).toBe(1);
    expect(denseLineWidth(1.35)).toBeCloseTo(1, 9); // 0.945
    expect(denseLineWidth(1.25)).toBeCloseTo(0.875, 9);
    expect(denseLineWidth(3)).toBeCloseTo(2.1, 9);
  });
});

describe('the axes of the panels', () => {
  it('are drawn once per kind of panel and kept for the next image with the same key', () => {
    const drawn: string[] = [];
    const panel = new ChartCanvas('panel', 200, 160);
    const drawing = (key: string) => ({
      key,
      canvas: panel.canvas,
      draw: (yearLabels: boolean, valueLabels: boolean) => {
        drawn.push(`${key}:${yearLabels}:${valueLabels}`);
        return panel.draw({ datasets: [] }, panelOptions(yearLabels), { locale: 'en', background: false });
      },
    });
    const a = panelAxes(drawing('test-a'));
    a.canvas(false, true);
    a.canvas(false, true);
    a.canvas(true, true);
    const again = panelAxes(drawing('test-a'));
    expect(again).toBe(a);
    again.canvas(false, true);
    panelAxes(drawing('test-b'));
    // The kind with both labels first (it gives the plot area and scales), then each other kind once.
    expect(drawn).toEqual(['test-a:true:true', 'test-a:false:true', 'test-b:true:true']);
    // A kept kind holds what chart.js drew for it, not what the panel canvas drew since.
    const kept = Buffer.from(a.canvas(true, true).getContext('2d').getImageData(0, 0, 200, 160).data);
    panel.draw({ datasets: [] }, panelOptions(true), { locale: 'en', background: false });
    const fresh = Buffer.from(panel.canvas.getContext('2d').getImageData(0, 0, 200, 160).data);
    expect(kept.equals(fresh)).toBe(true);
    panel.destroy();
  });
});

describe('a small-multiples job sent to a worker', () => {
  const spec = (): SmallMultiplesSpec => ({
    title: 'Stunting by district and sex',
    unitLabel: '%',
    footnotes: ['Source: illustrative data.'],
    locale: 'es',
    percent: true,
    groupLabels: ['Female', 'Male'],
    panels: [
      { title: 'North', groups: [denseGroup(), sparseGroup()] },
      { title: 'South', groups: [{ label: 'Female', actual: [p(2011, Number.NaN), p(2012, 33)], targets: [] }] },
    ],
  });

  it('carries every coordinate, path and baseline, packed in two typed arrays', () => {
    const packed = packSmallMultiples(spec());
    expect(transferablesOf({ kind: 'small-multiples', packed })).toHaveLength(2);
    const back = unpackSmallMultiples(packed);
    const xy = (g: ChartGroup | undefined) => ({
      actual: g?.actual.map((q) => [q.x, q.y]),
      targets: g?.targets.map((q) => [q.x, q.y]),
      baseline: g?.baseline && [g.baseline.x, g.baseline.y],
      expectedPath: g?.expectedPath?.map((q) => [q.x, q.y]),
      projection: g?.projection?.map((q) => [q.x, q.y]),
    });
    const original = spec();
    expect(back.panels.map((panel) => panel.title)).toEqual(['North', 'South']);
    for (const [i, panel] of original.panels.entries()) {
      expect(back.panels[i]?.groups.map((g) => g.label)).toEqual(panel.groups.map((g) => g.label));
      expect(back.panels[i]?.groups.map(xy)).toEqual(panel.groups.map(xy));
    }
    // No path and an empty path stay apart; so does the rest of the spec.
    expect(back.panels[1]?.groups[0]?.expectedPath).toBeUndefined();
    expect(back.panels[0]?.groups[1]?.projection).toBeUndefined();
    expect({ ...back, panels: [] }).toEqual({ ...original, panels: [] });
  });

  it('renders the same bytes as the spec it was packed from', async () => {
    const png = await renderSmallMultiples(unpackSmallMultiples(packSmallMultiples(spec())));
    expect(png.equals(await renderSmallMultiples(spec()))).toBe(true);
  });
});
