// Micro-benchmark of readTable on a national programme's worth of monthly data:
// 200 indicators x 50 districts x 2 sexes x 60 months = 1.2 million long rows
// (indicator,period,district,sex,value), 20,000 series.
//
//   node --import tsx bench/read-table.bench.ts [--keep]
//   node --cpu-prof --import tsx bench/read-table.bench.ts      (then open the .cpuprofile)
//
// Prints rows per second and the peak resident memory while reading. Memory should grow
// with the number of series and points, not with the file: the file (about 47 MB) is
// streamed, never held.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../src/data/read-table.js';
import type { DataSource } from '../src/spec/schema.js';

const INDICATORS = 200;
const DISTRICTS = 50;
const SEXES = ['female', 'male'];
const MONTHS = 60;

/** Writes the file in blocks, so generating it does not inflate the memory measured later. */
async function generate(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write('indicator,period,district,sex,value\n');
  let rows = 0;
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < INDICATORS; i++) {
    const block: string[] = [];
    for (let d = 0; d < DISTRICTS; d++) {
      for (const sex of SEXES) {
        for (let m = 0; m < MONTHS; m++) {
          const period = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
          block.push(
            `IND-${String(i).padStart(3, '0')},${period},District ${d},${sex},${(random() * 1000).toFixed(2)}`,
          );
          rows++;
        }
      }
    }
    if (!out.write(`${block.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mel-bench-'));
  const file = join(dir, 'monthly.csv');
  try {
    const t0 = performance.now();
    const rows = await generate(file);
    console.log(
      `generated ${rows.toLocaleString('en')} rows, ${mb(statSync(file).size)}, ` +
        `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);

    const source: DataSource = {
      id: 'bench',
      file: 'monthly.csv',
      format: 'long',
      disaggregations: ['district', 'sex'],
      duplicates: 'error',
    };
    const t1 = performance.now();
    const { table, issues } = await readTable(source, { root: dir, fiscalYearStart: 1, matchColumns: [] });
    const seconds = (performance.now() - t1) / 1000;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

    const points = table.series.reduce((n, s) => n + s.values.length, 0);
    console.log(
      `readTable: ${table.rowCount.toLocaleString('en')} rows, ${table.series.length.toLocaleString('en')} ` +
        `series, ${points.toLocaleString('en')} points, ${issues.length} issues`,
    );
    console.log(`time ${seconds.toFixed(2)} s, ${Math.round(table.rowCount / seconds).toLocaleString('en')} rows/s`);
    console.log(
      `RSS before ${mb(rssBefore)}, peak while reading ${mb(rssPeak)} ` +
        `(+${mb(rssPeak - rssBefore)}); process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
    if (table.rowCount !== rows || table.series.length !== INDICATORS * DISTRICTS * SEXES.length || issues.length) {
      console.error('unexpected result', issues.slice(0, 5));
      process.exitCode = 1;
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${file}`);
  }
}

await main();
