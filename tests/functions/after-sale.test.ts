// After-sale cases (售后) through the emulator with the real SDK: every transition of the case table and each
// automatic one (the clock moved), the amounts at their bounds, one open case per order, races on one case,
// hostile input, and the ledgers after partial and full refunds (stock + held = initial after every test; the
// sharer's counters and the members' points equal their ledgers).
import { post } from '../emulator/harness';
import { checkCountersAgainstLedger, checkPointsAgainstLedger } from './ledgers';
import { DAY, MINUTE, OWNER, line, settleAll, useShop } from './order-kit';

const shop = useShop();

afterEach(async () => {
  await checkCountersAgainstLedger(shop);
  await checkPointsAgainstLedger(shop);
});

const APPLE = line('aksu-apple', 'aksu-apple-1'); // ¥39.90; shipping ¥10 below ¥99
const PUER = line('puer357', 'puer357-1'); // ¥168.00, free shipping
const RETURN_TO = {
  name: '王店长',
  phone: '13800000000',
  region: '浙江省 杭州市 西湖区',
  detail: '文三路 1 号 友荐仓',
};

/** A refund-only case's input for one apple of `orderId` (¥1.00 asked), with `over` on top. */
const oneApple = (orderId: string, over: Record<string, unknown> = {}) => ({
  orderId,
  type: 'refund_only',
  lines: [{ skuId: APPLE.skuId, qty: 1 }],
  refundFen: 100,
  reason: '质量问题',
  ...over,
});

const history = (c: { history: Array<{ by: string; label: string }> }) => c.history.map((h) => `${h.by}:${h.label}`);

describe('refund only', () => {
  test('before shipping: everything, shipping included; approved; WeChat Pay confirms; stock returns', async () => {
    const order = await shop.paid('alice', [{ ...APPLE, qty: 2 }]);
    expect(order.amounts.payableFen).toBe(2 * 3990 + 1000);
    const lines = [{ skuId: APPLE.skuId, qty: 2 }];
    const quote = await shop.ok('alice', 'quoteAfterSale', { orderId: order.id, lines });
    expect(quote).toMatchObject({ maxFen: 8980, includesShipping: true, returnAllowed: false });
    const stockBefore = await shop.stock(APPLE.productId, APPLE.skuId);

    const opened = await shop.applyCase('alice', order.id);
    expect(opened).toMatchObject({ status: 'requested', refundFen: 8980, type: 'refund_only', commands: ['cancel'] });
    expect(opened.deadline).toBeDefined();
    expect((await shop.get('alice', order.id)).commands).not.toContain('applyAfterSale');
    // The owner cannot ship while the case is open.
    expect(await shop.refused(OWNER, 'ship', { orderId: order.id, courier: 'SF', trackingNo: 'SF12345678' })).toBe(
      'order.after_sale_open',
    );

    const approved = await shop.decideCase(opened.id, true);
    expect(approved.status).toBe('refunding');
    expect(approved.outRefundNo).toBe(`${opened.id}R`);
    const { refunds } = await shop.payments();
    expect(refunds.filter((r) => r.outRefundNo === approved.outRefundNo)).toHaveLength(1);

    // WeChat Pay confirms, its callback delivered twice: recorded once.
    const { answers } = await shop.simulateRefund(approved.outRefundNo as string, { deliveries: 2 });
    expect(answers.map((a) => a.errcode)).toEqual([0, 0]);
    const done = (await shop.ok('alice', 'afterSale', { afterSaleId: opened.id })).afterSale;
    expect(done.status).toBe('refunded');
    expect(history(done)).toEqual(['buyer:申请仅退款', 'owner:商家同意退款', 'system:退款成功']);
    const refunded = await shop.get('alice', order.id);
    expect(refunded).toMatchObject({ status: 'refunded', refundedFen: 8980 });
    expect(refunded.afterSales.map((c) => [c.id, c.status])).toEqual([[opened.id, 'refunded']]);
    expect(await shop.stock(APPLE.productId, APPLE.skuId)).toBe(stockBefore + 2);
  });

  test('before shipping, some units: the whole of what they paid, their stock back; the rest still ships', async () => {
    const order = await shop.paid('bob', [{ ...APPLE, qty: 2 }, PUER]);
    const lines = [{ skuId: APPLE.skuId, qty: 1 }];
    const { maxFen } = await shop.ok('bob', 'quoteAfterSale', { orderId: order.id, lines });
    expect(maxFen).toBe(3990);
    // Goods that never left are refunded whole: less is refused.
    expect(
      await shop.refused('bob', 'applyAfterSale', {
        orderId: order.id,
        type: 'refund_only',
        lines,
        refundFen: maxFen - 1,
        reason: '不想要了',
      }),
    ).toBe('afterSale.amount_invalid');
    const before = await shop.stock(APPLE.productId, APPLE.skuId);
    const opened = await shop.applyCase('bob', order.id, { lines });
    await shop.refundCase(await shop.decideCase(opened.id, true));
    expect(await shop.stock(APPLE.productId, APPLE.skuId)).toBe(before + 1);
    const after = await shop.get('bob', order.id);
    expect(after).toMatchObject({ status: 'paid', refundedFen: 3990 });
    const shipped = await shop.ship(order.id);
    expect(shipped.status).toBe('shipped');
    // One apple left to ask for, at most what it paid.
    const quote = await shop.ok('bob', 'quoteAfterSale', {
      orderId: order.id,
      lines: [{ skuId: APPLE.skuId, qty: 1 }],
    });
    expect(quote).toMatchObject({ maxFen: 3990, includesShipping: false, returnAllowed: true });
    expect(
      await shop.refused('bob', 'quoteAfterSale', { orderId: order.id, lines: [{ skuId: APPLE.skuId, qty: 2 }] }),
    ).toBe('afterSale.lines_invalid');
  });

  test('shipped: goods of the units at most (shipping stays); one past refused; partial keeps the order', async () => {
    const order = await shop.shipped('carol', [{ ...APPLE, qty: 2 }]);
    const lines = [{ skuId: APPLE.skuId, qty: 2 }];
    const { maxFen, includesShipping } = await shop.ok('carol', 'quoteAfterSale', { orderId: order.id, lines });
    expect([maxFen, includesShipping]).toEqual([7980, false]);
    const input = { orderId: order.id, type: 'refund_only', lines, reason: '质量问题' };
    const state = await shop.state();
    expect(await shop.refused('carol', 'applyAfterSale', { ...input, refundFen: maxFen + 1 })).toBe(
      'afterSale.amount_invalid',
    );
    expect(await shop.state()).toEqual(state);
    // A partial refund (compensation for one damaged apple) for less than it paid.
    const opened = await shop.applyCase('carol', order.id, {
      lines: [{ skuId: APPLE.skuId, qty: 1 }],
      refundFen: 1500,
    });
    const stockBefore = await shop.stock(APPLE.productId, APPLE.skuId);
    await shop.refundCase(await shop.decideCase(opened.id, true));
    const after = await shop.get('carol', order.id);
    expect(after).toMatchObject({ status: 'shipped', refundedFen: 1500 });
    // The goods stayed with the buyer: no stock comes back.
    expect(await shop.stock(APPLE.productId, APPLE.skuId)).toBe(stockBefore);
    expect(after.commands).toContain('applyAfterSale');
  });
});

describe('return then refund', () => {
  test('approved with the address, shipped back, received: refunded, the returned unit back in stock', async () => {
    const order = await shop.shipped('dave', [{ ...APPLE, qty: 2 }]);
    const opened = await shop.applyCase('dave', order.id, {
      type: 'return_refund',
      lines: [{ skuId: APPLE.skuId, qty: 1 }],
    });
    expect(opened.refundFen).toBe(3990);
    expect(await shop.refused(OWNER, 'decideAfterSale', { afterSaleId: opened.id, approve: true })).toBe(
      'afterSale.address_required',
    );
    const approved = await shop.decideCase(opened.id, true, { returnAddress: RETURN_TO });
    expect(approved).toMatchObject({ status: 'awaiting_return', returnAddress: RETURN_TO, deadlineAction: 'close' });
    // Before the goods come back, the owner cannot confirm them.
    expect(await shop.refused(OWNER, 'receiveReturn', { afterSaleId: opened.id })).toBe('afterSale.invalid_transition');
    const back = (
      await shop.ok('dave', 'shipReturn', { afterSaleId: opened.id, carrier: '中通快递', trackingNo: 'ZT1234567890' })
    ).afterSale;
    expect(back).toMatchObject({
      status: 'returning',
      returnShipping: { carrier: '中通快递', trackingNo: 'ZT1234567890' },
    });
    // Shipped back: the buyer can no longer cancel.
    expect(await shop.refused('dave', 'cancelAfterSale', { afterSaleId: opened.id })).toBe(
      'afterSale.invalid_transition',
    );
    const stockBefore = await shop.stock(APPLE.productId, APPLE.skuId);
    const received = (await shop.ok(OWNER, 'receiveReturn', { afterSaleId: opened.id })).afterSale;
    expect(received.status).toBe('refunding');
    await shop.refundCase(received);
    const done = (await shop.ok('dave', 'afterSale', { afterSaleId: opened.id })).afterSale;
    expect(history(done)).toEqual([
      'buyer:申请退货退款',
      'owner:商家同意退货',
      'buyer:买家已寄回',
      'owner:商家确认收到退货',
      'system:退款成功',
    ]);
    expect(await shop.stock(APPLE.productId, APPLE.skuId)).toBe(stockBefore + 1);
    expect(await shop.get('dave', order.id)).toMatchObject({ status: 'shipped', refundedFen: 3990 });
  });

  test('only after shipping', async () => {
    const order = await shop.paid('erin', [APPLE]);
    expect(
      await shop.refused('erin', 'applyAfterSale', {
        orderId: order.id,
        type: 'return_refund',
        lines: [{ skuId: APPLE.skuId, qty: 1 }],
        refundFen: 100,
        reason: '质量问题',
      }),
    ).toBe('afterSale.return_not_shipped');
  });

  test("the return address defaults to 店铺设置's", async () => {
    await shop.db
      .collection('settings')
      .doc('shop')
      .update({ data: { returnAddress: RETURN_TO } });
    try {
      const order = await shop.shipped('fay', [APPLE]);
      const opened = await shop.applyCase('fay', order.id, { type: 'return_refund' });
      expect((await shop.decideCase(opened.id, true)).returnAddress).toEqual(RETURN_TO);
    } finally {
      await shop.db
        .collection('settings')
        .doc('shop')
        .update({ data: { returnAddress: shop.db.command.remove() } });
    }
  });
});

describe('rejected, reopened once, cancelled', () => {
  test('a rejection gives the reason; the buyer asks again once; rejected again it stays rejected', async () => {
    const order = await shop.shipped('gina', [APPLE]);
    const opened = await shop.applyCase('gina', order.id);
    expect(await shop.refused(OWNER, 'decideAfterSale', { afterSaleId: opened.id, approve: false })).toBe(
      'afterSale.reason_required',
    );
    const rejected = await shop.decideCase(opened.id, false);
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '商品完好，不符合退款条件' });
    expect((await shop.ok('gina', 'afterSale', { afterSaleId: opened.id })).afterSale.commands).toEqual(['reopen']);
    // Rejected frees the order, but the case is the one to ask again: not a new case for the same claim.
    expect((await shop.get('gina', order.id)).commands).not.toContain('applyAfterSale');
    const anew = oneApple(order.id);
    expect(await shop.refused('gina', 'applyAfterSale', anew)).toBe('afterSale.reopen_instead');
    const again = (
      await shop.ok('gina', 'reopenAfterSale', { afterSaleId: opened.id, description: '收到时外箱已破损，见照片' })
    ).afterSale;
    expect(again).toMatchObject({ status: 'requested', reopened: true, description: '收到时外箱已破损，见照片' });
    // Asked again, it is the order's open case once more.
    expect((await shop.orderDoc(order.id)).openAfterSale).toBe(opened.id);
    expect(await shop.refused('gina', 'applyAfterSale', anew)).toBe('afterSale.open_exists');
    await shop.decideCase(opened.id, false);
    expect(await shop.refused('gina', 'reopenAfterSale', { afterSaleId: opened.id, description: '再试一次' })).toBe(
      'afterSale.reopen_used',
    );
    const last = (await shop.ok('gina', 'afterSale', { afterSaleId: opened.id })).afterSale;
    expect(last.status).toBe('rejected');
    expect(history(last)).toEqual(['buyer:申请仅退款', 'owner:商家拒绝', 'buyer:买家再次申请', 'owner:商家拒绝']);
    // Rejected for good: the order is free again (a later, different claim is a new case).
    const stored = await shop.orderDoc(order.id);
    expect([stored.openAfterSale, stored.reopenableAfterSale]).toEqual([undefined, undefined]);
  });

  test('the buyer cancels while requested or awaiting the return; the order then takes a new case', async () => {
    const order = await shop.shipped('hank', [{ ...APPLE, qty: 2 }]);
    const first = await shop.applyCase('hank', order.id, { lines: [{ skuId: APPLE.skuId, qty: 1 }] });
    expect((await shop.ok('hank', 'cancelAfterSale', { afterSaleId: first.id })).afterSale.status).toBe('cancelled');
    const second = await shop.applyCase('hank', order.id, {
      type: 'return_refund',
      lines: [{ skuId: APPLE.skuId, qty: 1 }],
    });
    expect(second.id).toBe(`${order.id}S2`);
    await shop.decideCase(second.id, true, { returnAddress: RETURN_TO });
    expect((await shop.ok('hank', 'cancelAfterSale', { afterSaleId: second.id })).afterSale.status).toBe('cancelled');
    expect((await shop.orderDoc(order.id)).openAfterSale).toBeUndefined();
    const list = await shop.ok('hank', 'afterSales', {});
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([second.id, first.id]);
  });
});

describe('buyer protection on the clock', () => {
  test('an unanswered request is approved after 2 days by the system, not a minute before', async () => {
    const order = await shop.shipped('ivan', [APPLE]);
    const opened = await shop.applyCase('ivan', order.id);
    await shop.advance(2 * DAY - MINUTE);
    await shop.runScheduler();
    expect((await shop.caseDoc(opened.id)).status).toBe('requested');
    await shop.advance(2 * MINUTE);
    await shop.runScheduler();
    const auto = (await shop.ok('ivan', 'afterSale', { afterSaleId: opened.id })).afterSale;
    expect(auto.status).toBe('refunding');
    expect(auto.history.at(-1)).toMatchObject({ by: 'system', label: '商家超时未处理，系统自动同意退款' });
    await shop.refundCase(auto);
    expect((await shop.caseDoc(opened.id)).status).toBe('refunded');
  });

  test('a return: approved automatically, closed when not shipped back in 7 days', async () => {
    const order = await shop.shipped('jack', [APPLE]);
    const opened = await shop.applyCase('jack', order.id, { type: 'return_refund' });
    await shop.advance(2 * DAY + MINUTE);
    await shop.runScheduler();
    const approved = await shop.caseDoc(opened.id);
    expect(approved.status).toBe('awaiting_return');
    // No return address in 店铺设置 here: the buyer is told to ask the shop for it.
    expect(approved.history.at(-1)).toMatchObject({
      by: 'system',
      label: '商家超时未处理，系统自动同意退货',
      text: '店铺尚未设置退货地址，请联系客服获取后寄回',
    });
    await shop.advance(7 * DAY + MINUTE);
    await shop.runScheduler();
    const closed = (await shop.ok('jack', 'afterSale', { afterSaleId: opened.id })).afterSale;
    expect(closed.status).toBe('closed');
    expect(closed.history.at(-1)).toMatchObject({ by: 'system', label: '买家超时未寄回，售后关闭' });
    expect((await shop.orderDoc(order.id)).openAfterSale).toBeUndefined();
  });

  test('goods shipped back and not confirmed in 10 days are received: refunded, stock back', async () => {
    const order = await shop.shipped('kate', [APPLE]);
    const opened = await shop.applyCase('kate', order.id, { type: 'return_refund' });
    await shop.decideCase(opened.id, true, { returnAddress: RETURN_TO });
    await shop.ok('kate', 'shipReturn', { afterSaleId: opened.id, carrier: '顺丰速运', trackingNo: 'SF9876543210' });
    const before = await shop.stock(APPLE.productId, APPLE.skuId);
    await shop.advance(10 * DAY + MINUTE);
    await shop.runScheduler();
    const auto = (await shop.ok('kate', 'afterSale', { afterSaleId: opened.id })).afterSale;
    expect(auto.status).toBe('refunding');
    expect(auto.history.at(-1)).toMatchObject({ by: 'system', label: '商家超时未确认收货，系统自动确认收到退货' });
    await shop.refundCase(auto);
    expect(await shop.stock(APPLE.productId, APPLE.skuId)).toBe(before + 1);
    // Every unit's goods came back: the order is refunded in full, its shipping staying paid.
    expect(await shop.get('kate', order.id)).toMatchObject({ status: 'refunded', refundedFen: 3990 });
  });
});

describe('asking WeChat Pay again', () => {
  test('an unconfirmed refund is asked again under its number, at most 6 times, never paid twice', async () => {
    const order = await shop.shipped('yara', [APPLE]);
    const approved = await shop.decideCase((await shop.applyCase('yara', order.id)).id, true);
    expect((await shop.caseDoc(approved.id)).refundAsks).toBe(1);
    for (let i = 0; i < 8; i++) {
      await shop.advance(11 * MINUTE);
      await shop.runScheduler();
    }
    expect((await shop.caseDoc(approved.id)).refundAsks).toBe(6);
    const { refunds } = await shop.payments();
    expect(refunds.filter((r) => r.outTradeNo === order.id).map((r) => r.outRefundNo)).toEqual([approved.outRefundNo]);
    await shop.refundCase(approved);
    expect(await shop.get('yara', order.id)).toMatchObject({ refundedFen: approved.refundFen });
  });
});

describe('auto-confirm waits for an open case', () => {
  test('a shipped order with a case open is not confirmed on the clock; once the case ends it is', async () => {
    const order = await shop.shipped('zoe', [{ ...APPLE, qty: 2 }]);
    const opened = await shop.applyCase('zoe', order.id, { lines: [{ skuId: APPLE.skuId, qty: 1 }] });
    await shop.decideCase(opened.id, true);
    await shop.advance(10 * DAY + MINUTE);
    await shop.runScheduler();
    // Past its auto-confirm time, but the refund is still on its way.
    expect((await shop.orderDoc(order.id)).status).toBe('shipped');
    await shop.refundCase(await shop.caseDoc(opened.id));
    await shop.runScheduler();
    expect(await shop.get('zoe', order.id)).toMatchObject({ status: 'completed', refundedFen: 3990 });
  });
});

describe('one case at a time, races', () => {
  test('two cases on one order at once: exactly one opens', async () => {
    const order = await shop.shipped('liam', [{ ...APPLE, qty: 2 }]);
    const input = (qty: number) => ({
      orderId: order.id,
      type: 'refund_only',
      lines: [{ skuId: APPLE.skuId, qty }],
      refundFen: 100,
      reason: '质量问题',
    });
    const results = await settleAll([
      shop.order('liam', 'applyAfterSale', input(1)),
      shop.order('liam', 'applyAfterSale', input(2)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['afterSale.open_exists']);
    expect(await shop.refused('liam', 'applyAfterSale', input(1))).toBe('afterSale.open_exists');
    const cases = await shop.all('after_sales');
    expect(cases.filter((c) => c.orderId === order.id)).toHaveLength(1);
  });

  test('ship and a case for everything at once: never shipped with a case open, nor shipped goods whole', async () => {
    for (let round = 0; round < 3; round++) {
      const order = await shop.paid('nick', [APPLE]);
      const lines = [{ skuId: APPLE.skuId, qty: 1 }];
      const { maxFen } = await shop.ok('nick', 'quoteAfterSale', { orderId: order.id, lines });
      const [applied, shipped] = await settleAll([
        shop.order('nick', 'applyAfterSale', {
          orderId: order.id,
          type: 'refund_only',
          lines,
          refundFen: maxFen,
          reason: '不想要了',
        }),
        shop.order(OWNER, 'ship', { orderId: order.id, courier: 'SF', trackingNo: `SF${round}2345678` }),
      ]);
      const stored = await shop.orderDoc(order.id);
      // Exactly one: the case was opened on the unshipped order (the ship refused), or the goods left first (the
      // case, priced with shipping for an unshipped order, no longer fits and is refused).
      expect([applied.ok, shipped.ok].filter(Boolean)).toHaveLength(1);
      if (applied.ok) {
        expect([stored.status, stored.openAfterSale]).toEqual(['paid', applied.data.afterSale.id]);
        expect(!shipped.ok && shipped.error.code).toMatch(/^order\.(after_sale_open|invalid_transition)$/);
        await shop.ok('nick', 'cancelAfterSale', { afterSaleId: applied.data.afterSale.id });
      } else {
        expect([stored.status, stored.openAfterSale]).toEqual(['shipped', undefined]);
        expect(applied.error.code).toBe('afterSale.amount_invalid');
      }
    }
  });

  test('approve, cancel and the timeout on one case at once: exactly one wins', async () => {
    for (let round = 0; round < 3; round++) {
      const order = await shop.shipped('mia', [APPLE]);
      const opened = await shop.applyCase('mia', order.id);
      // The deadline written into the past: moving the clock would fire the scheduler's timer before the race.
      await shop.db
        .collection('after_sales')
        .doc(opened.id)
        .update({ data: { deadline: new Date((await shop.now()).getTime() - MINUTE) } });
      const [[approve, cancel]] = await Promise.all([
        settleAll([
          shop.order(OWNER, 'decideAfterSale', { afterSaleId: opened.id, approve: true }),
          shop.order('mia', 'cancelAfterSale', { afterSaleId: opened.id }),
        ]),
        shop.runScheduler(),
      ]);
      const stored = await shop.caseDoc(opened.id);
      const moves = stored.history.slice(1).map((h: { label: string }) => h.label);
      expect(moves).toHaveLength(1);
      expect(['refunding', 'cancelled']).toContain(stored.status);
      if (approve.ok) expect(moves).toEqual(['商家同意退款']);
      if (cancel.ok) expect(moves).toEqual(['买家撤销申请']);
      if (!approve.ok && !cancel.ok) expect(moves).toEqual(['商家超时未处理，系统自动同意退款']);
      for (const r of [approve, cancel]) if (!r.ok) expect(r.error.code).toBe('afterSale.invalid_transition');
      const { refunds } = await shop.payments();
      expect(refunds.filter((r) => r.outRefundNo === `${opened.id}R`)).toHaveLength(
        stored.status === 'refunding' ? 1 : 0,
      );
      if (stored.status === 'refunding') await shop.refundCase(stored);
    }
  });
});

describe('commission and points reverse pro rata, once', () => {
  test('alice brought bob; he used points; one of two units returned, then the other: ledgers follow', async () => {
    const code = (await shop.call('alice', 'shop', { action: 'session' })).data.user.shareCode;
    await shop.call('bob2', 'commission', { action: 'recordVisit', productId: 'puer357', s: code, c: 'chat' });
    await shop.call('bob2', 'points', { action: 'join' });
    const created = await shop.create('bob2', [{ ...PUER, qty: 2 }], { pointsToUse: 100 });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const { outTradeNo } = await shop.startPay('bob2', created.data.order.id);
    await shop.simulatePay(outTradeNo);
    const orderId = created.data.order.id;
    await shop.ship(orderId);
    const paid = (await shop.orderDoc(orderId)).paidFen;
    expect(paid).toBe(2 * 16800 - 100);
    const lines = async () => (await shop.db.collection('commissions').where({ orderId }).get()).data;
    const [line0] = await lines();
    expect(line0.status).toBe('pending');
    const pointsBefore = (await shop.db.collection('points_accounts').doc('dev_bob2').get()).data.available;

    const first = await shop.applyCase('bob2', orderId, {
      type: 'return_refund',
      lines: [{ skuId: PUER.skuId, qty: 1 }],
    });
    expect(first.refundFen).toBe(16750);
    await shop.decideCase(first.id, true, { returnAddress: RETURN_TO });
    await shop.ok('bob2', 'shipReturn', { afterSaleId: first.id, carrier: '顺丰速运', trackingNo: 'SF1111111111' });
    await shop.refundCase((await shop.ok(OWNER, 'receiveReturn', { afterSaleId: first.id })).afterSale);
    const [half] = await lines();
    // The sharer keeps floor(amount × kept / paid); the line stays pending for the rest.
    const kept = Math.floor((line0.amountFen * (paid - 16750)) / paid);
    expect(half).toMatchObject({ status: 'pending', reversedFen: line0.amountFen - kept });
    const mid = (await shop.db.collection('points_accounts').doc('dev_bob2').get()).data.available;
    expect(mid - pointsBefore).toBe(Math.floor((100 * 16750) / paid));
    expect((await shop.get('bob2', orderId)).status).toBe('shipped');

    const second = await shop.applyCase('bob2', orderId, { type: 'return_refund' });
    expect(second.refundFen).toBe(paid - 16750);
    await shop.decideCase(second.id, true, { returnAddress: RETURN_TO });
    await shop.ok('bob2', 'shipReturn', { afterSaleId: second.id, carrier: '顺丰速运', trackingNo: 'SF2222222222' });
    const last = (await shop.ok(OWNER, 'receiveReturn', { afterSaleId: second.id })).afterSale;
    // Its callback delivered three times: recorded once.
    await shop.simulateRefund(last.outRefundNo, { deliveries: 3 });
    const end = await shop.get('bob2', orderId);
    expect(end).toMatchObject({ status: 'refunded', refundedFen: paid });
    const [gone] = await lines();
    expect(gone).toMatchObject({ status: 'reversed', reversedFen: line0.amountFen });
    const after = (await shop.db.collection('points_accounts').doc('dev_bob2').get()).data.available;
    expect(after - pointsBefore).toBe(100);
    // Nothing moves twice: the scheduler's sweeps find nothing left to do.
    await shop.runScheduler();
    expect((await shop.db.collection('points_accounts').doc('dev_bob2').get()).data.available - pointsBefore).toBe(100);
    expect((await lines())[0].reversedFen).toBe(line0.amountFen);
  });

  test('a completed order partly refunded earns points only on what was kept', async () => {
    const order = await shop.completed('nora', [{ ...PUER, qty: 2 }]);
    const ledger = async () => (await shop.db.collection('points_ledger').where({ orderId: order.id }).get()).data;
    const earn = (await ledger()).find((e: { kind: string }) => e.kind === 'earn');
    expect(earn.pending).toBe(336);
    const opened = await shop.applyCase('nora', order.id, { lines: [{ skuId: PUER.skuId, qty: 1 }] });
    await shop.refundCase(await shop.decideCase(opened.id, true));
    const cut = (await ledger()).find((e: { _id: string }) => e._id === `${order.id}:cut:${opened.id}`);
    expect(cut.pending).toBe(-168);
    // The window closes: what is left becomes spendable.
    await shop.advance(7 * DAY + MINUTE);
    await shop.runScheduler();
    const spendable = (await ledger()).find((e: { kind: string }) => e.kind === 'spendable');
    expect(spendable.available).toBe(168);
  });

  test('settling waits while a case is open past the window', async () => {
    const order = await shop.completed('olga', [PUER]);
    await shop.advance(7 * DAY - MINUTE);
    const opened = await shop.applyCase('olga', order.id);
    await shop.advance(2 * MINUTE);
    await shop.runScheduler();
    expect((await shop.orderDoc(order.id)).pointsEarn).toBe('pending');
    await shop.refundCase(await shop.decideCase(opened.id, true));
    await shop.runScheduler();
    const stored = await shop.orderDoc(order.id);
    expect(stored.status).toBe('refunded');
    expect(stored.pointsEarn).toBe('closed');
    const earned = (await shop.db.collection('points_ledger').where({ orderId: order.id }).get()).data;
    expect(earned.filter((e: { kind: string }) => e.kind === 'spendable')).toEqual([]);
  });
});

describe('hostile input', () => {
  test("someone else's order or case reads like none; a buyer cannot run the owner's steps", async () => {
    const order = await shop.shipped('pete', [APPLE]);
    const input = oneApple(order.id);
    expect(await shop.refused('quin', 'applyAfterSale', input)).toBe('order.not_found');
    expect(await shop.refused('quin', 'quoteAfterSale', { orderId: order.id, lines: input.lines })).toBe(
      'order.not_found',
    );
    const opened = await shop.applyCase('pete', order.id);
    const state = await shop.state();
    expect(await shop.refused('quin', 'afterSale', { afterSaleId: opened.id })).toBe('afterSale.not_found');
    expect(await shop.refused('quin', 'cancelAfterSale', { afterSaleId: opened.id })).toBe('afterSale.not_found');
    expect(await shop.refused('pete', 'decideAfterSale', { afterSaleId: opened.id, approve: true })).toBe(
      'auth.not_owner',
    );
    expect(await shop.refused('pete', 'receiveReturn', { afterSaleId: opened.id })).toBe('auth.not_owner');
    expect(await shop.refused(OWNER, 'decideAfterSale', { afterSaleId: `${order.id}S9`, approve: true })).toBe(
      'afterSale.not_found',
    );
    expect(
      await shop.refused('pete', 'shipReturn', {
        afterSaleId: opened.id,
        carrier: '顺丰速运',
        trackingNo: 'SF1234567',
      }),
    ).toBe('afterSale.invalid_transition');
    expect(await shop.state()).toEqual(state);
    expect((await shop.caseDoc(opened.id)).status).toBe('requested');
  });

  test("photos: only the buyer's own finished uploads; a bad one stores nothing", async () => {
    const order = await shop.shipped('rita', [APPLE]);
    const input = oneApple(order.id, { reason: '商品破损' });
    const others = await shop.upload('sam', { folder: 'aftersales' });
    const reviewFolder = await shop.upload('rita', { folder: 'reviews' });
    const own = await shop.upload('rita', { folder: 'aftersales' });
    const neverStored = own.replace(/[^/]+$/, 'never-uploaded.png');
    for (const photo of [others, reviewFolder]) {
      expect(await shop.refused('rita', 'applyAfterSale', { ...input, photos: [photo] })).toBe('photo.not_yours');
    }
    expect(await shop.refused('rita', 'applyAfterSale', { ...input, photos: [neverStored] })).toBe('upload.failed');
    expect((await shop.all('after_sales')).filter((c) => c.orderId === order.id)).toEqual([]);
    const opened = await shop.applyCase('rita', order.id, { photos: [own], refundFen: 100, lines: input.lines });
    expect(opened.photos).toHaveLength(1);
    expect(opened.history[0].photos).toHaveLength(1);
  });

  test('evidence photos reach the owner once content security passed them; risky words store nothing', async () => {
    const security = async (rules: object) => expect((await post(shop.emu, '/__dev/security', rules)).status).toBe(200);
    const flush = async () => (await post(shop.emu, '/__dev/security/flush', {})).json.results;
    await flush();
    const order = await shop.shipped('ruth', [APPLE]);
    const good = await shop.upload('ruth', { folder: 'aftersales' });
    const bad = await shop.upload('ruth', { folder: 'aftersales' });
    await security({ riskyFiles: [bad], riskyWords: ['骗子'] });
    try {
      const lines = [{ skuId: APPLE.skuId, qty: 1 }];
      const input = oneApple(order.id);
      expect(await shop.refused('ruth', 'applyAfterSale', { ...input, description: '店家是骗子' })).toBe(
        'content.risky',
      );
      expect((await shop.all('after_sales')).filter((c) => c.orderId === order.id)).toEqual([]);
      const opened = await shop.applyCase('ruth', order.id, { photos: [good, bad], refundFen: 100, lines });
      expect(opened.photos).toHaveLength(2); // the buyer sees their own
      const waiting = (await shop.ok(OWNER, 'afterSale', { afterSaleId: opened.id })).afterSale;
      expect([waiting.photos, waiting.pendingPhotos]).toEqual([[], 2]);
      expect(await flush()).toHaveLength(2);
      const checked = (await shop.ok(OWNER, 'afterSale', { afterSaleId: opened.id })).afterSale;
      expect([checked.photos.length, checked.pendingPhotos, checked.rejectedPhotos]).toEqual([1, undefined, 1]);
      expect(checked.history[0].photos).toHaveLength(1);
    } finally {
      await security({ riskyFiles: [], riskyWords: [] });
    }
  });

  test('wrong types, foreign lines, huge numbers, 10 KB strings: a coded refusal, nothing stored', async () => {
    const order = await shop.shipped('tom', [APPLE]);
    const base = oneApple(order.id);
    const state = await shop.state();
    for (const bad of [
      { ...base, refundFen: '100' },
      { ...base, refundFen: -1 },
      { ...base, refundFen: 1e12 },
      { ...base, type: 'exchange' },
      { ...base, lines: [{ skuId: APPLE.skuId, qty: 1.5 }] },
      { ...base, reason: 'x'.repeat(10_240) },
      { ...base, description: 'x'.repeat(10_240) },
      { ...base, orderId: { $ne: '' } },
      { ...base, openid: 'dev_someone' },
    ]) {
      expect(await shop.refused('tom', 'applyAfterSale', bad)).toBe('input.invalid');
    }
    expect(await shop.refused('tom', 'applyAfterSale', { ...base, lines: [{ skuId: 'not-in-order', qty: 1 }] })).toBe(
      'afterSale.lines_invalid',
    );
    expect(await shop.refused('tom', 'applyAfterSale', { ...base, lines: [{ skuId: APPLE.skuId, qty: 2 }] })).toBe(
      'afterSale.lines_invalid',
    );
    expect(await shop.state()).toEqual(state);
  });

  test('a refund callback with a wrong amount is refused and records nothing; the true one then does', async () => {
    const order = await shop.shipped('uma', [APPLE]);
    const opened = await shop.applyCase('uma', order.id);
    const approved = await shop.decideCase(opened.id, true);
    const { refunds } = await shop.payments();
    expect(refunds.find((r) => r.outRefundNo === approved.outRefundNo).refundFee).toBe(approved.refundFen);
    const state = await shop.state();
    for (const refundFee of [approved.refundFen - 1, approved.refundFen + 1]) {
      const { answers } = await shop.simulateRefund(approved.outRefundNo as string, { refundFee });
      expect(answers[0].errcode).not.toBe(0);
    }
    expect((await shop.state()).orders).toEqual(state.orders);
    expect((await shop.caseDoc(opened.id)).status).toBe('refunding');
    await shop.refundCase(approved);
    expect(await shop.get('uma', order.id)).toMatchObject({ refundedFen: approved.refundFen });
  });

  test('the after-sale window: a completed order takes a case until 7 days after completion', async () => {
    const order = await shop.completed('vic', [APPLE]);
    await shop.advance(7 * DAY + MINUTE);
    const input = oneApple(order.id);
    expect(await shop.refused('vic', 'applyAfterSale', input)).toBe('afterSale.window_closed');
    expect((await shop.get('vic', order.id)).commands).not.toContain('applyAfterSale');
  });
});

describe("the owner's desk", () => {
  test('open cases, oldest deadline first, with counts; the summary counts those waiting for the owner', async () => {
    const before = (await shop.ok(OWNER, 'ownerAfterSales', {})).counts;
    const a = await shop.shipped('wes', [APPLE]);
    const first = await shop.applyCase('wes', a.id);
    await shop.advance(MINUTE);
    const b = await shop.shipped('xia', [APPLE]);
    const second = await shop.applyCase('xia', b.id);
    const desk = await shop.ok(OWNER, 'ownerAfterSales', { status: 'requested' });
    const ids = desk.items.map((c: { id: string }) => c.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(desk.counts.requested).toBe((before.requested ?? 0) + 2);
    const summary = await shop.ok(OWNER, 'summary', {});
    expect(summary.refundsWaiting).toBeGreaterThanOrEqual(2);
    const owned = (await shop.ok(OWNER, 'afterSale', { afterSaleId: first.id })).afterSale;
    expect(owned.commands).toEqual(['approve', 'reject']);
    const view = (await shop.ok(OWNER, 'ownerList', { view: 'after_sale' })).items.map((o: { id: string }) => o.id);
    expect(view).toEqual(expect.arrayContaining([a.id, b.id]));
  });
});
