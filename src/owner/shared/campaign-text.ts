// How the owner's activity pages (拼团, 秒杀) word an activity: its status, a group's status, its window and its
// price range.
import type { CampaignStatus, GroupStatus } from '../../../cloudfunctions/contracts/campaign';
import { formatFen } from '../../lib/money';
import { formatTime } from '../../lib/time';

export const CAMPAIGN_STATUS_LABEL: Record<CampaignStatus, string> = {
  upcoming: '未开始',
  live: '进行中',
  stopped: '已停止',
  ended: '已结束',
};

export const GROUP_STATUS_LABEL: Record<GroupStatus, string> = {
  forming: '拼团中',
  succeeded: '已成团',
  failed: '未成团',
};

/** An activity the owner may still stop: one that has not begun or is running. */
export const canStop = (status: CampaignStatus) => status === 'upcoming' || status === 'live';

/** '12月8日 10:00 至 12月10日 22:00' (in China time). */
export function campaignWindow({ startAt, endAt }: { startAt: string; endAt: string }): string {
  return `${formatTime(startAt)} 至 ${formatTime(endAt)}`;
}

/** The lowest to the highest of some prices: '¥9.90' when they are one, '¥9.90–¥12.90' otherwise. */
export function priceRange(fens: number[]): string {
  if (fens.length === 0) return '';
  const low = Math.min(...fens);
  const high = Math.max(...fens);
  return low === high ? formatFen(low) : `${formatFen(low)}–${formatFen(high)}`;
}

/** A flash-sale SKU's units sold (paid or held by unpaid orders) of those set aside. */
export const skuSold = (sku: { stock: number; stockLeft: number }) => sku.stock - sku.stockLeft;
