// The workbook's parts compressed for the zip as they are handed over: XML deflated by
// Node's zlib on its thread pool, a few parts at a time, while the caller writes the next
// part; pictures (compressed already) stored as they are, with zlib's CRC-32.
import { promisify } from 'node:util';
import zlib, { gzip } from 'node:zlib';

/** A part as its zip entry holds it: deflated (8) or stored (0), and the CRC-32 of its bytes. */
export interface CompressedPart {
  data: Uint8Array<ArrayBuffer>;
  crc: number;
  method: 0 | 8;
}

/** Zip entries of these kinds are compressed already. */
const STORED = /\.(png|jpe?g|gif)$/i;

/**
 * Parts deflated at once: enough to keep the zlib thread pool (four threads) busy. Each
 * deflate holds some 300 KB of zlib's memory, which V8 counts against the heap: starting
 * a national pack's 200 sheets at once made it collect garbage twice over the pack's data.
 */
const DEFLATING_AT_ONCE = 4;

const gzipped = promisify(gzip);

/**
 * zlib's gzip of the bytes, taken apart (RFC 1952): a 10-byte header (Node writes no
 * optional field), the raw DEFLATE data a zip entry holds, then the CRC-32 and the size,
 * little-endian. (zlib.crc32 is Node 20.15's; gzip gives the CRC on every Node 20.)
 */
async function deflated(bytes: Uint8Array): Promise<CompressedPart> {
  const gz = await gzipped(bytes, { level: 6 });
  const data = new Uint8Array(gz.buffer as ArrayBuffer, gz.byteOffset + 10, gz.length - 18);
  return { data, crc: gz.readUInt32LE(gz.length - 8), method: 8 };
}

/** zlib's CRC-32, where Node has it (20.15 and later): many times faster than fflate's in JavaScript. */
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export class PartCompressor {
  private readonly compressed = new Map<string, CompressedPart>();
  private readonly added = new Set<string>();
  private readonly waiting: [string, Uint8Array][] = [];
  private deflating = 0;
  private failure: unknown;
  private finished: (() => void) | undefined;

  /** Starts compressing a part (or queues it behind those being deflated). */
  add(path: string, bytes: Uint8Array): void {
    this.added.add(path);
    if (!STORED.test(path)) {
      this.waiting.push([path, bytes]);
      this.next();
    } else if (zlibCrc32) {
      const data = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
      this.compressed.set(path, { data, crc: zlibCrc32(bytes), method: 0 });
    }
    // Else a picture is stored without a CRC: the zip writer works it out.
  }

  has(path: string): boolean {
    return this.added.has(path);
  }

  private next(): void {
    while (this.deflating < DEFLATING_AT_ONCE && this.waiting.length) {
      const [path, bytes] = this.waiting.shift() as [string, Uint8Array];
      this.deflating++;
      deflated(bytes).then(
        (d) => {
          this.compressed.set(path, d);
          this.deflating--;
          this.next();
        },
        (e: unknown) => {
          this.failure ??= e;
          this.deflating--;
          this.next();
        },
      );
    }
    if (!this.deflating && !this.waiting.length) this.finished?.();
  }

  /** Every part added, compressed (a stored picture without zlib's CRC is absent). */
  async done(): Promise<Map<string, CompressedPart>> {
    if (this.deflating || this.waiting.length) await new Promise<void>((resolve) => (this.finished = resolve));
    if (this.failure) throw this.failure;
    return this.compressed;
  }
}
