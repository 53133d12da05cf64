// The `order` function through the emulator with the real SDK: every legal transition of the table, every illegal
// one refused with its code and nothing changed, and a create that takes only ids and quantities from the client.
import { ORDER_ID_PATTERN } from '../../cloudfunctions/contracts/order';
import { post } from '../emulator/harness';
import { DAY, MINUTE, OWNER, line, useShop, type Line } from './order-kit';

const shop = useShop();

const RICE = line('rice5kg', 'rice5kg-1'); // 8990 fen, 100 in stock
const APPLE = line('aksu-apple', 'aksu-apple-1'); // 3990 fen, 200
const PUER_OLD = line('puer357', 'puer357-2'); // 21800 fen, 12
const GOJI = line('ningxia-goji', 'ningxia-goji-1'); // 4580 fen, 120
const qty = (l: Line, n: number): Line => ({ ...l, qty: n });

/** Orders, stock, payments and after-sale cases: everything an order action could change. */
async function everything() {
  const cases = (await shop.all('after_sales')).sort((a, b) => (a._id < b._id ? -1 : 1));
  return { ...(await shop.state()), cases };
}

/** Runs a call that must be refused with `code`, and checks that orders, stock, payments and cases are as they were. */
async function refusedWithoutChange(
  as: string,
  action: string,
  input: Record<string, unknown>,
  code: string,
): Promise<void> {
  const before = await everything();
  const got = await shop.order(as, action, input);
  expect({ action, as, got: got.ok ? 'ok' : got.error.code }).toEqual({ action, as, got: code });
  expect(await everything()).toEqual(before);
}

/** A well-formed refund-only case of one unit of `l`, for a small amount (what the server then checks). */
const caseInput = (orderId: string, l: Line, extra: Record<string, unknown> = {}) => ({
  orderId,
  type: 'refund_only',
  lines: [{ skuId: l.skuId, qty: 1 }],
  refundFen: 100,
  reason: '不想要了',
  ...extra,
});

describe('legal transitions', () => {
  test('create → pay → ship → confirmReceipt', async () => {
    const stockBefore = await shop.stock('rice5kg', 'rice5kg-1');
    const order = await shop.placed('alice', [qty(RICE, 2)]);
    expect(order.id).toMatch(ORDER_ID_PATTERN);
    expect(order).toMatchObject({
      status: 'pending_payment',
      items: [{ productId: 'rice5kg', skuId: 'rice5kg-1', priceFen: 8990, qty: 2, lineFen: 17980 }],
      amounts: { goodsFen: 17980, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 0, payableFen: 17980 },
      address: { phone: '13800138000' },
    });
    expect(new Date(order.payBefore).getTime() - new Date(order.createdAt).getTime()).toBe(30 * MINUTE);
    expect(order.commands).toEqual(expect.arrayContaining(['pay', 'cancel']));
    expect(await shop.stock('rice5kg', 'rice5kg-1')).toBe(stockBefore - 2);

    const pay = await shop.startPay('alice', order.id);
    expect(pay).toMatchObject({ orderId: order.id, outTradeNo: order.id, payableFen: 17980 });
    expect(pay.payment).toMatchObject({ package: expect.stringMatching(/^prepay_id=/), paySign: expect.any(String) });
    const { answers } = await shop.simulatePay(pay.outTradeNo);
    expect(answers).toEqual([{ errcode: 0, errmsg: '' }]);

    const paid = await shop.get('alice', order.id);
    expect(paid).toMatchObject({ status: 'paid', paidAt: expect.any(String) });
    expect(paid.timeline.map((e) => e.label)).toContain('已付款');
    expect(paid.commands).not.toContain('pay');

    const shipped = await shop.ship(order.id);
    expect(shipped).toMatchObject({
      status: 'shipped',
      shippedAt: expect.any(String),
      shipping: { carrier: '顺丰速运', courier: 'SF' },
    });
    expect(new Date(shipped.autoConfirmAt as string).getTime() - new Date(shipped.shippedAt as string).getTime()).toBe(
      10 * DAY,
    );

    const done = (await shop.ok('alice', 'confirmReceipt', { orderId: order.id })).order;
    expect(done).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect(await shop.stock('rice5kg', 'rice5kg-1')).toBe(stockBefore - 2);
  });

  test('cancel: the buyer cancels an unpaid order and its stock comes back', async () => {
    const before = await shop.stock('aksu-apple', 'aksu-apple-1');
    const order = await shop.placed('alice', [qty(APPLE, 3)]);
    expect(await shop.stock('aksu-apple', 'aksu-apple-1')).toBe(before - 3);
    const cancelled = (await shop.ok('alice', 'cancel', { orderId: order.id })).order;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String), commands: [] });
    expect(await shop.stock('aksu-apple', 'aksu-apple-1')).toBe(before);
  });

  test('expire: unpaid 30 minutes, the scheduler cancels it and releases its stock (not a minute before)', async () => {
    const before = await shop.stock('ningxia-goji', 'ningxia-goji-1');
    const order = await shop.placed('bob', [qty(GOJI, 2)]);
    await shop.advance(29 * MINUTE);
    await shop.runScheduler();
    expect((await shop.get('bob', order.id)).status).toBe('pending_payment');
    expect(await shop.stock('ningxia-goji', 'ningxia-goji-1')).toBe(before - 2);

    await shop.advance(2 * MINUTE);
    await shop.runScheduler();
    const expired = await shop.get('bob', order.id);
    expect(expired).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(await shop.stock('ningxia-goji', 'ningxia-goji-1')).toBe(before);
    // A second run finds nothing to do: the stock is released once.
    await shop.runScheduler();
    expect(await shop.stock('ningxia-goji', 'ningxia-goji-1')).toBe(before);
  });

  test('a client calling the scheduler directly changes nothing: only its timer runs it', async () => {
    const order = await shop.placed('bob', [APPLE]);
    // Due for expiry without moving the clock (a clock move fires the timer itself).
    await shop.db
      .collection('orders')
      .doc(order.id)
      .update({ data: { payBefore: new Date(Date.now() - MINUTE) } });
    const answer = await shop.call('bob', 'scheduler', {});
    expect(answer).toEqual({ refused: expect.any(String) });
    expect((await shop.orderDoc(order.id)).status).toBe('pending_payment');
    await shop.runScheduler();
    expect((await shop.orderDoc(order.id)).status).toBe('cancelled');
  });

  test('auto-confirm: a shipped order completes 10 days after shipping (not before)', async () => {
    const order = await shop.shipped('bob', [APPLE]);
    await shop.advance(9 * DAY);
    await shop.runScheduler();
    expect((await shop.get('bob', order.id)).status).toBe('shipped');
    await shop.advance(DAY + MINUTE);
    await shop.runScheduler();
    expect(await shop.get('bob', order.id)).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
  });

  test.each(['paid', 'shipped', 'completed'] as const)(
    'refund in full from %s: case applied → approved → refund callback → refunded',
    async (from) => {
      const buyer = `refund_${from}`;
      const stockBefore = await shop.stock('qinling-honey', 'qinling-honey-1');
      // Two jars, ¥136.00: free shipping, so after shipping too the goods are everything paid.
      const honey = line('qinling-honey', 'qinling-honey-1', 2);
      const order =
        from === 'paid'
          ? await shop.paid(buyer, [honey])
          : from === 'shipped'
            ? await shop.shipped(buyer, [honey])
            : await shop.completed(buyer, [honey]);
      expect(order.status).toBe(from);
      expect(order.amounts.shippingFen).toBe(0);

      const opened = await shop.applyCase(buyer, order.id);
      expect(opened).toMatchObject({
        status: 'requested',
        orderId: order.id,
        reason: '商品与描述不符',
        refundFen: order.amounts.payableFen,
      });
      // The order keeps its status while its case is open; the owner finds it among the after-sale orders.
      expect((await shop.get(buyer, order.id)).status).toBe(from);
      const owned = await shop.ok(OWNER, 'ownerList', { view: 'after_sale' });
      expect(owned.items.map((o: { id: string }) => o.id)).toContain(order.id);

      const approved = await shop.decideCase(opened.id, true);
      expect(approved).toMatchObject({ status: 'refunding', outRefundNo: `${opened.id}R` });
      const outRefundNo = approved.outRefundNo as string;
      expect((await shop.payments()).refunds.find((r) => r.outRefundNo === outRefundNo)).toMatchObject({
        outTradeNo: order.id,
        refundFee: order.amounts.payableFen,
        status: 'pending',
      });
      // Not refunded before WeChat Pay says so.
      expect((await shop.get(buyer, order.id)).status).toBe(from);

      const { answers } = await shop.simulateRefund(outRefundNo);
      expect(answers).toEqual([{ errcode: 0, errmsg: '' }]);
      const refunded = await shop.get(buyer, order.id);
      expect(refunded).toMatchObject({ status: 'refunded', refundedFen: order.amounts.payableFen, commands: [] });
      expect(refunded.afterSales.map((c) => [c.id, c.status])).toEqual([[opened.id, 'refunded']]);
      expect((await shop.payments()).refunds.find((r) => r.outRefundNo === outRefundNo).status).toBe('success');
      // Stock comes back only when the goods never left.
      expect(await shop.stock('qinling-honey', 'qinling-honey-1')).toBe(
        from === 'paid' ? stockBefore : stockBefore - 2,
      );
    },
  );

  test.each(['paid', 'shipped', 'completed'] as const)('a rejected case leaves the order %s', async (from) => {
    const buyer = `reject_${from}`;
    const order =
      from === 'paid'
        ? await shop.paid(buyer, [APPLE])
        : from === 'shipped'
          ? await shop.shipped(buyer, [APPLE])
          : await shop.completed(buyer, [APPLE]);
    const stockBefore = await shop.stock('aksu-apple', 'aksu-apple-1');
    const opened = await shop.applyCase(buyer, order.id);
    const rejected = await shop.decideCase(opened.id, false);
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '商品完好，不符合退款条件' });
    const after = await shop.get(buyer, order.id);
    expect(after).toMatchObject({ status: from, refundedFen: 0 });
    expect(after.afterSales.map((c) => [c.id, c.status])).toEqual([[opened.id, 'rejected']]);
    // The order never left its status: nothing refunded, no stock moved, and it takes the next step as before.
    expect(after.timeline.map((e) => e.label)).not.toContain('售后退款');
    expect((await shop.payments()).refunds.filter((r) => r.outTradeNo === order.id)).toEqual([]);
    expect(await shop.stock('aksu-apple', 'aksu-apple-1')).toBe(stockBefore);
    const next = from === 'paid' ? 'ship' : from === 'shipped' ? 'confirmReceipt' : null;
    if (next === 'ship') expect((await shop.ship(order.id)).status).toBe('shipped');
    if (next === 'confirmReceipt')
      expect((await shop.ok(buyer, 'confirmReceipt', { orderId: order.id })).order.status).toBe('completed');
  });

  test('after-sale window: a completed order takes a case for 7 days, then afterSale.window_closed', async () => {
    const early = await shop.completed('carol', [APPLE]);
    const late = await shop.completed('carol', [APPLE]);
    await shop.advance(7 * DAY - 10 * MINUTE);
    expect((await shop.applyCase('carol', early.id)).status).toBe('requested');
    await shop.advance(20 * MINUTE);
    await refusedWithoutChange('carol', 'applyAfterSale', caseInput(late.id, APPLE), 'afterSale.window_closed');
    expect((await shop.get('carol', late.id)).commands).not.toContain('applyAfterSale');
    // The case opened inside the window goes on after it closes.
    expect((await shop.decideCase(`${early.id}S1`, false)).status).toBe('rejected');
  });
});

describe('illegal transitions are refused with a code and change nothing', () => {
  const ship = { courier: 'ZTO', trackingNo: 'ZT12345678' };
  const apply = { type: 'refund_only', lines: [{ skuId: APPLE.skuId, qty: 1 }], refundFen: 100, reason: '不想要了' };
  const decide = (approve: boolean) => (approve ? { approve } : { approve, reason: '不同意退款' });
  /** Actions on a case: sent with the state's case (or the order's first case number, when it has none). */
  const CASE_ACTIONS = new Set([
    'decideAfterSale',
    'cancelAfterSale',
    'shipReturn',
    'receiveReturn',
    'reopenAfterSale',
  ]);
  type Call = [as: 'buyer' | 'owner', action: string, extra: Record<string, unknown>, code?: string];
  type Reached = { id: string; caseId?: string };
  const states: Array<[string, (buyer: string) => Promise<Reached>, Call[]]> = [
    [
      'pending_payment',
      (b) => shop.placed(b, [APPLE]),
      [
        ['buyer', 'confirmReceipt', {}],
        ['buyer', 'applyAfterSale', apply, 'afterSale.order_not_paid'],
        ['buyer', 'quoteAfterSale', { lines: apply.lines }, 'afterSale.order_not_paid'],
        ['owner', 'ship', ship],
        ['owner', 'decideAfterSale', decide(true), 'afterSale.not_found'],
      ],
    ],
    [
      'paid',
      (b) => shop.paid(b, [APPLE]),
      [
        ['buyer', 'pay', {}],
        ['buyer', 'cancel', {}],
        ['buyer', 'confirmReceipt', {}],
        ['buyer', 'applyAfterSale', { ...apply, type: 'return_refund' }, 'afterSale.return_not_shipped'],
        ['owner', 'decideAfterSale', decide(true), 'afterSale.not_found'],
      ],
    ],
    [
      'shipped',
      (b) => shop.shipped(b, [APPLE]),
      [
        ['buyer', 'pay', {}],
        ['buyer', 'cancel', {}],
        ['owner', 'ship', ship],
        ['owner', 'decideAfterSale', decide(false), 'afterSale.not_found'],
      ],
    ],
    [
      'completed',
      (b) => shop.completed(b, [APPLE]),
      [
        ['buyer', 'cancel', {}],
        ['buyer', 'confirmReceipt', {}],
        ['owner', 'ship', ship],
      ],
    ],
    [
      'cancelled',
      async (b) => {
        const o = await shop.placed(b, [APPLE]);
        await shop.ok(b, 'cancel', { orderId: o.id });
        return o;
      },
      [
        ['buyer', 'pay', {}],
        ['buyer', 'cancel', {}],
        ['buyer', 'confirmReceipt', {}],
        ['buyer', 'applyAfterSale', apply, 'afterSale.order_not_paid'],
        ['owner', 'ship', ship],
      ],
    ],
    [
      'paid, a case requested',
      async (b) => {
        const o = await shop.paid(b, [APPLE]);
        return { id: o.id, caseId: (await shop.applyCase(b, o.id)).id };
      },
      [
        ['owner', 'ship', ship, 'order.after_sale_open'],
        ['buyer', 'applyAfterSale', { ...apply, refundFen: 4990 }, 'afterSale.open_exists'],
        ['buyer', 'cancel', {}],
        ['buyer', 'shipReturn', { carrier: '顺丰速运', trackingNo: 'SF12345678' }, 'afterSale.invalid_transition'],
        ['buyer', 'reopenAfterSale', { description: '再看看' }, 'afterSale.invalid_transition'],
        ['owner', 'receiveReturn', {}, 'afterSale.invalid_transition'],
      ],
    ],
    [
      'shipped, a case requested',
      async (b) => {
        const o = await shop.shipped(b, [APPLE]);
        return { id: o.id, caseId: (await shop.applyCase(b, o.id)).id };
      },
      [
        ['buyer', 'applyAfterSale', apply, 'afterSale.open_exists'],
        ['buyer', 'cancel', {}],
        ['owner', 'ship', ship],
      ],
    ],
    [
      // Its refund asked of WeChat Pay, not yet confirmed.
      'a case approved',
      async (b) => {
        const o = await shop.paid(b, [APPLE]);
        const approved = await shop.decideCase((await shop.applyCase(b, o.id)).id, true);
        return { id: o.id, caseId: approved.id };
      },
      [
        ['owner', 'decideAfterSale', decide(true), 'afterSale.invalid_transition'],
        ['owner', 'decideAfterSale', decide(false), 'afterSale.invalid_transition'],
        ['buyer', 'cancelAfterSale', {}, 'afterSale.invalid_transition'],
        ['buyer', 'applyAfterSale', { ...apply, refundFen: 4990 }, 'afterSale.open_exists'],
        ['owner', 'ship', ship, 'order.after_sale_open'],
      ],
    ],
    [
      'a case rejected',
      async (b) => {
        const o = await shop.shipped(b, [APPLE]);
        const rejected = await shop.decideCase((await shop.applyCase(b, o.id)).id, false);
        return { id: o.id, caseId: rejected.id };
      },
      [
        ['owner', 'decideAfterSale', decide(true), 'afterSale.invalid_transition'],
        ['owner', 'decideAfterSale', decide(false), 'afterSale.invalid_transition'],
        ['buyer', 'cancelAfterSale', {}, 'afterSale.invalid_transition'],
        ['owner', 'ship', ship],
      ],
    ],
    [
      'refunded',
      async (b) => {
        // ¥218.00, free shipping: a shipped order refunded in full.
        const o = await shop.shipped(b, [PUER_OLD]);
        const caseId = (await shop.applyCase(b, o.id)).id;
        await shop.refundCase(await shop.decideCase(caseId, true));
        return { id: o.id, caseId };
      },
      [
        ['buyer', 'applyAfterSale', { ...apply, lines: [{ skuId: PUER_OLD.skuId, qty: 1 }] }],
        ['buyer', 'quoteAfterSale', { lines: [{ skuId: PUER_OLD.skuId, qty: 1 }] }],
        ['buyer', 'confirmReceipt', {}],
        ['buyer', 'cancelAfterSale', {}, 'afterSale.invalid_transition'],
        ['owner', 'decideAfterSale', decide(true), 'afterSale.invalid_transition'],
        ['owner', 'ship', ship],
      ],
    ],
  ];

  test.each(states)('%s', async (label, reach, calls) => {
    const buyer = `illegal_${label.replace(/\W+/g, '_')}`;
    const { id, caseId } = await reach(buyer);
    for (const [who, action, extra, code = 'order.invalid_transition'] of calls) {
      const target = CASE_ACTIONS.has(action) ? { afterSaleId: caseId ?? `${id}S1` } : { orderId: id };
      await refusedWithoutChange(who === 'buyer' ? buyer : OWNER, action, { ...target, ...extra }, code);
    }
  });

  test("someone else's order reads as not found, whatever the action", async () => {
    const order = await shop.paid('alice', [APPLE]);
    for (const [action, extra] of [
      ['get', {}],
      ['cancel', {}],
      ['pay', {}],
      ['confirmReceipt', {}],
      ['quoteAfterSale', { lines: apply.lines }],
      ['applyAfterSale', { ...apply, refundFen: 4990 }],
    ] as const) {
      await refusedWithoutChange('bob', action, { orderId: order.id, ...extra }, 'order.not_found');
    }
    await refusedWithoutChange('bob', 'get', { orderId: 'YJ0000000000000000' }, 'order.not_found');
    const { items } = await shop.ok('bob', 'list', {});
    expect(items.map((o: { id: string }) => o.id)).not.toContain(order.id);
  });

  test('owner actions by a buyer: auth.not_owner', async () => {
    const order = await shop.paid('dave', [APPLE]);
    await refusedWithoutChange('dave', 'ship', { orderId: order.id, ...ship }, 'auth.not_owner');
    const opened = await shop.applyCase('dave', order.id);
    await refusedWithoutChange('dave', 'decideAfterSale', { afterSaleId: opened.id, approve: true }, 'auth.not_owner');
    await refusedWithoutChange('dave', 'receiveReturn', { afterSaleId: opened.id }, 'auth.not_owner');
    await refusedWithoutChange('dave', 'ownerAfterSales', {}, 'auth.not_owner');
    await refusedWithoutChange('dave', 'ownerList', {}, 'auth.not_owner');
    await refusedWithoutChange('dave', 'ownerGet', { orderId: order.id }, 'auth.not_owner');
    await refusedWithoutChange('dave', 'summary', {}, 'auth.not_owner');
    // The owner can: the refusal was about who asked. The order waits, paid, on its open case.
    const owned = (await shop.ok(OWNER, 'ownerGet', { orderId: order.id })).order;
    expect(owned.status).toBe('paid');
    expect(owned.afterSales.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      [opened.id, 'requested'],
    ]);
  });

  const NO_ORDER = 'YJ0000000000000000';
  test.each([
    ['get', {}],
    ['get', { orderId: 'abc' }],
    ['get', { orderId: 'yj0000000000000000' }],
    ['get', { orderId: { $ne: null } }],
    ['cancel', { orderId: 42 }],
    ['applyAfterSale', { orderId: NO_ORDER }],
    ['applyAfterSale', caseInput(NO_ORDER, APPLE, { reason: 'x'.repeat(201) })],
    ['applyAfterSale', caseInput(NO_ORDER, APPLE, { refundFen: 0 })],
    ['applyAfterSale', caseInput(NO_ORDER, APPLE, { lines: [] })],
    ['quoteAfterSale', { orderId: NO_ORDER, lines: [{ skuId: APPLE.skuId, qty: 0 }] }],
    ['cancelAfterSale', { afterSaleId: NO_ORDER }],
    ['pay', { orderId: NO_ORDER, notify: { shipped: 'yes', refund: true } }],
    ['get', { orderId: NO_ORDER, status: 'paid' }],
  ])('%s %j → input.invalid', async (action, input) => {
    await refusedWithoutChange('bob', action, input, 'input.invalid');
  });

  test.each([
    ['ship', { orderId: NO_ORDER, courier: 'SF', trackingNo: '<script>' }],
    ['ship', { orderId: NO_ORDER, courier: 'SF' }],
    // A courier is one of COURIERS' codes: its name, or the free text of the old field, is not.
    ['ship', { orderId: NO_ORDER, courier: '顺丰速运', trackingNo: 'SF1234567890' }],
    ['ship', { orderId: NO_ORDER, carrier: '顺丰速运', trackingNo: 'SF1234567890' }],
    ['decideAfterSale', { afterSaleId: `${NO_ORDER}S1`, approve: 'yes' }],
    ['decideAfterSale', { afterSaleId: `${NO_ORDER}S1`, approve: false, reason: 'x'.repeat(201) }],
    ['ownerList', { view: 'everything' }],
  ])('owner %s %j → input.invalid', async (action, input) => {
    await refusedWithoutChange(OWNER, action, input, 'input.invalid');
  });
});

describe("create takes ids and quantities; every amount is the server's", () => {
  test('the charged amount is the catalogue price (with shipping below the free-shipping threshold)', async () => {
    const order = await shop.placed('erin', [RICE]);
    expect(order.amounts).toEqual({
      goodsFen: 8990,
      couponFen: 0,
      pointsUsed: 0,
      pointsDiscountFen: 0,
      shippingFen: 1000,
      payableFen: 9990,
    });
    const { outTradeNo, payableFen } = await shop.startPay('erin', order.id);
    expect(payableFen).toBe(9990);
    expect((await shop.payments()).payments.find((p) => p.outTradeNo === outTradeNo)).toMatchObject({
      totalFee: 9990,
      openid: 'dev_erin',
    });

    // Two lines, one SKU asked twice (merged): 21800 + 3 × 3990 = 33770, free shipping.
    const multi = await shop.placed('erin', [PUER_OLD, qty(APPLE, 2), APPLE]);
    expect(multi.items).toHaveLength(2);
    expect(multi.items.find((l) => l.skuId === 'aksu-apple-1')).toMatchObject({
      qty: 3,
      priceFen: 3990,
      lineFen: 11970,
    });
    expect(multi.amounts).toMatchObject({ goodsFen: 33770, shippingFen: 0, payableFen: 33770 });
  });

  test.each([
    ['a price on a line', { items: [{ ...RICE, priceFen: 1 }] }],
    [
      'amounts',
      { items: [RICE], amounts: { goodsFen: 1, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 0, payableFen: 1 } },
    ],
    ['a payable amount', { items: [RICE], payableFen: 1 }],
    ['a discount', { items: [RICE], discountFen: 8000 }],
    ['a title on a line', { items: [{ ...RICE, title: '便宜货' }] }],
    ['a status', { items: [RICE], status: 'paid' }],
  ])('a create with %s is refused with input.invalid', async (_label, fields) => {
    await refusedWithoutChange(
      'erin',
      'create',
      {
        requestId: 'tamper-request-01',
        address: { name: '张三', phone: '13800138000', region: '上海市', detail: '世纪大道 1 号' },
        ...fields,
      },
      'input.invalid',
    );
  });

  const create = (items: unknown, extra: Record<string, unknown> = {}) => ({
    requestId: 'bad-input-request-01',
    items,
    address: { name: '张三', phone: '13800138000', region: '上海市', detail: '世纪大道 1 号' },
    ...extra,
  });

  test.each([
    ['qty 0', [qty(RICE, 0)]],
    ['qty -1', [qty(RICE, -1)]],
    ['qty 1.5', [qty(RICE, 1.5)]],
    ['qty 100 (over the per-line maximum)', [qty(RICE, 100)]],
    ['qty 100000', [qty(RICE, 100000)]],
    ['qty 1e9', [qty(RICE, 1e9)]],
    ['qty "2"', [{ ...RICE, qty: '2' }]],
    ['qty null', [{ ...RICE, qty: null }]],
    ['qty true', [{ ...RICE, qty: true }]],
    ['no qty', [{ productId: 'rice5kg', skuId: 'rice5kg-1' }]],
    ['a numeric productId', [{ ...RICE, productId: 123 }]],
    ['an operator as skuId', [{ ...RICE, skuId: { $ne: null } }]],
    ['no items', []],
    ['items not a list', { 0: RICE }],
    ['21 lines', Array.from({ length: 21 }, () => RICE)],
  ])('%s → input.invalid', async (_label, items) => {
    await refusedWithoutChange('erin', 'create', create(items), 'input.invalid');
  });

  test('the per-SKU limit holds for the merged quantity: the same SKU on several lines is one line', async () => {
    // 3 × 60 apples (200 in stock) used to pass as three lines under the limit and became one line of 180.
    const split = [qty(APPLE, 60), qty(APPLE, 60), qty(APPLE, 60)];
    await refusedWithoutChange('erin', 'create', create(split), 'input.invalid');
    await refusedWithoutChange('erin', 'quote', { items: split }, 'input.invalid');
    // One over the limit, however it is split, alongside another SKU.
    const justOver = [qty(APPLE, 50), RICE, qty(APPLE, 50)];
    await refusedWithoutChange('erin', 'create', create(justOver), 'input.invalid');
    // Exactly the limit, split: accepted, as one line.
    const quoted = await shop.ok('erin', 'quote', { items: [qty(APPLE, 50), qty(APPLE, 49)] });
    expect(quoted.items).toEqual([expect.objectContaining({ skuId: 'aksu-apple-1', qty: 99 })]);
  });

  test.each([
    ['a bad phone', { address: { name: '张三', phone: '12345', region: '上海市', detail: '世纪大道 1 号' } }],
    ['no address', { address: undefined }],
    ['a short requestId', { requestId: 'abc' }],
    ['a requestId with spaces', { requestId: 'has spaces in it' }],
  ])('%s → input.invalid', async (_label, extra) => {
    const body = create([RICE], extra);
    if ('address' in extra && extra.address === undefined) delete (body as Record<string, unknown>).address;
    await refusedWithoutChange('erin', 'create', body, 'input.invalid');
  });

  test.each([
    ['a name of zero-width spaces', { name: '\u200B\u200B' }],
    ['a name of a word joiner and a BOM', { name: '\u2060\uFEFF' }],
    ['a detail of zero-width joiners', { detail: '\u200C\u200D\u200C\u200D' }],
    ['a detail of ideographic spaces, NBSP, tabs and newlines', { detail: '\u3000\u00A0\t\n\u3000' }],
  ])('an address with %s → input.invalid', async (_label, blank) => {
    const address = { name: '张三', phone: '13800138000', region: '上海市', detail: '世纪大道 1 号', ...blank };
    await refusedWithoutChange('erin', 'create', create([RICE], { address }), 'input.invalid');
  });

  test('unknown SKU, unknown product, off-sale product → order.sku_unavailable', async () => {
    await refusedWithoutChange('erin', 'create', create([line('rice5kg', 'rice5kg-9')]), 'order.sku_unavailable');
    await refusedWithoutChange('erin', 'create', create([line('nope', 'nope-1')]), 'order.sku_unavailable');
    await refusedWithoutChange('erin', 'create', create([line('rice5kg', 'puer357-1')]), 'order.sku_unavailable');
    const [shelf] = await shop.makeProduct('shelved', [{ stock: 5 }]);
    await shop.db
      .collection('products')
      .doc('shelved')
      .update({ data: { status: 'off_sale' } });
    await refusedWithoutChange('erin', 'create', create([shelf]), 'order.sku_unavailable');
    // One unavailable line refuses the whole order.
    await refusedWithoutChange('erin', 'create', create([RICE, shelf]), 'order.sku_unavailable');
  });

  test('more than is in stock → order.stock_insufficient (sold out, or short)', async () => {
    await refusedWithoutChange(
      'erin',
      'create',
      create([line('cotton-bed', 'cotton-bed-1')]),
      'order.stock_insufficient',
    );
    await refusedWithoutChange(
      'erin',
      'create',
      create([line('ejiao-cake', 'ejiao-cake-2')]),
      'order.stock_insufficient',
    );
    await refusedWithoutChange(
      'erin',
      'create',
      create([line('qinghua-cup', 'qinghua-cup-2', 7)]),
      'order.stock_insufficient',
    );
  });

  test('goods under the ceiling that shipping takes over it → input.invalid, the stock taken given back', async () => {
    // The settings are read once the stock is held: this refusal comes after the take, and must undo it.
    const rules = (free: number) => ({ action: 'updateSettings', rules: { freeShippingFromFen: free } });
    expect((await shop.call(OWNER, 'shop', rules(10_000_000))).ok).toBe(true);
    const [dear] = await shop.makeProduct('dear', [{ stock: 3, priceFen: 4_999_500 }]);
    try {
      await refusedWithoutChange('erin', 'create', create([dear]), 'input.invalid');
    } finally {
      await shop.call(OWNER, 'shop', rules(9900));
    }
    expect((await shop.placed('erin', [dear])).amounts).toMatchObject({ shippingFen: 0, payableFen: 4_999_500 });
  });
});

test('a forged list cursor with a time no Date can hold is refused as bad input, not an internal error', async () => {
  for (const time of [Number.MAX_SAFE_INTEGER, -8640000000000001]) {
    const cursor = Buffer.from(JSON.stringify([time, 'x'])).toString('base64url');
    expect(await shop.refused('bob', 'list', { cursor })).toBe('input.invalid');
    expect(await shop.refused(OWNER, 'ownerList', { cursor })).toBe('input.invalid');
  }
});

test('an after-sale reason that shows nothing is refused as bad input and changes nothing', async () => {
  const order = await shop.paid('frank', [APPLE]);
  const refundFen = order.amounts.payableFen;
  for (const reason of ['\u200B\u200B\u200B', '\u3000\u3000', '\uFEFF\u2060']) {
    await refusedWithoutChange(
      'frank',
      'applyAfterSale',
      caseInput(order.id, APPLE, { reason, refundFen }),
      'input.invalid',
    );
  }
  const after = await shop.get('frank', order.id);
  expect([after.status, after.afterSales]).toEqual(['paid', []]);
  // The same case with words that show is taken.
  expect((await shop.ok('frank', 'applyAfterSale', caseInput(order.id, APPLE, { refundFen }))).afterSale.status).toBe(
    'requested',
  );
});

test('items nested 1,000, 10,000 or 100,000 levels deep: one coded refusal, and the shop keeps serving', async () => {
  for (const depth of [1_000, 10_000, 100_000]) {
    const items = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = `{"action":"quote","items":${items}}`;
    const res = await post(shop.emu, '/api/functions/order', body, {
      authorization: `Bearer ${await shop.token('bob')}`,
    });
    expect({ depth, status: res.status, code: res.json.result?.error?.code }).toEqual({
      depth,
      status: 200,
      code: 'input.invalid',
    });
  }
  expect(await shop.ok('bob', 'quote', { items: [APPLE] })).toMatchObject({ items: [{ skuId: 'aksu-apple-1' }] });
});
