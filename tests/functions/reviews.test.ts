// The trust layer through the emulator: reviews only from the buyer of a completed, unrefunded order (once per line),
// withdrawn from the public figures when the order is refunded in full, the owner's reply and hiding, the product's
// review summary, and the sharer's verified purchases ("TA 买过 N 次"), counted from completed orders and taken back
// by refunds. After every test each product's counters must equal its visible reviews.
import { checkStatsAgainstReviews } from './ledgers';
import { sdkFor } from '../emulator/harness';
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
/** Two jars, ¥136.00: free shipping, so a completed order of them can be refunded in full (shipping fees stay paid). */
const HONEY2 = line('qinling-honey', 'qinling-honey-1', 2);
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
    const photo = await shop.upload('rev1', { folder: 'reviews' });
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
    // Its photo waits for content security (tests/functions/content-security.test.ts): not counted as public yet.
    expect(summary).toEqual({ count: 1, avgRating: 4, withPhotos: 0 });
    expect((await ok('anyone', 'listReviews', { productId: 'qinghua-cup', photos: true })).items).toEqual([]);
  });

  test('no review without a completed order, of another’s order, of a refunded order, or hostile input', async () => {
    const paid = await shop.paid('rev2', [HONEY]);
    expect(await refused('rev2', 'review', review(paid.id, HONEY.skuId))).toBe('review.not_allowed');
    const done = await shop.completed('rev2', [HONEY2]);
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
    expect((await shop.refundAll('rev2', done.id)).status).toBe('refunded');
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

describe("a review's photos are the buyer's own uploads", () => {
  /** A file written by the server side (the owner's console, a seed): it exists, under the path given. */
  const stored = async (cloudPath: string): Promise<string> =>
    (await sdkFor(shop.emu).uploadFile({ cloudPath, fileContent: Buffer.from('\x89PNG fake') })).fileID as string;

  test("another's photo, the shop's images, outside the folder, another env: refused, nothing stored", async () => {
    const order = await shop.completed('snap', [HONEY]);
    const mine = await shop.upload('snap', { folder: 'reviews' });
    const bobs = await shop.upload('bob', { folder: 'reviews' });
    const snap = (await call('snap', 'session')).data.user.openid as string;
    const bob = (await call('bob', 'session')).data.user.openid as string;
    expect(mine).toContain(`/reviews/${snap}/`);
    expect(bobs).toContain(`/reviews/${bob}/`);
    const here = /^cloud:\/\/[^/]+\//.exec(mine)![0]; // cloud://<env>.<bucket>/
    const env = /^cloud:\/\/([^.]+)\./.exec(mine)![1];
    const product = (await shop.all('products')).find((p) => p._id === HONEY.productId).images[0] as string;
    const logo = await stored(`shop/logo-${snap}.png`);
    const loose = await stored(`reviews/${snap}.png`); // stored, but not in the member's folder
    const name = mine.slice(mine.lastIndexOf('/') + 1);

    const cases: Array<[string, string[], string]> = [
      ["bob's photo", [bobs], 'photo.not_yours'],
      ["bob's photo after one of mine", [mine, bobs], 'photo.not_yours'],
      ["the shop's product image", [product], 'photo.not_yours'],
      ["the shop's logo", [logo], 'photo.not_yours'],
      ['a file beside the folders', [loose], 'photo.not_yours'],
      [
        "a climb from mine into bob's",
        [`${here}reviews/${snap}/../${bob}/${bobs.split('/').pop()}`],
        'photo.not_yours',
      ],
      ['a prefix of my folder', [`${here}reviews/${snap}x/${name}`], 'photo.not_yours'],
      ['an encoded climb', [`${here}reviews/${snap}/..%2F${bob}%2F${bobs.split('/').pop()}`], 'photo.not_yours'],
      ["another env's fileID", [mine.replace(`cloud://${env}.`, 'cloud://other-env.')], 'photo.not_yours'],
      ['mine, never uploaded', [`${here}reviews/${snap}/never-uploaded.png`], 'upload.failed'],
    ];
    for (const [what, photos, code] of cases) {
      expect([what, await refused('snap', 'review', review(order.id, HONEY.skuId, { photos }))]).toEqual([what, code]);
    }
    // Nothing was stored by any of them: the line is still open, and takes the buyer's own photo.
    expect((await shop.all('reviews')).filter((r) => r.buyerId === 'dev_snap')).toEqual([]);
    expect((await shop.get('snap', order.id)).reviewedSkus ?? []).toEqual([]);
    const { review: made } = await ok('snap', 'review', review(order.id, HONEY.skuId, { photos: [mine] }));
    expect(made.photos).toEqual([expect.stringContaining(`/reviews/${snap}/${name}`)]);
    expect((await shop.db.collection('reviews').doc(made.id).get()).data.photos).toEqual([mine]);
  });

  test("the storage holds a member to their own folder: bob cannot upload into another's", async () => {
    const eve = (await call('eve', 'session')).data.user.openid as string;
    await expect(shop.upload('bob', { cloudPath: `reviews/${eve}/planted.png` })).rejects.toThrow(
      /HTTP 400 .*STORAGE_EXCEED_AUTHORITY/,
    );
    await expect(shop.upload('bob', { cloudPath: 'reviews/planted.png' })).rejects.toThrow(/HTTP 400/);
  });
});

describe('a refund in full withdraws the review from the public figures', () => {
  /**
   * Refunds a completed order in full: a case for every unit, its approval, WeChat's callback delivered `deliveries`
   * times (the products here cost ¥120.00: free shipping, so the goods are everything paid).
   */
  async function refundInFull(buyer: string, orderId: string, deliveries = 1) {
    const opened = await shop.applyCase(buyer, orderId);
    const approved = await shop.decideCase(opened.id, true);
    await shop.simulateRefund(approved.outRefundNo as string, { deliveries });
    expect((await shop.orderDoc(orderId)).status).toBe('refunded');
  }
  const summary = async (productId: string) => (await ok('anyone', 'listReviews', { productId })).summary;
  const listed = async (productId: string) =>
    (await ok('anyone', 'listReviews', { productId, limit: 50 })).items.map((r: any) => r.id);

  test('out of the list, count and average; its buyer still sees it, marked; replays withdraw once', async () => {
    const [tea, cake] = await shop.makeProduct('wd-tea', [
      { stock: 50, priceFen: 12000 },
      { stock: 50, priceFen: 12000 },
    ]);
    const kept = await shop.completed('wd1', [tea]);
    const gone = await shop.completed('wd2', [tea, cake]);
    await ok('wd1', 'review', review(kept.id, tea.skuId, { rating: 5 }));
    await ok('wd2', 'review', review(gone.id, tea.skuId, { rating: 1, text: '不好喝' }));
    expect(await summary('wd-tea')).toEqual({ count: 2, avgRating: 3, withPhotos: 0 });

    // WeChat delivers the refund callback three times; the scheduler's sweep comes by twice more.
    await refundInFull('wd2', gone.id, 3);
    await shop.runScheduler();
    await shop.runScheduler();
    const goneId = `${gone.id}:${tea.skuId}`;
    expect(await listed('wd-tea')).toEqual([`${kept.id}:${tea.skuId}`]);
    expect(await summary('wd-tea')).toEqual({ count: 1, avgRating: 5, withPhotos: 0 });
    // Nor on the product page.
    const page = await ok('anyone', 'getProduct', { id: 'wd-tea' });
    expect([page.reviews.count, page.reviews.latest.map((r: any) => r.id)]).toEqual([1, [`${kept.id}:${tea.skuId}`]]);

    // Its buyer finds it from the order, marked; the owner sees the mark too; nobody else gets it.
    expect((await shop.get('wd2', gone.id)).reviewedSkus).toEqual([tea.skuId]);
    const { review: mine } = await ok('wd2', 'myReview', { orderId: gone.id, skuId: tea.skuId });
    expect(mine).toMatchObject({
      id: goneId,
      text: '不好喝',
      withdrawn: { reason: 'refunded', at: expect.any(String) },
    });
    expect((await ok('wd1', 'myReview', { orderId: gone.id, skuId: tea.skuId })).review).toBeNull();
    const owned = (await ok(OWNER, 'ownerReviews', { limit: 50 })).items.find((r: any) => r.id === goneId);
    expect(owned.withdrawn).toEqual(mine.withdrawn);
    expect((await shop.db.collection('reviews').doc(goneId).get()).data).toMatchObject({
      withdrawn: true,
      withdrawnReason: 'refunded',
      hidden: false,
    });
    expect((await shop.orderDoc(gone.id)).reviewsState).toBe('closed');

    // A refunded order still takes no review, of the reviewed line or the other one.
    expect(await refused('wd2', 'review', review(gone.id, tea.skuId))).toBe('review.order_refunded');
    expect(await refused('wd2', 'review', review(gone.id, cake.skuId))).toBe('review.order_refunded');
    expect(await summary('wd-tea')).toEqual({ count: 1, avgRating: 5, withPhotos: 0 });
  });

  test("the owner's hiding and a withdrawal count a review out once, in either order", async () => {
    const [mug] = await shop.makeProduct('wd-mug', [{ stock: 50, priceFen: 12000 }]);
    const base = await shop.completed('wd3', [mug]);
    const hiddenFirst = await shop.completed('wd4', [mug]);
    const refundedFirst = await shop.completed('wd5', [mug]);
    await ok('wd3', 'review', review(base.id, mug.skuId, { rating: 4 }));
    await ok('wd4', 'review', review(hiddenFirst.id, mug.skuId, { rating: 1 }));
    await ok('wd5', 'review', review(refundedFirst.id, mug.skuId, { rating: 2 }));
    expect((await summary('wd-mug')).count).toBe(3);

    // Hidden, then refunded: the withdrawal changes no number; shown again, it stays out.
    const hiddenId = `${hiddenFirst.id}:${mug.skuId}`;
    await ok(OWNER, 'hideReview', { reviewId: hiddenId, hidden: true, reason: '广告' });
    expect(await summary('wd-mug')).toEqual({ count: 2, avgRating: 3, withPhotos: 0 });
    await refundInFull('wd4', hiddenFirst.id);
    expect(await summary('wd-mug')).toEqual({ count: 2, avgRating: 3, withPhotos: 0 });
    await ok(OWNER, 'hideReview', { reviewId: hiddenId, hidden: false });
    expect(await summary('wd-mug')).toEqual({ count: 2, avgRating: 3, withPhotos: 0 });
    expect(await listed('wd-mug')).not.toContain(hiddenId);

    // Refunded, then hidden and shown: nothing moves either.
    const refundedId = `${refundedFirst.id}:${mug.skuId}`;
    await refundInFull('wd5', refundedFirst.id);
    expect(await summary('wd-mug')).toEqual({ count: 1, avgRating: 4, withPhotos: 0 });
    await ok(OWNER, 'hideReview', { reviewId: refundedId, hidden: true });
    await ok(OWNER, 'hideReview', { reviewId: refundedId, hidden: false });
    expect(await summary('wd-mug')).toEqual({ count: 1, avgRating: 4, withPhotos: 0 });
    expect(await listed('wd-mug')).toEqual([`${base.id}:${mug.skuId}`]);
  });

  test('a partial refund (the buyer keeps the goods) leaves the review public', async () => {
    const [jar] = await shop.makeProduct('wd-jar', [{ stock: 50, priceFen: 12000 }]);
    const order = await shop.completed('wd6', [jar]);
    await ok('wd6', 'review', review(order.id, jar.skuId, { rating: 3 }));
    // Compensation for the one unit, which the buyer keeps: ¥20.00 of ¥120.00.
    const opened = await shop.applyCase('wd6', order.id, { refundFen: 2000 });
    await shop.refundCase(await shop.decideCase(opened.id, true));
    expect(await shop.get('wd6', order.id)).toMatchObject({ status: 'completed', refundedFen: 2000 });
    await shop.runScheduler();
    expect(await listed('wd-jar')).toEqual([`${order.id}:${jar.skuId}`]);
    expect((await ok('wd6', 'myReview', { orderId: order.id, skuId: jar.skuId })).review.withdrawn).toBeUndefined();
  });

  test('a withdrawal a crash cut off is finished by the scheduler, once', async () => {
    const [pot] = await shop.makeProduct('wd-pot', [{ stock: 50 }]);
    const order = await shop.completed('wd7', [pot]);
    await ok('wd7', 'review', review(order.id, pot.skuId, { rating: 5 }));
    // As if the refund was recorded and the process died before its follow-up.
    await shop.db
      .collection('orders')
      .doc(order.id)
      .update({ data: { status: 'refunded', reviewsState: 'owed' } });
    expect((await summary('wd-pot')).count).toBe(1);
    await Promise.all([shop.runScheduler(), shop.runScheduler()]);
    await shop.runScheduler();
    expect(await summary('wd-pot')).toEqual({ count: 0, avgRating: null, withPhotos: 0 });
    expect((await shop.orderDoc(order.id)).reviewsState).toBe('closed');
  });

  test('under concurrent refunds, sweeps, hiding and new reviews the counters equal the visible reviews', async () => {
    const [bowl] = await shop.makeProduct('wd-bowl', [{ stock: 100, priceFen: 12000 }]);
    const buyers = ['wc1', 'wc2', 'wc3', 'wc4', 'wc5', 'wc6'];
    const orders = await Promise.all(buyers.map((b) => shop.completed(b, [bowl])));
    const reviewed = orders.slice(0, 4);
    await Promise.all(reviewed.map((o, i) => ok(buyers[i], 'review', review(o.id, bowl.skuId, { rating: i + 2 }))));
    // The first three will be refunded in full; their cases wait approved for WeChat's callback.
    const numbers: string[] = [];
    for (const [i, o] of orders.slice(0, 3).entries()) {
      const opened = await shop.applyCase(buyers[i], o.id);
      numbers.push((await shop.decideCase(opened.id, true)).outRefundNo as string);
    }
    const id = (i: number) => `${orders[i].id}:${bowl.skuId}`;
    await Promise.all([
      ...numbers.map((n) => shop.simulateRefund(n, { deliveries: 2 })),
      shop.runScheduler(),
      ok(OWNER, 'hideReview', { reviewId: id(0), hidden: true }),
      ok(OWNER, 'hideReview', { reviewId: id(3), hidden: true }),
      ok(buyers[4], 'review', review(orders[4].id, bowl.skuId, { rating: 1 })),
      ok(buyers[5], 'review', review(orders[5].id, bowl.skuId, { rating: 5 })),
      shop.runScheduler(),
    ]);
    await Promise.all([ok(OWNER, 'hideReview', { reviewId: id(3), hidden: false }), shop.runScheduler()]);
    await checkStatsAgainstReviews(shop);
    // Visible: the fourth (shown again), the fifth and the sixth; the refunded three are out, once each.
    expect((await listed('wd-bowl')).sort()).toEqual([id(3), id(4), id(5)].sort());
    expect(await summary('wd-bowl')).toEqual({
      count: 3,
      avgRating: Math.round(((5 + 1 + 5) / 3) * 10) / 10,
      withPhotos: 0,
    });
    const stored = await shop.all('reviews');
    expect(
      stored
        .filter((r) => r.productId === 'wd-bowl' && r.withdrawn)
        .map((r) => r._id)
        .sort(),
    ).toEqual([id(0), id(1), id(2)].sort());
  }, 120_000);
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
    const refunded = await shop.completed('sh1', [HONEY2]);
    expect(await badge()).toBe(3);
    const opened = await shop.applyCase('sh1', refunded.id);
    await shop.simulateRefund((await shop.decideCase(opened.id, true)).outRefundNo as string, { deliveries: 2 });
    expect((await shop.orderDoc(refunded.id)).status).toBe('refunded');
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
