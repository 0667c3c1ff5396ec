// Every word the `mel` command prints on the terminal that is not about a file's content:
// the usage, usage errors, the one-line summaries of validate, report and export, the
// progress stages and the internal-error line, in English and Spanish. Option names,
// command names and file names are never translated: they are what the user types.
import type { Locale } from '../spec/schema.js';
import { formatInteger } from './format-number.js';
import type { Localized } from './localized.js';

/** The commands, as the usage names them. */
export type CommandName = 'validate' | 'assess' | 'smart' | 'report' | 'export' | 'schema' | 'init';

export interface CliMessages {
  title: string;
  usageHeading: string;
  /** The lines below the commands in `mel --help`. */
  usageNotes: readonly string[];
  /** `Usage: mel validate [--program FILE]` */
  commandUsage: (line: string) => string;
  summaries: Record<CommandName, string>;

  // --- usage errors (exit 2) -----------------------------------------------------------
  optionBeforeCommand: (option: string, commands: readonly string[]) => string;
  unknownCommand: (name: string, commands: readonly string[]) => string;
  unknownOption: (command: string, option: string) => string;
  /** A string option given without a value (`--program` last). */
  missingOptionValue: (command: string, option: string) => string;
  /** A yes/no option given a value (`--json=yes`). */
  flagTakesNoValue: (command: string, option: string) => string;
  unexpectedArgument: (command: string, argument: string) => string;
  badChoice: (option: string, given: string, choices: readonly string[]) => string;
  badPeriod: (option: string, given: string, reason: Localized) => string;
  exportWhat: (formats: readonly string[]) => string;
  exportUnknownFormat: (format: string, formats: readonly string[]) => string;
  schemaUnknown: (which: string) => string;
  initProgrammeExists: (path: string) => string;
  initFileExists: (path: string) => string;

  // --- results -------------------------------------------------------------------------
  /** `program.yaml: 16 indicators, 5 data files, 312 rows, 40 series: no errors` */
  validated: (
    file: string,
    c: { indicators: number; files: number; rows: number; series: number; warnings: number },
  ) => string;
  /** The count line under the issues. */
  issueCount: (errors: number, warnings: number) => string;
  /** Above `mel assess`'s table. */
  assessHeading: (program: string, asOf: string, method: string) => string;
  /** Below it: `40 results: 12 On track, 3 At risk` (`counts` already in words). */
  assessResults: (results: number, counts: readonly string[]) => string;
  /** Before a warning's message: `file:3: warning: ...`. */
  warningPrefix: string;
  reportStages: { reading: string; assessing: string; charts: string; workbook: string; writing: string };
  reportWritten: (w: {
    folder: string;
    charts: number;
    nativeCharts: number;
    asOf: string;
    warnings: number;
  }) => string;
  exportWritten: (w: { file: string; results: number; indicators: number; asOf: string; warnings: number }) => string;
  schemaWritten: (file: string) => string;
  initCreated: (where: string, files: readonly string[]) => string;
  /** Exit 70: a fault of mel itself. */
  internalError: (message: string) => string;
}

const en_ = (n: number) => formatInteger(n, 'en');
const es_ = (n: number) => formatInteger(n, 'es');
const count = (n: number, one: string, many: string, write: (n: number) => string) =>
  `${write(n)} ${n === 1 ? one : many}`;
const enCount = (n: number, one: string, many = `${one}s`) => count(n, one, many, en_);
const esCount = (n: number, one: string, many = `${one}s`) => count(n, one, many, es_);

const en: CliMessages = {
  title: 'mel: monitoring, evaluation and learning engine',
  usageHeading: 'Usage:',
  usageNotes: [
    '--program defaults to indicators/program.yaml. Paths inside it are relative to the',
    "programme's root (the folder that holds its indicators/ folder), so mel runs from any",
    'directory. `mel COMMAND --help` shows one command. Exit codes: 0 ok, 1 the input has',
    'errors, 2 usage error.',
    "Messages are in --locale en|es, else the programme's `locale:`, else the language of",
    'the environment (LC_ALL, LC_MESSAGES, LANG), else English.',
  ],
  commandUsage: (line) => `Usage: ${line}`,
  summaries: {
    validate: 'check everything, print every problem',
    assess: 'where each indicator stands against its targets',
    smart: 'SMART review of indicators and targets',
    report: 'the Excel progress pack, assessment.json, data.csv and charts',
    export: 'the results framework as an IATI 2.03 activity file (targets and actuals per period)',
    schema: 'JSON Schema of the programme and indicator files',
    init: 'start a new programme in DIR (default: .)',
  },
  optionBeforeCommand: (option, commands) => `${option} comes after a command; commands: ${commands.join(', ')}`,
  unknownCommand: (name, commands) => `unknown command "${name}"; commands: ${commands.join(', ')}`,
  unknownOption: (command, option) => `mel ${command} has no option ${option}; its options are below`,
  missingOptionValue: (command, option) => `mel ${command}: ${option} needs a value (${option} VALUE)`,
  flagTakesNoValue: (command, option) => `mel ${command}: ${option} takes no value; write ${option} alone`,
  unexpectedArgument: (command, argument) => `mel ${command} takes no argument "${argument}"`,
  badChoice: (option, given, choices) => `${option} ${given}: choose one of ${choices.join(', ')}`,
  badPeriod: (option, given, reason) => `${option} ${given}: ${reason.en}`,
  exportWhat: (formats) => `mel export: say what to export: ${formats.join(', ')}`,
  exportUnknownFormat: (format, formats) => `mel export: unknown format "${format}"; formats: ${formats.join(', ')}`,
  schemaUnknown: (which) => `mel schema [program|indicator]: unknown schema "${which}"`,
  initProgrammeExists: (path) => `${path} already exists; mel init starts a new programme in an empty directory`,
  initFileExists: (path) => `${path} already exists; mel init does not overwrite files`,

  validated: (file, c) =>
    `${file}: ${enCount(c.indicators, 'indicator')}, ${enCount(c.files, 'data file')}, ${enCount(c.rows, 'row')}, ` +
    `${en_(c.series)} series: no errors${c.warnings ? `, ${enCount(c.warnings, 'warning')}` : ''}`,
  issueCount: (errors, warnings) => `${enCount(errors, 'error')}${warnings ? `, ${enCount(warnings, 'warning')}` : ''}`,
  assessHeading: (program, asOf, method) => `${program}: as of ${asOf}, method ${method}`,
  assessResults: (results, counts) => `${enCount(results, 'result')}: ${counts.join(', ')}`,
  warningPrefix: 'warning: ',
  reportStages: {
    reading: 'reading the programme and its data',
    assessing: 'assessing',
    charts: 'charts',
    workbook: 'laying out and writing the workbook',
    writing: 'writing the pack',
  },
  reportWritten: (w) =>
    `wrote ${w.folder}/ : progress-pack.xlsx, assessment.json, data.csv` +
    (w.charts ? `, ${enCount(w.charts, 'chart')}` : '') +
    (w.nativeCharts ? `, ${enCount(w.nativeCharts, 'native chart')} in the workbook` : '') +
    ` (as of ${w.asOf}${w.warnings ? `; ${enCount(w.warnings, 'warning')} above` : ''})`,
  exportWritten: (w) =>
    `wrote ${w.file}: ${enCount(w.results, 'result')}, ${enCount(w.indicators, 'indicator')} (as of ${w.asOf}` +
    `${w.warnings ? `; ${enCount(w.warnings, 'warning')} above` : ''})`,
  schemaWritten: (file) => `wrote ${file}`,
  initCreated: (where, files) =>
    [
      `created a programme in ${where}/:`,
      ...files.map((f) => `  ${f}`),
      '',
      'next:',
      ...(where === '.' ? [] : [`  cd ${where}`]),
      '  edit indicators/program.yaml, indicators/stunting.yaml and data/stunting.csv',
      '  npx mel validate       check everything',
      '  npx mel assess         where each indicator stands',
      '  npx mel report         the Excel pack and charts, in reports/',
    ].join('\n'),
  internalError: (message) =>
    `internal error: ${message} (this is a bug in mel-engine; please report it with the command you ran)`,
};

const es: CliMessages = {
  title: 'mel: motor de monitoreo, evaluación y aprendizaje',
  usageHeading: 'Uso:',
  usageNotes: [
    'Por defecto, --program es indicators/program.yaml. Las rutas que contiene son relativas',
    'a la raíz del programa (la carpeta que contiene su carpeta indicators/), así que mel',
    'funciona desde cualquier carpeta. `mel COMANDO --help` muestra un solo comando. Códigos',
    'de salida: 0 correcto, 1 los archivos tienen errores, 2 error de uso.',
    'Los mensajes salen en el idioma de --locale en|es; si no, en el `locale:` del programa;',
    'si no, en el del entorno (LC_ALL, LC_MESSAGES, LANG); si no, en inglés.',
  ],
  commandUsage: (line) => `Uso: ${line}`,
  summaries: {
    validate: 'revisa todo e imprime cada problema',
    assess: 'dónde está cada indicador respecto de sus metas',
    smart: 'revisión SMART de los indicadores y sus metas',
    report: 'el informe de avance en Excel, assessment.json, data.csv y los gráficos',
    export: 'el marco de resultados como archivo de actividad IATI 2.03 (metas y valores alcanzados por periodo)',
    schema: 'el esquema JSON de los archivos del programa y de los indicadores',
    init: 'crea un programa nuevo en DIR (por defecto: .)',
  },
  optionBeforeCommand: (option, commands) => `${option} va después de un comando; comandos: ${commands.join(', ')}`,
  unknownCommand: (name, commands) => `no existe el comando "${name}"; comandos: ${commands.join(', ')}`,
  unknownOption: (command, option) => `mel ${command} no tiene la opción ${option}; sus opciones están abajo`,
  missingOptionValue: (command, option) => `mel ${command}: ${option} necesita un valor (${option} VALOR)`,
  flagTakesNoValue: (command, option) => `mel ${command}: ${option} no lleva valor; escriba solo ${option}`,
  unexpectedArgument: (command, argument) => `mel ${command} no admite el argumento "${argument}"`,
  badChoice: (option, given, choices) => `${option} ${given}: elija uno de ${choices.join(', ')}`,
  badPeriod: (option, given, reason) => `${option} ${given}: ${reason.es}`,
  exportWhat: (formats) => `mel export: indique qué exportar: ${formats.join(', ')}`,
  exportUnknownFormat: (format, formats) =>
    `mel export: no existe el formato "${format}"; formatos: ${formats.join(', ')}`,
  schemaUnknown: (which) => `mel schema [program|indicator]: no existe el esquema "${which}"`,
  initProgrammeExists: (path) => `${path} ya existe; mel init crea un programa nuevo en una carpeta vacía`,
  initFileExists: (path) => `${path} ya existe; mel init no sobrescribe archivos`,

  validated: (file, c) =>
    `${file}: ${esCount(c.indicators, 'indicador', 'indicadores')}, ` +
    `${esCount(c.files, 'archivo de datos', 'archivos de datos')}, ${esCount(c.rows, 'fila')}, ` +
    `${esCount(c.series, 'serie')}: sin errores${c.warnings ? `, ${esCount(c.warnings, 'aviso')}` : ''}`,
  issueCount: (errors, warnings) =>
    `${esCount(errors, 'error', 'errores')}${warnings ? `, ${esCount(warnings, 'aviso')}` : ''}`,
  assessHeading: (program, asOf, method) => `${program}: fecha de corte ${asOf}, método ${method}`,
  assessResults: (results, counts) => `${esCount(results, 'resultado')}: ${counts.join(', ')}`,
  warningPrefix: 'aviso: ',
  reportStages: {
    reading: 'leyendo el programa y sus datos',
    assessing: 'evaluando',
    charts: 'gráficos',
    workbook: 'componiendo y escribiendo el libro',
    writing: 'escribiendo el informe',
  },
  reportWritten: (w) =>
    `se escribió ${w.folder}/ : progress-pack.xlsx, assessment.json, data.csv` +
    (w.charts ? `, ${esCount(w.charts, 'gráfico')}` : '') +
    (w.nativeCharts ? `, ${esCount(w.nativeCharts, 'gráfico nativo', 'gráficos nativos')} en el libro` : '') +
    ` (fecha de corte ${w.asOf}${w.warnings ? `; ${esCount(w.warnings, 'aviso')} arriba` : ''})`,
  exportWritten: (w) =>
    `se escribió ${w.file}: ${esCount(w.results, 'resultado')}, ${esCount(w.indicators, 'indicador', 'indicadores')} ` +
    `(fecha de corte ${w.asOf}${w.warnings ? `; ${esCount(w.warnings, 'aviso')} arriba` : ''})`,
  schemaWritten: (file) => `se escribió ${file}`,
  initCreated: (where, files) =>
    [
      `programa creado en ${where}/:`,
      ...files.map((f) => `  ${f}`),
      '',
      'siguientes pasos:',
      ...(where === '.' ? [] : [`  cd ${where}`]),
      '  edite indicators/program.yaml, indicators/stunting.yaml y data/stunting.csv',
      '  npx mel validate       revisa todo',
      '  npx mel assess         dónde está cada indicador',
      '  npx mel report         el informe en Excel y los gráficos, en reports/',
    ].join('\n'),
  internalError: (message) =>
    `error interno: ${message} (es un fallo de mel-engine; por favor, repórtelo con el comando que ejecutó)`,
};

export const cliMessages: Record<Locale, CliMessages> = { en, es };
