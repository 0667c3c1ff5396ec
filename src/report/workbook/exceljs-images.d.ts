// exceljs declares an image's `buffer` as an ArrayBuffer-like interface of its own, but
// what it reads there is a Node Buffer (it zips it as it is, and reads images back as
// Node Buffers): this overload says so, so a PNG is passed without a cast.
import type { Buffer as NodeBuffer } from 'node:buffer';

declare module 'exceljs' {
  interface Workbook {
    addImage(image: { buffer: NodeBuffer; extension: 'png' | 'jpeg' | 'gif' }): number;
  }
}
