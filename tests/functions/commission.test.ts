// Share attribution and commission through the emulator with the real SDK: bindings, one-level commission on
// paid orders, settlement after the after-sale window, pro rata reversal on refunds, withdrawals. After every
// test the sharers' counters must equal the sums of their ledgers, besides the stock invariant.
import { sdkFor } from '../emulator/harness';
import { checkCountersAgainstLedger } from './ledgers';
import { DAY, MINUTE, OWNER, line, useShop, type Line } from './order-kit';

const shop = useShop();

afterEach(() => checkCountersAgainstLedger(shop));

type Result = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };

const commission = (as: string, action: string, input: Record<string, unknown> = {}): Promise<Result> =>
  shop.call(as, 'commission', { action, ...input });

async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await commission(as, action, input);
  if (!result.ok) throw new Error(`commission.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function refused(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await commission(as, action, input);
  if (result.ok) throw new Error(`commission.${action} as ${as} went through: ${JSON.stringify(result)}`);
  return result.error.code;
}

/** A member's shareCode (the member is created on their first session). */
async function codeOf(as: string): Promise<string> {
  const result = await shop.call(as, 'shop', { action: 'session' });
  return result.data.user.shareCode;
}

async function session(as: string) {
  return (await shop.call(as, 'shop', { action: 'session' })).data;
}

const visit = async (as: string, sharer: string, productId = 'aksu-apple', c = 'chat') =>
  ok(as, 'recordVisit', { productId, s: await codeOf(sharer), c });

const APPLE = line('aksu-apple', 'aksu-apple-1'); // ¥39.90, shop default rate 5%
const GOJI = line('ningxia-goji', 'ningxia-goji-1'); // ¥45.80, default rate
const PUER = line('puer357', 'puer357-1'); // ¥168.00, own rate 8%

async function linesOf(orderId: string) {
  const { data } = await shop.db.collection('commissions').where({ orderId }).get();
  return data.sort((a: any, b: any) => (a._id < b._id ? -1 : 1));
}

async function stats(as: string) {
  return ok(as, 'myStats');
}

async function paidThrough(as: string, lines: Line[]) {
  return shop.paid(as, lines);
}

describe('attribution and commission', () => {
  test('alice shares, bob opens and buys: she has a pending line of rate × paid goods, floored, per line', async () => {
    const opened = await visit('bob', 'alice', 'puer357');
    expect(opened).toMatchObject({ bound: true, binding: { sharerCode: await codeOf('alice') } });
    const order = await paidThrough('bob', [PUER, APPLE]);
    expect(order.sharerCode).toBe(await codeOf('alice'));
    const lines = await linesOf(order.id);
    expect(lines.map((l: any) => [l.productId, l.baseFen, l.rateBp, l.amountFen, l.status, l.sharerId])).toEqual([
      ['aksu-apple', 3990, 500, 199, 'pending', 'dev_alice'],
      ['puer357', 16800, 800, 1344, 'pending', 'dev_alice'],
    ]);
    const mine = await stats('alice');
    expect(mine).toMatchObject({ orders: 1, gmvFen: 3990 + 16800, commission: { pendingFen: 1543, settledFen: 0 } });
    const row = mine.rows.find((r: any) => r.productId === 'puer357' && r.channel === 'chat');
    expect(row).toMatchObject({ visits: 1, visitors: 1, orders: 1, gmvFen: 16800, pendingFen: 1344 });
    // Bob's own center has none of it.
    expect(await stats('bob')).toMatchObject({ orders: 0, commission: { pendingFen: 0 } });
  });

  test('one level: carol, bound to bob (who is bound to alice), buys and only bob earns', async () => {
    await visit('b2', 'a2');
    await visit('c2', 'b2');
    const before = (await shop.all('commissions')).filter((l) => l.sharerId === 'dev_a2').length;
    const order = await paidThrough('c2', [APPLE]);
    const lines = await linesOf(order.id);
    expect(lines.map((l: any) => l.sharerId)).toEqual(['dev_b2']);
    expect((await shop.all('commissions')).filter((l) => l.sharerId === 'dev_a2').length).toBe(before);
    // No second level exists anywhere in the data: the order names one sharer, the binding one sharer, and nothing else
    // links them.
    const doc = await shop.orderDoc(order.id);
    expect(Object.keys(doc.sharer).sort()).toEqual(['channel', 'code', 'id', 'productId', 'rates']);
    const binding = (await shop.db.collection('bindings').doc('dev_c2').get()).data;
    expect(Object.keys(binding).sort()).toEqual([
      '_id',
      'buyerId',
      'channel',
      'productId',
      'sharerCode',
      'sharerId',
      'sharerNickname',
      'since',
      'until',
    ]);
    expect(JSON.stringify([doc.sharer, binding])).not.toContain('dev_a2');
  });

  test('opening one’s own link binds nothing and counts nothing; one’s own purchase earns nothing', async () => {
    const mine = await visit('a3', 'a3');
    expect(mine).toEqual({ bound: false, binding: null });
    expect(await stats('a3')).toMatchObject({ visits: 0, visitors: 0 });
    const order = await paidThrough('a3', [APPLE]);
    expect(order.sharerCode).toBeUndefined();
    expect(await linesOf(order.id)).toEqual([]);
  });

  test('nobody can take an active binding: bob opening carol’s link stays bound to alice', async () => {
    await visit('b4', 'a4');
    const again = await visit('b4', 'c4', 'ningxia-goji', 'moments');
    expect(again).toMatchObject({ bound: false, binding: { sharerCode: await codeOf('a4') } });
    // The visit still counts for carol (a view is a view), but the order goes to alice.
    expect(await stats('c4')).toMatchObject({ visits: 1, visitors: 1 });
    const order = await paidThrough('b4', [GOJI]);
    expect((await linesOf(order.id)).map((l: any) => l.sharerId)).toEqual(['dev_a4']);
  });

  test('concurrent first visits from two sharers bind the visitor to exactly one', async () => {
    const [x, y] = await Promise.all([visit('b5', 'a5'), visit('b5', 'c5')]);
    expect([x.bound, y.bound].filter(Boolean)).toHaveLength(1);
    expect(x.binding.sharerCode).toBe(y.binding.sharerCode);
  });

  test('a binding lasts 15 days, an order extends it 15 days from the order, then another share can bind', async () => {
    const first = await visit('b6', 'a6');
    const until = Date.parse(first.binding.until);
    await shop.advance(10 * DAY);
    const order = await paidThrough('b6', [APPLE]);
    const extended = Date.parse((await session('b6')).binding.until);
    expect(extended).toBe(new Date((await shop.orderDoc(order.id)).createdAt).getTime() + 15 * DAY);
    expect(extended).toBeGreaterThan(until);
    await shop.advance(14 * DAY);
    expect((await visit('b6', 'c6')).bound).toBe(false);
    await shop.advance(1 * DAY + MINUTE);
    expect((await session('b6')).binding).toBeNull();
    const next = await visit('b6', 'c6');
    expect(next).toMatchObject({ bound: true, binding: { sharerCode: await codeOf('c6') } });
    const later = await paidThrough('b6', [APPLE]);
    expect((await linesOf(later.id)).map((l: any) => l.sharerId)).toEqual(['dev_c6']);
  });

  test('the buyer sees and releases the binding; later orders are attributed to nobody until a new share', async () => {
    await visit('b7', 'a7');
    expect((await session('b7')).binding).toMatchObject({
      sharerCode: await codeOf('a7'),
      nickname: expect.any(String),
    });
    expect(await ok('b7', 'releaseBinding')).toEqual({ binding: null });
    expect((await ok('b7', 'binding')).binding).toBeNull();
    const order = await paidThrough('b7', [APPLE]);
    expect(order.sharerCode).toBeUndefined();
    expect(await linesOf(order.id)).toEqual([]);
    expect((await visit('b7', 'c7')).bound).toBe(true);
  });

  test('an order keeps the attribution it was placed with, even if the binding is released before paying', async () => {
    await visit('b8', 'a8');
    const order = await shop.placed('b8', [APPLE]);
    await ok('b8', 'releaseBinding');
    const { outTradeNo } = await shop.startPay('b8', order.id);
    await shop.simulatePay(outTradeNo);
    expect((await linesOf(order.id)).map((l: any) => l.sharerId)).toEqual(['dev_a8']);
  });

  test('a pay callback delivered three times creates the commission once', async () => {
    await visit('b9', 'a9');
    const order = await shop.placed('b9', [APPLE, GOJI]);
    const { outTradeNo } = await shop.startPay('b9', order.id);
    await shop.simulatePay(outTradeNo, { deliveries: 3 });
    expect(await linesOf(order.id)).toHaveLength(2);
    expect(await stats('a9')).toMatchObject({ orders: 1, commission: { pendingFen: 199 + 229 } });
  });
});

describe('settlement and reversal', () => {
  test('a crediting cut off after the payment was recorded is finished by the scheduler, once', async () => {
    await visit('b14', 'a14');
    const order = await shop.placed('b14', [APPLE]);
    // The state a crash right after recordPayment's claim leaves: paid, commission owed, no lines yet.
    await shop.db
      .collection('orders')
      .doc(order.id)
      .update({
        data: { status: 'paid', paidFen: order.amounts.payableFen, paidAt: new Date(), commissionState: 'owed' },
      });
    expect(await linesOf(order.id)).toEqual([]);
    await shop.runScheduler();
    await shop.runScheduler();
    expect((await linesOf(order.id)).map((l: any) => [l.sharerId, l.amountFen, l.status])).toEqual([
      ['dev_a14', 199, 'pending'],
    ]);
    expect((await shop.orderDoc(order.id)).commissionState).toBe('credited');
    expect(await stats('a14')).toMatchObject({ orders: 1, commission: { pendingFen: 199 } });
  });

  test('commission settles only when the after-sale window after completion closes', async () => {
    await visit('b10', 'a10');
    const order = await shop.completed('b10', [APPLE]);
    await shop.runScheduler();
    expect((await linesOf(order.id))[0].status).toBe('pending');
    const [pending] = (await ok('a10', 'myCommissions')).items;
    expect(Date.parse(pending.settlesAt)).toBe(Date.parse(order.completedAt!) + 7 * DAY);
    await shop.advance(7 * DAY - MINUTE);
    await shop.runScheduler();
    expect((await linesOf(order.id))[0].status).toBe('pending');
    await shop.advance(2 * MINUTE);
    await shop.runScheduler();
    expect((await linesOf(order.id))[0]).toMatchObject({ status: 'settled', amountFen: 199 });
    expect(await stats('a10')).toMatchObject({ availableFen: 199, commission: { pendingFen: 0, settledFen: 199 } });
    // Nothing is settled twice.
    await shop.runScheduler();
    expect((await stats('a10')).commission.settledFen).toBe(199);
  });

  test('a case open as the window closes holds settling back; rejected, the whole commission settles', async () => {
    await visit('b15', 'a15');
    const order = await shop.completed('b15', [APPLE]);
    await shop.advance(7 * DAY - MINUTE);
    const opened = await shop.applyCase('b15', order.id);
    await shop.advance(2 * MINUTE);
    await shop.runScheduler();
    expect((await linesOf(order.id))[0].status).toBe('pending');
    await shop.decideCase(opened.id, false);
    await shop.runScheduler();
    expect((await linesOf(order.id))[0]).toMatchObject({ status: 'settled', amountFen: 199, reversedFen: 0 });
    expect(await stats('a15')).toMatchObject({ commission: { pendingFen: 0, settledFen: 199, reversedFen: 0 } });
  });

  test('a full refund before shipping reverses the whole commission', async () => {
    await visit('b11', 'a11');
    const order = await paidThrough('b11', [APPLE, GOJI]);
    // Every unit before shipping: everything paid, shipping included.
    const opened = await shop.applyCase('b11', order.id);
    expect(opened.refundFen).toBe(order.amounts.payableFen);
    await shop.refundCase(await shop.decideCase(opened.id, true));
    expect((await shop.orderDoc(order.id)).status).toBe('refunded');
    expect((await linesOf(order.id)).map((l: any) => [l.status, l.reversedFen])).toEqual([
      ['reversed', 199],
      ['reversed', 229],
    ]);
    expect(await stats('a11')).toMatchObject({
      orders: 1,
      commission: { pendingFen: 0, settledFen: 0, reversedFen: 428 },
    });
  });

  test('a partial refund after shipping reverses pro rata at once; the rest settles after the window', async () => {
    await visit('b12', 'a12');
    const order = await shop.shipped('b12', [APPLE]);
    const paidFen = order.amounts.payableFen; // 3990 + 1000 shipping
    // Commission is earned on goods: a refund takes back its share of the goods paid (shipping is no part of it).
    const goodsFen = paidFen - order.amounts.shippingFen;
    // Compensation the buyer asks for the apple they keep: about half of what was paid (at most the goods, ¥39.90).
    const half = Math.floor(paidFen / 2);
    const opened = await shop.applyCase('b12', order.id, { refundFen: half });
    expect(opened.refundFen).toBe(half);
    await shop.refundCase(await shop.decideCase(opened.id, true));
    expect(await shop.get('b12', order.id)).toMatchObject({ status: 'shipped', refundedFen: half });
    const kept = Math.floor((199 * (goodsFen - half)) / goodsFen);
    // The refunded share is taken back in the refund's own transaction; the rest waits for the window.
    expect((await linesOf(order.id))[0]).toMatchObject({ status: 'pending', reversedFen: 199 - kept });
    expect(await stats('a12')).toMatchObject({
      commission: { pendingFen: kept, settledFen: 0, reversedFen: 199 - kept },
    });
    await shop.ok('b12', 'confirmReceipt', { orderId: order.id });
    await shop.advance(7 * DAY + MINUTE);
    await shop.runScheduler();
    expect((await linesOf(order.id))[0]).toMatchObject({ status: 'settled', reversedFen: 199 - kept });
    expect(await stats('a12')).toMatchObject({
      commission: { settledFen: kept, reversedFen: 199 - kept, pendingFen: 0 },
    });
  });

  test('every unit refunded after shipping: the order is refunded and no commission is left on the goods', async () => {
    await visit('b16x', 'a16x');
    const order = await shop.shipped('b16x', [APPLE]); // 3990 + 1000 shipping
    const opened = await shop.applyCase('b16x', order.id);
    expect(opened.refundFen).toBe(3990);
    await shop.refundCase(await shop.decideCase(opened.id, true));
    // Shipping stays paid, but every unit's goods came back: refunded in full, the commission all taken back.
    expect(await shop.get('b16x', order.id)).toMatchObject({ status: 'refunded', refundedFen: 3990 });
    expect((await linesOf(order.id))[0]).toMatchObject({ status: 'reversed', reversedFen: 199 });
    await shop.advance(7 * DAY + MINUTE);
    await shop.runScheduler();
    expect((await stats('a16x')).commission).toMatchObject({ settledFen: 0, reversedFen: 199, pendingFen: 0 });
  });

  test('a partial refund of an unshipped order, or above what was paid, is refused and changes nothing', async () => {
    await visit('b13', 'a13');
    const paid = await paidThrough('b13', [APPLE]);
    const lines = [{ skuId: APPLE.skuId, qty: 1 }];
    const input = { orderId: paid.id, type: 'refund_only', lines, reason: '不想要了' };
    const before = { order: await shop.orderDoc(paid.id), lines: await linesOf(paid.id), stats: await stats('a13') };
    const unchanged = async () => {
      expect({ order: await shop.orderDoc(paid.id), lines: await linesOf(paid.id), stats: await stats('a13') }).toEqual(
        before,
      );
      expect((await shop.all('after_sales')).filter((c) => c.orderId === paid.id)).toEqual([]);
    };
    // Before shipping, only everything paid (the goods never left): less or more is refused.
    expect(await shop.refused('b13', 'applyAfterSale', { ...input, refundFen: 100 })).toBe('afterSale.amount_invalid');
    expect(await shop.refused('b13', 'applyAfterSale', { ...input, refundFen: paid.amounts.payableFen + 1 })).toBe(
      'afterSale.amount_invalid',
    );
    expect(await shop.refused('b13', 'applyAfterSale', { ...input, refundFen: 0 })).toBe('input.invalid');
    await unchanged();
    // After shipping, at most the goods: shipping stays paid.
    await shop.ship(paid.id);
    before.order = await shop.orderDoc(paid.id);
    expect(await shop.refused('b13', 'applyAfterSale', { ...input, refundFen: 3991 })).toBe('afterSale.amount_invalid');
    await unchanged();
  });
});

describe('withdrawals', () => {
  async function settledFor(sharer: string, buyer: string) {
    await visit(buyer, sharer, 'puer357');
    await shop.completed(buyer, [PUER]);
    await shop.advance(7 * DAY + MINUTE);
    await shop.runScheduler();
    return (await stats(sharer)).availableFen as number;
  }

  test(
    'a sharer withdraws settled commission once the owner approves; ' +
      'more than available, or a second open request, is refused',
    async () => {
      const available = await settledFor('a20', 'b20');
      expect(available).toBe(1344);
      expect(await refused('a20', 'withdraw', { amountFen: available + 1 })).toBe('withdraw.insufficient');
      expect(await refused('a20', 'withdraw', { amountFen: 99 })).toBe('input.invalid');
      expect(await refused('a20', 'withdraw', { amountFen: 100.5 })).toBe('input.invalid');
      expect(await refused('a20', 'withdraw', { amountFen: '500' })).toBe('input.invalid');
      const { withdrawal } = await ok('a20', 'withdraw', { amountFen: 1000 });
      expect(withdrawal).toMatchObject({ amountFen: 1000, status: 'open' });
      expect(await refused('a20', 'withdraw', { amountFen: 100 })).toBe('withdraw.open_exists');
      expect(await stats('a20')).toMatchObject({ availableFen: 344, openWithdrawal: { id: withdrawal.id } });
      // Only the owner decides, and only once.
      expect(await refused('a20', 'decideWithdrawal', { withdrawalId: withdrawal.id, approve: true })).toBe(
        'auth.not_owner',
      );
      expect(await refused('b20', 'withdrawals')).toBe('auth.not_owner');
      const open = await ok(OWNER, 'withdrawals', { view: 'open' });
      expect(open.items.map((w: any) => w.id)).toContain(withdrawal.id);
      const decided = await ok(OWNER, 'decideWithdrawal', { withdrawalId: withdrawal.id, approve: true });
      expect(decided.withdrawal).toMatchObject({ status: 'approved', sharer: { shareCode: await codeOf('a20') } });
      expect(
        await refused(OWNER, 'decideWithdrawal', { withdrawalId: withdrawal.id, approve: false, reason: '重复处理' }),
      ).toBe('withdraw.already_decided');
      expect(await stats('a20')).toMatchObject({
        availableFen: 344,
        openWithdrawal: null,
        commission: { withdrawnFen: 1000, settledFen: 1344 },
      });
    },
  );

  test('someone without settled commission cannot withdraw; a rejected request returns the amount', async () => {
    expect(await refused('b21', 'withdraw', { amountFen: 100 })).toBe('withdraw.insufficient');
    const available = await settledFor('a21', 'b21');
    const { withdrawal } = await ok('a21', 'withdraw', { amountFen: available });
    expect(await refused(OWNER, 'decideWithdrawal', { withdrawalId: withdrawal.id, approve: false })).toBe(
      'withdraw.reason_required',
    );
    await ok(OWNER, 'decideWithdrawal', { withdrawalId: withdrawal.id, approve: false, reason: '信息不全' });
    expect(await stats('a21')).toMatchObject({ availableFen: available, commission: { withdrawnFen: 0 } });
    expect((await ok('a21', 'myWithdrawals')).items[0]).toMatchObject({ status: 'rejected', reason: '信息不全' });
  });

  test('concurrent withdrawal requests: one is open, the rest refused, the balance never goes below zero', async () => {
    const available = await settledFor('a22', 'b22');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => commission('a22', 'withdraw', { amountFen: available })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r: any) => r.error.code))).toEqual(
      new Set(['withdraw.open_exists']),
    );
    expect((await stats('a22')).availableFen).toBe(0);
  });
});

describe('visits', () => {
  test('visits alone never create money or points, and count visitors once per product and channel', async () => {
    for (let i = 0; i < 3; i++) await visit('v1', 's30');
    await visit('v2', 's30');
    await visit('v2', 's30', 'aksu-apple', 'moments');
    const mine = await stats('s30');
    expect(mine).toMatchObject({
      visits: 5,
      visitors: 2,
      orders: 0,
      gmvFen: 0,
      commission: { pendingFen: 0, settledFen: 0 },
    });
    expect(mine.rows.find((r: any) => r.channel === 'chat')).toMatchObject({ visits: 4, visitors: 2 });
    expect(mine.rows.find((r: any) => r.channel === 'moments')).toMatchObject({ visits: 1, visitors: 1 });
    expect((await shop.all('commissions')).filter((l) => l.sharerId === 'dev_s30')).toEqual([]);
    const visitors = ['dev_v1', 'dev_v2', 'dev_s30'];
    expect((await shop.all('points_ledger')).filter((e) => visitors.includes(e.userId))).toEqual([]);
    expect((await shop.all('points_accounts')).filter((a) => visitors.includes(a._id))).toEqual([]);
  });

  test('an anonymous Moments view counts as a view and binds nobody', async () => {
    const code = await codeOf('s31');
    const cloud = sdkFor(shop.emu);
    const { result } = await cloud.callFunction({
      name: 'commission',
      data: { action: 'recordVisit', productId: 'aksu-apple', s: code, c: 'moments' },
    });
    expect(result).toEqual({ ok: true, data: { bound: false, binding: null } });
    expect(await stats('s31')).toMatchObject({ visits: 1, visitors: 0 });
    expect((await shop.all('bindings')).filter((b) => b.sharerId === 'dev_s31')).toEqual([]);
  });

  test('hostile visits are refused with coded errors and change nothing', async () => {
    const code = await codeOf('s32');
    const before = await shop.all('sharer_stats');
    expect(await refused('v3', 'recordVisit', { productId: 'aksu-apple', s: 'ZZZZZZ', c: 'chat' })).toBe(
      'share.sharer_not_found',
    );
    expect(await refused('v3', 'recordVisit', { productId: 'nope', s: code, c: 'chat' })).toBe('product.not_found');
    expect(await refused('v3', 'recordVisit', { productId: 'aksu-apple', s: code, c: 'sms' })).toBe('input.invalid');
    expect(await refused('v3', 'recordVisit', { productId: 'aksu-apple', s: code, c: 'chat', openid: 'dev_s32' })).toBe(
      'input.invalid',
    );
    expect(await shop.all('sharer_stats')).toEqual(before);
    expect((await shop.all('bindings')).filter((b) => b.buyerId === 'dev_v3')).toEqual([]);
  });
});

describe('notes, posters and rates', () => {
  test('a sharer’s note appears to the friend who opens their link, and on their poster', async () => {
    await codeOf('s40');
    await ok('s40', 'setNote', { productId: 'qinling-honey', note: '  我家一直吃这个  ' });
    const seen = await shop.call('v40', 'shop', { action: 'getProduct', id: 'qinling-honey', s: await codeOf('s40') });
    expect(seen.data.trust).toMatchObject({ note: '我家一直吃这个', sharer: { shareCode: await codeOf('s40') } });
    const own = await shop.call('s40', 'shop', { action: 'getProduct', id: 'qinling-honey' });
    expect(own.data.myNote).toBe('我家一直吃这个');
    const poster = await ok('s40', 'poster', { productId: 'qinling-honey' });
    expect(poster).toMatchObject({
      scene: `p=qinling-honey&s=${await codeOf('s40')}`,
      note: '我家一直吃这个',
      product: { priceFen: 6800 },
    });
    expect(poster.code).toMatch(/^data:image\/png;base64,/);
    expect(poster.scene.length).toBeLessThanOrEqual(32);
    expect(await refused('s40', 'setNote', { productId: 'qinling-honey', note: 'x'.repeat(61) })).toBe('input.invalid');
  });

  test('rates: only the owner changes them, and a change applies to new orders only', async () => {
    expect(await refused('s41', 'setRate', { rateBp: 900 })).toBe('auth.not_owner');
    expect(await refused(OWNER, 'setRate', { rateBp: 5001 })).toBe('input.invalid');
    await visit('b41', 's41');
    const before = await paidThrough('b41', [APPLE]);
    const table = await ok(OWNER, 'setRate', { productId: 'aksu-apple', rateBp: 1200 });
    expect(table.products.find((p: any) => p.id === 'aksu-apple').rateBp).toBe(1200);
    const after = await paidThrough('b41', [APPLE]);
    expect((await linesOf(before.id))[0].amountFen).toBe(199);
    expect((await linesOf(after.id))[0]).toMatchObject({ rateBp: 1200, amountFen: 478 });
    await ok(OWNER, 'setRate', { productId: 'aksu-apple', rateBp: null });
    expect((await ok(OWNER, 'rates')).products.find((p: any) => p.id === 'aksu-apple').rateBp).toBeNull();
  });

  test('the owner ranks sharers by paid amount with orders, buyers and commission', async () => {
    await visit('b42', 's42');
    await visit('c42', 's42');
    await paidThrough('b42', [APPLE]);
    await paidThrough('b42', [GOJI]);
    await paidThrough('c42', [APPLE]);
    expect(await refused('s42', 'sharers')).toBe('auth.not_owner');
    const ranked = await ok(OWNER, 'sharers', { limit: 50 });
    const gmv = ranked.items.map((r: any) => r.gmvFen);
    expect(gmv).toEqual([...gmv].sort((a, b) => b - a));
    const code = await codeOf('s42');
    expect(ranked.items.find((r: any) => r.shareCode === code)).toMatchObject({
      orders: 3,
      buyers: 2,
      gmvFen: 3990 * 2 + 4580,
      commissionFen: 199 * 2 + 229,
    });
  });
});
