// Group chat visits (issue 21): a card opened from a group chat comes with the group's open data (its `openGId`, which
// WeChat vouches for through a CloudID). The shop keeps only an opaque per-shop hash of it, so the same group is
// recognised within this shop and its id is stored nowhere, nor linkable across shops.
import { createHmac } from 'node:crypto';

/** The longest group id taken (WeChat's openGId is about 28 characters). */
export const OPEN_GID_MAX = 100;

/** HMAC-SHA256 of the group id under the shop's secret, hex, 32 characters (128 bits). */
export function groupHash(secret: string, openGId: string): string {
  return createHmac('sha256', secret).update(openGId, 'utf8').digest('hex').slice(0, 32);
}

/**
 * The group id of a chat visit's open data, or null: only a chat visit has one, and only open data CloudBase
 * resolved (an unknown, expired or forged cloudID resolves to an error without `data`: a 单聊 visit).
 */
export function groupIdOf(channel: string, group: { data?: { openGId?: string } } | undefined): string | null {
  if (channel !== 'chat') return null;
  const id = group?.data?.openGId;
  return typeof id === 'string' && id.length > 0 && id.length <= OPEN_GID_MAX ? id : null;
}
