// Content security (内容安全) as CloudBase's cloud call answers it: security.msgSecCheck (text, synchronous) and
// security.mediaCheckAsync (an image or audio URL, answered with a trace_id; the verdict comes later as the message
// push event `wxa_media_check`, delivered to the function the application configured for it).
//
// Shapes from the WeChat docs (developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/
// msgSecCheck.html and mediaCheckAsync.html, version 2): the answer is `{ errcode: 0, errmsg: 'ok', trace_id,
// result: { suggest, label }, detail: [{ strategy, errcode, suggest, label, prob, keyword? }] }`; suggest is
// 'pass' | 'review' | 'risky', label 100 is normal (20001 politics, 20002 porn, 20003 abuse, 21000 other). Errcodes:
// -1 system busy, 40003 invalid openid, 40129 invalid scene (1 profile, 2 comment, 3 forum, 4 social log), 44002
// empty parameter, 47001 malformed parameter. The event (wxa_media_check) carries ToUserName, FromUserName (the
// openid the check named), CreateTime, MsgType 'event', Event 'wxa_media_check', appid, trace_id, version, result
// and detail. wx-server-sdk camelCases the answer (`traceId`), as on CloudBase.
//
// What counts as risky is set by POST /__dev/security (nothing by default): a text containing one of `riskyWords`
// (or `reviewWords`, answered 'review'), a media URL naming one of `riskyFiles`. A riskyFiles entry is a fileID
// (`cloud://env.bucket/path`) or a cloud path; the URL matches when its path ends with that cloud path, so a temp
// URL of the file (what a function hands over as media_url) is recognised. `failing: true` makes both calls answer
// errcode -1 (系统繁忙), the technical failure a caller must survive. The rules live in memory (a restart clears them).
//
// Events wait in a queue: POST /__dev/security/flush delivers every queued one and answers when the function has
// run, so a test decides exactly when a verdict lands. With timers on (`npm start`), each is also delivered on its
// own about a second after the call, as WeChat does some time after answering.
import { randomBytes } from 'node:crypto';
import { HttpError } from './http-error';
import type { MessagePushRoute } from './config';

export interface SecurityRules {
  riskyWords: string[];
  reviewWords: string[];
  riskyFiles: string[];
  failing: boolean;
}

type Suggest = 'pass' | 'review' | 'risky';
type Input = Record<string, unknown>;
type Json = Record<string, unknown>;

export interface MediaCheckEvent {
  functionName: string;
  openid: string;
  appid: string;
  event: Json;
}

/**
 * The SOURCE the emulator gives a message-push invocation. CloudBase's getWXContext documentation does not list
 * one for message push; this is the emulator's own label, and the application must not depend on its spelling.
 */
export const MESSAGE_PUSH_SOURCE = 'wx_msgpush';

const LABEL: Record<Suggest, number> = { pass: 100, review: 21000, risky: 21000 };
const SCENES = [1, 2, 3, 4];
const MAX_TEXT = 2500;
const AUTO_DELIVER_MS = 1000;

export function createSecurity(opts: {
  appid: string;
  /** The application's message push routes (CloudBase 消息推送: MsgType + Event → a function). */
  messagePush: readonly MessagePushRoute[];
  deliver: (e: MediaCheckEvent) => Promise<unknown>;
  /** Deliver each event on its own after about a second too (timers on); otherwise only on flush. */
  autoDeliver: boolean;
  now: () => number;
  log: (line: string) => void;
}) {
  let rules: SecurityRules = { riskyWords: [], reviewWords: [], riskyFiles: [], failing: false };
  const queue: MediaCheckEvent[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();

  const traceId = () => [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');
  const busy = () => ({ errcode: -1, errmsg: 'system error' });

  /** The checks every version 2 call shares; an errcode answer, or null when the input is well formed. */
  function badInput(input: Input): Json | null {
    if (input.version !== 2 && input.version !== '2') return { errcode: 47001, errmsg: 'version must be 2' };
    if (typeof input.openid !== 'string' || input.openid === '') return { errcode: 40003, errmsg: 'invalid openid' };
    if (!SCENES.includes(Number(input.scene))) return { errcode: 40129, errmsg: 'invalid scene' };
    return null;
  }

  function msgSecCheck(input: Input): Json {
    const bad = badInput(input);
    if (bad) return bad;
    const content = input.content;
    if (typeof content !== 'string' || content === '') return { errcode: 44002, errmsg: 'empty content' };
    if ([...content].length > MAX_TEXT) return { errcode: 47001, errmsg: `content over ${MAX_TEXT} characters` };
    if (rules.failing) return busy();
    const risky = rules.riskyWords.find((w) => content.includes(w));
    const review = risky ? undefined : rules.reviewWords.find((w) => content.includes(w));
    const suggest: Suggest = risky ? 'risky' : review ? 'review' : 'pass';
    const keyword = risky ?? review;
    return {
      errcode: 0,
      errmsg: 'ok',
      trace_id: traceId(),
      result: { suggest, label: LABEL[suggest] },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label: LABEL[suggest], prob: 90 },
        keyword
          ? { strategy: 'keyword', errcode: 0, suggest, label: LABEL[suggest], level: 20, keyword }
          : { strategy: 'keyword', errcode: 0 },
      ],
    };
  }

  function mediaCheckAsync(input: Input, callerFunction: string | undefined): Json {
    const bad = badInput(input);
    if (bad) return bad;
    const url = input.media_url;
    if (typeof url !== 'string' || url === '') return { errcode: 44002, errmsg: 'empty media_url' };
    if (input.media_type !== 1 && input.media_type !== 2)
      return { errcode: 47001, errmsg: 'media_type must be 1 or 2' };
    if (rules.failing) return busy();
    const id = traceId();
    const suggest: Suggest = rules.riskyFiles.some((f) => urlNames(url, f)) ? 'risky' : 'pass';
    const route = opts.messagePush.find((r) => r.msgType === 'event' && r.event === 'wxa_media_check');
    if (!route) {
      opts.log(`security: no message push route for wxa_media_check; the verdict of ${id} goes nowhere`);
    } else {
      const openid = input.openid as string;
      const event: Json = {
        ToUserName: 'gh_emulator0000',
        FromUserName: openid,
        CreateTime: Math.floor(opts.now() / 1000),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: opts.appid,
        trace_id: id,
        version: 2,
        result: { suggest, label: LABEL[suggest] },
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label: LABEL[suggest], prob: 90 }],
      };
      const queued: MediaCheckEvent = { functionName: route.functionName, openid, appid: opts.appid, event };
      queue.push(queued);
      if (opts.autoDeliver) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void deliverOne(queued);
        }, AUTO_DELIVER_MS);
        timers.add(timer);
      }
      opts.log(`security: ${callerFunction ?? '?'} asked to check ${url}: ${suggest} (${id})`);
    }
    return { errcode: 0, errmsg: 'ok', trace_id: id };
  }

  /** Delivers one queued event, once (an auto delivery and a flush never both deliver it). */
  function deliverOne(item: MediaCheckEvent): Promise<unknown> {
    const at = queue.indexOf(item);
    if (at < 0) return Promise.resolve(undefined);
    queue.splice(at, 1);
    const run = opts.deliver(item).catch((error: Error) => {
      opts.log(`security: delivering ${String(item.event.trace_id)} to ${item.functionName} failed: ${error.message}`);
      return { failed: error.message };
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  }

  return {
    apis: {
      'security.msgSecCheck': (input: Input) => msgSecCheck(input),
      'security.mediaCheckAsync': (input: Input, callerFunction: string | undefined) =>
        mediaCheckAsync(input, callerFunction),
    },
    /** POST /__dev/security: replaces the fields given; answers the rules now in force. */
    setRules(body: Record<string, unknown>): SecurityRules {
      const next = { ...rules };
      for (const key of ['riskyWords', 'reviewWords', 'riskyFiles'] as const) {
        if (body[key] === undefined) continue;
        const list = body[key];
        if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || w === '' || w.length > 1000)) {
          throw new HttpError(400, 'DEV_BAD_INPUT', `${key} must be an array of non-empty strings`);
        }
        next[key] = [...(list as string[])];
      }
      if (body.failing !== undefined) {
        if (typeof body.failing !== 'boolean') throw new HttpError(400, 'DEV_BAD_INPUT', 'failing must be a boolean');
        next.failing = body.failing;
      }
      rules = next;
      return rules;
    },
    rules: () => rules,
    /** POST /__dev/security/flush: delivers every queued event and waits for those already on their way. */
    async flush(): Promise<{ delivered: number; results: unknown[] }> {
      const items = [...queue];
      const results = await Promise.all(items.map((item) => deliverOne(item)));
      await Promise.all([...inFlight]);
      return { delivered: items.length, results };
    },
    pending: () => queue.length,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Whether a media URL names the file: its path (decoded) ends with the entry's cloud path. */
function urlNames(url: string, entry: string): boolean {
  const cloudPath = entry.startsWith('cloud://') ? entry.replace(/^cloud:\/\/[^/]+\//, '') : entry.replace(/^\/+/, '');
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return false;
  }
  return cloudPath !== '' && (path === `/${cloudPath}` || path.endsWith(`/${cloudPath}`));
}
