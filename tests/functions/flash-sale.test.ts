// Flash sales (秒杀) through the emulator with the real SDK: the owner's save moves units out of the SKU and the
// stop or the end moves what is left back (units unpaid orders hold come back when those are cancelled); orders of
// a live sale are priced at the flash price and take units from the sale within its stock and the member's limit
// (counted across orders), refused with a code, never placed at the normal price; a rush sells exactly the units;
// a crashed reservation's units come back; hostile input changes nothing. The exact 1 ms window edges are in
// core/flash-sale.test.ts (the emulator's clock runs on). After every test, besides the kit's stock invariant
// (SKU stock + units in sales + units held = initial): every sale's units set aside = left + sold + returned, and
// `sold` and the members' counts equal the units of its orders that were not cancelled.
import { randomUUID } from 'node:crypto';
import { get, post } from '../emulator/harness';
import { ADDRESS, DAY, MINUTE, OWNER, line, pool, settleAll, useShop, type Outcome } from './order-kit';

const shop = useShop();
afterEach(() => checkSaleInvariants());

const HOUR = 60 * MINUTE;

const campaign = (as: string, action: string, input: Record<string, unknown> = {}): Promise<Outcome> =>
  shop.call(as, 'campaign', { action, ...input });

async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await campaign(as, action, input);
  if (!result.ok) throw new Error(`campaign.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

const codeOf = (o: Outcome) => (o.ok ? 'ok' : o.error.code);

/** A test product of its own with one SKU at ¥10.00 (`stock` units) and a sale of `units` at ¥5.00 on it. */
async function saleOn(id: string, opts: { stock?: number; units?: number; perMember?: number; startIn?: number } = {}) {
  const [sku] = await shop.makeProduct(id, [{ stock: opts.stock ?? 20, priceFen: 1000 }]);
  const now = await shop.now();
  // Live from a minute ago unless it starts later.
  const startAt = new Date(now.getTime() + (opts.startIn ?? -MINUTE));
  const flashSale = {
    productId: id,
    skus: [{ skuId: sku.skuId, priceFen: 500, stock: opts.units ?? 10 }],
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 2 * HOUR).toISOString(),
    perMember: opts.perMember ?? 5,
  };
  const sale = (await ok(OWNER, 'saveFlashSale', { flashSale })).flashSale;
  return { sku, sale, draft: flashSale };
}

const saleDoc = async (id: string) => (await shop.db.collection('flash_sales').doc(id).get()).data;
const product = (as: string, id: string) => shop.call(as, 'shop', { action: 'getProduct', id });

async function checkSaleInvariants() {
  const [sales, orders] = await Promise.all([shop.all('flash_sales'), shop.all('orders')]);
  const broken: string[] = [];
  for (const sale of sales) {
    const lines = orders
      .filter((o) => o.status !== 'cancelled')
      .flatMap((o) =>
        o.items.filter((l: any) => l.campaignId === sale._id).map((l: any) => ({ ...l, buyer: o.buyerId })),
      );
    const untaken = (sale.holds ?? []).filter((m: any) => !orders.some((o) => o.holds?.includes(m.token)));
    for (const s of sale.skus) {
      if (s.left < 0 || s.left + s.sold + s.returned !== s.stock)
        broken.push(`${sale._id}/${s.skuId}: left ${s.left} + sold ${s.sold} + returned ${s.returned} ≠ ${s.stock}`);
      const held = lines.filter((l) => l.skuId === s.skuId).reduce((n, l) => n + l.qty, 0);
      const marked = untaken.filter((m: any) => m.sku === s.skuId).reduce((n: number, m: any) => n + m.qty, 0);
      if (held + marked !== s.sold)
        broken.push(`${sale._id}/${s.skuId}: sold ${s.sold} ≠ orders ${held} + marks ${marked}`);
    }
    const counted = Object.values(sale.bought ?? {}).reduce((n: number, q) => n + Number(q), 0);
    const total = sale.skus.reduce((n: number, s: any) => n + s.sold, 0);
    if (counted !== total) broken.push(`${sale._id}: members' counts ${counted} ≠ sold ${total}`);
    for (const [key, q] of Object.entries(sale.bought ?? {}))
      if (Number(q) > sale.perMember || Number(q) < 0) broken.push(`${sale._id}: member ${key} holds ${q}`);
  }
  expect(broken).toEqual([]);
}

describe('the owner saves and stops a sale: its units move out of the SKU and back', () => {
  test('save sets the units aside (SKU stock down), the page shows it upcoming; stop returns them', async () => {
    const { sku, sale } = await saleOn('fsMove', { stock: 20, units: 8, startIn: HOUR });
    expect(sale).toMatchObject({
      status: 'upcoming',
      perMember: 5,
      skus: [{ skuId: sku.skuId, spec: '规格1', priceFen: 500, originalFen: 1000, stock: 8, stockLeft: 8 }],
    });
    expect(await shop.stock('fsMove', sku.skuId)).toBe(12);
    const page = (await product('bob', 'fsMove')).data;
    expect(page.flashSale).toMatchObject({ id: sale.id, status: 'upcoming', skus: [{ priceFen: 500, stockLeft: 8 }] });
    expect(page.product.skus[0]).toMatchObject({ priceFen: 1000, stock: 12 });
    // Before the start the normal price applies.
    expect((await shop.ok('bob', 'quote', { items: [sku] })).items[0]).toMatchObject({ priceFen: 1000 });
    expect((await shop.ok('bob', 'quote', { items: [sku] })).items[0].campaign).toBeUndefined();

    const stopped = (await ok(OWNER, 'stopFlashSale', { id: sale.id })).flashSale;
    expect(stopped).toMatchObject({ status: 'stopped', skus: [{ stockLeft: 0 }] });
    expect(await shop.stock('fsMove', sku.skuId)).toBe(20);
    expect((await product('bob', 'fsMove')).data.flashSale).toBeUndefined();
    // A second stop changes nothing.
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
    expect(await shop.stock('fsMove', sku.skuId)).toBe(20);
    expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 0, returned: 8, sold: 0 });
  });

  test('an edit before the start moves only the difference; after the start it is refused', async () => {
    const { sku, sale, draft } = await saleOn('fsEdit', { stock: 20, units: 8, startIn: HOUR });
    const edited = await ok(OWNER, 'saveFlashSale', {
      flashSale: { ...draft, id: sale.id, skus: [{ ...draft.skus[0], stock: 15, priceFen: 450 }] },
    });
    expect(edited.flashSale.skus[0]).toMatchObject({ stock: 15, stockLeft: 15, priceFen: 450 });
    expect(await shop.stock('fsEdit', sku.skuId)).toBe(5);
    await shop.advance(HOUR);
    const again = await campaign(OWNER, 'saveFlashSale', { flashSale: { ...draft, id: sale.id } });
    expect(codeOf(again)).toBe('campaign.started');
    expect(await shop.stock('fsEdit', sku.skuId)).toBe(5);
    const listed = (await ok(OWNER, 'ownerFlashSales', { limit: 50 })).items.find((s: any) => s.id === sale.id);
    expect(listed).toMatchObject({ title: '测试商品 fsEdit', status: 'live', sold: 0 });
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
  });

  test('one sale per product that has not ended; the stock must cover the units; the price must be lower', async () => {
    const { sku, sale, draft } = await saleOn('fsOne', { stock: 20, units: 8, startIn: HOUR });
    const before = await shop.state();
    const refusals = await Promise.all([
      campaign(OWNER, 'saveFlashSale', { flashSale: draft }),
      campaign(OWNER, 'saveFlashSale', {
        flashSale: { ...draft, productId: 'rice5kg', skus: [{ skuId: 'rice5kg-1', priceFen: 1, stock: 100_000 }] },
      }),
      campaign(OWNER, 'saveFlashSale', {
        flashSale: { ...draft, id: sale.id, skus: [{ ...draft.skus[0], stock: 21 }] },
      }),
      campaign(OWNER, 'saveFlashSale', {
        flashSale: { ...draft, id: sale.id, skus: [{ ...draft.skus[0], priceFen: 1000 }] },
      }),
    ]);
    expect(refusals.map(codeOf)).toEqual([
      'campaign.overlap',
      'campaign.stock_short',
      'campaign.stock_short',
      'campaign.price_invalid',
    ]);
    expect(await shop.state()).toEqual(before);
    expect(await shop.stock('fsOne', sku.skuId)).toBe(12);
    // Once it is stopped, a new sale of the product may be saved.
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
    const next = await ok(OWNER, 'saveFlashSale', { flashSale: draft });
    expect(next.flashSale.id).not.toBe(sale.id);
    await ok(OWNER, 'stopFlashSale', { id: next.flashSale.id });
  });
});

describe('orders of a live sale', () => {
  test('priced at the flash price, units from the sale (never from the SKU); the page shows what is left', async () => {
    const { sku, sale } = await saleOn('fsLive', { stock: 20, units: 4 });
    const quoted = await shop.ok('carl', 'quote', { items: [{ ...sku, qty: 2 }, line('rice5kg', 'rice5kg-1')] });
    expect(quoted.items.find((l: any) => l.productId === 'fsLive')).toMatchObject({
      priceFen: 500,
      lineFen: 1000,
      campaign: 'flash_sale',
    });
    const created = await shop.create('carl', [{ ...sku, qty: 2 }]);
    expect(created.ok && created.data.order.items[0]).toMatchObject({ priceFen: 500, campaign: 'flash_sale' });
    // The units came from the sale, never from the SKU.
    expect(await shop.stock('fsLive', sku.skuId)).toBe(16);
    expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 2, sold: 2 });
    expect((await product('dora', 'fsLive')).data.flashSale).toMatchObject({
      status: 'live',
      skus: [{ stockLeft: 2 }],
    });
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
  });

  test('the per-member limit counts across orders (unpaid ones too) until one is cancelled', async () => {
    const { sku, sale } = await saleOn('fsLimit', { stock: 20, units: 10, perMember: 2 });
    const first = await shop.placed('erin', [sku]);
    await shop.paid('erin', [sku]);
    expect(codeOf(await shop.create('erin', [sku]))).toBe('campaign.limit_reached');
    expect(await shop.refused('erin', 'quote', { items: [sku] })).toBe('campaign.limit_reached');
    expect(codeOf(await shop.create('fay', [{ ...sku, qty: 3 }]))).toBe('campaign.limit_reached');
    // The cancel gives the unit back to the sale and the member may buy it again.
    await shop.ok('erin', 'cancel', { orderId: first.id });
    expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 9, sold: 1 });
    expect(codeOf(await shop.create('erin', [sku]))).toBe('ok');
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
  });

  test('a rush of 60 buyers on 50 units: exactly 50 orders at the flash price, 10 sold out, nothing lost', async () => {
    const { sku, sale } = await saleOn('fsRush', { stock: 80, units: 50, perMember: 1 });
    const buyers = Array.from({ length: 60 }, (_v, i) => `rush${i}`);
    await pool(buyers, 8, (b) => shop.token(b));
    const answers = await settleAll(buyers.map((b) => shop.create(b, [sku])));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(50);
    expect(codes.filter((c) => c === 'campaign.sold_out')).toHaveLength(10);
    const placed = answers.filter((a) => a.ok).map((a) => (a as any).data.order);
    expect(placed.every((o) => o.items[0].priceFen === 500 && o.amounts.goodsFen === 500)).toBe(true);
    expect(await shop.stock('fsRush', sku.skuId)).toBe(30);
    const doc = await saleDoc(sale.id);
    expect(doc.skus[0]).toMatchObject({ left: 0, sold: 50 });
    // The 51st unit: refused, never sold at the normal price.
    expect(codeOf(await shop.create('late', [sku]))).toBe('campaign.sold_out');
    expect((await product('late', 'fsRush')).data.flashSale).toMatchObject({ status: 'sold_out' });
    // Three buyers cancel: their units go back to the sale, and others buy them.
    const winners = buyers.filter((_b, i) => answers[i].ok).slice(0, 3);
    const orderOf = (b: string) => (answers[buyers.indexOf(b)] as any).data.order.id;
    await settleAll(winners.map((b) => shop.ok(b, 'cancel', { orderId: orderOf(b) })));
    const second = await settleAll(['r2a', 'r2b', 'r2c', 'r2d'].map((b) => shop.create(b, [sku])));
    expect(second.map(codeOf).sort()).toEqual(['campaign.sold_out', 'ok', 'ok', 'ok']);
    // stock + flash units left + sold = initial
    const after = await saleDoc(sale.id);
    expect((await shop.stock('fsRush', sku.skuId)) + after.skus[0].left + after.skus[0].sold).toBe(80);
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
  }, 180_000);
});

describe('races (the invariants after each test hold whoever wins)', () => {
  test("the owner's save racing 30 normal orders on the same SKU: no unit lost or sold twice", async () => {
    const [sku] = await shop.makeProduct('fsRaceSave', [{ stock: 40, priceFen: 1000 }]);
    const buyers = Array.from({ length: 30 }, (_v, i) => `rs${i}`);
    await pool(buyers, 8, (b) => shop.token(b));
    const now = await shop.now();
    const flashSale = {
      productId: 'fsRaceSave',
      skus: [{ skuId: sku.skuId, priceFen: 500, stock: 15 }],
      startAt: new Date(now.getTime() + HOUR).toISOString(),
      endAt: new Date(now.getTime() + 2 * HOUR).toISOString(),
      perMember: 1,
    };
    const [saved, ...orders] = await settleAll([
      campaign(OWNER, 'saveFlashSale', { flashSale }),
      ...buyers.map((b) => shop.create(b, [sku])),
    ]);
    const placed = orders.filter((o) => o.ok).length;
    expect(orders.map(codeOf).every((c) => c === 'ok' || c === 'order.stock_insufficient')).toBe(true);
    const stock = await shop.stock('fsRaceSave', sku.skuId);
    if (saved.ok) {
      expect(placed).toBeLessThanOrEqual(25);
      expect(stock).toBe(40 - 15 - placed);
      await ok(OWNER, 'stopFlashSale', { id: saved.data.flashSale.id });
    } else {
      expect(['campaign.stock_short', 'campaign.busy']).toContain(codeOf(saved));
      expect(stock).toBe(40 - placed);
    }
  }, 180_000);

  test('a stop in the middle of a rush, with cancels: every unit ends in the SKU or in an order', async () => {
    const { sku, sale } = await saleOn('fsRaceStop', { stock: 40, units: 20, perMember: 1 });
    const early = await pool(['rse0', 'rse1', 'rse2'], 3, (b) => shop.placed(b, [sku]));
    const buyers = Array.from({ length: 30 }, (_v, i) => `rst${i}`);
    await pool(buyers, 8, (b) => shop.token(b));
    const [stopped, ...rest] = await settleAll<Outcome>([
      campaign(OWNER, 'stopFlashSale', { id: sale.id }),
      ...early.map((o, i) => shop.order(`rse${i}`, 'cancel', { orderId: o.id })),
      ...buyers.map((b) => shop.create(b, [sku])),
    ]);
    // A stop that lost every retry to the rush's takes answers campaign.busy and changed nothing: the owner asks again.
    expect(['ok', 'campaign.busy']).toContain(codeOf(stopped));
    if (!stopped.ok) await ok(OWNER, 'stopFlashSale', { id: sale.id });
    // A cancel whose stock release lost its retries to the rush left it to the scheduler's sweep (releaseStranded).
    await shop.runScheduler();
    const created = rest.slice(early.length);
    // Before the stop: the flash price from the sale; after it: the normal price from the SKU. Nothing else.
    for (const c of created) {
      if (!c.ok) expect(['campaign.not_live', 'campaign.sold_out', 'campaign.busy']).toContain(c.error.code);
      else expect([500, 1000]).toContain(c.data.order.items[0].priceFen);
    }
    const doc = await saleDoc(sale.id);
    expect(doc.returned).toBe(true);
    expect(doc.skus[0].left).toBe(0);
    const flashOrders = created.filter((c) => c.ok && c.data.order.items[0].priceFen === 500).length;
    expect(doc.skus[0].sold).toBe(flashOrders);
  }, 180_000);

  test('the sold-out note racing cancels and new buyers: it never stands while a unit is left', async () => {
    const { sku, sale } = await saleOn('fsRaceNote', { stock: 30, units: 6, perMember: 1 });
    const holders = Array.from({ length: 6 }, (_v, i) => `rnh${i}`);
    const placed = await pool(holders, 3, (b) => shop.placed(b, [sku]));
    const pointer = async () => (await shop.db.collection('products').doc('fsRaceNote').get()).data.flashSale;
    expect(codeOf(await shop.create('rnfirst', [sku]))).toBe('campaign.sold_out');
    expect((await pointer()).soldOut).toEqual([sku.skuId]);
    const buyers = Array.from({ length: 24 }, (_v, i) => `rnb${i}`);
    await pool(buyers, 8, (b) => shop.token(b));
    const answers = await settleAll<Outcome>([
      ...placed.map((o, i) => shop.order(holders[i], 'cancel', { orderId: o.id })),
      ...buyers.map((b) => shop.create(b, [sku])),
    ]);
    for (const a of answers.slice(placed.length))
      expect(['ok', 'campaign.sold_out', 'campaign.busy']).toContain(codeOf(a));
    await shop.runScheduler(); // a cancel whose release lost its retries to the rush
    const left = (await saleDoc(sale.id)).skus[0].left;
    const note = (await pointer()).soldOut ?? [];
    if (note.includes(sku.skuId)) expect(left).toBe(0);
    // Whatever is left, a buyer now gets it; once nothing is, the note is back after one refusal.
    for (let i = 0; i < left; i++) expect(codeOf(await shop.create(`rnlate${i}`, [sku]))).toBe('ok');
    expect(codeOf(await shop.create('rnlast', [sku]))).toBe('campaign.sold_out');
    expect((await pointer()).soldOut).toEqual([sku.skuId]);
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
    expect(await pointer()).toBeUndefined();
  }, 180_000);
});

describe('the end of a sale', () => {
  test('by its clock: the unsold units and those of unpaid orders that expired go back to the SKU', async () => {
    const { sku, sale } = await saleOn('fsEnd', { stock: 20, units: 5 });
    const unpaid = await shop.placed('gus', [sku]);
    const paid = await shop.paid('hal', [sku]);
    expect(await shop.stock('fsEnd', sku.skuId)).toBe(15);
    await shop.advance(2 * HOUR);
    // At the end the normal price is back (a create goes to the SKU's stock).
    const after = await shop.create('ivy', [sku]);
    expect(after.ok && after.data.order.items[0]).toMatchObject({ priceFen: 1000 });
    expect((after as any).data.order.items[0].campaign).toBeUndefined();
    await shop.runScheduler();
    // 3 unsold back; ivy's normal order took one; gus's order expired in the same run (payBefore passed): back too.
    const doc = await saleDoc(sale.id);
    expect(doc).toMatchObject({ returned: true, stopped: false });
    expect(doc.skus[0]).toMatchObject({ left: 0, sold: 1, returned: 4 });
    expect((await shop.orderDoc(unpaid.id)).status).toBe('cancelled');
    expect(await shop.stock('fsEnd', sku.skuId)).toBe(15 + 3 + 1 - 1);
    expect((await shop.orderDoc(paid.id)).status).toBe('paid');
    const listed = (await ok(OWNER, 'ownerFlashSales', {})).items.find((s: any) => s.id === sale.id);
    expect(listed).toMatchObject({ status: 'ended', sold: 1 });
  });

  test('stopped while an unpaid order holds units: they go to the SKU at its cancel, not to the sale', async () => {
    const { sku, sale } = await saleOn('fsStop', { stock: 20, units: 5 });
    const unpaid = await shop.placed('jon', [{ ...sku, qty: 2 }]);
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
    expect(await shop.stock('fsStop', sku.skuId)).toBe(18);
    await shop.ok('jon', 'cancel', { orderId: unpaid.id });
    expect(await shop.stock('fsStop', sku.skuId)).toBe(20);
    expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 0, sold: 0, returned: 5 });
  });

  test('lazily when read: a page after the end shows no sale, its units back before any scheduler run', async () => {
    const { sku, sale } = await saleOn('fsLazy', { stock: 20, units: 6 });
    await shop.advance(2 * HOUR + MINUTE);
    expect((await product('kim', 'fsLazy')).data.flashSale).toBeUndefined();
    expect((await saleDoc(sale.id)).returned).toBe(true);
    expect(await shop.stock('fsLazy', sku.skuId)).toBe(20);
  });

  test('a refund of a paid flash order that never shipped gives its unit to the SKU, not to the sale', async () => {
    const { sku, sale } = await saleOn('fsRefund', { stock: 20, units: 5 });
    const paid = await shop.paid('lea', [sku]);
    const refunded = await shop.refundAll('lea', paid.id);
    expect(refunded.status).toBe('refunded');
    expect(await shop.stock('fsRefund', sku.skuId)).toBe(16);
    expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 4, sold: 1 });
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
    expect(await shop.stock('fsRefund', sku.skuId)).toBe(20);
  });
});

test('a reservation cut off before its order was written: its units go back after RECLAIM_AFTER_MS', async () => {
  const { sku, sale } = await saleOn('fsCrash', { stock: 20, units: 5, perMember: 2 });
  // What a create killed between its take and its insert leaves: units taken, marked, no order.
  const _ = shop.db.command;
  const mark = {
    token: 'deadbeef00000000',
    order: 'gone-order',
    sku: sku.skuId,
    qty: 2,
    buyer: 'k'.repeat(16),
    at: await shop.now(),
  };
  await shop.db
    .collection('flash_sales')
    .doc(sale.id)
    .update({
      data: { 'skus.0.left': _.inc(-2), 'skus.0.sold': _.inc(2), [`bought.${mark.buyer}`]: 2, holds: _.push([mark]) },
    });
  await shop.runScheduler();
  expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 3, sold: 2 });
  await shop.advance(31 * MINUTE);
  await shop.runScheduler();
  const doc = await saleDoc(sale.id);
  expect(doc.skus[0]).toMatchObject({ left: 5, sold: 0 });
  expect(doc.holds).toEqual([]);
  expect(doc.bought[mark.buyer]).toBe(0);
  await ok(OWNER, 'stopFlashSale', { id: sale.id });
});

describe('hostile input changes nothing', () => {
  test('foreign ids, regex characters, 10 KB strings, huge numbers, wrong types: coded refusals', async () => {
    const { sku, sale, draft } = await saleOn('fsHostile', { stock: 20, units: 5, startIn: HOUR });
    const before = { state: await shop.state(), sales: await shop.all('flash_sales') };
    const big = 'x'.repeat(10 * 1024);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ action: 'stopFlashSale', id: 'nosuchsale' }, 'campaign.not_found'],
      [{ action: 'stopFlashSale', id: '.*' }, 'input.invalid'],
      [{ action: 'stopFlashSale', id: { $ne: null } }, 'input.invalid'],
      [{ action: 'stopFlashSale', id: big }, 'input.invalid'],
      [{ action: 'saveFlashSale', flashSale: { ...draft, id: 'nosuchsale' } }, 'campaign.not_found'],
      [{ action: 'saveFlashSale', flashSale: { ...draft, productId: 'nosuchproduct' } }, 'product.not_found'],
      [{ action: 'saveFlashSale', flashSale: { ...draft, productId: '^fs.*$' } }, 'input.invalid'],
      [
        {
          action: 'saveFlashSale',
          flashSale: { ...draft, id: sale.id, skus: [{ ...draft.skus[0], skuId: 'rice5kg-1' }] },
        },
        'product.sku_unknown',
      ],
      [
        { action: 'saveFlashSale', flashSale: { ...draft, skus: [{ ...draft.skus[0], stock: 1e12 }] } },
        'input.invalid',
      ],
      [{ action: 'saveFlashSale', flashSale: { ...draft, skus: [{ ...draft.skus[0], stock: -5 }] } }, 'input.invalid'],
      [
        { action: 'saveFlashSale', flashSale: { ...draft, skus: [{ ...draft.skus[0], priceFen: '1' }] } },
        'input.invalid',
      ],
      [{ action: 'saveFlashSale', flashSale: { ...draft, startAt: big } }, 'input.invalid'],
      [{ action: 'saveFlashSale', flashSale: { ...draft, perMember: 0 } }, 'input.invalid'],
      [{ action: 'saveFlashSale', flashSale: { ...draft, extra: 1 } }, 'input.invalid'],
      [{ action: 'saveFlashSale', flashSale: { ...draft, endAt: draft.startAt } }, 'campaign.window_invalid'],
      [{ action: 'ownerFlashSales', cursor: big }, 'input.invalid'],
      [{ action: 'ownerFlashSales', cursor: 'bm90IGEgY3Vyc29y' }, 'input.invalid'],
    ];
    for (const [body, code] of cases)
      expect([body.action, codeOf(await shop.call(OWNER, 'campaign', body))]).toEqual([body.action, code]);
    // Non-owners: refused before their input is looked at.
    expect(codeOf(await campaign('mallory', 'saveFlashSale', { flashSale: draft }))).toBe('auth.not_owner');
    expect(codeOf(await campaign('mallory', 'stopFlashSale', { id: sale.id }))).toBe('auth.not_owner');
    // Orders: huge quantities and a flash SKU with a wrong type.
    expect(codeOf(await shop.create('max', [{ ...sku, qty: 1e9 }]))).toBe('input.invalid');
    expect(codeOf(await shop.create('max', [{ ...sku, skuId: `${sku.skuId}.*` }]))).toBe('input.invalid');
    expect({ state: await shop.state(), sales: await shop.all('flash_sales') }).toEqual(before);
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
  });

  test('the same request sent twice during a sale is one order and takes its units once', async () => {
    const { sku, sale } = await saleOn('fsTwice', { stock: 20, units: 5, perMember: 2 });
    const requestId = randomUUID();
    const body = { requestId, items: [sku], address: ADDRESS };
    const [a, b] = await settleAll([shop.order('ned', 'create', body), shop.order('ned', 'create', body)]);
    expect([codeOf(a), codeOf(b)]).toEqual(['ok', 'ok']);
    expect((a as any).data.order.id).toBe((b as any).data.order.id);
    expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 4, sold: 1 });
    await shop.advance(DAY);
    await shop.runScheduler();
  });

  test('sold out: the first refusal notes it on the product, later ones read the product and the order', async () => {
    const { sku, sale } = await saleOn('fsRetry', { stock: 20, units: 1, perMember: 1 });
    const body = { requestId: randomUUID(), items: [sku], address: ADDRESS };
    const placed = (await shop.ok('olga', 'create', body)).order;
    const requestsOf = async (call: () => Promise<unknown>) => {
      await post(shop.emu, '/__dev/stats/reset', {});
      await call();
      const { tcbRequests, tcbActions } = (await get(shop.emu, '/__dev/stats')).json;
      return { tcbRequests, tcbActions };
    };
    const pointer = async () => (await shop.db.collection('products').doc('fsRetry').get()).data.flashSale;
    expect((await pointer()).soldOut).toBeUndefined();
    // The first refusal: the products, the take, the sale read (no count in the sale: no order to look for), then
    // one transaction that reads the sale and the product and writes both.
    await pool(['pete', 'quinn'], 2, (b) => shop.token(b));
    let refusal: Outcome | undefined;
    expect(await requestsOf(async () => (refusal = await shop.create('pete', [sku])))).toEqual({
      tcbRequests: 9,
      tcbActions: {
        'database.getDocument': 4,
        'database.modifyDocument': 3,
        'database.startTransaction': 1,
        'database.commitTransaction': 1,
      },
    });
    expect(codeOf(refusal!)).toBe('campaign.sold_out');
    expect((await pointer()).soldOut).toEqual([sku.skuId]);
    // Later refusals: the product says so; the order of the request id is read (a copy of it may have placed it).
    expect(await requestsOf(async () => (refusal = await shop.create('quinn', [sku])))).toEqual({
      tcbRequests: 2,
      tcbActions: { 'database.getDocument': 2 },
    });
    expect(codeOf(refusal!)).toBe('campaign.sold_out');
    expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 0, sold: 1 });
    // The member holding the unit: the same request answers with its order; other content under its id is refused.
    expect((await shop.ok('olga', 'create', body)).order.id).toBe(placed.id);
    expect(await shop.refused('olga', 'create', { ...body, note: '改一下' })).toBe('order.request_conflict');
    // The cancel gives the unit back to the sale and clears the note in the same transaction: the next buyer has it.
    await shop.ok('olga', 'cancel', { orderId: placed.id });
    expect((await pointer()).soldOut).toBeUndefined();
    expect(codeOf(await shop.create('pete', [sku]))).toBe('ok');
    // The member's count is 0, not absent, and the order is read: the retry still answers with the cancelled order.
    expect((await shop.ok('olga', 'create', body)).order).toMatchObject({ id: placed.id, status: 'cancelled' });
    expect((await saleDoc(sale.id)).skus[0]).toMatchObject({ left: 0, sold: 1 });
    await ok(OWNER, 'stopFlashSale', { id: sale.id });
  });
});
