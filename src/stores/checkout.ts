// The checkout draft: which lines the checkout page is for (the cart's selection, or one 立即购买 line) and the
// requestId of this checkout. The id is made once when a checkout starts and sent with every `create` attempt,
// so a double tap or a retry after a lost answer returns the same order instead of placing a second one.
// It also remembers the last delivery address, for the next checkout.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { taroStorage } from './cart';
import { newRequestId } from '../lib/request-id';
import type { Address } from '../../cloudfunctions/contracts/order';

export interface CheckoutLine {
  productId: string;
  skuId: string;
  qty: number;
  /** A display snapshot until the quote arrives. */
  title: string;
  spec: string;
  image: string;
  priceFen: number;
}

export type CheckoutSource = 'cart' | 'buy_now';

export interface CheckoutDraft {
  lines: CheckoutLine[];
  source: CheckoutSource;
  requestId: string;
}

export interface CheckoutState {
  draft: CheckoutDraft | null;
  /** The address of the last order placed (or last saved), offered first next time. */
  address: Address | null;
  rememberAddress: (address: Address) => void;
  /** Starts a checkout of these lines with a new requestId. */
  start: (lines: CheckoutLine[], source: CheckoutSource) => void;
  /** A new requestId for the same lines: the buyer chose to place a new order after a request conflict. */
  renewRequestId: () => void;
  clear: () => void;
}

export { newRequestId };

// Kept in storage so a reload of the h5 checkout page keeps its lines and, above all, its requestId.
export const useCheckout = create<CheckoutState>()(
  persist(
    (set) => ({
      draft: null,
      address: null,
      rememberAddress: (address) => set({ address: { ...address } }),
      start: (lines, source) =>
        set({ draft: { lines: lines.map((l) => ({ ...l })), source, requestId: newRequestId() } }),
      renewRequestId: () => set((s) => (s.draft ? { draft: { ...s.draft, requestId: newRequestId() } } : s)),
      clear: () => set({ draft: null }),
    }),
    {
      name: 'yj_checkout',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ draft: s.draft, address: s.address }),
    },
  ),
);
