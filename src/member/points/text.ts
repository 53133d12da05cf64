// How 积分明细 tells each ledger entry (its reason, the signed amount and, for points not yet spendable, which
// balance it moved) and the shop's points rules, with their figures.
import type { PointsEntry, PointsEntryKind, PointsRules } from '../../../cloudfunctions/contracts/points';

const REASONS: Record<PointsEntryKind, string> = {
  welcome: '开卡礼',
  earn: '购物得积分',
  spendable: '积分到账',
  cancel: '退款扣回待到账积分',
  spend: '下单抵扣',
  return: '订单取消/退款，积分退还',
  expire: '积分过期',
};

/** What a pending entry did, beside its amount; spendable-only entries need no word. */
const BUCKETS: Partial<Record<PointsEntryKind, string>> = {
  earn: '待到账',
  cancel: '待到账',
  spendable: '待到账转为可用',
};

export interface EntryText {
  reason: string;
  /** '+100' or '-100'. */
  amount: string;
  gain: boolean;
  bucket: string | null;
}

export function entryText(entry: PointsEntry): EntryText {
  // Points given back to a lot whose expiry had passed expire again at once (the order is named on that entry).
  const reason = entry.kind === 'expire' && entry.orderId ? '退还的积分已过期' : REASONS[entry.kind];
  // The spendable balance's change when it moved (a spendable entry moves both: it is the points arriving).
  const figure = entry.available !== 0 ? entry.available : entry.pending;
  return {
    reason,
    amount: figure >= 0 ? `+${figure}` : `-${Math.abs(figure)}`,
    gain: figure >= 0,
    bucket: BUCKETS[entry.kind] ?? null,
  };
}

/** The rules as the shop has set them now; the checkout still says what one order can take. */
export function rulesText(r: PointsRules): string[] {
  return [
    r.pointsEarnPerYuan > 0
      ? `订单完成后，每实付 ¥1 商品金额得 ${r.pointsEarnPerYuan} 积分，先记为待到账，售后期结束后可用；期间退款则扣回。`
      : '目前购物不送积分。',
    r.pointsCapBp > 0
      ? `下单时 ${r.pointsPerYuan} 积分抵 ¥1，最多抵商品金额的 ${r.pointsCapBp / 100}%，本单能抵多少以结算页显示为准。`
      : '目前下单不能用积分抵扣。',
    `积分自到账起 ${r.pointsExpiryDays} 天内有效，先到期的先用；订单取消或退款时，用掉的积分退回原处，有效期不变。`,
    `${r.welcomePoints > 0 ? `开卡送 ${r.welcomePoints} 积分；` : ''}只有购物和开卡礼得积分，分享和浏览不得积分。`,
  ];
}
