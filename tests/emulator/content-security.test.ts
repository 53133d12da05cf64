// Content security as CloudBase answers it, through the real wx-server-sdk in a function: security.msgSecCheck
// (verdicts set by POST /__dev/security, errcodes for malformed input, a simulated outage), and
// security.mediaCheckAsync, whose verdict arrives as the wxa_media_check message push event at the function the
// emulator config routes it to (`security`), only when POST /__dev/security/flush delivers it. Fixture functions:
// `seccheck` calls the API it is told to (`seccheck-ungranted` without the permission), `security` records every
// event it receives.
import { devSession, get, post, sdkFor, startEmulator, type RunningEmulator } from './harness';

let emu: RunningEmulator;
let db: any;
let token: string;

beforeAll(async () => {
  emu = await startEmulator();
  db = sdkFor(emu).database();
  await db.createCollection('pushed');
  token = await devSession(emu, 'alice');
});

afterAll(async () => {
  await emu.stop();
});

afterEach(async () => {
  await post(emu, '/__dev/security', { riskyWords: [], reviewWords: [], riskyFiles: [], failing: false });
  await post(emu, '/__dev/security/flush', {});
});

async function call(fn: string, body: Record<string, unknown>) {
  const res = await post(emu, `/api/functions/${fn}`, body, { authorization: `Bearer ${token}` });
  expect(res.status).toBe(200);
  return res.json.result;
}

const check = (api: string, input: Record<string, unknown>) => call('seccheck', { api, input });
const text = (content: string, extra: Record<string, unknown> = {}) =>
  check('msgSecCheck', { openid: 'dev_alice', scene: 2, version: 2, content, ...extra });

async function pushed(): Promise<any[]> {
  return (await db.collection('pushed').orderBy('event.CreateTime', 'asc').get()).data;
}

/** A stored file and a temporary URL of it, as a function hands media_url over. */
async function storedPhoto(cloudPath: string): Promise<{ fileID: string; url: string }> {
  const cloud = sdkFor(emu);
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from('\x89PNG bytes') });
  const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
  return { fileID, url: fileList[0].tempFileURL };
}

describe('security.msgSecCheck', () => {
  test('passes by default, with the documented shape (camelCased by the SDK)', async () => {
    const { answer } = await text('你好，这个杯子很好看');
    expect(answer).toEqual({
      errCode: 0,
      errMsg: 'openapi.security.msgSecCheck:ok',
      traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
      result: { suggest: 'pass', label: 100 },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
        { strategy: 'keyword', errcode: 0 },
      ],
    });
  });

  test('riskyWords answer risky, reviewWords review, naming the keyword; other texts still pass', async () => {
    const set = await post(emu, '/__dev/security', { riskyWords: ['坏词'], reviewWords: ['可疑'] });
    expect(set.json).toEqual({ riskyWords: ['坏词'], reviewWords: ['可疑'], riskyFiles: [], failing: false });
    const risky = (await text('这里有坏词')).answer;
    expect(risky.result).toEqual({ suggest: 'risky', label: 21000 });
    expect(risky.detail[1]).toMatchObject({ strategy: 'keyword', suggest: 'risky', keyword: '坏词' });
    expect((await text('有点可疑')).answer.result.suggest).toBe('review');
    expect((await text('很好')).answer.result.suggest).toBe('pass');
  });

  test.each([
    ['no version 2', 47001, { version: 1 }],
    ['no openid', 40003, { openid: '' }],
    ['an unknown scene', 40129, { scene: 5 }],
    ['empty content', 44002, { content: '' }],
    ['content over 2500 characters', 47001, { content: '字'.repeat(2501) }],
  ] as Array<[string, number, Record<string, unknown>]>)(
    '%s: errcode %i, thrown by the SDK',
    async (_name, errCode, extra) => {
      const { error } = await text(typeof extra.content === 'string' ? extra.content : 'x', extra);
      expect(error).toMatchObject({ errCode, errMsg: expect.stringContaining('security.msgSecCheck:fail') });
    },
  );

  test('failing: true answers errcode -1 (system busy) until turned off', async () => {
    await post(emu, '/__dev/security', { failing: true });
    expect((await text('你好')).error).toMatchObject({ errCode: -1 });
    await post(emu, '/__dev/security', { failing: false });
    expect((await text('你好')).answer.result.suggest).toBe('pass');
  });

  test('a function without the permission in config.json is refused', async () => {
    for (const api of ['msgSecCheck', 'mediaCheckAsync']) {
      const { error } = await call('seccheck-ungranted', { api, input: { openid: 'dev_alice', scene: 2, version: 2 } });
      expect(error).toMatchObject({ errCode: -604101, errMsg: expect.stringContaining('permissions.openapi') });
    }
  });

  test('bad rules are refused with 400', async () => {
    for (const body of [{ riskyWords: 'x' }, { riskyFiles: [''] }, { failing: 'yes' }]) {
      expect((await post(emu, '/__dev/security', body)).status).toBe(400);
    }
  });
});

describe('security.mediaCheckAsync and the wxa_media_check event', () => {
  const media = (url: string, extra: Record<string, unknown> = {}) =>
    check('mediaCheckAsync', { openid: 'dev_alice', scene: 2, version: 2, media_url: url, media_type: 2, ...extra });

  test('answers a trace id; the verdict reaches the routed function only on flush, once, by message push', async () => {
    const before = (await pushed()).length;
    const photo = await storedPhoto('reviews/dev_alice/ok.jpg');
    const { answer } = await media(photo.url);
    expect(answer).toEqual({
      errCode: 0,
      errMsg: 'openapi.security.mediaCheckAsync:ok',
      traceId: expect.stringMatching(/^[0-9a-f-]{26}$/),
    });
    expect(await pushed()).toHaveLength(before);
    expect((await get(emu, '/__dev/security')).json.queued).toBe(1);

    const flushed = await post(emu, '/__dev/security/flush', {});
    expect(flushed.json).toEqual({ delivered: 1, results: ['success'] });
    const events = (await pushed()).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0].OPENID).toBe('dev_alice');
    expect(events[0].SOURCE).not.toMatch(/^wx_client|^wx_http|^wx_devtools/);
    expect(events[0].event).toEqual({
      ToUserName: expect.any(String),
      FromUserName: 'dev_alice',
      CreateTime: expect.any(Number),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: expect.any(String),
      trace_id: answer.traceId,
      version: 2,
      result: { suggest: 'pass', label: 100 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
    });
    expect((await post(emu, '/__dev/security/flush', {})).json).toEqual({ delivered: 0, results: [] });
    expect((await pushed()).length).toBe(before + 1);
  });

  test('riskyFiles match a fileID or a cloud path against the temp URL; other files pass', async () => {
    const byId = await storedPhoto('reviews/dev_alice/bad1.jpg');
    const byPath = await storedPhoto('reviews/dev_alice/bad2.jpg');
    const fine = await storedPhoto('reviews/dev_alice/fine.jpg');
    await post(emu, '/__dev/security', { riskyFiles: [byId.fileID, 'reviews/dev_alice/bad2.jpg'] });
    const traces = [];
    for (const photo of [byId, byPath, fine]) traces.push((await media(photo.url)).answer.traceId);
    const before = (await pushed()).length;
    await post(emu, '/__dev/security/flush', {});
    const verdicts = new Map(
      (await pushed()).slice(before).map((p) => [p.event.trace_id, p.event.result.suggest as string]),
    );
    expect(traces.map((t) => verdicts.get(t))).toEqual(['risky', 'risky', 'pass']);
  });

  test('malformed input and an outage answer errcodes and queue nothing', async () => {
    const photo = await storedPhoto('reviews/dev_alice/x.jpg');
    expect((await media(photo.url, { media_type: 3 })).error.errCode).toBe(47001);
    expect((await media('', {})).error.errCode).toBe(44002);
    expect((await media(photo.url, { scene: 0 })).error.errCode).toBe(40129);
    await post(emu, '/__dev/security', { failing: true });
    expect((await media(photo.url)).error.errCode).toBe(-1);
    expect((await get(emu, '/__dev/security')).json.queued).toBe(0);
  });
});
