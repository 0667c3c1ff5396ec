import { describe, expect, it } from 'vitest';
import { plainDecimal } from '../../src/export/plain-decimal.js';
import { element, serializeXml } from '../../src/report/xml-writer.js';
import { parseXml } from '../helpers/xml-tree.js';

describe('plain decimals (IATI rule 8.8.2: number(@value) = @value)', () => {
  it('writes numbers without exponent, sign of zero or separators', () => {
    expect(plainDecimal(4300)).toBe('4300');
    expect(plainDecimal(37.5)).toBe('37.5');
    expect(plainDecimal(-0.25)).toBe('-0.25');
    expect(plainDecimal(-0)).toBe('0');
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-2.5e-8)).toBe('-0.000000025');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    expect(plainDecimal(1.234e22)).toBe('12340000000000000000000');
    expect(Number(plainDecimal(1.234e-9))).toBe(1.234e-9);
    expect(() => plainDecimal(Number.NaN)).toThrow();
  });
});

describe('the XML writer', () => {
  it('escapes text and attributes, drops characters XML cannot hold, and reads back the same', () => {
    const text = 'Water & sanitation <rural> "2024" it\'s\u0001 done \u{1F4A7}';
    const xml = serializeXml(
      element('root', { name: 'a "quoted" & <odd>\nvalue', skipped: undefined }, [
        element('narrative', {}, [text]),
        element('empty'),
      ]),
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<root name="a &quot;quoted&quot; &amp; &lt;odd&gt;&#10;value">\n' +
        '  <narrative>Water &amp; sanitation &lt;rural&gt; "2024" it\'s done \u{1F4A7}</narrative>\n' +
        '  <empty/>\n' +
        '</root>\n',
    );
    const root = parseXml(xml);
    expect(root.attributes.name).toBe('a "quoted" & <odd>\nvalue');
    expect(root.children[0]?.text).toBe('Water & sanitation <rural> "2024" it\'s done \u{1F4A7}');
  });
});
