/** @jsxImportSource @antv/f2 */
// The dashboard's two charts as F2 trees (F2's JSX, not React's: hence this file's own pragma): daily GMV as bars with
// paid orders as a line on a right-hand axis, and each channel's orders as bars.
import { Axis, Chart, Interval, Line } from '@antv/f2';
import type { ChartSpec } from './chart-data';

const RED = '#e4393c';
const BLUE = '#3d7bf7';
// F2 halves its px values (a 750-wide design): 22px is 11 CSS px, its default 20px was too small to read on a phone.
const label = { label: { fontSize: '22px' } };

export function chartTree(spec: ChartSpec) {
  if (spec.kind === 'trend') {
    // A tick a day is unreadable past a week: at most 7 ticks.
    const tickCount = Math.min(spec.points.length, 7);
    return (
      <Chart
        data={spec.points}
        scale={{ day: { tickCount }, gmv: { min: 0, nice: true }, orders: { min: 0, nice: true } }}
      >
        <Axis field="day" style={label} />
        <Axis field="gmv" style={label} />
        <Axis field="orders" position="right" style={label} />
        <Interval x="day" y="gmv" color={RED} />
        <Line x="day" y="orders" color={BLUE} />
      </Chart>
    );
  }
  // A transposed chart puts the first row at the bottom: reversed, the bars read top down as the list under them.
  return (
    <Chart data={[...spec.bars].reverse()} coord={{ transposed: true }} scale={{ orders: { min: 0, nice: true } }}>
      <Axis field="name" style={label} />
      <Axis field="orders" style={label} />
      <Interval x="name" y="orders" color={RED} />
    </Chart>
  );
}
