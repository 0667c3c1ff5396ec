// What the trajectory chart labels, next to its marks: each target ("Target 2011: 24.5"),
// each baseline ("Baseline 2006: 29.5") and each group's latest value ("2023: 11.5"),
// in the group's colour. Placing them clear of each other, of the markers and of the
// lines is labels.ts' (chart.js' data labels would put each at a fixed offset from its
// point, over whatever is there).

import { formatNumber } from '../../messages/format-number.js';
import type { ChartGroup, ChartPoint, ChartSpec } from './chart-spec.js';
import { markedPoints } from './chart-datasets.js';
import { placeLabels, type LabelRequest, type Placement } from './labels.js';
import type { Area, Rect } from './layout.js';
import { actualPointRadius, darken, markSizes } from './marks.js';
import type { PixelPoint } from './scales.js';
import { SIZES, groupStyle } from './style.js';
import { type Ctx, targetLabelText } from './text.js';

/** Where the labels of a trajectory chart go, given where chart.js put the data (`pixelOf`). */
export function trajectoryAnnotations(
  ctx: Ctx,
  area: Area,
  pixelOf: (x: number, y: number) => PixelPoint,
  image: { width: number; height: number },
  groups: ChartGroup[],
  spec: ChartSpec,
  decimals: number,
  s: number,
): Placement[] {
  const px = (p: ChartPoint): PixelPoint => pixelOf(p.x, p.y);
  const m = markSizes(s);
  const obstacles: Rect[] = [];
  const addObstacle = (p: PixelPoint, r: number) => obstacles.push({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r }) - 1;
  const segments: [PixelPoint, PixelPoint][] = [];
  const addPolyline = (pts: PixelPoint[]) => {
    let from: PixelPoint | undefined;
    for (const to of pts) {
      if (from) segments.push([from, to]);
      from = to;
    }
  };
  const requests: LabelRequest[] = [];
  const later: LabelRequest[] = [];
  const last: LabelRequest[] = [];
  const fmt = (v: number) => formatNumber(v, spec.locale, { decimals });
  groups.forEach((g, i) => {
    const st = groupStyle(i);
    const textColor = darken(st.color, 0.3);
    const actual = g.actual.map(px);
    addPolyline(actual);
    addPolyline((g.expectedPath ?? []).map(px));
    addPolyline((g.projection ?? []).map(px));
    // Markers are obstacles; a dense series has markers on its ends only.
    const pointR = actualPointRadius(st, m) + 2 * s;
    const markerIdx = markedPoints(actual).map((p) => addObstacle(p, pointR));
    for (const t of g.targets) {
      const a = px(t);
      const idx = addObstacle(a, m.targetStar + 2 * s);
      requests.push({
        text: targetLabelText(t.name, t.y, spec.locale, decimals),
        anchor: a,
        clearance: m.targetStar + 2 * s,
        color: textColor,
        prefer: ['NE', 'E', 'SE', 'N', 'S', 'NW', 'W', 'SW'],
        obstacle: idx,
      });
    }
    if (g.baseline) {
      const a = px(g.baseline);
      const idx = addObstacle(a, m.baselinePoint + m.baselineRing);
      const period = g.baseline.label.trim();
      later.push({
        text: `${spec.roleLabels.baseline}${period ? ` ${period}` : ''}: ${fmt(g.baseline.y)}`,
        anchor: a,
        clearance: m.baselinePoint + m.baselineRing,
        color: textColor,
        prefer: ['N', 'NE', 'NW', 'S', 'SE', 'SW', 'E', 'W'],
        obstacle: idx,
      });
    }
    const lastPoint = g.actual.at(-1);
    const lastPixel = actual.at(-1);
    if (lastPoint && lastPixel && (!g.baseline || lastPoint.x !== g.baseline.x)) {
      last.push({
        text: `${lastPoint.label.trim() ? `${lastPoint.label.trim()}: ` : ''}${fmt(lastPoint.y)}`,
        anchor: lastPixel,
        clearance: pointR,
        color: textColor,
        prefer: ['E', 'NE', 'SE', 'N', 'S', 'W', 'NW', 'SW'],
        obstacle: markerIdx[markerIdx.length - 1] ?? -1,
      });
    }
  });
  const bounds: Rect = {
    x: area.left + 2 * s,
    y: area.top + 2 * s,
    w: area.right - area.left - 4 * s,
    h: area.bottom - area.top - 4 * s,
  };
  return placeLabels(
    ctx,
    [...requests, ...later, ...last],
    bounds,
    { x: 0, y: 0, w: image.width, h: image.height },
    obstacles,
    segments,
    SIZES.annotation * s,
    s,
  );
}
