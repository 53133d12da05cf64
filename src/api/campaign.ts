// The `campaign` cloud function's buyer actions (拼团), typed by its contracts. The owner's actions are in
// campaign-owner.ts, so a buyer's page never bundles them.
import { callFunction } from './client';
import type { CampaignAction, CampaignInput, CampaignResults } from '../../cloudfunctions/contracts/campaign';

const call = <A extends CampaignAction>(action: A, input: CampaignInput<A>) =>
  callFunction<CampaignResults[A]>('campaign', action, input);

export const campaignApi = {
  groupBuy: (input: CampaignInput<'groupBuy'>) => call('groupBuy', input),
  group: (input: CampaignInput<'group'>) => call('group', input),
  myGroups: (input: CampaignInput<'myGroups'>) => call('myGroups', input),
};
