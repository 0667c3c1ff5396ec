// PNG encoding of a finished chart, and reuse of canvases between charts.
//
// Why not @napi-rs/canvas' own encoder (`canvas.encode('png')`): measured on this
// project's 2-core machine (Node 20, @napi-rs/canvas 1.1.1), with chart.js drawing the
// charts (both encoders pay the same rasterization, since @napi-rs/canvas rasterizes
// recorded drawing lazily; they differ in the compression):
//   CPU per image, same process, alternating encoders:
//     small multiples (50 panels x 2 groups x 60 months)   Skia 177-190 ms, this 120-165 ms
//     trajectory chart (5 groups x 60 months)             Skia  68-79 ms,  this  29-45 ms
//   `mel report` of the national programme (.bench/national, 200 small multiples), runs
//   alternating encoders: Skia 43-51 s, this 40-49 s
//   the same programme with a headline total per indicator (200 small multiples + 200
//   trajectory charts, the worst case the report must handle in under 60 s), 6 runs each:
//     Skia 50.6, 54.8, 57.7, 58.2, 58.6, 63.9 s; this 44.4, 45.9, 46.7, 47.0, 50.2, 53.1 s
// With Skia's encoder the worst case ends at or over the 60 s limit whenever the machine
// is a little slower than usual; this encoder keeps ~7-15 s of margin.
// Skia's encoder writes RGBA with adaptive row filters at zlib level 6 (~45 ms for a
// 1600 x 900 chart); charts are opaque, mostly white, flat-coloured images: written as RGB
// without row filters and deflated at level 3 they take ~8-15 ms to compress, on libuv's
// thread pool, and the file is smaller (e.g. 290 kB instead of 330 kB). The bytes depend
// only on the pixels (and on the zlib bundled with Node), so the same chart gives the same
// file. A canvas that is not fully opaque is encoded by Skia.
//
// Fresh memory is expensive on some hosts (a 1600 x 900 canvas is 5.8 MB: first-touch page
// faults cost 15-20 ms in sandboxed VMs), so the small multiples' big canvas and the
// scanline buffer are reused from one chart to the next.

import * as zlib from 'node:zlib';
import { createCanvas, type Canvas } from '@napi-rs/canvas';

/**
 * zlib level: 3 is ~3x faster than 6 on charts, for files ~8% larger. Levels 1 and 2 are
 * no faster on the national small multiples (thread CPU of 160 runs each: 7.6, 8.3 and
 * 8.3 ms for levels 1, 2 and 3), for files 1-3 % larger.
 */
export const PNG_DEFLATE_LEVEL = 3;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// ---------------------------------------------------------------------------------------
// Canvases

const spareCanvases = new Map<string, Canvas>();

/**
 * A canvas of the given size: a spare one when there is one (its pixels and state are
 * reset: the result is the same as a new canvas), else a new one. Give it back with
 * {@link releaseCanvas} once its pixels are copied out ({@link startPngEncode} does).
 */
export function acquireCanvas(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  const spare = spareCanvases.get(key);
  if (spare) {
    spareCanvases.delete(key);
    spare.getContext('2d').reset();
    return spare;
  }
  return createCanvas(width, height);
}

/** Keeps the canvas for the next chart of its size (one spare per size). */
export function releaseCanvas(canvas: Canvas): void {
  const key = `${canvas.width}x${canvas.height}`;
  if (!spareCanvases.has(key) && spareCanvases.size < 4) spareCanvases.set(key, canvas);
}

// ---------------------------------------------------------------------------------------
// Encoding

/** Scanline buffers not in use, for the next chart (a few: several charts may be compressing). */
const spareRows: Buffer[] = [];

/**
 * Encodes the canvas to PNG. The pixels are copied out before this returns, so the
 * canvas may be drawn on (or released) at once; compression finishes asynchronously.
 * A canvas with a pixel that is not opaque (our charts always paint a white background
 * first) is encoded by Skia instead.
 */
export function startPngEncode(canvas: Canvas): Promise<Buffer> {
  const width = canvas.width;
  const height = canvas.height;
  const rgba = canvas.data(); // premultiplied RGBA: equal to plain RGBA where alpha is 255
  const size = (width * 3 + 1) * height;
  const rows = takeRows(size);
  if (rgba.length !== width * height * 4 || !rgbRows(rgba, width, height, rows)) {
    giveRows(rows);
    return Promise.resolve(canvas.encodeSync('png'));
  }
  return new Promise<Buffer>((resolve, reject) => {
    zlib.deflate(rows.subarray(0, size), { level: PNG_DEFLATE_LEVEL }, (err, idat) => {
      giveRows(rows);
      if (err) reject(err);
      else resolve(pngFile(width, height, idat));
    });
  });
}

function takeRows(size: number): Buffer {
  const i = spareRows.findIndex((b) => b.length >= size);
  const [spare] = i >= 0 ? spareRows.splice(i, 1) : [];
  return spare ?? Buffer.allocUnsafe(size);
}

function giveRows(rows: Buffer): void {
  if (spareRows.length < 4) spareRows.push(rows);
}

function pngFile(width: number, height: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering (each row names its filter: here always 0, none)
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('sRGB', Buffer.from([0])), // sRGB colour space, perceptual intent (as Skia writes)
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * RGBA pixels -> PNG scanlines of RGB, each preceded by filter type 0, written into out;
 * false if a pixel is not fully opaque.
 */
function rgbRows(rgba: Uint8Array, width: number, height: number, out: Buffer): boolean {
  // One 32-bit read per pixel (the pixels are copied first in the rare case that the
  // Buffer is not 4-byte aligned). Most of a chart is white: the rows start white, and
  // only the other pixels are written (~20 % faster than writing every pixel).
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : Uint8Array.from(rgba);
  const src = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
  out.fill(0xff, 0, (width * 3 + 1) * height);
  let alphaAnd = 0xff;
  let o = 0;
  let i = 0;
  // src holds width x height pixels (the caller checks the length); a pixel read beyond it
  // would be transparent black (0), so the canvas would go to Skia's encoder.
  for (let y = 0; y < height; y++) {
    out[o++] = 0;
    const end = i + width;
    if (LITTLE_ENDIAN) {
      for (; i < end; i++, o += 3) {
        const p = src[i] ?? 0;
        if (p === WHITE) continue;
        out[o] = p & 0xff;
        out[o + 1] = (p >>> 8) & 0xff;
        out[o + 2] = (p >>> 16) & 0xff;
        alphaAnd &= p >>> 24;
      }
    } else {
      for (; i < end; i++, o += 3) {
        const p = src[i] ?? 0;
        if (p === WHITE) continue;
        out[o] = p >>> 24;
        out[o + 1] = (p >>> 16) & 0xff;
        out[o + 2] = (p >>> 8) & 0xff;
        alphaAnd &= p & 0xff;
      }
    }
  }
  return alphaAnd === 0xff;
}

/** An opaque white pixel, as a 32-bit read of its RGBA bytes (either byte order). */
const WHITE = 0xffffffff;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

let crcTable: Int32Array | undefined;

/** zlib's own CRC-32 (Node 20.15 and later), ~20x faster than the table below on a chart's IDAT. */
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** CRC-32 of PNG chunks (ISO 3309): zlib's where Node has it, else table-driven. */
export function crc32(buf: Uint8Array): number {
  return zlibCrc32 ? zlibCrc32(buf) : tableCrc32(buf);
}

/** CRC-32 of PNG chunks (ISO 3309), table-driven. */
export function tableCrc32(buf: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const table = crcTable;
  let c = -1;
  // Indexed rather than for...of (3x faster here); neither `?? 0` is ever taken: i is
  // below the length, and the table has 256 entries for an index masked to 0-255.
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i] ?? 0;
    c = (table[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ -1) >>> 0;
}
