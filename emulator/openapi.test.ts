// cloud.openapi through the real wx-server-sdk: wxacode.getUnlimited draws a real QR code, subscribeMessage.send
// lands in the outbox. Most tests serve wx.openApi from a small HTTP endpoint so they can act as any caller; the
// last one goes through the emulator server itself.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import FormData from 'form-data';
import QRCode from 'qrcode';
import { createOpenApi, wxacodeContent, WXACODE_QR } from './openapi';
import { parseMultipartForm } from './tcb/multipart';
import { sdkEnvironment } from './runtime/runtime';
import { TcbFail, type Caller, type TcbAction } from './tcb/protocol';
import { guardLoopback, get, sdkFor, startEmulator } from '../tests/emulator/harness';

interface OpenApiResult {
  errCode: number;
  errMsg: string;
  contentType?: string;
  buffer?: Buffer;
}
type OpenApi = Record<string, Record<string, (data: Record<string, unknown>) => Promise<OpenApiResult>>>;
interface Png {
  width: number;
  height: number;
  data: Buffer;
}
// pngjs comes with qrcode; it has no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): Png } } };

const ENV = 'openapi-test';
const CALLERS: Record<string, Caller> = {
  'token-order': { openid: 'dev_alice', appid: 'wx0000000000000000', functionName: 'order' },
  'token-commission': { openid: 'dev_bob', appid: 'wx0000000000000000', functionName: 'commission' },
};

let dir: string;
let sqlite: Database.Database;
const clock = Date.UTC(2026, 0, 2, 3, 4, 5);
let server: http.Server;
let openapi: OpenApi;
let openApi: ReturnType<typeof createOpenApi>;

beforeAll(async () => {
  guardLoopback();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yj-openapi-'));
  sqlite = new Database(path.join(dir, 'cloud.sqlite'));
  openApi = createOpenApi({
    sqlite,
    now: () => clock,
    // `commission` may only draw codes, as its config.json would say; other functions are unrestricted here.
    permissions: (fn) => (fn === 'commission' ? ['wxacode.getUnlimited'] : null),
  });
  server = await startTcbServer(openApi.actions);
  Object.assign(process.env, sdkEnv(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tcb`), {
    WX_API_TOKEN: 'token-order',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as { init(c: { env: string }): void; openapi: OpenApi };
  cloud.init({ env: ENV });
  openapi = cloud.openapi;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  sqlite.close();
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  process.env.WX_API_TOKEN = 'token-order';
});

describe('wxacode.getUnlimited', () => {
  test('returns a PNG whose QR modules are exactly those of page + scene', async () => {
    const result = await openapi.wxacode.getUnlimited({
      scene: 'p=Ab3&s=k9X',
      page: 'pages/product/index',
      checkPath: false,
    });
    expect(result).toEqual({
      contentType: 'image/png',
      buffer: expect.any(Buffer),
      errCode: 0,
      errMsg: 'openapi.wxacode.getUnlimited:ok',
    });
    const png = result.buffer as Buffer;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([430, 430]); // WeChat's default width
    const text = wxacodeContent('pages/product/index', 'p=Ab3&s=k9X');
    expect(text).toBe('pages/product/index?scene=p%3DAb3%26s%3Dk9X');
    const expected = expectedModules(text);
    expect(readModules(image, expected.length)).toEqual(expected);
  });

  // Widths stay small in these tests: pngjs encodes many times slower inside jest's sandbox than in the emulator.
  test('honours width (within 280..1280), line colour and a transparent background', async () => {
    const small = PNG.sync.read((await openapi.wxacode.getUnlimited({ scene: 'a', width: 100 })).buffer as Buffer);
    expect(small.width).toBe(280);
    const styled = PNG.sync.read(
      (
        await openapi.wxacode.getUnlimited({
          scene: 'a',
          width: 300,
          lineColor: { r: 255, g: 0, b: 0 },
          isHyaline: true,
        })
      ).buffer as Buffer,
    );
    expect(styled.width).toBe(300);
    expect(pixel(styled, 0, 0)).toEqual([255, 255, 255, 0]); // the margin is transparent
    const [x, y] = darkModuleCentre(styled, expectedModules(wxacodeContent('', 'a')));
    expect(pixel(styled, x, y)).toEqual([255, 0, 0, 255]);
  });

  test.each([
    [{ scene: '' }, 40169],
    [{ scene: 'x'.repeat(33) }, 40169],
    [{ scene: 'p=中文' }, 40129],
    [{ scene: 'a=1', page: '/pages/index/index' }, 41030],
    [{ scene: 'a=1', page: 'pages/index/index?x=1' }, 41030],
    [{ scene: 'a=1', envVersion: 'beta' }, 40097],
  ])('refuses %j with WeChat errcode %i', async (input, errCode) => {
    await expect(openapi.wxacode.getUnlimited(input)).rejects.toMatchObject({
      errCode,
      errMsg: expect.stringMatching(/^openapi\.wxacode\.getUnlimited:fail /),
    });
  });
});

describe('subscribeMessage.send', () => {
  test('lands in the outbox with the converted field names, the sender and the emulator time', async () => {
    const before = openApi.outbox().length;
    const data = { thing1: { value: '苹果 x2' }, amount2: { value: '¥12.90' } };
    const result = await openapi.subscribeMessage.send({
      touser: 'dev_bob',
      templateId: 'TPL_ORDER_SHIPPED',
      page: 'pages/order/index?id=o1',
      data,
      miniprogramState: 'developer',
    });
    expect(result).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(openApi.outbox().slice(before)).toEqual([
      {
        id: expect.any(Number),
        api: 'subscribeMessage.send',
        touser: 'dev_bob',
        templateId: 'TPL_ORDER_SHIPPED',
        page: 'pages/order/index?id=o1',
        data,
        miniprogramState: 'developer',
        functionName: 'order',
        sentAt: clock,
      },
    ]);
  });

  test.each([
    [{ templateId: 'T', data: { a: { value: 'x' } } }, 40003],
    [{ touser: 'dev_bob', data: { a: { value: 'x' } } }, 40037],
    [{ touser: 'dev_bob', templateId: 'T', data: { a: { value: '' } } }, 47003],
    [{ touser: 'dev_bob', templateId: 'T', data: {} }, 47003],
    [{ touser: 'dev_bob', templateId: 'T', data: { a: { value: 'x' } }, miniprogramState: 'prod' }, 47003],
  ])('refuses %j with errcode %i and sends nothing', async (input, errCode) => {
    const before = openApi.outbox().length;
    await expect(openapi.subscribeMessage.send(input)).rejects.toMatchObject({ errCode });
    expect(openApi.outbox()).toHaveLength(before);
  });

  test('the outbox survives a restart: a new instance on the same SQLite file sees the messages', async () => {
    await openapi.subscribeMessage.send({ touser: 'dev_carol', templateId: 'T2', data: { a: { value: 'x' } } });
    const reopened = new Database(path.join(dir, 'cloud.sqlite'));
    try {
      const messages = createOpenApi({ sqlite: reopened, now: () => 0 }).outbox();
      expect(messages.at(-1)).toMatchObject({ touser: 'dev_carol', templateId: 'T2', miniprogramState: 'formal' });
      expect(messages).toEqual(openApi.outbox());
    } finally {
      reopened.close();
    }
  });
});

test('an API the emulator lacks, or one the function may not call, fails with a message that says so', async () => {
  await expect(openapi.customerServiceMessage.send({ touser: 'u' })).rejects.toMatchObject({
    errCode: -604100,
    errMsg: expect.stringContaining('customerServiceMessage.send'),
  });
  process.env.WX_API_TOKEN = 'token-commission';
  await expect(
    openapi.subscribeMessage.send({ touser: 'u', templateId: 'T', data: { a: { value: 'x' } } }),
  ).rejects.toMatchObject({
    errCode: -604101,
    errMsg: expect.stringContaining('permissions.openapi'),
  });
  expect((await openapi.wxacode.getUnlimited({ scene: 'ok', width: 280 })).errCode).toBe(0);
});

test('parseMultipartForm keeps binary parts byte-exact, as node-sdk encodes them with form-data', () => {
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const form = new FormData();
  form.append('action', 'wx.openApi');
  form.append('requestData', bytes);
  form.append('empty', '');
  form.append('text', '中文 value\r\nwith a line break');
  const fields = parseMultipartForm(form.getBuffer(), form.getHeaders()['content-type'] as string);
  expect(fields).toEqual({
    action: 'wx.openApi',
    requestData: bytes,
    empty: '',
    text: '中文 value\r\nwith a line break',
  });
});

test('via the emulator server: getUnlimited returns the PNG and a sent message shows in /__dev/outbox', async () => {
  const emu = await startEmulator();
  try {
    const cloud = sdkFor(emu) as { openapi: OpenApi };
    const code = await cloud.openapi.wxacode.getUnlimited({ scene: 'p=1&s=2', page: 'pages/product/index' });
    const expected = expectedModules(wxacodeContent('pages/product/index', 'p=1&s=2'));
    expect(readModules(PNG.sync.read(code.buffer as Buffer), expected.length)).toEqual(expected);
    await cloud.openapi.subscribeMessage.send({
      touser: 'dev_alice',
      templateId: 'T',
      data: { thing1: { value: '好' } },
    });
    expect((await get(emu, '/__dev/outbox')).json.messages).toEqual([
      expect.objectContaining({ touser: 'dev_alice', templateId: 'T', data: { thing1: { value: '好' } } }),
    ]);
  } finally {
    await emu.stop();
  }
});

// --- reading the QR code back ---

/** The module matrix qrcode builds for `text` with the emulator's options. */
function expectedModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: WXACODE_QR.errorCorrectionLevel });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))),
  );
}

/** Samples the centre of every module of a `size`-module symbol drawn with the emulator's margin: dark or light. */
function readModules(image: Png, size: number): boolean[][] {
  const scale = image.width / (size + WXACODE_QR.margin * 2);
  const centre = (i: number) => Math.floor((i + WXACODE_QR.margin + 0.5) * scale);
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => {
      const [r, g, b] = pixel(image, centre(col), centre(row));
      return r + g + b < 384;
    }),
  );
}

function darkModuleCentre(image: Png, modules: boolean[][]): [number, number] {
  const scale = image.width / (modules.length + WXACODE_QR.margin * 2);
  // The top-left finder pattern's corner module is always dark.
  return [Math.floor((WXACODE_QR.margin + 0.5) * scale), Math.floor((WXACODE_QR.margin + 0.5) * scale)];
}

function pixel(image: Png, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.data.subarray(at, at + 4)];
}

// --- a minimal TCB endpoint that lets a test choose the caller (the emulator derives it from a running function) ---

function sdkEnv(tcbUrl: string): Record<string, string> {
  // node-sdk reads WX_API_TOKEN (sent as wxCloudApiToken) only when WX_CONTEXT_KEYS names it.
  return { ...sdkEnvironment(tcbUrl, ENV), WX_CONTEXT_KEYS: 'WX_API_TOKEN' };
}

async function startTcbServer(actions: Record<string, TcbAction>): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = parseMultipartForm(Buffer.concat(chunks), req.headers['content-type'] ?? '');
    const requestId = randomUUID();
    const action = String(params.action);
    try {
      if (!actions[action]) throw new TcbFail('INVALID_ACTION', `unknown action ${action}`);
      const caller = CALLERS[String(params.wxCloudApiToken)] ?? null;
      const result = await actions[action]({
        action,
        env: url.searchParams.get('env') ?? '',
        requestId,
        source: '',
        params,
        caller,
      });
      if (result.kind === 'binary') res.writeHead(200, { 'Content-Type': result.contentType }).end(result.body);
      else res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(result.body));
    } catch (error) {
      if (!(error instanceof TcbFail)) throw error;
      // Exactly this content type: node-sdk only parses an openapi error body when it sees it.
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ code: error.code, message: error.message, requestId }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
