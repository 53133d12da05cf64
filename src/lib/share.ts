// Share links of DESIGN.md ("Share links"): the same product path for chat cards, Moments and the h5 share sheet.
// Ids and share codes are read with the shapes the `shop` contract accepts.
import { SHARE_CODE_PATTERN, SHORT_ID_PATTERN } from '../../cloudfunctions/contracts/limits';
import { productQuery, routes } from '../routes';

export type ShareChannel = 'chat' | 'moments' | 'poster';

/** Query string of a shared product: `id=<productId>&s=<shareCode>&c=<channel>` (no `s` when the sharer is unknown). */
export function productShareQuery(productId: string, shareCode: string | undefined, channel: ShareChannel): string {
  return productQuery(productId, { s: shareCode, c: channel });
}

/** The chat card path (onShareAppMessage): the product page with `?id=…&s=…&c=chat`. */
export function productSharePath(
  productId: string,
  shareCode: string | undefined,
  channel: ShareChannel = 'chat',
): string {
  return routes.product(productId, { s: shareCode, c: channel });
}

/** The h5 link to copy: the same path under the hash router. */
export function productShareUrl(origin: string, productId: string, shareCode: string | undefined): string {
  return `${origin}/#${productSharePath(productId, shareCode, 'chat')}`;
}

/** Characters of the sharer's note a chat card title quotes, and of the whole title (WeChat shows about two lines). */
const CARD_NOTE_MAX = 20;
const CARD_TITLE_MAX = 40;

/**
 * The chat card title: the sharer's own words first when they wrote some, `「好喝不贵」云南古树红茶`; the note is cut
 * at CARD_NOTE_MAX so the product's name still shows, and the whole at CARD_TITLE_MAX. A product taken off sale says
 * so first, `【已下架】云南古树红茶`, and quotes no recommendation.
 */
export function shareCardTitle(title: string, note?: string, offSale = false): string {
  if (offSale) return clip(`【已下架】${title}`, CARD_TITLE_MAX);
  const words = note?.replace(/\s+/g, ' ').trim();
  if (!words) return clip(title, CARD_TITLE_MAX);
  return clip(`「${clip(words, CARD_NOTE_MAX)}」${title}`, CARD_TITLE_MAX);
}

/** The first `max` characters (by code point, so an emoji is never split), with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Moments single-page mode (scene 1154): no login, no navigation. */
export const MOMENTS_SINGLE_PAGE_SCENE = 1154;

/** How a product page was opened: the product, and the sharer and channel when it came through a share. */
export interface ProductEntry {
  id: string;
  /** The sharer's shareCode, only when it is well-formed (a bad one must not break the page). */
  s?: string;
  c?: ShareChannel;
}

const CHANNELS: readonly ShareChannel[] = ['chat', 'moments', 'poster'];

type PageParams = Partial<Record<string, string>>;

/**
 * The product page's entry from its route params: `id`, `s`, `c` from a share link, or a poster's
 * `scene` (`p=<id>&s=<code>`, URL-encoded by WeChat). Null when no valid product id is there.
 */
export function parseProductEntry(params: PageParams): ProductEntry | null {
  const scene = params.scene ? safeDecode(params.scene) : '';
  const poster = scene.includes('=') ? parseQuery(scene) : null;
  const id = poster ? poster.p : params.id;
  if (!id || !SHORT_ID_PATTERN.test(id)) return null;
  const entry: ProductEntry = { id };
  const s = poster ? poster.s : params.s;
  if (s && SHARE_CODE_PATTERN.test(s)) entry.s = s;
  const c = poster ? 'poster' : params.c;
  if (c && (CHANNELS as readonly string[]).includes(c)) entry.c = c as ShareChannel;
  return entry;
}

/**
 * Moments single-page mode: WeChat launched the mini program in scene 1154. `queryScene` is the page's
 * `scene` param, which only the h5 build passes, so the mode can be tried in a browser with `scene=1154`.
 */
export function isMomentsSinglePage(launchScene: number | undefined, queryScene?: string): boolean {
  return launchScene === MOMENTS_SINGLE_PAGE_SCENE || queryScene === String(MOMENTS_SINGLE_PAGE_SCENE);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = safeDecode(pair.slice(eq + 1));
  }
  return out;
}
