// Records as the commission function's callers see them: dates as ISO strings, openids left out.
import type { BindingView, CommissionLine, OwnerWithdrawal, Withdrawal } from '../contracts/commission';
import type { BindingRecord } from '../data/bindings';
import type { CommissionRecord } from '../data/commissions';
import type { WithdrawalRecord } from '../data/withdrawals';

const iso = (d: Date) => new Date(d).toISOString();

export function viewBinding(b: BindingRecord | null, now: Date): BindingView | null {
  if (!b || new Date(b.until).getTime() <= now.getTime()) return null;
  return { sharerCode: b.sharerCode, nickname: b.sharerNickname, until: iso(b.until) };
}

export function viewLine(l: CommissionRecord, settlesAt: Date | null): CommissionLine {
  return {
    id: l._id,
    orderId: l.orderId,
    productId: l.productId,
    title: l.title,
    spec: l.spec,
    channel: l.channel,
    baseFen: l.baseFen,
    rateBp: l.rateBp,
    amountFen: l.amountFen,
    reversedFen: l.reversedFen,
    status: l.status,
    createdAt: iso(l.createdAt),
    ...(l.settledAt ? { settledAt: iso(l.settledAt) } : {}),
    ...(l.reversedAt ? { reversedAt: iso(l.reversedAt) } : {}),
    settlesAt: l.status === 'pending' && settlesAt ? settlesAt.toISOString() : null,
  };
}

export function viewWithdrawal(w: WithdrawalRecord): Withdrawal {
  return {
    id: w._id,
    amountFen: w.amountFen,
    status: w.status,
    requestedAt: iso(w.requestedAt),
    ...(w.decidedAt ? { decidedAt: iso(w.decidedAt) } : {}),
    ...(w.reason ? { reason: w.reason } : {}),
  };
}

export function viewOwnerWithdrawal(w: WithdrawalRecord, nickname: string | undefined): OwnerWithdrawal {
  return { ...viewWithdrawal(w), sharer: { nickname: nickname ?? w.sharerCode, shareCode: w.sharerCode } };
}
