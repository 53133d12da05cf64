// The `order` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
import cloud from 'wx-server-sdk';
import { orderInputs, type OrderAction, type OrderResults } from '../contracts/order';
import { createHandler, route, type Route } from '../platform/handler';
import { afterSale, afterSales, ownerAfterSales } from './after-sale-view';
import { cancelAfterSale, decideAfterSale, receiveReturn, reopenAfterSale, shipReturn } from './after-sale-steps';
import { applyAfterSale, quoteAfterSale } from './apply-after-sale';
import { buyAgain } from './buy-again';
import { cancelOrder } from './cancel-order';
import { confirmReceipt } from './confirm-receipt';
import { createOrder } from './create-order';
import { getOrder } from './get-order';
import { listOrders } from './list-orders';
import { ownerGetOrder } from './owner-get-order';
import { ownerListOrders } from './owner-list-orders';
import { payOrder } from './pay-order';
import { quote } from './quote';
import { shipOrder } from './ship-order';
import { summarizeToday } from './summarize-today';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  quote: route(orderInputs.quote, quote),
  create: route(orderInputs.create, createOrder),
  buyAgain: route(orderInputs.buyAgain, buyAgain),
  pay: route(orderInputs.pay, payOrder),
  cancel: route(orderInputs.cancel, cancelOrder),
  confirmReceipt: route(orderInputs.confirmReceipt, confirmReceipt),
  quoteAfterSale: route(orderInputs.quoteAfterSale, quoteAfterSale),
  applyAfterSale: route(orderInputs.applyAfterSale, applyAfterSale),
  afterSale: route(orderInputs.afterSale, afterSale),
  afterSales: route(orderInputs.afterSales, afterSales),
  cancelAfterSale: route(orderInputs.cancelAfterSale, cancelAfterSale),
  reopenAfterSale: route(orderInputs.reopenAfterSale, reopenAfterSale),
  shipReturn: route(orderInputs.shipReturn, shipReturn),
  list: route(orderInputs.list, listOrders),
  get: route(orderInputs.get, getOrder),
  ownerList: route(orderInputs.ownerList, ownerListOrders, { owner: true }),
  ownerGet: route(orderInputs.ownerGet, ownerGetOrder, { owner: true }),
  ship: route(orderInputs.ship, shipOrder, { owner: true }),
  decideAfterSale: route(orderInputs.decideAfterSale, decideAfterSale, { owner: true }),
  receiveReturn: route(orderInputs.receiveReturn, receiveReturn, { owner: true }),
  ownerAfterSales: route(orderInputs.ownerAfterSales, ownerAfterSales, { owner: true }),
  summary: route(orderInputs.summary, summarizeToday, { owner: true }),
} satisfies { [A in OrderAction]: Route<(typeof orderInputs)[A], OrderResults[A]> };

export const main = createHandler(cloud, routes);
