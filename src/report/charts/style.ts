// Visual vocabulary of the trajectory charts: colour-blind-safe palette, what tells
// groups apart (colour AND marker AND dash pattern), the markers of the roles, and
// locale-aware number formatting. Pure data and pure functions: no canvas, no chart.js.

/** Okabe & Ito (2008) palette, safe for the common forms of colour blindness. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Marker shapes used for groups; names are chart.js point styles. */
export type GroupPointStyle = 'circle' | 'rect' | 'triangle' | 'rectRot' | 'rectRounded';

/**
 * How one group is drawn. Line dash encodes the ROLE (solid = observed, dashed = expected
 * path, dotted = projection); within the dashed and dotted roles each group has its own
 * pattern (dash, dash-dot, long dash...), so that two groups differ by colour, by marker
 * and by dash pattern, and still read correctly in grey-scale print.
 */
export interface GroupStyle {
  color: string;
  pointStyle: GroupPointStyle;
  /** Dash of the observed values' line: solid for every group (role "actual"). */
  actualDash: number[];
  /** Dash of the expected path (baseline -> target): a dashed pattern, one per group. */
  expectedDash: number[];
  /** Dash of the projection: a dotted pattern (drawn with round caps), one per group. */
  projectionDash: number[];
}

/** Colours in the order groups get them: strongest contrast on white first; yellow (weak on white) last. */
const GROUP_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.black,
  OKABE_ITO.skyBlue, // after black so that it does not share blue's marker (circle)
  OKABE_ITO.yellow,
];
const GROUP_POINT_STYLES: GroupPointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'rectRounded'];

/** Radius factor per marker shape so that all shapes look about as large as the circle. */
export const POINT_STYLE_SCALE: Record<GroupPointStyle, number> = {
  circle: 1,
  rect: 1.2,
  triangle: 1.35,
  rectRot: 1.2,
  rectRounded: 1.05,
};
const EXPECTED_DASHES: number[][] = [
  [14, 8], // dashed
  [14, 6, 3, 6], // dash-dot
  [26, 8], // long dash
  [6, 6], // short dash
  [14, 5, 3, 5, 3, 5], // dash-dot-dot
];
const PROJECTION_DASHES: number[][] = [
  [1, 7], // dots
  [1, 5, 1, 13], // pairs of dots
  [1, 13], // sparse dots
  [1, 5, 1, 5, 1, 13], // triples of dots
  [1, 4], // dense dots
];

/** Style of the i-th group (cycles when there are more groups than styles). */
export function groupStyle(index: number): GroupStyle {
  const i = Math.max(0, Math.floor(index));
  return {
    color: GROUP_COLORS[i % GROUP_COLORS.length],
    pointStyle: GROUP_POINT_STYLES[i % GROUP_POINT_STYLES.length],
    actualDash: [],
    expectedDash: EXPECTED_DASHES[i % EXPECTED_DASHES.length],
    projectionDash: PROJECTION_DASHES[i % PROJECTION_DASHES.length],
  };
}

/** Neutral colours of the frame (text, axes, grid) and of the role keys of the legend. */
export const INK = {
  text: '#1A1A1A',
  muted: '#4D4D4D',
  footnote: '#5E5E5E',
  axis: '#8C8C8C',
  grid: '#E3E3E3',
  gridLight: '#EFEFEF',
  background: '#FFFFFF',
  roleKey: '#4D4D4D',
} as const;

/** Sizes at 1600 x 900 (scaled with the image). Line widths and marker radii in px. */
export const SIZES = {
  title: 32,
  subtitle: 22,
  legend: 19,
  axisTitle: 20,
  tick: 19,
  annotation: 18,
  footnote: 16,
  actualLine: 3,
  expectedLine: 2.5,
  projectionLine: 3,
  actualPoint: 7,
  baselinePoint: 13,
  baselineRing: 3,
  targetStar: 15,
} as const;

/**
 * A series of observed values with more points than this (monthly data over years) is
 * drawn "dense": a thinner line, with markers on its first and last point only; a
 * marker on each of 60 points would bury the line (and cost drawing time).
 */
export const DENSE_SERIES_POINTS = 24;
/** Line width of a dense series, relative to the observed-values line. */
export const DENSE_LINE_SCALE = 0.7;

export type ChartLocale = 'en' | 'es';

/** Options of {@link formatNumber}. */
export interface NumberFormatOptions {
  /** Exact number of decimals (wins over min/max). */
  decimals?: number;
  /** At least this many decimals (default 0). */
  minDecimals?: number;
  /** At most this many decimals (default 1). */
  maxDecimals?: number;
}

/**
 * Formats a number for the given label language, without Intl (so that the output does
 * not depend on the ICU data of the Node build): en `1,234.5`, es `1234,5` / `12.345,5`
 * (decimal comma; Spanish groups thousands only from five digits on).
 */
export function formatNumber(value: number, locale: ChartLocale, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const maxD = options.decimals ?? Math.max(options.maxDecimals ?? 1, options.minDecimals ?? 0);
  const minD = options.decimals ?? Math.min(options.minDecimals ?? 0, maxD);
  let fixed = Math.abs(value).toFixed(maxD);
  if (maxD > minD && fixed.includes('.')) {
    // Drop trailing zeros down to minD decimals.
    let [int, frac] = fixed.split('.') as [string, string];
    while (frac.length > minD && frac.endsWith('0')) frac = frac.slice(0, -1);
    fixed = frac.length > 0 ? `${int}.${frac}` : int;
  }
  const negative = value < 0 && /[1-9]/.test(fixed);
  const [intPart, fracPart] = fixed.split('.') as [string, string | undefined];
  const groupSep = locale === 'es' ? '.' : ',';
  const decimalSep = locale === 'es' ? ',' : '.';
  const minGroupingDigits = locale === 'es' ? 5 : 4;
  const grouped = intPart.length >= minGroupingDigits ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep) : intPart;
  return (negative ? '-' : '') + grouped + (fracPart !== undefined ? decimalSep + fracPart : '');
}

/** Returns a formatter of values for the locale (one decimal at most, as in indicator reports). */
export function numberFormatter(locale: ChartLocale, options: NumberFormatOptions = {}): (value: number) => string {
  return (value) => formatNumber(value, locale, options);
}

/** Year tick label: plain integer, never a thousands separator ("2011", not "2,011"). */
export function formatYear(year: number): string {
  return String(Math.round(year));
}

/** Number of decimals needed to write multiples of `step` exactly (2.5 -> 1, 0.25 -> 2, 5 -> 0). */
export function decimalsOfStep(step: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 6;
}

/**
 * Text of a target's label: its `name` as given, but with its value written for the
 * locale. If the name contains the value (as "24.5", "24,5", "1500" or "1,500"), that
 * number is rewritten for the locale; otherwise ": value" is appended.
 */
export function targetLabelText(name: string, value: number, locale: ChartLocale): string {
  const local = formatNumber(value, locale, { maxDecimals: 2 });
  const tokens = [...name.matchAll(/\d(?:[\d.,]*\d)?/g)];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (readsAs(token[0], value)) {
      const at = token.index ?? 0;
      return name.slice(0, at) + local + name.slice(at + token[0].length);
    }
  }
  const trimmed = name.trim();
  return trimmed === '' ? local : `${trimmed.replace(/[:\s]+$/, '')}: ${local}`;
}

/** Whether a number as written in a label ("24.5", "24,5", "1,500", "12.345,6") equals value. */
function readsAs(token: string, value: number): boolean {
  const en = Number(token.replace(/,/g, ''));
  const es = Number(token.replace(/\./g, '').replace(',', '.'));
  const close = (v: number) => Number.isFinite(v) && Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value));
  return close(en) || close(es);
}
