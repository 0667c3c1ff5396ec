// The Summary's trend images: what they show (values up to as-of, baseline, target
// pursued), where each point lands, and that they are PNGs of the size the Summary uses.
import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../src/assess/assessment.js';
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
    expect(spec.points[0]!.x).toBeCloseTo(2007.5, 9);
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
