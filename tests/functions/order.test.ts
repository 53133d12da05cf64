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

/** Runs a call that must be refused with `code`, and checks that orders, stock and payments are as they were. */
async function refusedWithoutChange(
  as: string,
  action: string,
  input: Record<string, unknown>,
  code: string,
): Promise<void> {
  const before = await shop.state();
  const got = await shop.order(as, action, input);
  expect({ action, as, got: got.ok ? 'ok' : got.error.code }).toEqual({ action, as, got: code });
  expect(await shop.state()).toEqual(before);
}

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
    'refund from %s: request → approve → refund callback → refunded',
    async (from) => {
      const buyer = `refund_${from}`;
      const stockBefore = await shop.stock('qinling-honey', 'qinling-honey-1');
      const honey = line('qinling-honey', 'qinling-honey-1', 2);
      const order =
        from === 'paid'
          ? await shop.paid(buyer, [honey])
          : from === 'shipped'
            ? await shop.shipped(buyer, [honey])
            : await shop.completed(buyer, [honey]);
      expect(order.status).toBe(from);

      const refunding = await shop.requestRefund(buyer, order.id);
      expect(refunding).toMatchObject({
        status: 'refunding',
        refund: { reason: '商品与描述不符', refundFen: order.amounts.payableFen },
      });
      const owned = await shop.ok(OWNER, 'ownerList', { view: 'after_sale' });
      expect(owned.items.map((o: { id: string }) => o.id)).toContain(order.id);

      const approved = await shop.decide(order.id, true);
      expect(approved).toMatchObject({
        status: 'refunding',
        refund: { approvedAt: expect.any(String), outRefundNo: expect.any(String) },
      });
      const outRefundNo = approved.refund?.outRefundNo as string;
      expect((await shop.payments()).refunds.find((r) => r.outRefundNo === outRefundNo)).toMatchObject({
        outTradeNo: order.id,
        refundFee: order.amounts.payableFen,
        status: 'pending',
      });

      const { answers } = await shop.simulateRefund(outRefundNo);
      expect(answers).toEqual([{ errcode: 0, errmsg: '' }]);
      const refunded = await shop.get(buyer, order.id);
      expect(refunded).toMatchObject({ status: 'refunded', refund: { refundedAt: expect.any(String) }, commands: [] });
      expect((await shop.payments()).refunds.find((r) => r.outRefundNo === outRefundNo).status).toBe('success');
      // Stock comes back only when the goods never left.
      expect(await shop.stock('qinling-honey', 'qinling-honey-1')).toBe(
        from === 'paid' ? stockBefore : stockBefore - 2,
      );
    },
  );

  test.each(['paid', 'shipped', 'completed'] as const)('a rejected refund goes back to %s', async (from) => {
    const buyer = `reject_${from}`;
    const order =
      from === 'paid'
        ? await shop.paid(buyer, [APPLE])
        : from === 'shipped'
          ? await shop.shipped(buyer, [APPLE])
          : await shop.completed(buyer, [APPLE]);
    await shop.requestRefund(buyer, order.id);
    const back = await shop.decide(order.id, false);
    expect(back).toMatchObject({
      status: from,
      refund: { rejectedAt: expect.any(String), rejectReason: expect.any(String) },
    });
    expect((await shop.get(buyer, order.id)).status).toBe(from);
    expect((await shop.payments()).refunds.filter((r) => r.outTradeNo === order.id)).toEqual([]);
  });

  test('after-sale window: a completed order can be refunded for 7 days, then order.refund_window_closed', async () => {
    const early = await shop.completed('carol', [APPLE]);
    const late = await shop.completed('carol', [APPLE]);
    await shop.advance(7 * DAY - 10 * MINUTE);
    expect((await shop.requestRefund('carol', early.id)).status).toBe('refunding');
    await shop.advance(20 * MINUTE);
    await refusedWithoutChange(
      'carol',
      'requestRefund',
      { orderId: late.id, reason: '不想要了' },
      'order.refund_window_closed',
    );
    expect((await shop.get('carol', late.id)).commands).not.toContain('requestRefund');
  });
});

describe('illegal transitions are refused with a code and change nothing', () => {
  const reason = { reason: '不想要了' };
  const ship = { courier: 'ZTO', trackingNo: 'ZT12345678' };
  type Call = [as: 'buyer' | 'owner', action: string, extra: Record<string, unknown>];
  const states: Array<[string, (buyer: string) => Promise<{ id: string }>, Call[]]> = [
    [
      'pending_payment',
      (b) => shop.placed(b, [APPLE]),
      [
        ['buyer', 'confirmReceipt', {}],
        ['buyer', 'requestRefund', reason],
        ['owner', 'ship', ship],
        ['owner', 'decideRefund', { approve: true }],
      ],
    ],
    [
      'paid',
      (b) => shop.paid(b, [APPLE]),
      [
        ['buyer', 'pay', {}],
        ['buyer', 'cancel', {}],
        ['buyer', 'confirmReceipt', {}],
        ['owner', 'decideRefund', { approve: true }],
      ],
    ],
    [
      'shipped',
      (b) => shop.shipped(b, [APPLE]),
      [
        ['buyer', 'pay', {}],
        ['buyer', 'cancel', {}],
        ['owner', 'ship', ship],
        ['owner', 'decideRefund', { approve: false, reason: '不同意退款' }],
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
        ['buyer', 'requestRefund', reason],
        ['owner', 'ship', ship],
      ],
    ],
    [
      'refunding',
      async (b) => {
        const o = await shop.shipped(b, [APPLE]);
        return shop.requestRefund(b, o.id);
      },
      [
        ['buyer', 'requestRefund', reason],
        ['buyer', 'cancel', {}],
        ['buyer', 'confirmReceipt', {}],
        ['owner', 'ship', ship],
      ],
    ],
    [
      'refunding, approved',
      async (b) => {
        const o = await shop.paid(b, [APPLE]);
        await shop.requestRefund(b, o.id);
        return shop.decide(o.id, true);
      },
      [
        ['owner', 'decideRefund', { approve: true }],
        ['owner', 'decideRefund', { approve: false, reason: '改主意了' }],
        ['buyer', 'requestRefund', reason],
      ],
    ],
    [
      'refunded',
      async (b) => {
        const o = await shop.shipped(b, [APPLE]);
        await shop.requestRefund(b, o.id);
        const approved = await shop.decide(o.id, true);
        await shop.simulateRefund(approved.refund?.outRefundNo as string);
        return o;
      },
      [
        ['buyer', 'requestRefund', reason],
        ['buyer', 'confirmReceipt', {}],
        ['owner', 'decideRefund', { approve: true }],
        ['owner', 'ship', ship],
      ],
    ],
  ];

  test.each(states)('%s', async (label, reach, calls) => {
    const buyer = `illegal_${label.replace(/\W+/g, '_')}`;
    const { id } = await reach(buyer);
    for (const [who, action, extra] of calls) {
      await refusedWithoutChange(
        who === 'buyer' ? buyer : OWNER,
        action,
        { orderId: id, ...extra },
        'order.invalid_transition',
      );
    }
  });

  test("someone else's order reads as not found, whatever the action", async () => {
    const order = await shop.paid('alice', [APPLE]);
    for (const [action, extra] of [
      ['get', {}],
      ['cancel', {}],
      ['pay', {}],
      ['confirmReceipt', {}],
      ['requestRefund', reason],
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
    await shop.requestRefund('dave', order.id);
    await refusedWithoutChange('dave', 'decideRefund', { orderId: order.id, approve: true }, 'auth.not_owner');
    await refusedWithoutChange('dave', 'ownerList', {}, 'auth.not_owner');
    await refusedWithoutChange('dave', 'ownerGet', { orderId: order.id }, 'auth.not_owner');
    await refusedWithoutChange('dave', 'summary', {}, 'auth.not_owner');
    // The owner can: the refusal was about who asked.
    expect((await shop.ok(OWNER, 'ownerGet', { orderId: order.id })).order.status).toBe('refunding');
  });

  test.each([
    ['get', {}],
    ['get', { orderId: 'abc' }],
    ['get', { orderId: 'yj0000000000000000' }],
    ['get', { orderId: { $ne: null } }],
    ['cancel', { orderId: 42 }],
    ['requestRefund', { orderId: 'YJ0000000000000000' }],
    ['requestRefund', { orderId: 'YJ0000000000000000', reason: 'x'.repeat(201) }],
    ['pay', { orderId: 'YJ0000000000000000', notify: { shipped: 'yes', refund: true } }],
    ['get', { orderId: 'YJ0000000000000000', status: 'paid' }],
  ])('%s %j → input.invalid', async (action, input) => {
    await refusedWithoutChange('bob', action, input, 'input.invalid');
  });

  test.each([
    ['ship', { orderId: 'YJ0000000000000000', courier: 'SF', trackingNo: '<script>' }],
    ['ship', { orderId: 'YJ0000000000000000', courier: 'SF' }],
    ['ship', { orderId: 'YJ0000000000000000', courier: 'UNKNOWN', trackingNo: 'SF1234567890' }],
    ['ship', { orderId: 'YJ0000000000000000', carrier: '顺丰速运', trackingNo: 'SF1234567890' }],
    ['decideRefund', { orderId: 'YJ0000000000000000', approve: 'yes' }],
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
});

test('a forged list cursor with a time no Date can hold is refused as bad input, not an internal error', async () => {
  for (const time of [Number.MAX_SAFE_INTEGER, -8640000000000001]) {
    const cursor = Buffer.from(JSON.stringify([time, 'x'])).toString('base64url');
    expect(await shop.refused('bob', 'list', { cursor })).toBe('input.invalid');
    expect(await shop.refused(OWNER, 'ownerList', { cursor })).toBe('input.invalid');
  }
});

test('a refund reason that shows nothing is refused as bad input and changes nothing', async () => {
  const order = await shop.paid('frank', [APPLE]);
  for (const reason of ['\u200B\u200B\u200B', '\u3000\u3000', '\uFEFF\u2060']) {
    await refusedWithoutChange('frank', 'requestRefund', { orderId: order.id, reason }, 'input.invalid');
  }
  expect((await shop.get('frank', order.id)).status).toBe('paid');
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
