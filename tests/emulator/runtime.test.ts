// The function runtime: contexts, timeouts, timers, function-to-function calls and the pay callback.
import { startEmulator, sdkFor, post, get, devSession, type RunningEmulator } from './harness';

let emu: RunningEmulator;
let db: any;

beforeAll(async () => {
  emu = await startEmulator();
  db = sdkFor(emu).database();
  for (const name of ['arrivals', 'ticks', 'paycb']) await db.createCollection(name);
});

afterAll(async () => {
  await emu.stop();
});

const call = async (as: string, fn: string, data: unknown) => {
  const token = await devSession(emu, as);
  return post(emu, `/api/functions/${fn}`, data, { authorization: `Bearer ${token}` });
};

test('two concurrent invocations as different users each see their own OPENID', async () => {
  // Both wait inside the function until both have arrived, so the invocations provably overlap.
  const [alice, bob] = await Promise.all([
    call('alice', 'whoami', { barrier: 2, group: 'g1' }),
    call('bob', 'whoami', { barrier: 2, group: 'g1' }),
  ]);
  expect(alice.status).toBe(200);
  expect(bob.status).toBe(200);
  for (const [res, openid] of [
    [alice, 'dev_alice'],
    [bob, 'dev_bob'],
  ] as const) {
    expect(res.json.result.before).toMatchObject({ OPENID: openid, SOURCE: 'wx_client', ENV: 'youjian-local' });
    expect(res.json.result.after.OPENID).toBe(openid);
    expect(res.json.result.before.APPID).toMatch(/^wx/);
  }
  const arrivals = await db.collection('arrivals').where({ group: 'g1' }).get();
  expect(arrivals.data.map((d: any) => d.openid).sort()).toEqual(['dev_alice', 'dev_bob']);
});

test('many concurrent invocations never see another caller', async () => {
  const users = Array.from({ length: 24 }, (_v, i) => `user${i}`);
  const results = await Promise.all(users.map((u) => call(u, 'whoami', { me: u })));
  results.forEach((res, i) => {
    expect(res.json.result.before.OPENID).toBe(`dev_${users[i]}`);
    expect(res.json.result.event.me).toBe(users[i]);
  });
});

test('the caller cannot claim another identity through the body', async () => {
  const res = await call('alice', 'whoami', { userInfo: { openId: 'dev_owner' }, openid: 'dev_owner' });
  expect(res.json.result.before.OPENID).toBe('dev_alice');
  // wx.cloud.callFunction puts the real caller into event.userInfo; a forged one is overwritten.
  expect(res.json.result.event.userInfo.openId).toBe('dev_alice');
});

test('a function that runs past its timeout fails as a timeout, and the runtime keeps serving', async () => {
  const res = await call('alice', 'slow', {});
  expect(res.status).toBe(504);
  expect(res.json).toMatchObject({ errCode: -504003, errMsg: expect.stringContaining('timed out after 1 seconds') });
  // Through cloud.callFunction the SDK surfaces the same message.
  const cloud = sdkFor(emu);
  await expect(cloud.callFunction({ name: 'slow', data: {} })).rejects.toMatchObject({
    errMsg: expect.stringContaining('timed out after 1 seconds'),
  });
  expect((await call('alice', 'whoami', {})).status).toBe(200);
});

test('a function that throws fails with its message; an unknown function is not found', async () => {
  const crash = await call('alice', 'crash', {});
  expect(crash.status).toBe(502);
  expect(crash.json.errMsg).toContain('boom');
  const missing = await call('alice', 'nope', {});
  expect(missing.status).toBe(404);
  expect(missing.json.errCode).toBe(-504001);
});

test('cloud.callFunction works between functions and keeps the caller', async () => {
  const res = await call('bob', 'caller', { n: 7 });
  expect(res.status).toBe(200);
  expect(res.json.result.callee.event).toMatchObject({ from: 'caller', n: 7 });
  expect(res.json.result.callee.before.OPENID).toBe('dev_bob');
  expect(res.json.result.self.OPENID).toBe('dev_bob');
});

test('a timer trigger fires after a clock advance, as wx_trigger with no user', async () => {
  const before = (await db.collection('ticks').count()).total;
  // Nothing fires without time passing.
  const idle = await post(emu, '/__dev/clock', { advanceMs: 0 });
  expect(idle.json.fired).toEqual([]);
  const moved = await post(emu, '/__dev/clock', { advanceMs: 2 * 3600 * 1000 });
  expect(moved.json.fired).toEqual([{ functionName: 'ticker', name: 'hourly', cron: '0 0 * * * * *' }]);
  const ticks = (await db.collection('ticks').orderBy('now', 'desc').get()).data;
  expect(ticks.length).toBe(before + 1);
  expect(ticks[0]).toMatchObject({
    SOURCE: 'wx_trigger',
    OPENID: null,
    event: { Type: 'Timer', TriggerName: 'hourly' },
  });
  // The function saw the moved clock.
  expect(ticks[0].now).toBeGreaterThanOrEqual(Date.now() + 2 * 3600 * 1000 - 60_000);
  const clock = await get(emu, '/__dev/clock');
  expect(clock.json.offsetMs).toBe(2 * 3600 * 1000);
});

test('/__dev/timers/run fires a trigger now', async () => {
  const before = (await db.collection('ticks').count()).total;
  const res = await post(emu, '/__dev/timers/run', { name: 'hourly' });
  expect(res.json.results).toEqual([
    { trigger: { functionName: 'ticker', name: 'hourly', cron: '0 0 * * * * *' }, ok: true },
  ]);
  expect((await db.collection('ticks').count()).total).toBe(before + 1);
});

test('/__dev/pay with deliveries: 2 reaches the pay callback twice, as wx_paycallback', async () => {
  const started = await call('alice', 'paystart', { outTradeNo: 'T20261123001', totalFee: 1290 });
  expect(started.status).toBe(200);
  expect(started.json.result.payment).toMatchObject({ package: expect.stringMatching(/^prepay_id=/) });
  const paid = await post(emu, '/__dev/pay', { outTradeNo: 'T20261123001', deliveries: 2 });
  expect(paid.status).toBe(200);
  expect(paid.json.answers).toEqual([
    { errcode: 0, errmsg: '' },
    { errcode: 0, errmsg: '' },
  ]);
  const deliveries = (await db.collection('paycb').get()).data;
  expect(deliveries).toHaveLength(2);
  for (const d of deliveries) {
    expect(d.SOURCE).toBe('wx_paycallback');
    expect(d.event).toMatchObject({ outTradeNo: 'T20261123001', totalFee: 1290, resultCode: 'SUCCESS' });
  }
});

test('openapi in a function: a real QR PNG and an outbox message; refused without config.json permission', async () => {
  const res = await call('alice', 'poster', { scene: 'p=abc&s=K7' });
  expect(res.status).toBe(200);
  expect(res.json.result.contentType).toBe('image/png');
  const png = Buffer.from(res.json.result.png, 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const outbox = (await get(emu, '/__dev/outbox')).json.messages;
  expect(outbox).toEqual([
    expect.objectContaining({ touser: 'dev_alice', templateId: 'TPL_SHIPPED', data: { thing1: { value: '已发货' } } }),
  ]);
  const refused = await call('alice', 'poster-ungranted', { scene: 'p=abc&s=K7' });
  expect(refused.status).toBe(502);
  expect(refused.json.errMsg).toContain('permission');
  expect((await get(emu, '/__dev/outbox')).json.messages).toHaveLength(1);
});
