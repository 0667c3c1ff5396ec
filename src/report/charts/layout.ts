// The frame around the plot, laid out by chart.js: the title and subtitle are chart.js'
// Title and SubTitle plugins (lines wrapped here: chart.js does not wrap), the legend and
// the footnotes are layout boxes of ours (FrameBox) that chart.js places above and below
// the plot like its own, and the scales take what is left. The trajectory chart is one
// such chart; the small multiples draw their frame the same way, with a chart that has no
// data and whose plot area is where the panels go.

import type { LayoutItem, LayoutPosition } from 'chart.js';
import { fontString } from './font.js';
import { INK } from './style.js';
import { type Ctx, wrapText } from './text.js';

export const DEFAULT_WIDTH = 1600;
export const DEFAULT_HEIGHT = 900;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Font size as fontString writes it, so that chart.js draws text in the font it was measured in. */
export function fontPx(size: number): number {
  return Math.round(size * 100) / 100;
}

export function fillBackground(ctx: Ctx, w: number, h: number): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = INK.background;
  ctx.fillRect(0, 0, w, h);
  ctx.restore();
}

// ---------------------------------------------------------------------------------------
// Title and subtitle: chart.js' plugins

/** Options of chart.js' Title and SubTitle plugins for the title block, wrapped to `width`. */
export function titleOptions(
  ctx: Ctx,
  title: string,
  subtitle: string | undefined,
  width: number,
  size: { title: number; subtitle: number; gap: number },
) {
  ctx.font = fontString(size.title, 700);
  const titleLines = title.trim() === '' ? [] : wrapText(ctx, title, width);
  ctx.font = fontString(size.subtitle);
  const subtitleLines = subtitle && subtitle.trim() !== '' ? wrapText(ctx, subtitle, width) : [];
  return {
    title: {
      display: titleLines.length > 0,
      text: titleLines,
      align: 'start',
      color: INK.text,
      font: { size: fontPx(size.title), weight: 700, lineHeight: 1.22 },
      padding: 0,
    },
    subtitle: {
      display: subtitleLines.length > 0,
      text: subtitleLines,
      align: 'start',
      color: INK.muted,
      font: { size: fontPx(size.subtitle), weight: 400, lineHeight: 1.3 },
      padding: { top: titleLines.length > 0 ? size.gap : 0, bottom: 0 },
    },
  } as const;
}

// ---------------------------------------------------------------------------------------
// Legend and footnotes: layout boxes of ours

/** Content of a frame box: measured for the width chart.js gives it, then drawn where it placed it. */
export interface FrameBlock {
  /** Height of the content drawn `width` wide (0: nothing to draw, and no padding either). */
  measure(ctx: Ctx, width: number): number;
  draw(ctx: Ctx, x: number, y: number, width: number): void;
  /** Space above and below the content. */
  padding: { top: number; bottom: number };
}

/** A full-width box of the chart.js layout holding a FrameBlock (the block is set before each update). */
export class FrameBox implements LayoutItem {
  fullSize = true;
  left = 0;
  top = 0;
  right = 0;
  bottom = 0;
  width = 0;
  height = 0;
  /** What chart.js' layout reads of a box's options (no stacking with other boxes). */
  readonly options = { display: true };
  block: FrameBlock | undefined;
  private contentHeight = 0;

  constructor(
    private readonly ctx: Ctx,
    readonly position: LayoutPosition,
    readonly weight: number,
  ) {}

  isHorizontal(): boolean {
    return true;
  }

  update(maxWidth: number): void {
    this.width = maxWidth;
    this.contentHeight = this.block ? this.block.measure(this.ctx, maxWidth) : 0;
    const pad = this.block?.padding;
    this.height = this.contentHeight > 0 && pad ? pad.top + this.contentHeight + pad.bottom : 0;
  }

  draw(): void {
    if (this.block && this.contentHeight > 0)
      this.block.draw(this.ctx, this.left, this.top + this.block.padding.top, this.width);
  }
}

/** Footnotes (sources), one paragraph each, wrapped to the width. */
export function footnotesBlock(footnotes: string[], size: number, gapAbove: number): FrameBlock {
  const font = fontString(size);
  const lineHeight = size * 1.4;
  let lines: string[] = [];
  return {
    padding: { top: gapAbove, bottom: 0 },
    measure(ctx, width) {
      ctx.font = font;
      lines = footnotes.filter((t) => t.trim() !== '').flatMap((t) => wrapText(ctx, t, width));
      return lines.length * lineHeight;
    },
    draw(ctx, x, y) {
      ctx.save();
      ctx.font = font;
      ctx.fillStyle = INK.footnote;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      for (const [i, line] of lines.entries()) ctx.fillText(line, x, y + i * lineHeight);
      ctx.restore();
    },
  };
}

// ---------------------------------------------------------------------------------------
// Panels of the small multiples

/** Rows x columns for n panels in a w x h area, maximising panel size (panels ~3:2). */
export function chooseGrid(
  n: number,
  w: number,
  h: number,
  hgap = 0,
  vgap = 0,
  titleH = 0,
): { rows: number; cols: number } {
  if (n <= 0) return { rows: 1, cols: 1 };
  let best = { rows: 1, cols: n, score: -Infinity, empty: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const empty = rows * cols - n;
    if (empty >= cols) continue;
    const plotW = (w - (cols - 1) * hgap) / cols;
    const plotH = (h - (rows - 1) * vgap) / rows - titleH;
    const score = Math.min(plotW, plotH * 1.5);
    if (score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && empty < best.empty)) {
      best = { rows, cols, score, empty };
    }
  }
  return { rows: best.rows, cols: best.cols };
}
