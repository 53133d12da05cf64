// The shapes of the TCB wire protocol that wx-server-sdk 4.x (@cloudbase/node-sdk 3.x) speaks.
// Every request is `POST /tcb?env=<env>&seqId=<id>` with a JSON body `{ action, ...params }`.
// A success is HTTP 200 with a JSON body (or raw bytes for wx.openApi / wx.wxPayApi);
// a failure is HTTP 200 with `{ code, message, requestId }`: the SDK's requester throws on any `code`
// (node-sdk utils/tcbapirequester.js `request()` → `processReturn`).

export interface TcbCall {
  action: string;
  env: string;
  requestId: string;
  /** The X-TCB-Source header: "<source>,<runEnvTag>", e.g. "wx_client,scf". */
  source: string;
  params: Record<string, unknown>;
  /** The cloud function invocation making the call (from params.wxCloudApiToken), or null from outside one. */
  caller: Caller | null;
}

export interface Caller {
  openid: string;
  appid: string;
  functionName: string;
}

export type TcbResult =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'binary'; body: Buffer; contentType: string };

export type TcbAction = (call: TcbCall) => TcbResult | Promise<TcbResult>;

/** A failure with a TCB error code; the SDK maps the code to its errCode (wx-server-sdk TCB_ERR_CODE). */
export class TcbFail extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const json = (body: Record<string, unknown>): TcbResult => ({ kind: 'json', body });

export function requireString(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  if (typeof value !== 'string' || value === '') {
    throw new TcbFail('INVALID_PARAM', `${key} must be a non-empty string`);
  }
  return value;
}
