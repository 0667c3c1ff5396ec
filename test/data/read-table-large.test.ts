import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/read-table.js';
import { dataSourceSchema } from '../../src/spec/schema.js';

// A national survey programme as a statistics office exports it: 18,000 rows of 24
// columns (`;`, decimal commas, quoted labels holding `;`), 600 series of 25 survey
// years, where 5 years had two survey rounds and the second rounds were appended at the
// end of the file.
const INDICATORS = 20;
const REGIONS = ['Costa', 'Sierra', 'Selva'];
const DISTRICTS = 5;
const SEXES = ['F', 'M'];
const YEARS = Array.from({ length: 25 }, (_, i) => 2000 + i);
const SECOND_ROUND_YEARS = [2003, 2008, 2012, 2017, 2021];
const EXTRA_COLUMNS = Array.from({ length: 16 }, (_, i) => `extra_${i + 1}`);

/** First-round value; the second round is 0.5 higher, so the mean is 0.25 higher (exact in binary). */
const firstRoundValue = (ind: number, series: number, year: number) => ind * 10 + series * 0.25 + (year - 2000) * 0.5;

function generate(path: string): number {
  const header = [
    'indicador',
    'periodo',
    'valor',
    'region',
    'provincia',
    'distrito',
    'sexo',
    'etiqueta',
    ...EXTRA_COLUMNS,
  ];
  const lines = [header.join(';')];
  const secondRounds: string[] = [];
  const row = (ind: number, _s: number, region: string, d: number, sex: string, year: number, value: number) =>
    [
      `IND${ind}`,
      year,
      String(value).replace('.', ','),
      region,
      `Prov ${region}`,
      `D${d}`,
      sex,
      `"Indicador ${ind}; ${region}"`,
      ...EXTRA_COLUMNS.map((_, k) => k),
    ].join(';');
  for (let ind = 0; ind < INDICATORS; ind++) {
    let s = 0;
    for (const region of REGIONS) {
      for (let d = 0; d < DISTRICTS; d++) {
        for (const sex of SEXES) {
          for (const year of YEARS) {
            lines.push(row(ind, s, region, d, sex, year, firstRoundValue(ind, s, year)));
            if (SECOND_ROUND_YEARS.includes(year))
              secondRounds.push(row(ind, s, region, d, sex, year, firstRoundValue(ind, s, year) + 0.5));
          }
          s++;
        }
      }
    }
  }
  writeFileSync(path, `${[...lines, ...secondRounds].join('\r\n')}\r\n`);
  return lines.length - 1 + secondRounds.length;
}

describe('an 18,000-row, 24-column file with two survey rounds in some years', () => {
  it('averages the rounds of a year under duplicates: mean, series by series', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mel-large-'));
    const rows = generate(join(dir, 'encuestas.csv'));
    expect(rows).toBe(18_000);
    const source = dataSourceSchema.parse({
      id: 'encuestas',
      file: 'encuestas.csv',
      duplicates: 'mean',
      columns: { indicator: 'indicador', period: 'periodo', value: 'valor' },
      disaggregations: ['region', 'distrito', 'sexo'],
    });

    const t0 = performance.now();
    const { table, issues } = await readTable(source, { root: dir, fiscalYearStart: 1, matchColumns: [] });
    console.log(`read ${table.rowCount} rows x 24 columns in ${(performance.now() - t0).toFixed(0)} ms`);
    rmSync(dir, { recursive: true, force: true });

    expect(issues).toEqual([]);
    expect(table.rowCount).toBe(18_000);
    expect(table.series).toHaveLength(INDICATORS * REGIONS.length * DISTRICTS * SEXES.length);
    for (const series of table.series) {
      const ind = Number(series.keys.indicador!.slice(3));
      const s =
        REGIONS.indexOf(series.keys.region!) * DISTRICTS * SEXES.length +
        Number(series.keys.distrito!.slice(1)) * SEXES.length +
        SEXES.indexOf(series.keys.sexo!);
      expect(series.periods.map((p) => p.id)).toEqual(YEARS.map(String));
      const expected = YEARS.map((y) => firstRoundValue(ind, s, y) + (SECOND_ROUND_YEARS.includes(y) ? 0.25 : 0));
      expect(Array.from(series.values)).toEqual(expected);
    }
    // The merged value sits at the first round's line (the first 15,000 data rows are the first rounds).
    const first = table.series[0]!;
    expect(first.lines[YEARS.indexOf(2003)]).toBe(2 + YEARS.indexOf(2003));
  });
});
