import type { GroupBuyDraft } from '../contracts/campaign';
import {
  atGroupPrice,
  buyRefusal,
  canBuy,
  closestToFull,
  groupBuyFromDraft,
  groupBuyStatus,
  groupIdOf,
  groupLine,
  groupOutcome,
  joinRefusal,
  memberKeyOf,
  unitsRefusal,
  type GroupBuyRecord,
  type GroupRecord,
} from './group-buy';
import { GROUP_ID_PATTERN } from '../contracts/limits';
import { priceLines, totalsOf } from './pricing';
import type { ProductRecord } from './product';
import { DEFAULT_RULES } from './rules';

const now = new Date('2026-12-03T08:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const product: ProductRecord = {
  _id: 'p1',
  title: '青梅酒',
  description: '',
  images: [],
  skus: [
    { id: 's1', spec: '500ml', priceFen: 10000, stock: 10 },
    { id: 's2', spec: '750ml', priceFen: 15000, stock: 10 },
    { id: 's3', spec: '旧款', priceFen: 9000, stock: 10, retired: true },
  ],
  status: 'on_sale',
  sort: 1,
};
const draft: GroupBuyDraft = {
  productId: 'p1',
  skus: [{ skuId: 's1', groupPriceFen: 8000 }],
  size: 3,
  hours: 24,
  startAt: at(-60).toISOString(),
  endAt: at(60 * 24 * 3).toISOString(),
  stockCap: 10,
  perMember: 2,
};
const record = (over: Partial<GroupBuyRecord> = {}): GroupBuyRecord => ({
  ...groupBuyFromDraft(draft, 'gb1', null, product, now),
  createdAt: now,
  units: 0,
  members: {},
  holds: [],
  ...over,
});
const group = (over: Partial<GroupRecord> = {}): GroupRecord => ({
  _id: 'G1',
  groupBuyId: 'gb1',
  productId: 'p1',
  skuId: 's1',
  size: 3,
  leaderId: 'dev_bob',
  startedAt: now,
  endsAt: at(60),
  status: 'forming',
  held: 1,
  paid: 1,
  memberIds: ['dev_bob'],
  slots: {},
  unpaid: [],
  ...over,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('the owner’s draft', () => {
  test('SKUs of the product on sale, a group price below the SKU’s, a window ending after start and now', () => {
    const make = (over: Partial<GroupBuyDraft>) => () =>
      groupBuyFromDraft({ ...draft, ...over }, 'gb1', null, product, now);
    expect(codeOf(make({}))).toBe('ok');
    expect(codeOf(make({ skus: [{ skuId: 's3', groupPriceFen: 100 }] }))).toBe('campaign.sku_not_in');
    expect(codeOf(make({ skus: [{ skuId: 'zz', groupPriceFen: 100 }] }))).toBe('campaign.sku_not_in');
    expect(codeOf(make({ skus: [{ skuId: 's1', groupPriceFen: 10000 }] }))).toBe('campaign.price_invalid');
    expect(codeOf(make({ skus: [{ skuId: 's1', groupPriceFen: 9999 }] }))).toBe('ok');
    expect(codeOf(make({ endAt: draft.startAt }))).toBe('campaign.window_invalid');
    expect(codeOf(make({ startAt: at(-10).toISOString(), endAt: now.toISOString() }))).toBe('campaign.window_invalid');
  });

  test('before its start anything changes; after it only a later end and a larger cap, never below units held', () => {
    const upcoming = record({ startAt: at(10) });
    const edit = (existing: GroupBuyRecord, over: Partial<GroupBuyDraft>) => () =>
      groupBuyFromDraft({ ...draft, ...over, id: 'gb1' }, 'gb1', existing, product, now);
    expect(codeOf(edit(upcoming, { size: 5, startAt: at(20).toISOString() }))).toBe('ok');
    const live = record({ units: 4 });
    expect(codeOf(edit(live, { stockCap: 20, endAt: at(60 * 24 * 5).toISOString() }))).toBe('ok');
    expect(codeOf(edit(live, { size: 4 }))).toBe('campaign.started');
    expect(codeOf(edit(live, { perMember: 3 }))).toBe('campaign.started');
    expect(codeOf(edit(live, { skus: [{ skuId: 's1', groupPriceFen: 7000 }] }))).toBe('campaign.started');
    expect(codeOf(edit(live, { startAt: at(-30).toISOString() }))).toBe('campaign.started');
    expect(codeOf(edit(live, { stockCap: 3 }))).toBe('input.invalid');
    expect(codeOf(edit(record({ stoppedAt: now }), {}))).toBe('campaign.started');
  });

  test('status: stopped › ended (at endAt) › upcoming (before startAt) › live', () => {
    expect(groupBuyStatus(record({ startAt: at(1) }), now)).toBe('upcoming');
    expect(groupBuyStatus(record({ startAt: now }), now)).toBe('live');
    expect(groupBuyStatus(record({ endAt: now }), now)).toBe('ended');
    expect(groupBuyStatus(record({ endAt: at(-1), stoppedAt: at(-5) }), now)).toBe('stopped');
  });
});

describe('a group order', () => {
  test('one line of the activity’s product, one of its SKUs, a joiner the group’s SKU', () => {
    const gb = record({
      skus: [
        { skuId: 's1', groupPriceFen: 8000 },
        { skuId: 's2', groupPriceFen: 12000 },
      ],
    });
    const line = (skuId: string, productId = 'p1') => ({ productId, skuId, qty: 2 });
    expect(groupLine([line('s2')], gb, null)).toEqual({ skuId: 's2', qty: 2, groupPriceFen: 12000 });
    expect(codeOf(() => groupLine([line('s1'), line('s2')], gb, null))).toBe('campaign.one_line');
    expect(codeOf(() => groupLine([], gb, null))).toBe('campaign.one_line');
    expect(codeOf(() => groupLine([line('s1', 'p2')], gb, null))).toBe('campaign.sku_not_in');
    expect(codeOf(() => groupLine([line('s3')], gb, null))).toBe('campaign.sku_not_in');
    expect(codeOf(() => groupLine([line('s2')], gb, group({ skuId: 's1' })))).toBe('campaign.sku_not_in');
  });

  test('is priced at the group price, marked group_buy, with shipping by the goods', () => {
    const lines = priceLines([{ productId: 'p1', skuId: 's1', qty: 1 }], new Map([['p1', product]]));
    const grouped = totalsOf(atGroupPrice(lines, 8000), DEFAULT_RULES);
    expect(grouped.lines[0]).toMatchObject({ priceFen: 8000, lineFen: 8000, campaign: 'group_buy' });
    expect(grouped.goodsFen).toBe(8000);
    expect(grouped.shippingFen).toBe(DEFAULT_RULES.shippingFeeFen);
    expect(grouped.payableFen).toBe(8000 + DEFAULT_RULES.shippingFeeFen);
  });

  test('new groups only while live; joins unless stopped', () => {
    expect(buyRefusal(record({ startAt: at(1) }), false, now)?.code).toBe('campaign.not_live');
    expect(buyRefusal(record({ endAt: at(-1), startAt: at(-100) }), false, now)?.code).toBe('campaign.not_live');
    expect(buyRefusal(record({ endAt: at(-1), startAt: at(-100) }), true, now)).toBeNull();
    expect(buyRefusal(record({ stoppedAt: now }), true, now)?.code).toBe('campaign.not_live');
    expect(buyRefusal(record(), false, now)).toBeNull();
  });

  test('a join: closed at its end or once closed, never one’s own or twice, full at size', () => {
    expect(joinRefusal(group(), 'dev_carol', now)).toBeNull();
    expect(joinRefusal(group({ endsAt: now }), 'dev_carol', now)?.code).toBe('group.closed');
    expect(joinRefusal(group({ status: 'failed' }), 'dev_carol', now)?.code).toBe('group.closed');
    expect(joinRefusal(group(), 'dev_bob', now)?.code).toBe('group.own');
    expect(joinRefusal(group({ memberIds: ['dev_bob', 'dev_carol'] }), 'dev_carol', now)?.code).toBe('group.joined');
    expect(joinRefusal(group({ held: 3 }), 'dev_carol', now)?.code).toBe('group.full');
  });

  test('units within the stock cap, then within the member’s limit; what the member may still buy', () => {
    const key = memberKeyOf('dev_bob');
    const gb = record({ units: 8, members: { [key]: 1 } });
    expect(unitsRefusal(gb, key, 1)).toBeNull();
    expect(unitsRefusal(gb, key, 2)?.code).toBe('campaign.limit_reached');
    expect(unitsRefusal(gb, key, 3)?.code).toBe('campaign.sold_out');
    expect(unitsRefusal(gb, memberKeyOf('dev_carol'), 2)).toBeNull();
    expect(canBuy(gb, key)).toBe(1);
    expect(canBuy(gb, memberKeyOf('dev_carol'))).toBe(2);
    expect(canBuy(record({ units: 10 }), key)).toBe(0);
  });
});

describe('a group', () => {
  test('succeeds with every slot paid, fails at its end short of that, else keeps forming', () => {
    expect(groupOutcome(group({ paid: 3, held: 3 }), now)).toBe('succeeded');
    expect(groupOutcome(group({ paid: 3, held: 3, endsAt: now }), now)).toBe('succeeded');
    expect(groupOutcome(group({ paid: 2, held: 3, endsAt: now }), now)).toBe('failed');
    expect(groupOutcome(group({ paid: 2, held: 3 }), now)).toBeNull();
    expect(groupOutcome(group({ status: 'failed', endsAt: at(-5) }), now)).toBeNull();
  });

  test('ids: derived from the starting order, short, shareable; member keys reveal no openid', () => {
    expect(groupIdOf('YJ0000000000000001')).toBe(groupIdOf('YJ0000000000000001'));
    expect(groupIdOf('YJ0000000000000001')).not.toBe(groupIdOf('YJ0000000000000002'));
    expect(groupIdOf('YJ0000000000000001')).toMatch(GROUP_ID_PATTERN);
    expect(memberKeyOf('dev_bob')).not.toContain('bob');
    expect(memberKeyOf('dev_bob')).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  test('open groups closest to full first, then the soonest to end', () => {
    const a = group({ _id: 'a', held: 1, endsAt: at(10) });
    const b = group({ _id: 'b', held: 2, endsAt: at(50) });
    const c = group({ _id: 'c', held: 2, endsAt: at(20) });
    expect(closestToFull([a, b, c]).map((g) => g._id)).toEqual(['c', 'b', 'a']);
  });
});
