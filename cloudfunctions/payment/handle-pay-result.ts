// WeChat Pay's pay result: the order is paid once, whatever the number or order of deliveries, and only for
// the amount it asked and by the buyer who placed it; a payment after the unpaid timeout is still honoured.
import { AppError } from '../contracts/errors';
import type { Cloud } from '../data/db';
import { databaseOf } from '../data/db';
import { loadSettings } from '../data/settings';
import { findOrder } from '../data/orders';
import { recordPayment } from '../flows/record-payment';
import type { CallbackAnswer } from './answers';
import { ACK, refuse } from './answers';

export interface PayResultEvent {
  returnCode?: string;
  resultCode?: string;
  outTradeNo?: string;
  totalFee?: number;
  transactionId?: string;
  subOpenid?: string;
}

export async function handlePayResult(cloud: Cloud, event: PayResultEvent, now: Date): Promise<CallbackAnswer> {
  if (event.returnCode !== 'SUCCESS' || event.resultCode !== 'SUCCESS') return ACK; // a failed payment changes nothing
  if (typeof event.outTradeNo !== 'string' || typeof event.transactionId !== 'string')
    return refuse('missing outTradeNo or transactionId');
  const db = databaseOf(cloud);
  const order = await findOrder(db, event.outTradeNo);
  if (!order) return refuse(`no order ${event.outTradeNo}`);
  if (event.totalFee !== order.amounts.payableFen) {
    console.error(`order ${order._id}: paid ${String(event.totalFee)} fen, but it asks ${order.amounts.payableFen}`);
    return refuse('amount does not match the order');
  }
  if (event.subOpenid !== order.buyerId) return refuse('payer is not the buyer of the order');
  try {
    const payment = { transactionId: event.transactionId, paidFen: event.totalFee };
    await recordPayment(cloud, db, order._id, payment, now, await loadSettings(db));
    return ACK;
  } catch (error) {
    if (error instanceof AppError) return refuse(error.code);
    throw error;
  }
}
