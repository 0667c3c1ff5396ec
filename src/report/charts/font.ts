// The one font of the charts: Inter, shipped by the npm package @fontsource/inter, loaded
// into @napi-rs/canvas from its .woff2 files (Skia decodes WOFF2 and WOFF; checked with
// @napi-rs/canvas 1.1.1). Charts never use a system font, so the PNG bytes do not depend
// on the fonts installed on the machine.
//
// @fontsource splits Inter into Unicode subsets (latin, latin-ext, ...). Each subset is
// registered under its own family alias and the charts name them all, latin first, in one
// font-family list; Skia falls back along that list glyph by glyph. Text outside Inter's
// coverage (e.g. CJK, arrows) would fall back to a system font: chart text should not use it.
// Text is drawn with @napi-rs/canvas' 'portable' renderer (FreeType, same pixels on every
// OS) and every context gets an explicit `ctx.lang` (see pinTextSettings), as its README
// requires for identical output across hosts.

import { createRequire } from 'node:module';
import { GlobalFonts, createCanvas, getTextRenderer, setTextRenderer } from '@napi-rs/canvas';

/** Family alias of Inter's latin subset (the main family of the charts). */
export const FONT_FAMILY = 'MelInter';

/** Weights registered: regular text, semibold labels, bold title. */
export const FONT_WEIGHTS = [400, 600, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

const SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'] as const;

function aliasOf(subset: (typeof SUBSETS)[number]): string {
  if (subset === 'latin') return FONT_FAMILY;
  return (
    FONT_FAMILY +
    subset
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')
  );
}

/** CSS font-family list naming every registered subset, for ctx.font. */
export const FONT_STACK = SUBSETS.map(aliasOf).join(', ');

let registered = false;

/**
 * Registers Inter (all subsets, weights 400/600/700) with @napi-rs/canvas once per
 * process (GlobalFonts is shared by all threads: a worker thread finds it registered).
 * Idempotent and cheap after the first call; throws if the font files cannot be found or
 * loaded (there is deliberately no fallback to a system font).
 * @returns the font-family list to use in `ctx.font`.
 */
export function ensureChartFont(): string {
  if (!registered) {
    // 'portable' is the default; a process that switched to 'system' would draw differently.
    if (getTextRenderer() !== 'portable') setTextRenderer('portable');
    // Another copy of this module (e.g. a test runner's module graph) may have registered it.
    if (!GlobalFonts.has(FONT_FAMILY)) {
      const require = createRequire(import.meta.url);
      for (const subset of SUBSETS) {
        for (const weight of FONT_WEIGHTS) {
          const file = require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`);
          const key = GlobalFonts.registerFromPath(file, aliasOf(subset));
          if (key === null) throw new Error(`chart font: @napi-rs/canvas could not load ${file}`);
        }
      }
    }
    assertFontIsUsed();
    registered = true;
  }
  return FONT_STACK;
}

/** CSS font shorthand in the charts' font: `fontString(20, 600)` -> "600 20px MelInter, ...". */
export function fontString(sizePx: number, weight: FontWeight = 400): string {
  return `${weight} ${Math.round(sizePx * 100) / 100}px ${FONT_STACK}`;
}

/**
 * Pins what @napi-rs/canvas would otherwise take from the host for text: the language
 * (default 'inherit' follows the OS UI language) and the font (default `10px sans-serif`).
 */
export function pinTextSettings(ctx: { lang: string; font: string }, lang: 'en' | 'es'): void {
  ctx.lang = lang;
  ctx.font = fontString(12);
}

/** Sanity check: text set in the registered family must not measure like a fallback font. */
function assertFontIsUsed(): void {
  const ctx = createCanvas(8, 8).getContext('2d');
  ctx.lang = 'en';
  const sample = 'Línea de base 2011: 29,5 — Target';
  ctx.font = `400 40px ${FONT_FAMILY}`;
  const inter = ctx.measureText(sample).width;
  ctx.font = '400 40px MelNoSuchFontFamily';
  const fallback = ctx.measureText(sample).width;
  if (Math.abs(inter - fallback) < 0.5) {
    throw new Error(`chart font: family ${FONT_FAMILY} was registered but text does not use it`);
  }
}
