// Labels of the charts, in the programme's language.
import type { Locale, Unit } from '../spec/schema.js';
import { formatInteger } from './format-number.js';

export interface ChartMessages {
  total: string;
  allBreakdowns: string;
  targetName: (period: string, value: string, label?: string) => string;
  statusLine: (status: string, asOf: string, target?: string) => string;
  /** Where a series comes from: its data source's label (never a file path). */
  sourceLine: (series: string, source: string, distinct: number) => string;
  computedLine: (series: string, formula: string, inputs: string[]) => string;
  byBreakdown: (name: string, count: number) => string;
  byBreakdownPage: (name: string, count: number, page: number, pages: number) => string;
  panelsNotDrawn: (count: number) => string;
  /** The main chart draws a few breakdowns of many: which, and where the others are. */
  breakdownsShown: (shown: number, total: number, smallMultiples: boolean) => string;
  unitName: (unit: Unit) => string;
  /** Title of the time axis. */
  timeAxis: string;
  /** Names of the roles in the legend and in labels. */
  roles: { actual: string; baseline: string; target: string; expected: string; projection: string };
  /** A flow's chart: the running total against the cumulative target path. */
  lopTargetName: (value: string) => string;
  lopShort: (value: string) => string;
  runningTotalAxis: (unit: string) => string;
  runningTotal: string;
  cumulativeTargetPath: string;
}

export const chartMessages: Record<Locale, ChartMessages> = {
  en: {
    total: 'Total',
    allBreakdowns: 'All breakdowns',
    targetName: (p, v, l) => `Target ${p}: ${v}${l ? ` (${l})` : ''}`,
    statusLine: (s, a, t) => `Status as of ${a}: ${s}${t ? `; target ${t}` : ''}`,
    sourceLine: (series, source, n) => `${series}: ${source}${n > 1 ? ` (each value's source in the Data sheet)` : ''}`,
    computedLine: (series, formula, inputs) => `${series}: computed as ${formula} from ${inputs.join(', ')}`,
    byBreakdown: (n, c) => `${n}, by breakdown (${formatInteger(c, 'en')})`,
    byBreakdownPage: (n, c, p, ps) => `${n}, by breakdown (${formatInteger(c, 'en')}), image ${p} of ${ps}`,
    breakdownsShown: (shown, total, sm) =>
      `${formatInteger(shown, 'en')} of ${formatInteger(total, 'en')} breakdowns drawn here; ` +
      (sm ? 'every breakdown is in the small multiples' : 'every breakdown has a chart of its own'),
    panelsNotDrawn: (k) =>
      `${formatInteger(k, 'en')} more panel${k === 1 ? ' is' : 's are'} not drawn; every value is in the Data ` +
      'sheet and in data.csv',
    unitName: (u) => ({ percent: '%', number: 'Number', ratio: 'Ratio', currency: 'Amount', rate: 'Rate' })[u],
    timeAxis: 'Year',
    roles: {
      actual: 'Actual',
      baseline: 'Baseline',
      target: 'Target',
      expected: 'Expected path',
      projection: 'Projection',
    },
    lopTargetName: (v) => `Life-of-programme target: ${v}`,
    lopShort: (v) => `${v} over the programme`,
    runningTotalAxis: (u) => `${u}, running total`,
    runningTotal: 'Running total',
    cumulativeTargetPath: 'Cumulative target path',
  },
  es: {
    total: 'Total',
    allBreakdowns: 'Todos los desgloses',
    targetName: (p, v, l) => `Meta ${p}: ${v}${l ? ` (${l})` : ''}`,
    statusLine: (s, a, t) => `Situación a ${a}: ${s}${t ? `; meta ${t}` : ''}`,
    sourceLine: (series, source, n) =>
      `${series}: ${source}${n > 1 ? ' (la fuente de cada valor en la hoja Datos)' : ''}`,
    computedLine: (series, formula, inputs) => `${series}: calculado como ${formula} a partir de ${inputs.join(', ')}`,
    byBreakdown: (n, c) => `${n}, por desglose (${formatInteger(c, 'es')})`,
    byBreakdownPage: (n, c, p, ps) => `${n}, por desglose (${formatInteger(c, 'es')}), imagen ${p} de ${ps}`,
    breakdownsShown: (shown, total, sm) =>
      `se muestran ${formatInteger(shown, 'es')} de ${formatInteger(total, 'es')} desgloses; ` +
      (sm ? 'todos están en los gráficos por desglose' : 'cada desglose tiene su propio gráfico'),
    panelsNotDrawn: (k) =>
      `${formatInteger(k, 'es')} panel${k === 1 ? ' más no se dibuja' : 'es más no se dibujan'}; todos los ` +
      'valores están en la hoja Datos y en data.csv',
    unitName: (u) => ({ percent: '%', number: 'Número', ratio: 'Razón', currency: 'Monto', rate: 'Tasa' })[u],
    timeAxis: 'Año',
    roles: {
      actual: 'Observado',
      baseline: 'Línea de base',
      target: 'Meta',
      expected: 'Trayectoria esperada',
      projection: 'Proyección',
    },
    lopTargetName: (v) => `Meta de vida del programa: ${v}`,
    lopShort: (v) => `${v} en el programa`,
    runningTotalAxis: (u) => `${u}, acumulado`,
    runningTotal: 'Acumulado',
    cumulativeTargetPath: 'Trayectoria acumulada de metas',
  },
};
