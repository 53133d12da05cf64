// Dev controls the order tests and the bench lean on: the TCB request counter of /__dev/stats, and the
// test-only amount tamper of /__dev/pay. Fixture functions: `paystart` places a cloudPay order, `paycb` records
// every callback it receives.
import { devSession, get, post, sdkFor, startEmulator, type RunningEmulator } from './harness';

let emu: RunningEmulator;
let db: any;

beforeAll(async () => {
  emu = await startEmulator();
  db = sdkFor(emu).database();
  await db.createCollection('paycb');
  await db.createCollection('things');
});

afterAll(async () => {
  await emu.stop();
});

const stats = async () =>
  (await get(emu, '/__dev/stats')).json as {
    tcbRequests: number;
    tcbActions: Record<string, number>;
    docsExamined: number;
    transactions: Record<string, number>;
  };

describe('TCB request counter', () => {
  test('counts every request the SDK sends, by action, and resets to zero', async () => {
    await db.collection('things').add({ data: { _id: 'a', n: 1 } });
    const zero = {
      docsExamined: 0,
      tcbRequests: 0,
      tcbActions: {},
      transactions: { started: 0, committed: 0, aborted: 0, conflicts: 0, lockWaits: 0 },
    };
    const reset = (await post(emu, '/__dev/stats/reset', {})).json;
    expect(reset).toMatchObject(zero);
    expect(reset.profile).toMatchObject({ commits: 0, groupedWrites: 0, tcbMs: {} });
    expect(reset.profile.runtime).toMatchObject({ invocations: 0, queuedMs: 0, coldStarts: 0, runMs: 0 });

    await db.collection('things').doc('a').get();
    await db.collection('things').where({ n: 1 }).get();
    await db
      .collection('things')
      .doc('a')
      .update({ data: { n: 2 } });
    await db.collection('things').add({ data: { n: 3 } });
    const after = await stats();
    expect(after.tcbRequests).toBe(4);
    expect(Object.values(after.tcbActions).reduce((a, b) => a + b, 0)).toBe(4);
    expect(after.tcbActions).toEqual({
      'database.getDocument': 2,
      'database.modifyDocument': 1,
      'database.insertDocument': 1,
    });
    expect(after.docsExamined).toBeGreaterThan(0);

    await db.runTransaction(async (t: any) => {
      await t
        .collection('things')
        .doc('a')
        .update({ data: { n: 4 } });
    });
    expect((await stats()).transactions).toEqual({ ...zero.transactions, started: 1, committed: 1 });

    await post(emu, '/__dev/stats/reset', {});
    expect(await stats()).toMatchObject(zero);
  });

  test('the profile: invocations, time per action, commits shared by concurrent writes', async () => {
    const token = await devSession(emu, 'profiled');
    await post(emu, '/__dev/stats/reset', {});
    await post(
      emu,
      '/api/functions/paystart',
      { outTradeNo: 'P1', totalFee: 100 },
      { authorization: `Bearer ${token}` },
    );
    await Promise.all(Array.from({ length: 6 }, (_v, i) => db.collection('things').add({ data: { n: i } })));
    const { profile } = (await get(emu, '/__dev/stats')).json;
    expect(profile.runtime).toMatchObject({ invocations: 1, coldStarts: expect.any(Number) });
    expect(profile.runtime.runMs).toBeGreaterThan(0);
    expect(Object.keys(profile.tcbMs).sort()).toEqual(['database.insertDocument', 'wx.wxPayApi']);
    // Six inserts, each acknowledged once committed; a commit serves one or more of them.
    expect(profile.groupedWrites).toBe(6);
    expect(profile.commits).toBeGreaterThanOrEqual(1);
    expect(profile.commits).toBeLessThanOrEqual(6);
    expect(profile.processCpuMs).toBeGreaterThan(0);
    if (process.platform === 'linux') {
      expect(profile.mainCpuMs).toBeGreaterThan(0);
      expect(profile.runtime.instanceCpuMs).toBeGreaterThan(0);
    }
  });

  test('requests a function makes are counted; the gateway call itself is not a TCB request', async () => {
    const token = await devSession(emu, 'counter');
    await post(emu, '/__dev/stats/reset', {});
    const res = await post(
      emu,
      '/api/functions/paystart',
      { outTradeNo: 'C1', totalFee: 100 },
      { authorization: `Bearer ${token}` },
    );
    expect(res.json.result).toMatchObject({ resultCode: 'SUCCESS' });
    expect(await stats()).toMatchObject({ tcbRequests: 1, tcbActions: { 'wx.wxPayApi': 1 } });
  });

  test('malformed bodies and unknown actions are counted too (every POST /tcb)', async () => {
    await post(emu, '/__dev/stats/reset', {});
    await post(emu, '/tcb', '{nope');
    await post(emu, '/tcb', { action: '__proto__' });
    const after = await stats();
    expect(after.tcbRequests).toBe(2);
    // An own key, not the prototype: the malformed body has no action and is counted in the total only.
    expect(Object.entries(after.tcbActions)).toEqual([['__proto__', 1]]);
  });
});

describe('/__dev/pay totalFee (test-only tamper)', () => {
  const delivered = async (outTradeNo: string) =>
    (await db.collection('paycb').limit(100).get()).data
      .filter((d: any) => d.event.outTradeNo === outTradeNo)
      .map((d: any) => d.event);

  const order = async (as: string, outTradeNo: string, totalFee: number) => {
    const token = await devSession(emu, as);
    const res = await post(
      emu,
      '/api/functions/paystart',
      { outTradeNo, totalFee },
      { authorization: `Bearer ${token}` },
    );
    expect(res.json.result).toMatchObject({ resultCode: 'SUCCESS' });
  };

  test('the delivered notification states the tampered amount; the payment keeps the ordered one', async () => {
    await order('alice', 'T1', 1290);
    const paid = await post(emu, '/__dev/pay', { outTradeNo: 'T1', totalFee: 1 });
    expect(paid.status).toBe(200);
    const events = await delivered('T1');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outTradeNo: 'T1', totalFee: 1, cashFee: 1, resultCode: 'SUCCESS' });
    const payment = (await get(emu, '/__dev/payments')).json.payments.find((p: any) => p.outTradeNo === 'T1');
    expect(payment).toMatchObject({ totalFee: 1290, tradeState: 'SUCCESS' });
  });

  test('without totalFee the notification states the ordered amount', async () => {
    await order('bob', 'T2', 4580);
    await post(emu, '/__dev/pay', { outTradeNo: 'T2', deliveries: 2 });
    const events = await delivered('T2');
    expect(events.map((e: any) => [e.totalFee, e.cashFee])).toEqual([
      [4580, 4580],
      [4580, 4580],
    ]);
  });

  test.each([
    ['B1', 0],
    ['B2', -5],
    ['B3', 12.5],
    ['B4', '100'],
    ['B5', null],
    ['B6', Number.MAX_SAFE_INTEGER + 2],
  ])('%s: totalFee %p is refused before anything is delivered', async (outTradeNo, totalFee) => {
    await order('dave', outTradeNo, 500);
    const res = await post(emu, '/__dev/pay', { outTradeNo, totalFee });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('DEV_BAD_INPUT');
    expect(await delivered(outTradeNo)).toHaveLength(0);
    const payment = (await get(emu, '/__dev/payments')).json.payments.find((p: any) => p.outTradeNo === outTradeNo);
    expect(payment).toMatchObject({ status: 'pending', tradeState: 'NOTPAY' });
  });
});
