// The yardstick for `mel assess`: DuckDB doing the data part of the same job on the same
// CSV. It reads data/national.csv with explicit column types (`NA` as null) and, per
// indicator x district x sex, extracts the baseline (the value at the series' first
// period, even if missing) and the latest value (the last non-missing one), returning
// one row per series (20,000 at full size) to JavaScript.
//
//   node --import tsx bench/duckdb-baseline.ts --csv FILE [--out FILE.json] [--threads N]
//
// bench/run.ts builds this to plain JavaScript (.bench/duckdb-baseline.mjs) and runs it
// with plain node as its own process, like each `mel` command, timing the whole process.
// Prints one JSON line to stdout: rows returned, DuckDB's version and threads, and the
// in-process split (open, query + fetch, write); query + fetch is the yardstick.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export interface BaselineRow {
  indicator: string;
  district: string;
  sex: string;
  baseline_period: string;
  baseline: number | null;
  latest_period: string | null;
  latest: number | null;
  points: number;
  missing: number;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export function baselineSql(csv: string): string {
  return `
    WITH t AS (
      SELECT * FROM read_csv(${sqlString(csv)},
        header = true, delim = ',', quote = '"', auto_detect = false,
        columns = {
          'indicator': 'VARCHAR', 'period': 'VARCHAR', 'district': 'VARCHAR', 'sex': 'VARCHAR', 'value': 'DOUBLE'
        },
        nullstr = 'NA')
    )
    SELECT indicator, district, sex,
      min(period) AS baseline_period,
      arg_min_null(value, period) AS baseline,
      max(period) FILTER (WHERE value IS NOT NULL) AS latest_period,
      arg_max(value, period) FILTER (WHERE value IS NOT NULL) AS latest,
      count(*)::INTEGER AS points,
      count(*) FILTER (WHERE value IS NULL)::INTEGER AS missing
    FROM t
    GROUP BY indicator, district, sex
    ORDER BY indicator, district, sex`;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(argv: string[]): Promise<void> {
  const csv = option(argv, '--csv');
  if (!csv) throw new Error('usage: duckdb-baseline.ts --csv FILE [--out FILE.json] [--threads N]');
  const out = option(argv, '--out');
  const threads = option(argv, '--threads');

  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads } : undefined);
  const connection = await instance.connect();
  const t1 = performance.now();
  const reader = await connection.runAndReadAll(baselineSql(resolve(csv)));
  const rows = reader.getRowObjectsJS() as unknown as BaselineRow[];
  const t2 = performance.now();
  const [info] = (
    await connection.runAndReadAll(`SELECT version() AS version, current_setting('threads') AS threads`)
  ).getRowObjectsJS();
  if (!info) throw new Error('DuckDB gave no row for its version and threads');
  if (out) writeFileSync(out, JSON.stringify(rows));
  const t3 = performance.now();
  connection.closeSync();
  instance.closeSync();

  process.stdout.write(
    `${JSON.stringify({
      rows: rows.length,
      duckdb_version: String(info.version),
      threads: Number(info.threads),
      seconds_open: (t1 - t0) / 1000,
      seconds_query: (t2 - t1) / 1000,
      seconds_write: (t3 - t2) / 1000,
    })}\n`,
  );
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`duckdb-baseline: ${(e as Error).message}\n`);
  process.exit(1);
});
