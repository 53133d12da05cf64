// The `campaign` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
import cloud from 'wx-server-sdk';
import { campaignInputs, type CampaignAction, type CampaignResults } from '../contracts/campaign';
import { createHandler, route, type Route } from '../platform/handler';
import { ownerFlashSales } from './owner-flash-sales';
import { saveFlashSale } from './save-flash-sale';
import { stopFlashSale } from './stop-flash-sale';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/** The flash sale's actions (秒杀); the group buy's are merged in beside them. */
type FlashAction = Extract<CampaignAction, 'saveFlashSale' | 'stopFlashSale' | 'ownerFlashSales'>;

const routes = {
  saveFlashSale: route(campaignInputs.saveFlashSale, saveFlashSale, { owner: true }),
  stopFlashSale: route(campaignInputs.stopFlashSale, stopFlashSale, { owner: true }),
  ownerFlashSales: route(campaignInputs.ownerFlashSales, ownerFlashSales, { owner: true }),
} satisfies { [A in FlashAction]: Route<(typeof campaignInputs)[A], CampaignResults[A]> };

export const main = createHandler(cloud, routes);
