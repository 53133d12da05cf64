// Share links of DESIGN.md ("Share links"): the same product path for chat cards, Moments and the h5 share sheet.

export type ShareChannel = 'chat' | 'moments' | 'poster';

export const PRODUCT_PAGE = '/pages/product/index';

/** Query string of a shared product: `id=<productId>&s=<shareCode>&c=<channel>` (no `s` when the sharer is unknown). */
export function productShareQuery(productId: string, shareCode: string | undefined, channel: ShareChannel): string {
  const parts = [`id=${encodeURIComponent(productId)}`];
  if (shareCode) parts.push(`s=${encodeURIComponent(shareCode)}`);
  parts.push(`c=${channel}`);
  return parts.join('&');
}

/** The chat card path (onShareAppMessage): `/pages/product/index?id=…&s=…&c=chat`. */
export function productSharePath(productId: string, shareCode: string | undefined, channel: ShareChannel = 'chat'): string {
  return `${PRODUCT_PAGE}?${productShareQuery(productId, shareCode, channel)}`;
}

/** The h5 link to copy: the same path under the hash router. */
export function productShareUrl(origin: string, productId: string, shareCode: string | undefined): string {
  return `${origin}/#${productSharePath(productId, shareCode, 'chat')}`;
}

/** Moments single-page mode (scene 1154): no login, no navigation. */
export const MOMENTS_SINGLE_PAGE_SCENE = 1154;
