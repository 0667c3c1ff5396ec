// Words the exports write into the files they make (IATI comments and narratives), in the
// programme's language.
import type { Locale } from '../spec/schema.js';
import { type Localized, localize } from './localized.js';

export interface ExportMessages {
  /** Comment of a baseline: where its value comes from. */
  source: (source: string) => string;
  /** Comment of an actual: a flow's window with periods not (fully) reported. */
  incomplete: (missing: readonly string[]) => string;
  /** Comment of an actual: the window has not ended by as-of. */
  inProgress: (asOf: string) => string;
  /** Comment of a target: how a relative target became its value. */
  derivation: (text: string) => string;
  /** Title of the result holding indicators that name no result of the framework. */
  unlinkedResult: () => string;
  /** Description of the activity when program.iati has none. */
  activityDescription: (name: string, results: number, indicators: number, asOf: string) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const exportMessages: Record<Locale, ExportMessages> = {
  en: {
    source: (source) => `Source: ${source}`,
    incomplete: (missing) => `incomplete: ${missing.join(', ')} not reported in full`,
    inProgress: (asOf) => `in progress: the period has not ended by ${asOf}; values up to then`,
    derivation: (text) => `computed from the baseline: ${text}`,
    unlinkedResult: () => 'Indicators not linked to a result of the results framework',
    activityDescription: (name, results, indicators, asOf) =>
      `${name}: ${plural(results, 'result', 'results')} and ${plural(indicators, 'indicator', 'indicators')} of ` +
      `the results framework, with their baselines, targets and actuals as of ${asOf}.`,
  },
  es: {
    source: (source) => `Fuente: ${source}`,
    incomplete: (missing) => `incompleto: ${missing.join(', ')} sin informar por completo`,
    inProgress: (asOf) => `en curso: el período no ha terminado a ${asOf}; valores hasta entonces`,
    derivation: (text) => `calculada desde la línea de base: ${text}`,
    unlinkedResult: () => 'Indicadores no vinculados a un resultado del marco de resultados',
    activityDescription: (name, results, indicators, asOf) =>
      `${name}: ${plural(results, 'resultado', 'resultados')} y ${plural(indicators, 'indicador', 'indicadores')} ` +
      `del marco de resultados, con sus líneas de base, metas y valores alcanzados a ${asOf}.`,
  },
};

/** Problems the exports find, printed at the file and line they are about, in every language. */
export const exportIssues = localize({
  en: {
    oneDayPeriod: (id: string, period: string) =>
      `indicator \`${id}\`: the target period ${period} is a single day, and an IATI period must end after it ` +
      `starts (rule 8.6.1): left out of the IATI export`,
  },
  es: {
    oneDayPeriod: (id: string, period: string) =>
      `indicador \`${id}\`: el periodo de la meta ${period} es un solo día, y un periodo IATI debe terminar ` +
      `después de empezar (regla 8.6.1): queda fuera de la exportación IATI`,
  },
});

const exportFileEn = {
  isInput: (shown: string) =>
    `--out ${shown}: this is one of the programme's own files; mel writes the export to a file of its own, such as ` +
    `reports/iati-activities.xml`,
  isFolder: (shown: string) => `--out ${shown}: a folder stands where the file goes; choose another path`,
  notRegular: (shown: string) =>
    `--out ${shown}: this is not a regular file (a device, a pipe...); choose another path`,
  notAnExport: (shown: string) =>
    `--out ${shown}: this file is not an export mel wrote, and mel never replaces a file it did not write; choose ` +
    `another path (the file is left as it is)`,
  writeFailed: (shown: string, reason: Localized) =>
    `--out ${shown}: the file could not be written: ${reason.en}; the previous file, if there was one, is unchanged`,
};

const exportFileEs: typeof exportFileEn = {
  isInput: (shown) =>
    `--out ${shown}: es uno de los archivos del propio programa; mel escribe la exportación en un archivo propio, ` +
    `como reports/iati-activities.xml`,
  isFolder: (shown) => `--out ${shown}: hay una carpeta donde va el archivo; elija otra ruta`,
  notRegular: (shown) => `--out ${shown}: no es un archivo normal (un dispositivo, una tubería...); elija otra ruta`,
  notAnExport: (shown) =>
    `--out ${shown}: este archivo no es una exportación escrita por mel, y mel nunca reemplaza un archivo que no ` +
    `escribió; elija otra ruta (el archivo queda como está)`,
  writeFailed: (shown, reason) =>
    `--out ${shown}: no se pudo escribir el archivo: ${reason.es}; el archivo anterior, si lo había, no ha cambiado`,
};

/** Why the export's file cannot be written where --out says, in every language. */
export const exportFileMessages = localize({ en: exportFileEn, es: exportFileEs });
