// The `coupon` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
import cloud from 'wx-server-sdk';
import { couponInputs, type CouponAction, type CouponResults } from '../contracts/coupon';
import { createHandler, route, type Route } from '../platform/handler';
import { claimCoupon } from './claim-coupon';
import { listAvailable } from './list-available';
import { listMyCoupons } from './list-mine';
import { getOwnerCoupon, listOwnerCoupons, saveCoupon, stopCoupon } from './owner-coupons';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  available: route(couponInputs.available, listAvailable),
  claim: route(couponInputs.claim, claimCoupon),
  mine: route(couponInputs.mine, listMyCoupons),
  save: route(couponInputs.save, saveCoupon, { owner: true }),
  list: route(couponInputs.list, listOwnerCoupons, { owner: true }),
  get: route(couponInputs.get, getOwnerCoupon, { owner: true }),
  stop: route(couponInputs.stop, stopCoupon, { owner: true }),
} satisfies { [A in CouponAction]: Route<(typeof couponInputs)[A], CouponResults[A]> };

export const main = createHandler(cloud, routes);
