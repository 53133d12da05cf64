// A member's id as the owner's customer pages see it: a one-way key of the openid, so no openid ever leaves the
// server and the same member always has the same id.
import { createHash } from 'node:crypto';

export function memberIdOf(openid: string): string {
  return createHash('sha256').update(`member\u0000${openid}`).digest('hex').slice(0, 16);
}
