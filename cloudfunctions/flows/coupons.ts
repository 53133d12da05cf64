// An order's member coupon, moved only inside the order's own transactions: a cancel of the unpaid order gives it
// back, a refund in full gives it back while it is still valid (an expired one stays spent), a partial refund keeps
// it spent, and a payment that comes after the cancel takes it again if no other order took it meanwhile.
import { givesBackOnRefund } from '../core/coupon';
import { txFindMemberCoupon, txHoldMemberCoupon } from '../data/coupons';
import type { Transaction } from '../data/db';
import type { OrderRecord } from '../data/orders';

/** Gives the order's coupon back if the order holds it (`refund`: only while the coupon is still valid). */
export async function txGiveCouponBack(
  t: Transaction,
  order: Pick<OrderRecord, '_id' | 'coupon'>,
  now: Date,
  why: 'cancel' | 'refund',
): Promise<boolean> {
  if (!order.coupon) return false;
  const mc = await txFindMemberCoupon(t, order.coupon.id);
  if (mc?.orderId !== order._id) return false;
  if (why === 'refund' && !givesBackOnRefund(mc, now)) return false;
  await txHoldMemberCoupon(t, mc._id, null, null);
  return true;
}

/** A late payment's coupon: taken again when it is free (or still the order's); false when another order holds it. */
export async function txTakeCouponAgain(
  t: Transaction,
  order: Pick<OrderRecord, '_id' | 'coupon'>,
  now: Date,
): Promise<boolean> {
  if (!order.coupon) return true;
  const mc = await txFindMemberCoupon(t, order.coupon.id);
  if (!mc) return false;
  if (mc.orderId === order._id) return true;
  if (mc.orderId) return false;
  await txHoldMemberCoupon(t, mc._id, order._id, now);
  return true;
}
