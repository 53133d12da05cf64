// The owner decides a refund request: approving asks WeChat Pay to refund (the order becomes refunded when its
// refund callback arrives); rejecting returns the order to where it was, with the reason for the buyer. Both
// require the request still undecided at their write, so of an approval and a rejection sent together one wins.
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import type { CallContext, OwnerContext } from '../platform/handler';
import { findOrder, updateOrder, type OrderRecord } from '../data/orders';
import type { Settings } from '../data/settings';
import { notifyBuyer } from '../flows/notify-buyer';
import { refundNumberOf, sendRefund } from '../flows/start-refund';
import { moveOrder } from '../flows/transition';
import { reread } from './own-order';
import { viewOrder } from './view';

export async function decideRefund(input: OrderInput<'decideRefund'>, ctx: OwnerContext): Promise<{ order: Order }> {
  const { settings } = ctx;
  const order = await findOrder(ctx.db, input.orderId);
  if (!order) throw new AppError('order.not_found');
  if (input.approve) await approve(order, input.refundFen, ctx, settings);
  else await reject(order, input.reason, ctx, settings);
  return { order: await viewOrder(ctx.cloud, await reread(ctx, order._id), 'owner', ctx.now, settings.rules) };
}

async function approve(order: OrderRecord, asked: number | undefined, ctx: CallContext, settings: Settings) {
  const refund = order.refund;
  if (order.status !== 'refunding' || !refund) throw new AppError('order.invalid_transition');
  // A partial refund only once the goods left: an unshipped order is refunded in full and its stock returns.
  const refundFen = asked ?? refund.refundFen;
  const paidFen = order.paidFen ?? order.amounts.payableFen;
  if (refundFen > paidFen || (refundFen !== paidFen && refund.fromStatus === 'paid')) {
    throw new AppError('order.refund_amount_invalid');
  }
  // One refund per order: its number is fixed, so a repeated approval can never refund twice.
  const approval = {
    'refund.approvedAt': ctx.now,
    'refund.outRefundNo': refundNumberOf(order._id),
    'refund.refundFen': refundFen,
  };
  const partial = refundFen === paidFen ? '等待微信支付退款到账' : '部分退款，等待微信支付退款到账';
  const moved = await moveOrder(ctx.db, order, 'approveRefund', 'owner', ctx.now, settings.rules, {
    patch: approval,
    event: { label: '同意退款', detail: partial },
  });
  if (!moved) throw new AppError('order.invalid_transition');
  if (await sendRefund(ctx.cloud, order, refundFen, settings)) return;
  // Undo the approval so the owner can try again; nothing was refunded.
  const _ = ctx.db.command;
  await updateOrder(
    ctx.db,
    { _id: order._id, status: 'refunding', 'refund.approvedAt': ctx.now },
    { 'refund.approvedAt': _.remove(), 'refund.outRefundNo': _.remove(), 'refund.refundFen': refund.refundFen },
    { at: ctx.now, label: '退款发起失败', detail: '请稍后重试' },
  );
  throw new AppError('refund.failed');
}

async function reject(order: OrderRecord, reason: string | undefined, ctx: CallContext, settings: Settings) {
  if (!reason) throw new AppError('order.reason_required');
  const moved = await moveOrder(ctx.db, order, 'rejectRefund', 'owner', ctx.now, settings.rules, {
    patch: { 'refund.rejectedAt': ctx.now, 'refund.rejectReason': reason },
    event: { label: '退款被拒绝', detail: reason },
  });
  if (!moved) throw new AppError('order.invalid_transition');
  await notifyBuyer(ctx.cloud, settings.templates, order, 'refund', ctx.now, `退款未通过：${reason}`);
}
