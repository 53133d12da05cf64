// The local CloudBase: one HTTP server on 127.0.0.1 with
//   POST /tcb                    the endpoint wx-server-sdk talks to (TCB_CONTEXT_CNFG.URL)
//   POST /api/functions/<name>   the client gateway the h5 build calls (identity from the dev session only)
//   /api/storage/upload          wx.cloud.uploadFile of the h5 build (dev session; ?cloudPath=…, bytes as the body)
//   /__dev/*                     dev controls: session, pay, clock, timers, outbox, security, shipping info, stats,
//                                open data (a cloudID as WeChat issues one: open-data.ts)
//   /__storage/*                 stored files
//   /                            the h5 build (dist/h5)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Store, zeroStoreStats } from './store';
import { threadTime, type ThreadTime } from './runtime/thread-cpu';
import type { Collections, MessagePushRoute, StorageSpec } from './config';
import { databaseActions } from './database';
import { EventText, Runtime, InvokeError, zeroRuntimeStats, type Invocation } from './runtime/runtime';
import { createStorage } from './storage';
import { createOpenApi } from './openapi';
import { createPay } from './pay';
import { createSecurity, MESSAGE_PUSH_SOURCE } from './security';
import { DevSessions } from './dev-sessions';
import { OpenData } from './open-data';
import { serveStatic } from './static';
import { HttpError } from './http-error';
import { parseMultipartForm } from './tcb/multipart';
import { TcbFail, type TcbAction, type TcbCall, type TcbResult } from './tcb/protocol';

export interface EmulatorOptions {
  port: number;
  /** Folder for the database and stored files, or ':memory:' (files then go to a temporary folder). */
  data: string;
  functionsDir: string;
  h5Dir: string;
  /** The application's collections and their indexes (see config.ts). */
  collections: Collections;
  /** How client uploads are held (see config.ts). */
  storage?: StorageSpec;
  env?: string;
  appid?: string;
  /** How long a database transaction lives before it is dropped (default CloudBase's 30 s). */
  transactionLifetimeMs?: number;
  /** Fire timer triggers on their schedule (tests turn this off and fire them explicitly). */
  timers?: boolean;
  /** Message push routes: which function receives which event (e.g. wxa_media_check). */
  messagePush?: readonly MessagePushRoute[];
  /** Instances of one function running at once (default: two per core, 4 to 16). */
  maxInstances?: number;
  log?: (line: string) => void;
}

export interface Emulator {
  origin: string;
  port: number;
  env: string;
  store: Store;
  runtime: Runtime;
  /** The emulator's clock (moved by /__dev/clock). */
  now(): number;
  /** Writes a file into cloud storage directly (seeds); returns its fileID. */
  putFile(cloudPath: string, bytes: Buffer): Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_ENV = 'youjian-local';
/** The AppID the emulator reports for the dev mini program (a placeholder of the real format). */
export const DEV_APPID = 'wx0000000000000000';

const LIMITS = { tcb: 20 * 1024 * 1024, gateway: 5 * 1024 * 1024, dev: 64 * 1024, upload: 10 * 1024 * 1024 };

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const env = options.env ?? DEFAULT_ENV;
  const appid = options.appid ?? DEV_APPID;
  const log = options.log ?? (() => {});
  const inMemory = options.data === ':memory:';
  const dataDir = inMemory ? mkdtempSync(join(tmpdir(), 'youjian-emulator-')) : resolve(options.data);
  mkdirSync(dataDir, { recursive: true });
  const store = new Store(inMemory ? ':memory:' : join(dataDir, 'cloud.sqlite'), options.collections);

  let clockOffsetMs = Number(store.meta('clockOffsetMs') ?? 0);
  const now = () => Date.now() + clockOffsetMs;
  let origin = '';

  const runtime = new Runtime({
    functionsDir: resolve(options.functionsDir),
    workerFile: join(__dirname, 'worker.js'),
    env,
    tcbUrl: () => `${origin}/tcb`,
    clockOffsetMs: () => clockOffsetMs,
    onTimerResult: (t, outcome) => log(`timer ${t.functionName}/${t.name}: ${outcome.ok ? 'ok' : outcome.error}`),
    maxInstances: options.maxInstances,
  });
  const invoke = (name: string, event: unknown, who: Invocation) => runtime.invoke(name, event, who);

  const storage = createStorage({
    dir: join(dataDir, 'storage'),
    origin: () => origin,
    userFolders: options.storage?.userFolders ?? [],
  });
  // Content security's verdict events come by message push: SOURCE is the emulator's label, OPENID the checked user.
  const security = createSecurity({
    appid,
    messagePush: options.messagePush ?? [],
    deliver: (e) =>
      invoke(e.functionName, e.event, { openid: e.openid, appid: e.appid, source: MESSAGE_PUSH_SOURCE }).then(
        (r) => r.result,
      ),
    autoDeliver: options.timers !== false,
    now,
    log,
  });
  const openApi = createOpenApi({
    sqlite: store.sqlite,
    now,
    permissions: (fn) => runtime.openapiPermissions(fn),
    security: security.apis,
  });
  const pay = createPay({
    sqlite: store.sqlite,
    now,
    invoke: (fn, event, ctx) => invoke(fn, event, ctx).then((r) => r.result),
  });
  const sessions = new DevSessions(store.sqlite);
  const openData = new OpenData(appid, now);
  const requestPrefix = `${randomBytes(4).toString('hex')}-`;
  let requestCount = 0;
  // Every POST /tcb, and per action: what a function costs in round trips (GET /__dev/stats, zeroed by
  // /__dev/stats/reset).
  let tcbRequests = 0;
  const tcbActions = new Map<string, number>();
  // Where the server's time goes (GET /__dev/stats `profile`): its main thread on a CPU, the whole process, and the
  // time spent in each TCB action's handler, from the body parsed to the answer ready.
  const tcbMs = new Map<string, number>();
  let mainSince: ThreadTime | null = threadTime();
  let processSince = process.cpuUsage();

  const invokeFunction: TcbAction = async (call) => {
    const name = String(call.params.function_name ?? '');
    const raw = call.params.request_data;
    let event: unknown = {};
    if (typeof raw === 'string' && raw !== '') {
      try {
        JSON.parse(raw);
      } catch {
        throw new TcbFail('INVALID_PARAM', 'request_data must be JSON');
      }
      // Handed on as the text it came as: however deep it nests, only the function's instance parses it.
      event = new EventText(raw);
    }
    // A function calling another keeps the original caller's identity and source.
    const caller = runtime.callerOf(call.params.wxCloudApiToken);
    const who: Invocation = caller
      ? { openid: caller.openid, appid: caller.appid, source: caller.source }
      : { openid: '', appid: '', source: call.source.split(',')[0] || 'wx_http' };
    try {
      const { requestId, json } = await invoke(name, event, who);
      return { kind: 'json', body: { data: { response_data: json }, requestId } };
    } catch (error) {
      if (error instanceof InvokeError) {
        // wx-server-sdk maps FUNCTIONS_EXECUTE_FAIL to errCode -504002; a timeout is an execution failure there.
        const code = error.code === 'FUNCTIONS_TIME_LIMIT_EXCEEDED' ? 'FUNCTIONS_EXECUTE_FAIL' : error.code;
        throw new TcbFail(code, error.message);
      }
      throw error;
    }
  };

  const database = databaseActions(store, now, { transactionLifetimeMs: options.transactionLifetimeMs });
  const actions: Record<string, TcbAction> = {
    ...database.actions,
    ...storage.actions,
    ...openApi.actions,
    ...pay.actions,
    'functions.invokeFunction': invokeFunction,
  };

  const statsBody = () => {
    const main = threadTime();
    const cpu = process.cpuUsage(processSince);
    const { docsExamined, ...writes } = store.stats;
    const ms = (n: number) => Math.round(n * 1000) / 1000;
    return {
      docsExamined,
      tcbRequests,
      tcbActions: Object.fromEntries(tcbActions),
      transactions: { ...database.transactions.stats },
      profile: {
        mainCpuMs: main && mainSince ? ms((main.cpuNs - mainSince.cpuNs) / 1e6) : null,
        mainWaitMs: main && mainSince ? ms((main.waitNs - mainSince.waitNs) / 1e6) : null,
        processCpuMs: ms((cpu.user + cpu.system) / 1000),
        tcbMs: Object.fromEntries([...tcbMs].map(([k, v]) => [k, ms(v)])),
        groupedWrites: writes.groupedWrites,
        commits: writes.commits,
        writeMs: ms(writes.writeMs),
        commitMs: ms(writes.commitMs),
        runtime: Object.fromEntries(
          Object.entries(runtime.stats).map(([k, v]) => [k, typeof v === 'number' ? ms(v) : v]),
        ),
      },
    };
  };

  const handleTcb = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    tcbRequests += 1;
    const body = parseTcbBody(req, await readBody(req, LIMITS.tcb));
    const action = typeof body.action === 'string' ? body.action : '';
    tcbActions.set(action || '(none)', (tcbActions.get(action || '(none)') ?? 0) + 1);
    const requestId = `${requestPrefix}${(++requestCount).toString(36)}`;
    const handler = Object.hasOwn(actions, action) ? actions[action] : undefined;
    const call: TcbCall = {
      action,
      env: url.searchParams.get('env') || env,
      requestId,
      source: String(req.headers['x-tcb-source'] ?? ''),
      params: body,
      caller: runtime.callerOf(body.wxCloudApiToken),
    };
    let result: TcbResult;
    const started = performance.now();
    try {
      if (!handler) throw new TcbFail('INVALID_ACTION', `unknown action: ${action || '(none)'}`);
      result = await handler(call);
    } catch (error) {
      if (!(error instanceof TcbFail)) {
        log(`tcb ${action} [${requestId}] internal error: ${(error as Error).stack}`);
      }
      const fail = error instanceof TcbFail ? error : new TcbFail('SYS_ERR', `internal error (${requestId})`);
      return sendJson(res, 200, { code: fail.code, message: fail.message, requestId });
    } finally {
      const key = action || '(none)';
      tcbMs.set(key, (tcbMs.get(key) ?? 0) + performance.now() - started);
    }
    if (result.kind === 'binary') {
      res.writeHead(200, { 'content-type': result.contentType, 'content-length': result.body.length });
      return res.end(result.body);
    }
    sendJson(res, 200, { requestId, ...result.body });
  };

  const handleGateway = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    const session = sessions.fromRequest(req);
    if (!session)
      throw new HttpError(401, 'DEV_NO_SESSION', 'no dev session: POST /__dev/session {"as":"alice"} first');
    const body = await readBody(req, LIMITS.gateway);
    const parsed = parseJsonObject(body); // only a JSON object is an event
    // Top-level CloudIDs become their open data, as CloudBase does (open-data.ts).
    const text = openData.resolveTopLevel(parsed, session.openid) ? JSON.stringify(parsed) : body.toString('utf8');
    // wx.cloud.callFunction adds userInfo to the event of a client call; identity in getWXContext() is what counts.
    // The body goes on as text (see EventText), and the answer comes back as the instance's text.
    const event = new EventText(body.length === 0 ? '{}' : text, {
      userInfo: { appId: appid, openId: session.openid },
    });
    try {
      const { requestId, json } = await invoke(name, event, { openid: session.openid, appid, source: 'wx_client' });
      sendJsonText(res, 200, `{"result":${json},"requestId":${JSON.stringify(requestId)}}`);
    } catch (error) {
      if (!(error instanceof InvokeError)) throw error;
      const status = { FUNCTIONS_REQUEST_FAIL: 404, FUNCTIONS_EXECUTE_FAIL: 502, FUNCTIONS_TIME_LIMIT_EXCEEDED: 504 }[
        error.code
      ];
      const errCode = {
        FUNCTIONS_REQUEST_FAIL: -504001,
        FUNCTIONS_EXECUTE_FAIL: -504002,
        FUNCTIONS_TIME_LIMIT_EXCEEDED: -504003,
      }[error.code];
      sendJson(res, status, {
        errCode,
        errMsg: `cloud.callFunction:fail ${error.message}`,
        requestId: error.requestId,
      });
    }
  };

  // wx.cloud.uploadFile from the h5 build: the file's bytes as the body, its cloudPath in the query, the dev
  // session as the signed-in user. Answers `{ fileID }` as the mini program API does.
  const handleUpload = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const session = sessions.fromRequest(req);
    if (!session)
      throw new HttpError(401, 'DEV_NO_SESSION', 'no dev session: POST /__dev/session {"as":"alice"} first');
    const bytes = await readBody(req, LIMITS.upload);
    if (bytes.length === 0) throw new HttpError(400, 'EMPTY_FILE', 'the upload has no bytes');
    const fileID = await storage.clientUpload(env, url.searchParams.get('cloudPath') ?? '', bytes, session.openid);
    log(`upload ${fileID} (${bytes.length} bytes) by ${session.openid}`);
    sendJson(res, 200, { fileID });
  };

  const handleDev = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const method = req.method ?? 'GET';
    const input = method === 'POST' ? parseJsonObject(await readBody(req, LIMITS.dev)) : {};
    const route = `${method} ${path}`;
    switch (route) {
      case 'POST /__dev/session': {
        const { token, session } = sessions.create(input.as);
        res.setHeader('set-cookie', `${DevSessions.COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`);
        return sendJson(res, 200, { token, as: session.as, openid: session.openid });
      }
      case 'GET /__dev/session': {
        const session = sessions.fromRequest(req);
        return sendJson(res, 200, { session: session && { as: session.as, openid: session.openid } });
      }
      case 'POST /__dev/pay':
        return sendJson(
          res,
          200,
          await pay.pay(
            requiredText(input.outTradeNo, 'outTradeNo'),
            deliveries(input.deliveries),
            tamperedFee(input.totalFee),
          ),
        );
      case 'POST /__dev/refund':
        return sendJson(
          res,
          200,
          await pay.refund(
            requiredText(input.outRefundNo, 'outRefundNo'),
            deliveries(input.deliveries),
            tamperedFee(input.refundFee),
          ),
        );
      case 'GET /__dev/payments':
        return sendJson(res, 200, { payments: pay.payments(), refunds: pay.refunds() });
      case 'POST /__dev/security':
        return sendJson(res, 200, security.setRules(input));
      case 'GET /__dev/security':
        return sendJson(res, 200, { ...security.rules(), queued: security.pending() });
      case 'POST /__dev/security/flush':
        return sendJson(res, 200, await security.flush());
      case 'POST /__dev/shipping-info':
        return sendJson(res, 200, openApi.shippingInfo.set(input));
      case 'GET /__dev/shipping-info':
        return sendJson(res, 200, openApi.shippingInfo.get());
      case 'GET /__dev/outbox':
        return sendJson(res, 200, { messages: openApi.outbox() });
      case 'POST /__dev/open-data': {
        // WeChat issuing a cloudID to the session's user, e.g. wx.getGroupEnterInfo's `{ openGId }`.
        const session = sessions.fromRequest(req);
        if (!session)
          throw new HttpError(401, 'DEV_NO_SESSION', 'no dev session: POST /__dev/session {"as":"alice"} first');
        const data = input.data;
        if (typeof data !== 'object' || data === null || Array.isArray(data))
          throw new HttpError(400, 'DEV_BAD_INPUT', 'data must be the open data object');
        return sendJson(res, 200, { cloudID: openData.issue(session.openid, data as Record<string, unknown>) });
      }
      case 'GET /__dev/clock':
        return sendJson(res, 200, { now: now(), offsetMs: clockOffsetMs });
      case 'POST /__dev/clock': {
        const advanceMs = input.advanceMs;
        if (
          typeof advanceMs !== 'number' ||
          !Number.isInteger(advanceMs) ||
          advanceMs < 0 ||
          advanceMs > 10 * 365 * 86_400_000
        ) {
          throw new HttpError(400, 'DEV_BAD_INPUT', 'advanceMs must be an integer between 0 and ten years in ms');
        }
        await runtime.runDueTimers(); // timers seen for the first time are scheduled from the time before the jump
        clockOffsetMs += advanceMs;
        store.setMeta('clockOffsetMs', String(clockOffsetMs));
        const fired = await runtime.runDueTimers();
        return sendJson(res, 200, { now: now(), offsetMs: clockOffsetMs, fired });
      }
      case 'POST /__dev/timers/run': {
        const name = input.name === undefined ? undefined : requiredText(input.name, 'name');
        return sendJson(res, 200, { results: await runtime.fireTimers(name) });
      }
      case 'GET /__dev/functions':
        return sendJson(res, 200, { functions: runtime.functionNames(), triggers: runtime.triggers() });
      case 'GET /__dev/stats':
        return sendJson(res, 200, statsBody());
      case 'POST /__dev/stats/reset': {
        Object.assign(store.stats, zeroStoreStats());
        Object.assign(runtime.stats, zeroRuntimeStats());
        tcbRequests = 0;
        tcbActions.clear();
        tcbMs.clear();
        mainSince = threadTime();
        processSince = process.cpuUsage();
        const counts = database.transactions.stats;
        for (const name of Object.keys(counts) as Array<keyof typeof counts>) counts[name] = 0;
        return sendJson(res, 200, statsBody());
      }
      default:
        throw new HttpError(404, 'DEV_NOT_FOUND', `no dev control ${route}`);
    }
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const work = async () => {
      if (path === '/tcb') {
        if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'POST only');
        return handleTcb(req, res, url);
      }
      const fn = /^\/api\/functions\/([^/]+)$/.exec(path);
      if (fn) {
        if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'POST only');
        return handleGateway(req, res, decodeURIComponent(fn[1]));
      }
      if (path === '/api/storage/upload') {
        if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'POST only');
        return handleUpload(req, res, url);
      }
      if (path.startsWith('/__dev/')) return handleDev(req, res, path);
      if (await storage.serve(req, res, url)) return;
      return serveStatic(req, res, path, resolve(options.h5Dir));
    };
    work().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) {
        if (error.status === 413) res.setHeader('connection', 'close');
        return sendJson(res, error.status, { code: error.code, message: error.message });
      }
      if (error instanceof TcbFail) return sendJson(res, 400, { code: error.code, message: error.message });
      const id = randomBytes(8).toString('hex');
      log(`${req.method} ${path} [${id}] internal error: ${(error as Error).stack}`);
      sendJson(res, 500, { code: 'internal', message: `internal error (${id})` });
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    // Everything listens on loopback only: the gateway trusts the dev session, which only a local user should hold.
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;
  if (options.timers !== false) runtime.startTimers();

  return {
    origin,
    port,
    env,
    store,
    runtime,
    now,
    putFile: (cloudPath, bytes) => storage.put(env, cloudPath, bytes),
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      security.close();
      await runtime.close();
      database.transactions.close();
      store.close();
      if (inMemory) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${limit} bytes`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'MALFORMED_JSON', 'request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'MALFORMED_JSON', 'request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** wx.openApi and wx.wxPayApi requests come as multipart/form-data (node-sdk wx/index.js sets isFormData). */
function parseTcbBody(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const type = String(req.headers['content-type'] ?? '');
  return type.startsWith('multipart/form-data') ? parseMultipartForm(body, type) : parseJsonObject(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function requiredText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '' || value.length > 128) {
    throw new HttpError(400, 'DEV_BAD_INPUT', `${name} must be a non-empty string`);
  }
  return value;
}

/**
 * POST /__dev/pay `totalFee`: a test-only tamper, the amount the delivered notification states instead of the order's.
 */
function tamperedFee(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new HttpError(400, 'DEV_BAD_INPUT', 'totalFee must be a positive integer number of fen');
  }
  return value;
}

function deliveries(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new HttpError(400, 'DEV_BAD_INPUT', 'deliveries must be an integer from 1 to 5');
  }
  return value;
}
