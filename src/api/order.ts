// The `order` cloud function, typed by its contracts.
import { callFunction } from './client';
import type { OrderAction, OrderInput, OrderResults } from '../../cloudfunctions/contracts/order';

const call = <A extends OrderAction>(action: A, input: OrderInput<A>) =>
  callFunction<OrderResults[A]>('order', action, input);

export const orderApi = {
  quote: (input: OrderInput<'quote'>) => call('quote', input),
  create: (input: OrderInput<'create'>) => call('create', input),
  buyAgain: (input: OrderInput<'buyAgain'>) => call('buyAgain', input),
  pay: (input: OrderInput<'pay'>) => call('pay', input),
  cancel: (input: OrderInput<'cancel'>) => call('cancel', input),
  confirmReceipt: (input: OrderInput<'confirmReceipt'>) => call('confirmReceipt', input),
  quoteAfterSale: (input: OrderInput<'quoteAfterSale'>) => call('quoteAfterSale', input),
  applyAfterSale: (input: OrderInput<'applyAfterSale'>) => call('applyAfterSale', input),
  afterSale: (input: OrderInput<'afterSale'>) => call('afterSale', input),
  afterSales: (input: OrderInput<'afterSales'>) => call('afterSales', input),
  cancelAfterSale: (input: OrderInput<'cancelAfterSale'>) => call('cancelAfterSale', input),
  reopenAfterSale: (input: OrderInput<'reopenAfterSale'>) => call('reopenAfterSale', input),
  shipReturn: (input: OrderInput<'shipReturn'>) => call('shipReturn', input),
  list: (input: OrderInput<'list'>) => call('list', input),
  get: (input: OrderInput<'get'>) => call('get', input),
  ownerList: (input: OrderInput<'ownerList'>) => call('ownerList', input),
  ownerGet: (input: OrderInput<'ownerGet'>) => call('ownerGet', input),
  ship: (input: OrderInput<'ship'>) => call('ship', input),
  decideAfterSale: (input: OrderInput<'decideAfterSale'>) => call('decideAfterSale', input),
  receiveReturn: (input: OrderInput<'receiveReturn'>) => call('receiveReturn', input),
  ownerAfterSales: (input: OrderInput<'ownerAfterSales'>) => call('ownerAfterSales', input),
  summary: () => call('summary', {}),
};
