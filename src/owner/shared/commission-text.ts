// How the owner's commission pages name things: the states of a withdrawal.
import type { CommissionInput, Withdrawal } from '../../../cloudfunctions/contracts/commission';

export const WITHDRAWAL_STATUS_LABEL: Record<Withdrawal['status'], string> = {
  open: '待处理',
  approved: '已打款',
  rejected: '已拒绝',
};

export type WithdrawalView = NonNullable<CommissionInput<'withdrawals'>['view']>;

export const WITHDRAWAL_VIEW_LABEL: Record<WithdrawalView, string> = {
  open: '待处理',
  all: '全部',
};

export const WITHDRAWAL_VIEW_LIST = Object.keys(WITHDRAWAL_VIEW_LABEL) as WithdrawalView[];
