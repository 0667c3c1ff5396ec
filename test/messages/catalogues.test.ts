// Every English message of the terminal has its Spanish. The types force it (each Spanish
// catalogue has the type of its English one); these tests check that the Spanish is
// written, not the English copied.
import { describe, expect, it } from 'vitest';
import { cliMessages } from '../../src/messages/cli.js';
import { dataMessages } from '../../src/messages/data.js';
import { exportFileMessages, exportIssues } from '../../src/messages/export.js';
import { localize } from '../../src/messages/localized.js';
import { outputFolderMessages } from '../../src/messages/output-folder.js';
import { periodReason } from '../../src/messages/periods.js';
import { specMessages } from '../../src/messages/spec.js';
import type { PeriodProblem } from '../../src/periods/period.js';

/** Every path to a leaf of an object: `reportStages.reading`, `summaries.validate`. */
const leaves = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('the catalogues', () => {
  it('the terminal: the same entries in English and Spanish, each one written in Spanish', () => {
    expect(leaves(cliMessages.es)).toEqual(leaves(cliMessages.en));
    const { en, es } = cliMessages;
    for (const [key, text] of Object.entries(es.summaries))
      expect(text, key).not.toBe(en.summaries[key as keyof typeof en.summaries]);
    for (const [key, text] of Object.entries(es.reportStages))
      expect(text, key).not.toBe(en.reportStages[key as keyof typeof en.reportStages]);
    expect(es.usageNotes.join(' ')).not.toBe(en.usageNotes.join(' '));
    expect(es.unknownOption('assess', '--x')).toBe('mel assess no tiene la opción --x; sus opciones están abajo');
    expect(es.issueCount(2, 1)).toBe('2 errores, 1 aviso');
    expect(es.validated('p.yaml', { indicators: 1, files: 2, rows: 12345, series: 1, warnings: 0 })).toBe(
      'p.yaml: 1 indicador, 2 archivos de datos, 12.345 filas, 1 serie: sin errores',
    );
  });

  it('the problems of the files: every message, called without its details, differs in Spanish', () => {
    const catalogues = { dataMessages, specMessages, outputFolderMessages, exportFileMessages, exportIssues };
    let checked = 0;
    for (const [name, catalogue] of Object.entries(catalogues))
      for (const [key, say] of Object.entries(
        catalogue as Record<string, (...args: never[]) => { en: string; es: string }>,
      ))
        try {
          // Details left out: a message that needs them throws, and is checked in the tests of its module.
          const text = say();
          // A message that is only its details (`field: detail`) has no words of its own.
          if (typeof text.en !== 'string' || key === 'schemaProblem') continue;
          expect(text.es, `${name}.${key}`).toBeTypeOf('string');
          expect(text.es, `${name}.${key}`).not.toBe(text.en);
          checked++;
        } catch (e) {
          if (!(e instanceof TypeError)) throw e;
        }
    expect(checked).toBeGreaterThan(60);
  });

  it('localize: a key missing in Spanish is a type error, and an error when the catalogue loads', () => {
    expect(localize({ en: { a: () => 'a' }, es: { a: () => 'á' } }).a()).toEqual({ en: 'a', es: 'á' });
    // @ts-expect-error: `es` lacks `b`.
    expect(() => localize({ en: { a: () => 'a', b: () => 'b' }, es: { a: () => 'á' } })).toThrow(
      'internal: no Spanish for message b',
    );
  });

  it('every period problem in both languages', () => {
    const problems: PeriodProblem[] = [
      { kind: 'empty' },
      { kind: 'notACalendarDate', text: '2024-02-30' },
      { kind: 'implausibleYear', text: '0000', year: 0, min: 1800, max: 2200 },
      { kind: 'noQuarter', text: '2024-Q5', quarter: '5' },
      { kind: 'noSemester', text: '2024-S3', semester: '3' },
      { kind: 'noWeek', text: '2024-W60', week: '60', year: '2024' },
      { kind: 'noMonthZero', text: '2024-0' },
      { kind: 'noSuchMonth', text: '2024-M13', month: '13' },
      { kind: 'notAMonthName', name: 'Foo' },
      { kind: 'roundBackwards', from: 2010, to: 2008 },
      { kind: 'roundTooLong', from: 2000, to: 2020 },
      { kind: 'neitherMonthNorRound', text: '2024-13', round: '2024-25' },
      { kind: 'yearMonthNotAMonth', text: '202413', year: '2024', month: '13' },
      { kind: 'monthTextUnknown', text: 'foo-24' },
      { kind: 'dateInOtherOrder', text: '13/25/2024', order: 'dmy', other: 'mdy' },
      { kind: 'notADate', text: '31/02/2024' },
      { kind: 'notAPeriod', text: 'soon' },
    ];
    for (const p of problems) {
      const r = periodReason(p);
      expect(r.es, p.kind).not.toBe(r.en);
      expect(r.es, p.kind).not.toContain('undefined');
    }
    expect(periodReason({ kind: 'noQuarter', text: '2024-Q5', quarter: '5' }).es).toMatch(
      /^"2024-Q5": el trimestre 5 no existe \(Q1 a Q4\); escriba 2006/,
    );
  });
});
