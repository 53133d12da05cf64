import type { ChartSpec } from '../chart-data';

export interface F2ChartProps {
  /** Unique on the page: the weapp build finds its canvas node by it. */
  id: string;
  spec: ChartSpec;
  /** In px of a 375-wide screen (the canvas is as wide as its card). */
  height: number;
  /** Read aloud in place of the drawing; the numbers are beside it too. */
  label: string;
}
