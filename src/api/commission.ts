// The `commission` function, typed by its contracts.
import { callFunction, cloudIdField } from './client';
import type { CommissionAction, CommissionInput, CommissionResults } from '../../cloudfunctions/contracts/commission';

const call = <A extends CommissionAction>(action: A, input: CommissionInput<A>) =>
  callFunction<CommissionResults[A]>('commission', action, input);

export const commissionApi = {
  /** `groupCloudId`: the card was opened from a group chat (wx.getGroupEnterInfo's cloudID; CloudBase resolves it). */
  recordVisit: (input: Omit<CommissionInput<'recordVisit'>, 'group'>, groupCloudId?: string | null) =>
    call(
      'recordVisit',
      // The function receives the resolved open data, not what the client sends: the contract types the former.
      groupCloudId ? { ...input, group: cloudIdField(groupCloudId) as CommissionInput<'recordVisit'>['group'] } : input,
    ),
  binding: () => call('binding', {}),
  releaseBinding: () => call('releaseBinding', {}),
  setNote: (input: CommissionInput<'setNote'>) => call('setNote', input),
  poster: (input: CommissionInput<'poster'>) => call('poster', input),
  material: (input: CommissionInput<'material'>) => call('material', input),
  myStats: () => call('myStats', {}),
  myCommissions: (input: CommissionInput<'myCommissions'>) => call('myCommissions', input),
  withdraw: (input: CommissionInput<'withdraw'>) => call('withdraw', input),
  myWithdrawals: (input: CommissionInput<'myWithdrawals'>) => call('myWithdrawals', input),
  sharers: (input: CommissionInput<'sharers'>) => call('sharers', input),
  withdrawals: (input: CommissionInput<'withdrawals'>) => call('withdrawals', input),
  decideWithdrawal: (input: CommissionInput<'decideWithdrawal'>) => call('decideWithdrawal', input),
  suggestions: () => call('suggestions', {}),
  rates: () => call('rates', {}),
  setRate: (input: CommissionInput<'setRate'>) => call('setRate', input),
  // Binding history and mute (issue 21).
  bindingHistory: () => call('bindingHistory', {}),
  muteSharer: (input: CommissionInput<'muteSharer'>) => call('muteSharer', input),
  mutes: () => call('mutes', {}),
};
