// The `campaign` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
// Group buying (拼团) and flash sales (秒杀); their orders are placed through `order.quote`/`order.create`
// (`groupBuy`; a live flash sale's price applies by itself).
import cloud from 'wx-server-sdk';
import { campaignInputs, type CampaignAction, type CampaignResults } from '../contracts/campaign';
import { createHandler, route, type Route } from '../platform/handler';
import { getGroup } from './get-group';
import { liveGroupBuy } from './live-group-buy';
import { myGroups } from './my-groups';
import { ownerFlashSales } from './owner-flash-sales';
import { ownerGroupBuys, ownerGroups, saveGroupBuy, stopGroupBuy } from './owner-group-buys';
import { saveFlashSale } from './save-flash-sale';
import { stopFlashSale } from './stop-flash-sale';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  saveGroupBuy: route(campaignInputs.saveGroupBuy, saveGroupBuy, { owner: true }),
  stopGroupBuy: route(campaignInputs.stopGroupBuy, stopGroupBuy, { owner: true }),
  ownerGroupBuys: route(campaignInputs.ownerGroupBuys, ownerGroupBuys, { owner: true }),
  ownerGroups: route(campaignInputs.ownerGroups, ownerGroups, { owner: true }),
  groupBuy: route(campaignInputs.groupBuy, liveGroupBuy),
  group: route(campaignInputs.group, getGroup),
  myGroups: route(campaignInputs.myGroups, myGroups),
  saveFlashSale: route(campaignInputs.saveFlashSale, saveFlashSale, { owner: true }),
  stopFlashSale: route(campaignInputs.stopFlashSale, stopFlashSale, { owner: true }),
  ownerFlashSales: route(campaignInputs.ownerFlashSales, ownerFlashSales, { owner: true }),
} satisfies { [A in CampaignAction]: Route<(typeof campaignInputs)[A], CampaignResults[A]> };

export const main = createHandler(cloud, routes);
