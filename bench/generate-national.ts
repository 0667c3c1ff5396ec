// Generates a synthetic national programme for the whole-process benchmark (bench/run.ts):
// 200 indicators x 50 districts x 2 sexes x 60 months (2019-01 .. 2023-12)
// = 1,200,000 long rows and 20,000 series, in one CSV `data/national.csv`
// (indicator,period,district,sex,value), with `indicators/program.yaml` and one
// `indicators/ind-NNN.yaml` per indicator.
//
//   node --import tsx bench/generate-national.ts [--out DIR] [--rows-scale F] [--seed N] [--force]
//
// Deterministic: every number comes from a seeded PRNG (mulberry32), never Math.random,
// so the same parameters always give byte-identical files. The CSV is streamed in blocks
// (no giant string). When DIR already holds a programme generated with the same
// parameters (manifest.json), nothing is written. A new programme is generated into a
// sibling temporary directory and renamed into place, so an interrupted run never leaves
// a half-written programme that a later run would reuse.
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './mulberry32.js';

export const GENERATOR_VERSION = 1;

export interface NationalParams {
  seed: number;
  indicators: number;
  districts: number;
  sexes: string[];
  months: number;
  /** First period, YYYY-MM. */
  start: string;
  /** Share of rows (after the first month) written as `NA`. */
  naRate: number;
}

export interface NationalManifest extends NationalParams {
  generator_version: number;
  rows: number;
  series: number;
  missing: number;
  end: string;
  csv_bytes: number;
  csv: string;
  program: string;
}

export const FULL: NationalParams = {
  seed: 20240611,
  indicators: 200,
  districts: 50,
  sexes: ['female', 'male'],
  months: 60,
  start: '2019-01',
  naRate: 0.001,
};

/** Shrinks the programme to about `scale` of its rows: indicators and districts each by sqrt(scale). */
export function scaledParams(scale = 1, seed = FULL.seed): NationalParams {
  if (!(scale > 0 && scale <= 1)) throw new Error(`--rows-scale must be in (0, 1], got ${scale}`);
  const k = Math.sqrt(scale);
  return {
    ...FULL,
    seed,
    indicators: Math.max(1, Math.round(FULL.indicators * k)),
    districts: Math.max(1, Math.round(FULL.districts * k)),
  };
}

/** Default directory: `.bench/national` at full size, `.bench/national-s<scale>` otherwise. */
export function defaultDir(root: string, scale = 1): string {
  return join(root, '.bench', scale === 1 ? 'national' : `national-s${scale}`);
}

// ---------------------------------------------------------------------------------------
// Deterministic randomness

function gaussian(rng: () => number): number {
  const u = 1 - rng(); // (0, 1]
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const uniform = (rng: () => number, lo: number, hi: number) => lo + (hi - lo) * rng();

// ---------------------------------------------------------------------------------------
// What the programme measures

interface Topic {
  outcome: string;
  name: string;
  definition: string;
  direction: 'increase' | 'decrease';
}

const TOPICS: Topic[] = [
  {
    outcome: 'More pregnant women receive quality antenatal care',
    name: 'Pregnant women with at least four antenatal care visits',
    definition:
      'Percentage of women delivering in the month who attended ' +
      'at least four antenatal care visits during the pregnancy',
    direction: 'increase',
  },
  {
    outcome: 'More births are attended by skilled personnel',
    name: 'Births attended by skilled health personnel',
    definition: 'Percentage of births in the month attended by a doctor, nurse or midwife',
    direction: 'increase',
  },
  {
    outcome: 'Fewer newborns are born with low weight',
    name: 'Low birth weight',
    definition: 'Percentage of live births in the month weighing less than 2,500 g',
    direction: 'decrease',
  },
  {
    outcome: 'More children are fully immunised',
    name: 'Children under one receiving the third dose of DTP-containing vaccine',
    definition: 'Percentage of surviving infants who received the third dose of a DTP-containing vaccine in the month',
    direction: 'increase',
  },
  {
    outcome: 'More children are fully immunised',
    name: 'Children under one receiving the first dose of measles-containing vaccine',
    definition:
      'Percentage of surviving infants who received the first dose of a measles-containing vaccine in the month',
    direction: 'increase',
  },
  {
    outcome: 'Fewer children are undernourished',
    name: 'Children under five with moderate or severe wasting at growth monitoring',
    definition:
      'Percentage of children aged 0-59 months weighed in the month ' +
      'whose weight-for-height is below -2 SD of the WHO median',
    direction: 'decrease',
  },
  {
    outcome: 'Fewer children are undernourished',
    name: 'Children under five with low weight-for-age at growth monitoring',
    definition:
      'Percentage of children aged 0-59 months weighed in the ' +
      'month whose weight-for-age is below -2 SD of the WHO median',
    direction: 'decrease',
  },
  {
    outcome: 'More infants are exclusively breastfed',
    name: 'Infants under six months exclusively breastfed',
    definition:
      'Percentage of infants aged 0-5 months seen in the month who received only breast milk in the previous 24 hours',
    direction: 'increase',
  },
  {
    outcome: 'Malaria is diagnosed and treated correctly',
    name: 'Suspected malaria cases tested',
    definition:
      'Percentage of suspected malaria cases in the month that received a parasitological test (RDT or microscopy)',
    direction: 'increase',
  },
  {
    outcome: 'Malaria is diagnosed and treated correctly',
    name: 'Malaria test positivity rate',
    definition: 'Percentage of malaria tests performed in the month that were positive',
    direction: 'decrease',
  },
  {
    outcome: 'People living with HIV are on effective treatment',
    name: 'People living with HIV on ART with a suppressed viral load',
    definition:
      'Percentage of people on antiretroviral therapy tested in the month whose viral load is below 1,000 copies/ml',
    direction: 'increase',
  },
  {
    outcome: 'People living with HIV are on effective treatment',
    name: 'ART patients lost to follow-up',
    definition:
      'Percentage of people on antiretroviral therapy at the start ' +
      'of the month who missed their appointment by more than 28 days',
    direction: 'decrease',
  },
  {
    outcome: 'Tuberculosis patients complete treatment',
    name: 'Tuberculosis treatment success',
    definition:
      'Percentage of tuberculosis patients whose treatment outcome ' +
      'was recorded in the month who were cured or completed treatment',
    direction: 'increase',
  },
  {
    outcome: 'More couples use modern family planning',
    name: 'Family planning clients using a modern method',
    definition:
      'Percentage of women of reproductive age seen in family planning ' +
      'services in the month who use a modern contraceptive method',
    direction: 'increase',
  },
  {
    outcome: 'More adolescents use youth-friendly services',
    name: 'Adolescent pregnancies among antenatal care first visits',
    definition: 'Percentage of antenatal care first visits in the month by girls aged 10-19',
    direction: 'decrease',
  },
  {
    outcome: 'Facilities keep essential medicines in stock',
    name: 'Facilities with a stock-out of any tracer medicine',
    definition:
      'Percentage of reporting facilities with a stock-out of at least one of the 15 tracer medicines during the month',
    direction: 'decrease',
  },
  {
    outcome: 'Facilities report complete and timely data',
    name: 'Monthly facility reports received on time',
    definition: 'Percentage of expected monthly facility reports received by the 15th of the following month',
    direction: 'increase',
  },
  {
    outcome: 'More households have safe water and sanitation',
    name: 'Households with access to basic sanitation',
    definition:
      'Percentage of households visited by community health workers in the month with an improved, unshared toilet',
    direction: 'increase',
  },
  {
    outcome: 'Children with diarrhoea receive correct treatment',
    name: 'Children under five with diarrhoea treated with ORS and zinc',
    definition: 'Percentage of children aged 0-59 months with diarrhoea seen in the month who received ORS and zinc',
    direction: 'increase',
  },
  {
    outcome: 'Fewer mothers and newborns die',
    name: 'Facility deliveries with a maternal complication',
    definition:
      'Percentage of facility deliveries in the month with a recorded obstetric ' +
      'complication (haemorrhage, eclampsia, sepsis, obstructed labour)',
    direction: 'decrease',
  },
];

const SETTINGS = [
  'all facilities',
  'hospitals',
  'health centres',
  'health posts',
  'faith-based facilities',
  'private clinics',
  'urban facilities',
  'rural facilities',
  'outreach sites',
  'community programmes',
];

/** The item at an index the generator computed within the list (a miss is a bug here). */
function itemAt<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`generate-national: no item ${i} in a list of ${xs.length}`);
  return x;
}

function districtNames(count: number, rng: () => number): string[] {
  const first = ['Ka', 'Chi', 'Mu', 'Lu', 'Ma', 'Nko', 'Si', 'Mpo', 'Ise', 'Ndo', 'Ba', 'Zi', 'Mwe', 'Ki', 'Sha'];
  const middle = ['lo', 'ba', 'nga', 'sa', 'mbe', 'ku', 'ta', 'wa', 'ndi', 'ro', ''];
  const last = ['nga', 'ma', 'si', 'la', 'ko', 'be', 'nde', 'mbo', 'zi', 'wa'];
  const names: string[] = [];
  const seen = new Set<string>();
  while (names.length < count) {
    const pick = (xs: string[]) => itemAt(xs, Math.floor(rng() * xs.length));
    let name = pick(first) + pick(middle) + pick(last);
    if (seen.has(name)) name = `${name} ${itemAt(['North', 'South', 'East', 'West', 'Central'], names.length % 5)}`;
    if (seen.has(name)) name = `${name} ${names.length}`;
    seen.add(name);
    names.push(name);
  }
  return names;
}

function periodAt(start: string, m: number): string {
  const [y0, m0] = start.split('-').map(Number);
  if (y0 === undefined || m0 === undefined) throw new Error(`generate-national: ${start} is not YYYY-MM`);
  const k = y0 * 12 + (m0 - 1) + m;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

const pad3 = (i: number) => String(i + 1).padStart(3, '0');
const indicatorCode = (i: number) => `IND${pad3(i)}`;
const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar

interface IndicatorPlan {
  code: string;
  topic: number;
  topicData: Topic;
  setting: string;
  level: number;
  slope: number;
  slopeSd: number;
  seasonAmp: number;
  seasonPhase: number;
  noiseSd: number;
}

function planIndicators(p: NationalParams, rng: () => number): IndicatorPlan[] {
  const plans: IndicatorPlan[] = [];
  for (let i = 0; i < p.indicators; i++) {
    const topic = i % TOPICS.length;
    const t = itemAt(TOPICS, topic);
    const up = t.direction === 'increase';
    plans.push({
      code: indicatorCode(i),
      topic,
      topicData: t,
      setting: itemAt(SETTINGS, Math.floor(i / TOPICS.length) % SETTINGS.length),
      // Room to move in the good direction.
      level: up ? uniform(rng, 15, 75) : uniform(rng, 25, 85),
      // Percentage points a month, mostly in the good direction: a +-5 pp target over
      // 84 months needs about 0.06 pp a month, so statuses come out mixed.
      slope: (up ? 1 : -1) * uniform(rng, 0.0, 0.12),
      slopeSd: uniform(rng, 0.02, 0.07),
      seasonAmp: uniform(rng, 0, 2.5),
      seasonPhase: uniform(rng, 0, 12),
      noiseSd: uniform(rng, 0.4, 2.0),
    });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------
// Writing

function programYaml(p: NationalParams, end: string): string {
  const outcomes = [...new Set(TOPICS.slice(0, Math.min(p.indicators, TOPICS.length)).map((t) => t.outcome))];
  const lines = [
    '# Generated by bench/generate-national.ts: a synthetic national health programme for the',
    `# whole-process benchmark (seed ${p.seed}). Do not edit: regenerate instead.`,
    'program:',
    '  id: national-hmis-bench',
    '  name: National health programme (synthetic HMIS benchmark)',
    '  locale: en',
    `  period: { start: ${p.start.slice(0, 4)}, end: 2025 }`,
    `  as_of: ${q(end)}`,
    '  fiscal_year_start: 1',
    '',
    'results:',
    '  - { id: G1, level: impact, statement: "Better health for ' +
      'mothers, children and people living with chronic infections" }',
    ...outcomes.map(
      (o, k) => `  - { id: O${String(k + 1).padStart(2, '0')}, level: outcome, parent: G1, statement: ${q(o)} }`,
    ),
    '',
    'assessment:',
    '  method: trajectory',
    '',
    'data:',
    '  - id: hmis',
    '    file: data/national.csv',
    '    disaggregations: [district, sex]',
    '    source: Synthetic HMIS monthly facility reports (bench/generate-national.ts)',
    '',
  ];
  return lines.join('\n');
}

function indicatorYaml(plan: IndicatorPlan, p: NationalParams, outcomeIds: Map<string, string>): string {
  const t = plan.topicData;
  const change = t.direction === 'increase' ? 5 : -5;
  return [
    '# Generated by bench/generate-national.ts. Do not edit.',
    `id: ${plan.code}`,
    `name: ${q(`${t.name}, ${plan.setting}`)}`,
    'definition: >-',
    `  ${t.definition}, in ${plan.setting}, from the monthly HMIS ` +
      `facility reports, broken down by district and by sex of the client.`,
    `result: ${outcomeIds.get(t.outcome)}`,
    'unit: percent',
    `direction: ${t.direction}`,
    'frequency: monthly',
    'aggregate: none',
    `series: { data: hmis, match: { indicator: ${plan.code} } }`,
    `baseline: { period: ${q(p.start)} }`,
    'targets:',
    `  - { period: "2025-12", change: ${change}, change_unit: pp, label: "National health strategy 2025" }`,
    'valid_range: [0, 100]',
    '',
  ].join('\n');
}

async function writeCsv(
  path: string,
  p: NationalParams,
  plans: IndicatorPlan[],
  districts: string[],
  rng: () => number,
): Promise<{ rows: number; missing: number }> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const closed = once(out, 'close');
  let failure: unknown;
  out.on('error', (e) => (failure = e));
  const periods = Array.from({ length: p.months }, (_, m) => periodAt(p.start, m));
  let rows = 0;
  let missing = 0;
  let block: string[] = ['indicator,period,district,sex,value'];
  const flush = async () => {
    if (failure) throw failure;
    const ok = out.write(`${block.join('\n')}\n`);
    block = [];
    if (!ok) await once(out, 'drain');
  };
  for (const plan of plans) {
    for (let d = 0; d < districts.length; d++) {
      const districtOffset = gaussian(rng) * 6;
      for (let s = 0; s < p.sexes.length; s++) {
        const sexOffset = gaussian(rng) * 2;
        const slope = plan.slope + gaussian(rng) * plan.slopeSd;
        const prefix = `${plan.code},`;
        const suffix = `,${districts[d]},${p.sexes[s]},`;
        for (let m = 0; m < p.months; m++) {
          const season = plan.seasonAmp * Math.sin((2 * Math.PI * (m + plan.seasonPhase)) / 12);
          let v = plan.level + districtOffset + sexOffset + slope * m + season + gaussian(rng) * plan.noiseSd;
          v = Math.min(99.5, Math.max(0.5, v));
          // The baseline month is never missing: every series reads its baseline from the data.
          const na = m > 0 && rng() < p.naRate;
          if (na) missing++;
          block.push(prefix + periods[m] + suffix + (na ? 'NA' : v.toFixed(1)));
          rows++;
        }
      }
      if (block.length >= 16384) await flush();
    }
  }
  await flush();
  out.end();
  await closed;
  if (failure) throw failure;
  return { rows, missing };
}

function readManifest(dir: string): NationalManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as NationalManifest;
  } catch {
    return undefined;
  }
}

function sameParams(m: NationalManifest | undefined, p: NationalParams): boolean {
  if (!m || m.generator_version !== GENERATOR_VERSION) return false;
  return (
    m.seed === p.seed &&
    m.indicators === p.indicators &&
    m.districts === p.districts &&
    m.months === p.months &&
    m.start === p.start &&
    m.naRate === p.naRate &&
    JSON.stringify(m.sexes) === JSON.stringify(p.sexes)
  );
}

export interface GenerateResult {
  dir: string;
  manifest: NationalManifest;
  reused: boolean;
  seconds: number;
}

/** Generates the programme into `dir`, or reuses it when its manifest matches `p`. */
export async function generateNational(dir: string, p: NationalParams, force = false): Promise<GenerateResult> {
  const t0 = performance.now();
  dir = resolve(dir);
  const existing = readManifest(dir);
  if (
    !force &&
    sameParams(existing, p) &&
    existsSync(join(dir, existing!.csv)) &&
    statSync(join(dir, existing!.csv)).size === existing!.csv_bytes
  ) {
    return { dir, manifest: existing!, reused: true, seconds: (performance.now() - t0) / 1000 };
  }

  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'indicators'), { recursive: true });
  mkdirSync(join(tmp, 'data'), { recursive: true });
  try {
    const rng = mulberry32(p.seed);
    const districts = districtNames(p.districts, rng);
    const plans = planIndicators(p, rng);
    const end = periodAt(p.start, p.months - 1);

    writeFileSync(join(tmp, 'indicators', 'program.yaml'), programYaml(p, end));
    const outcomeIds = new Map<string, string>();
    for (const t of TOPICS.slice(0, Math.min(p.indicators, TOPICS.length))) {
      if (!outcomeIds.has(t.outcome)) outcomeIds.set(t.outcome, `O${String(outcomeIds.size + 1).padStart(2, '0')}`);
    }
    for (const [i, plan] of plans.entries())
      writeFileSync(join(tmp, 'indicators', `ind-${pad3(i)}.yaml`), indicatorYaml(plan, p, outcomeIds));

    const csv = 'data/national.csv';
    const { rows, missing } = await writeCsv(join(tmp, csv), p, plans, districts, rng);
    const manifest: NationalManifest = {
      generator_version: GENERATOR_VERSION,
      ...p,
      end,
      rows,
      series: p.indicators * p.districts * p.sexes.length,
      missing,
      csv,
      csv_bytes: statSync(join(tmp, csv)).size,
      program: 'indicators/program.yaml',
    };
    writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dirname(dir), { recursive: true });
    renameSync(tmp, dir);
    return { dir, manifest, reused: false, seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------
// Command line

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(argv: string[]): Promise<void> {
  const scale = Number(option(argv, '--rows-scale') ?? 1);
  const seed = Number(option(argv, '--seed') ?? FULL.seed);
  const params = scaledParams(scale, seed);
  const dir = resolve(option(argv, '--out') ?? defaultDir(projectRoot, scale));
  const r = await generateNational(dir, params, argv.includes('--force'));
  const m = r.manifest;
  console.log(
    `${r.reused ? 'reused' : 'generated'} ${dir}: ${m.indicators} indicators x ` +
      `${m.districts} districts x ${m.sexes.length} sexes x ${m.months} months = ` +
      `${m.rows.toLocaleString('en')} rows, ${m.series.toLocaleString('en')} series, ${m.missing} NA, ` +
      `${(m.csv_bytes / 1024 / 1024).toFixed(1)} MB, ${r.seconds.toFixed(1)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`generate-national: ${(e as Error).message}`);
    process.exit(1);
  });
}
