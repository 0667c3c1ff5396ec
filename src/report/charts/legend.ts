// The legend of every chart: one entry per group when there are several (its colour, line
// and marker), then the keys of the roles (observed, baseline, target, expected path,
// projection), wrapped into rows. It is ours, not chart.js' Legend plugin: that one draws
// a box or a point style per dataset, never a line with a marker on it, and a group here
// is five datasets (chart-datasets.ts) named once.

import type { ChartGroup, ChartSpec } from './chart-spec.js';
import { fontString } from './font.js';
import type { FrameBlock } from './layout.js';
import { actualPointRadius, drawMarker, scaleDash, type MarkSizes, type Marker } from './marks.js';
import { INK, SIZES, type GroupStyle } from './style.js';
import { type Ctx, textWidth } from './text.js';

export type RoleLabels = ChartSpec['roleLabels'];

export interface LegendItem {
  label: string;
  color: string;
  line?: { dash: number[]; width: number; round: boolean };
  marker?: Marker;
  /** Extra space before the item (separates group entries from role keys). */
  gapBefore?: number;
}

export interface LegendContent {
  /** Every group drawn (the roles keyed are those some group has). */
  groups: ChartGroup[];
  /** Legend name and style of each group position (one entry each when there are several). */
  entries: { label: string; style: GroupStyle }[];
  roles: RoleLabels;
  marks: MarkSizes;
  /** Scale of the expected path's dash (as drawn). */
  expectedDashScale: number;
  /** With one group: its name, added to the observed values' key ("Actual (Rural)"). */
  singleGroupName?: string;
  s: number;
}

/** The legend's entries: groups (when several), then role keys, neutral when there are several groups. */
export function legendItems(c: LegendContent): LegendItem[] {
  const { groups, entries, roles, marks: m, s } = c;
  const has = (f: (g: ChartGroup) => boolean) => groups.some(f);
  const multi = entries.length > 1;
  const first = entries[0]?.style;
  if (!first) return [];
  const keyColor = multi ? INK.roleKey : first.color;
  const solid = { dash: [], width: m.actualLine, round: false };
  const point = (st: GroupStyle): Marker => ({
    kind: 'point',
    style: st.pointStyle,
    radius: actualPointRadius(st, m),
    border: m.pointBorder,
  });
  const items: LegendItem[] = multi
    ? entries.map((e) => ({ label: e.label, color: e.style.color, line: solid, marker: point(e.style) }))
    : [];
  const roleItems: LegendItem[] = [];
  if (has((g) => g.actual.length > 0)) {
    const label = !multi && c.singleGroupName ? `${roles.actual} (${c.singleGroupName})` : roles.actual;
    roleItems.push({ label, color: keyColor, line: solid, marker: multi ? undefined : point(first) });
  }
  if (has((g) => !!g.baseline))
    roleItems.push({
      label: roles.baseline,
      color: keyColor,
      marker: { kind: 'ring', radius: m.baselinePoint, width: m.baselineRing },
    });
  if (has((g) => g.targets.length > 0))
    roleItems.push({ label: roles.target, color: keyColor, marker: { kind: 'star', radius: m.targetStar } });
  if (has((g) => (g.expectedPath?.length ?? 0) > 1))
    roleItems.push({
      label: roles.expected,
      color: keyColor,
      line: { dash: scaleDash(first.expectedDash, c.expectedDashScale), width: m.expectedLine, round: false },
    });
  if (has((g) => (g.projection?.length ?? 0) > 1))
    roleItems.push({
      label: roles.projection,
      color: keyColor,
      line: { dash: first.projectionDash, width: m.projectionLine, round: true },
    });
  const firstRole = roleItems[0];
  if (multi && firstRole) firstRole.gapBefore = 36 * s;
  return [...items, ...roleItems];
}

/** The legend as a block of the frame: items in rows as wide as the chart gives it. */
export function legendBlock(
  items: LegendItem[],
  size: number,
  s: number,
  padding: { top: number; bottom: number },
): FrameBlock {
  const font = fontString(size);
  const swatchW = 52 * s;
  const textGap = 10 * s;
  const itemGap = 30 * s;
  const rowHeight = Math.max(size * 1.6, 2 * SIZES.targetStar * s + 6 * s);
  let rows: { item: LegendItem; x: number }[][] = [];
  return {
    padding,
    measure(ctx, maxWidth) {
      ctx.font = font;
      rows = [];
      let row: { item: LegendItem; x: number }[] = [];
      let x = 0;
      for (const item of items) {
        const w = swatchW + textGap + textWidth(ctx, item.label);
        const lead = row.length > 0 ? itemGap + (item.gapBefore ?? 0) : 0;
        if (row.length > 0 && x + lead + w > maxWidth) {
          rows.push(row);
          row = [];
          x = 0;
        }
        const start = row.length > 0 ? x + lead : 0;
        row.push({ item, x: start });
        x = start + w;
      }
      if (row.length > 0) rows.push(row);
      return rows.length * rowHeight;
    },
    draw(ctx, x0, y0) {
      ctx.save();
      rows.forEach((row, r) => {
        const cy = y0 + r * rowHeight + rowHeight / 2;
        for (const { item, x } of row) drawItem(ctx, item, x0 + x, cy, swatchW, font, s);
      });
      ctx.restore();
    },
  };
}

/** One entry: its sample (line, marker, or both: a line with the marker on it) and its name. */
function drawItem(ctx: Ctx, item: LegendItem, sx: number, cy: number, swatchW: number, font: string, s: number) {
  if (item.line) {
    ctx.save();
    ctx.strokeStyle = item.color;
    ctx.lineWidth = item.line.width;
    ctx.lineCap = item.line.round ? 'round' : 'butt';
    ctx.setLineDash(item.line.dash);
    ctx.beginPath();
    ctx.moveTo(sx + (item.line.round ? item.line.width : 0), cy);
    ctx.lineTo(sx + swatchW, cy);
    ctx.stroke();
    ctx.restore();
  }
  if (item.marker) drawMarker(ctx, item.marker, item.color, sx + swatchW / 2, cy, s);
  ctx.font = font;
  ctx.fillStyle = INK.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(item.label, sx + swatchW + 10 * s, cy);
}
