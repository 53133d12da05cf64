// The cart: lines the buyer put aside, kept in Taro storage so they survive a restart. Each line carries a display
// snapshot (title, spec, price, photo, stock) taken when it was added; the server's quote prices the order.
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { MAX_LINE_QTY, MAX_LINES } from '../../cloudfunctions/contracts/limits';

/** Most of one SKU a line can hold: the contract's per-line limit. */
export const CART_MAX_QTY = MAX_LINE_QTY;
/** Most lines one order can take. */
export const CHECKOUT_MAX_LINES = MAX_LINES;

export interface CartItem {
  productId: string;
  skuId: string;
  title: string;
  spec: string;
  priceFen: number;
  image: string;
  /** The SKU's stock when the line was last added or refreshed. */
  stock: number;
}

export interface CartLine extends CartItem {
  qty: number;
  selected: boolean;
}

export type AddOutcome =
  /** Added as asked. */
  | { kind: 'added'; qty: number }
  /** Added, but fewer than asked: the line is at its limit now. */
  | { kind: 'clamped'; qty: number; max: number }
  /** Nothing added: the line was already at its limit, or the SKU is sold out. */
  | { kind: 'full'; qty: number; max: number }
  | { kind: 'sold_out' };

export interface CartState {
  lines: CartLine[];
  /** Adds `qty` of an item (merging into its line), bounded by stock and CART_MAX_QTY; the new line is selected. */
  add: (item: CartItem, qty?: number) => AddOutcome;
  /** Sets a line's quantity, clamped to 1..maxQty(line). */
  setQty: (key: string, qty: number) => void;
  remove: (key: string) => void;
  /** Drops the lines an order was placed for. */
  removeOrdered: (ordered: ReadonlyArray<{ productId: string; skuId: string }>) => void;
  toggle: (key: string) => void;
  selectAll: (selected: boolean) => void;
}

export const lineKey = (line: { productId: string; skuId: string }) => `${line.productId}:${line.skuId}`;

/** How many of a line's SKU can be in the cart: its stock, and never more than one order line takes. */
export const maxQty = (line: { stock: number }) => Math.max(0, Math.min(line.stock, CART_MAX_QTY));

const clamp = (qty: number, max: number) => Math.max(1, Math.min(Math.floor(qty), max));

/**
 * Taro's synchronous storage (wx.getStorageSync in weapp, localStorage in h5) as zustand's storage.
 * A failing storage (quota, private mode) leaves the cart in memory instead of breaking the page.
 */
export const taroStorage: StateStorage = {
  getItem: (name) => {
    try {
      const value: unknown = Taro.getStorageSync(name);
      return typeof value === 'string' && value !== '' ? value : null;
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      Taro.setStorageSync(name, value);
    } catch {
      // kept in memory only
    }
  },
  removeItem: (name) => {
    try {
      Taro.removeStorageSync(name);
    } catch {
      // nothing stored to remove
    }
  },
};

export const CART_STORAGE_KEY = 'yj_cart';

export const useCart = create<CartState>()(
  persist(
    (set, get) => ({
      lines: [],
      add: (item, qty = 1) => {
        const max = maxQty(item);
        if (max <= 0) return { kind: 'sold_out' };
        const key = lineKey(item);
        const existing = get().lines.find((l) => lineKey(l) === key);
        const before = existing?.qty ?? 0;
        const wanted = before + Math.max(1, Math.floor(qty));
        const after = Math.min(wanted, max);
        // The fresh snapshot replaces the old one; the line moves to the top.
        const line: CartLine = { ...item, qty: after, selected: true };
        set((s) => ({ lines: [line, ...s.lines.filter((l) => lineKey(l) !== key)] }));
        if (after <= before) return { kind: 'full', qty: line.qty, max };
        if (after < wanted) return { kind: 'clamped', qty: after, max };
        return { kind: 'added', qty: after };
      },
      setQty: (key, qty) =>
        set((s) => ({
          lines: s.lines.map((l) => (lineKey(l) === key ? { ...l, qty: clamp(qty, Math.max(1, maxQty(l))) } : l)),
        })),
      remove: (key) => set((s) => ({ lines: s.lines.filter((l) => lineKey(l) !== key) })),
      removeOrdered: (ordered) => {
        const keys = new Set(ordered.map(lineKey));
        set((s) => ({ lines: s.lines.filter((l) => !keys.has(lineKey(l))) }));
      },
      toggle: (key) =>
        set((s) => ({ lines: s.lines.map((l) => (lineKey(l) === key ? { ...l, selected: !l.selected } : l)) })),
      selectAll: (selected) => set((s) => ({ lines: s.lines.map((l) => ({ ...l, selected })) })),
    }),
    {
      name: CART_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ lines: s.lines }),
    },
  ),
);

export interface CartSummary {
  /** Pieces in the selected lines. */
  selectedQty: number;
  selectedLines: number;
  /** The selected lines at their snapshot prices: a display estimate, the quote decides. */
  selectedFen: number;
  allSelected: boolean;
  /** Pieces in the whole cart. */
  totalQty: number;
}

export function summarizeCart(lines: readonly CartLine[]): CartSummary {
  let selectedQty = 0;
  let selectedLines = 0;
  let selectedFen = 0;
  let totalQty = 0;
  for (const l of lines) {
    totalQty += l.qty;
    if (!l.selected) continue;
    selectedLines += 1;
    selectedQty += l.qty;
    selectedFen += l.priceFen * l.qty;
  }
  return {
    selectedQty,
    selectedLines,
    selectedFen,
    allSelected: lines.length > 0 && selectedLines === lines.length,
    totalQty,
  };
}
