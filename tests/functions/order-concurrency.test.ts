// Stock under concurrency: a flash sale of 500 buyers for 50 units, one checkout request sent 20 times at once,
// and multi-line orders that reserve every line or none.
import { randomUUID } from 'node:crypto';
import { ADDRESS, MINUTE, useShop } from './order-kit';

const shop = useShop();

test('500 buyers at once for 50 units: exactly 50 orders, 450 order.stock_insufficient, stock 0', async () => {
  const [sku] = await shop.makeProduct('flash', [{ stock: 50, priceFen: 990 }]);
  const buyers = Array.from({ length: 500 }, (_v, i) => `m${i + 1}`);
  await Promise.all(buyers.map((b) => shop.token(b)));

  const results = await Promise.all(buyers.map((b) => shop.create(b, [sku])));
  const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
  const tally = codes.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});
  expect(tally).toEqual({ ok: 50, 'order.stock_insufficient': 450 });
  expect(await shop.stock('flash', 'flash-1')).toBe(0);

  const winners = results.filter((r) => r.ok).map((r) => (r as { data: any }).data.order);
  expect(new Set(winners.map((o) => o.id)).size).toBe(50);
  const stored = (await shop.all('orders')).filter((o) =>
    o.items.some((l: { productId: string }) => l.productId === 'flash'),
  );
  expect(stored).toHaveLength(50);
  expect(new Set(stored.map((o) => o.buyerId)).size).toBe(50);
}, 120_000);

test('the same requestId sent 20 times at once makes one order; all 20 answers carry its id', async () => {
  const [sku] = await shop.makeProduct('retry', [{ stock: 100, priceFen: 1500 }]);
  const body = { requestId: randomUUID(), items: [{ ...sku, qty: 3 }], address: ADDRESS };
  const results = await Promise.all(Array.from({ length: 20 }, () => shop.order('kate', 'create', body)));
  expect(results.filter((r) => !r.ok)).toEqual([]);
  const ids = new Set(results.map((r) => (r as { data: any }).data.order.id));
  expect(ids.size).toBe(1);
  const stored = (await shop.all('orders')).filter((o) =>
    o.items.some((l: { productId: string }) => l.productId === 'retry'),
  );
  expect(stored.map((o) => o._id)).toEqual([...ids]);
  expect(await shop.stock('retry', 'retry-1')).toBe(97);

  // The same request later still answers that order; the same id with other content is refused.
  expect((await shop.ok('kate', 'create', body)).order.id).toBe([...ids][0]);
  const before = await shop.state();
  expect(await shop.refused('kate', 'create', { ...body, items: [{ ...sku, qty: 4 }] })).toBe('order.request_conflict');
  expect(await shop.state()).toEqual(before);
  // Another buyer's request with the same requestId is their own order.
  const other = await shop.ok('liam', 'create', body);
  expect(ids.has(other.order.id)).toBe(false);
  expect(await shop.stock('retry', 'retry-1')).toBe(94);
});

test('a multi-line order whose second line lacks stock reserves nothing', async () => {
  // Lines reserve in (productId, skuId) order: "mlA" first, "mlB" second.
  const [a] = await shop.makeProduct('mlA', [{ stock: 10 }]);
  const [b] = await shop.makeProduct('mlB', [{ stock: 1 }]);
  for (const items of [
    [
      { ...a, qty: 2 },
      { ...b, qty: 2 },
    ],
    [
      { ...b, qty: 2 },
      { ...a, qty: 2 },
    ],
  ]) {
    const before = await shop.state();
    const result = await shop.create('mona', items);
    expect(result.ok ? 'ok' : result.error.code).toBe('order.stock_insufficient');
    expect(await shop.state()).toEqual(before);
  }
  expect([await shop.stock('mlA', 'mlA-1'), await shop.stock('mlB', 'mlB-1')]).toEqual([10, 1]);
  // Within stock, the same two lines go through.
  await shop.placed('mona', [
    { ...a, qty: 2 },
    { ...b, qty: 1 },
  ]);
  expect([await shop.stock('mlA', 'mlA-1'), await shop.stock('mlB', 'mlB-1')]).toEqual([8, 0]);
});

test('100 buyers at once for two-line orders: all or none of each, never below zero', async () => {
  const [a] = await shop.makeProduct('duoA', [{ stock: 30 }]);
  const [b] = await shop.makeProduct('duoB', [{ stock: 20 }]);
  const buyers = Array.from({ length: 100 }, (_v, i) => `d${i + 1}`);
  await Promise.all(buyers.map((x) => shop.token(x)));
  const results = await Promise.all(buyers.map((x, i) => shop.create(x, i % 2 ? [a, b] : [b, a])));
  const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
  expect(codes.filter((c) => c === 'ok')).toHaveLength(20);
  expect(codes.filter((c) => c !== 'ok' && c !== 'order.stock_insufficient')).toEqual([]);
  expect([await shop.stock('duoA', 'duoA-1'), await shop.stock('duoB', 'duoB-1')]).toEqual([10, 0]);
}, 60_000);

test('buyers cancel as the clock passes the deadline (the scheduler fires with it): stock released once', async () => {
  const [sku] = await shop.makeProduct('race', [{ stock: 5 }]);
  const buyers = ['n1', 'n2', 'n3'];
  const orders = await Promise.all(buyers.map((b) => shop.placed(b, [{ ...sku, qty: 1 }])));
  expect(await shop.stock('race', 'race-1')).toBe(2);
  // POST /__dev/clock fires the due timer triggers (the scheduler, every minute) after the jump.
  const [cancels] = await Promise.all([
    Promise.all(orders.map((o, i) => shop.order(buyers[i], 'cancel', { orderId: o.id }))),
    shop.advance(31 * MINUTE),
  ]);
  for (const c of cancels) expect(c.ok ? 'ok' : c.error.code).toMatch(/^(ok|order\.invalid_transition)$/);
  for (const [i, o] of orders.entries()) expect((await shop.get(buyers[i], o.id)).status).toBe('cancelled');
  expect(await shop.stock('race', 'race-1')).toBe(5);
});

test('ten cancels of one order at once: one cancels, the stock comes back once', async () => {
  const [sku] = await shop.makeProduct('twice', [{ stock: 4 }]);
  const order = await shop.placed('olga', [{ ...sku, qty: 3 }]);
  const results = await Promise.all(
    Array.from({ length: 10 }, () => shop.order('olga', 'cancel', { orderId: order.id })),
  );
  const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
  // The losers either see it cancelled already (invalid_transition) or answer with the cancelled order.
  expect(codes.filter((c) => c !== 'ok' && c !== 'order.invalid_transition')).toEqual([]);
  expect(codes).toContain('ok');
  expect(await shop.stock('twice', 'twice-1')).toBe(4);
  // The cancellation is the last timeline entry, and it is there once.
  const stored = await shop.orderDoc(order.id);
  expect(stored.timeline.filter((e: { label: string }) => e.label === stored.timeline.at(-1).label)).toHaveLength(1);
});

test("a buyer cancelling while WeChat Pay's result arrives: the order ends paid, holding its stock once", async () => {
  const [sku] = await shop.makeProduct('paycancel', [{ stock: 20 }]);
  const buyers = ['p1', 'p2', 'p3', 'p4', 'p5'];
  const orders = await Promise.all(buyers.map((b) => shop.placed(b, [{ ...sku, qty: 2 }])));
  const pays = await Promise.all(orders.map((o, i) => shop.startPay(buyers[i], o.id)));
  await Promise.all(
    orders.map(async (o, i) => {
      const [, paid] = await Promise.all([
        shop.order(buyers[i], 'cancel', { orderId: o.id }),
        shop.simulatePay(pays[i].outTradeNo),
      ]);
      expect(paid.answers).toEqual([{ errcode: 0, errmsg: '' }]);
    }),
  );
  for (const [i, o] of orders.entries()) {
    const order = await shop.get(buyers[i], o.id);
    expect(order.status).toBe('paid');
    expect(order.attention?.stockShort ?? false).toBe(false);
  }
  expect(await shop.stock('paycancel', 'paycancel-1')).toBe(10);
});
