import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { imageBytes } from '../../src/report/workbook/pending-images.js';
import { packageWorkbook } from '../../src/report/workbook/xlsx-package.js';

/** A PNG-looking buffer that tells images apart (the zip holds bytes, nothing decodes them). */
const fakePng = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(64, n)]);

function workbookWith(images: (Buffer | Promise<Buffer>)[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('S');
  images.forEach((png, i) => {
    const id = wb.addImage({ buffer: imageBytes(wb, png) as unknown as ExcelJS.Image['buffer'], extension: 'png' });
    sheet.addImage(id, { tl: { col: 0, row: i * 10 }, ext: { width: 100, height: 50 } });
  });
  return wb;
}

const media = (xlsx: Buffer) =>
  Object.entries(unzipSync(new Uint8Array(xlsx)))
    .filter(([path]) => path.startsWith('xl/media/'))
    .map(([path, bytes]) => [path, Buffer.from(bytes).toString('hex')]);

describe('images still rendering when the workbook is laid out', () => {
  it('are in the zip once rendered, each where exceljs put its stand-in, beside images given as they are', async () => {
    let render: (png: Buffer) => void = () => {};
    const later = new Promise<Buffer>((resolve) => {
      render = resolve;
    });
    const wb = workbookWith([fakePng(1), later, Promise.resolve(fakePng(3))]);
    const packaging = packageWorkbook(wb, new Date(0));
    render(fakePng(2));
    expect(media(await packaging)).toEqual([
      ['xl/media/image1.png', fakePng(1).toString('hex')],
      ['xl/media/image2.png', fakePng(2).toString('hex')],
      ['xl/media/image3.png', fakePng(3).toString('hex')],
    ]);
  });

  it('fail the packaging when their rendering fails, with its error', async () => {
    const failed = Promise.reject(new Error('chart 7 could not be drawn'));
    failed.catch(() => undefined);
    await expect(packageWorkbook(workbookWith([failed]), new Date(0))).rejects.toThrow('chart 7 could not be drawn');
  });
});
