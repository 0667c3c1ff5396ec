// Visual vocabulary of the charts: colour-blind-safe palette, what tells groups apart
// (colour AND marker AND dash pattern), neutral inks, and sizes. Pure data: no canvas, no
// chart.js. Numbers are written by messages/format-number.ts.

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

/** Styles given to groups in turn, starting again after the last. */
type Cycle<T> = readonly [T, ...T[]];

/** The i-th style of a cycle (i from 0). */
function nth<T>(cycle: Cycle<T>, i: number): T {
  const style = cycle[i % cycle.length];
  if (style === undefined) throw new Error(`internal: no style ${i} in a cycle of ${cycle.length}`);
  return style;
}

/** Colours in the order groups get them: strongest contrast on white first; yellow (weak on white) last. */
const GROUP_COLORS: Cycle<string> = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.black,
  OKABE_ITO.skyBlue, // after black so that it does not share blue's marker (circle)
  OKABE_ITO.yellow,
];
const GROUP_POINT_STYLES: Cycle<GroupPointStyle> = ['circle', 'rect', 'triangle', 'rectRot', 'rectRounded'];

/** Radius factor per marker shape so that all shapes look about as large as the circle. */
export const POINT_STYLE_SCALE: Record<GroupPointStyle, number> = {
  circle: 1,
  rect: 1.2,
  triangle: 1.35,
  rectRot: 1.2,
  rectRounded: 1.05,
};
const EXPECTED_DASHES: Cycle<number[]> = [
  [14, 8], // dashed
  [14, 6, 3, 6], // dash-dot
  [26, 8], // long dash
  [6, 6], // short dash
  [14, 5, 3, 5, 3, 5], // dash-dot-dot
];
const PROJECTION_DASHES: Cycle<number[]> = [
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
    color: nth(GROUP_COLORS, i),
    pointStyle: nth(GROUP_POINT_STYLES, i),
    actualDash: [],
    expectedDash: nth(EXPECTED_DASHES, i),
    projectionDash: nth(PROJECTION_DASHES, i),
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
