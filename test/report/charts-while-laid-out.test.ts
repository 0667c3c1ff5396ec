// The charts render (on worker threads) while the workbook is laid out: buildPack hands
// back each chart's PNG as a promise, the workbook puts the bytes in when they come, and
// a rendering that fails fails the workbook with its own error (never an unhandled rejection).
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../src/report/build-pack.js';
import { writeWorkbook } from '../../src/report/workbook/build-workbook.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { writeProgramme } from '../helpers/programme.js';
import { TINY_PNG } from './pack-fixture.js';

const dir = writeProgramme({
  'indicators/program.yaml': `program:
  id: overlap
  name: Charts while the workbook is laid out
  period: { start: 2019, end: 2030 }
  as_of: 2023
results:
  - { id: G1, level: impact, statement: Goal }
data:
  - { id: d, file: data/d.csv }
`,
  'indicators/a.yaml': `id: A
name: Coverage
result: G1
unit: percent
direction: increase
series: { data: d }
baseline: { period: 2020 }
targets: [{ period: 2025, value: 80 }]
`,
  'data/d.csv': 'indicator,period,value\nA,2020,50\nA,2021,55\nA,2022,61\nA,2023,64\n',
});

async function workspace() {
  const { workspace: ws } = await loadWorkspace(dir, 'indicators/program.yaml');
  if (!ws) throw new Error('the programme does not load');
  return ws;
}

const options = { engineVersion: 'test', runTime: '2024-01-01T00:00:00Z', inputFiles: [], chartMode: 'png' as const };

describe('charts rendered while the workbook is laid out', () => {
  it('buildPack returns before the charts are rendered, and the workbook holds their bytes', async () => {
    let finishRendering: (pngs: Buffer[]) => void = () => {};
    let asked = 0;
    const built = await buildPack(await workspace(), {
      ...options,
      renderCharts: (charts) => {
        asked = charts.length;
        return new Promise<Buffer[]>((resolve) => {
          finishRendering = resolve;
        });
      },
    });
    expect(asked).toBeGreaterThan(0);
    // Each chart's own bytes (a tiny PNG with its number after IEND: never decoded here).
    const pngs = Array.from({ length: asked }, (_, i) => Buffer.concat([TINY_PNG, Buffer.from([i])]));
    const writing = writeWorkbook(built.input);
    finishRendering(pngs);
    const { xlsx } = await writing;
    const media = Object.entries(unzipSync(new Uint8Array(xlsx))).filter(([path]) => path.startsWith('xl/media/'));
    for (const png of pngs) expect(media.some(([, bytes]) => Buffer.from(bytes).equals(png))).toBe(true);
    expect(await Promise.all(built.charts.map((c) => c.png))).toEqual(pngs);
  });

  it("a rendering that fails fails the workbook with the rendering's error", async () => {
    const built = await buildPack(await workspace(), {
      ...options,
      renderCharts: async () => {
        throw new Error('the chart worker died');
      },
    });
    await expect(writeWorkbook(built.input)).rejects.toThrow('the chart worker died');
  });
});
