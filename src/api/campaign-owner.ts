// The owner's actions of the `campaign` function (拼团 and 秒杀 activities), typed by its contracts. The buyer's
// actions are in campaign.ts.
import { callFunction } from './client';
import type { CampaignAction, CampaignInput, CampaignResults } from '../../cloudfunctions/contracts/campaign';

const call = <A extends CampaignAction>(action: A, input: CampaignInput<A>) =>
  callFunction<CampaignResults[A]>('campaign', action, input);

export const campaignOwnerApi = {
  saveGroupBuy: (input: CampaignInput<'saveGroupBuy'>) => call('saveGroupBuy', input),
  stopGroupBuy: (input: CampaignInput<'stopGroupBuy'>) => call('stopGroupBuy', input),
  ownerGroupBuys: (input: CampaignInput<'ownerGroupBuys'>) => call('ownerGroupBuys', input),
  ownerGroups: (input: CampaignInput<'ownerGroups'>) => call('ownerGroups', input),
  saveFlashSale: (input: CampaignInput<'saveFlashSale'>) => call('saveFlashSale', input),
  stopFlashSale: (input: CampaignInput<'stopFlashSale'>) => call('stopFlashSale', input),
  ownerFlashSales: (input: CampaignInput<'ownerFlashSales'>) => call('ownerFlashSales', input),
};
