// The `commission` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
import cloud from 'wx-server-sdk';
import { commissionInputs, type CommissionAction, type CommissionResults } from '../contracts/commission';
import { createHandler, route, type Route } from '../platform/handler';
import { getBinding, releaseBinding } from './binding';
import { bindingHistory } from './binding-history';
import { makePoster } from './make-poster';
import { material } from './material';
import { myCommissions } from './my-commissions';
import { myStats } from './my-stats';
import { muteSharer, mutes } from './mute-sharer';
import { listSharers } from './owner-sharers';
import { decideWithdrawal, ownerWithdrawals } from './owner-withdrawals';
import { rates, setRate } from './rates';
import { recordVisit } from './record-visit';
import { setNote } from './set-note';
import { suggestions } from './suggestions';
import { myWithdrawals, withdraw } from './withdraw';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  recordVisit: route(commissionInputs.recordVisit, recordVisit),
  binding: route(commissionInputs.binding, getBinding),
  releaseBinding: route(commissionInputs.releaseBinding, releaseBinding),
  setNote: route(commissionInputs.setNote, setNote),
  poster: route(commissionInputs.poster, makePoster),
  material: route(commissionInputs.material, material),
  myStats: route(commissionInputs.myStats, myStats),
  myCommissions: route(commissionInputs.myCommissions, myCommissions),
  withdraw: route(commissionInputs.withdraw, withdraw),
  myWithdrawals: route(commissionInputs.myWithdrawals, myWithdrawals),
  sharers: route(commissionInputs.sharers, listSharers, { owner: true }),
  withdrawals: route(commissionInputs.withdrawals, ownerWithdrawals, { owner: true }),
  decideWithdrawal: route(commissionInputs.decideWithdrawal, decideWithdrawal, { owner: true }),
  suggestions: route(commissionInputs.suggestions, suggestions),
  rates: route(commissionInputs.rates, rates, { owner: true }),
  setRate: route(commissionInputs.setRate, setRate, { owner: true }),
  bindingHistory: route(commissionInputs.bindingHistory, bindingHistory),
  muteSharer: route(commissionInputs.muteSharer, muteSharer),
  mutes: route(commissionInputs.mutes, mutes),
} satisfies { [A in CommissionAction]: Route<(typeof commissionInputs)[A], CommissionResults[A]> };

export const main = createHandler(cloud, routes);
