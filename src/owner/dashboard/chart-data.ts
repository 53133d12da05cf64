// What the dashboard's charts draw, built from the function's figures (no F2 here, so it is tested as data): yuan for
// the axes (the labels beside the charts keep formatFen), days short, channels in words.
import type { Dashboard } from '../../../cloudfunctions/contracts/report';
import { axisDay, CHANNEL_LABEL } from '../shared/report-text';

export interface TrendPoint {
  /** '12-03' */
  day: string;
  /** The day's GMV in yuan (the bars). */
  gmv: number;
  /** The day's paid orders (the line, on its own axis). */
  orders: number;
}

export interface ChannelBar {
  /** 聊天 / 朋友圈 / 海报 / 直接访问 */
  name: string;
  orders: number;
  /** In yuan. */
  gmv: number;
}

export type ChartSpec = { kind: 'trend'; points: TrendPoint[] } | { kind: 'channels'; bars: ChannelBar[] };

export function trendPoints(daily: Dashboard['daily']): TrendPoint[] {
  return daily.map((d) => ({ day: axisDay(d.day), gmv: d.gmvFen / 100, orders: d.orders }));
}

/** Every channel the function listed, in its order. */
export function channelBars(channels: Dashboard['channels']): ChannelBar[] {
  return channels.map((c) => ({ name: CHANNEL_LABEL[c.channel], orders: c.orders, gmv: c.gmvFen / 100 }));
}
