// The sharer's track record on the trust card (issue 21) through the emulator: each figure against a scan of the
// stored orders and reviews after a random history (completed, refunded in full, partially refunded, hidden
// reviews, other members' orders), the refund rate's 5-order threshold, the short-lived record's age, and that no
// input declares any of it. The sharer's centre shows the very same record.
import { get, post } from '../emulator/harness';
import { checkCountersAgainstLedger, checkStatsAgainstReviews } from './ledgers';
import { DAY, MINUTE, OWNER, line, useShop, type Line } from './order-kit';

const shop = useShop();

afterEach(async () => {
  await checkStatsAgainstReviews(shop);
  await checkCountersAgainstLedger(shop);
});

const call = (as: string, fn: string, action: string, input: Record<string, unknown> = {}) =>
  shop.call(as, fn, { action, ...input });

async function ok(as: string, fn: string, action: string, input: Record<string, unknown> = {}) {
  const result = await call(as, fn, action, input);
  if (!result.ok) throw new Error(`${fn}.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

const session = async (as: string) => (await ok(as, 'shop', 'session')).user as { openid: string; shareCode: string };

/** What a friend sees of `sharer` on the product page opened from their card. */
const seenBy = async (viewer: string, sharer: string, productId = 'puer357') =>
  (await ok(viewer, 'shop', 'getProduct', { id: productId, s: (await session(sharer)).shareCode })).trust.sharer;

/** A small deterministic generator, so a failing history can be replayed. */
function generator(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % 4294967296) % n;
  };
}

describe('track record figures', () => {
  test('kept products and visible reviews equal a scan of the orders and reviews after a random history', async () => {
    const pick = generator(21);
    const products: Line[][] = [];
    for (const id of ['tra', 'trb', 'trc', 'trd', 'tre'])
      products.push(
        await shop.makeProduct(id, [
          { stock: 500, priceFen: 6000 },
          { stock: 500, priceFen: 4000 },
        ]),
      );
    const SHARER = 'trsharer';
    const fates = ['completed', 'partial', 'full', 'paid', 'other', 'partial', 'completed', 'full'];
    const reviewed: string[] = [];
    for (let i = 0; i < 14; i++) {
      const first = pick(products.length);
      const second = (first + 1 + pick(products.length - 1)) % products.length;
      const lines = (pick(2) === 0 ? [first] : [first, second]).map((p) => ({
        ...products[p][pick(2)],
        qty: 1 + pick(3),
      }));
      const fate = fates[pick(fates.length)];
      if (fate === 'paid') {
        await shop.paid(SHARER, lines);
        continue;
      }
      const buyer = fate === 'other' ? 'trother' : SHARER;
      const order = await shop.completed(buyer, lines);
      const target = lines[lines.length - 1];
      const result = await call(buyer, 'shop', 'review', {
        orderId: order.id,
        skuId: target.skuId,
        rating: 4,
        text: '不错',
      });
      if (result.ok && buyer === SHARER) reviewed.push(result.data.review.id);
      if (fate === 'full') await shop.refundAll(buyer, order.id);
      if (fate === 'partial') {
        // One unit of the first line: a line of one unit is then refunded whole, a larger one keeps some.
        const opened = await shop.applyCase(buyer, order.id, { lines: [{ skuId: lines[0].skuId, qty: 1 }] });
        await shop.refundCase(await shop.decideCase(opened.id, true));
      }
    }
    expect(reviewed.length).toBeGreaterThan(1);
    await ok(OWNER, 'shop', 'hideReview', { reviewId: reviewed[0], hidden: true });

    const me = await session(SHARER);
    const orders = (await shop.all('orders')).filter((o) => o.buyerId === me.openid && o.status === 'completed');
    const kept = new Set<string>();
    for (const o of orders)
      for (const l of o.items) if (l.qty > (o.refundedQty?.[l.skuId] ?? 0)) kept.add(l.productId as string);
    const visible = (await shop.all('reviews')).filter(
      (r) => r.buyerId === me.openid && r.hidden === false && r.withdrawn !== true,
    );
    // The history must have exercised what the figures leave out.
    const all = (await shop.all('orders')).filter((o) => o.buyerId === me.openid);
    expect(all.some((o) => o.status === 'refunded')).toBe(true);
    expect(all.some((o) => o.status === 'completed' && o.refundedFen > 0)).toBe(true);
    expect(all.some((o) => o.status === 'paid')).toBe(true);
    expect((await shop.all('reviews')).some((r) => r.buyerId === me.openid && r.withdrawn === true)).toBe(true);

    const user = (await shop.all('users')).find((u) => u.openid === me.openid);
    const seen = await seenBy('trviewer', SHARER);
    expect(seen).toEqual({
      nickname: user.nickname,
      shareCode: me.shareCode,
      memberSince: new Date(user.createdAt).toISOString(),
      keptProducts: kept.size,
      reviews: visible.length,
    });
    expect(seen.keptProducts).toBeGreaterThan(0);
    // The sharer's centre: exactly what friends see.
    expect((await ok(SHARER, 'commission', 'myStats')).asFriendsSee).toEqual(seen);
  });

  test('kept per unit: a case refunding all units of a line leaves its product out, 1 of 2 keeps it', async () => {
    const [a] = await shop.makeProduct('trk1', [{ stock: 50, priceFen: 6000 }]);
    const [b] = await shop.makeProduct('trk2', [{ stock: 50, priceFen: 6000 }]);
    const order = await shop.completed('trunit', [
      { ...a, qty: 1 },
      { ...b, qty: 2 },
    ]);
    const opened = await shop.applyCase('trunit', order.id, {
      lines: [
        { skuId: a.skuId, qty: 1 },
        { skuId: b.skuId, qty: 1 },
      ],
    });
    await shop.refundCase(await shop.decideCase(opened.id, true));
    expect((await shop.orderDoc(order.id)).status).toBe('completed');
    expect(await seenBy('trviewer', 'trunit')).toMatchObject({ keptProducts: 1, reviews: 0 });
  });
});

describe('referred refund rate', () => {
  const GOJI = line('ningxia-goji', 'ningxia-goji-1');

  test('absent with 4 paid referred orders, present from the 5th: refunded in whole or in part over paid', async () => {
    const SHARER = 'trref';
    const code = (await session(SHARER)).shareCode;
    const buyers = ['trrb1', 'trrb2'];
    for (const b of buyers) await ok(b, 'commission', 'recordVisit', { productId: 'ningxia-goji', s: code, c: 'chat' });
    const full = await shop.paid('trrb1', [GOJI]);
    await shop.refundAll('trrb1', full.id);
    const partial = await shop.completed('trrb2', [{ ...GOJI, qty: 3 }]);
    const opened = await shop.applyCase('trrb2', partial.id, { lines: [{ skuId: GOJI.skuId, qty: 1 }] });
    await shop.refundCase(await shop.decideCase(opened.id, true));
    await shop.paid('trrb1', [GOJI]);
    await shop.completed('trrb2', [GOJI]);
    await shop.placed('trrb1', [GOJI]); // never paid: not counted
    await shop.paid('trunbound', [GOJI]); // not attributed to her
    const referred = (await shop.all('orders')).filter((o) => o.sharer?.code === code);
    expect(referred.filter((o) => o.paidAt)).toHaveLength(4);

    const four = await seenBy('trviewer', SHARER);
    expect(four).not.toHaveProperty('referredRefundRate');

    await shop.paid('trrb2', [GOJI]);
    // Within its age the record counted a moment ago still serves; once older, it is counted again.
    expect(await seenBy('trviewer', SHARER)).not.toHaveProperty('referredRefundRate');
    await shop.advance(10 * MINUTE);
    const five = await seenBy('trviewer', SHARER);
    expect(five.referredRefundRate).toBe(40); // 2 of 5: one refunded in full, one in part
    expect((await ok(SHARER, 'commission', 'myStats')).asFriendsSee).toEqual(five);
    await shop.advance(DAY);
  });

  test('never declared: inputs that name a figure are refused and change nothing', async () => {
    const before = await seenBy('trviewer', 'alice');
    const code = (await session('alice')).shareCode;
    for (const extra of [{ keptProducts: 99 }, { reviews: 99 }, { referredRefundRate: 0 }, { memberSince: '2001' }]) {
      const result = await call('alice', 'shop', 'getProduct', { id: 'puer357', s: code, ...extra });
      expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
      const mine = await call('alice', 'commission', 'myStats', extra);
      expect(mine).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
    await shop.advance(10 * MINUTE);
    expect(await seenBy('trviewer', 'alice')).toEqual(before);
  });
});

describe('cost on the product page', () => {
  const requestsOf = async (call: () => Promise<unknown>) => {
    await post(shop.emu, '/__dev/stats/reset', {});
    await call();
    return (await get(shop.emu, '/__dev/stats')).json.tcbRequests as number;
  };

  test('a fresh record costs one read more than no sharer; counting it again four reads and a write', async () => {
    const code = (await session('trcost')).shareCode;
    await seenBy('trviewer', 'trcost'); // the viewer's session and the record counted
    const without = await requestsOf(() => ok('trviewer', 'shop', 'getProduct', { id: 'puer357' }));
    const fresh = await requestsOf(() => ok('trviewer', 'shop', 'getProduct', { id: 'puer357', s: code }));
    await shop.advance(10 * MINUTE);
    const recount = await requestsOf(() => ok('trviewer', 'shop', 'getProduct', { id: 'puer357', s: code }));
    // With a sharer the page also reads their user, whether the viewer muted them, and their note, purchases and
    // review of the product.
    const sharerReads = 5;
    expect(fresh - without).toBe(sharerReads + 1);
    // Counted again: the completed orders, the reviews count, two referred counts, and the record written.
    expect(recount - fresh).toBe(5);
  });
});
