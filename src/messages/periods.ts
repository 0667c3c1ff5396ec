// Why a text is not a period (the PeriodProblem of src/periods/period.ts), in English and
// Spanish. The text is quoted as written; the forms mel reads are written as they are typed.
import type { PeriodProblem } from '../periods/period.js';
import type { Locale } from '../spec/schema.js';
import type { Localized } from './localized.js';

type Catalogue = { [K in PeriodProblem['kind']]: (p: Extract<PeriodProblem, { kind: K }>) => string };

const ACCEPTED_FORMS_EN =
  'write 2006, 2006-Q1, 2006-03, 2006-S1, 2006-W05, FY2006, 2006April or a survey round such as 2007-2008';
const ACCEPTED_FORMS_ES =
  'escriba 2006, 2006-Q1, 2006-03, 2006-S1, 2006-W05, FY2006, 2006April o una ronda de encuesta como 2007-2008';

const en: Catalogue = {
  empty: () => 'the period is empty',
  notACalendarDate: (p) => `${p.text} is not a date of the calendar`,
  implausibleYear: (p) =>
    `"${p.text}" names the year ${p.year}, which is not plausible (periods are in the years ${p.min} to ${p.max})`,
  noQuarter: (p) => `"${p.text}": quarter ${p.quarter} does not exist (Q1 to Q4); ${ACCEPTED_FORMS_EN}`,
  noSemester: (p) => `"${p.text}": semester ${p.semester} does not exist (S1 or S2); ${ACCEPTED_FORMS_EN}`,
  noWeek: (p) =>
    `"${p.text}": week ${p.week} does not exist in ${p.year} (W01 to W52, or W53 in some years); ${ACCEPTED_FORMS_EN}`,
  noMonthZero: (p) => `"${p.text}": month 0 does not exist (01 to 12); ${ACCEPTED_FORMS_EN}`,
  noSuchMonth: (p) => `"${p.text}" names month ${p.month}, which does not exist`,
  notAMonthName: (p) => `"${p.name}" is not a month name (DHIS2 financial years look like 2006April)`,
  roundBackwards: (p) => `a multi-year round must end after it starts (${p.from} to ${p.to})`,
  roundTooLong: (p) => `a round from ${p.from} to ${p.to} spans more than ten years`,
  neitherMonthNorRound: (p) => `"${p.text}" is neither a month (01-12) nor a survey round such as ${p.round}`,
  yearMonthNotAMonth: (p) => `"${p.text}" reads as year ${p.year} and month ${p.month}, which is not a month`,
  monthTextUnknown: (p) => `"${p.text}" does not name a month (write ene-24, enero 2024, Jan-24 or January 2024)`,
  dateInOtherOrder: (p) =>
    `"${p.text}" is not a date when read ${p.order === 'dmy' ? 'day/month/year' : 'month/day/year'}; set \`dates: ` +
    `${p.other}\` on the data source if its dates are written ` +
    `${p.order === 'dmy' ? 'month/day/year' : 'day/month/year'}`,
  notADate: (p) => `"${p.text}" is not a date of the calendar`,
  notAPeriod: (p) => `"${p.text}" is not a period; ${ACCEPTED_FORMS_EN}`,
};

const es: Catalogue = {
  empty: () => 'el periodo está vacío',
  notACalendarDate: (p) => `${p.text} no es una fecha del calendario`,
  implausibleYear: (p) =>
    `"${p.text}" nombra el año ${p.year}, que no es verosímil (los periodos están entre los años ${p.min} y ${p.max})`,
  noQuarter: (p) => `"${p.text}": el trimestre ${p.quarter} no existe (Q1 a Q4); ${ACCEPTED_FORMS_ES}`,
  noSemester: (p) => `"${p.text}": el semestre ${p.semester} no existe (S1 o S2); ${ACCEPTED_FORMS_ES}`,
  noWeek: (p) =>
    `"${p.text}": la semana ${p.week} no existe en ${p.year} (W01 a W52, o W53 en algunos años); ${ACCEPTED_FORMS_ES}`,
  noMonthZero: (p) => `"${p.text}": el mes 0 no existe (01 a 12); ${ACCEPTED_FORMS_ES}`,
  noSuchMonth: (p) => `"${p.text}" nombra el mes ${p.month}, que no existe`,
  notAMonthName: (p) => `"${p.name}" no es el nombre de un mes (los años fiscales de DHIS2 se escriben como 2006April)`,
  roundBackwards: (p) => `una ronda de varios años debe terminar después de empezar (${p.from} a ${p.to})`,
  roundTooLong: (p) => `una ronda de ${p.from} a ${p.to} abarca más de diez años`,
  neitherMonthNorRound: (p) => `"${p.text}" no es un mes (01-12) ni una ronda de encuesta como ${p.round}`,
  yearMonthNotAMonth: (p) => `"${p.text}" se lee como año ${p.year} y mes ${p.month}, que no es un mes`,
  monthTextUnknown: (p) => `"${p.text}" no nombra un mes (escriba ene-24, enero 2024, Jan-24 o January 2024)`,
  dateInOtherOrder: (p) =>
    `"${p.text}" no es una fecha si se lee como ${p.order === 'dmy' ? 'día/mes/año' : 'mes/día/año'}; indique ` +
    `\`dates: ${p.other}\` en la fuente de datos si sus fechas se escriben ` +
    `${p.order === 'dmy' ? 'mes/día/año' : 'día/mes/año'}`,
  notADate: (p) => `"${p.text}" no es una fecha del calendario`,
  notAPeriod: (p) => `"${p.text}" no es un periodo; ${ACCEPTED_FORMS_ES}`,
};

const catalogues: Record<Locale, Catalogue> = { en, es };

const say = <K extends PeriodProblem['kind']>(locale: Locale, p: Extract<PeriodProblem, { kind: K }>): string =>
  (catalogues[locale][p.kind as K] as (p: Extract<PeriodProblem, { kind: K }>) => string)(p);

/** Why a text is not a period, in one language. */
export const periodReasonIn = (problem: PeriodProblem, locale: Locale): string => say(locale, problem);

/** Why a text is not a period, in every language. */
export const periodReason = (problem: PeriodProblem): Localized => ({
  en: periodReasonIn(problem, 'en'),
  es: periodReasonIn(problem, 'es'),
});
