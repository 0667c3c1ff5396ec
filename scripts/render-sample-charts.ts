// Writes sample charts to /tmp/mel-charts/ for looking at:
//   npx tsx scripts/render-sample-charts.ts
// Peru stunting (chronic child malnutrition, ENDES survey rounds, x = period midpoint),
// in English and Spanish, a two-source chart, small multiples of 4, 12 and 50 districts,
// 50 districts with female and male in each panel, and monthly series (60 months).
//
// Timings:
//   npx tsx scripts/render-sample-charts.ts --bench [runs]
// renders a 50-panel x 2-group x 60-month small multiples and a 5-group x 60-month
// trajectory chart `runs` times each (default 20) and prints ms per image (wall and CPU,
// the CPU of every thread: PNG compression runs on libuv's pool) and, for the small
// multiples, per panel (one chart.js update and copy);
//   npx tsx scripts/render-sample-charts.ts --bench-pool [indicators]
// renders both for `indicators` indicators (default 200, i.e. 400 images) through
// renderChartsInPool and prints the total time.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartGroup, ChartPoint, ChartSpec, SmallMultiplesSpec } from '../src/report/charts/chart-spec.js';
import { renderSmallMultiples, renderTrajectoryChart } from '../src/report/charts/render-chart.js';
import { renderChartsInPool, type ChartJob } from '../src/report/charts/render-pool.js';
import { mulberry32 } from '../bench/mulberry32.js';

const OUT = '/tmp/mel-charts';

/** Survey round "2007-2008" -> x = 2008.0 (midpoint of 1 Jan 2007 .. 31 Dec 2008); "2011" -> 2011.5. */
function round(label: string, y: number): ChartPoint {
  const [a, b] = label.split('-').map(Number);
  return { x: b === undefined ? a + 0.5 : (a + b + 1) / 2, y, label };
}

const nationalActual: ChartPoint[] = [
  round('2000', 31.0),
  round('2004-2006', 28.0),
  round('2007-2008', 28.5),
  round('2009', 23.8),
  round('2010', 23.2),
  round('2011', 19.5),
  round('2012', 18.1),
  round('2013', 17.5),
  round('2014', 14.6),
  round('2015', 14.4),
  round('2016', 13.1),
  round('2017', 12.9),
  round('2018', 12.2),
  round('2019', 12.2),
  round('2021', 11.5),
  round('2022', 11.7),
  round('2023', 11.5),
];
const ruralActual: ChartPoint[] = [
  round('2000', 47.1),
  round('2007-2008', 46.3),
  round('2009', 40.3),
  round('2010', 38.8),
  round('2011', 37.0),
  round('2012', 31.9),
  round('2013', 32.3),
  round('2014', 28.8),
  round('2015', 27.7),
  round('2016', 26.5),
  round('2017', 25.3),
  round('2018', 25.7),
  round('2019', 24.5),
  round('2021', 24.4),
  round('2022', 23.9),
  round('2023', 22.9),
];

function peruSpec(locale: 'en' | 'es'): ChartSpec {
  const en = locale === 'en';
  const T = en ? 'Target' : 'Meta';
  const national: ChartGroup = {
    label: en ? 'National' : 'Nacional',
    actual: nationalActual,
    baseline: round('2006', 29.5),
    targets: [
      { ...round('2011', 24.5), name: `${T} 2011` },
      { ...round('2016', 10.0), name: `${T} 2016` },
    ],
    expectedPath: [round('2006', 29.5), round('2011', 24.5), round('2016', 10.0)],
  };
  const rural: ChartGroup = {
    label: 'Rural',
    actual: ruralActual,
    baseline: round('2007-2008', 46.3),
    targets: [
      { ...round('2016', 30.0), name: `${T} 2016` },
      { ...round('2026', 15.0), name: `${T} 2026` },
    ],
    expectedPath: [round('2007-2008', 46.3), round('2016', 30.0), round('2026', 15.0)],
    projection: [round('2023', 22.9), round('2026', 21.4)],
  };
  return {
    title: en
      ? 'Peru: stunting in children under 5, 2000–2023'
      : 'Perú: desnutrición crónica en menores de 5 años, 2000–2023',
    subtitle: en
      ? 'Share of children with height-for-age below −2 SD (WHO standard), national and rural areas'
      : 'Porcentaje de niñas y niños con talla para la edad menor a −2 DE (patrón OMS), nacional y área rural',
    unitLabel: en ? '% of children under 5' : '% de menores de 5 años',
    footnotes: en
      ? [
          'Source: INEI, Demographic and Family Health Survey (ENDES) 2000–2023. ' +
            'Survey rounds plotted at the midpoint of their field period.',
          'Targets: national nutrition strategy (2011, 2016) and programme results ' +
            'framework (2026). Projection: linear trend of the last five rounds.',
        ]
      : [
          'Fuente: INEI, Encuesta Demográfica y de Salud Familiar (ENDES) ' +
            '2000–2023. Cada ronda se ubica en el punto medio de su trabajo de campo.',
          'Metas: estrategia nacional de nutrición (2011, 2016) y marco de resultados ' +
            'del programa (2026). Proyección: tendencia lineal de las últimas cinco rondas.',
        ],
    locale,
    axisTimeLabel: en ? 'Year' : 'Año',
    roleLabels: en
      ? {
          actual: 'Actual',
          baseline: 'Baseline',
          target: 'Target',
          expected: 'Expected path',
          projection: 'Projection',
        }
      : {
          actual: 'Observado',
          baseline: 'Línea de base',
          target: 'Meta',
          expected: 'Trayectoria esperada',
          projection: 'Proyección',
        },
    groups: [national, rural],
    percent: true,
  };
}

function singleSpec(): ChartSpec {
  const s = peruSpec('en');
  return {
    ...s,
    title: 'Peru: stunting in children under 5 (national), 2000–2023',
    subtitle: undefined,
    groups: [
      {
        ...s.groups[0],
        targets: [
          { ...round('2011', 24.5), name: 'Target 2011: 24.5' },
          { ...round('2026', 7.0), name: 'Target 2026' },
        ],
        expectedPath: [round('2006', 29.5), round('2011', 24.5)],
        projection: [round('2023', 11.5), round('2026', 10.6)],
      },
    ],
  };
}

function twoSourceSpec(): ChartSpec {
  const s = peruSpec('en');
  const care: ChartPoint[] = [
    round('2009', 26.0),
    round('2011', 22.4),
    round('2013', 19.0),
    round('2015', 16.8),
    round('2017', 14.1),
  ];
  return {
    ...s,
    title: 'Stunting in programme districts: official survey vs. programme monitoring',
    subtitle: 'Two data sources for the same indicator',
    groups: [
      { label: 'INEI (ENDES)', actual: nationalActual.filter((p) => p.x > 2008 && p.x < 2019), targets: [] },
      {
        label: 'CARE toolkit',
        actual: care,
        baseline: care[0],
        targets: [{ ...round('2017', 15.0), name: 'Target 2017' }],
        expectedPath: [care[0], round('2017', 15.0)],
      },
    ],
    footnotes: ['Sources: INEI, ENDES; CARE programme monitoring toolkit (anthropometry of children in 40 districts).'],
  };
}

const DISTRICTS = [
  'Huancavelica',
  'Ayacucho',
  'Apurímac',
  'Cajamarca',
  'Huánuco',
  'Puno',
  'Cusco',
  'Amazonas',
  'Loreto',
  'Pasco',
  'Ucayali',
  'Junín',
  'Áncash',
  'San Martín',
  'Piura',
  'La Libertad',
  'Lambayeque',
  'Ica',
  'Arequipa',
  'Moquegua',
  'Tacna',
  'Tumbes',
  'Madre de Dios',
  'Lima Provincias',
  'Callao',
  'Chota',
  'Cutervo',
  'Jaén',
  'San Ignacio',
  'Hualgayoc',
  'Celendín',
  'Cajabamba',
  'San Marcos',
  'Contumazá',
  'San Miguel',
  'San Pablo',
  'Santa Cruz',
  'Andahuaylas',
  'Chincheros',
  'Aymaraes',
  'Antabamba',
  'Grau',
  'Cotabambas',
  'Abancay',
  'Huamanga',
  'Huanta',
  'La Mar',
  'Vilcas Huamán',
  'Víctor Fajardo',
  'Parinacochas y Páucar del Sara Sara',
];

function districtsSpec(n: number, locale: 'en' | 'es'): SmallMultiplesSpec {
  const random = mulberry32(42 + n);
  const panels = DISTRICTS.slice(0, n).map((name) => {
    const start = 25 + random() * 30;
    const slope = 0.6 + random() * 1.6;
    const actual: ChartPoint[] = [];
    for (const year of [2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022]) {
      const y = Math.max(3, start - slope * (year - 2008) + (random() - 0.5) * 5);
      actual.push(round(String(year), Math.round(y * 10) / 10));
    }
    const baseline = actual[0];
    const targetY = Math.round(baseline.y * 0.55 * 10) / 10;
    const target = { ...round('2021', targetY), name: 'Target 2021' };
    return {
      title: name,
      groups: [{ label: name, actual, baseline, targets: [target], expectedPath: [baseline, target] }],
    };
  });
  const en = locale === 'en';
  return {
    title: en
      ? `Stunting in children under 5 by district (${n} districts), 2008–2022`
      : `Desnutrición crónica en menores de 5 años por distrito (${n} distritos), 2008–2022`,
    subtitle: en ? 'Illustrative data' : 'Datos ilustrativos',
    unitLabel: en ? '% of children under 5' : '% de menores de 5 años',
    footnotes: [
      en
        ? 'Source: illustrative district monitoring data (synthetic).'
        : 'Fuente: datos ilustrativos de monitoreo distrital (sintéticos).',
    ],
    locale,
    panels,
    percent: true,
  };
}

/** Districts with female and male in each panel: the shape build-chart-spec gives district x sex. */
function districtsBySexSpec(n: number, locale: 'en' | 'es', monthly = false): SmallMultiplesSpec {
  const random = mulberry32(7 + n);
  const en = locale === 'en';
  const sexes = en ? ['Female', 'Male'] : ['Mujeres', 'Hombres'];
  const panels = DISTRICTS.slice(0, n).map((name) => {
    const start = 25 + random() * 30;
    return {
      title: name,
      groups: sexes.map((sex, k) => trendGroup(sex, random, start + (k === 1 ? 2 + random() * 4 : 0), monthly)),
    };
  });
  return {
    title: en
      ? `Stunting in children under 5 by district and sex (${n} ` +
        `districts), ${monthly ? 'monthly 2019–2023' : '2008–2022'}`
      : `Desnutrición crónica en menores de 5 años por distrito y sexo ` +
        `(${n} distritos), ${monthly ? 'mensual 2019–2023' : '2008–2022'}`,
    subtitle: en ? 'Illustrative data' : 'Datos ilustrativos',
    unitLabel: en ? '% of children under 5' : '% de menores de 5 años',
    footnotes: [
      en
        ? 'Source: illustrative district monitoring data (synthetic).'
        : 'Fuente: datos ilustrativos de monitoreo distrital (sintéticos).',
    ],
    locale,
    panels,
    groupLabels: sexes,
    percent: true,
  };
}

/** A declining series: survey rounds every two years 2008-2022, or 60 months 2019-2023. */
function trendGroup(label: string, random: () => number, start: number, monthly: boolean): ChartGroup {
  const actual: ChartPoint[] = [];
  if (monthly) {
    const slope = 0.1 + random() * 0.25;
    for (let i = 0; i < 60; i++) {
      const year = 2019 + Math.floor(i / 12);
      const month = (i % 12) + 1;
      const y = Math.max(2, start - slope * i + (random() - 0.5) * 4);
      actual.push({
        x: year + (month - 0.5) / 12,
        y: Math.round(y * 10) / 10,
        label: `${year}-${String(month).padStart(2, '0')}`,
      });
    }
  } else {
    const slope = 0.6 + random() * 1.6;
    for (const year of [2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022]) {
      const y = Math.max(3, start - slope * (year - 2008) + (random() - 0.5) * 5);
      actual.push(round(String(year), Math.round(y * 10) / 10));
    }
  }
  const baseline = actual[0];
  const last = actual[actual.length - 1];
  const targetYear = monthly ? '2025' : '2021';
  const target = { ...round(targetYear, Math.round(baseline.y * 0.55 * 10) / 10), name: `Target ${targetYear}` };
  const group: ChartGroup = { label, actual, baseline, targets: [target], expectedPath: [baseline, target] };
  if (monthly) group.projection = [last, { ...round('2025', Math.max(1, Math.round((last.y - 4) * 10) / 10)) }];
  return group;
}

/** Monthly monitoring of 5 groups (60 months each). */
function monthlySpec(groups = 5): ChartSpec {
  const random = mulberry32(99);
  const names = ['National', 'Rural', 'Urban', 'Female', 'Male'];
  return {
    ...peruSpec('en'),
    title: 'Stunting in children under 5, monthly monitoring 2019–2023',
    subtitle: 'National, by area and by sex (illustrative data)',
    footnotes: ['Source: illustrative monitoring data (synthetic).'],
    groups: names.slice(0, groups).map((n, i) => trendGroup(n, random, 20 + i * 6, true)),
  };
}

async function bench(runs: number): Promise<void> {
  const sm = districtsBySexSpec(50, 'en', true);
  const tr = monthlySpec(5);
  for (const [name, render, panels] of [
    ['small multiples, 50 panels x 2 groups x 60 months', () => renderSmallMultiples(sm), sm.panels.length],
    ['trajectory chart, 5 groups x 60 months', () => renderTrajectoryChart(tr), 0],
  ] as const) {
    await render(); // warm-up (font registration, JIT)
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await render();
    const wall = (performance.now() - t0) / runs;
    const used = process.cpuUsage(cpu);
    const cpu1 = (used.user + used.system) / 1000 / runs;
    const perPanel = panels > 0 ? ` (${(wall / panels).toFixed(2)} ms wall a panel, frame and PNG included)` : '';
    console.log(`${name}: ${wall.toFixed(1)} ms/image wall, ${cpu1.toFixed(1)} ms/image CPU${perPanel}`);
  }
}

async function benchPool(indicators: number): Promise<void> {
  const jobs: ChartJob[] = [];
  for (let i = 0; i < indicators; i++) {
    jobs.push({ kind: 'trajectory', spec: { ...monthlySpec(5), title: `Indicator ${i + 1}` } });
    jobs.push({
      kind: 'small-multiples',
      spec: { ...districtsBySexSpec(50, 'en', true), title: `Indicator ${i + 1} by district and sex` },
    });
  }
  const t0 = performance.now();
  const pngs = await renderChartsInPool(jobs);
  const s = (performance.now() - t0) / 1000;
  const mb = pngs.reduce((sum, b) => sum + b.length, 0) / 1e6;
  console.log(
    `${jobs.length} images through renderChartsInPool: ${s.toFixed(1)} s ` +
      `(${((s * 1000) / jobs.length).toFixed(1)} ms/image), ${mb.toFixed(1)} MB`,
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const jobs: [string, () => Promise<Buffer>][] = [
    ['peru-stunting-en.png', () => renderTrajectoryChart(peruSpec('en'))],
    ['peru-stunting-es.png', () => renderTrajectoryChart(peruSpec('es'))],
    ['peru-stunting-national.png', () => renderTrajectoryChart(singleSpec())],
    ['two-sources.png', () => renderTrajectoryChart(twoSourceSpec())],
    ['peru-stunting-small-800x450.png', () => renderTrajectoryChart({ ...peruSpec('en'), width: 800, height: 450 })],
    ['districts-12.png', () => renderSmallMultiples(districtsSpec(12, 'en'))],
    ['districts-50.png', () => renderSmallMultiples(districtsSpec(50, 'es'))],
    ['districts-4.png', () => renderSmallMultiples(districtsSpec(4, 'en'))],
    ['districts-by-sex-50.png', () => renderSmallMultiples(districtsBySexSpec(50, 'en'))],
    ['districts-by-sex-12-es.png', () => renderSmallMultiples(districtsBySexSpec(12, 'es'))],
    ['districts-by-sex-50-monthly.png', () => renderSmallMultiples(districtsBySexSpec(50, 'en', true))],
    ['monthly-5-groups.png', () => renderTrajectoryChart(monthlySpec(5))],
    ['monthly-1-group.png', () => renderTrajectoryChart(monthlySpec(1))],
  ];
  for (const [name, job] of jobs) {
    const t0 = performance.now();
    const png = await job();
    const ms = performance.now() - t0;
    writeFileSync(join(OUT, name), png);
    console.log(`${name}: ${png.length} bytes, ${ms.toFixed(0)} ms`);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--bench') await bench(Number(args[1] ?? 20));
else if (args[0] === '--bench-pool') await benchPool(Number(args[1] ?? 200));
else await main();
