// The Summary's trend images: what they show (values up to as-of, baseline, target
// pursued), where each point lands, and that they are PNGs of the size the Summary uses.
import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../src/assess/assessment.js';
import { formatDecimal, formatPercent, indicatorDecimals } from '../../src/messages/indicator-decimals.js';
import { yearPeriod } from '../../src/periods/period.js';
import {
  SPARKLINE_HEIGHT,
  SPARKLINE_WIDTH,
  renderSparkline,
  sparklineLayout,
} from '../../src/report/charts/sparkline.js';
import { sparklineSpec } from '../../src/report/sparklines.js';
import { packFixture } from './pack-fixture.js';

describe('sparklines', () => {
  it('place the points on one scale: time across, values up, with a margin', () => {
    const { at } = sparklineLayout(
      {
        points: [
          { x: 2000, y: 0 },
          { x: 2010, y: 10 },
        ],
        target: { x: 2020, y: 20 },
      },
      100,
      50,
      5,
    );
    expect(at({ x: 2000, y: 0 })).toEqual([5, 45]);
    expect(at({ x: 2010, y: 10 })).toEqual([50, 25]);
    expect(at({ x: 2020, y: 20 })).toEqual([95, 5]);
  });

  it('show the values observed up to as-of (none missing), the baseline and the target pursued', () => {
    const input = packFixture();
    const r = input.doc.results[0] as AssessmentResult;
    const spec = sparklineSpec(r, input.data.get('PE-STUNT'), yearPeriod(2012));
    // 2007-2012, without the missing 2010; 2013 is after as-of.
    expect(spec.points.map((p) => p.y)).toEqual([28.5, 27.8, 23.8, 19.5, 18.1]);
    expect(spec.points[0].x).toBeCloseTo(2007.5, 9);
    expect(spec.baseline).toEqual({ x: expect.closeTo(2007.5, 9), y: 28.5 });
    expect(spec.target).toEqual({ x: expect.closeTo(2021.5, 9), y: 6.4 });
  });

  it('are PNGs twice the size the Summary shows them at', async () => {
    const png = await renderSparkline({
      points: [
        { x: 2000, y: 1 },
        { x: 2001, y: 2 },
      ],
      target: { x: 2003, y: 3 },
    });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SPARKLINE_WIDTH * 2, SPARKLINE_HEIGHT * 2]);
  });
});

describe('one choice of decimals per indicator, for cells, sentences and charts', () => {
  it('keeps the decimals the values have, within the unit minimum and four significant digits', () => {
    expect(indicatorDecimals('currency', [7459.28, 9703.1])).toEqual({ decimals: 0, grouping: true });
    expect(indicatorDecimals('percent', [1.141, 2.926])).toEqual({ decimals: 3, grouping: false });
    expect(indicatorDecimals('percent', [45, 40])).toEqual({ decimals: 1, grouping: false });
    expect(indicatorDecimals('number', [40, 29])).toEqual({ decimals: 0, grouping: false });
    expect(indicatorDecimals('ratio', [0.0512])).toEqual({ decimals: 3, grouping: false });
  });

  it("writes a number as the pack's language does", () => {
    expect(formatDecimal(7459.28, 'en', { decimals: 0, grouping: true })).toBe('7,459');
    expect(formatDecimal(7459.28, 'es', { decimals: 0, grouping: true })).toBe('7.459');
    expect(formatDecimal(45, 'es', { decimals: 1, grouping: false })).toBe('45,0');
    expect(formatDecimal(-0.04, 'en', { decimals: 1, grouping: false })).toBe('0.0');
    expect(formatDecimal(-1234567.5, 'en', { decimals: 1, grouping: false })).toBe('-1,234,567.5');
    expect(formatPercent(0.7749, 'en')).toBe('77 %');
  });
});
