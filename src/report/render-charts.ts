// Renders the planned charts to PNG, on worker threads when there are enough of them to
// pay for starting the workers (see charts/render-pool.ts), reporting progress.
import type { PlannedChart } from './charts/build-chart-spec.js';
import { renderChartsInPool } from './charts/render-pool.js';

export async function renderPlannedCharts(
  charts: readonly PlannedChart[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Buffer[]> {
  return renderChartsInPool(charts, onProgress);
}
