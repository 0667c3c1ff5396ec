// chart.js' line element draws the points from `start`, `count` of them: its line
// controller always passes both (DatasetController.draw), and without them a line that is
// not drawn through a Path2D (there is none in Node) draws nothing. chart.js' own
// declaration of the element (dist/elements/element.line.d.ts) has them; the interface
// exported from 'chart.js' does not: this overload says what the element takes.
import type { ChartArea, LineOptions, LineProps } from 'chart.js';

declare module 'chart.js' {
  interface LineElement<T extends LineProps = LineProps, O extends LineOptions = LineOptions> {
    draw(ctx: CanvasRenderingContext2D, area: ChartArea, start: number, count: number): void;
  }
}
