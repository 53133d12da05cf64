// Coupons through the emulator with the real SDK: the owner issues, edits and stops them; members (开卡 first) claim
// them, never past `total` or `perMember` under any concurrency; checkout prices them (threshold edges, scope,
// validity, stacking with points, the 1-fen floor) and an order takes one in its own transaction (two orders, one
// coupon: one wins); a cancel gives it back, a full refund while it is valid too, a partial refund does not;
// commission and points are earned on the goods paid after it. After every test: every coupon's `claimed` equals
// its member coupons, no member holds more than `perMember`, and an order holds its coupon exactly while it lives.
import { checkPointsAgainstLedger } from './ledgers';
import { DAY, MINUTE, OWNER, line, pool, useShop, type Line, type Outcome } from './order-kit';

const shop = useShop();

afterEach(() => checkPointsAgainstLedger(shop));
afterEach(() => checkCouponInvariants());

const coupon = (as: string, action: string, input: Record<string, unknown> = {}): Promise<Outcome> =>
  shop.call(as, 'coupon', { action, ...input });

async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await coupon(as, action, input);
  if (!result.ok) throw new Error(`coupon.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function refused(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await coupon(as, action, input);
  if (result.ok) throw new Error(`coupon.${action} as ${as} went through: ${JSON.stringify(result)}`);
  return result.error.code;
}

const codeOf = (o: Outcome) => (o.ok ? 'ok' : o.error.code);

/** 满100减10 for everyone, each claim valid 7 days; `over` changes any term. */
async function issue(over: Record<string, unknown> = {}) {
  const draft = {
    name: '满100减10',
    kind: 'amount_off',
    offFen: 1000,
    thresholdFen: 10000,
    scope: 'all',
    validDays: 7,
    total: 100,
    perMember: 1,
    ...over,
  };
  return (await ok(OWNER, 'save', { coupon: draft })).coupon;
}

/** 开卡 (the member card), as a buyer does before claiming. */
async function join(as: string) {
  const result = await shop.call(as, 'points', { action: 'join' });
  if (!result.ok) throw new Error(`join as ${as}: ${JSON.stringify(result)}`);
}

async function claimed(as: string, couponId: string) {
  return (await ok(as, 'claim', { couponId })).memberCoupon;
}

async function memberWith(as: string, over: Record<string, unknown> = {}) {
  await join(as);
  const c = await issue(over);
  return { coupon: c, mc: await claimed(as, c.id) };
}

const quote = (as: string, items: Line[], extra: Record<string, unknown> = {}) =>
  shop.ok(as, 'quote', { items, ...extra });

/** An order placed with the given extras (couponId, pointsToUse), paid through the simulator. */
async function paidWith(as: string, items: Line[], extra: Record<string, unknown>) {
  const created = await shop.create(as, items, extra);
  if (!created.ok) throw new Error(`create as ${as} refused: ${JSON.stringify(created)}`);
  const { outTradeNo } = await shop.startPay(as, created.data.order.id);
  await shop.simulatePay(outTradeNo);
  return shop.get(as, created.data.order.id);
}

async function memberCoupon(id: string) {
  return (await shop.db.collection('member_coupons').doc(id).get()).data;
}

async function checkCouponInvariants() {
  const [coupons, mcs, orders] = await Promise.all([
    shop.all('coupons'),
    shop.all('member_coupons'),
    shop.all('orders'),
  ]);
  const broken: string[] = [];
  for (const c of coupons) {
    const made = mcs.filter((m) => m.couponId === c._id);
    if (made.length !== c.claimed) broken.push(`${c._id}: claimed ${c.claimed} ≠ ${made.length} member coupons`);
    if (c.claimed > c.total) broken.push(`${c._id}: claimed ${c.claimed} > total ${c.total}`);
    const perOwner = new Map<string, number>();
    for (const m of made) perOwner.set(m.ownerId, (perOwner.get(m.ownerId) ?? 0) + 1);
    for (const [owner, n] of perOwner) if (n > c.perMember) broken.push(`${c._id}: ${owner} holds ${n}`);
  }
  const byId = new Map(orders.map((o) => [o._id, o]));
  for (const m of mcs.filter((x) => x.orderId)) {
    const o = byId.get(m.orderId);
    if (o?.coupon?.id !== m._id) broken.push(`${m._id} held by ${m.orderId}, which does not name it`);
    else if (o.status === 'cancelled') broken.push(`${m._id} held by cancelled ${o._id}`);
  }
  for (const o of orders.filter((x) => x.coupon)) {
    const lines = o.items.reduce((sum: number, l: any) => sum + (l.couponFen ?? 0), 0);
    if (lines !== o.amounts.couponFen) broken.push(`${o._id}: lines' coupon ${lines} ≠ ${o.amounts.couponFen}`);
    // A late payment whose coupon another order took meanwhile holds none: it is refunded in full.
    const live =
      ['pending_payment', 'paid', 'shipped', 'completed', 'refunding'].includes(o.status) && !o.attention?.couponShort;
    const holds = mcs.find((m) => m._id === o.coupon.id)?.orderId === o._id;
    if (live && !holds) broken.push(`${o._id} (${o.status}) does not hold its coupon`);
    if (o.status === 'cancelled' && holds) broken.push(`${o._id} cancelled but holds its coupon`);
  }
  expect(broken).toEqual([]);
}

describe('the owner issues coupons', () => {
  test('save, list (claimed, used), edit the open terms, stop: claims end, claimed ones stay usable', async () => {
    const made = await issue({ name: '店庆券', total: 5 });
    expect(made).toMatchObject({ name: '店庆券', claimed: 0, used: 0, status: 'active', total: 5 });
    await join('olga');
    const mc = await claimed('olga', made.id);
    expect(mc).toMatchObject({ couponId: made.id, status: 'usable', offFen: 1000, thresholdFen: 10000 });

    const draft = { ...made, name: '店庆券二', total: 10 };
    for (const k of ['id', 'claimed', 'used', 'status', 'createdAt']) delete draft[k];
    expect((await ok(OWNER, 'save', { coupon: { ...draft, id: made.id } })).coupon).toMatchObject({
      name: '店庆券二',
      total: 10,
      claimed: 1,
    });
    expect(await refused(OWNER, 'save', { coupon: { ...draft, id: made.id, offFen: 2000 } })).toBe(
      'coupon.terms_frozen',
    );
    expect(await refused(OWNER, 'save', { coupon: { ...draft, id: made.id, total: 0 } })).toBe('input.invalid');

    const [sku] = await shop.makeProduct('own-a', [{ stock: 10, priceFen: 12000 }]);
    await paidWith('olga', [sku], { couponId: mc.id });
    const listed = (await ok(OWNER, 'list')).items.find((c: any) => c.id === made.id);
    expect(listed).toMatchObject({ claimed: 1, used: 1 });

    const stopped = (await ok(OWNER, 'stop', { couponId: made.id })).coupon;
    expect(stopped.status).toBe('stopped');
    await join('pete');
    expect(await refused('pete', 'claim', { couponId: made.id })).toBe('coupon.not_claimable');
    expect((await ok('pete', 'available')).items.map((c: any) => c.id)).not.toContain(made.id);

    // A coupon claimed before the stop stays usable.
    const other = await issue({ name: '停发前领取' });
    const kept = await claimed('pete', other.id);
    await ok(OWNER, 'stop', { couponId: other.id });
    const q = await quote('pete', [sku]);
    expect(q.coupons.applied).toBe(kept.id);
    expect(q.amounts).toMatchObject({ couponFen: 1000, payableFen: 11000 });
  });

  test('the draft rules answer coded errors and store nothing', async () => {
    const before = (await shop.all('coupons')).length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ offFen: undefined }, 'coupon.off_required'],
      [{ kind: 'percent_off', offFen: undefined }, 'coupon.percent_required'],
      [{ scope: 'products' }, 'coupon.products_required'],
      [{ validDays: undefined }, 'coupon.validity_required'],
      [{ validDays: undefined, validTo: '2020-01-01T00:00:00.000Z' }, 'coupon.window_invalid'],
      [{ name: 'x'.repeat(10_000) }, 'input.invalid'],
      [{ total: 1e15 }, 'input.invalid'],
      [{ offFen: -1 }, 'input.invalid'],
      [{ offFen: '1000' }, 'input.invalid'],
      [{ perMember: 1.5 }, 'input.invalid'],
      [{ productIds: ['.*'], scope: 'products' }, 'input.invalid'],
      [{ claimed: 0 }, 'input.invalid'],
    ];
    for (const [over, code] of cases) {
      const draft: Record<string, unknown> = {
        name: '坏券',
        kind: 'amount_off',
        offFen: 1000,
        thresholdFen: 0,
        scope: 'all',
        validDays: 7,
        total: 10,
        perMember: 1,
      };
      for (const [k, v] of Object.entries(over)) {
        if (v === undefined) delete draft[k];
        else draft[k] = v;
      }
      expect([JSON.stringify(over).slice(0, 60), await refused(OWNER, 'save', { coupon: draft })]).toEqual([
        JSON.stringify(over).slice(0, 60),
        code,
      ]);
    }
    expect(await shop.all('coupons')).toHaveLength(before);
  });

  test('a non-owner is refused on save, list and stop', async () => {
    const made = await issue();
    for (const [action, input] of [
      ['save', { coupon: { ...{ name: 'x', kind: 'amount_off', offFen: 1, thresholdFen: 0, scope: 'all' } } }],
      ['list', {}],
      ['stop', { couponId: made.id }],
    ] as const) {
      expect(await refused('mallory', action, input)).toBe('auth.not_owner');
    }
    expect((await ok(OWNER, 'list')).items.find((c: any) => c.id === made.id).status).toBe('active');
  });

  test('get: the owner gets the view list gives (claimed, used); others, unknown and hostile ids refused', async () => {
    const made = await issue({ name: '编辑前' });
    await join('gina');
    const mc = await claimed('gina', made.id);
    const [sku] = await shop.makeProduct('own-get', [{ stock: 5, priceFen: 12000 }]);
    await paidWith('gina', [sku], { couponId: mc.id });

    const got = (await ok(OWNER, 'get', { couponId: made.id })).coupon;
    expect(got).toMatchObject({ id: made.id, name: '编辑前', claimed: 1, used: 1, status: 'active', validDays: 7 });
    expect(got).toEqual((await ok(OWNER, 'list')).items.find((c: any) => c.id === made.id));

    expect(await refused('gina', 'get', { couponId: made.id })).toBe('auth.not_owner');
    expect(await refused(OWNER, 'get', { couponId: 'nope' })).toBe('coupon.not_found');
    for (const couponId of [{ $ne: null }, 12, 'x'.repeat(10_240), '.*', '$where', '(', ['a'], undefined]) {
      expect([couponId, await refused(OWNER, 'get', { couponId })]).toEqual([couponId, 'input.invalid']);
    }
    expect(await refused(OWNER, 'get', { couponId: made.id, extra: 1 })).toBe('input.invalid');
  });

  test('claimed: name, total, perMember may change; frozen terms, total below claimed change nothing', async () => {
    const now = await shop.now();
    const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
    const made = await issue({ name: '领后编辑', total: 3, validDays: undefined, validTo: at(10) });
    for (const member of ['hugo', 'ivan']) {
      await join(member);
      await claimed(member, made.id);
    }
    const draft: Record<string, unknown> = { ...made };
    for (const k of ['claimed', 'used', 'status', 'createdAt']) delete draft[k];

    const stored = async () => (await shop.db.collection('coupons').doc(made.id).get()).data;
    const before = await stored();
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ thresholdFen: 5000 }, 'coupon.terms_frozen'],
      [{ validTo: at(20) }, 'coupon.terms_frozen'],
      [{ scope: 'products', productIds: ['puer357'] }, 'coupon.terms_frozen'],
      [{ name: '改名', total: 1 }, 'coupon.total_below_claimed'],
      [{ id: 'nope' }, 'coupon.not_found'],
    ];
    for (const [over, code] of refusals) {
      expect([over, await refused(OWNER, 'save', { coupon: { ...draft, ...over } })]).toEqual([over, code]);
    }
    expect(await stored()).toEqual(before);

    // Stopped, it may still be renamed and given a new total.
    await ok(OWNER, 'stop', { couponId: made.id });
    const saved = (await ok(OWNER, 'save', { coupon: { ...draft, name: '改名', total: 2, perMember: 2 } })).coupon;
    expect(saved).toMatchObject({ name: '改名', total: 2, perMember: 2, claimed: 2, status: 'stopped' });
    expect((await ok(OWNER, 'get', { couponId: made.id })).coupon).toEqual(saved);
  });
});

describe('claiming', () => {
  test('needs the member card; perMember holds; available says what is held and what can be claimed', async () => {
    const c = await issue({ perMember: 2 });
    expect(await refused('quinn', 'claim', { couponId: c.id })).toBe('coupon.not_member');
    await join('quinn');
    await claimed('quinn', c.id);
    const mine = (await ok('quinn', 'available')).items.find((x: any) => x.id === c.id);
    expect(mine).toMatchObject({ held: 1, canClaim: true });
    await claimed('quinn', c.id);
    expect(await refused('quinn', 'claim', { couponId: c.id })).toBe('coupon.limit_reached');
    expect((await ok('quinn', 'available')).items.find((x: any) => x.id === c.id)).toMatchObject({
      held: 2,
      canClaim: false,
    });
    expect(await refused('quinn', 'claim', { couponId: 'nope' })).toBe('coupon.not_found');
    for (const couponId of [{ $ne: null }, 12, 'x'.repeat(10_000), '.*']) {
      expect(await refused('quinn', 'claim', { couponId })).toBe('input.invalid');
    }
  });

  test('a coupon scoped to products is offered on their pages only', async () => {
    const c = await issue({ scope: 'products', productIds: ['puer357'] });
    await join('rita');
    const on = (productId: string) => ok('rita', 'available', { productId });
    expect((await on('puer357')).items.map((x: any) => x.id)).toContain(c.id);
    expect((await on('aksu-apple')).items.map((x: any) => x.id)).not.toContain(c.id);
  });

  test('200 members claim a coupon of 50 at once: 50 claims, claimed 50 = member coupons stored', async () => {
    const c = await issue({ total: 50 });
    const members = Array.from({ length: 200 }, (_v, i) => `claim${i + 1}`);
    // Set-up: 200 member cards, written directly (joining is not what this test is about).
    await pool(members, 8, async (m) => {
      await shop.token(m);
      await shop.db
        .collection('points_accounts')
        .doc(`dev_${m}`)
        .set({ data: { joinedAt: new Date(), lots: [], available: 0, pending: 0, nextExpiryAt: null } });
    });
    let waiting = members;
    const codes = new Map<string, string>();
    // A claim that lost every retry answers coupon.busy and is asked again; nothing else may come back.
    for (let round = 0; waiting.length > 0 && round < 10; round++) {
      const answers = await Promise.all(waiting.map((m) => coupon(m, 'claim', { couponId: c.id })));
      answers.forEach((a, i) => codes.set(waiting[i], codeOf(a)));
      waiting = waiting.filter((m) => codes.get(m) === 'coupon.busy');
    }
    const tally = [...codes.values()].reduce<Record<string, number>>((t, x) => ({ ...t, [x]: (t[x] ?? 0) + 1 }), {});
    expect(tally).toEqual({ ok: 50, 'coupon.claimed_out': 150 });
    const stored = (await shop.all('member_coupons')).filter((m) => m.couponId === c.id);
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((m) => m.ownerId)).size).toBe(50);
    expect((await ok(OWNER, 'list')).items.find((x: any) => x.id === c.id)).toMatchObject({
      claimed: 50,
      status: 'claimed_out',
    });
  }, 180_000);

  test("one member's 20 claims at once with perMember 1: one coupon", async () => {
    const c = await issue({ perMember: 1 });
    await join('sam');
    const answers = await Promise.all(Array.from({ length: 20 }, () => coupon('sam', 'claim', { couponId: c.id })));
    const codes = answers.map(codeOf);
    expect(codes.filter((x) => x === 'ok')).toHaveLength(1);
    expect(codes.filter((x) => !['ok', 'coupon.limit_reached', 'coupon.busy'].includes(x))).toEqual([]);
    const stored = (await shop.all('member_coupons')).filter((m) => m.couponId === c.id);
    expect(stored).toHaveLength(1);
  }, 60_000);
});

describe('checkout prices the coupon', () => {
  test.each([
    ['one fen under the threshold', 9999, null, 9999 + 0],
    ['at the threshold', 10000, 1000, 9000],
    ['one fen over', 10001, 1000, 9001],
  ])('满100减10 %s', async (_what, priceFen, couponFen, payableFen) => {
    const id = `edge${priceFen}`;
    const [sku] = await shop.makeProduct(id, [{ stock: 5, priceFen }]);
    const as = `edge${priceFen}`;
    const { mc } = await memberWith(as);
    const q = await quote(as, [sku]);
    // 9999 fen is over the free-shipping threshold (99 yuan): no shipping in any of the three.
    expect(q.amounts).toMatchObject({ goodsFen: priceFen, couponFen: couponFen ?? 0, shippingFen: 0, payableFen });
    if (couponFen === null) {
      expect(q.coupons).toMatchObject({ usable: [], best: null, applied: null });
      expect(q.coupons.unusable).toEqual([expect.objectContaining({ id: mc.id, why: '还差 ¥0.01 可用' })]);
      const before = await shop.stock(id, sku.skuId);
      expect(codeOf(await shop.create(as, [sku], { couponId: mc.id }))).toBe('coupon.below_threshold');
      expect(await shop.stock(id, sku.skuId)).toBe(before);
      expect((await memberCoupon(mc.id)).orderId).toBeNull();
    } else {
      expect(q.coupons).toMatchObject({ best: mc.id, applied: mc.id });
      expect(q.coupons.usable).toEqual([expect.objectContaining({ id: mc.id, discountFen: couponFen })]);
      const order = await paidWith(as, [sku], { couponId: mc.id });
      expect(order.amounts).toMatchObject({ couponFen, payableFen });
      expect(order.coupon).toEqual({ id: mc.id, name: '满100减10' });
      expect((await shop.orderDoc(order.id)).paidFen).toBe(payableFen);
    }
  });

  test('percent off, floored, capped by maxOffFen; null quotes none; create without couponId takes none', async () => {
    const [sku] = await shop.makeProduct('pct', [{ stock: 5, priceFen: 19999 }]);
    await join('tina');
    const nine = await issue({ kind: 'percent_off', offFen: undefined, percentOff: 10, thresholdFen: 0 });
    const capped = await issue({
      kind: 'percent_off',
      offFen: undefined,
      percentOff: 20,
      maxOffFen: 1500,
      thresholdFen: 0,
    });
    const a = await claimed('tina', nine.id);
    const b = await claimed('tina', capped.id);
    const q = await quote('tina', [sku]);
    expect(q.coupons.usable.map((c: any) => [c.id, c.discountFen])).toEqual([
      [a.id, 1999],
      [b.id, 1500],
    ]);
    expect(q.amounts).toMatchObject({ couponFen: 1999, payableFen: 18000 });
    expect((await quote('tina', [sku], { couponId: b.id })).amounts).toMatchObject({ couponFen: 1500 });
    expect((await quote('tina', [sku], { couponId: null })).amounts).toMatchObject({ couponFen: 0 });
    const created = await shop.create('tina', [sku]);
    expect(created.ok && created.data.order.amounts.couponFen).toBe(0);
    expect(created.ok && created.data.order.coupon).toBeUndefined();
  });

  test('scope: only goods in scope reach the threshold and take the discount; out of scope is refused', async () => {
    const [inScope] = await shop.makeProduct('scoped', [{ stock: 5, priceFen: 6000 }]);
    const [outside] = await shop.makeProduct('unscoped', [{ stock: 5, priceFen: 8000 }]);
    const { mc } = await memberWith('uma', { scope: 'products', productIds: ['scoped'], thresholdFen: 10000 });
    const under = await quote('uma', [inScope, outside]);
    expect(under.coupons.unusable).toEqual([expect.objectContaining({ id: mc.id, why: '还差 ¥40.00 可用' })]);
    const two = { ...inScope, qty: 2 };
    const order = await paidWith('uma', [two, outside], { couponId: mc.id });
    expect(order.amounts).toMatchObject({ goodsFen: 20000, couponFen: 1000, payableFen: 19000 });
    const stored = await shop.orderDoc(order.id);
    expect(stored.items.map((l: any) => [l.productId, l.couponFen ?? 0])).toEqual([
      ['scoped', 1000],
      ['unscoped', 0],
    ]);

    const { mc: other } = await memberWith('uma', { scope: 'products', productIds: ['scoped'], thresholdFen: 0 });
    expect(codeOf(await shop.create('uma', [outside], { couponId: other.id }))).toBe('coupon.not_applicable');
    expect(await shop.refused('uma', 'quote', { items: [outside], couponId: other.id })).toBe('coupon.not_applicable');
  });

  test('validity: before validFrom it waits, then it is usable, and from validTo on it is expired', async () => {
    const now = await shop.now();
    const [sku] = await shop.makeProduct('window', [{ stock: 5, priceFen: 12000 }]);
    const { mc } = await memberWith('vera', {
      validDays: undefined,
      validFrom: new Date(now.getTime() + DAY).toISOString(),
      validTo: new Date(now.getTime() + 3 * DAY).toISOString(),
    });
    const early = await quote('vera', [sku]);
    expect(early.coupons.unusable).toEqual([expect.objectContaining({ id: mc.id, why: '未到使用时间' })]);
    expect(codeOf(await shop.create('vera', [sku], { couponId: mc.id }))).toBe('coupon.not_started');
    await shop.advance(DAY);
    expect((await quote('vera', [sku])).coupons.applied).toBe(mc.id);
    await shop.advance(2 * DAY);
    const late = await quote('vera', [sku]);
    expect(late.coupons).toMatchObject({ usable: [], unusable: [], applied: null });
    expect(codeOf(await shop.create('vera', [sku], { couponId: mc.id }))).toBe('coupon.expired');
    expect((await ok('vera', 'mine', { status: 'expired' })).items.map((x: any) => x.id)).toEqual([mc.id]);
    expect((await ok('vera', 'mine', { status: 'usable' })).items).toEqual([]);
    // An ended coupon is claimed no more.
    await join('vic');
    expect(await refused('vic', 'claim', { couponId: mc.couponId })).toBe('coupon.not_claimable');
  });

  test('validDays run from the claim', async () => {
    const [sku] = await shop.makeProduct('days', [{ stock: 5, priceFen: 12000 }]);
    const { mc } = await memberWith('wade', { validDays: 2 });
    expect(new Date(mc.validTo).getTime() - new Date(mc.validFrom).getTime()).toBe(2 * DAY);
    await shop.advance(2 * DAY - MINUTE);
    expect((await quote('wade', [sku])).coupons.applied).toBe(mc.id);
    await shop.advance(2 * MINUTE);
    expect((await quote('wade', [sku])).coupons.applied).toBeNull();
  });

  test('stacking: the coupon first, then points within their cap of what is left; never below 1 fen', async () => {
    const [sku] = await shop.makeProduct('stack', [{ stock: 5, priceFen: 10000 }]);
    const { mc } = await memberWith('xena');
    const q = await quote('xena', [sku], { pointsToUse: 100 });
    expect(q.amounts).toMatchObject({ couponFen: 1000, pointsDiscountFen: 100, payableFen: 8900 });
    const order = await paidWith('xena', [sku], { couponId: mc.id, pointsToUse: 100 });
    expect(order.amounts).toMatchObject({ goodsFen: 10000, couponFen: 1000, pointsDiscountFen: 100, payableFen: 8900 });

    const { mc: huge } = await memberWith('xena', { offFen: 50000, thresholdFen: 0, name: '大额券' });
    const floor = await quote('xena', [sku], { couponId: huge.id });
    expect(floor.amounts).toMatchObject({ couponFen: 9999, payableFen: 1 });
    expect(floor.points.maxUsable).toBe(0);
    expect(await shop.refused('xena', 'quote', { items: [sku], couponId: huge.id, pointsToUse: 100 })).toBe(
      'points.over_cap',
    );
    const paid = await paidWith('xena', [sku], { couponId: huge.id });
    expect(paid.amounts.payableFen).toBe(1);
  });
});

describe('an order takes the coupon', () => {
  test('two orders with one coupon at once: one goes through, the other coupon.in_use', async () => {
    const [sku] = await shop.makeProduct('race', [{ stock: 10, priceFen: 12000 }]);
    const { mc } = await memberWith('yuri');
    const answers = await Promise.all([1, 2].map(() => shop.create('yuri', [sku], { couponId: mc.id })));
    expect(answers.map(codeOf).sort()).toEqual(['coupon.in_use', 'ok']);
    expect(await shop.stock('race', sku.skuId)).toBe(9);
    const winner = answers.find((a) => a.ok) as { data: any };
    expect((await memberCoupon(mc.id)).orderId).toBe(winner.data.order.id);
    expect((await ok('yuri', 'mine', { status: 'used' })).items.map((x: any) => x.id)).toEqual([mc.id]);
  });

  test("hostile couponIds: another member's, bad types, 10 KB, regex; nothing changes", async () => {
    const [sku] = await shop.makeProduct('hostile', [{ stock: 10, priceFen: 12000 }]);
    const { mc } = await memberWith('zoe');
    await join('mallory');
    expect(await shop.refused('mallory', 'quote', { items: [sku], couponId: mc.id })).toBe('coupon.not_found');
    expect(codeOf(await shop.create('mallory', [sku], { couponId: mc.id }))).toBe('coupon.not_found');
    for (const couponId of [12, { $ne: null }, 'x'.repeat(10_000), '.*', ['a'], true]) {
      expect(codeOf(await shop.create('mallory', [sku], { couponId }))).toBe('input.invalid');
      expect(await shop.refused('mallory', 'quote', { items: [sku], couponId })).toBe('input.invalid');
    }
    expect(codeOf(await shop.create('mallory', [sku], { couponId: null }))).toBe('input.invalid');
    expect(await shop.stock('hostile', sku.skuId)).toBe(10);
    expect((await memberCoupon(mc.id)).orderId).toBeNull();
    expect(await refused('mallory', 'mine', { status: 'all' })).toBe('input.invalid');
    expect((await ok('mallory', 'mine')).items).toEqual([]);
  });

  test('a cancel gives the coupon back, the buyer’s and the timeout’s alike; it can be used again', async () => {
    const [sku] = await shop.makeProduct('cancel', [{ stock: 10, priceFen: 12000 }]);
    const { mc } = await memberWith('abby');
    const first = await shop.create('abby', [sku], { couponId: mc.id });
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect((await ok('abby', 'mine', { status: 'used' })).items[0]).toMatchObject({
      id: mc.id,
      orderId: first.data.order.id,
    });
    await shop.ok('abby', 'cancel', { orderId: first.data.order.id });
    expect(await memberCoupon(mc.id)).toMatchObject({ orderId: null, usedAt: null });

    const second = await shop.create('abby', [sku], { couponId: mc.id });
    if (!second.ok) throw new Error(JSON.stringify(second));
    await shop.advance(31 * MINUTE);
    await shop.runScheduler();
    expect((await shop.get('abby', second.data.order.id)).status).toBe('cancelled');
    expect((await ok('abby', 'mine', { status: 'usable' })).items.map((x: any) => x.id)).toEqual([mc.id]);
    expect((await paidWith('abby', [sku], { couponId: mc.id })).amounts.couponFen).toBe(1000);
  });

  test('full refund: back while valid, kept once expired; a partial refund keeps it', async () => {
    const [sku] = await shop.makeProduct('refund', [{ stock: 10, priceFen: 12000 }]);
    const { mc } = await memberWith('beth');
    const order = await paidWith('beth', [sku], { couponId: mc.id });
    const refunded = await shop.refundAll('beth', order.id);
    expect(refunded.status).toBe('refunded');
    expect((await memberCoupon(mc.id)).orderId).toBeNull();

    const again = await paidWith('beth', [{ ...sku, qty: 2 }], { couponId: mc.id });
    const part = await shop.applyCase('beth', again.id, { lines: [{ skuId: sku.skuId, qty: 1 }] });
    await shop.refundCase(await shop.decideCase(part.id, true));
    expect((await shop.get('beth', again.id)).status).toBe('paid');
    expect((await memberCoupon(mc.id)).orderId).toBe(again.id);

    const { mc: short } = await memberWith('cleo', { validDays: 1 });
    const late = await paidWith('cleo', [sku], { couponId: short.id });
    await shop.advance(DAY + MINUTE);
    expect((await shop.refundAll('cleo', late.id)).status).toBe('refunded');
    expect((await memberCoupon(short.id)).orderId).toBe(late.id);
  });

  test('a payment after the cancel takes the coupon again when it is still free', async () => {
    const [sku] = await shop.makeProduct('latepay', [{ stock: 10, priceFen: 12000 }]);
    const { mc } = await memberWith('dina');
    const created = await shop.create('dina', [sku], { couponId: mc.id });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const { outTradeNo } = await shop.startPay('dina', created.data.order.id);
    await shop.ok('dina', 'cancel', { orderId: created.data.order.id });
    expect((await memberCoupon(mc.id)).orderId).toBeNull();
    await shop.simulatePay(outTradeNo);
    expect((await shop.get('dina', created.data.order.id)).status).toBe('paid');
    expect((await memberCoupon(mc.id)).orderId).toBe(created.data.order.id);
  });
});

test('a payment after the cancel, the coupon taken by another order meanwhile: refunded in full', async () => {
  const [sku] = await shop.makeProduct('lateshort', [{ stock: 10, priceFen: 12000 }]);
  const { mc } = await memberWith('fay');
  const first = await shop.create('fay', [sku], { couponId: mc.id });
  if (!first.ok) throw new Error(JSON.stringify(first));
  const { outTradeNo } = await shop.startPay('fay', first.data.order.id);
  await shop.ok('fay', 'cancel', { orderId: first.data.order.id });
  const second = await shop.create('fay', [sku], { couponId: mc.id });
  if (!second.ok) throw new Error(JSON.stringify(second));
  await shop.simulatePay(outTradeNo);
  const late = await shop.orderDoc(first.data.order.id);
  expect(late).toMatchObject({ status: 'refunding', attention: { couponShort: true } });
  expect((await memberCoupon(mc.id)).orderId).toBe(second.data.order.id);
  await shop.simulateRefund(late.refund.outRefundNo);
  expect((await shop.get('fay', late._id)).status).toBe('refunded');
  expect((await memberCoupon(mc.id)).orderId).toBe(second.data.order.id);
});

describe('commission and points on the goods paid after the coupon', () => {
  test('commission and points on the discounted goods, per line; refunds bounded by it', async () => {
    const codeOfAlice = (await shop.call('alice', 'shop', { action: 'session' })).data.user.shareCode;
    await shop.call('ella', 'commission', { action: 'recordVisit', productId: 'puer357', s: codeOfAlice, c: 'chat' });
    const PUER = line('puer357', 'puer357-1'); // ¥168.00, rate 8%
    const APPLE = line('aksu-apple', 'aksu-apple-1'); // ¥39.90, rate 5%
    const { mc } = await memberWith('ella');
    const order = await paidWith('ella', [PUER, APPLE], { couponId: mc.id });
    expect(order.amounts).toMatchObject({ goodsFen: 20790, couponFen: 1000, payableFen: 19790 });
    // The coupon split pro rata: apple 191.9 → 192 (largest remainder), puer 808.1 → 808.
    const lines = (await shop.all('commissions')).filter((l) => l.orderId === order.id);
    const byProduct = Object.fromEntries(lines.map((l) => [l.productId, [l.baseFen, l.amountFen]]));
    expect(byProduct).toEqual({ 'aksu-apple': [3798, 189], puer357: [15992, 1279] });

    const shipped = await shop.ship(order.id);
    const { maxFen } = await shop.ok('ella', 'quoteAfterSale', {
      orderId: shipped.id,
      lines: [{ skuId: APPLE.skuId, qty: 1 }],
    });
    expect(maxFen).toBe(3798);
    await shop.ok('ella', 'confirmReceipt', { orderId: order.id });
    const earn = (await shop.db.collection('points_ledger').doc(`${order.id}:earn`).get()).data;
    expect(earn.pending).toBe(197);
  });
});
