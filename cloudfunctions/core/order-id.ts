// Order ids: derived from the buyer and their checkout request, so a retried request lands on the same id.
// They double as WeChat Pay's out_trade_no, hence 18 characters of [0-9A-Z].
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread

export function orderIdFor(openid: string, requestId: string): string {
  const digest = createHash('sha256').update(`${openid}\u0000${requestId}`).digest();
  let id = 'YJ';
  for (let i = 0; i < 16; i++) id += ALPHABET[digest[i] % 32];
  return id;
}

/** A fingerprint of what a create request asked for: the same id with different content is refused. */
export function requestHashOf(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

/** The China calendar day (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
