// The frame of the small multiples: a chart.js chart with no data ('frame' in chartjs.ts).
// chart.js lays out the title block, the legend, the footnotes and the two axis titles the
// panels share, as on the trajectory chart, and its plot area is where the panels go.

import { DEFAULT_ROLE_LABELS, DEFAULT_TIME_LABEL, type SmallMultiplesSpec } from './chart-spec.js';
import { FAST_OPTIONS, type ChartCanvas, type LineOptions } from './chartjs.js';
import { fontString } from './font.js';
import { type Area, footnotesBlock, titleOptions } from './layout.js';
import { legendBlock, legendItems } from './legend.js';
import { markSizes, scaleMarks } from './marks.js';
import { linearScaleOptions } from './scales.js';
import { groupStyle } from './style.js';
import { textWidth, truncateText } from './text.js';

export interface FrameSizes {
  title: number;
  subtitle: number;
  legend: number;
  axisTitle: number;
  footnote: number;
  tick: number;
}

/**
 * Draws the frame chart (background, title block, legend, footnotes, shared axis titles)
 * and returns its plot area. The value-axis title is cut to the height chart.js leaves it.
 */
export function drawFrame(
  frame: ChartCanvas,
  spec: SmallMultiplesSpec,
  width: number,
  s: number,
  f: FrameSizes,
  xTickH: number,
  groupLabels: string[],
  allGroups: SmallMultiplesSpec['panels'][number]['groups'],
): Area {
  const ctx = frame.canvas.getContext('2d');
  const margin = 30 * s;
  const groupCount = Math.max(1, groupLabels.length);
  const legend = legendItems({
    groups: allGroups,
    entries: Array.from({ length: groupCount }, (_, i) => ({ label: groupLabels[i] ?? '', style: groupStyle(i) })),
    roles: spec.roleLabels ?? DEFAULT_ROLE_LABELS[spec.locale],
    marks: scaleMarks(markSizes(s), 0.85),
    expectedDashScale: 0.8,
    s,
  });
  const plugins = titleOptions(ctx, spec.title, spec.subtitle, width - 2 * margin, {
    title: f.title,
    subtitle: f.subtitle,
    gap: 6 * s,
  });
  const axisTitle = (axis: 'x' | 'y', text: string, padding: { top: number; bottom: number }) =>
    linearScaleOptions(axis, 0, 1, {
      ticks: [],
      format: String,
      labels: false,
      tickSize: f.tick,
      tickPadding: 0,
      tickLength: 0,
      title: { text, size: f.axisTitle, padding },
    });
  const options = (unitLabel: string): LineOptions => ({
    ...FAST_OPTIONS,
    layout: { padding: { top: margin * 0.75, bottom: margin * 0.6, left: margin, right: margin }, autoPadding: false },
    plugins,
    scales: {
      // Below the panels' year labels; beside their value labels.
      x: axisTitle('x', spec.axisTimeLabel ?? DEFAULT_TIME_LABEL[spec.locale], {
        top: xTickH + 2 * s,
        bottom: 0.3 * f.axisTitle,
      }),
      y: axisTitle('y', unitLabel, { top: 0, bottom: 0.2 * f.axisTitle + 6 * s }),
    },
  });
  const scene = {
    locale: spec.locale,
    background: true,
    legend: legendBlock(legend, f.legend, s, { top: 12 * s, bottom: 10 * s }),
    footnotes: footnotesBlock(spec.footnotes, f.footnote, 12 * s),
  };
  let chart = frame.draw({ datasets: [] }, options(spec.unitLabel), scene);
  ctx.font = fontString(f.axisTitle, 600);
  const room = chart.chartArea.bottom - chart.chartArea.top;
  if (textWidth(ctx, spec.unitLabel) > room)
    chart = frame.draw({ datasets: [] }, options(truncateText(ctx, spec.unitLabel, room)), scene);
  const { left, top, right, bottom } = chart.chartArea;
  return { left, top, right, bottom };
}

/** Legend names of the groups: `groupLabels`, else the labels the panels give their groups. */
export function panelGroupLabels(spec: SmallMultiplesSpec, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const given = spec.groupLabels?.[i];
    if (given !== undefined && given.trim() !== '') return given;
    const fromPanel = spec.panels.map((p) => p.groups[i]?.label).find((label) => label && label.trim() !== '');
    return fromPanel ?? '';
  });
}
