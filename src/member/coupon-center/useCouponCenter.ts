// 领券中心's data: the coupons the caller can claim now (all, or one product's), read again after every claim (the
// server's count is the truth), and claiming one, which needs a member card: `join` opens one (开卡) first.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody, Result } from '../../api/client';
import { couponApi } from '../../api/coupon';
import { pointsApi } from '../../api/points';
import { useSession } from '../../stores/session';
import type { AvailableCoupon, CouponResults } from '../../../cloudfunctions/contracts/coupon';
import type { PointsResults } from '../../../cloudfunctions/contracts/points';

export interface CouponCenter {
  items: AvailableCoupon[] | null;
  /** The last failure of reading the list (the error page when there is no list yet, a notice over one). */
  error: ErrorBody | null;
  /** The coupon being claimed, or null. */
  claiming: string | null;
  reload: () => Promise<void>;
  /** `coupon.claim`, then the list again whatever it answered; null when a claim is already under way. */
  claim: (couponId: string) => Promise<Result<CouponResults['claim']> | null>;
  /** `points.join` (开卡); the session follows. */
  join: () => Promise<Result<PointsResults['join']>>;
}

export function useCouponCenter(productId: string | undefined): CouponCenter {
  const [items, setItems] = useState<AvailableCoupon[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [claiming, setClaiming] = useState<string | null>(null);
  const busy = useRef(false);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const res = await couponApi.available(productId ? { productId } : {});
    if (gen !== generation.current) return;
    if (res.ok) {
      setItems(res.data.items);
      setError(null);
    } else {
      setError(res.error);
    }
  }, [productId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const claim = useCallback(
    async (couponId: string) => {
      if (busy.current) return null;
      busy.current = true;
      setClaiming(couponId);
      const res = await couponApi.claim({ couponId });
      // Claimed, sold out or over the limit: the list says what is left either way.
      await reload();
      busy.current = false;
      setClaiming(null);
      return res;
    },
    [reload],
  );

  const join = useCallback(async () => {
    const res = await pointsApi.join();
    if (res.ok) useSession.getState().setPoints(res.data.balance);
    return res;
  }, []);

  return { items, error, claiming, reload, claim, join };
}
