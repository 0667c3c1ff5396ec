import { describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import type { ChartPoint, ChartSpec, SmallMultiplesSpec } from '../../../src/report/charts/chart-spec.js';
import {
  chooseGrid,
  niceValueAxis,
  renderSmallMultiples,
  renderSmallMultiplesWithLayout,
  renderTrajectoryChart,
  renderTrajectoryChartWithLayout,
  timeRange,
  yearTicks,
  yearTicksForWidth,
} from '../../../src/report/charts/render-chart.js';
import { dropChartCanvases } from '../../../src/report/charts/chartjs.js';
import { FONT_FAMILY, ensureChartFont, fontString } from '../../../src/report/charts/font.js';
import type { ChartJob, WorkerReply, WorkerRequest } from '../../../src/report/charts/render-pool.js';
import { distModule } from '../../dist.js';
import { crc32, startPngEncode, tableCrc32 } from '../../../src/report/charts/png.js';
import { formatNumber } from '../../../src/messages/format-number.js';
import { groupStyle } from '../../../src/report/charts/style.js';
import { formatYear, targetLabelText } from '../../../src/report/charts/text.js';
import { trajectoryAnnotations } from '../../../src/report/charts/annotations.js';
import { DEFAULT_ROLE_LABELS } from '../../../src/report/charts/chart-spec.js';
import { legendItems } from '../../../src/report/charts/legend.js';
import { markSizes } from '../../../src/report/charts/marks.js';

const p = (x: number, y: number, label = String(Math.floor(x))): ChartPoint => ({ x, y, label });

/** Peru stunting, national and rural, survey rounds at their midpoints. */
function peruSpec(locale: 'en' | 'es' = 'en'): ChartSpec {
  return {
    title: 'Peru: stunting in children under 5, 2000–2023',
    subtitle: 'National and rural',
    unitLabel: '% of children under 5',
    footnotes: ['Source: INEI, ENDES 2000–2023.'],
    locale,
    axisTimeLabel: locale === 'es' ? 'Año' : 'Year',
    roleLabels: {
      actual: 'Actual',
      baseline: 'Baseline',
      target: 'Target',
      expected: 'Expected path',
      projection: 'Projection',
    },
    percent: true,
    groups: [
      {
        label: 'National',
        actual: [
          p(2000.5, 31.0),
          p(2008.0, 28.5, '2007-2008'),
          p(2010.5, 23.2),
          p(2013.5, 17.5),
          p(2016.5, 13.1),
          p(2019.5, 12.2),
          p(2023.5, 11.5),
        ],
        baseline: p(2006.5, 29.5),
        targets: [{ ...p(2011.5, 24.5), name: 'Target 2011' }],
        expectedPath: [p(2006.5, 29.5), p(2011.5, 24.5)],
      },
      {
        label: 'Rural',
        actual: [
          p(2008.0, 46.3, '2007-2008'),
          p(2010.5, 38.8),
          p(2013.5, 32.3),
          p(2016.5, 26.5),
          p(2019.5, 24.5),
          p(2023.5, 22.9),
        ],
        baseline: p(2008.0, 46.3, '2007-2008'),
        targets: [{ ...p(2026.5, 15.0), name: 'Target 2026' }],
        expectedPath: [p(2008.0, 46.3), p(2026.5, 15.0)],
        projection: [p(2023.5, 22.9), p(2026.5, 21.4)],
      },
    ],
  };
}

/**
 * Districts with Female and Male in each panel: flat lines at 60 - i and 40 - i, over
 * `points` points 2010.5..2020.5.
 */
function bySexSpec(n: number, points: number): SmallMultiplesSpec {
  const series = (y: number) =>
    Array.from({ length: points }, (_, k) => p(2010.5 + (10 * k) / Math.max(1, points - 1), y, `P${k}`));
  return {
    title: 'Stunting by district and sex',
    unitLabel: '% of children under 5',
    footnotes: ['Source: illustrative data.'],
    locale: 'en',
    percent: true,
    groupLabels: ['Female', 'Male'],
    panels: Array.from({ length: n }, (_, i) => ({
      title: `District ${i + 1}`,
      groups: [60 - i, 40 - i].map((y, g) => {
        const actual = series(y);
        return {
          label: g === 0 ? 'Female' : 'Male',
          actual,
          baseline: actual[0],
          targets: [{ ...p(2022.5, y - 10), name: 'Target 2022' }],
          expectedPath: [actual[0]!, p(2022.5, y - 10)],
        };
      }),
    })),
  };
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function decode(png: Buffer) {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return (x: number, y: number): [number, number, number] => {
    const d = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
    return [d[0]!, d[1]!, d[2]!];
  };
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function expectColour(actual: [number, number, number], expected: [number, number, number], tolerance = 3): void {
  const diff = Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)));
  expect(diff, `rgb(${actual.join(',')}) vs rgb(${expected.join(',')})`).toBeLessThanOrEqual(tolerance);
}

describe('renderTrajectoryChart', () => {
  it('writes a 1600 x 900 PNG', async () => {
    const png = await renderTrajectoryChart(peruSpec());
    expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
  });

  it('honours width and height of the spec', async () => {
    const png = await renderTrajectoryChart({ ...peruSpec(), width: 800, height: 450 });
    expect(pngSize(png)).toEqual({ width: 800, height: 450 });
  });

  it('gives identical bytes for the same spec', async () => {
    const a = await renderTrajectoryChart(peruSpec());
    await renderTrajectoryChart(peruSpec('es')); // something else in between
    const b = await renderTrajectoryChart(peruSpec());
    expect(b.equals(a)).toBe(true);
  });

  it('gives the same bytes whatever its chart.js instance drew before, and as a new instance', async () => {
    const a = await renderTrajectoryChart(peruSpec());
    // More datasets, then fewer, on the same kept instance.
    await renderTrajectoryChart({
      ...peruSpec(),
      groups: [...peruSpec().groups, ...peruSpec('es').groups.map((g) => ({ ...g, label: `${g.label} 2` }))],
    });
    await renderTrajectoryChart({ ...peruSpec(), groups: [peruSpec().groups[1]!], footnotes: [] });
    expect((await renderTrajectoryChart(peruSpec())).equals(a)).toBe(true);
    dropChartCanvases();
    expect((await renderTrajectoryChart(peruSpec())).equals(a)).toBe(true);
  });

  it('keeps its chart.js instance for the next chart of the same size', async () => {
    await renderTrajectoryChart(peruSpec());
    const count = Object.keys(Chart.instances).length;
    await renderTrajectoryChart(peruSpec('es'));
    await renderTrajectoryChart({ ...peruSpec(), title: 'Another indicator' });
    expect(Object.keys(Chart.instances).length).toBe(count);
  });

  it('draws each group in its colour where its data points are, on a white background', async () => {
    const spec = peruSpec();
    const layout = await renderTrajectoryChartWithLayout(spec);
    const pixel = await decode(layout.png);
    expectColour(pixel(2, 2), [255, 255, 255], 0);
    expectColour(pixel(1597, 897), [255, 255, 255], 0);

    // Points not covered by a label or another marker: National 2013.5 and Rural 2019.5.
    const national = layout.pixelOf(2013.5, 17.5);
    const rural = layout.pixelOf(2019.5, 24.5);
    for (const [pt, colour] of [
      [national, groupStyle(0).color],
      [rural, groupStyle(1).color],
    ] as const) {
      expect(pt.x).toBeGreaterThan(layout.chartArea.left);
      expect(pt.x).toBeLessThan(layout.chartArea.right);
      for (const [dx, dy] of [
        [0, 0],
        [-2, 0],
        [2, 0],
        [0, -2],
        [0, 2],
      ] as const) {
        expectColour(pixel(pt.x + dx, pt.y + dy), rgb(colour));
      }
    }
    // An empty stretch of the plot (high up, early years) is white.
    const empty = layout.pixelOf(2003, 55);
    expectColour(pixel(empty.x, empty.y), [255, 255, 255], 0);
  });

  it('uses a linear time axis with whole-year ticks covering every point', async () => {
    const layout = await renderTrajectoryChartWithLayout(peruSpec());
    expect(layout.xRange.min).toBeLessThan(2000.5);
    expect(layout.xRange.max).toBeGreaterThan(2026.5);
    expect(layout.xTicks.length).toBeLessThanOrEqual(13);
    expect(layout.xTicks.every(Number.isInteger)).toBe(true);
    // Proportional to time: 2011 -> 2016 is as wide as 2016 -> 2021.
    const w1 = layout.pixelOf(2016, 0).x - layout.pixelOf(2011, 0).x;
    const w2 = layout.pixelOf(2021, 0).x - layout.pixelOf(2016, 0).x;
    expect(Math.abs(w1 - w2)).toBeLessThan(1e-6);
    // Percentages: from 0 to a nice maximum no higher than 100.
    expect(layout.yAxis.min).toBe(0);
    expect(layout.yAxis.max).toBeGreaterThan(46.3);
    expect(layout.yAxis.max).toBeLessThanOrEqual(100);
  });
});

describe('renderSmallMultiples', () => {
  it('draws 12 panels on one 1600 x 900 image with the panel colour at data points', async () => {
    const panels: SmallMultiplesSpec['panels'] = Array.from({ length: 12 }, (_, i) => {
      const start = 30 + i;
      const actual = [2008.5, 2012.5, 2016.5, 2020.5].map((x, k) => p(x, start - 4 * k));
      return {
        title: `District ${i + 1}`,
        groups: [
          {
            label: `District ${i + 1}`,
            actual,
            baseline: actual[0],
            targets: [{ ...p(2021.5, start - 15), name: 'Target 2021' }],
            expectedPath: [actual[0]!, p(2021.5, start - 15)],
          },
        ],
      };
    });
    const spec: SmallMultiplesSpec = {
      title: 'Stunting by district',
      unitLabel: '% of children under 5',
      footnotes: ['Source: illustrative data.'],
      locale: 'es',
      panels,
      percent: true,
    };
    const layout = await renderSmallMultiplesWithLayout(spec);
    expect(pngSize(layout.png)).toEqual({ width: 1600, height: 900 });
    expect(layout.panels).toHaveLength(12);
    expect(layout.rows * layout.cols).toBeGreaterThanOrEqual(12);
    const pixel = await decode(layout.png);
    expectColour(pixel(1, 1), [255, 255, 255], 0);
    for (const i of [0, 5, 11]) {
      const pt = layout.panels[i]!.pixelOf(2016.5, 30 + i - 8);
      expectColour(pixel(pt.x, pt.y), rgb(groupStyle(0).color));
    }
    const again = await renderSmallMultiplesWithLayout(spec);
    expect(again.png.equals(layout.png)).toBe(true);
  });

  it('draws several groups a panel, each in its own style, named in the shared legend', async () => {
    const spec = bySexSpec(10, 4);
    const layout = await renderSmallMultiplesWithLayout(spec);
    expect(layout.groupLabels).toEqual(['Female', 'Male']);
    expect(layout.panels).toHaveLength(10);
    const pixel = await decode(layout.png);
    // Groups are 20 points apart: each group's marker in its own colour (as on the trajectory chart).
    const x = spec.panels[0]!.groups[0]!.actual[2]!.x;
    for (const i of [0, 4, 9]) {
      const female = layout.panels[i]!.pixelOf(x, 60 - i);
      const male = layout.panels[i]!.pixelOf(x, 40 - i);
      expectColour(pixel(female.x, female.y), rgb(groupStyle(0).color));
      expectColour(pixel(male.x, male.y), rgb(groupStyle(1).color));
    }
    // The same spec gives the same bytes, also after another chart.
    await renderSmallMultiplesWithLayout(bySexSpec(3, 4));
    const again = await renderSmallMultiplesWithLayout(spec);
    expect(again.png.equals(layout.png)).toBe(true);
  });

  it('names the groups from the panels when groupLabels is missing, and copes with empty groups', async () => {
    const spec = bySexSpec(6, 4);
    delete spec.groupLabels;
    spec.panels[2]!.groups[1] = { label: 'Male', actual: [], targets: [] };
    const layout = await renderSmallMultiplesWithLayout(spec);
    expect(layout.groupLabels).toEqual(['Female', 'Male']);
    const pixel = await decode(layout.png);
    const male = layout.panels[2]!.pixelOf(spec.panels[0]!.groups[0]!.actual[2]!.x, 38);
    expectColour(pixel(male.x, male.y), [255, 255, 255], 40); // nothing drawn for the empty group
  });

  it('draws every panel of an image with one chart.js instance, kept for the next image', async () => {
    dropChartCanvases();
    const sizes = () => Object.values(Chart.instances).map((c) => `${c.width}x${c.height}`);
    const before = Object.keys(Chart.instances).length;
    await renderSmallMultiples(bySexSpec(12, 8));
    const after = Object.keys(Chart.instances).length;
    // One instance for the 12 panels, one for the frame around them (title, legend, axis titles: the image's size).
    expect(after - before).toBe(2);
    expect(sizes().filter((s) => s === '1600x900')).toHaveLength(1);
    await renderSmallMultiples({ ...bySexSpec(12, 8), title: 'Another indicator by district and sex' });
    expect(Object.keys(Chart.instances).length).toBe(after);
  });

  it('gives the same bytes whatever its panel chart drew before, and as a new instance', async () => {
    const spec = bySexSpec(9, 8);
    const a = await renderSmallMultiples(spec);
    await renderSmallMultiples(bySexSpec(9, 60)); // same panel size, other data
    const oneGroup = bySexSpec(9, 8);
    oneGroup.panels = oneGroup.panels.map((p) => ({ ...p, groups: p.groups.slice(0, 1) }));
    await renderSmallMultiples(oneGroup);
    expect((await renderSmallMultiples(spec)).equals(a)).toBe(true);
    dropChartCanvases();
    expect((await renderSmallMultiples(spec)).equals(a)).toBe(true);
  });

  it('spaces the year labels of a panel by its width, half a label apart at least', async () => {
    // 50 panels over 12 years: ~125 px a panel, ~10 px a year, labels ~32 px wide.
    const layout = await renderSmallMultiplesWithLayout(bySexSpec(50, 60));
    ensureChartFont();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = fontString(13);
    const labelW = ctx.measureText('2000').width;
    const panel = layout.panels[0]!;
    const xs = layout.xTicks.map((t) => panel.pixelOf(t, 0).x);
    expect(xs.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(1.5 * labelW);
    // Every label lies within its panel, give or take part of the gap between panels.
    expect(xs[0]! - labelW / 2).toBeGreaterThan(panel.plot.x - 10);
    expect(xs.at(-1)! + labelW / 2).toBeLessThan(panel.plot.x + panel.plot.w + 10);
  });

  it('draws at a smaller size', async () => {
    const layout = await renderSmallMultiplesWithLayout({ ...bySexSpec(8, 12), width: 800, height: 450 });
    expect(pngSize(layout.png)).toEqual({ width: 800, height: 450 });
    const pixel = await decode(layout.png);
    const x = 2010.5 + (10 * 6) / 11;
    const female = layout.panels[3]!.pixelOf(x, 57);
    expectColour(pixel(female.x, female.y), rgb(groupStyle(0).color), 60);
  });

  it('draws a long series as a thin line with markers at its ends only', async () => {
    const spec = bySexSpec(4, 60);
    const layout = await renderSmallMultiplesWithLayout(spec);
    const pixel = await decode(layout.png);
    const panel = layout.panels[1]!;
    const months = spec.panels[1]!.groups[0]!.actual;
    const last = months.at(-1)!;
    const mid = months[30]!;
    const lastPx = panel.pixelOf(last.x, last.y);
    const midPx = panel.pixelOf(mid.x, mid.y);
    // A marker a few pixels above the last point, not above a middle one (the line is ~1.5 px).
    expectColour(pixel(lastPx.x, lastPx.y - 2), rgb(groupStyle(0).color), 40);
    expectColour(pixel(midPx.x, midPx.y - 3), [255, 255, 255], 40);
  });
});

describe('renderChartsInPool, as built in dist/', () => {
  // The pool as users run it: the built module and its worker script, dist/report/charts/render-worker.js.
  const loadPool = async () =>
    (await import(
      distModule('report/charts/render-pool.ts')
    )) as typeof import('../../../src/report/charts/render-pool.js');

  it('renders on worker threads the same bytes as on the calling thread, in order, with progress', async () => {
    const { renderChartsInPool, workerLaunch } = await loadPool();
    expect(workerLaunch()?.entry.pathname.endsWith('/dist/report/charts/render-worker.js')).toBe(true);
    const jobs: ChartJob[] = [
      { kind: 'trajectory', spec: peruSpec() },
      { kind: 'small-multiples', spec: bySexSpec(6, 8) },
      { kind: 'trajectory', spec: peruSpec('es') },
      { kind: 'small-multiples', spec: bySexSpec(3, 60) },
      { kind: 'trajectory', spec: { ...peruSpec(), width: 800, height: 450 } },
    ];
    const progress: [number, number][] = [];
    const problems: string[] = [];
    const pngs = await renderChartsInPool(jobs, (done, total) => progress.push([done, total]), {
      workers: 2,
      minJobsForWorkers: 1,
      log: (m) => problems.push(m),
    });
    expect(problems).toEqual([]);
    expect(progress).toEqual([1, 2, 3, 4, 5].map((d) => [d, 5]));
    expect(pngs).toHaveLength(5);
    expect(pngs[0]!.equals(await renderTrajectoryChart(peruSpec()))).toBe(true);
    expect(pngs[1]!.equals(await renderSmallMultiples(bySexSpec(6, 8)))).toBe(true);
    expect(pngs[3]!.equals(await renderSmallMultiples(bySexSpec(3, 60)))).toBe(true);
    expect(pngSize(pngs[4]!)).toEqual({ width: 800, height: 450 });
  });

  it('hands out workers warmed before the charts were planned, and stops those nobody took', async () => {
    const warm = (await import(
      distModule('report/charts/warm-workers.ts')
    )) as typeof import('../../../src/report/charts/warm-workers.js');
    const { renderChartsInPool } = await loadPool();
    warm.warmChartWorkers(2);
    // A warm worker renders the same bytes as the calling thread.
    const worker = warm.takeWarmWorker();
    expect(worker).toBeDefined();
    const reply = new Promise<WorkerReply>((resolve) => worker!.once('message', resolve));
    worker!.postMessage({ id: 7, job: { kind: 'trajectory', spec: peruSpec('es') } } satisfies WorkerRequest);
    const { id, png } = await reply;
    await worker!.terminate();
    expect(id).toBe(7);
    expect(Buffer.from(png!).equals(await renderTrajectoryChart(peruSpec('es')))).toBe(true);
    // The other one is stopped when the charts are rendered (here too few for workers).
    await renderChartsInPool([{ kind: 'trajectory', spec: peruSpec() }], () => {});
    expect(warm.takeWarmWorker()).toBeUndefined();
  });

  it('rejects with the error of a chart that cannot be drawn', async () => {
    const { renderChartsInPool } = await loadPool();
    const bad = { ...peruSpec(), groups: null } as unknown as ChartSpec;
    const jobs: ChartJob[] = [
      { kind: 'trajectory', spec: peruSpec() },
      { kind: 'trajectory', spec: bad },
    ];
    await expect(renderChartsInPool(jobs, () => {}, { workers: 2, minJobsForWorkers: 1 })).rejects.toThrow();
    await expect(renderChartsInPool(jobs, () => {}, { workers: 1 })).rejects.toThrow();
  });

  it('says the build is broken when the worker script is missing, and has no worker from source', async () => {
    const { workerLaunch } = await loadPool();
    expect(() => workerLaunch('file:///nowhere/report/charts/render-pool.js')).toThrow(/chart worker .* is missing/);
    expect(workerLaunch('file:///src/report/charts/render-pool.ts')).toBeUndefined();
  });
});

describe('PNG encoding', () => {
  async function pixelsOf(png: Buffer, w: number, h: number) {
    const img = await loadImage(png);
    const c = createCanvas(w, h);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return ctx.getImageData(0, 0, w, h).data;
  }

  it('writes the exact pixels of an opaque canvas, and lets Skia encode one with transparency', async () => {
    const c = createCanvas(37, 23);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 37, 23);
    ctx.fillStyle = '#0072B2';
    ctx.fillRect(3, 2, 11, 7);
    ctx.strokeStyle = '#D55E00';
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(0, 22);
    ctx.lineTo(36, 1);
    ctx.stroke();
    const expected = ctx.getImageData(0, 0, 37, 23).data;
    const png = await startPngEncode(c);
    expect(pngSize(png)).toEqual({ width: 37, height: 23 });
    expect(png.readUInt8(25)).toBe(2); // colour type RGB: our encoder, not Skia's
    expect(Buffer.from(await pixelsOf(png, 37, 23)).equals(Buffer.from(expected))).toBe(true);

    const t = createCanvas(5, 4);
    t.getContext('2d').fillRect(0, 0, 2, 2); // the rest stays transparent
    const tpng = await startPngEncode(t);
    expect(pngSize(tpng)).toEqual({ width: 5, height: 4 });
    expect(png.subarray(0, 8).equals(tpng.subarray(0, 8))).toBe(true);
  });

  it('computes the CRC-32 of PNG chunks', () => {
    for (const crc of [crc32, tableCrc32]) {
      expect(crc(Buffer.from('IEND', 'latin1'))).toBe(0xae426082);
      expect(crc(Buffer.from('123456789', 'latin1'))).toBe(0xcbf43926);
    }
  });
});

describe('labels and scales', () => {
  it('writes numbers by locale: Spanish decimal comma', () => {
    expect(formatNumber(29.5, 'es')).toBe('29,5');
    expect(formatNumber(29.5, 'en')).toBe('29.5');
    expect(formatNumber(30, 'es')).toBe('30');
    expect(formatNumber(2.5, 'es', { decimals: 1 })).toBe('2,5');
    expect(formatNumber(10, 'es', { decimals: 1 })).toBe('10,0');
    expect(formatNumber(12345.67, 'es')).toBe('12.345,7');
    expect(formatNumber(1234.5, 'es')).toBe('1234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(-0.04, 'es')).toBe('0');
    expect(formatNumber(-3.25, 'es', { maxDecimals: 2 })).toBe('-3,25');
    expect(formatYear(2011)).toBe('2011');
  });

  it('writes target labels with the value in the locale', () => {
    expect(targetLabelText('Meta 2011', 24.5, 'es')).toBe('Meta 2011: 24,5');
    expect(targetLabelText('Meta 2011: 24.5', 24.5, 'es')).toBe('Meta 2011: 24,5');
    expect(targetLabelText('Meta 2011: 24,5', 24.5, 'es')).toBe('Meta 2011: 24,5');
    expect(targetLabelText('Target 2011: 24.5', 24.5, 'en')).toBe('Target 2011: 24.5');
    expect(targetLabelText('Target 2011', 1500, 'en')).toBe('Target 2011: 1,500');
    expect(targetLabelText('Target 2011: 1500', 1500, 'en')).toBe('Target 2011: 1,500');
  });

  it('picks year ticks, value axes and grids', () => {
    expect(yearTicks(2010.8, 2017.2).ticks).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017]);
    // 125 px for 6.7 years, labels 30 px wide and 15 px apart: every 5 years, not every 2.
    expect(yearTicksForWidth(2018.9, 2025.6, 125, 30, 15).ticks).toEqual([2020, 2025]);
    expect(yearTicksForWidth(2000, 2024, 1400, 40, 12).ticks).toEqual(yearTicks(2000, 2024).ticks);
    const long = yearTicks(1990, 2030);
    expect(long.ticks.length).toBeLessThanOrEqual(13);
    expect(long.ticks[0]).toBe(1990);
    const r = timeRange([2011.5, 2016.5]);
    expect(r.min).toBeLessThan(2011.5);
    expect(r.max).toBeGreaterThan(2016.5);
    expect(niceValueAxis([12, 98.5], true).max).toBe(100);
    expect(niceValueAxis([12, 46.3], true)).toEqual({ min: 0, max: 60, step: 10 });
    expect(niceValueAxis([70, 76], false).min).toBeGreaterThan(0);
    expect(chooseGrid(12, 1450, 650, 20, 16, 24)).toEqual({ rows: 3, cols: 4 });
    const g50 = chooseGrid(50, 1450, 650, 20, 16, 24);
    expect(g50.rows * g50.cols).toBeGreaterThanOrEqual(50);
  });

  it('registers the font once and idempotently', () => {
    const a = ensureChartFont();
    const b = ensureChartFont();
    expect(a).toBe(b);
    expect(a.startsWith(FONT_FAMILY)).toBe(true);
  });
});

describe('value axis of a single count', () => {
  it('starts at 0, so one value of 10 is not drawn as a change', async () => {
    const { niceValueAxis } = await import('../../../src/report/charts/scales.js');
    const axis = niceValueAxis([10], false);
    expect(axis.min).toBe(0);
    expect(axis.max).toBeGreaterThan(10);
  });
});

describe('counts, labels and the legend', () => {
  /** GE-ALLIANCE-MEMBERS: 40 organisations in the DCG (2011), 29 in GAARD (2017), each its own baseline. */
  function allianceSpec(): ChartSpec {
    const group = (label: string, x: number, y: number) => ({
      label,
      actual: [p(x, y)],
      baseline: p(x, y),
      targets: [],
    });
    return {
      ...peruSpec(),
      title: "Member organisations of Georgia's agriculture alliance",
      unitLabel: 'organisations',
      percent: false,
      groups: [group('DCG', 2011.5, 40), group('GAARD', 2017.5, 29)],
    };
  }

  it('draws a count on whole-number ticks: 25 to 45 by 5, not 27.5 to 42.5 by 2.5', async () => {
    expect(niceValueAxis([40, 29], false, 6, true)).toEqual({ min: 25, max: 45, step: 5 });
    expect(niceValueAxis([40, 29], false, 6)).toEqual({ min: 27.5, max: 42.5, step: 2.5 });
    expect(niceValueAxis([1, 2, 3], false, 6, true)).toEqual({ min: 0, max: 4, step: 1 });
    const layout = await renderTrajectoryChartWithLayout(allianceSpec());
    expect(layout.yAxis).toEqual({ min: 25, max: 45, step: 5 });
    // Values with decimals keep fractional steps.
    const shares = allianceSpec();
    shares.groups[0]!.actual = [p(2011.5, 40.5)];
    expect((await renderTrajectoryChartWithLayout(shares)).yAxis.step).toBe(2.5);
  });

  it("maps data to pixels with chart.js' scales, still right after the instance draws another chart", async () => {
    const layout = await renderTrajectoryChartWithLayout(peruSpec());
    const before = [layout.pixelOf(2011.5, 24.5), layout.pixelOf(2000, 0)];
    await renderTrajectoryChartWithLayout(allianceSpec());
    expect([layout.pixelOf(2011.5, 24.5), layout.pixelOf(2000, 0)]).toEqual(before);
    // 0 % lies on the bottom of the plot; 2000 is xRange.min's distance from the left edge.
    const a = layout.chartArea;
    expect(before[1]!.y).toBeCloseTo(a.bottom, 6);
    const fraction = (2000 - layout.xRange.min) / (layout.xRange.max - layout.xRange.min);
    expect(before[1]!.x).toBeCloseTo(a.left + fraction * (a.right - a.left), 6);
  });

  it('labels targets, baselines and latest values with the indicator decimals, in the language of the chart', () => {
    ensureChartFont();
    const ctx = createCanvas(1600, 900).getContext('2d');
    const area = { left: 100, top: 100, right: 1500, bottom: 800 };
    const pixelOf = (x: number, y: number) => ({ x: 100 + (x - 2000) * 50, y: 800 - y * 10 });
    const texts = (locale: 'en' | 'es', decimals: number) =>
      trajectoryAnnotations(
        ctx,
        area,
        pixelOf,
        { width: 1600, height: 900 },
        peruSpec(locale).groups.slice(0, 1),
        { ...peruSpec(locale), roleLabels: locale === 'es' ? DEFAULT_ROLE_LABELS.es : DEFAULT_ROLE_LABELS.en },
        decimals,
        1,
      )
        .map((l) => l.text)
        .sort();
    expect(texts('en', 1)).toEqual(['2023: 11.5', 'Baseline 2006: 29.5', 'Target 2011: 24.5']);
    expect(texts('es', 2)).toEqual(['2023: 11,50', 'Línea de base 2006: 29,50', 'Target 2011: 24,50']);
  });

  it('builds one legend for both kinds of chart: groups, then the roles they have', () => {
    const groups = peruSpec().groups;
    const common = { roles: DEFAULT_ROLE_LABELS.en, marks: markSizes(1), expectedDashScale: 1, s: 1 };
    const single = legendItems({
      ...common,
      groups: [groups[1]!],
      entries: [{ label: 'Rural', style: groupStyle(0) }],
      singleGroupName: 'Rural',
    });
    expect(single.map((i) => i.label)).toEqual(['Actual (Rural)', 'Baseline', 'Target', 'Expected path', 'Projection']);
    // The observed values' key shows a line with the marker on it, in the group's colour.
    expect(single[0]).toMatchObject({ color: groupStyle(0).color, line: { dash: [] }, marker: { kind: 'point' } });
    const multi = legendItems({
      ...common,
      groups,
      entries: groups.map((g, i) => ({ label: g.label, style: groupStyle(i) })),
    });
    expect(multi.map((i) => i.label)).toEqual([
      'National',
      'Rural',
      'Actual',
      'Baseline',
      'Target',
      'Expected path',
      'Projection',
    ]);
    expect(multi[1]).toMatchObject({ color: groupStyle(1).color, marker: { kind: 'point', style: 'rect' } });
    expect(multi[2]).toMatchObject({ color: '#4D4D4D', gapBefore: 36 });
    expect(multi[2]!.marker).toBeUndefined();
  });
});
