// Native (editable) Excel charts: the series a chart spec gives, dates as Excel counts
// them, a time axis whose ticks are labelled with the right year, the parts added to a
// workbook without images, and `mel report --charts`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/report/charts/chart-spec.js';
import { cellRef, columnLetters } from '../../src/report/native-charts/chart-xml.js';
import { excelSerial, plannedSeries, timeAxisOf } from '../../src/report/native-charts/native-chart.js';
import { placeNativeChart } from '../../src/report/native-charts/place-native-chart.js';
import { addNativeCharts } from '../../src/report/native-charts/xlsx-native-charts.js';
import { packageWorkbook } from '../../src/report/workbook/xlsx-package.js';
import { sheetCells } from '../../src/report/workbook/sheet-cells.js';
import { STYLES } from '../../src/report/workbook/styles.js';
import { mel } from '../cli/capture.js';
import { writeProgramme } from '../helpers/programme.js';
import { descendants, parseXml } from '../helpers/xml-tree.js';
import { chartParts, referenceProblems, unzipXlsx } from './native-chart-parts.js';

const spec = (groups: ChartSpec['groups']): ChartSpec => ({
  title: 'Stunting & wasting <under 5>',
  unitLabel: '% of children',
  footnotes: [],
  locale: 'en',
  axisTimeLabel: 'Year',
  roleLabels: {
    actual: 'Actual',
    baseline: 'Baseline',
    target: 'Target',
    expected: 'Expected path',
    projection: 'Projection',
  },
  groups,
  percent: true,
});

const national: ChartSpec['groups'][number] = {
  label: 'National',
  actual: [
    { x: 2006.5, y: 29.5, label: '2006' },
    { x: 2011.5, y: 19.5, label: '2011' },
    { x: 2016.5, y: 13.1, label: '2016' },
  ],
  targets: [{ x: 2011.5, y: 24.5, label: '2011', name: 'Target 2011: 24.5' }],
  expectedPath: [
    { x: 2006.5, y: 29.5, label: '2006' },
    { x: 2011.5, y: 24.5, label: '2011' },
  ],
};

describe('what a native chart plots', () => {
  it('counts days as Excel does (1900 date system)', () => {
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2006-01-01')).toBe(38718);
    expect(excelSerial('2006-07-02')).toBe(38900);
  });

  it('gives each group its actuals, expected path and targets, named by group when there are several', () => {
    const one = plannedSeries(spec([national]));
    expect(one.map((s) => [s.name, s.role, s.points.map((p) => p.y)])).toEqual([
      ['Actual', 'actual', [29.5, 19.5, 13.1]],
      ['Expected path', 'expected', [29.5, 24.5]],
      ['Target', 'target', [24.5]],
    ]);
    expect(one[0]?.points[0]).toEqual({ label: '2006', x: 38900, y: 29.5 });
    const rural = { label: 'Rural', actual: [{ x: 2006.5, y: 46.3, label: '2006' }], targets: [] };
    expect(plannedSeries(spec([national, rural])).map((s) => s.name)).toEqual([
      'National: Actual',
      'National: Expected path',
      'National: Target',
      'Rural: Actual',
    ]);
  });

  it('labels every tick of the time axis with its own year, or its own quarter', () => {
    const dayOf = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    const years = timeAxisOf(plannedSeries(spec([national])));
    expect(years.format).toBe('yyyy');
    // 2006..2016: eleven years, a tick every two, from 2006 to 2018
    expect(years.majorUnit).toBe(730.5);
    const yearTicks: number[] = [];
    for (let t = years.min; t <= years.max + 1e-9; t += years.majorUnit) {
      const d = dayOf(t);
      expect(d.getUTCMonth()).toBe(0);
      expect(d.getUTCDate()).toBeLessThanOrEqual(3);
      yearTicks.push(d.getUTCFullYear());
    }
    expect(yearTicks).toEqual([2006, 2008, 2010, 2012, 2014, 2016, 2018]);

    const months = [2023.04, 2023.54, 2024.29].map((x, i) => ({ x, y: i, label: '' }));
    const quarters = timeAxisOf(plannedSeries(spec([{ label: 'N', actual: months, targets: [] }])));
    expect(quarters.format).toBe('mmm yyyy');
    const quarterTicks: string[] = [];
    for (let t = quarters.min; t <= quarters.max + 1e-9; t += quarters.majorUnit) {
      const d = dayOf(t);
      expect(d.getUTCMonth() % 3).toBe(0);
      expect(d.getUTCDate()).toBeLessThanOrEqual(3);
      quarterTicks.push(`${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`);
    }
    expect(quarterTicks).toEqual(['2023-1', '2023-4', '2023-7', '2023-10', '2024-1', '2024-4', '2024-7']);
  });

  it('names cells as Excel formulas do, quoting the sheet', () => {
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(26)).toBe('Z');
    expect(columnLetters(27)).toBe('AA');
    expect(columnLetters(703)).toBe('AAA');
    expect(cellRef({ sheet: "O'Brien data", row: 5, col: 3 })).toBe("'O''Brien data'!$C$5");
  });
});

describe('native charts added to a workbook without images', () => {
  it("makes the sheet's drawing, before its table parts, and the chart reads the sheet's cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheetName = "O'Brien & data";
    const ws = workbook.addWorksheet(sheetName);
    sheetCells(ws).set(1, 1, 'A title', STYLES.plain);
    const chart = placeNativeChart(ws, spec([national]), {
      sheet: sheetName,
      anchor: { col: 0, row: 2, width: 800, height: 450 },
      data: { row: 3, column: 2 },
      valueFormat: '0.0',
    });
    if (!chart) throw new Error('no chart');
    const bytes = await packageWorkbook(workbook, new Date(Date.UTC(2024, 0, 1)), (parts) => {
      // The sheet has table parts (mel writes none): the drawing goes before them.
      const sheet = new TextDecoder().decode(parts.get('xl/worksheets/sheet1.xml'));
      parts.set(
        'xl/worksheets/sheet1.xml',
        Buffer.from(sheet.replace('</worksheet>', '<tableParts count="0"/></worksheet>')),
      );
      addNativeCharts(parts, [chart]);
    });
    const files = unzipXlsx(bytes);
    const sheetXml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(sheetXml.indexOf('<drawing r:id=')).toBeGreaterThan(0);
    expect(sheetXml.indexOf('<drawing r:id=')).toBeLessThan(sheetXml.indexOf('<tableParts'));
    const [part] = chartParts(files);
    expect(part?.sheet).toBe(sheetName);
    expect(part?.series.map((s) => s.name.cached)).toEqual(['Actual', 'Expected path', 'Target']);
    // the table starts at B3: its title, a note, the header, then the points from row 6
    expect(part?.series[0]?.y.ref).toBe("'O''Brien & data'!$E$6:$E$8");
    expect(part?.series[0]?.name.ref).toBe("'O''Brien & data'!$B$6");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(new Uint8Array(bytes).buffer);
    expect(referenceProblems(part as NonNullable<typeof part>, back)).toEqual([]);
    expect(back.getWorksheet(sheetName)?.getCell('E7').value).toBe(19.5);
    expect(back.getWorksheet(sheetName)?.getCell('B3').value).toBe('Chart data');
    const types = new TextDecoder().decode(files['[Content_Types].xml']);
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml"');
    const title = new TextDecoder().decode(files['xl/charts/chart1.xml']);
    expect(title).toContain('<a:t>Stunting &amp; wasting &lt;under 5&gt;</a:t>');
  });
});

describe('mel report --charts', () => {
  const demo = join(import.meta.dirname, '../..');

  it('native: editable charts only, nothing rendered, no charts folder', async () => {
    const out = join(writeProgramme({}), 'pack');
    const r = await mel(['report', '--charts', 'native', '--out', out, '--quiet'], demo);
    const xlsx = new Uint8Array(readFileSync(join(out, 'progress-pack.xlsx')));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'progress-pack.xlsx, assessment.json, data.csv, 16 native charts in the workbook (as of 2023)',
    );
    expect(existsSync(join(out, 'charts'))).toBe(false);
    const files = unzipXlsx(xlsx);
    // no picture on the indicator sheets (the Summary keeps its sparklines)
    const pictures = chartParts(files).flatMap((c) =>
      descendants(parseXml(new TextDecoder().decode(files[c.drawing])), 'xdr:pic'),
    );
    expect(pictures).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.buffer);
    const charts = chartParts(files);
    expect(charts.length).toBe(16);
    for (const c of charts) expect(referenceProblems(c, wb), c.path).toEqual([]);
  });

  it('png: the images only; a wrong value is a usage error', async () => {
    const dir = writeProgramme({
      'indicators/program.yaml':
        'program:\n  id: p\n  name: P\n  period: { start: 2020, end: 2024 }\n  as_of: 2023\n' +
        'results: [{ id: R, level: output, statement: S }]\ndata: [{ id: d, file: d.csv }]\n',
      'indicators/i.yaml':
        'id: I\nname: I\nresult: R\nunit: number\ndirection: increase\nseries: { data: d, match: { indicator: i } }\n' +
        'targets: [{ period: 2024, value: 10 }]\n',
      'd.csv': 'indicator,period,value\ni,2020,1\ni,2021,3\ni,2022,4\n',
    });
    const r = await mel(['report', '--charts', 'png', '--out', 'pack', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('progress-pack.xlsx, assessment.json, data.csv, 1 chart (as of 2023)');
    const files = unzipXlsx(readFileSync(join(dir, 'pack', 'progress-pack.xlsx')));
    expect(Object.keys(files).filter((f) => f.startsWith('xl/charts/'))).toEqual([]);
    // the sparkline of the Summary and the indicator's chart
    expect(Object.keys(files).filter((f) => f.startsWith('xl/media/')).length).toBe(2);
    expect(existsSync(join(dir, 'pack', 'charts', 'I.png'))).toBe(true);
    const bad = await mel(['report', '--charts', 'svg'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--charts svg: choose one of png, native, both');
  });
});
