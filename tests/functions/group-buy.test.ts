// Group buying (拼团) through the emulator with the real SDK: the owner's activities; group orders started and
// joined through order.create; payment into a group (待成团) and the group forming (every order paid) or failing at
// its end (every payment refunded in full through WeChat Pay's refund callback, stock back, 拼团未成功); slots freed
// by an unpaid join's cancel and by its expiry; late payments refunded; the per-member limit and the stock cap;
// hostile input; 200 joins at once for 2 slots. After every test: the stock invariant (order-kit), and every
// activity's and group's counters equal what its orders and reservations hold.
import { randomUUID } from 'node:crypto';
import { ADDRESS, MINUTE, OWNER, pool, useShop, type Line, type Outcome } from './order-kit';

const shop = useShop();
const HOUR = 60 * MINUTE;

afterEach(() => checkGroupInvariants());

const campaign = (as: string, action: string, input: Record<string, unknown> = {}): Promise<Outcome> =>
  shop.call(as, 'campaign', { action, ...input });

async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await campaign(as, action, input);
  if (!result.ok) throw new Error(`campaign.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function refused(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await campaign(as, action, input);
  if (result.ok) throw new Error(`campaign.${action} as ${as} went through: ${JSON.stringify(result)}`);
  return result.error.code;
}

const codeOf = (o: Outcome) => (o.ok ? 'ok' : o.error.code);
let products = 0;

/** A product of its own (stock 100 at ¥10.00 per SKU) with a live group buy on it; `over` changes any term. */
async function activity(over: Record<string, unknown> = {}, skus = [{ stock: 100, priceFen: 1000 }]) {
  const productId = `gp${++products}`;
  const lines = await shop.makeProduct(productId, skus);
  const now = await shop.now();
  const draft = {
    productId,
    skus: lines.map((l) => ({ skuId: l.skuId, groupPriceFen: 600 })),
    size: 2,
    hours: 24,
    startAt: new Date(now.getTime() - MINUTE).toISOString(),
    endAt: new Date(now.getTime() + 72 * HOUR).toISOString(),
    stockCap: 100,
    perMember: 5,
    ...over,
  };
  const { groupBuy } = await ok(OWNER, 'saveGroupBuy', { groupBuy: draft });
  return { gb: groupBuy, lines, draft };
}

type GroupBuyArg = { groupBuyId: string; groupId?: string };

const buy = (as: string, item: Line, groupBuy: GroupBuyArg, extra: Record<string, unknown> = {}) =>
  shop.create(as, [item], { groupBuy, ...extra });

async function placed(as: string, item: Line, groupBuy: GroupBuyArg) {
  const result = await buy(as, item, groupBuy);
  if (!result.ok) throw new Error(`group order as ${as} refused: ${JSON.stringify(result)}`);
  return result.data.order;
}

async function pay(as: string, orderId: string, deliveries = 1) {
  const { outTradeNo } = await shop.startPay(as, orderId);
  const { answers } = await shop.simulatePay(outTradeNo, { deliveries });
  expect(answers.every((a) => a.errcode === 0)).toBe(true);
  return shop.get(as, orderId);
}

/** Starts a group and pays for it: the order and its group's id. */
async function started(as: string, item: Line, groupBuyId: string) {
  const order = await placed(as, item, { groupBuyId });
  return { order: await pay(as, order.id), groupId: order.group.groupId as string };
}

const groupDoc = async (id: string) => (await shop.db.collection('groups').doc(id).get()).data;
const groupBuyDoc = async (id: string) => (await shop.db.collection('group_buys').doc(id).get()).data;
const refundsOf = async (orderId: string) =>
  (await shop.payments()).refunds.filter((r: any) => r.outTradeNo === orderId);

/**
 * Every group: `held` = its slots, `paid` = its paid slots, never above `size`. Every activity: `units` = the units
 * of its orders still holding them, of its formed orders, and of reservations no order took over yet.
 */
async function checkGroupInvariants() {
  const [groupBuys, groups, orders] = await Promise.all([
    shop.all('group_buys'),
    shop.all('groups'),
    shop.all('orders'),
  ]);
  const broken: string[] = [];
  const statusOf = new Map(groups.map((g) => [g._id, g.status]));
  for (const g of groups) {
    const slots = Object.values(g.slots) as any[];
    if (g.held !== slots.length) broken.push(`${g._id}: held ${g.held} ≠ ${slots.length} slots`);
    if (g.paid !== slots.filter((s) => s.paid).length) broken.push(`${g._id}: paid ${g.paid} ≠ paid slots`);
    if (g.held > g.size) broken.push(`${g._id}: held ${g.held} > size ${g.size}`);
    if (g.status === 'succeeded' && g.paid !== g.size) broken.push(`${g._id}: succeeded with ${g.paid} paid`);
    const unpaid = slots.filter((s) => !s.paid).length;
    if (g.unpaid.length !== unpaid) broken.push(`${g._id}: ${g.unpaid.length} unpaid marks ≠ ${unpaid} unpaid slots`);
  }
  const absorbed = new Set(orders.flatMap((o) => o.holds ?? []));
  for (const gb of groupBuys) {
    const mine = orders.filter((o) => o.group?.groupBuyId === gb._id);
    const formed = (o: any) =>
      statusOf.get(o.group.groupId) === 'succeeded' && o.timeline.some((e: any) => e.label === '拼团成功');
    const held = mine.filter((o) => o.group.holds || formed(o)).reduce((n, o) => n + o.items[0].qty, 0);
    const marked = gb.holds.filter((h: any) => !absorbed.has(h.token)).reduce((n: number, h: any) => n + h.qty, 0);
    if (gb.units !== held + marked) broken.push(`${gb._id}: units ${gb.units} ≠ ${held} held + ${marked} marked`);
    if (gb.units > gb.stockCap) broken.push(`${gb._id}: units ${gb.units} > cap ${gb.stockCap}`);
    for (const n of Object.values(gb.members) as number[]) if (n > gb.perMember) broken.push(`${gb._id}: member ${n}`);
  }
  expect(broken).toEqual([]);
}

describe('the owner runs group buys', () => {
  test('save checks product, SKUs, group price, window, overlap; stop ends joins; the list counts groups', async () => {
    const { gb, lines, draft } = await activity();
    expect(gb).toMatchObject({ size: 2, hours: 24, status: 'live', sold: 0 });
    expect(gb.skus).toEqual([{ skuId: lines[0].skuId, spec: '规格1', priceFen: 1000, groupPriceFen: 600 }]);
    const sku = (groupPriceFen: number, skuId = lines[0].skuId) => [{ skuId, groupPriceFen }];
    const now = await shop.now();
    const save = (over: Record<string, unknown>) => refused(OWNER, 'saveGroupBuy', { groupBuy: { ...draft, ...over } });
    expect(await save({ productId: 'nope' })).toBe('product.not_found');
    expect(await save({ skus: sku(1000) })).toBe('campaign.price_invalid');
    expect(await save({ skus: sku(600, `${gb.productId}-9`) })).toBe('campaign.sku_not_in');
    expect(await save({ endAt: new Date(now.getTime() - 1).toISOString() })).toBe('campaign.window_invalid');
    expect(await save({ startAt: draft.endAt })).toBe('campaign.window_invalid');
    expect(await save({})).toBe('campaign.overlap');
    expect(await save({ id: gb.id, size: 3 })).toBe('campaign.started');
    expect(await save({ id: 'unknown1' })).toBe('campaign.not_found');
    // After the start: a later end and a larger cap are taken.
    const endAt = new Date(now.getTime() + 96 * HOUR).toISOString();
    const edited = await ok(OWNER, 'saveGroupBuy', { groupBuy: { ...draft, id: gb.id, endAt, stockCap: 200 } });
    expect(edited.groupBuy).toMatchObject({ id: gb.id, endAt, stockCap: 200 });

    const { groupId } = await started('bob', lines[0], gb.id);
    expect((await ok(OWNER, 'stopGroupBuy', { id: gb.id })).groupBuy.status).toBe('stopped');
    // No new groups and no joins once stopped; the forming group runs to its end.
    expect(codeOf(await buy('carol', lines[0], { groupBuyId: gb.id }))).toBe('campaign.not_live');
    expect(codeOf(await buy('carol', lines[0], { groupBuyId: gb.id, groupId }))).toBe('campaign.not_live');
    expect((await ok('carol', 'groupBuy', { productId: gb.productId })).live).toBeNull();
    const listed = (await ok(OWNER, 'ownerGroupBuys')).items.find((i: any) => i.id === gb.id);
    expect(listed).toMatchObject({ title: `测试商品 ${gb.productId}`, sold: 1, groups: { forming: 1, succeeded: 0 } });
    const groups = (await ok(OWNER, 'ownerGroups', { groupBuyId: gb.id })).items;
    expect(groups.map((g: any) => [g.id, g.status, g.slotsLeft])).toEqual([[groupId, 'forming', 1]]);
    // A stopped activity frees its product for another.
    await ok(OWNER, 'saveGroupBuy', { groupBuy: { ...draft, stockCap: 10 } });
  });
});

describe('a group forms', () => {
  test('bob starts a group of 2, carol joins; both paid: the group succeeds and both orders are paid', async () => {
    const { gb, lines } = await activity();
    await shop.call('bob', 'shop', { action: 'session' });
    const bobOrder = await placed('bob', lines[0], { groupBuyId: gb.id });
    expect(bobOrder.items[0]).toMatchObject({ priceFen: 600, lineFen: 600, campaign: 'group_buy' });
    expect(bobOrder.amounts).toMatchObject({ goodsFen: 600, couponFen: 0 });
    const { groupId } = bobOrder.group;
    expect(bobOrder.group).toEqual({ groupBuyId: gb.id, groupId });
    // Unpaid, bob holds his slot but is no member yet, and the group is not offered on the product page.
    expect((await ok('carol', 'group', { groupId })).group).toMatchObject({ members: [], slotsLeft: 1 });
    expect((await ok('carol', 'groupBuy', { productId: gb.productId })).live.openGroups).toEqual([]);

    expect((await pay('bob', bobOrder.id)).status).toBe('grouping');
    const { live } = await ok('carol', 'groupBuy', { productId: gb.productId });
    expect(live.canBuy).toBe(5);
    expect(live.openGroups).toEqual([
      expect.objectContaining({ id: groupId, slotsLeft: 1, members: [expect.objectContaining({ nickname: 'bob' })] }),
    ]);
    expect(JSON.stringify(live)).not.toContain('dev_bob');
    // 待成团 is in the buyer's 待发货 tab; the owner's 待发货 holds only paid orders.
    const toShip = await shop.ok('bob', 'list', { tab: 'to_ship' });
    expect(toShip.items.map((o: any) => o.id)).toContain(bobOrder.id);
    const ownerToShip = await shop.ok(OWNER, 'ownerList', { view: 'to_ship' });
    expect(ownerToShip.items.map((o: any) => o.id)).not.toContain(bobOrder.id);

    const carolOrder = await placed('carol', lines[0], { groupBuyId: gb.id, groupId });
    expect((await ok('dave', 'group', { groupId })).group.slotsLeft).toBe(0);
    expect((await pay('carol', carolOrder.id, 3)).status).toBe('paid');
    expect((await shop.get('bob', bobOrder.id)).status).toBe('paid');
    const group = (await ok('carol', 'group', { groupId })).group;
    expect(group).toMatchObject({ status: 'succeeded', slotsLeft: 0, mine: { orderId: carolOrder.id, paid: true } });
    expect(group.members.map((m: any) => m.leader)).toEqual([true, false]);
    const ownerIds = (await shop.ok(OWNER, 'ownerList', { view: 'to_ship' })).items.map((o: any) => o.id);
    expect(ownerIds).toEqual(expect.arrayContaining([bobOrder.id, carolOrder.id]));
    // The repeated callbacks changed nothing: one payment each, no refund.
    const carolDoc = await shop.orderDoc(carolOrder.id);
    expect(carolDoc.timeline.map((e: any) => e.label)).toEqual(['已下单', '已付款', '拼团成功']);
    expect(await refundsOf(carolOrder.id)).toEqual([]);
    expect((await ok('carol', 'myGroups')).items.map((g: any) => [g.id, g.status])).toEqual([[groupId, 'succeeded']]);
    // Formed, the group takes no one.
    expect(codeOf(await buy('dave', lines[0], { groupBuyId: gb.id, groupId }))).toBe('group.closed');
  });
});

describe('a group fails at its end', () => {
  test('paid members are refunded in full through the refund callback, stock back, unpaid ones cancelled', async () => {
    const { gb, lines } = await activity({ size: 3, hours: 2 });
    const { order: bob, groupId } = await started('bob', lines[0], gb.id);
    const carol = await pay(
      'carol',
      (await placed('carol', { ...lines[0], qty: 2 }, { groupBuyId: gb.id, groupId })).id,
    );
    expect(carol.status).toBe('grouping');
    const dave = await placed('dave', lines[0], { groupBuyId: gb.id, groupId });
    expect(await shop.stock(gb.productId, lines[0].skuId)).toBe(96);

    await shop.advance(2 * HOUR + MINUTE);
    await shop.runScheduler();
    expect((await groupDoc(groupId)).status).toBe('failed');
    for (const o of [bob, carol]) {
      const doc = await shop.orderDoc(o.id);
      expect(doc.status).toBe('refunding');
      expect(doc.timeline.at(-1)).toMatchObject({ label: '拼团未成功' });
      expect(await refundsOf(o.id)).toEqual([expect.objectContaining({ refundFee: o.amounts.payableFen })]);
      await shop.simulateRefund(`${o.id}R`);
      const refunded = await shop.orderDoc(o.id);
      expect([refunded.status, refunded.timeline.some((e: any) => e.label === '拼团未成功')]).toEqual([
        'refunded',
        true,
      ]);
    }
    expect((await shop.orderDoc(dave.id)).status).toBe('cancelled');
    expect(await shop.stock(gb.productId, lines[0].skuId)).toBe(100);
    expect((await groupBuyDoc(gb.id)).units).toBe(0);
    // Refunds equal the failed group's payments, exactly.
    const sim = await shop.payments();
    const paidFen = sim.payments.filter(
      (p: any) => p.transactionId && [bob.id, carol.id, dave.id].includes(p.outTradeNo),
    );
    expect(paidFen).toHaveLength(2);
    const refunded = sim.refunds.filter((r: any) => [bob.id, carol.id, dave.id].includes(r.outTradeNo));
    const sum = (xs: any[], k: string) => xs.reduce((n, x) => n + x[k], 0);
    expect(sum(refunded, 'refundFee')).toBe(sum(paidFen, 'totalFee'));
    const view = (await ok('bob', 'group', { groupId })).group;
    expect(view).toMatchObject({ status: 'failed', slotsLeft: 0 });
    expect(codeOf(await buy('erin', lines[0], { groupBuyId: gb.id, groupId }))).toBe('group.closed');
  });

  test('a group read after its end fails there and then (no scheduler run needed)', async () => {
    const { gb, lines } = await activity({ hours: 1 });
    const { order, groupId } = await started('bob', lines[0], gb.id);
    await shop.advance(HOUR);
    expect((await ok('bob', 'group', { groupId })).group.status).toBe('failed');
    expect((await shop.orderDoc(order.id)).status).toBe('refunding');
    await shop.simulateRefund(`${order.id}R`);
    expect((await shop.orderDoc(order.id)).status).toBe('refunded');
  });
});

describe('slots', () => {
  test("an unpaid join's cancel frees its slot, and so does its expiry", async () => {
    const { gb, lines } = await activity();
    const { groupId } = await started('bob', lines[0], gb.id);
    const carol = await placed('carol', lines[0], { groupBuyId: gb.id, groupId });
    expect(codeOf(await buy('dave', lines[0], { groupBuyId: gb.id, groupId }))).toBe('group.full');
    await shop.ok('carol', 'cancel', { orderId: carol.id });
    const dave = await placed('dave', lines[0], { groupBuyId: gb.id, groupId });
    expect((await groupDoc(groupId)).held).toBe(2);
    await shop.advance(31 * MINUTE);
    await shop.runScheduler();
    expect((await shop.orderDoc(dave.id)).status).toBe('cancelled');
    expect((await groupDoc(groupId)).held).toBe(1);
    const erin = await placed('erin', lines[0], { groupBuyId: gb.id, groupId });
    expect((await pay('erin', erin.id)).status).toBe('paid');
    expect((await groupDoc(groupId)).status).toBe('succeeded');
  });

  test('a late payment (after the join expired and the group failed) is refunded in full', async () => {
    const { gb, lines } = await activity({ hours: 1 });
    const { order: bob, groupId } = await started('bob', lines[0], gb.id);
    const carol = await placed('carol', lines[0], { groupBuyId: gb.id, groupId });
    const { outTradeNo } = await shop.startPay('carol', carol.id);
    await shop.advance(HOUR + MINUTE);
    await shop.runScheduler();
    expect((await shop.orderDoc(carol.id)).status).toBe('cancelled');
    expect((await shop.orderDoc(bob.id)).status).toBe('refunding');

    await shop.simulatePay(outTradeNo, { deliveries: 2 });
    const late = await shop.orderDoc(carol.id);
    const refundFen = carol.amounts.payableFen;
    expect(late).toMatchObject({ status: 'refunding', refund: { refundFen, fromStatus: 'cancelled' } });
    expect(await refundsOf(carol.id)).toHaveLength(1);
    await shop.simulateRefund(`${carol.id}R`);
    await shop.simulateRefund(`${bob.id}R`);
    expect((await shop.orderDoc(carol.id)).status).toBe('refunded');
    expect(await shop.stock(gb.productId, lines[0].skuId)).toBe(100);
  });

  test('a join pays before its group ends; money arriving after the end is refunded in full', async () => {
    const { gb, lines } = await activity({ hours: 1 });
    const { order: bob, groupId } = await started('bob', lines[0], gb.id);
    await shop.advance(45 * MINUTE);
    const carol = await placed('carol', lines[0], { groupBuyId: gb.id, groupId });
    expect(new Date(carol.payBefore).getTime()).toBe(new Date((await groupDoc(groupId)).endsAt).getTime());
    const { outTradeNo } = await shop.startPay('carol', carol.id);
    await shop.advance(16 * MINUTE);
    await shop.simulatePay(outTradeNo);
    const late = await shop.orderDoc(carol.id);
    // The clock's move ran the scheduler (the order expired at the group's end): either way, all of it goes back.
    expect(late).toMatchObject({ status: 'refunding', refund: { refundFen: carol.amounts.payableFen } });
    expect(late.group.holds).toBe(false);
    expect((await ok('carol', 'group', { groupId })).group).toMatchObject({ status: 'failed', members: [{}] });
    for (const o of [bob, carol]) await shop.simulateRefund(`${o.id}R`);
    expect([(await shop.orderDoc(bob.id)).status, (await shop.orderDoc(carol.id)).status]).toEqual([
      'refunded',
      'refunded',
    ]);
    expect(await shop.stock(gb.productId, lines[0].skuId)).toBe(100);
  });

  test('a create that crashed after taking units and a slot: the scheduler gives them back after 30 min', async () => {
    const { gb, lines } = await activity({ size: 3 });
    const { groupId } = await started('bob', lines[0], gb.id);
    const _ = shop.db.command;
    const at = await shop.now();
    // What a create leaves when killed between its takes and its order's insert: a unit mark and a slot, no order.
    await shop.db
      .collection('group_buys')
      .doc(gb.id)
      .update({
        data: {
          units: _.inc(1),
          'members.crashkey': _.inc(1),
          holds: _.push([{ token: 'tok1', order: 'YJNOORDER', member: 'crashkey', qty: 1, at }]),
        },
      });
    await shop.db
      .collection('groups')
      .doc(groupId)
      .update({
        data: {
          held: _.inc(1),
          memberIds: _.push(['dev_ghost']),
          unpaid: _.push([{ token: 'tok1', at }]),
          'slots.tok1': { order: 'YJNOORDER', buyerId: 'dev_ghost', qty: 1, at, paid: false },
        },
      });
    await shop.runScheduler();
    expect((await groupDoc(groupId)).held).toBe(2); // too young to be a crash for sure
    await shop.advance(31 * MINUTE);
    await shop.runScheduler();
    expect((await groupDoc(groupId)).held).toBe(1);
    const after = await groupBuyDoc(gb.id);
    expect([after.units, after.members.crashkey, after.holds]).toEqual([1, 0, []]);
  });
});

describe('limits', () => {
  test('perMember counts every order of the member in the activity; stockCap every unit held', async () => {
    const { gb, lines } = await activity({ perMember: 2, stockCap: 3 });
    const bob = await placed('bob', { ...lines[0], qty: 2 }, { groupBuyId: gb.id });
    expect(codeOf(await buy('bob', lines[0], { groupBuyId: gb.id }))).toBe('campaign.limit_reached');
    expect(codeOf(await buy('carol', { ...lines[0], qty: 2 }, { groupBuyId: gb.id }))).toBe('campaign.sold_out');
    const carol = await placed('carol', lines[0], { groupBuyId: gb.id, groupId: bob.group.groupId });
    expect(codeOf(await buy('dave', lines[0], { groupBuyId: gb.id }))).toBe('campaign.sold_out');
    expect((await ok('dave', 'groupBuy', { productId: gb.productId })).live.canBuy).toBe(0);
    // An unpaid order cancelled gives its units back to everyone, and the member's back to them.
    await shop.ok('bob', 'cancel', { orderId: bob.id });
    expect((await ok('bob', 'groupBuy', { productId: gb.productId })).live.canBuy).toBe(2);
    await placed('dave', { ...lines[0], qty: 2 }, { groupBuyId: gb.id });
    expect(codeOf(await buy('bob', lines[0], { groupBuyId: gb.id }))).toBe('campaign.sold_out');
    await shop.ok('carol', 'cancel', { orderId: carol.id });
  });
});

describe('hostile input', () => {
  test('own group, twice, full, failed, foreign ids, group price on a normal order: coded, no change', async () => {
    const { gb, lines } = await activity();
    const other = await activity();
    const { groupId } = await started('bob', lines[0], gb.id);
    const joined = await placed('carol', lines[0], { groupBuyId: gb.id, groupId });
    const { groupId: otherGroup } = await started('bob', other.lines[0], other.gb.id);
    const before = { state: await shop.state(), groups: await shop.all('groups'), gbs: await shop.all('group_buys') };
    const cases: Array<[string, Line[], Record<string, unknown>, string]> = [
      ['bob', [lines[0]], { groupBuy: { groupBuyId: gb.id, groupId } }, 'group.own'],
      ['carol', [lines[0]], { groupBuy: { groupBuyId: gb.id, groupId } }, 'group.joined'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: gb.id, groupId } }, 'group.full'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: 'nosuchgb', groupId } }, 'campaign.not_found'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: gb.id, groupId: otherGroup } }, 'group.not_found'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: gb.id, groupId: 'Gnosuchgroup' } }, 'group.not_found'],
      ['dave', [other.lines[0]], { groupBuy: { groupBuyId: gb.id } }, 'campaign.sku_not_in'],
      ['dave', [lines[0], other.lines[0]], { groupBuy: { groupBuyId: gb.id } }, 'campaign.one_line'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: gb.id }, couponId: 'c1' }, 'coupon.not_applicable'],
      ['dave', [{ ...lines[0], qty: 1e9 }], { groupBuy: { groupBuyId: gb.id } }, 'input.invalid'],
      ['dave', [{ ...lines[0], qty: -1 }], { groupBuy: { groupBuyId: gb.id } }, 'input.invalid'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: 'x'.repeat(10_000) } }, 'input.invalid'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: gb.id, groupId: 'g'.repeat(10_000) } }, 'input.invalid'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: gb.id, groupId: '.*' } }, 'input.invalid'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: { $ne: null } } }, 'input.invalid'],
      ['dave', [lines[0]], { groupBuy: { groupBuyId: gb.id, priceFen: 1 } }, 'input.invalid'],
    ];
    for (const [as, items, extra, code] of cases) {
      expect([as, code, codeOf(await shop.create(as, items, extra))]).toEqual([as, code, code]);
      const quoted = await shop.order(as, 'quote', { items, ...extra });
      expect([as, code, codeOf(quoted)]).toEqual([as, code, code]);
    }
    expect(await refused('dave', 'group', { groupId: 'x'.repeat(10_000) })).toBe('input.invalid');
    expect(await refused('dave', 'group', { groupId: 'Gnosuchgroup' })).toBe('group.not_found');
    expect(await refused('dave', 'groupBuy', { productId: 5 })).toBe('input.invalid');
    expect(await refused('dave', 'saveGroupBuy', { groupBuy: {} })).toBe('auth.not_owner');
    expect({ state: await shop.state(), groups: await shop.all('groups'), gbs: await shop.all('group_buys') }).toEqual(
      before,
    );
    // A normal order of the product is at the normal price; a quote of a group order at the group price.
    expect((await shop.placed('dave', [lines[0]])).items[0]).toMatchObject({ priceFen: 1000 });
    const quote = await shop.ok('erin', 'quote', { items: [lines[0]], groupBuy: { groupBuyId: gb.id } });
    expect(quote.amounts.goodsFen).toBe(600);
    expect(quote.coupons).toMatchObject({ usable: [], unusable: [], applied: null });
    // A failed group takes no one.
    await shop.ok('carol', 'cancel', { orderId: joined.id });
    await shop.advance(25 * HOUR);
    await shop.runScheduler();
    expect(codeOf(await buy('dave', lines[0], { groupBuyId: gb.id, groupId }))).toBe('group.closed');
    for (const r of (await shop.payments()).refunds.filter((x: any) => x.status === 'pending'))
      await shop.simulateRefund(r.outRefundNo);
  });
});

describe('concurrency', () => {
  test('200 joins at once of a group of 3 with 2 slots left: exactly 2 hold slots, stock and units exact', async () => {
    const { gb, lines } = await activity({ size: 3, stockCap: 1000, perMember: 1 });
    const { groupId } = await started('bob', lines[0], gb.id);
    const joiners = Array.from({ length: 200 }, (_v, i) => `j${i + 1}`);
    await pool(joiners, 20, (j) => shop.token(j));
    const results = await Promise.all(
      joiners.map((j) =>
        shop.order(j, 'create', {
          requestId: randomUUID(),
          items: [lines[0]],
          address: ADDRESS,
          groupBuy: { groupBuyId: gb.id, groupId },
        }),
      ),
    );
    const tally = results.map(codeOf).reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});
    expect(tally.ok).toBe(2);
    expect((tally['group.full'] ?? 0) + (tally['campaign.busy'] ?? 0)).toBe(198);
    const group = await groupDoc(groupId);
    expect([group.held, Object.keys(group.slots).length]).toEqual([3, 3]);
    expect(await shop.stock(gb.productId, lines[0].skuId)).toBe(97);
    expect((await groupBuyDoc(gb.id)).units).toBe(3);
    // The two winners pay: the group forms.
    const winners = joiners.filter((_j, i) => results[i].ok);
    for (const w of winners) await pay(w, (results[joiners.indexOf(w)] as any).data.order.id);
    expect((await groupDoc(groupId)).status).toBe('succeeded');
  }, 120_000);

  test('20 groups at once, half filled: after the end, refunds equal exactly the failed groups’ payments', async () => {
    const { gb, lines } = await activity({ size: 2, hours: 1, stockCap: 1000, perMember: 1 });
    const leaders = Array.from({ length: 20 }, (_v, i) => `lead${i + 1}`);
    await pool(leaders, 10, (l) => shop.token(l));
    const starts = await Promise.all(leaders.map((l) => buy(l, lines[0], { groupBuyId: gb.id })));
    expect(starts.map(codeOf)).toEqual(leaders.map(() => 'ok'));
    const orders = starts.map((r: any) => r.data.order);
    await pool(orders, 5, (o: any, i) => pay(leaders[i], o.id));
    const joined = await pool(orders.slice(0, 10), 5, async (o: any, i) => {
      const order = await placed(`join${i + 1}`, lines[0], { groupBuyId: gb.id, groupId: o.group.groupId });
      return pay(`join${i + 1}`, order.id);
    });
    expect(joined.map((o) => o.status)).toEqual(joined.map(() => 'paid'));
    await shop.advance(HOUR + MINUTE);
    await shop.runScheduler();
    const failed = orders.slice(10);
    const docs = await Promise.all(failed.map((o: any) => shop.orderDoc(o.id)));
    expect(docs.map((d) => d.status)).toEqual(failed.map(() => 'refunding'));
    for (const o of failed) await shop.simulateRefund(`${o.id}R`);
    const sim = await shop.payments();
    const ids = new Set(failed.map((o: any) => o.id));
    const paidFen = sim.payments
      .filter((p: any) => ids.has(p.outTradeNo))
      .reduce((n: number, p: any) => n + p.totalFee, 0);
    const mine = new Set([...orders, ...joined].map((o: any) => o.id));
    const refunds = sim.refunds.filter((r: any) => mine.has(r.outTradeNo));
    expect(refunds.every((r: any) => ids.has(r.outTradeNo) && r.status === 'success')).toBe(true);
    expect(refunds.reduce((n: number, r: any) => n + r.refundFee, 0)).toBe(paidFen);
    const groups = (await shop.all('groups')).filter((g) => g.groupBuyId === gb.id);
    const byStatus = groups.reduce<Record<string, number>>(
      (t, g) => ({ ...t, [g.status]: (t[g.status] ?? 0) + 1 }),
      {},
    );
    expect(byStatus).toEqual({ succeeded: 10, failed: 10 });
    expect((await groupBuyDoc(gb.id)).units).toBe(20);
    expect(await shop.stock(gb.productId, lines[0].skuId)).toBe(80);
  }, 120_000);
});
