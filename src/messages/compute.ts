// Why a computed value is missing (a formula indicator, a total summed from its
// breakdowns, a ratio of sums), one small function each, in English and Spanish. The
// reasons travel with the series and are written in the report's language (the Data
// sheet's reason column, data.csv's `missing_reason`). Inputs and breakdowns are named
// as the programme names them.
import { localize } from './localized.js';

const en = {
  formulaInputsMissing: (inputs: string) => `no value for ${inputs}`,
  formulaFailed: (reason: string) => `the formula cannot be computed: ${reason}`,
  formulaDivisionByZero: (inputs: string) => `division by zero (${inputs} is 0)`,
  formulaNotFinite: () => 'the formula gives no finite number for these inputs',
  sumLacksBreakdowns: (breakdowns: string) => `no value for ${breakdowns}, so the total cannot be summed`,
  ratioNoSharedBreakdown: () => 'numerator and denominator share no breakdown',
  ratioLacksBreakdowns: (breakdowns: string) => `no numerator or denominator for ${breakdowns}`,
  ratioDenominatorsZero: () => 'the denominators sum to 0',
};

const es: typeof en = {
  formulaInputsMissing: (inputs) => `no hay valor para ${inputs}`,
  formulaFailed: (reason) => `la fórmula no se puede calcular: ${reason}`,
  formulaDivisionByZero: (inputs) => `división por cero (${inputs} es 0)`,
  formulaNotFinite: () => 'la fórmula no da un número finito con estos valores',
  sumLacksBreakdowns: (breakdowns) => `no hay valor para ${breakdowns}, así que el total no se puede sumar`,
  ratioNoSharedBreakdown: () => 'el numerador y el denominador no comparten ninguna desagregación',
  ratioLacksBreakdowns: (breakdowns) => `no hay numerador o denominador para ${breakdowns}`,
  ratioDenominatorsZero: () => 'los denominadores suman 0',
};

/** The English reasons, as plain text (tests compare with them). */
export const computeEn = en;

/** Every reason, in every language: what a computed series keeps for a missing value. */
export const computeMessages = localize({ en, es });
