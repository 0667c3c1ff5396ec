import { describe, expect, it } from 'vitest';
import { chunkDecoder, decodeText, detectEncoding, encodingOf, isValidUtf8, Utf8Check } from '../../src/data/decode.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
// "Año;Ámbito" as Spanish Excel writes it in Windows-1252.
const cp1252 = Uint8Array.from([0x41, 0xf1, 0x6f, 0x3b, 0xc1, 0x6d, 0x62, 0x69, 0x74, 0x6f]);

describe('detectEncoding', () => {
  it('reads valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(detectEncoding(utf8('Año;Ámbito'))).toBe('utf-8');
    expect(detectEncoding(cp1252)).toBe('windows-1252');
  });

  it('does not mistake a character cut by the end of a sample for invalid UTF-8', () => {
    const bytes = utf8('Año');
    const cut = bytes.subarray(0, 2); // `A` and the first byte of `ñ`
    expect(isValidUtf8(cut, false)).toBe(true);
    expect(isValidUtf8(cut, true)).toBe(false);
  });

  it('maps the data source names: latin1 reads as Windows-1252', () => {
    expect(encodingOf('latin1')).toBe('windows-1252');
    expect(encodingOf('utf-8')).toBe('utf-8');
    expect(encodingOf(undefined)).toBeUndefined();
  });
});

describe('decodeText', () => {
  it('drops the BOM and keeps accents of a UTF-8 file', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Año;Ámbito')]);
    expect(decodeText(bytes)).toEqual({ text: 'Año;Ámbito', encoding: 'utf-8', detected: true });
  });

  it('decodes Windows-1252, including the euro sign and curly quotes of 0x80-0x9F', () => {
    expect(decodeText(cp1252)).toEqual({ text: 'Año;Ámbito', encoding: 'windows-1252', detected: true });
    expect(decodeText(Uint8Array.from([0x80, 0x93, 0x94]), 'windows-1252').text).toBe('€“”');
  });
});

describe('streaming', () => {
  it('checks UTF-8 across chunks that cut a character', () => {
    const bytes = utf8('Año Ámbito');
    const check = new Utf8Check();
    expect(check.push(bytes.subarray(0, 2))).toBe(true);
    expect(check.push(bytes.subarray(2))).toBe(true);
    expect(check.end()).toBe(true);
    const bad = new Utf8Check();
    expect(bad.push(utf8('plain ascii'))).toBe(true);
    expect(bad.push(cp1252)).toBe(false);
  });

  it('decodes Windows-1252 chunk by chunk, dropping a BOM at the start only', () => {
    const decode = chunkDecoder('windows-1252');
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decode(Uint8Array.from([0xf1, 0x6f]))).toBe('ño');
    expect(decode()).toBe('');
  });

  it('decodes UTF-8 in chunks of every size, ASCII and cut characters mixed', () => {
    // ASCII chunks are copied as they are; a chunk after one that cut a character goes
    // through the decoder, however short and whatever it holds.
    const text = 'id,área\nx1,日本 €\nplain,ascii\n🌍,ñ\n\ufffd,z\n'.repeat(3);
    const bytes = utf8(text);
    const broken = Uint8Array.from([...utf8('ok,'), 0xe2, 0x82, ...utf8(',ascii after a cut'), 0xc3]);
    for (const size of [1, 2, 3, 4, 5, 7, 64]) {
      for (const [input, expected] of [
        [bytes, text],
        [broken, new TextDecoder().decode(broken)],
      ] as const) {
        const decode = chunkDecoder('utf-8');
        let out = '';
        for (let i = 0; i < input.length; i += size) out += decode(input.subarray(i, i + size));
        expect(out + decode(), `chunks of ${size}`).toBe(expected);
      }
    }
  });
});
