// Open data behind a CloudID (wx.cloud.CloudID). WeChat hands the client a cloudID for data it vouches for (e.g. a
// group's `openGId` from wx.getGroupEnterInfo), valid five minutes, for that user only; passed as a top-level field
// of callFunction's data, CloudBase replaces it with `{ cloudID, data }` in the function's event (a CloudID below the
// top level stays as it was sent). Here `POST /__dev/open-data` plays WeChat issuing one, and the gateway resolves
// top-level CloudID markers `{ "$cloudID": "<id>" }` (the h5 build's wire for wx.cloud.CloudID). A cloudID never
// issued, expired, or issued to another user resolves to an error without `data`: never to open data.
import { randomBytes } from 'node:crypto';

/** How long an issued cloudID resolves (WeChat: five minutes). */
export const CLOUD_ID_TTL_MS = 5 * 60_000;
const ID_MAX = 200;

interface Issued {
  openid: string;
  data: Record<string, unknown>;
  issuedAt: number;
}

export class OpenData {
  private readonly issued = new Map<string, Issued>();

  constructor(
    private readonly appid: string,
    private readonly now: () => number,
  ) {}

  /** WeChat's side: a cloudID for `data`, resolvable by `openid` for five minutes. */
  issue(openid: string, data: Record<string, unknown>): string {
    const cloudID = `${randomBytes(2).readUInt16BE() % 90}_${randomBytes(24).toString('base64url')}`;
    this.issued.set(cloudID, { openid, data, issuedAt: this.now() });
    return cloudID;
  }

  /** Replaces the event's top-level CloudID markers for the caller; true when there was one. */
  resolveTopLevel(event: Record<string, unknown>, openid: string): boolean {
    let changed = false;
    for (const [key, value] of Object.entries(event)) {
      const cloudID = markerOf(value);
      if (cloudID === null) continue;
      event[key] = this.resolve(cloudID, openid);
      changed = true;
    }
    return changed;
  }

  private resolve(cloudID: string, openid: string): Record<string, unknown> {
    const found = this.issued.get(cloudID);
    const now = this.now();
    if (!found || found.openid !== openid || now - found.issuedAt >= CLOUD_ID_TTL_MS || now < found.issuedAt) {
      return { cloudID, errMsg: 'getOpenData:fail invalid or expired cloudID' };
    }
    const watermark = { appid: this.appid, timestamp: Math.floor(found.issuedAt / 1000) };
    return { cloudID, data: { ...found.data, watermark } };
  }
}

/** `{ "$cloudID": "<id>" }` and nothing else: a CloudID; its id (a string of at most 200 characters) or null. */
function markerOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== '$cloudID') return null;
  const id = (value as { $cloudID: unknown }).$cloudID;
  return typeof id === 'string' && id.length <= ID_MAX ? id : '';
}
