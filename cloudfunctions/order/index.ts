// The `order` cloud function: a route table of its actions (owner actions check the owner list inside).
import cloud from 'wx-server-sdk';
import { orderInputs, type OrderAction, type OrderResults } from '../contracts/order';
import { createHandler, route, type Route } from '../data/handler';
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
  ownerList: route(orderInputs.ownerList, ownerListOrders),
  ownerGet: route(orderInputs.ownerGet, ownerGetOrder),
  ship: route(orderInputs.ship, shipOrder),
  decideRefund: route(orderInputs.decideRefund, decideRefund),
  summary: route(orderInputs.summary, summarizeToday),
} satisfies { [A in OrderAction]: Route<(typeof orderInputs)[A], OrderResults[A]> };

export const main = createHandler(cloud, routes);
