// One order as the owner sees it (ownerGet): loaded by id, reloaded on demand, replaced by an action's answer.
import { useCallback, useEffect, useRef, useState } from 'react';
import { orderApi } from '../../api/order';
import type { ErrorBody } from '../../api/client';
import type { Order, OrderResults } from '../../../cloudfunctions/contracts/order';

export type Buyer = OrderResults['ownerGet']['buyer'];

export interface OwnerOrder {
  status: 'loading' | 'ready' | 'not_found' | 'not_owner' | 'error';
  order: Order | null;
  buyer: Buyer;
  error: ErrorBody | null;
  /** Loads the order again; keeps the one on screen while it loads. Resolves to whether it worked. */
  reload: () => Promise<boolean>;
  /** Shows the order an action answered with. */
  replace: (order: Order) => void;
}

interface State {
  status: OwnerOrder['status'];
  order: Order | null;
  buyer: Buyer;
  error: ErrorBody | null;
}

export function useOwnerOrder(orderId: string | undefined): OwnerOrder {
  const [state, setState] = useState<State>({ status: 'loading', order: null, buyer: null, error: null });
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    if (!orderId) {
      setState({ status: 'not_found', order: null, buyer: null, error: null });
      return false;
    }
    setState((s) => (s.order ? s : { ...s, status: 'loading', error: null }));
    const res = await orderApi.ownerGet({ orderId });
    if (gen !== generation.current) return false;
    if (res.ok) {
      setState({ status: 'ready', order: res.data.order, buyer: res.data.buyer, error: null });
      return true;
    }
    const code = res.error.code;
    if (code === 'auth.not_owner') setState({ status: 'not_owner', order: null, buyer: null, error: res.error });
    else if (code === 'order.not_found' || code === 'input.invalid')
      setState({ status: 'not_found', order: null, buyer: null, error: res.error });
    // A failed reload keeps the order on screen; only a first load becomes an error page.
    else setState((s) => (s.order ? { ...s, error: res.error } : { ...s, status: 'error', error: res.error }));
    return false;
  }, [orderId]);

  const replace = useCallback((order: Order) => {
    generation.current += 1;
    setState((s) => ({ ...s, status: 'ready', order, error: null }));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload, replace };
}
