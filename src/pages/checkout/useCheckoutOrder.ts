// The checkout's data: the server's quote of the draft's lines, and placing the order under the draft's requestId.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { orderApi } from '../../api/order';
import type { ErrorBody, Result } from '../../api/client';
import type { Address, Order, Quote } from '../../../cloudfunctions/contracts/order';
import { useCheckout, type CheckoutDraft } from '../../stores/checkout';

export interface CheckoutOrder {
  quoteStatus: 'loading' | 'ready' | 'error';
  quote: Quote | null;
  quoteError: ErrorBody | null;
  /** Asks the server to price the lines again (after a stock change, or to retry). */
  requote: () => Promise<void>;
  /** `order.create` with this checkout's requestId: the same id on every attempt, so a retry never makes a second order. */
  place: (address: Address, note: string) => Promise<Result<{ order: Order }>>;
}

export function useCheckoutOrder(draft: CheckoutDraft | null): CheckoutOrder {
  const [quoteStatus, setQuoteStatus] = useState<CheckoutOrder['quoteStatus']>('loading');
  const [quote, setQuote] = useState<Quote | null>(null);
  const [quoteError, setQuoteError] = useState<ErrorBody | null>(null);
  const lines = draft?.lines;
  // The wire lines: ids and quantities only; the server prices them.
  const items = useMemo(() => (lines ?? []).map(({ productId, skuId, qty }) => ({ productId, skuId, qty })), [lines]);
  const generation = useRef(0);

  const requote = useCallback(async () => {
    if (items.length === 0) return;
    const gen = ++generation.current;
    setQuoteStatus('loading');
    setQuoteError(null);
    const res = await orderApi.quote({ items });
    if (gen !== generation.current) return;
    if (res.ok) {
      setQuote(res.data);
      setQuoteStatus('ready');
    } else {
      setQuote(null);
      setQuoteError(res.error);
      setQuoteStatus('error');
    }
  }, [items]);

  useEffect(() => {
    void requote();
  }, [requote]);

  const place = useCallback(
    (address: Address, note: string) => {
      // Read at call time: the buyer may have renewed it after a request conflict.
      const requestId = useCheckout.getState().draft?.requestId ?? draft?.requestId ?? '';
      const trimmed = note.trim();
      return orderApi.create({ requestId, items, address, ...(trimmed ? { note: trimmed } : {}) });
    },
    [items, draft?.requestId],
  );

  return { quoteStatus, quote, quoteError, requote, place };
}
