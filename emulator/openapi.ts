// `wx.openApi`: the cloud call (云调用) behind `cloud.openapi.*`. Emulates wxacode.getUnlimited (a real QR code
// PNG of page + scene), subscribeMessage.send (kept in a persistent outbox instead of reaching WeChat), and
// security.msgSecCheck / security.mediaCheckAsync (content security, see security.ts) when `security` is given, and
// wxa.sec.order.uploadShippingInfo (发货信息管理服务, see shipping-info.ts: every call is kept in the outbox with
// WeChat's answer; `POST /__dev/shipping-info { failing }` makes well-formed calls fail with an errcode).
//
// Wire shape, from node_modules/@cloudbase/node-sdk/dist/wx/index.js `callCompatibleWxOpenApi` and
// node_modules/wx-server-sdk/index.js (src/api/openapi/namespace/generic.ts, src/protobuf/openapi.js):
// - the request is multipart/form-data (not JSON): `action`, `apiName` ("wxacode.getUnlimited"), and
//   `requestData`, a protobuf CommApiData { apiType=1, openapiData=2 { pairs=1 [KeyValuePair { key=1, value=2 (JSON
//   bytes), contenttype=3, filename=4 }] }, appid=6 }; the SDK has already turned camelCase keys into snake_case.
// - the reply is raw bytes: a protobuf CommOpenApiResp { respData=1, contentType=2, errorCode=3 }. WeChat's own
//   answer travels in respData: an image, or JSON `{ errcode, errmsg }` that the SDK turns into a thrown error.
import type Database from 'better-sqlite3';
import QRCode from 'qrcode';
import { Reader, Writer } from 'protobufjs/minimal';
import { HttpError } from './http-error';
import { checkShippingInfo, failureAnswer } from './shipping-info';
import { TcbFail, type Caller, type TcbAction, type TcbCall } from './tcb/protocol';

export interface OutboxMessage {
  id: number;
  api: string;
  touser: string;
  templateId: string;
  page?: string;
  data: unknown;
  miniprogramState: string;
  lang?: string;
  /** The cloud function that sent it, when known. */
  functionName?: string;
  sentAt: number;
}

/** A cloud call kept whole (not a message to a user): its body as WeChat received it, and what WeChat answered. */
export interface OutboxCall {
  id: number;
  api: string;
  body: unknown;
  errcode: number;
  errmsg: string;
  functionName?: string;
  sentAt: number;
}

export type OutboxEntry = OutboxMessage | OutboxCall;

/** The calls kept whole in the outbox. */
const SHIPPING_INFO_API = 'wxa.sec.order.uploadShippingInfo';

/** What a WeChat API answers: the bytes and their content type (CommOpenApiResp respData / contentType). */
interface WxReply {
  contentType: string;
  data: Buffer;
}

type Input = Record<string, unknown>;
type WxApi = (input: Input, ctx: { caller: Caller | null; now: number }) => WxReply | Promise<WxReply>;

/** Options of the QR code drawn for wxacode.getUnlimited (exported so tests can decode it). */
export const WXACODE_QR = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** The text inside the emulator's "mini program code": the page and its scene as the page receives it (encoded). */
export const wxacodeContent = (page: string, scene: string): string => `${page}?scene=${encodeURIComponent(scene)}`;

// errcodes and limits from the getUnlimitedQRCode docs (developers.weixin.qq.com …/qr-code/api_getunlimitedqrcode).
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;
const ENV_VERSIONS = ['release', 'trial', 'develop'];
const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];
/** wx-server-sdk ERR_CODE: WX_FUNCTIONS_SERVER_OPENAPI_NOT_FOUND / …_NO_PERMISSION. */
const API_NOT_FOUND = -604100;
const API_NO_PERMISSION = -604101;

export function createOpenApi(opts: {
  sqlite: Database.Database;
  now: () => number;
  /** Optional: the openapi names a function's config.json grants (`permissions.openapi`); production refuses others. */
  permissions?: (functionName: string) => readonly string[] | null | undefined;
  /** Content security (security.ts): its JSON answers, by API name. */
  security?: Record<string, (input: Input, callerFunction: string | undefined) => Record<string, unknown>>;
}) {
  const { sqlite } = opts;
  sqlite.exec(`
    CREATE TABLE IF NOT EXISTS openapi_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      api TEXT NOT NULL,
      touser TEXT NOT NULL,
      template_id TEXT NOT NULL,
      page TEXT,
      data TEXT NOT NULL,
      miniprogram_state TEXT NOT NULL,
      lang TEXT,
      function_name TEXT,
      sent_at INTEGER NOT NULL
    );
  `);
  // Added with uploadShippingInfo: a data folder made before it gets the columns of WeChat's answer.
  const columns = (sqlite.prepare('PRAGMA table_info(openapi_outbox)').all() as Array<{ name: string }>).map(
    (c) => c.name,
  );
  if (!columns.includes('errcode')) sqlite.exec('ALTER TABLE openapi_outbox ADD COLUMN errcode INTEGER');
  if (!columns.includes('errmsg')) sqlite.exec('ALTER TABLE openapi_outbox ADD COLUMN errmsg TEXT');
  const insertCall = sqlite.prepare(
    `INSERT INTO openapi_outbox (api, touser, template_id, data, miniprogram_state, function_name, sent_at, errcode,
       errmsg) VALUES (@api, '', '', @data, '', @functionName, @sentAt, @errcode, @errmsg)`,
  );
  /** An errcode every well-formed uploadShippingInfo answers (in memory, like content security's rules). */
  let shippingFailing: number | null = null;
  const insertMessage = sqlite.prepare(
    `INSERT INTO openapi_outbox (api, touser, template_id, page, data, miniprogram_state, lang, function_name, sent_at)
     VALUES (@api, @touser, @templateId, @page, @data, @miniprogramState, @lang, @functionName, @sentAt)`,
  );
  const selectOutbox = sqlite.prepare('SELECT * FROM openapi_outbox ORDER BY id');

  const apis: Record<string, WxApi> = {
    'wxacode.getUnlimited': getUnlimited,
    'subscribeMessage.send': (input, ctx) => {
      const touser = input.touser;
      const templateId = input.template_id;
      if (typeof touser !== 'string' || touser === '') return wxError(40003, 'invalid openid');
      if (typeof templateId !== 'string' || templateId === '') return wxError(40037, 'invalid template_id');
      const problem = checkTemplateData(input.data);
      if (problem) return wxError(47003, `argument invalid! ${problem}`);
      const page = input.page;
      if (page !== undefined && typeof page !== 'string')
        return wxError(47003, 'argument invalid! page must be a string');
      const state = input.miniprogram_state ?? 'formal';
      if (typeof state !== 'string' || !MINIPROGRAM_STATES.includes(state)) {
        return wxError(47003, `argument invalid! miniprogram_state must be one of ${MINIPROGRAM_STATES.join(', ')}`);
      }
      insertMessage.run({
        api: 'subscribeMessage.send',
        touser,
        templateId,
        page: page ?? null,
        data: JSON.stringify(input.data),
        miniprogramState: state,
        lang: typeof input.lang === 'string' ? input.lang : null,
        functionName: ctx.caller?.functionName ?? null,
        sentAt: ctx.now,
      });
      return wxJson({ errcode: 0, errmsg: 'ok' });
    },
    [SHIPPING_INFO_API]: (input, ctx) => {
      const answer =
        checkShippingInfo(input) ??
        (shippingFailing === null ? { errcode: 0, errmsg: 'ok' } : failureAnswer(shippingFailing));
      insertCall.run({
        api: SHIPPING_INFO_API,
        data: JSON.stringify(input),
        functionName: ctx.caller?.functionName ?? null,
        sentAt: ctx.now,
        ...answer,
      });
      return wxJson({ ...answer });
    },
  };

  for (const [name, check] of Object.entries(opts.security ?? {})) {
    apis[name] = (input, ctx) => wxJson(check(input, ctx.caller?.functionName));
  }

  const openApi: TcbAction = async (call) => {
    const apiName = call.params.apiName;
    if (typeof apiName !== 'string' || apiName === '')
      throw new TcbFail('INVALID_PARAM', 'apiName must be a non-empty string');
    const request = decodeCommApiData(requestBytes(call));
    const caller = call.caller;
    let reply: WxReply;
    const api = apis[apiName];
    const granted = caller ? opts.permissions?.(caller.functionName) : undefined;
    if (request.apiType !== 0 || !api) {
      reply = wxError(
        API_NOT_FOUND,
        `API not found: the emulator has no openapi "${apiName}" (it emulates ${Object.keys(apis).join(', ')})`,
      );
    } else if (granted && !granted.includes(apiName)) {
      reply = wxError(
        API_NO_PERMISSION,
        `function "${caller?.functionName}" has no permission to call this API: ` +
          `add "${apiName}" to permissions.openapi in its config.json`,
      );
    } else {
      reply = await api(request.input, { caller, now: opts.now() });
    }
    return { kind: 'binary', contentType: 'application/octet-stream', body: encodeCommOpenApiResp(reply) };
  };

  function outbox(): OutboxEntry[] {
    return (selectOutbox.all() as Array<Record<string, unknown>>).map((row) =>
      row.api === SHIPPING_INFO_API ? outboxCall(row) : outboxMessage(row),
    );
  }

  function outboxCall(row: Record<string, unknown>): OutboxCall {
    return {
      id: row.id as number,
      api: row.api as string,
      body: JSON.parse(row.data as string) as unknown,
      errcode: row.errcode as number,
      errmsg: row.errmsg as string,
      ...(row.function_name === null ? {} : { functionName: row.function_name as string }),
      sentAt: row.sent_at as number,
    };
  }

  function outboxMessage(row: Record<string, unknown>): OutboxMessage {
    return {
      id: row.id as number,
      api: row.api as string,
      touser: row.touser as string,
      templateId: row.template_id as string,
      ...(row.page === null ? {} : { page: row.page as string }),
      data: JSON.parse(row.data as string) as unknown,
      miniprogramState: row.miniprogram_state as string,
      ...(row.lang === null ? {} : { lang: row.lang as string }),
      ...(row.function_name === null ? {} : { functionName: row.function_name as string }),
      sentAt: row.sent_at as number,
    };
  }

  /** POST /__dev/shipping-info `{ failing?: errcode | null }`; answers the state. */
  function setShippingInfo(body: Record<string, unknown>): { failing: number | null } {
    if (body.failing !== undefined) {
      const failing = body.failing;
      if (failing !== null && (!Number.isInteger(failing) || failing === 0)) {
        throw new HttpError(
          400,
          'DEV_BAD_INPUT',
          'failing must be a non-zero integer errcode (e.g. 48001, -1) or null',
        );
      }
      shippingFailing = failing as number | null;
    }
    return { failing: shippingFailing };
  }

  return {
    actions: { 'wx.openApi': openApi } as Record<string, TcbAction>,
    outbox,
    shippingInfo: { set: setShippingInfo, get: () => ({ failing: shippingFailing }) },
  };
}

/** wxacode.getUnlimited: a QR code (not WeChat's round "sun code") whose text is page + encoded scene. */
async function getUnlimited(input: Input): Promise<WxReply> {
  const scene = input.scene;
  if (typeof scene !== 'string' || scene === '' || scene.length > 32) {
    return wxError(
      40169,
      'invalid length for scene, or the data is not json string (scene: 1 to 32 visible characters)',
    );
  }
  if (!SCENE_CHARS.test(scene)) return wxError(40129, "invalid scene (only 0-9 A-Z a-z and !#$&'()*+,/:;=?@-._~)");
  const page = input.page ?? '';
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) {
    return wxError(41030, 'invalid page (no leading "/", no query: put parameters in scene)');
  }
  const envVersion = input.env_version ?? 'release';
  if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion))
    return wxError(40097, 'invalid args: env_version');
  const width = clamp(typeof input.width === 'number' ? input.width : 430, 280, 1280);
  const dark = input.auto_color === true ? '#000000ff' : rgbHex(input.line_color);
  const light = input.is_hyaline === true ? '#ffffff00' : '#ffffffff';
  const png = await QRCode.toBuffer(wxacodeContent(page, scene), {
    type: 'png',
    width,
    ...WXACODE_QR,
    color: { dark, light },
  });
  return { contentType: 'image/png', data: png };
}

/** subscribeMessage data is `{ key: { value } }`; WeChat answers 47003 naming the first bad key. */
function checkTemplateData(data: unknown): string | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'data must be an object';
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return 'data is empty';
  for (const [key, item] of entries) {
    const value = (item as { value?: unknown } | null)?.value;
    if ((typeof value !== 'string' && typeof value !== 'number') || value === '') return `data.${key}.value is empty`;
  }
  return null;
}

/** line_color `{ r, g, b }` in decimal (numbers or strings, as the docs allow) → '#rrggbbff'. */
function rgbHex(color: unknown): string {
  const c = (color ?? {}) as Record<string, unknown>;
  const channel = (v: unknown) =>
    clamp(Math.round(Number(v ?? 0)) || 0, 0, 255)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(c.r)}${channel(c.g)}${channel(c.b)}ff`;
}

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

const wxJson = (body: Record<string, unknown>): WxReply => ({
  contentType: 'application/json; charset=utf-8',
  data: Buffer.from(JSON.stringify(body)),
});

/** A WeChat error: wx-server-sdk throws `{ errCode: errcode, errMsg: 'openapi.<api>:fail <errmsg>' }`. */
const wxError = (errcode: number, errmsg: string): WxReply => wxJson({ errcode, errmsg });

function requestBytes(call: TcbCall): Buffer {
  const data = call.params.requestData;
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data);
  throw new TcbFail('INVALID_PARAM', `${call.action} expects requestData as bytes (a multipart/form-data part)`);
}

/** CommApiData (src/protobuf/openapi.js in wx-server-sdk): the API's input, one JSON-encoded value per key. */
export function decodeCommApiData(bytes: Buffer): { apiType: number; appid: string; input: Input } {
  const reader = Reader.create(bytes);
  let apiType = 0;
  let appid = '';
  const input: Input = {};
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 === 1) apiType = reader.int32();
      else if (tag >>> 3 === 2) Object.assign(input, decodeOpenApiData(reader.bytes()));
      else if (tag >>> 3 === 6) appid = reader.string();
      else reader.skipType(tag & 7);
    }
  } catch (error) {
    throw new TcbFail('INVALID_PARAM', `requestData is not a CommApiData protobuf: ${(error as Error).message}`);
  }
  return { apiType, appid, input };
}

function decodeOpenApiData(bytes: Uint8Array): Input {
  const reader = Reader.create(bytes);
  const input: Input = {};
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 !== 1) {
      reader.skipType(tag & 7);
      continue;
    }
    const pair = Reader.create(reader.bytes());
    let key = '';
    let value: Buffer = Buffer.alloc(0);
    let contentType = '';
    while (pair.pos < pair.len) {
      const pairTag = pair.uint32();
      if (pairTag >>> 3 === 1) key = pair.string();
      else if (pairTag >>> 3 === 2) value = Buffer.from(pair.bytes());
      else if (pairTag >>> 3 === 3) contentType = pair.string();
      else pair.skipType(pairTag & 7);
    }
    // Media pairs (param-converter mediaConverter) carry raw bytes; every other value is JSON.
    input[key] = contentType ? { contentType, value } : parseJsonValue(key, value);
  }
  return input;
}

function parseJsonValue(key: string, value: Buffer): unknown {
  try {
    return JSON.parse(value.toString('utf8'));
  } catch {
    throw new TcbFail('INVALID_PARAM', `openapi parameter ${key} is not JSON`);
  }
}

/** CommOpenApiResp: respData=1 (bytes), contentType=2 (string), errorCode=3 (int32, omitted when 0). */
export function encodeCommOpenApiResp(reply: WxReply & { errorCode?: number }): Buffer {
  const writer = Writer.create();
  writer.uint32(10).bytes(reply.data);
  writer.uint32(18).string(reply.contentType);
  if (reply.errorCode) writer.uint32(24).int32(reply.errorCode);
  return Buffer.from(writer.finish());
}
