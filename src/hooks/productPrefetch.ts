// A product request started before its page renders, taken once by the page. In h5 the app starts it from the
// URL while the page's code is still loading, so the network and the function overlap the boot instead of
// following it (a shared card opens straight on the product page).
import { shopApi } from '../api/shop';
import type { Result } from '../api/client';
import type { ProductDetail } from '../../cloudfunctions/contracts/shop';
import { parseProductEntry, type ProductEntry } from '../lib/share';
import { PAGES } from '../routes';

export interface PrefetchedProduct {
  promise: Promise<Result<ProductDetail>>;
  /** Set once the request has finished, so a page mounting after that can render it at once. */
  settled?: Result<ProductDetail>;
}

const pending = new Map<string, PrefetchedProduct>();
const keyOf = (entry: ProductEntry) => `${entry.id}\u0000${entry.s ?? ''}`;

export function prefetchProduct(entry: ProductEntry): void {
  const key = keyOf(entry);
  if (pending.has(key)) return;
  const slot: PrefetchedProduct = {
    promise: shopApi.getProduct(entry.s ? { id: entry.id, s: entry.s } : { id: entry.id }),
  };
  void slot.promise.then((result) => (slot.settled = result));
  pending.set(key, slot);
}

/** The prefetched request for this entry, if any; it is handed out once (a later visit fetches afresh). */
export function takePrefetchedProduct(entry: ProductEntry): PrefetchedProduct | undefined {
  const key = keyOf(entry);
  const slot = pending.get(key);
  pending.delete(key);
  return slot;
}

/** The request src/index.html starts before the app loads (h5): its key and the function's answer, or null. */
interface InlinePrefetch {
  key: string;
  result: Promise<Result<ProductDetail> | null>;
}

/**
 * h5: `#/pages/product/index?id=…&s=…` → that product's request: the one index.html already started when it
 * asked for the same product (a null answer, e.g. no dev session yet, falls back to a normal call), else a new one.
 * Other routes start nothing.
 */
export function prefetchFromHash(hash: string, inline?: InlinePrefetch): void {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  if (path !== PAGES.product) return;
  const entry = parseProductEntry(Object.fromEntries(new URLSearchParams(query)));
  if (!entry) return;
  const key = keyOf(entry);
  if (!inline || inline.key !== key || pending.has(key)) {
    prefetchProduct(entry);
    return;
  }
  const slot: PrefetchedProduct = {
    promise: inline.result.then(
      (result) => result ?? shopApi.getProduct(entry.s ? { id: entry.id, s: entry.s } : { id: entry.id }),
    ),
  };
  void slot.promise.then((result) => (slot.settled = result));
  pending.set(key, slot);
}
