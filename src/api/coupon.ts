// The `coupon` cloud function, typed by its contracts.
import { callFunction } from './client';
import type { CouponAction, CouponInput, CouponResults } from '../../cloudfunctions/contracts/coupon';

const call = <A extends CouponAction>(action: A, input: CouponInput<A>) =>
  callFunction<CouponResults[A]>('coupon', action, input);

export const couponApi = {
  available: (input: CouponInput<'available'>) => call('available', input),
  claim: (input: CouponInput<'claim'>) => call('claim', input),
  mine: (input: CouponInput<'mine'>) => call('mine', input),
  save: (input: CouponInput<'save'>) => call('save', input),
  list: (input: CouponInput<'list'>) => call('list', input),
  get: (input: CouponInput<'get'>) => call('get', input),
  stop: (input: CouponInput<'stop'>) => call('stop', input),
};
