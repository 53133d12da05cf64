// The sharer's track record in plain words (issue 21): the same words on a card's trust banner and in the sharer's
// centre, so the sharer sees exactly what friends see. The figures are the shop's (getProduct, myStats).
import type { TrustedSharer } from '../../cloudfunctions/contracts/shop';
import { dayjs } from './time';

/** '2023 年加入 · 买过 6 件 · 写过 4 条评价'; a figure of nothing is left out rather than said as 0. */
export function trackWords(sharer: TrustedSharer): string {
  const words = [`${dayjs(sharer.memberSince).year()} 年加入`];
  if (sharer.keptProducts > 0) words.push(`买过 ${sharer.keptProducts} 件`);
  if (sharer.reviews > 0) words.push(`写过 ${sharer.reviews} 条评价`);
  return words.join(' · ');
}

/** '推荐的订单退款率 4%', only when the shop gives a rate (from 5 referred paid orders on). */
export function refundRateWords(sharer: TrustedSharer): string | null {
  return sharer.referredRefundRate === undefined ? null : `推荐的订单退款率 ${sharer.referredRefundRate}%`;
}
