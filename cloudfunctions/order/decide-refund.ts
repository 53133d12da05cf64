// The owner decides a refund request: approving asks WeChat Pay to refund (the order becomes refunded when its
// refund callback arrives); rejecting returns the order to where it was, with the reason for the buyer.
import { randomBytes } from 'node:crypto';
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import { checkTransition } from '../core/order-flow';
import { cloudPayOf } from '../data/db';
import type { CallContext, OwnerContext } from '../platform/handler';
import { notifyBuyer } from '../data/order-changes';
import { findOrder, updateIf, updateIfStatus, type OrderRecord } from '../data/orders';
import type { Settings } from '../data/settings';
import { reread } from './own-order';
import { PAYMENT_FUNCTION } from './pay-order';
import { viewOrder } from './view';

interface RefundAnswer {
  returnCode?: string;
  resultCode?: string;
  errCodeDes?: string;
  returnMsg?: string;
}

export async function decideRefund(input: OrderInput<'decideRefund'>, ctx: OwnerContext): Promise<{ order: Order }> {
  const { settings } = ctx;
  const order = await findOrder(ctx.db, input.orderId);
  if (!order) throw new AppError('order.not_found');
  if (input.approve) await approve(order, input.refundFen, ctx, settings);
  else await reject(order, input.reason, ctx, settings);
  return { order: await viewOrder(ctx.cloud, await reread(ctx, order._id), 'owner', ctx.now, settings.rules) };
}

async function approve(order: OrderRecord, asked: number | undefined, ctx: CallContext, settings: Settings): Promise<void> {
  checkTransition(order, 'approveRefund', 'owner', ctx.now, settings.rules);
  const refund = order.refund;
  if (!refund) throw new AppError('order.invalid_transition');
  // A partial refund only once the goods left: an unshipped order is refunded in full and its stock returns.
  const refundFen = asked ?? refund.refundFen;
  const paidFen = order.paidFen ?? order.amounts.payableFen;
  if (refundFen > paidFen || (refundFen !== paidFen && refund.fromStatus === 'paid')) throw new AppError('order.refund_amount_invalid');
  // One refund per order: its number is fixed, so a repeated approval can never refund twice.
  const outRefundNo = `${order._id}R`;
  const pending = { _id: order._id, status: 'refunding', 'refund.requestedAt': refund.requestedAt, 'refund.approvedAt': ctx.db.command.exists(false) };
  const claimed = await updateIf(
    ctx.db,
    pending,
    { 'refund.approvedAt': ctx.now, 'refund.outRefundNo': outRefundNo, 'refund.refundFen': refundFen },
    { at: ctx.now, label: '同意退款', detail: refundFen === paidFen ? '等待微信支付退款到账' : '部分退款，等待微信支付退款到账' },
  );
  if (!claimed) throw new AppError('order.invalid_transition');
  const answer = (await cloudPayOf(ctx.cloud).refund({
    outTradeNo: order._id,
    outRefundNo,
    totalFee: order.paidFen ?? order.amounts.payableFen,
    refundFee: refundFen,
    subMchId: settings.subMchId,
    envId: String(ctx.cloud.getWXContext().ENV ?? ''),
    functionName: PAYMENT_FUNCTION,
    nonceStr: randomBytes(16).toString('hex'),
  })) as RefundAnswer;
  if (answer.returnCode !== 'SUCCESS' || answer.resultCode !== 'SUCCESS') {
    console.error(`order ${order._id}: refund refused`, answer.errCodeDes ?? answer.returnMsg);
    // Undo the approval so the owner can try again; nothing was refunded.
    await updateIf(ctx.db, { _id: order._id, status: 'refunding', 'refund.approvedAt': ctx.now }, { 'refund.approvedAt': ctx.db.command.remove(), 'refund.outRefundNo': ctx.db.command.remove(), 'refund.refundFen': refund.refundFen }, { at: ctx.now, label: '退款发起失败', detail: '请稍后重试' });
    throw new AppError('refund.failed');
  }
}

async function reject(order: OrderRecord, reason: string | undefined, ctx: CallContext, settings: Settings): Promise<void> {
  if (!reason) throw new AppError('order.reason_required');
  const to = checkTransition(order, 'rejectRefund', 'owner', ctx.now, settings.rules);
  const claimed = await updateIfStatus(
    ctx.db,
    order._id,
    'refunding',
    { status: to, 'refund.rejectedAt': ctx.now, 'refund.rejectReason': reason },
    { at: ctx.now, label: '退款被拒绝', detail: reason },
  );
  if (!claimed) throw new AppError('order.invalid_transition');
  await notifyBuyer(ctx.cloud, settings.templates, order, 'refund', ctx.now, `退款未通过：${reason}`);
}
