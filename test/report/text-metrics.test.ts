// The estimate every wrapped row is sized by, worked by hand in widths of "0" (the unit of
// an Excel column width): digits measure one each, plus the 10 % headroom.
import { describe, expect, it } from 'vitest';
import { lineHeight, textWidth, wrappedLineCount, wrappedTextHeight } from '../../src/report/workbook/text-metrics.js';

describe('text metrics', () => {
  it('measures text in widths of the regular "0", with 10 % headroom; bold and bigger text is wider', () => {
    expect(textWidth('0000000000')).toBeCloseTo(11, 9);
    expect(textWidth('00000', { size: 22 })).toBeCloseTo(11, 9);
    expect(textWidth('Total', { bold: true })).toBeGreaterThan(textWidth('Total'));
    expect(textWidth('iiii')).toBeLessThan(textWidth('MMMM'));
    // A character the font lacks is measured as wide as "M", never as nothing.
    expect(textWidth('\u4e2d')).toBeCloseTo(textWidth('M'), 9);
  });

  it('wraps at spaces, breaks a word longer than the line, and starts a line at each newline', () => {
    // Column 7 wide: 6.4 of room; "00000" is 5.5, so two of them need two lines.
    expect(wrappedLineCount('00000 00000', 7)).toBe(2);
    // Column 14 wide: 13.4 of room holds 11 + a space.
    expect(wrappedLineCount('00000 00000', 14)).toBe(1);
    expect(wrappedLineCount('00000\n00000', 14)).toBe(2);
    // 30 zeros (33 wide) in 10.4 of room: four lines.
    expect(wrappedLineCount('0'.repeat(30), 11)).toBe(4);
    expect(wrappedLineCount('', 10)).toBe(1);
  });

  it("gives 15 pt a line at 11 pt (Excel's Calibri rows), more for bigger text", () => {
    expect(lineHeight()).toBe(15);
    expect(lineHeight(14)).toBe(18.75);
    expect(wrappedTextHeight('00000 00000', 7)).toBe(30);
  });
});
