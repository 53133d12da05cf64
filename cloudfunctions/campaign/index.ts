// The `campaign` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
// Group buying (拼团) here; its orders are placed through `order.quote`/`order.create` (`groupBuy`).
import cloud from 'wx-server-sdk';
import { campaignInputs, type CampaignAction, type CampaignResults } from '../contracts/campaign';
import { createHandler, route, type Route } from '../platform/handler';
import { getGroup } from './get-group';
import { liveGroupBuy } from './live-group-buy';
import { myGroups } from './my-groups';
import { ownerGroupBuys, ownerGroups, saveGroupBuy, stopGroupBuy } from './owner-group-buys';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/** The flash-sale actions, routed in their own branch (merged by the lead into this table). */
type FlashAction = 'saveFlashSale' | 'stopFlashSale' | 'ownerFlashSales';

const routes = {
  saveGroupBuy: route(campaignInputs.saveGroupBuy, saveGroupBuy, { owner: true }),
  stopGroupBuy: route(campaignInputs.stopGroupBuy, stopGroupBuy, { owner: true }),
  ownerGroupBuys: route(campaignInputs.ownerGroupBuys, ownerGroupBuys, { owner: true }),
  ownerGroups: route(campaignInputs.ownerGroups, ownerGroups, { owner: true }),
  groupBuy: route(campaignInputs.groupBuy, liveGroupBuy),
  group: route(campaignInputs.group, getGroup),
  myGroups: route(campaignInputs.myGroups, myGroups),
} satisfies {
  [A in Exclude<CampaignAction, FlashAction>]: Route<(typeof campaignInputs)[A], CampaignResults[A]>;
};

export const main = createHandler(cloud, routes);
