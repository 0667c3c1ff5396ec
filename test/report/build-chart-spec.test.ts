import { describe, expect, it } from 'vitest';
import { chartFileName, comparisonLabel, panelsOf, uniqueFileNames } from '../../src/report/charts/build-chart-spec.js';
import { writeProgramme } from '../helpers/programme.js';
import type { BreakdownSeries } from '../../src/data/indicator-data.js';
import type { ChartGroup } from '../../src/report/charts/chart-spec.js';
import { periodOf } from '../../src/periods/period.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { assessProgram, publicDocument } from '../../src/assess/assess-program.js';
import { planCharts } from '../../src/report/charts/build-chart-spec.js';
import { join } from 'node:path';

const series = (dims: Record<string, string>): BreakdownSeries => ({
  dims,
  periods: [periodOf('2020')],
  values: Float64Array.of(1),
  lines: new Int32Array(1),
  sources: [undefined],
  missingReasons: [undefined],
  file: 'x.csv',
  origin: 'data',
});
const group = (s: BreakdownSeries): ChartGroup => ({
  label: JSON.stringify(s.dims),
  actual: [{ x: 2020.5, y: 1, label: '2020' }],
  targets: [{ x: 2025.5, y: 2, label: '2025', name: 'Target 2025: 2' }],
});

describe('planning charts', () => {
  it('labels a compared indicator by the part of its name that tells it apart, else by its whole name', () => {
    const zambia = 'Stunting in children under five, Zambia (WHO standard, joint estimates)';
    expect(
      comparisonLabel(zambia, 'Stunting in children under five, Zambia (DHS figures as published, WHO standard)'),
    ).toBe('DHS figures as published, WHO standard');
    expect(comparisonLabel(zambia, 'Stunting in children under five, Zambia (older NCHS reference, DHS reports)')).toBe(
      'Older NCHS reference, DHS reports',
    );
    expect(comparisonLabel(zambia, 'Chronic malnutrition, Peru')).toBe('Chronic malnutrition, Peru');
    // Names that differ only at the end keep enough to read.
    expect(comparisonLabel('Budget 2020', 'Budget 2021')).toBe('Budget 2021');
  });

  it('names chart files by indicator and breakdown, with safe characters', () => {
    expect(chartFileName('PE-STUNT-U5')).toBe('PE-STUNT-U5.png');
    expect(chartFileName('PE-STUNT-U5', { area: 'rural' })).toBe('PE-STUNT-U5--rural.png');
    expect(chartFileName('PE-STUNT-U5', { Ámbito: 'Zona rural' })).toMatch(
      /^PE-STUNT-U5--Zona-rural~[0-9a-f]{8}\.png$/,
    );
  });

  it('gives `north east` and `north/east` two files, and a 256-character breakdown a name a disk takes', () => {
    const names = [
      chartFileName('STUNT-U5', { area: 'north-east' }),
      chartFileName('STUNT-U5', { area: 'north east' }),
      chartFileName('STUNT-U5', { area: 'north/east' }),
    ];
    expect(names[0]).toBe('STUNT-U5--north-east.png');
    expect(new Set(names).size).toBe(3);
    const long = chartFileName('STUNT-U5', { area: 'x'.repeat(256) });
    expect(long.length).toBeLessThan(100);
    expect(long).not.toBe(chartFileName('STUNT-U5', { area: `${'x'.repeat(255)}y` }));
    // Names met twice in a pack (an id `A--b` and breakdown `b` of `A`; `North` and `north`
    // on a disk that ignores case) are told apart in order.
    expect(uniqueFileNames(['A--b.png', 'A--b.png', 'X--North.png', 'X--north.png', 'A--b~2.png'])).toEqual([
      'A--b.png',
      'A--b~2.png',
      'X--North.png',
      'X--north~2.png',
      'A--b~2~2.png',
    ]);
  });

  it('1,400 breakdowns: images of 50 panels at most, four of them, and a note for the rest', async () => {
    const rows = Array.from({ length: 1400 }, (_, i) => `x,2020,F${i},${20 + (i % 9)}\nx,2024,F${i},18`);
    const dir = writeProgramme({
      'indicators/program.yaml':
        'program: { id: t, name: T, period: { start: 2020, end: 2030 } }\n' +
        'results: [{ id: G1, level: impact, statement: G }]\n' +
        'data: [{ id: d, file: data/d.csv, disaggregations: [facility] }]\n',
      'indicators/a.yaml':
        'id: A\nname: Visits\nunit: number\ndirection: increase\n' +
        'series: { data: d, match: { indicator: x } }\naggregate: sum\n',
      'data/d.csv': `indicator,period,facility,value\n${rows.join('\n')}\n`,
    });
    const { workspace } = await loadWorkspace(dir, 'indicators/program.yaml');
    if (!workspace) throw new Error('does not load');
    const full = assessProgram(workspace.program, workspace.data);
    const indicator = workspace.program.indicators[0]!;
    const charts = planCharts({
      program: workspace.program,
      locale: 'en',
      asOf: full.asOfPeriod,
      indicator,
      data: workspace.data.get('A'),
      results: publicDocument(full).results,
      compared: [],
    });
    const multiples = charts.flatMap((c) => (c.kind === 'small-multiples' ? [c] : []));
    expect(multiples.map((c) => [c.file, c.spec.panels.length, c.spec.title])).toEqual([
      ['A--breakdowns.png', 50, 'Visits, by breakdown (1,400), image 1 of 4'],
      ['A--breakdowns-2.png', 50, 'Visits, by breakdown (1,400), image 2 of 4'],
      ['A--breakdowns-3.png', 50, 'Visits, by breakdown (1,400), image 3 of 4'],
      ['A--breakdowns-4.png', 50, 'Visits, by breakdown (1,400), image 4 of 4'],
    ]);
    expect(multiples[3]!.spec.footnotes.at(-1)).toBe(
      '1,200 more panels are not drawn; every value is in the Data sheet and in data.csv',
    );
    expect(multiples[0]!.spec.footnotes).not.toContain(multiples[3]!.spec.footnotes.at(-1));
  });

  it('puts 50 districts x 2 sexes on 50 panels with a female and a male line each', () => {
    const breakdowns = Array.from({ length: 50 }, (_, i) =>
      ['female', 'male'].map((sex) => series({ district: `D${String(i).padStart(2, '0')}`, sex })),
    ).flat();
    const { panels, groupLabels } = panelsOf(breakdowns, group);
    expect(panels).toHaveLength(50);
    expect(groupLabels).toEqual(['Female', 'Male']);
    expect(panels[0]!.title).toBe('D00');
    expect(panels[0]!.groups.map((g) => g.label)).toEqual(['Female', 'Male']);
    // the shared target is drawn once per panel
    expect(panels[0]!.groups[1]!.targets).toEqual([]);
  });

  it('one breakdown dimension gives one panel per breakdown', () => {
    const { panels, groupLabels } = panelsOf(
      Array.from({ length: 8 }, (_, i) => series({ district: `D${i}` })),
      group,
    );
    expect(panels).toHaveLength(8);
    expect(groupLabels).toBeUndefined();
  });

  it('the demo: the toolkit chart holds the headline, rural, and the other two sources', async () => {
    const root = join(import.meta.dirname, '../..');
    const { workspace } = await loadWorkspace(root, 'indicators/program.yaml');
    const ws = workspace!;
    const full = assessProgram(ws.program, ws.data);
    const doc = publicDocument(full);
    const indicator = ws.program.indicators.find((i) => i.id === 'PE-STUNT-U5-TOOLKIT')!;
    const charts = planCharts({
      program: ws.program,
      locale: 'en',
      asOf: full.asOfPeriod,
      indicator,
      data: ws.data.get(indicator.id),
      results: doc.results.filter((r) => r.indicator === indicator.id),
      compared: indicator.compare.map((id) => ({
        indicator: ws.program.indicators.find((i) => i.id === id)!,
        data: ws.data.get(id)!,
      })),
    });
    expect(charts.map((c) => c.file)).toEqual(['PE-STUNT-U5-TOOLKIT.png', 'PE-STUNT-U5-TOOLKIT--rural.png']);
    const main = charts[0]!;
    if (main.kind !== 'trajectory') throw new Error('expected a trajectory chart');
    // The other sources by their names (the part that tells them apart), never by their codes.
    expect(main.spec.groups.map((g) => g.label)).toEqual([
      'Total',
      'Rural',
      'INEI, ENDES',
      'Stunting in children under five, Peru (UNICEF/WHO/World Bank joint estimates)',
    ]);
    // Sources by their labels: no file path in any footnote.
    expect(main.spec.footnotes).toEqual([
      "Total: CARE toolkit (care-alliance-toolkit.es.txt) (each value's source in the Data sheet)",
      "INEI, ENDES: INEI ENDES / JME 2024 (each value's source in the Data sheet)",
      'Stunting in children under five, Peru (UNICEF/WHO/World Bank joint ' +
        "estimates): INEI ENDES / JME 2024 (each value's source in the Data sheet)",
    ]);
    const total = main.spec.groups[0]!;
    expect(total.baseline).toEqual({ x: 2006.5, y: 29.5, label: '2006' });
    expect(total.targets).toEqual([
      { x: 2011.5, y: 24.5, label: '2011', name: 'Target 2011: 24.5 (Compromiso 5x5x5)' },
    ]);
    expect(total.actual.map((p) => [p.label, p.y])).toEqual([
      ['2006', 29.5],
      ['2016', 14.4],
    ]);
    expect(main.spec.groups[1]!.targets.map((t) => t.y)).toEqual([41.3]);
    expect(main.spec.unitLabel).toBe('% of children under 5');
    expect(main.spec.subtitle).toBe('Status as of 2023: Achieved; target 24.5 (2011)');
  });

  it("the demo's output indicator: running total against the cumulative target path, LOP target marked", async () => {
    const root = join(import.meta.dirname, '../..');
    const { workspace } = await loadWorkspace(root, 'indicators/program.yaml');
    if (!workspace) throw new Error('no workspace');
    const full = assessProgram(workspace.program, workspace.data);
    const indicator = workspace.program.indicators.find((i) => i.id === 'ILLUSTRATIVE-MEMBERS-TRAINED');
    if (!indicator) throw new Error('no illustrative indicator');
    const [main] = planCharts({
      program: workspace.program,
      locale: 'en',
      asOf: full.asOfPeriod,
      indicator,
      data: workspace.data.get(indicator.id),
      results: publicDocument(full).results.filter((r) => r.indicator === indicator.id),
      compared: [],
    });
    if (main?.kind !== 'trajectory') throw new Error('expected a trajectory chart');
    const total = main.spec.groups[0]!;
    // running totals at the end of each month: 19, 38, 60 ... 268
    expect(total.actual.slice(0, 3).map((p) => [p.label, p.y])).toEqual([
      ['2023-01', 19],
      ['2023-02', 38],
      ['2023-03', 60],
    ]);
    expect(total.actual.at(-1)).toMatchObject({ label: '2023-12', y: 268, x: 2024 });
    // the path: 0 when 2023 starts, 50 after Q1, 115 after Q2 ... 920 at the end of 2025
    const path = (total.expectedPath ?? []).map((p) => [Number(p.x.toFixed(4)), Math.round(p.y * 1e6) / 1e6]);
    expect(path[0]).toEqual([2023, 0]);
    expect(path.find(([x]) => x === 2024)).toEqual([2024, 260]);
    expect(path.at(-1)).toEqual([2026, 920]);
    expect(total.baseline).toBeUndefined();
    expect(total.targets).toEqual([{ x: 2026, y: 920, label: '2025', name: 'Life-of-programme target: 920' }]);
    expect(main.spec.unitLabel).toBe('members trained, running total');
    expect(main.spec.roleLabels.expected).toBe('Cumulative target path');
    expect(main.spec.subtitle).toBe('Status as of 2023: On track; target 920 over the programme');
    // The total and 3 of its 4 district x sex breakdowns, and a footnote that says so.
    expect(main.spec.groups.map((g) => g.label)).toEqual(['Total', 'North / female', 'North / male', 'South / female']);
    expect(main.spec.footnotes.at(-1)).toBe('3 of 4 breakdowns drawn here; every breakdown has a chart of its own');
  });
});
