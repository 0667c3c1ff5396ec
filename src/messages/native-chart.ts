// Words of the native (editable) Excel chart and of the chart-data table it reads, in the
// report's language.
import type { Locale } from '../spec/schema.js';

export interface NativeChartMessages {
  /** Title of the table of the chart's numbers. */
  dataTitle: string;
  /** What the table is for. */
  dataNote: string;
  columns: { series: string; period: string; date: string; value: string };
}

export const nativeChartMessages: Record<Locale, NativeChartMessages> = {
  en: {
    dataTitle: 'Chart data',
    dataNote:
      'The editable chart above reads these cells: change a value or a date and the chart follows. Right-click ' +
      'the chart to restyle it.',
    columns: { series: 'Series', period: 'Period', date: 'Date plotted', value: 'Value' },
  },
  es: {
    dataTitle: 'Datos del gráfico',
    dataNote:
      'El gráfico editable de arriba lee estas celdas: cambie un valor o una fecha y el gráfico los sigue. ' +
      'Haga clic derecho en el gráfico para cambiar su estilo.',
    columns: { series: 'Serie', period: 'Período', date: 'Fecha graficada', value: 'Valor' },
  },
};
