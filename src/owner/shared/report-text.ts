// How the owner's business pages say their figures: a change against the previous range, a rate, a channel, a day;
// a customer's row and bindings.
import { formatFen } from '../../lib/money';
import { dayjs, formatMonthDay } from '../../lib/time';
import type {
  CustomerDetail,
  CustomerItem,
  CustomerSort,
  ReportChannel,
  ReportRange,
} from '../../../cloudfunctions/contracts/report';

export const RANGE_LABEL: Record<ReportRange, string> = { 7: '近7天', 30: '近30天', 90: '近90天' };

/** The contract's REPORT_RANGES, kept here as types only (src/ imports no contract but limits.ts as a value). */
export const RANGE_LIST = Object.keys(RANGE_LABEL).map(Number) as ReportRange[];

export const CHANNEL_LABEL: Record<ReportChannel, string> = {
  chat: '聊天',
  moments: '朋友圈',
  poster: '海报',
  direct: '直接访问',
};

export type Trend = 'up' | 'down' | 'flat' | 'none';

/**
 * A figure against the same figure of the previous range: '↑12.5%', '↓3.0%', '持平' (under 0.05% either way), and
 * '—' when the previous range had none (no change to speak of).
 */
export function changeOf(now: number, previous: number): { text: string; trend: Trend } {
  if (previous === 0) return { text: '—', trend: 'none' };
  const permille = Math.round(((now - previous) / previous) * 1000);
  if (permille === 0) return { text: '持平', trend: 'flat' };
  const text = `${(Math.abs(permille) / 10).toFixed(1)}%`;
  return permille > 0 ? { text: `↑${text}`, trend: 'up' } : { text: `↓${text}`, trend: 'down' };
}

/** A share 0…1 as a percentage: 0.125 → '12.5%'. */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A China day 'YYYY-MM-DD' as the owner reads it: '12月3日'. */
export function formatDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${Number(month)}月${Number(date)}日`;
}

/** A China day on a chart's axis, short: '12-03'. */
export function axisDay(day: string): string {
  return day.slice(5);
}

export const CUSTOMER_SORT_LABEL: Record<CustomerSort, string> = {
  recent: '最近下单',
  spent: '消费金额',
  orders: '订单数',
};

export const CUSTOMER_SORT_LIST = Object.keys(CUSTOMER_SORT_LABEL) as CustomerSort[];

/** A customer's row: '订单 3 · 消费 ¥128.00 · 最近 12月3日'. */
export function customerLine(c: Pick<CustomerItem, 'orders' | 'paidFen' | 'lastOrderAt'>): string {
  return `订单 ${c.orders} · 消费 ${formatFen(c.paidFen)} · 最近 ${formatMonthDay(c.lastOrderAt)}`;
}

const ENDED_LABEL: Record<NonNullable<CustomerDetail['bindings'][number]['ended']>, string> = {
  expired: '已过期',
  released: '已解除',
  muted: '已屏蔽',
};

/** A binding in words: '2026.11.02–2026.12.02 由 张三（ABC234）推荐 · 已过期' ('2026.11.02 起 … · 推荐中' while it lasts). */
export function bindingText(b: CustomerDetail['bindings'][number]): string {
  const state = b.ended ? ENDED_LABEL[b.ended] : b.to ? '已结束' : '推荐中';
  const from = dayjs(b.from).format('YYYY.MM.DD');
  const span = b.to ? `${from}–${dayjs(b.to).format('YYYY.MM.DD')}` : `${from} 起`;
  return `${span} 由 ${b.nickname}（${b.shareCode}）推荐 · ${state}`;
}
