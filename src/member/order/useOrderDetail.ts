// One order for its buyer: loaded by id, replaced by what each action returns, and reloaded after a payment
// until the payment callback has marked it paid.
import { useCallback, useEffect, useRef, useState } from 'react';
import { orderApi } from '../../api/order';
import type { ErrorBody, Result } from '../../api/client';
import { ORDER_ID_PATTERN } from '../../../cloudfunctions/contracts/limits';
import type { Order } from '../../../cloudfunctions/contracts/order';

/** WeChat delivers the pay callback shortly after the buyer pays: look a few times before showing it unpaid. */
const PAID_CHECKS = 4;
const PAID_CHECK_INTERVAL_MS = 1500;

export interface OrderDetail {
  status: 'loading' | 'ready' | 'error' | 'not_found';
  order: Order | null;
  error: ErrorBody | null;
  reload: () => Promise<void>;
  /** After the buyer paid: reloads until the order is no longer waiting for payment (or a few tries have passed). */
  reloadAfterPay: () => Promise<void>;
  cancel: () => Promise<Result<{ order: Order }>>;
  confirmReceipt: () => Promise<Result<{ order: Order }>>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function useOrderDetail(id: string | undefined, justPaid = false): OrderDetail {
  // A bad link is not worth a request.
  const valid = !!id && ORDER_ID_PATTERN.test(id);
  const [status, setStatus] = useState<OrderDetail['status']>(valid ? 'loading' : 'not_found');
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  /** Fetches the order; keeps what is on screen when a reload fails. Returns the order fetched, if any. */
  const fetchOrder = useCallback(async (): Promise<Order | null> => {
    if (!id || !valid) return null;
    const res = await orderApi.get({ orderId: id });
    if (!alive.current) return null;
    if (res.ok) {
      setOrder(res.data.order);
      setError(null);
      setStatus('ready');
      return res.data.order;
    }
    setError(res.error);
    if (res.error.code === 'order.not_found' || res.error.code === 'input.invalid') setStatus('not_found');
    else setStatus((s) => (s === 'ready' ? s : 'error'));
    return null;
  }, [id, valid]);

  const reload = useCallback(async () => {
    setStatus((s) => (s === 'ready' ? s : 'loading'));
    await fetchOrder();
  }, [fetchOrder]);

  const reloadAfterPay = useCallback(async () => {
    for (let i = 0; i < PAID_CHECKS; i += 1) {
      if (i > 0) await wait(PAID_CHECK_INTERVAL_MS);
      if (!alive.current) return;
      const fresh = await fetchOrder();
      if (fresh?.status !== 'pending_payment') return;
    }
  }, [fetchOrder]);

  useEffect(() => {
    if (justPaid) void reloadAfterPay();
    else void fetchOrder();
  }, [fetchOrder, reloadAfterPay, justPaid]);

  const applying = useCallback(async (request: Promise<Result<{ order: Order }>>) => {
    const res = await request;
    if (res.ok && alive.current) setOrder(res.data.order);
    return res;
  }, []);

  const cancel = useCallback(() => applying(orderApi.cancel({ orderId: id ?? '' })), [applying, id]);
  const confirmReceipt = useCallback(() => applying(orderApi.confirmReceipt({ orderId: id ?? '' })), [applying, id]);

  return { status, order, error, reload, reloadAfterPay, cancel, confirmReceipt };
}
