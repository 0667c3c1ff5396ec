// The terminal's language: --locale > the programme's `locale:` > LC_ALL, LC_MESSAGES, LANG > en,
// and every line the commands print in it.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentLocale, localeFlagIn, terminalLocale } from '../../src/cli/locale.js';
import { mel } from './capture.js';

const demo = join(import.meta.dirname, '../..');

/** The demo programme copied, with `locale:` set to `locale`. */
function demoIn(locale: 'en' | 'es'): string {
  const dir = mkdtempSync(join(tmpdir(), 'mel-locale-'));
  cpSync(join(demo, 'indicators'), join(dir, 'indicators'), { recursive: true });
  cpSync(join(demo, 'data'), join(dir, 'data'), { recursive: true });
  const file = join(dir, 'indicators/program.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/^ {2}locale: en$/m);
  writeFileSync(file, text.replace(/^ {2}locale: en$/m, `  locale: ${locale}`));
  return dir;
}

/** A new programme from `mel init`, its `locale:` line removed: the programme states no language. */
async function starter(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mel-locale-'));
  expect((await mel(['init', '.'], dir)).code).toBe(0);
  const file = join(dir, 'indicators/program.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}locale: en.*$/m, ''));
  return dir;
}

describe('the rule', () => {
  it('reads the environment as POSIX does: LC_ALL, then LC_MESSAGES, then LANG; es... is Spanish', () => {
    expect(environmentLocale({ LANG: 'es_PE.UTF-8' })).toBe('es');
    expect(environmentLocale({ LANG: 'es' })).toBe('es');
    expect(environmentLocale({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(environmentLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(environmentLocale({ LC_ALL: 'C', LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(environmentLocale({ LC_MESSAGES: 'es_MX', LANG: 'en_US' })).toBe('es');
    expect(environmentLocale({ LC_ALL: '', LANG: 'es_AR.UTF-8' })).toBe('es');
    expect(environmentLocale({ LANG: 'estonian' })).toBe('en');
    expect(environmentLocale({})).toBeUndefined();
  });

  it('puts the flag first, then the programme, then the environment, then English', () => {
    const es = { LANG: 'es_PE.UTF-8' };
    expect(terminalLocale('en', 'es', es)).toBe('en');
    expect(terminalLocale(undefined, 'en', es)).toBe('en');
    expect(terminalLocale(undefined, undefined, es)).toBe('es');
    expect(terminalLocale(undefined, undefined, {})).toBe('en');
    expect(localeFlagIn(['assess', '--locale', 'es'])).toBe('es');
    expect(localeFlagIn(['assess', '--locale=es'])).toBe('es');
    expect(localeFlagIn(['assess', '--locale', 'fr'])).toBeUndefined();
  });
});

describe('validate, assess and report in Spanish', () => {
  it('validate --locale es on the demo: the summary in Spanish', async () => {
    const r = await mel(['validate', '--locale', 'es'], demo);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^indicators\/program\.yaml: 16 indicadores, 5 archivos de datos, \d+ filas, \d+ series: sin errores\n$/,
    );
  });

  it(
    'assess on a programme with `locale: es`: Spanish headers, status names and numbers; --locale en ' + 'wins',
    async () => {
      const dir = demoIn('es');
      const r = await mel(['assess'], dir);
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe('care-alliances: fecha de corte 2023, método Trayectoria (razón de avance)');
      expect(lines[2]).toMatch(/^Indicador +Desagregación +Línea de base +Último valor +Meta +Estado$/);
      // 7459.28 in Spanish: decimal comma, and a four-digit number is not grouped (format-number.ts).
      expect(r.stdout).toMatch(/^GE-STATE-BUDGET +Total +7459,28 \(2011\) +9703,13 \(2015\) +- +Sin meta$/m);
      expect(r.stdout).toContain('En camino');
      expect(r.stdout).not.toMatch(/no_target|on_track|\d,\d{3}\.\d/);
      expect(lines.at(-2)).toMatch(/^29 resultados: 17 Sin meta, 3 En camino, 4 Logrado, 3 No logrado, 2 Sin datos$/);

      const en = await mel(['assess', '--locale', 'en'], dir);
      expect(en.stdout).toMatch(/^GE-STATE-BUDGET +Total +7,459\.28 \(2011\) +9,703\.13 \(2015\) +- +No target$/m);
      expect(en.stdout.split('\n')[0]).toBe('care-alliances: as of 2023, method Trajectory (progress ratio)');
    },
  );

  it('assess --json is the same document in any language', async () => {
    const plain = await mel(['assess', '--json'], demo);
    const es = await mel(['assess', '--json', '--locale', 'es'], demo, { LANG: 'es_PE.UTF-8' });
    expect(es.stdout).toBe(plain.stdout);
    expect(es.stdout).toContain('"status": "no_target"');
  });

  it("report's last line in Spanish, from the environment when the programme states no locale", async () => {
    const dir = await starter();
    const r = await mel(['report', '--charts', 'native', '--out', 'pack'], dir, { LANG: 'es_PE.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'se escribió pack/ : progress-pack.xlsx, assessment.json, data.csv, 1 gráfico nativo en el libro (fecha de ' +
        'corte 2024)\n',
    );
  });
});

describe('mel init', () => {
  it('starts a programme in the language of the terminal: --locale es writes `locale: es`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mel-locale-'));
    const r = await mel(['init', '.', '--locale', 'es'], dir);
    expect(r.stdout).toMatch(/^programa creado en \.\/:\n/);
    expect(readFileSync(join(dir, 'indicators/program.yaml'), 'utf8')).toMatch(/^ {2}locale: es +#/m);
    expect((await mel(['validate'], dir)).stdout).toContain(': 1 indicador, 1 archivo de datos, ');
  });
});

describe('problems in Spanish', () => {
  it('an unknown option: our words, naming the option, with the command usage', async () => {
    const r = await mel(['assess', '--locale', 'es', '--bogus'], demo);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'mel: mel assess no tiene la opción --bogus; sus opciones están abajo\n\n' +
        'Uso: mel assess [--program FILE] [--as-of P] [--method M] [--json] [--locale en|es]\n' +
        '  dónde está cada indicador respecto de sus metas\n',
    );
    expect(r.stderr).not.toContain('positional');
    const missing = await mel(['validate', '--program'], demo, { LANG: 'es_ES.UTF-8' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('mel: mel validate: --program necesita un valor (--program VALOR)');
    const flag = await mel(['assess', '--json=yes'], demo);
    expect(flag.stderr).toContain('mel: mel assess: --json takes no value; write --json alone');
    const bad = await mel(['assess', '--as-of', '2024-Q5', '--locale', 'es'], demo);
    expect(bad.stderr).toContain('mel: --as-of 2024-Q5: "2024-Q5": el trimestre 5 no existe (Q1 a Q4)');
  });

  it('a bad number in a CSV at its file:line, in Spanish from LANG', async () => {
    const dir = await starter();
    const csv = join(dir, 'data/stunting.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    lines[2] = 'stunting_u5,2020,rural,treinta,Example';
    writeFileSync(csv, lines.join('\n'));
    const r = await mel(['validate'], dir, { LANG: 'es_PE.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'data/stunting.csv:3:4: `treinta` en la columna `value` no es un número: escriba un número como 29.5, 1,200 ' +
        'o 12%',
    );
    expect(r.stderr).toMatch(/\n1 error\n$/);
    // LC_ALL=C says English, whatever LANG says.
    const en = await mel(['validate'], dir, { LC_ALL: 'C', LANG: 'es_PE.UTF-8' });
    expect(en.stderr).toContain('data/stunting.csv:3:4: `treinta` in column `value` is not a number');
  });

  it("a broken program.yaml: the programme's locale is read when the YAML parses, else the environment's", async () => {
    const dir = demoIn('es');
    const file = join(dir, 'indicators/program.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^program:$/m, 'program:\n  colour: blue'));
    const schema = await mel(['validate'], dir);
    expect(schema.code).toBe(1);
    expect(schema.stderr).toMatch(/indicators\/program\.yaml:\d+:\d+: clave desconocida `colour`/);
    writeFileSync(file, 'program: [\n');
    const syntax = await mel(['validate'], dir, { LANG: 'es_PE.UTF-8' });
    expect(syntax.stderr).toMatch(/^indicators\/program\.yaml:\d+:\d+: sintaxis YAML: /);
    const english = await mel(['validate'], dir);
    expect(english.stderr).toMatch(/^indicators\/program\.yaml:\d+:\d+: YAML syntax: /);
  });

  it("a rule of the files and zod's own words, in Spanish", async () => {
    const dir = demoIn('es');
    const file = join(dir, 'indicators/zm-stunt-u5.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('{ period: 2015, value: 30,', '{ period: 2015, value: 30, change: -5,'),
    );
    const r = await mel(['validate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /indicators\/zm-stunt-u5\.yaml:16:\d+: `targets`: una meta tiene `value` o `change`, no ambos/,
    );
    expect(r.stderr).toContain('`change_unit`: una meta con `change` necesita `change_unit`');
  });

  it('a missing data file, in Spanish', async () => {
    const dir = demoIn('es');
    const file = join(dir, 'indicators/program.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('data/georgia/', 'data/georgie/'));
    const r = await mel(['validate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no se encuentra el archivo de datos: data/georgie/');
    expect(r.stderr).toMatch(/\n1 error\n$/);
  });
});
