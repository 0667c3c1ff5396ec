// One programme that reads its data where it lives: a UNICEF SDMX-CSV download, a Eurostat
// TSV, a DHIS2 analytics response and a DHIS2 pivot, as published
// (test/fixtures/data/published/), assessed end to end.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { formatIssue } from '../../src/spec/issues.js';
import { assessDir, writeProgramme } from '../helpers/programme.js';

const published = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/data/published', name));

const dir = writeProgramme({
  'indicators/program.yaml': `program:
  id: published
  name: Data where it lives
  period: { start: 2014, end: 2030 }
  as_of: 2024
results:
  - { id: G1, level: impact, statement: "Healthier children, more work for the young" }
data:
  - { id: unicef, file: data/unicef.csv, format: sdmx-csv }
  - { id: eurostat, file: data/une_rt_a.tsv, format: eurostat-tsv, indicator: UNE-RT-Y15-24 }
  - { id: hmis, file: data/anc.json, format: dhis2, names: true }
  - id: pivot
    file: data/anc1-pivot.csv
    format: wide
    periods: rows
    columns: { period: periodid }
    id_columns: [periodname, periodcode, perioddescription]
    indicator: ANC1
    disaggregations: [facility]
`,
  'indicators/ke-stunting.yaml': `id: KE-STUNT
name: Stunting in children under five, Kenya
result: G1
unit: percent
direction: decrease
series: { data: unicef, match: { indicator: NT_ANT_HAZ_NE2_MOD, REF_AREA: KEN } }
baseline: { period: 2014 }
targets:
  - { period: 2030, value: 10 }
`,
  'indicators/es-youth-unemployment.yaml': `id: UNE-RT-Y15-24
name: Youth unemployment rate, Spain
result: G1
unit: percent
direction: decrease
series: { data: eurostat, match: { geo: ES, unit: PC_ACT } }
baseline: { period: 2019 }
targets:
  - { period: 2030, value: 20 }
`,
  'indicators/anc1-bo.yaml': `id: ANC1-BO
name: ANC 1 coverage, Bo
result: G1
unit: percent
direction: increase
frequency: monthly
series: { data: hmis, match: { indicator: ANC 1 Coverage, ou: Bo } }
baseline: { period: 2024-01 }
targets:
  - { period: 2024-12, value: 100 }
valid_range: [0, 150]
`,
  'indicators/anc1-visits.yaml': `id: ANC1
name: First antenatal care visits
result: G1
unit: number
direction: increase
frequency: monthly
accumulation: sum
aggregate: sum
series: { data: pivot }
targets:
  - { period: 2024, value: 300 }
`,
  'data/unicef.csv': published('unicef-NT_ANT_HAZ_NE2_MOD.csv'),
  'data/une_rt_a.tsv': published('estat_une_rt_a.tsv'),
  'data/anc.json': published('dhis2-analytics-anc.json'),
  'data/anc1-pivot.csv': published('dhis2-pivot-anc1.csv'),
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a programme reading SDMX-CSV, Eurostat TSV and DHIS2 files', () => {
  it('loads without an error', async () => {
    const { issues } = await loadWorkspace(dir, 'indicators/program.yaml');
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
  });

  it('assesses each indicator from the values a user reads in the files', async () => {
    const doc = await assessDir(dir);
    const result = (id: string, dims: Record<string, string> = {}) => {
      const r = doc.results.find(
        (x) => x.indicator === id && JSON.stringify(x.disaggregation) === JSON.stringify(dims),
      );
      if (!r) throw new Error(`no result ${id} ${JSON.stringify(dims)}`);
      return r;
    };
    // UNICEF: the _T row is the headline; F and M break it down; FREQ-like single values do not.
    expect(result('KE-STUNT').baseline).toMatchObject({ period: '2014', value: 26.2 });
    expect(result('KE-STUNT').latest).toMatchObject({ period: '2022', value: 17.6 });
    expect(result('KE-STUNT', { SEX: 'F' }).latest).toMatchObject({ period: '2022', value: 15.7 });
    // Eurostat: the indicator's own id (the file's `indicator:`), Spain in percent of the labour force.
    expect(result('UNE-RT-Y15-24').baseline).toMatchObject({ period: '2019', value: 32.5 });
    expect(result('UNE-RT-Y15-24').latest).toMatchObject({ period: '2023', value: 28.7 });
    // DHIS2 analytics with display names.
    expect(result('ANC1-BO').baseline).toMatchObject({ period: '2024-01', value: 96.65 });
    expect(result('ANC1-BO').latest).toMatchObject({ period: '2024-03', value: 98.4 });
    expect(result('ANC1', { facility: 'Njandama MCHP' }).status).toBeDefined();
  });

  it('reads the pivot as one breakdown per facility column', async () => {
    const { workspace } = await loadWorkspace(dir, 'indicators/program.yaml');
    const anc1 = workspace?.data.get('ANC1');
    const facility = (name: string) => anc1?.breakdowns.find((b) => b.dims.facility === name);
    expect(anc1?.breakdowns.map((b) => b.dims.facility)).toEqual([
      'Baoma Station CHP',
      'Ngelehun CHC',
      'Njandama MCHP',
    ]);
    expect(facility('Njandama MCHP')?.periods.map((p) => p.id)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(Array.from(facility('Njandama MCHP')?.values ?? [])).toEqual([7, 9, 11]);
    // aggregate: sum adds the facilities that reported each month (12 + 7, 15 + 9 + 4, 11 + 6)
    expect(Array.from(anc1?.headline?.values ?? [])).toEqual([19, 28, 17]);
  });
});
