// The `security` cloud function: receives content security's verdicts, the `wxa_media_check` message push event
// (CloudBase 云开发 › 设置 › 其他设置 › 消息推送: MsgType `event`, Event `wxa_media_check` → this function). Events
// come without an `action`, so this is no route table. Only message push may deliver one: a member's call (or an
// HTTP one) is refused before the event is read, and a verdict applies only to a trace id the shop asked for, which
// never leaves the server, for the member the check named.
import cloud from 'wx-server-sdk';
import { databaseOf } from '../data/db';
import { recordMediaVerdict } from './record-media-verdict';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/**
 * Sources a member or a developer can produce (getWXContext docs): a mini program, the IDE and its local debugging,
 * the HTTP API, a crawler. The documentation names no SOURCE for message push, so these are refused rather than one
 * expected; `scf` chains keep the first hop (`wx_client,scf`), so a function called by a member is refused too. The
 * guard that does not depend on the platform's labels is the trace id: only WeChat and the shop's database know it.
 */
const CALLER_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_http', 'wx_crawler'];

export async function main(event: unknown) {
  const { SOURCE } = cloud.getWXContext() as { SOURCE?: string };
  if (CALLER_SOURCES.includes((SOURCE ?? '').split(',')[0])) return { refused: 'not a message push' };
  // wx.cloud.callFunction adds userInfo to a member's event; message push never does.
  if (typeof event !== 'object' || event === null || 'userInfo' in event) return { refused: 'not a message push' };
  return recordMediaVerdict(databaseOf(cloud), event as Record<string, unknown>, new Date());
}
