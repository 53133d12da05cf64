// Member points through the emulator with the real SDK: the welcome gift, earning on completion, spendable after
// the after-sale window, redeeming at checkout within the balance and the cap, giving back on cancel and refund,
// expiry oldest first. After every test each account's totals must equal the sums of its ledger, and no balance or
// lot may be negative, besides the stock invariant.
import { checkPointsAgainstLedger } from './ledgers';
import { DAY, OWNER, line, useShop, type Outcome } from './order-kit';

const shop = useShop();

afterEach(() => checkPointsAgainstLedger(shop));

const points = (as: string, action: string, input: Record<string, unknown> = {}): Promise<Outcome> =>
  shop.call(as, 'points', { action, ...input });

async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await points(as, action, input);
  if (!result.ok) throw new Error(`points.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

const balance = (as: string) => ok(as, 'balance');

const APPLE = line('aksu-apple', 'aksu-apple-1'); // ¥39.90
const PUER = line('puer357', 'puer357-1'); // ¥168.00
const AFTER_SALE_DAYS = 7;

async function account(as: string) {
  const { data } = await shop.db.collection('points_accounts').doc(`dev_${as}`).get();
  return data;
}

async function ledgerOf(as: string) {
  const { data } = await shop.db
    .collection('points_ledger')
    .where({ userId: `dev_${as}` })
    .limit(1000)
    .get();
  return data;
}

async function completedAndSettled(as: string, items = [APPLE]) {
  const order = await shop.completed(as, items);
  await shop.advance((AFTER_SALE_DAYS + 1) * DAY);
  await shop.runScheduler();
  return order;
}

test('the welcome gift is given once, even when join is asked 20 times at once', async () => {
  const answers = await Promise.all(Array.from({ length: 20 }, () => points('wendy', 'join')));
  expect(answers.every((a) => a.ok)).toBe(true);
  const gifts = answers.map((a) => (a.ok ? a.data.gift : -1));
  expect(gifts.filter((g) => g === 100)).toHaveLength(1);
  expect(gifts.filter((g) => g === 0)).toHaveLength(19);
  expect(await balance('wendy')).toMatchObject({ isMember: true, available: 100, pending: 0 });
  expect((await ok('wendy', 'join')).gift).toBe(0);
  expect(await ledgerOf('wendy')).toHaveLength(1);
  const { user } = (await shop.call('wendy', 'shop', { action: 'session' })).data;
  expect(user).toMatchObject({ isMember: true, points: { available: 100, pending: 0 } });
});

test('points are earned on completion only, pending until the after-sale window closes, then spendable', async () => {
  const paid = await shop.paid('erin', [APPLE, PUER]);
  expect(await balance('erin')).toMatchObject({ available: 0, pending: 0 });
  await shop.ship(paid.id);
  expect(await balance('erin')).toMatchObject({ available: 0, pending: 0 });
  await shop.ok('erin', 'confirmReceipt', { orderId: paid.id });
  // ¥39.90 + ¥168.00 of goods: 207 whole yuan.
  expect(await balance('erin')).toMatchObject({ available: 0, pending: 207 });

  await shop.advance((AFTER_SALE_DAYS - 1) * DAY);
  await shop.runScheduler();
  expect(await balance('erin')).toMatchObject({ available: 0, pending: 207 });
  await shop.advance(2 * DAY);
  await shop.runScheduler();
  expect(await balance('erin')).toMatchObject({ available: 207, pending: 0 });
  // A second run finds nothing more to do.
  await shop.runScheduler();
  expect((await ledgerOf('erin')).map((e: any) => e.kind).sort()).toEqual(['earn', 'spendable']);
});

test('earnings cut off after the completion (a crash) are credited by the scheduler, once', async () => {
  const shipped = await shop.shipped('vera', [APPLE]);
  // What confirmReceipt's claim writes, without the crediting that follows it.
  await shop.db
    .collection('orders')
    .doc(shipped.id)
    .update({ data: { status: 'completed', completedAt: await shop.now(), pointsEarn: 'owed' } });
  expect(await balance('vera')).toMatchObject({ pending: 0 });
  await shop.runScheduler();
  await shop.runScheduler();
  expect(await balance('vera')).toMatchObject({ pending: 39 });
  expect((await ledgerOf('vera')).map((e: any) => e.key)).toEqual([`${shipped.id}:earn`]);
});

test('a refund in the window cancels pending points; a rejected case leaves them to become spendable', async () => {
  const kept = await shop.completed('fred', [APPLE]);
  const refunded = await shop.completed('fred', [PUER]);
  expect(await balance('fred')).toMatchObject({ pending: 39 + 168 });
  const asked = await shop.applyCase('fred', kept.id);
  expect((await shop.decideCase(asked.id, false)).status).toBe('rejected');
  expect(await balance('fred')).toMatchObject({ available: 0, pending: 39 + 168 });
  // ¥168.00 with free shipping: refunded in full after completion.
  expect((await shop.refundAll('fred', refunded.id)).status).toBe('refunded');
  expect(await balance('fred')).toMatchObject({ available: 0, pending: 39 });
  await shop.advance((AFTER_SALE_DAYS + 1) * DAY);
  await shop.runScheduler();
  expect(await balance('fred')).toMatchObject({ available: 39, pending: 0 });
});

// After shipping a case refunds at most the goods (shipping stays paid); every unit's goods refunded ends the
// order refunded, and points, earned on goods, follow in full.
test('every unit refunded after shipping: no points are earned on the refunded goods', async () => {
  const order = await shop.completed('ursula', [APPLE]); // 3990 + 1000 shipping: 39 points pending
  const opened = await shop.applyCase('ursula', order.id);
  await shop.refundCase(await shop.decideCase(opened.id, true));
  await shop.advance((AFTER_SALE_DAYS + 1) * DAY);
  await shop.runScheduler();
  expect({ refunded: (await shop.orderDoc(order.id)).refundedFen, balance: await balance('ursula') }).toEqual({
    refunded: 3990,
    balance: expect.objectContaining({ available: 0, pending: 0 }),
  });
});

describe('redeeming at checkout', () => {
  test('the quote offers what the balance and the cap allow and applies the points asked for', async () => {
    await ok('gina', 'join');
    const offer = (await shop.ok('gina', 'quote', { items: [APPLE] })).points;
    expect(offer).toEqual({ available: 100, maxUsable: 100, perYuan: 100, step: 1, capBp: 5000 });
    const quoted = await shop.ok('gina', 'quote', { items: [APPLE], pointsToUse: 100 });
    expect(quoted.amounts).toMatchObject({ goodsFen: 3990, pointsUsed: 100, pointsDiscountFen: 100 });
    expect(quoted.amounts.payableFen).toBe(3990 + quoted.amounts.shippingFen - 100);
  });

  test('over the cap, above the balance, fractional or negative points: refused with codes, no change', async () => {
    await completedAndSettled('hank', [PUER, PUER]); // 336 points, spendable
    await ok('hank', 'join'); // + 100
    expect((await balance('hank')).available).toBe(436);
    const cheap = await shop.makeProduct('pts-cheap', [{ stock: 5, priceFen: 500 }]); // ¥5.00: at most 250 points
    const before = await shop.state();
    const accountBefore = await account('hank');
    expect(await shop.create('hank', cheap, { pointsToUse: 251 })).toMatchObject({
      ok: false,
      error: { code: 'points.over_cap' },
    });
    expect(await shop.create('hank', [PUER], { pointsToUse: 437 })).toMatchObject({
      ok: false,
      error: { code: 'points.insufficient' },
    });
    expect(await shop.create('hank', [PUER], { pointsToUse: 1.5 })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    expect(await shop.create('hank', [PUER], { pointsToUse: -100 })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    expect(await shop.create('hank', [PUER], { pointsToUse: '100' })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    expect(await shop.refused('hank', 'quote', { items: cheap, pointsToUse: 251 })).toBe('points.over_cap');
    expect(await shop.state()).toEqual(before);
    expect(await account('hank')).toEqual(accountBefore);
  });

  test('with 300 points to ¥1, spends come in threes', async () => {
    await ok(OWNER, 'setRules', { pointsPerYuan: 300 });
    try {
      await ok('ivan', 'join');
      expect(await shop.refused('ivan', 'quote', { items: [APPLE], pointsToUse: 100 })).toBe('points.not_whole');
      const quoted = await shop.ok('ivan', 'quote', { items: [APPLE], pointsToUse: 99 });
      expect(quoted.amounts).toMatchObject({ pointsUsed: 99, pointsDiscountFen: 33 });
      expect(quoted.points).toMatchObject({ step: 3, maxUsable: 99 });
    } finally {
      await ok(OWNER, 'setRules', { pointsPerYuan: 100 });
    }
  });

  test('two orders spend the same points at once: at most one succeeds, the balance never goes negative', async () => {
    await ok('jane', 'join');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => shop.create('jane', [APPLE], { pointsToUse: 100 })),
    );
    const placed = answers.filter((a) => a.ok);
    expect(placed).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(
      Array(5).fill('points.insufficient'),
    );
    expect(await balance('jane')).toMatchObject({ available: 0 });
    const order = placed[0].ok ? placed[0].data.order : null;
    expect(order.amounts).toMatchObject({
      pointsUsed: 100,
      pointsDiscountFen: 100,
      payableFen: 3990 + order.amounts.shippingFen - 100,
    });
  });

  test('a retried checkout request spends once and answers with the same order', async () => {
    await ok('kate', 'join');
    const requestId = 'retry-points-0001';
    const body = {
      requestId,
      items: [APPLE],
      address: { name: '张三', phone: '13800138000', region: '上海市 浦东新区', detail: '世纪大道 100 号' },
      pointsToUse: 60,
    };
    const answers = await Promise.all([
      shop.order('kate', 'create', body),
      shop.order('kate', 'create', body),
      shop.order('kate', 'create', body),
    ]);
    const ids = new Set(answers.map((a) => (a.ok ? a.data.order.id : a.error.code)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^YJ/);
    expect(await balance('kate')).toMatchObject({ available: 40 });
    expect(await shop.order('kate', 'create', { ...body, pointsToUse: 50 })).toMatchObject({
      ok: false,
      error: { code: 'order.request_conflict' },
    });
  });
});

describe('giving back', () => {
  test('cancel returns the points to their lots with their original expiry', async () => {
    await ok('lena', 'join');
    const before = (await account('lena')).lots;
    const order = (await shop.create('lena', [APPLE], { pointsToUse: 70 })) as any;
    expect(await balance('lena')).toMatchObject({ available: 30 });
    await shop.ok('lena', 'cancel', { orderId: order.data.order.id });
    expect(await balance('lena')).toMatchObject({ available: 100 });
    expect((await account('lena')).lots).toEqual(before);
    // Cancelled again (a replay) changes nothing.
    expect(await shop.refused('lena', 'cancel', { orderId: order.data.order.id })).toBe('order.invalid_transition');
    expect(await balance('lena')).toMatchObject({ available: 100 });
  });

  test('the unpaid timeout returns them too', async () => {
    await ok('mike', 'join');
    await shop.create('mike', [APPLE], { pointsToUse: 100 });
    expect(await balance('mike')).toMatchObject({ available: 0 });
    await shop.advance(31 * 60_000);
    await shop.runScheduler();
    expect(await balance('mike')).toMatchObject({ available: 100 });
  });

  test('a refund returns spent points and earns nothing for the order', async () => {
    await ok('nina', 'join');
    const created = (await shop.create('nina', [PUER], { pointsToUse: 100 })) as any;
    const id = created.data.order.id;
    const { outTradeNo } = await shop.startPay('nina', id);
    await shop.simulatePay(outTradeNo);
    const approved = await shop.decideCase((await shop.applyCase('nina', id)).id, true);
    expect(approved.refundFen).toBe(16800 - 100);
    await shop.simulateRefund(approved.outRefundNo as string, { deliveries: 3 });
    expect((await shop.orderDoc(id)).status).toBe('refunded');
    expect(await balance('nina')).toMatchObject({ available: 100, pending: 0 });
    expect((await ledgerOf('nina')).map((e: any) => e.kind).sort()).toEqual(['return', 'spend', 'welcome']);
  });

  test('points given back after their lot expired expire again at once', async () => {
    await ok('olga', 'join');
    const created = (await shop.create('olga', [PUER], { pointsToUse: 100 })) as any;
    const id = created.data.order.id;
    const { outTradeNo } = await shop.startPay('olga', id);
    await shop.simulatePay(outTradeNo);
    await shop.advance(366 * DAY); // the welcome lot's expiry passes while the order waits to ship
    expect((await shop.refundAll('olga', id)).status).toBe('refunded');
    expect(await balance('olga')).toMatchObject({ available: 0, pending: 0 });
    expect((await account('olga')).lots.find((l: any) => l.id === 'welcome')).toMatchObject({
      state: 'expired',
      left: 0,
    });
    const entries = (await ledgerOf('olga')).map((e: any) => [e.kind, e.available]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['return', 100],
        ['expire', -100],
      ]),
    );
  });
});

test('expiry: the oldest lot is spent first and expires on its date, later lots stay', async () => {
  await ok('paul', 'join'); // 100, expires in 365 days
  await shop.advance(100 * DAY);
  await completedAndSettled('paul', [PUER]); // 168, expires 365 days after completion
  const created = (await shop.create('paul', [APPLE], { pointsToUse: 60 })) as any;
  // Paid, so that the unpaid timeout does not give the points back.
  await shop.simulatePay((await shop.startPay('paul', created.data.order.id)).outTradeNo);
  const lots = (await account('paul')).lots;
  expect(lots.find((l: any) => l.id === 'welcome').left).toBe(40);
  expect(lots.find((l: any) => l.id !== 'welcome').left).toBe(168);

  const soon = await balance('paul');
  expect(soon.available).toBe(208);
  await shop.advance(240 * DAY); // the welcome lot now expires within 30 days
  expect(await balance('paul')).toMatchObject({ expiringSoon: 40, nextExpiry: { points: 40 } });
  await shop.advance(30 * DAY);
  await shop.runScheduler();
  expect(await balance('paul')).toMatchObject({ available: 168, expiringSoon: 0 });
  expect((await account('paul')).lots.find((l: any) => l.id === 'welcome')).toMatchObject({
    state: 'expired',
    left: 0,
  });
  const expired = (await ledgerOf('paul')).filter((e: any) => e.kind === 'expire');
  expect(expired.map((e: any) => e.available)).toEqual([-40]);
});

test('the ledger pages newest first, each entry with its reason and order', async () => {
  await ok('quin', 'join');
  const order = (await shop.create('quin', [APPLE], { pointsToUse: 30 })) as any;
  await shop.ok('quin', 'cancel', { orderId: order.data.order.id });
  const first = await ok('quin', 'ledger', { limit: 2 });
  expect(first.items.map((e: any) => e.kind)).toEqual(['return', 'spend']);
  expect(first.items.map((e: any) => e.available)).toEqual([30, -30]);
  expect(first.items[0].orderId).toBe(order.data.order.id);
  const rest = await ok('quin', 'ledger', { cursor: first.nextCursor, limit: 2 });
  expect(rest.items.map((e: any) => e.kind)).toEqual(['welcome']);
  expect(rest.nextCursor).toBeNull();
  expect(await points('quin', 'ledger', { cursor: 'forged' })).toMatchObject({
    ok: false,
    error: { code: 'input.invalid' },
  });
});

describe("the owner's rules", () => {
  test('only owners read or change them, within bounds', async () => {
    expect(await points('rita', 'rules')).toMatchObject({ ok: false, error: { code: 'auth.not_owner' } });
    expect(await points('rita', 'setRules', { welcomePoints: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'auth.not_owner' },
    });
    for (const bad of [
      { pointsCapBp: 9001 },
      { pointsPerYuan: 0 },
      { pointsExpiryDays: 29 },
      { welcomePoints: -1 },
      { pointsEarnPerYuan: 1.5 },
    ]) {
      expect(await points(OWNER, 'setRules', bad)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
    const defaults = {
      pointsEarnPerYuan: 1,
      pointsPerYuan: 100,
      pointsCapBp: 5000,
      welcomePoints: 100,
      pointsExpiryDays: 365,
    };
    expect(await ok(OWNER, 'rules')).toEqual(defaults);
    // Members read the same figures with their balance.
    expect((await balance('rita')).rules).toEqual(defaults);
  });

  test('a change applies to new orders only', async () => {
    const before = await shop.paid('sam', [APPLE]);
    await ok(OWNER, 'setRules', { pointsEarnPerYuan: 2, welcomePoints: 300 });
    try {
      const after = await shop.paid('sam', [APPLE]);
      for (const order of [before, after]) {
        await shop.ship(order.id);
        await shop.ok('sam', 'confirmReceipt', { orderId: order.id });
      }
      expect(await balance('sam')).toMatchObject({ pending: 39 + 78 });
      expect((await ok('sam', 'join')).gift).toBe(300);
    } finally {
      await ok(OWNER, 'setRules', { pointsEarnPerYuan: 1, welcomePoints: 100 });
    }
  });
});

test('sharing and visits never create points', async () => {
  const code = (await shop.call('tina', 'shop', { action: 'session' })).data.user.shareCode;
  await shop.call('uma', 'commission', { action: 'recordVisit', productId: 'aksu-apple', s: code, c: 'chat' });
  await shop.call('tina', 'commission', { action: 'setNote', productId: 'aksu-apple', note: '好吃' });
  const accounts = (await shop.all('points_accounts')).map((a) => a._id);
  expect(accounts).not.toContain('dev_tina');
  expect(accounts).not.toContain('dev_uma');
});
