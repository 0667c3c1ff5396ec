// `npm run bench`: the whole-process benchmark of the `mel` command on a national
// programme (bench/generate-national.ts: 200 indicators x 50 districts x 2 sexes x 60
// months = 1.2 million rows, 20,000 series), against DuckDB doing the data part of the
// same job (bench/duckdb-baseline.ts, built to plain JavaScript and run with plain node;
// its in-process query + fetch time is the yardstick), plus the demo programme's whole
// `mel report`.
//
//   npm run bench [-- --rows-scale 0.01] [--skip-report] [--skip-demo]
//                    [--only validate,assess,report,duckdb,demo] [--repeat N]
//                    [--timeout SECONDS] [--duckdb-threads N] [--keep] [--force-generate]
//
// Every step is a separate process (`node <abs>/dist/cli/bin.js ...`, cwd = the programme),
// timed from spawn to exit, with its peak resident memory (maxRSS) written on exit by
// bench/peak-rss-preload.mjs. Figures go to the terminal and to .bench/results.json
// (.bench/results-s<scale>.json for a shrunk programme). See bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, constants, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { defaultDir, generateNational, scaledParams, type NationalManifest } from './generate-national.js';
import type { BaselineRow } from './duckdb-baseline.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const melBin = join(root, 'dist', 'cli', 'bin.js');
const preload = pathToFileURL(join(here, 'peak-rss-preload.mjs')).href;

/**
 * GNU time, when present, wraps each process as a second witness of its peak memory: the
 * preload cannot report when the process dies of a signal (V8 aborting when its heap is
 * exhausted), GNU time still can.
 */
const gnuTime = (() => {
  const probe = join(tmpdir(), `mel-bench-time-probe-${process.pid}`);
  try {
    const r = spawnSync('/usr/bin/time', ['-q', '-f', '%M', '-o', probe, 'true']);
    const ok = r.status === 0 && /^\d+\s*$/.test(readFileSync(probe, 'utf8'));
    return ok ? '/usr/bin/time' : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(probe, { force: true });
  }
})();

const signalName = (n: number) => Object.entries(constants.signals).find(([, v]) => v === n)?.[0] ?? `signal ${n}`;

// The project's targets (issue 10).
const TARGETS = {
  assessToDuckdbRatio: 5, // mel assess --json (whole process) within 5x DuckDB's in-process query + fetch time
  assessPeakRssKB: 512 * 1024, // assess peak memory under 512 MiB
  reportSeconds: 20, // mel report on the national programme under 20 s
  demoReportSeconds: 3, // the demo programme's whole `mel report` under 3 s
};

/**
 * bench/duckdb-baseline.ts as plain JavaScript (esbuild, no bundling), so that DuckDB's
 * process starts as mel's does, with plain node and no TypeScript loader. Written under
 * .bench/ so that `@duckdb/node-api` resolves from the repository's node_modules.
 */
async function buildDuckdbScript(): Promise<string> {
  const out = join(root, '.bench', 'duckdb-baseline.mjs');
  await build({
    entryPoints: [join(here, 'duckdb-baseline.ts')],
    outfile: out,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return out;
}

const STEPS = ['validate', 'assess', 'report', 'duckdb', 'demo'] as const;
type StepName = (typeof STEPS)[number];

// ---------------------------------------------------------------------------------------
// Options

interface Options {
  scale: number;
  only: Set<StepName>;
  repeat: number;
  timeoutSeconds: number;
  duckdbThreads?: string;
  keep: boolean;
  forceGenerate: boolean;
  dir?: string;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0) {
      if (argv[i + 1] === undefined) fail(`${name} needs a value`);
      return argv[i + 1];
    }
    return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const known = [
    '--rows-scale',
    '--only',
    '--repeat',
    '--timeout',
    '--duckdb-threads',
    '--dir',
    '--skip-report',
    '--skip-demo',
    '--keep',
    '--force-generate',
    '--help',
  ];
  for (const a of argv)
    if (a.startsWith('--') && !known.includes(a.replace(/=.*/s, '')))
      fail(`unknown option ${a}; options: ${known.join(' ')}`);
  if (argv.includes('--help')) {
    console.log(
      readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .slice(0, 13)
        .join('\n'),
    );
    process.exit(0);
  }
  const scale = Number(value('--rows-scale') ?? 1);
  if (!(scale > 0 && scale <= 1)) fail('--rows-scale must be a number in (0, 1]');
  let only = new Set<StepName>(STEPS);
  const onlyText = value('--only');
  if (onlyText) {
    const names = onlyText
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const n of names)
      if (!(STEPS as readonly string[]).includes(n)) fail(`--only ${n}: steps are ${STEPS.join(', ')}`);
    only = new Set(names as StepName[]);
  }
  if (argv.includes('--skip-report')) only.delete('report');
  if (argv.includes('--skip-demo')) only.delete('demo');
  const repeat = Number(value('--repeat') ?? 1);
  if (!(Number.isInteger(repeat) && repeat >= 1)) fail('--repeat must be a whole number >= 1');
  const timeoutSeconds = Number(value('--timeout') ?? 900);
  if (!(timeoutSeconds > 0)) fail('--timeout must be a number of seconds');
  return {
    scale,
    only,
    repeat,
    timeoutSeconds,
    duckdbThreads: value('--duckdb-threads'),
    keep: argv.includes('--keep'),
    forceGenerate: argv.includes('--force-generate'),
    dir: value('--dir'),
  };
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------
// Running one process

interface Measured {
  command: string;
  cwd: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  seconds: number;
  /** Peak resident memory in kilobytes (the preload's figure, else GNU time's); null when unknown. */
  maxRssKB: number | null;
  maxRssKBByTime: number | null;
  cpuSeconds: number | null;
  stdoutFile: string;
  stderrTail: string;
  ok: boolean;
}

const TAIL_BYTES = 8192;

async function measure(
  args: string[],
  cwd: string,
  workDir: string,
  label: string,
  timeoutSeconds: number,
  extraNodeArgs: string[] = [],
): Promise<Measured> {
  const rssFile = join(workDir, `${label}.rss.json`);
  const timeFile = join(workDir, `${label}.time`);
  const stdoutFile = join(workDir, `${label}.stdout`);
  rmSync(rssFile, { force: true });
  rmSync(timeFile, { force: true });
  const stdoutFd = openSync(stdoutFile, 'w');
  const nodeArgs = ['--import', preload, ...extraNodeArgs, ...args];
  const command = ['node', ...nodeArgs].map((a) => (a === preload ? 'bench/peak-rss-preload.mjs' : a)).join(' ');
  const t0 = performance.now();
  const [file, argv] = gnuTime
    ? [gnuTime, ['-q', '-f', '%M', '-o', timeFile, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  // Its own process group, so that a timeout ends the wrapper and node together.
  const child = spawn(file, argv, {
    cwd,
    env: { ...process.env, MEL_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', stdoutFd, 'pipe'],
    detached: true,
  });
  closeSync(stdoutFd);
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.length > 4 * TAIL_BYTES) stderr = stderr.slice(-TAIL_BYTES);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, timeoutSeconds * 1000);
  let { code, signal, seconds } = await new Promise<{ code: number | null; signal: string | null; seconds: number }>(
    (done, reject) => {
      let exited: { code: number | null; signal: string | null; seconds: number } | undefined;
      child.on('error', reject);
      child.on('exit', (c, s) => (exited = { code: c, signal: s, seconds: (performance.now() - t0) / 1000 }));
      child.on('close', () => done(exited!));
    },
  );
  clearTimeout(timer);
  // GNU time exits 128 + n when its command was killed by signal n.
  if (gnuTime && code !== null && code > 128 && signal === null) {
    signal = signalName(code - 128);
    code = null;
  }
  let maxRssKB: number | null = null;
  let maxRssKBByTime: number | null = null;
  let cpuSeconds: number | null = null;
  if (existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    if (/^\d+$/.test(last)) maxRssKBByTime = Number(last);
  }
  if (existsSync(rssFile)) {
    const r = JSON.parse(readFileSync(rssFile, 'utf8'));
    maxRssKB = r.maxRSS;
    cpuSeconds = r.userCPUSeconds + r.systemCPUSeconds;
  }
  maxRssKB ??= maxRssKBByTime;
  return {
    command,
    cwd,
    exitCode: code,
    signal,
    timedOut,
    seconds,
    maxRssKB,
    maxRssKBByTime,
    cpuSeconds,
    stdoutFile,
    stderrTail: stderr.slice(-TAIL_BYTES),
    ok: code === 0 && !timedOut,
  };
}

/** Runs a step `repeat` times; keeps the run with the median time (the worst peak memory of all). */
async function measureRepeated(
  repeat: number,
  run: (i: number) => Promise<Measured>,
): Promise<Measured & { runs: number[] }> {
  const all: Measured[] = [];
  for (let i = 0; i < repeat; i++) {
    const m = await run(i);
    all.push(m);
    if (!m.ok) return { ...m, runs: all.map((x) => x.seconds) };
  }
  const sorted = [...all].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('measureRepeated: no run (repeat below 1)');
  const rss = all.map((m) => m.maxRssKB).filter((x): x is number => x !== null);
  return { ...median, maxRssKB: rss.length === all.length ? Math.max(...rss) : null, runs: all.map((x) => x.seconds) };
}

// ---------------------------------------------------------------------------------------
// Reporting

type Verdict = 'PASS' | 'FAIL' | 'ok' | 'n/a';

interface Row {
  step: string;
  exit: string;
  seconds: number | null;
  /** User + system CPU seconds of the process (all its threads): steadier than wall time on a busy machine. */
  cpuSeconds?: number | null;
  rowsPerSecond: number | null;
  maxRssKB: number | null;
  target: string;
  verdict: Verdict;
  /** A derived figure: no process of its own, its value is in `target`. */
  derived?: boolean;
}

const fmtSeconds = (s: number | null) => (s === null ? '-' : s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtRate = (r: number | null) => (r === null ? '-' : Math.round(r).toLocaleString('en'));
const fmtMB = (kb: number | null) => (kb === null ? '-' : `${(kb / 1024).toFixed(0)} MiB`);

function printTable(rows: Row[]): void {
  const head = ['step', 'exit', 'wall s', 'cpu s', 'rows/s', 'peak RSS', 'target', 'verdict'];
  const cells = rows.map((r) =>
    r.derived
      ? [r.step, '', '', '', '', '', r.target, r.verdict]
      : [
          r.step,
          r.exit,
          fmtSeconds(r.seconds),
          fmtSeconds(r.cpuSeconds ?? null),
          fmtRate(r.rowsPerSecond),
          fmtMB(r.maxRssKB),
          r.target,
          r.verdict,
        ],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const right = new Set([1, 2, 3, 4, 5]);
  const line = (c: string[]) =>
    c
      .map((x, i) => (right.has(i) ? x.padStart(widths[i] ?? 0) : x.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function describeFailure(name: string, m: Measured): void {
  const why = m.timedOut
    ? `killed after the ${fmtSeconds(m.seconds)} s timeout`
    : m.signal
      ? `killed by ${m.signal}`
      : `exit code ${m.exitCode}`;
  console.log(`\n!! ${name} FAILED (${why}): ${m.command}  (cwd ${m.cwd})`);
  const tail = readableTail(m.stderrTail);
  console.log(tail ? tail.replace(/^/gm, '   | ') : '   | (no stderr)');
  if (!tail) {
    const out = lastLines(m.stdoutFile, 10);
    if (out) console.log(out.replace(/^/gm, '   > '));
  }
}

/**
 * The last lines of stderr, without V8's native stack frames (an out-of-memory abort),
 * which say nothing to a reader.
 */
function readableTail(stderr: string, n = 20): string {
  return stderr
    .trim()
    .split('\n')
    .filter((l) => !/^\s*\d+: 0x[0-9a-f]+/.test(l))
    .slice(-n)
    .join('\n');
}

function lastLines(file: string, n: number): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.slice(-TAIL_BYTES).trim().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------
// Checks of what mel printed

interface AssessCheck {
  results: number;
  statuses: Record<string, number>;
  parseError?: string;
  document?: { results: AssessResult[] };
}

interface AssessResult {
  indicator: string;
  disaggregation?: Record<string, string>;
  baseline?: { period?: string; value?: number | null } | null;
  latest?: { period?: string; value?: number | null } | null;
  status?: string;
}

function readAssessment(file: string): AssessCheck {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { results: AssessResult[] };
    const statuses: Record<string, number> = {};
    for (const r of doc.results) statuses[r.status ?? '(none)'] = (statuses[r.status ?? '(none)'] ?? 0) + 1;
    return { results: doc.results.length, statuses, document: doc };
  } catch (e) {
    return { results: 0, statuses: {}, parseError: (e as Error).message };
  }
}

interface Consistency {
  compared: number;
  matched: number;
  missingInMel: number;
  mismatches: number;
  examples: string[];
}

/** Does mel's baseline and latest value per series agree with DuckDB's? */
function compareWithDuckdb(assess: AssessResult[], duck: BaselineRow[]): Consistency {
  const key = (i: string, d: string, s: string) => `${i}\u0000${d}\u0000${s}`;
  const mel = new Map<string, AssessResult>();
  for (const r of assess) {
    const d = r.disaggregation ?? {};
    if (d.district !== undefined && d.sex !== undefined)
      mel.set(key(r.indicator, String(d.district), String(d.sex)), r);
  }
  const c: Consistency = { compared: duck.length, matched: 0, missingInMel: 0, mismatches: 0, examples: [] };
  const same = (a: number | null | undefined, b: number | null | undefined) =>
    (a ?? null) === null ? (b ?? null) === null : b !== null && b !== undefined && Math.abs(a! - b) < 1e-9;
  for (const row of duck) {
    const m = mel.get(key(row.indicator, row.district, row.sex));
    if (!m) {
      c.missingInMel++;
      if (c.examples.length < 5) c.examples.push(`${row.indicator} ${row.district}/${row.sex}: no result from mel`);
      continue;
    }
    const problems: string[] = [];
    if (!same(row.baseline, m.baseline?.value))
      problems.push(`baseline mel ${m.baseline?.value} vs duckdb ${row.baseline}`);
    if (!same(row.latest, m.latest?.value)) problems.push(`latest mel ${m.latest?.value} vs duckdb ${row.latest}`);
    if (row.latest_period !== null && m.latest?.period !== undefined && String(m.latest.period) !== row.latest_period)
      problems.push(`latest period mel ${m.latest.period} vs duckdb ${row.latest_period}`);
    if (problems.length) {
      c.mismatches++;
      if (c.examples.length < 5) c.examples.push(`${row.indicator} ${row.district}/${row.sex}: ${problems.join('; ')}`);
    } else c.matched++;
  }
  return c;
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const params = scaledParams(opts.scale);
  const dir = resolve(opts.dir ?? defaultDir(root, opts.scale));

  const loadBefore = loadavg();
  console.log(
    `mel-engine benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
      `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ` +
      `load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}` +
      `${gnuTime ? '' : ' (no GNU time: peak memory of a crashed process is unknown)'}`,
  );
  const [oneMinuteLoad = 0] = loadBefore;
  if (oneMinuteLoad > availableParallelism() / 2)
    console.log(
      `note: the machine is busy (1-minute load ${oneMinuteLoad.toFixed(2)} ` +
        `on ${availableParallelism()} CPUs); wall times will be inflated`,
    );
  const gen = await generateNational(dir, params, opts.forceGenerate);
  const man: NationalManifest = gen.manifest;
  console.log(
    `programme ${gen.reused ? 'reused' : `generated in ${gen.seconds.toFixed(1)} s`}: ${dir}\n` +
      `  ${man.indicators} indicators x ${man.districts} districts ` +
      `x ${man.sexes.length} sexes x ${man.months} months = ` +
      `${man.rows.toLocaleString('en')} rows, ${man.series.toLocaleString('en')} ` +
      `series, ${man.missing} NA, ${(man.csv_bytes / 2 ** 20).toFixed(1)} MiB CSV`,
  );

  const work = mkdtempSync(join(tmpdir(), 'mel-bench-'));
  const rows: Row[] = [];
  const steps: Record<string, unknown> = {};
  const failures: string[] = [];
  const mel = (args: string[]) => [melBin, ...args];
  const perRow = (m: Measured) => (m.ok ? man.rows / m.seconds : null);
  const exitText = (m: Measured) => (m.timedOut ? 'timeout' : (m.signal ?? String(m.exitCode)));
  const record = (name: string, m: Measured & { runs?: number[] }, extra: Record<string, unknown> = {}) => {
    steps[name] = {
      command: m.command,
      cwd: m.cwd,
      exit_code: m.exitCode,
      signal: m.signal,
      timed_out: m.timedOut,
      ok: m.ok,
      seconds: m.seconds,
      runs_seconds: m.runs,
      rows_per_second: perRow(m),
      peak_rss_kb: m.maxRssKB,
      peak_rss_mib: m.maxRssKB === null ? null : m.maxRssKB / 1024,
      peak_rss_kb_gnu_time: m.maxRssKBByTime,
      cpu_seconds: m.cpuSeconds,
      ...(m.ok ? {} : { stderr_tail: readableTail(m.stderrTail) }),
      ...extra,
    };
    if (!m.ok) {
      failures.push(name);
      describeFailure(name, m);
    }
  };
  const progress = (what: string) => process.stdout.write(`running ${what} ...`);
  const done = (m: Measured) =>
    console.log(` ${m.ok ? '' : 'FAILED, '}${fmtSeconds(m.seconds)} s, ${fmtMB(m.maxRssKB)}`);

  let validate: Measured | undefined;
  let assess: Measured | undefined;
  let report: Measured | undefined;
  let duck: Measured | undefined;
  let demo: Measured | undefined;
  let assessCheck: AssessCheck | undefined;
  let duckInfo: Record<string, unknown> | undefined;
  /** DuckDB's in-process query + fetch time (median of the runs): the yardstick. */
  let duckQuerySeconds: number | undefined;
  let duckRows: BaselineRow[] | undefined;

  try {
    if (opts.only.has('validate')) {
      progress('mel validate');
      validate = await measureRepeated(opts.repeat, () =>
        measure(mel(['validate']), dir, work, 'validate', opts.timeoutSeconds),
      );
      done(validate);
      record('validate', validate, { summary: lastLines(validate.stdoutFile, 1) });
      rows.push({
        step: 'mel validate',
        exit: exitText(validate),
        seconds: validate.seconds,
        cpuSeconds: validate.cpuSeconds,
        rowsPerSecond: perRow(validate),
        maxRssKB: validate.maxRssKB,
        target: '(none)',
        verdict: validate.ok ? 'ok' : 'FAIL',
      });
    }

    if (opts.only.has('assess')) {
      progress('mel assess --json');
      assess = await measureRepeated(opts.repeat, () =>
        measure(mel(['assess', '--json']), dir, work, 'assess', opts.timeoutSeconds),
      );
      done(assess);
      if (assess.ok) assessCheck = readAssessment(assess.stdoutFile);
      record(
        'assess',
        assess,
        assessCheck
          ? { results: assessCheck.results, statuses: assessCheck.statuses, json_error: assessCheck.parseError }
          : {},
      );
      const memOk = assess.ok && assess.maxRssKB !== null && assess.maxRssKB < TARGETS.assessPeakRssKB;
      rows.push({
        step: 'mel assess --json',
        exit: exitText(assess),
        seconds: assess.seconds,
        cpuSeconds: assess.cpuSeconds,
        rowsPerSecond: perRow(assess),
        maxRssKB: assess.maxRssKB,
        target: 'peak RSS < 512 MiB',
        verdict: memOk ? 'PASS' : 'FAIL',
      });
    }

    if (opts.only.has('report')) {
      progress('mel report --out <tmp> --quiet');
      report = await measureRepeated(opts.repeat, (i) =>
        measure(
          mel(['report', '--out', join(work, `report-${i}`), '--quiet']),
          dir,
          work,
          'report',
          opts.timeoutSeconds,
        ),
      );
      done(report);
      record('report', report, { out: join(work, 'report-0'), summary: lastLines(report.stdoutFile, 1) });
      rows.push({
        step: 'mel report --quiet',
        exit: exitText(report),
        seconds: report.seconds,
        cpuSeconds: report.cpuSeconds,
        rowsPerSecond: perRow(report),
        maxRssKB: report.maxRssKB,
        target: `< ${TARGETS.reportSeconds} s`,
        verdict: report.ok && report.seconds < TARGETS.reportSeconds ? 'PASS' : 'FAIL',
      });
    }

    if (opts.only.has('duckdb')) {
      progress('DuckDB baseline (plain node)');
      const script = await buildDuckdbScript();
      const out = join(work, 'duckdb-rows.json');
      const args = [
        script,
        '--csv',
        join(dir, man.csv),
        '--out',
        out,
        ...(opts.duckdbThreads ? ['--threads', opts.duckdbThreads] : []),
      ];
      // Each run prints its own in-process split; the yardstick is their median query + fetch time.
      const queries: number[] = [];
      duck = await measureRepeated(opts.repeat, async (i) => {
        const m = await measure(args, root, work, `duckdb-${i}`, opts.timeoutSeconds);
        if (m.ok) {
          try {
            const info = JSON.parse(lastLines(m.stdoutFile, 1)) as Record<string, unknown>;
            queries.push(Number(info.seconds_query));
            duckInfo ??= info;
          } catch (e) {
            m.ok = false;
            m.stderrTail += `\nbench: could not read DuckDB's timings: ${(e as Error).message}`;
          }
        }
        return m;
      });
      done(duck);
      if (duck.ok) {
        try {
          duckRows = JSON.parse(readFileSync(out, 'utf8')) as BaselineRow[];
        } catch (e) {
          duck.ok = false;
          duck.stderrTail += `\nbench: could not read DuckDB's output: ${(e as Error).message}`;
        }
        if (duckRows && duckRows.length !== man.series) {
          duck.ok = false;
          duck.stderrTail += `\nbench: DuckDB returned ${duckRows.length} rows, expected ${man.series}`;
        }
      }
      if (duck.ok && queries.length) duckQuerySeconds = [...queries].sort((a, b) => a - b)[(queries.length - 1) >> 1];
      record('duckdb', duck, {
        ...duckInfo,
        seconds_query: duckQuerySeconds ?? null,
        runs_seconds_query: queries,
      });
      rows.push({
        step: 'DuckDB baseline+latest (process)',
        exit: exitText(duck),
        seconds: duck.seconds,
        cpuSeconds: duck.cpuSeconds,
        rowsPerSecond: perRow(duck),
        maxRssKB: duck.maxRssKB,
        target: '(plain node)',
        verdict: duck.ok ? 'ok' : 'FAIL',
      });
      if (duckQuerySeconds !== undefined)
        rows.push({
          step: 'DuckDB in-process query + fetch',
          exit: '',
          seconds: duckQuerySeconds,
          rowsPerSecond: man.rows / duckQuerySeconds,
          maxRssKB: null,
          target: '(yardstick)',
          verdict: 'ok',
        });
    }

    if (opts.only.has('demo')) {
      progress('demo programme mel report');
      demo = await measureRepeated(opts.repeat, (i) =>
        measure(mel(['report', '--out', join(work, `demo-report-${i}`)]), root, work, 'demo', opts.timeoutSeconds),
      );
      done(demo);
      record('demo_report', demo, { summary: lastLines(demo.stdoutFile, 1) });
      rows.push({
        step: 'demo: mel report',
        exit: exitText(demo),
        seconds: demo.seconds,
        cpuSeconds: demo.cpuSeconds,
        rowsPerSecond: null,
        maxRssKB: demo.maxRssKB,
        target: `< ${TARGETS.demoReportSeconds} s`,
        verdict: demo.ok && demo.seconds < TARGETS.demoReportSeconds ? 'PASS' : 'FAIL',
      });
    }

    // Derived figures.
    // The target: mel's whole process against DuckDB's query + fetch inside its process.
    let ratio: number | null = null;
    let processRatio: number | null = null;
    if (assess && duck) {
      if (assess.ok && duck.ok && duckQuerySeconds !== undefined) ratio = assess.seconds / duckQuerySeconds;
      if (assess.ok && duck.ok) processRatio = assess.seconds / duck.seconds;
      rows.push({
        step: 'assess / DuckDB in-process',
        exit: '',
        seconds: null,
        rowsPerSecond: null,
        maxRssKB: null,
        derived: true,
        target: `${ratio === null ? '-' : `${ratio.toFixed(2)}x`} (target <= ${TARGETS.assessToDuckdbRatio}x)`,
        verdict: ratio !== null && ratio <= TARGETS.assessToDuckdbRatio ? 'PASS' : 'FAIL',
      });
      rows.push({
        step: 'assess / DuckDB process',
        exit: '',
        seconds: null,
        rowsPerSecond: null,
        maxRssKB: null,
        derived: true,
        target: processRatio === null ? '-' : `${processRatio.toFixed(2)}x`,
        verdict: 'n/a',
      });
    }
    let expectedResults: { ok: boolean; results: number } | undefined;
    if (assessCheck) {
      const okCount = !assessCheck.parseError && assessCheck.results === man.series;
      expectedResults = { ok: okCount, results: assessCheck.results };
      rows.push({
        step: `assess results = ${man.series.toLocaleString('en')} series`,
        exit: '',
        seconds: null,
        rowsPerSecond: null,
        maxRssKB: null,
        derived: true,
        target: assessCheck.parseError ? 'JSON error' : `${assessCheck.results.toLocaleString('en')} results`,
        verdict: okCount ? 'PASS' : 'FAIL',
      });
    }
    let consistency: Consistency | undefined;
    if (assessCheck?.document && duckRows) {
      consistency = compareWithDuckdb(assessCheck.document.results, duckRows);
      const ok = consistency.matched === consistency.compared;
      rows.push({
        step: 'mel = DuckDB (baseline, latest)',
        exit: '',
        seconds: null,
        rowsPerSecond: null,
        maxRssKB: null,
        derived: true,
        target: `${consistency.matched.toLocaleString('en')}/${consistency.compared.toLocaleString('en')} agree`,
        verdict: ok ? 'PASS' : 'FAIL',
      });
    }

    console.log('');
    printTable(rows);
    if (ratio !== null)
      console.log(
        `\nmel assess --json (whole process) took ${ratio.toFixed(2)}x DuckDB's in-process query + fetch time ` +
          `(target: within ${TARGETS.assessToDuckdbRatio}x), ${processRatio?.toFixed(2)}x DuckDB's whole process.`,
      );
    if (duckInfo && duck && duckQuerySeconds !== undefined)
      console.log(
        `DuckDB ${duckInfo.duckdb_version}, ${duckInfo.threads} threads; in-process ` +
          `query + fetch ${fmtSeconds(duckQuerySeconds)} s of its ${fmtSeconds(duck.seconds)} ` +
          `s process (the rest: node and DuckDB start-up, writing its rows).`,
      );
    if (assessCheck && !assessCheck.parseError)
      console.log(
        `assess statuses: ${Object.entries(assessCheck.statuses)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    if (validate?.ok) console.log(`validate: ${lastLines(validate.stdoutFile, 1)}`);
    if (consistency?.examples.length)
      console.log(
        `mel vs DuckDB disagreements (first ${consistency.examples.length}):\n  ${consistency.examples.join('\n  ')}`,
      );

    const resultsFile = join(root, '.bench', opts.scale === 1 ? 'results.json' : `results-s${opts.scale}.json`);
    mkdirSync(dirname(resultsFile), { recursive: true });
    const verdicts = Object.fromEntries(
      rows.filter((r) => r.verdict === 'PASS' || r.verdict === 'FAIL').map((r) => [r.step, r.verdict]),
    );
    writeFileSync(
      resultsFile,
      `${JSON.stringify(
        {
          generated_at: new Date().toISOString(),
          machine: {
            node: process.version,
            platform: `${process.platform} ${process.arch}`,
            cpu: cpus()[0]?.model,
            cpus: availableParallelism(),
            memory_gib: totalmem() / 2 ** 30,
            load_average_before: loadBefore,
            load_average_after: loadavg(),
            peak_rss_witness: gnuTime ? 'preload + GNU time' : 'preload',
          },
          programme: { dir, reused: gen.reused, generate_seconds: gen.reused ? null : gen.seconds, ...man },
          options: {
            rows_scale: opts.scale,
            steps: [...opts.only],
            repeat: opts.repeat,
            duckdb_threads: opts.duckdbThreads ?? null,
          },
          targets: {
            assess_to_duckdb_ratio_max: TARGETS.assessToDuckdbRatio,
            assess_peak_rss_kb_max: TARGETS.assessPeakRssKB,
            report_seconds_max: TARGETS.reportSeconds,
            demo_report_seconds_max: TARGETS.demoReportSeconds,
          },
          steps,
          assess_to_duckdb_ratio: ratio,
          assess_to_duckdb_process_ratio: processRatio,
          assess_results: expectedResults ?? null,
          consistency: consistency ?? null,
          verdicts,
          failures,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nfigures written to ${resultsFile}`);
    if (opts.keep) console.log(`outputs kept in ${work}`);
    if (Object.values(verdicts).includes('FAIL') || failures.length) process.exitCode = 1;
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  }
}

await main();
