// How the 推广中心 names channels, commission states and withdrawals, and when a commission line settles.
import type {
  CommissionLine,
  CommissionStatus,
  FunnelRow,
  ShareChannel,
  Withdrawal,
} from '../../../cloudfunctions/contracts/commission';
import { formatFen } from '../../lib/money';
import { formatMonthDay } from '../../lib/time';

export const CHANNEL_LABELS: Record<ShareChannel, string> = {
  chat: '微信聊天',
  moments: '朋友圈',
  poster: '海报',
};

export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = {
  pending: '待结算',
  settled: '已结算',
  reversed: '已退回',
};

export const WITHDRAWAL_STATUS_LABELS: Record<Withdrawal['status'], string> = {
  open: '处理中',
  approved: '已通过',
  rejected: '未通过',
};

/** When the line's money is (or was) the sharer's: the settle date once the order is complete, else the rule. */
export function settleText(line: CommissionLine): string {
  switch (line.status) {
    case 'pending':
      return line.settlesAt ? `预计 ${formatMonthDay(line.settlesAt)} 结算` : '订单完成且售后期结束后结算';
    case 'settled':
      return line.settledAt ? `已于 ${formatMonthDay(line.settledAt)} 结算` : '已结算';
    case 'reversed':
      return line.reversedAt ? `${formatMonthDay(line.reversedAt)} 因退款退回` : '因退款退回';
  }
}

/** "已退回 ¥x" for a line a partial refund took part of; null when nothing or everything was taken back. */
export function partialReversalText(line: CommissionLine): string | null {
  if (line.reversedFen <= 0) return null;
  if (line.status === 'reversed' && line.reversedFen >= line.amountFen) return null;
  return `已退回 ${formatFen(line.reversedFen)}`;
}

/** What a funnel row earned: pending and settled commission; reversed money is not the sharer's. */
export function rowCommissionFen(row: FunnelRow): number {
  return row.pendingFen + row.settledFen;
}

/** How many friends released a binding to the sharer or mute them now, counted by the shop (never who). */
export function friendsText(friends: { released: number; muted: number }): string {
  if (friends.released === 0 && friends.muted === 0) return '还没有好友解除绑定或不再看你的推荐';
  return `${friends.released} 位好友解除了绑定 · ${friends.muted} 位好友不再看你的推荐`;
}

/** A chat row's 群聊 / 单聊 split: '群聊 3 次（2 个群） · 单聊 5 次'. */
export function chatSplitText(split: { group: number; single: number; groups?: number }): string {
  const groups = split.groups ? `（${split.groups} 个群）` : '';
  return `群聊 ${split.group} 次${groups} · 单聊 ${split.single} 次`;
}
