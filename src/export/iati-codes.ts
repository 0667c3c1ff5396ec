// The IATI 2.03 codes the results export writes (codelists ResultType, IndicatorMeasure,
// ActivityStatus, ActivityDateType, OrganisationRole), from the programme's own words.
import type { Direction, Unit } from '../spec/schema.js';

/** ResultType: 1 output, 2 outcome, 3 impact, 9 other. */
export type IatiResultType = '1' | '2' | '3' | '9';

// Results-framework levels as logframes name them, in English and Spanish (USAID and EU
// logframes call the impact level "goal" and the outcome level "purpose"; Spanish ones
// say "fin" or "objetivo general", "propósito" or "objetivo específico", "efecto",
// "producto"). "Resultado" is left out: the EU's Spanish logframe uses it for outputs,
// many others for outcomes; an ambiguous level is 9 (other).
const RESULT_TYPES: Record<string, IatiResultType> = {
  output: '1',
  outputs: '1',
  producto: '1',
  productos: '1',
  outcome: '2',
  outcomes: '2',
  'intermediate outcome': '2',
  purpose: '2',
  efecto: '2',
  efectos: '2',
  propósito: '2',
  proposito: '2',
  impact: '3',
  goal: '3',
  impacto: '3',
  fin: '3',
  'objetivo general': '3',
  'objetivo específico': '2',
  'objetivo especifico': '2',
};

/** The ResultType of a results-framework level; 9 (other) for a level it does not know. */
export function iatiResultType(level: string): IatiResultType {
  return RESULT_TYPES[level.trim().toLowerCase().replace(/\s+/g, ' ')] ?? '9';
}

/** IndicatorMeasure: 2 percentage for a percent indicator, else 1 unit. */
export function iatiMeasure(unit: Unit): '1' | '2' {
  return unit === 'percent' ? '2' : '1';
}

/** @ascending: "1" when the indicator improves as it grows. */
export function iatiAscending(direction: Direction): '1' | '0' {
  return direction === 'increase' ? '1' : '0';
}

export const ACTIVITY_STATUS = { implementation: '2', finalisation: '3' } as const;
export const ACTIVITY_DATE = { plannedStart: '1', plannedEnd: '3' } as const;
export const ORGANISATION_ROLE = { implementing: '4' } as const;
/** IndicatorVocabulary / ResultVocabulary 99: the reporting organisation's own codes. */
export const OWN_VOCABULARY = '99';
