// The `order` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
import cloud from 'wx-server-sdk';
import { orderInputs, type OrderAction, type OrderResults } from '../contracts/order';
import { createHandler, route, type Route } from '../platform/handler';
import { cancelOrder } from './cancel-order';
import { confirmReceipt } from './confirm-receipt';
import { createOrder } from './create-order';
import { decideRefund } from './decide-refund';
import { getOrder } from './get-order';
import { listOrders } from './list-orders';
import { ownerGetOrder } from './owner-get-order';
import { ownerListOrders } from './owner-list-orders';
import { payOrder } from './pay-order';
import { quote } from './quote';
import { requestRefund } from './request-refund';
import { shipOrder } from './ship-order';
import { summarizeToday } from './summarize-today';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  quote: route(orderInputs.quote, quote),
  create: route(orderInputs.create, createOrder),
  pay: route(orderInputs.pay, payOrder),
  cancel: route(orderInputs.cancel, cancelOrder),
  confirmReceipt: route(orderInputs.confirmReceipt, confirmReceipt),
  requestRefund: route(orderInputs.requestRefund, requestRefund),
  list: route(orderInputs.list, listOrders),
  get: route(orderInputs.get, getOrder),
  ownerList: route(orderInputs.ownerList, ownerListOrders, { owner: true }),
  ownerGet: route(orderInputs.ownerGet, ownerGetOrder, { owner: true }),
  ship: route(orderInputs.ship, shipOrder, { owner: true }),
  decideRefund: route(orderInputs.decideRefund, decideRefund, { owner: true }),
  summary: route(orderInputs.summary, summarizeToday, { owner: true }),
} satisfies { [A in OrderAction]: Route<(typeof orderInputs)[A], OrderResults[A]> };

export const main = createHandler(cloud, routes);
