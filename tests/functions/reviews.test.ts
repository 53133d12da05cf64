// The trust layer through the emulator: reviews only from the buyer of a completed, unrefunded order (once per line),
// the owner's reply and hiding, the product's review summary, and the sharer's verified purchases ("TA 买过 N 次"),
// counted from completed orders and taken back by refunds. After every test each product's counters must equal its
// visible reviews.
import { checkStatsAgainstReviews } from './ledgers';
import { OWNER, line, useShop } from './order-kit';

const shop = useShop();

afterEach(() => checkStatsAgainstReviews(shop));

const call = (as: string, action: string, input: Record<string, unknown> = {}) =>
  shop.call(as, 'shop', { action, ...input });

async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await call(as, action, input);
  if (!result.ok) throw new Error(`shop.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function refused(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await call(as, action, input);
  if (result.ok) throw new Error(`shop.${action} as ${as} went through: ${JSON.stringify(result)}`);
  return result.error.code as string;
}

const HONEY = line('qinling-honey', 'qinling-honey-1');
const CUP = line('qinghua-cup', 'qinghua-cup-1');
const review = (orderId: string, skuId: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  skuId,
  rating: 5,
  text: '真的好喝，回购了',
  ...extra,
});

async function shareCode(as: string): Promise<string> {
  return (await call(as, 'session')).data.user.shareCode;
}

describe('reviews', () => {
  test('a buyer reviews a line of a completed order once, with photos from the shop storage', async () => {
    const order = await shop.completed('rev1', [HONEY, CUP]);
    const photo = 'cloud://local-dev.6c6f-local-dev/reviews/rev1/a.jpg';
    const { review: made } = await ok('rev1', 'review', review(order.id, HONEY.skuId, { rating: 4, photos: [photo] }));
    expect(made).toMatchObject({
      id: `${order.id}:${HONEY.skuId}`,
      productId: 'qinling-honey',
      rating: 4,
      text: '真的好喝，回购了',
    });
    // Under the buyer's own nickname, even for a buyer whose member record did not exist before.
    expect(made.nickname).toBe((await call('rev1', 'session')).data.user.nickname);
    expect(await refused('rev1', 'review', review(order.id, HONEY.skuId))).toBe('review.duplicate');
    const concurrent = await Promise.all([
      call('rev1', 'review', review(order.id, CUP.skuId)),
      call('rev1', 'review', review(order.id, CUP.skuId)),
    ]);
    expect(concurrent.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['ok', 'review.duplicate']);
    expect((await shop.get('rev1', order.id)).reviewedSkus?.sort()).toEqual([CUP.skuId, HONEY.skuId].sort());

    const { items, summary } = await ok('anyone', 'listReviews', { productId: 'qinling-honey' });
    expect(items.map((r: any) => r.id)).toEqual([made.id]);
    expect(summary).toEqual({ count: 1, avgRating: 4, withPhotos: 1 });
    expect((await ok('anyone', 'listReviews', { productId: 'qinghua-cup', photos: true })).items).toEqual([]);
  });

  test('no review without a completed order, of another’s order, of a refunded order, or hostile input', async () => {
    const paid = await shop.paid('rev2', [HONEY]);
    expect(await refused('rev2', 'review', review(paid.id, HONEY.skuId))).toBe('review.not_allowed');
    const done = await shop.completed('rev2', [HONEY]);
    expect(await refused('rev3', 'review', review(done.id, HONEY.skuId))).toBe('order.not_found');
    expect(await refused('rev2', 'review', review(done.id, 'nope'))).toBe('review.not_allowed');
    for (const bad of [
      { rating: 6 },
      { rating: 0 },
      { rating: 4.5 },
      { text: 'x'.repeat(501) },
      { photos: ['https://evil.example/a.jpg'] },
      { photos: Array(7).fill('cloud://e.b/reviews/a.jpg') },
      { buyerId: 'dev_rev3' },
    ]) {
      expect(await refused('rev2', 'review', review(done.id, HONEY.skuId, bad))).toBe('input.invalid');
    }
    await shop.requestRefund('rev2', done.id);
    const approved = await shop.decide(done.id, true);
    await shop.simulateRefund(approved.refund!.outRefundNo!);
    expect(await refused('rev2', 'review', review(done.id, HONEY.skuId))).toBe('review.order_refunded');
    expect((await shop.all('reviews')).filter((r) => r.buyerId === 'dev_rev2')).toEqual([]);
  });

  test('owner replies and hides; a hidden review leaves the list and the average but stays in the data', async () => {
    const a = await shop.completed('rev4', [CUP]);
    const b = await shop.completed('rev5', [CUP]);
    await ok('rev4', 'review', review(a.id, CUP.skuId, { rating: 1, text: '垃圾！！！' }));
    await ok('rev5', 'review', review(b.id, CUP.skuId, { rating: 5 }));
    const before = (await ok('anyone', 'listReviews', { productId: 'qinghua-cup' })).summary;
    const id = `${a.id}:${CUP.skuId}`;
    expect(await refused('rev5', 'hideReview', { reviewId: id, hidden: true })).toBe('auth.not_owner');
    expect(await refused('rev5', 'replyReview', { reviewId: id, reply: '谢谢' })).toBe('auth.not_owner');
    expect(await refused(OWNER, 'hideReview', { reviewId: 'YJ0000000000000000:nope', hidden: true })).toBe(
      'review.not_found',
    );

    const { review: hidden } = await ok(OWNER, 'hideReview', { reviewId: id, hidden: true, reason: '辱骂' });
    expect(hidden.hidden).toMatchObject({ reason: '辱骂' });
    await ok(OWNER, 'hideReview', { reviewId: id, hidden: true }); // again: nothing changes twice
    const after = await ok('anyone', 'listReviews', { productId: 'qinghua-cup' });
    expect(after.items.map((r: any) => r.id)).not.toContain(id);
    expect(after.summary.count).toBe(before.count - 1);
    expect((await shop.db.collection('reviews').doc(id).get()).data).toMatchObject({
      hidden: true,
      hiddenReason: '辱骂',
      text: '垃圾！！！',
    });

    // The owner's list keeps hidden reviews, marked, with the product's title.
    expect(await refused('rev5', 'ownerReviews')).toBe('auth.not_owner');
    const hiddenList = await ok(OWNER, 'ownerReviews', { view: 'hidden' });
    expect(hiddenList.items.map((r: any) => [r.id, r.productTitle, r.hidden?.reason])).toEqual([
      [id, '景德镇手绘青花茶杯 主人杯', '辱骂'],
    ]);
    expect((await ok(OWNER, 'ownerReviews', { limit: 50 })).items.map((r: any) => r.id)).toEqual(
      expect.arrayContaining([id, `${b.id}:${CUP.skuId}`]),
    );

    const { review: replied } = await ok(OWNER, 'replyReview', { reviewId: `${b.id}:${CUP.skuId}`, reply: '感谢支持' });
    expect(replied.reply).toMatchObject({ text: '感谢支持' });
    await ok(OWNER, 'hideReview', { reviewId: id, hidden: false });
    expect((await ok('anyone', 'listReviews', { productId: 'qinghua-cup' })).summary).toEqual(before);
  });
});

describe("the sharer's verified purchases", () => {
  test('count completed, unrefunded orders of that product by the sharer only', async () => {
    const code = await shareCode('sh1');
    const badge = async () =>
      (await ok('friend1', 'getProduct', { id: 'qinling-honey', s: code })).trust.sharerVerifiedPurchases;
    expect(await badge()).toBe(0);
    const buyersBefore = (await ok('friend1', 'getProduct', { id: 'qinling-honey' })).reviews.boughtLast30Days;
    await shop.placed('sh1', [HONEY]); // unpaid
    const cancelled = await shop.placed('sh1', [HONEY]);
    await shop.ok('sh1', 'cancel', { orderId: cancelled.id });
    await shop.paid('sh1', [HONEY]); // paid, not received
    await shop.completed('friend1', [HONEY]); // someone else's
    expect(await badge()).toBe(0);
    const kept = await shop.completed('sh1', [HONEY, CUP]);
    await shop.completed('sh1', [HONEY]);
    expect(await badge()).toBe(2);
    const refunded = await shop.completed('sh1', [HONEY]);
    expect(await badge()).toBe(3);
    await shop.requestRefund('sh1', refunded.id);
    const approved = await shop.decide(refunded.id, true);
    await shop.simulateRefund(approved.refund!.outRefundNo!, { deliveries: 2 });
    expect(await badge()).toBe(2);

    // The sharer's own review comes with the badge; the page counts recent buyers for everyone.
    await ok('sh1', 'review', review(kept.id, HONEY.skuId, { text: '每天早上一勺' }));
    const detail = await ok('friend1', 'getProduct', { id: 'qinling-honey', s: code });
    expect(detail.trust.sharerReview).toMatchObject({ text: '每天早上一勺', rating: 5 });
    expect(detail.reviews.boughtLast30Days).toBe(buyersBefore + 2); // sh1 and friend1
    expect(detail.reviews.latest.map((r: any) => r.text)).toContain('每天早上一勺');
    // Not shown to the sharer themself, nor without a share.
    expect((await ok('sh1', 'getProduct', { id: 'qinling-honey', s: code })).trust).toEqual({});
  });

  test('a completion cut off before counting is counted by the scheduler, once', async () => {
    const code = await shareCode('sh2');
    const shipped = await shop.shipped('sh2', [CUP]);
    await shop.db
      .collection('orders')
      .doc(shipped.id)
      .update({ data: { status: 'completed', completedAt: await shop.now(), purchase: 'owed' } });
    await shop.runScheduler();
    await shop.runScheduler();
    expect((await ok('friend2', 'getProduct', { id: 'qinghua-cup', s: code })).trust.sharerVerifiedPurchases).toBe(1);
  });
});

describe("the sharer's center suggests what to share", () => {
  test('products the sharer bought and reviewed first, then bought, then the rest on sale', async () => {
    const before = (await shop.call('sg1', 'commission', { action: 'suggestions' })).data.items;
    expect(before.every((s: any) => s.bought === 0 && !s.reviewed)).toBe(true);
    const reviewedOrder = await shop.completed('sg1', [CUP]);
    await shop.completed('sg1', [HONEY]);
    await shop.completed('sg1', [HONEY]);
    await ok('sg1', 'review', review(reviewedOrder.id, CUP.skuId));
    await shop.paid('sg1', [line('puer357', 'puer357-1')]); // paid, not completed: not a purchase yet
    const { items } = (await shop.call('sg1', 'commission', { action: 'suggestions' })).data;
    expect(items.slice(0, 2).map((s: any) => [s.productId, s.bought, s.reviewed])).toEqual([
      ['qinghua-cup', 1, true],
      ['qinling-honey', 2, false],
    ]);
    expect(items.slice(2).every((s: any) => s.bought === 0)).toBe(true);
    expect(items.find((s: any) => s.productId === 'puer357')?.bought ?? 0).toBe(0);
  });
});
