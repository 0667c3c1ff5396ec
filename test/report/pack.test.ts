// The demo programme's pack, read back: every sheet, the numbers against assessment.json,
// charts embedded, the same bytes twice (writing a pack: write-pack.test.ts).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDocument } from '../../src/assess/assessment.js';
import { mel } from '../cli/capture.js';
import { descendants, kids, only, parseXml, type XmlNode } from '../helpers/xml-tree.js';
import { type ChartPart, chartParts, referenceProblems, unzipXlsx } from './native-chart-parts.js';
import { lastColumnUsed, parseRange, rowsTooLow } from './layout-checks.js';
import { zipEntries } from './zip-entries.js';

const root = join(import.meta.dirname, '../..');

describe('the progress pack of the demo programme', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'mel-pack-')), 'pack');
  let doc: AssessmentDocument;
  const wb = new ExcelJS.Workbook();

  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    const r = await mel(['report', '--out', out, '--quiet'], root);
    delete process.env.SOURCE_DATE_EPOCH;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    doc = JSON.parse(readFileSync(join(out, 'assessment.json'), 'utf8'));
    await wb.xlsx.readFile(join(out, 'progress-pack.xlsx'));
  }, 120_000);

  it('judges every figure of the demo: a past unmet target is missed, an on-track projection that misses noted', () => {
    const status = Object.fromEntries(
      doc.results.map((r) => [`${r.indicator} ${Object.values(r.disaggregation).join(' / ') || 'total'}`, r.status]),
    );
    expect(status).toEqual({
      'GE-AGRI-BUDGET total': 'no_target',
      'GE-AGRI-SHARE-COMPUTED total': 'no_target',
      'GE-AGRI-SHARE-FACTCHECK total': 'no_target',
      'GE-AGRI-SHARE-TOOLKIT total': 'no_target',
      'GE-ALLIANCE-MEMBERS DCG': 'no_target',
      'GE-ALLIANCE-MEMBERS GAARD': 'no_target',
      'GE-DCG-WORKING-GROUPS total': 'no_target',
      'GE-STATE-BUDGET total': 'no_target',
      'ILLUSTRATIVE-MEMBERS-TRAINED total': 'on_track',
      'ILLUSTRATIVE-MEMBERS-TRAINED female': 'achieved',
      'ILLUSTRATIVE-MEMBERS-TRAINED North / female': 'no_target',
      'ILLUSTRATIVE-MEMBERS-TRAINED North / male': 'no_target',
      'ILLUSTRATIVE-MEMBERS-TRAINED South / female': 'no_target',
      'ILLUSTRATIVE-MEMBERS-TRAINED South / male': 'no_target',
      'PE-CANDIDATES-SIGNED total': 'no_target',
      'PE-CNI-AGENCIES total': 'no_target',
      // 6.4 % by 2021 was not reached (11.5 % in 2021): missed, no longer "at risk"
      'PE-STUNT-U5-INEI total': 'missed',
      'PE-STUNT-U5-INEI rural': 'missed',
      'PE-STUNT-U5-INEI urban': 'missed',
      'PE-STUNT-U5-JME total': 'achieved',
      'PE-STUNT-U5-TOOLKIT total': 'achieved',
      'PE-STUNT-U5-TOOLKIT rural': 'achieved',
      'ZM-STUNT-U5-DHS total': 'on_track',
      'ZM-STUNT-U5-DHS female': 'no_data',
      'ZM-STUNT-U5-DHS male': 'no_data',
      'ZM-STUNT-U5-NCHS total': 'no_target',
      'ZM-STUNT-U5-NCHS female': 'no_target',
      'ZM-STUNT-U5-NCHS male': 'no_target',
      'ZM-STUNT-U5 total': 'on_track',
    });
    const zambia = doc.results.find((r) => r.indicator === 'ZM-STUNT-U5');
    // fitted on 2013-2014 (40.0) and 2018-2019 (34.6), the rounds since the 2011 baseline
    expect(zambia?.projection?.value).toBeCloseTo(34.6 - 1.08 * 6.5, 6);
    expect(zambia?.notes).toContain(
      'on track, but its own linear projection reaches 27.6 by 2025, which misses the target (25)',
    );
    const trained = doc.results.find((r) => r.indicator === 'ILLUSTRATIVE-MEMBERS-TRAINED');
    expect(trained).toMatchObject({ actual_to_date: 268, target_to_date: 260, lop_target: 920, stale: false });
  });

  it('holds the toolkit figures, with the Peruvian commitment achieved', () => {
    const numbers = new Set(doc.results.flatMap((r) => [r.baseline?.value, r.latest?.value, r.target?.value]));
    for (const figure of [0.3, 4, 29.5, 14.4, 46.3, 27.7]) expect(numbers.has(figure), String(figure)).toBe(true);
    const peru = doc.results.find(
      (r) => r.indicator === 'PE-STUNT-U5-TOOLKIT' && Object.keys(r.disaggregation).length === 0,
    )!;
    expect(peru).toMatchObject({
      baseline: { period: '2006', value: 29.5 },
      target: { period: '2011', value: 24.5 },
      latest: { period: '2016', value: 14.4 },
      status: 'achieved',
    });
  });

  it('has the sheets a donor expects, in both the summary and per indicator', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['Summary', 'Tracking table']);
    expect(names.slice(-5)).toEqual(['SMART review', 'Data quality', 'Method inputs', 'Data', 'About']);
    for (const id of new Set(doc.results.map((r) => r.indicator))) expect(names).toContain(id);
  });

  it('the summary holds the assessment numbers as numbers, status as text', () => {
    const ws = wb.getWorksheet('Summary')!;
    const header = ws.getRow(9).values as string[];
    const col = (name: string) => header.indexOf(name);
    let checked = 0;
    ws.eachRow((row, n) => {
      if (n <= 9) return;
      const id = row.getCell(col('Indicator')).value;
      const r = doc.results.find(
        (x) =>
          x.indicator === id &&
          (Object.keys(x.disaggregation).length === 0 ||
            row.getCell(col('Breakdown')).value === Object.values(x.disaggregation).join(' / ')),
      );
      if (!r?.latest) return;
      const latest = row.getCell(col('Latest'));
      expect(latest.type).toBe(ExcelJS.ValueType.Number);
      expect(latest.value).toBe(r.latest.value);
      expect(latest.numFmt).toBeTruthy();
      expect(typeof row.getCell(col('Status')).value).toBe('string');
      checked++;
    });
    expect(checked).toBeGreaterThan(10);
  });

  it('the summary lists the indicators in the order of the results framework, as the tracking table does', () => {
    const summary = wb.getWorksheet('Summary')!;
    const summaryHeader = summary.getRow(9).values as string[];
    const inSummary: string[] = [];
    summary.eachRow((row, n) => {
      const id = row.getCell(summaryHeader.indexOf('Indicator')).value;
      if (n > 9 && typeof id === 'string' && inSummary.at(-1) !== id) inSummary.push(id);
    });
    const ids = new Set(doc.results.map((r) => r.indicator));
    const inTracking: string[] = [];
    wb.getWorksheet('Tracking table')!.eachRow((row, n) => {
      const id = row.getCell(1).value;
      if (n > 7 && typeof id === 'string' && ids.has(id) && inTracking.at(-1) !== id) inTracking.push(id);
    });
    expect(inSummary).toEqual(inTracking);
    // Zambia's impact (ZM-G) before Peru's (PE-G), as program.yaml lists the results (not by indicator id).
    expect(inSummary.indexOf('ZM-STUNT-U5')).toBeGreaterThan(-1);
    expect(inSummary.indexOf('ZM-STUNT-U5')).toBeLessThan(inSummary.indexOf('PE-STUNT-U5-TOOLKIT'));
  });

  it('the IPTT holds the LOP and per-period numbers of assessment.json, the Data sheet those of data.csv', () => {
    const ws = wb.getWorksheet('Tracking table')!;
    const header = ws.getRow(7).values as string[];
    const col = (name: string) => header.indexOf(name);
    // Each reporting period's group: its label above its Target / Actual / % met.
    const periodColumn = new Map<string, number>();
    ws.getRow(6).eachCell((cell, c) => {
      if (header[c] === 'Target') periodColumn.set(String(cell.value).split('\n')[0]!, c);
    });
    expect(periodColumn.size).toBeGreaterThan(3);
    let rows = 0;
    let flows = 0;
    let periods = 0;
    ws.eachRow((row, n) => {
      if (n <= 7) return;
      const id = row.getCell(1).value;
      const breakdown = row.getCell(col('Breakdown')).value;
      const r = doc.results.find(
        (x) =>
          x.indicator === id &&
          (Object.values(x.disaggregation).join(' / ') || 'Total').toLowerCase() === String(breakdown).toLowerCase(),
      );
      if (!r) return;
      rows++;
      const value = (name: string) => row.getCell(col(name)).value ?? null;
      expect(value('Baseline'), `${id} ${breakdown}`).toBe(r.baseline?.value ?? null);
      expect(value('Status')).toBe(
        {
          achieved: 'Achieved',
          on_track: 'On track',
          at_risk: 'At risk',
          off_track: 'Off track',
          deteriorating: 'Deteriorating',
          missed: 'Missed',
          no_data: 'No data',
          no_target: 'No target',
        }[r.status],
      );
      if (r.lop_target !== null) {
        flows++;
        expect(value('LOP target')).toBe(r.lop_target);
        expect(value('Target to date')).toBe(r.target_to_date);
        expect(value('Actual to date')).toBe(r.actual_to_date);
        expect(value('% of LOP target')).toBe(r.percent_of_lop);
      } else {
        // A level: its last target and its latest value.
        expect(value('LOP target')).toBe(r.targets.filter((t) => t.value !== null).at(-1)?.value ?? null);
        expect(value('Actual to date')).toBe(r.actual_to_date ?? r.latest?.value ?? null);
      }
      for (const f of r.reporting_periods ?? []) {
        const c = periodColumn.get(f.label ?? f.period);
        if (!c) continue;
        periods++;
        expect(row.getCell(c).value ?? null, `${id} ${breakdown} ${f.period}`).toBe(f.target);
        expect(row.getCell(c + 1).value ?? null).toBe(f.actual);
        expect(row.getCell(c + 2).value ?? null).toBe(f.percent_met);
        for (const cell of [row.getCell(c), row.getCell(c + 1), row.getCell(c + 2)])
          if (typeof cell.value === 'number') expect(cell.numFmt).toBeTruthy();
      }
    });
    expect(rows).toBe(doc.results.length);
    expect(flows).toBeGreaterThan(0);
    expect(periods).toBeGreaterThan(20);
    const csvRows = readFileSync(join(out, 'data.csv'), 'utf8').trim().split('\r\n').length - 1;
    expect(wb.getWorksheet('Data')!.actualRowCount - 1).toBe(csvRows);
  });

  it('embeds each indicator chart in its sheet, and the charts folder has them all', () => {
    const charts = readdirSync(join(out, 'charts'));
    expect(charts).toContain('PE-STUNT-U5-TOOLKIT.png');
    expect(charts).toContain('PE-STUNT-U5-TOOLKIT--rural.png');
    expect(wb.getWorksheet('PE-STUNT-U5-TOOLKIT')!.getImages().length).toBe(2);
    const png = readFileSync(join(out, 'charts', 'ZM-STUNT-U5.png'));
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(png.readUInt32BE(20)).toBe(900);
  });

  it('prints: each sheet with page setup, header, footer; indicator sheets <= 12 columns; no wrapped text cut', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.fitToWidth, ws.name).toBeGreaterThanOrEqual(1);
      expect(ws.pageSetup.printArea, ws.name).toBeTruthy();
      expect(ws.headerFooter.oddHeader, ws.name).toContain('As of 2023');
      expect(ws.headerFooter.oddFooter, ws.name).toContain('Page &P of &N');
    }
    for (const id of new Set(doc.results.map((r) => r.indicator))) {
      const ws = wb.getWorksheet(id)!;
      // the printed sheet: at most 12 columns; beyond them, outside the print area, only the
      // native chart's data table (4 columns from L, its title first)
      const printed = parseRange(String(ws.pageSetup.printArea));
      expect(printed.right, id).toBeLessThanOrEqual(12);
      expect(lastColumnUsed(ws), id).toBeLessThanOrEqual(printed.right + 4);
      const beyond: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell, col) => {
          if (col > printed.right && cell.value !== null) beyond.push(String(cell.value));
        }),
      );
      expect(beyond[0], id).toBe('Chart data');
    }
    expect(rowsTooLow(wb)).toEqual([]);
    // written absolute ($A$1:$K$96), as LibreOffice needs to honour them
    const names = new TextDecoder().decode(unzipXlsx(readFileSync(join(out, 'progress-pack.xlsx')))['xl/workbook.xml']);
    const areas = [...names.matchAll(/name="_xlnm\.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(areas.length).toBe(wb.worksheets.length);
    for (const a of areas) expect(a).toMatch(/!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
  });

  it('carries on each indicator sheet an editable chart that plots the numbers of its own cells', () => {
    const files = unzipXlsx(readFileSync(join(out, 'progress-pack.xlsx')));
    const charts = chartParts(files);
    // one per indicator (each has a main chart), in the sheets' order, numbered from 1
    expect(charts.map((c) => c.sheet)).toEqual([...new Set(doc.results.map((r) => r.indicator))]);
    expect(charts.map((c) => c.path)).toEqual(charts.map((_, i) => `xl/charts/chart${i + 1}.xml`));
    for (const c of charts) {
      expect(referenceProblems(c, wb), c.path).toEqual([]);
      // the chart joins the drawing exceljs made for the sheet's PNG images
      const drawing = parseXml(new TextDecoder().decode(files[c.drawing]));
      expect(descendants(drawing, 'xdr:pic').length, c.drawing).toBeGreaterThan(0);
      expect(descendants(drawing, 'c:chart').length).toBe(1);
      const ids = descendants(drawing, 'xdr:cNvPr').map((n) => n.attributes.id);
      expect(new Set(ids).size).toBe(ids.length);
      // the picture on the printed page (column A), the editable chart beside it (column L)
      const anchorColumn = (kind: string) =>
        kids(drawing, 'xdr:oneCellAnchor')
          .filter((a) => descendants(a, kind).length)
          .map((a) => only(only(a, 'xdr:from'), 'xdr:col').text);
      expect(anchorColumn('c:chart')).toEqual(['11']);
      expect(anchorColumn('xdr:pic')[0]).toBe('0');
      // a scatter chart with straight lines, gaps for missing values
      expect(only(descendants(c.root, 'c:scatterChart')[0] as XmlNode, 'c:scatterStyle').attributes.val).toBe(
        'lineMarker',
      );
      expect(descendants(c.root, 'c:smooth').every((n) => n.attributes.val === '0')).toBe(true);
      expect(descendants(c.root, 'c:dispBlanksAs')[0]?.attributes.val).toBe('gap');
    }
    const types = new TextDecoder().decode(files['[Content_Types].xml']);
    for (const c of charts) expect(types).toContain(`PartName="/${c.path}"`);

    // the numbers plotted, by hand: the toolkit's national rate 29.5 % (2006) and 14.4 % (2016),
    // its 2011 target 24.5 %, each at its year's midpoint (2006-07-02 is Excel's day 38900)
    const toolkit = charts.find((c) => c.sheet === 'PE-STUNT-U5-TOOLKIT') as ChartPart;
    const series = (chart: ChartPart, name: string) => chart.series.find((s) => s.name.cached === name);
    expect(series(toolkit, 'Total: Actual')?.y.cached).toEqual([29.5, 14.4]);
    expect(series(toolkit, 'Total: Actual')?.x.cached[0]).toBe(38900);
    expect(series(toolkit, 'Total: Target')?.y.cached).toEqual([24.5]);
    expect(series(toolkit, 'Rural: Actual')?.y.cached).toEqual([46.3, 27.7]);
    // the flow: running totals ending at the actual to date (268), the LOP target 920
    const trained = charts.find((c) => c.sheet === 'ILLUSTRATIVE-MEMBERS-TRAINED') as ChartPart;
    expect(series(trained, 'Total: Running total')?.y.cached.at(-1)).toBe(268);
    expect(series(trained, 'Total: Target')?.y.cached).toEqual([920]);
  });

  it('shows in the workbook each chart written to charts/, byte for byte', () => {
    const media = Object.entries(unzipXlsx(readFileSync(join(out, 'progress-pack.xlsx'))))
      .filter(([path]) => path.startsWith('xl/media/'))
      .map(([, bytes]) => Buffer.from(bytes).toString('base64'));
    const charts = readdirSync(join(out, 'charts'));
    expect(charts.length).toBe(29);
    for (const f of charts) expect(media, f).toContain(readFileSync(join(out, 'charts', f)).toString('base64'));
    // The other images are the Summary's trend sparklines; every image is a PNG (no stand-in is left).
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64').slice(0, 8);
    expect(media.filter((m) => !m.startsWith(png))).toEqual([]);
  });

  it('dates the workbook from SOURCE_DATE_EPOCH', () => {
    expect(wb.created?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('gives the same bytes on a second run with the same SOURCE_DATE_EPOCH: workbook, charts, JSON', async () => {
    const again = join(mkdtempSync(join(tmpdir(), 'mel-pack-')), 'pack');
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    await mel(['report', '--out', again, '--quiet'], root);
    delete process.env.SOURCE_DATE_EPOCH;
    expect(readFileSync(join(again, 'progress-pack.xlsx')).equals(readFileSync(join(out, 'progress-pack.xlsx')))).toBe(
      true,
    );
    // Every zip entry is dated with the run's time (2023-11-14 22:13:20 UTC), not the wall clock.
    const dosDate = ((2023 - 1980) << 9) | (11 << 5) | 14;
    const dosTime = (22 << 11) | (13 << 5) | (20 >> 1);
    for (const e of zipEntries(readFileSync(join(out, 'progress-pack.xlsx')))) {
      expect([e.name, e.dosDate, e.dosTime]).toEqual([e.name, dosDate, dosTime]);
    }
    for (const f of readdirSync(join(out, 'charts'))) {
      expect(readFileSync(join(again, 'charts', f)).equals(readFileSync(join(out, 'charts', f))), f).toBe(true);
    }
    expect(readFileSync(join(again, 'assessment.json'), 'utf8')).toBe(
      readFileSync(join(out, 'assessment.json'), 'utf8'),
    );
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(join(again, 'progress-pack.xlsx'));
    const cells = (w: ExcelJS.Workbook) =>
      w.worksheets
        .filter((s) => s.name !== 'About')
        .map((s) =>
          s
            .getSheetValues()
            .map((r) => JSON.stringify(r))
            .join('\n'),
        )
        .join('\n');
    expect(cells(wb2)).toBe(cells(wb));
  }, 120_000);
});
