// Content security through the emulator, on every place members write text or photos others see: a review's text
// and a sharer's note go through msgSecCheck before they are stored (nothing stored when risky, or when the check
// cannot run); a review's photos go through mediaCheckAsync and stay hidden from others (bob) until the verdict
// event passes them, visible to their author meanwhile, marked; a risky verdict hides them and tells the author; a
// check that cannot start is asked again by the scheduler, a bounded number of times; a member cannot forge a
// verdict. The emulator's rules come from POST /__dev/security; its verdict events wait for /__dev/security/flush.
import { post } from '../emulator/harness';
import { checkStatsAgainstReviews } from './ledgers';
import { OWNER, useShop } from './order-kit';

const shop = useShop();

afterEach(async () => {
  await checkStatsAgainstReviews(shop);
  await security({ riskyWords: [], reviewWords: [], riskyFiles: [], failing: false });
  await flush(); // no verdict of one test lands in the next
});

async function security(rules: Record<string, unknown>) {
  const res = await post(shop.emu, '/__dev/security', rules);
  if (res.status !== 200) throw new Error(`/__dev/security: ${res.text}`);
}

/** Delivers every verdict event WeChat would have sent by now; answers what the receiving function returned. */
async function flush(): Promise<unknown[]> {
  const res = await post(shop.emu, '/__dev/security/flush', {});
  if (res.status !== 200) throw new Error(`/__dev/security/flush: ${res.text}`);
  return res.json.results;
}

/** A completed order of a product of the test's own (its review list holds only this test's reviews). */
async function bought(as: string, productId: string) {
  const [item] = await shop.makeProduct(productId, [{ stock: 5 }]);
  return { order: await shop.completed(as, [item]), skuId: item.skuId };
}

async function ok(as: string, fn: string, action: string, input: Record<string, unknown> = {}) {
  const result = await shop.call(as, fn, { action, ...input });
  if (!result.ok) throw new Error(`${fn}.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function refused(as: string, fn: string, action: string, input: Record<string, unknown> = {}) {
  const result = await shop.call(as, fn, { action, ...input });
  if (result.ok) throw new Error(`${fn}.${action} as ${as} went through: ${JSON.stringify(result)}`);
  return result.error as { code: string; message: string };
}

/** A photo the member uploads from the review form (the h5 build's uploadFile), under their own folder. */
async function upload(as: string, name: string): Promise<string> {
  const token = await shop.token(as);
  const res = await fetch(`${shop.emu.origin}/api/storage/upload?cloudPath=reviews/dev_${as}/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: Buffer.from(`\x89PNG photo ${name}`),
  });
  if (res.status !== 200) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { fileID: string }).fileID;
}

const reviewDoc = async (id: string) =>
  (
    await shop.db
      .collection('reviews')
      .doc(id)
      .get()
      .catch(() => null)
  )?.data;

/** What bob (anyone but the author) sees of the product's reviews, and of its photo-only list. */
async function publicView(productId: string) {
  const all = await ok('bob', 'shop', 'listReviews', { productId });
  const withPhotos = await ok('bob', 'shop', 'listReviews', { productId, photos: true });
  return { items: all.items, summary: all.summary, photoOnly: withPhotos.items.map((r: { id: string }) => r.id) };
}

describe('text: reviews', () => {
  test('a risky text (or one WeChat would have a person review) is refused: content.risky, none stored', async () => {
    const [honey, cup] = await shop.makeProduct('cs-ra1', [{ stock: 5 }, { stock: 5 }]);
    const order = await shop.completed('ra1', [honey, cup]);
    await security({ riskyWords: ['违禁词'], reviewWords: ['待人工'] });
    for (const [skuId, text] of [
      [honey.skuId, '蜂蜜很好，但是违禁词'],
      [cup.skuId, '这个需要待人工看看'],
    ]) {
      const error = await refused('ra1', 'shop', 'review', { orderId: order.id, skuId, rating: 5, text });
      expect(error).toEqual({ code: 'content.risky', message: '内容含有违规信息，请修改后再提交' });
      expect(await reviewDoc(`${order.id}:${skuId}`)).toBeUndefined();
    }
    expect((await shop.orderDoc(order.id)).reviewedSkus ?? []).toEqual([]);
    expect((await publicView('cs-ra1')).summary.count).toBe(0);

    // The same member, rephrased: it passes and is public at once (text needs no later verdict).
    const { review } = await ok('ra1', 'shop', 'review', {
      orderId: order.id,
      skuId: honey.skuId,
      rating: 5,
      text: '蜂蜜很好',
    });
    expect((await publicView('cs-ra1')).items.map((r: { id: string }) => r.id)).toEqual([review.id]);
  });

  test('a check that cannot run answers content.check_failed, stores nothing; sent again, it is kept', async () => {
    const { order, skuId } = await bought('ra2', 'cs-ra2');
    await security({ failing: true });
    const input = { orderId: order.id, skuId, rating: 4, text: '包装很用心' };
    const error = await refused('ra2', 'shop', 'review', input);
    expect(error).toEqual({ code: 'content.check_failed', message: '内容安全检查暂不可用，请稍后重试' });
    expect(await reviewDoc(`${order.id}:${skuId}`)).toBeUndefined();
    await security({ failing: false });
    expect((await ok('ra2', 'shop', 'review', input)).review.text).toBe('包装很用心');
  });
});

describe("text: the sharer's note", () => {
  test('a risky note is refused, the old one stays; a passing one is stored; a failed check stores none', async () => {
    await ok('sn1', 'commission', 'setNote', { productId: 'qinling-honey', note: '我家一直吃这个' });
    await security({ riskyWords: ['加微信'] });
    const error = await refused('sn1', 'commission', 'setNote', { productId: 'qinling-honey', note: '便宜，加微信' });
    expect(error.code).toBe('content.risky');
    const note = async () => (await ok('sn1', 'shop', 'getProduct', { id: 'qinling-honey' })).myNote;
    expect(await note()).toBe('我家一直吃这个');

    await security({ riskyWords: [], failing: true });
    expect((await refused('sn1', 'commission', 'setNote', { productId: 'qinling-honey', note: '新写的' })).code).toBe(
      'content.check_failed',
    );
    expect(await note()).toBe('我家一直吃这个');
    await security({ failing: false });
    await ok('sn1', 'commission', 'setNote', { productId: 'qinling-honey', note: '新写的' });
    expect(await note()).toBe('新写的');
    // Clearing a note leaves nothing to check: it goes through even while checks fail.
    await security({ failing: true });
    await ok('sn1', 'commission', 'setNote', { productId: 'qinling-honey', note: '' });
    expect((await note()) ?? '').toBe('');
  });
});

describe('photos: reviews', () => {
  test('hidden from bob until the verdict passes it, visible to its author meanwhile (审核中)', async () => {
    const { order, skuId } = await bought('pa1', 'cs-pa1');
    const photo = await upload('pa1', 'jar.jpg');
    const { review } = await ok('pa1', 'shop', 'review', {
      orderId: order.id,
      skuId,
      rating: 5,
      text: '罐子很漂亮',
      photos: [photo],
    });
    expect(review.photos).toHaveLength(1);
    expect(review.pendingPhotos).toEqual(review.photos);
    expect(review.photos[0]).toContain('/reviews/dev_pa1/jar.jpg');

    let seen = await publicView('cs-pa1');
    expect(seen.items.map((r: { id: string; photos: string[] }) => [r.id, r.photos])).toEqual([[review.id, []]]);
    expect(seen.items[0].pendingPhotos).toBeUndefined();
    expect(seen.summary.withPhotos).toBe(0);
    expect(seen.photoOnly).toEqual([]);
    const stored = await reviewDoc(review.id);
    expect(stored.photoChecks).toEqual([
      expect.objectContaining({ fileId: photo, state: 'pending', traceId: expect.any(String), attempts: 1 }),
    ]);

    expect(await flush()).toEqual([{ outcome: 'recorded' }]);
    seen = await publicView('cs-pa1');
    expect(seen.items[0].photos).toHaveLength(1);
    expect(seen.items[0].photos[0]).toContain('/reviews/dev_pa1/jar.jpg');
    expect(seen.summary.withPhotos).toBe(1);
    expect(seen.photoOnly).toEqual([review.id]);
    const mine = (await ok('pa1', 'shop', 'myReview', { orderId: order.id, skuId })).review;
    expect(mine.photos).toHaveLength(1);
    expect(mine.pendingPhotos).toBeUndefined();
    expect(mine.rejectedPhotos).toBeUndefined();
    expect((await reviewDoc(review.id)).photoChecks[0]).toMatchObject({ state: 'pass', label: 100 });
  });

  test('a risky photo stays hidden from everyone, its author is told; the passing one beside it shows', async () => {
    const { order, skuId } = await bought('pa2', 'cs-pa2');
    const good = await upload('pa2', 'cup.jpg');
    const bad = await upload('pa2', 'bad.jpg');
    // riskyFiles takes a fileID or a cloud path: here the cloud path.
    await security({ riskyFiles: ['reviews/dev_pa2/bad.jpg'] });
    const { review } = await ok('pa2', 'shop', 'review', {
      orderId: order.id,
      skuId,
      rating: 3,
      text: '',
      photos: [good, bad],
    });
    expect(review.pendingPhotos).toHaveLength(2);
    expect(await flush()).toEqual([{ outcome: 'recorded' }, { outcome: 'recorded' }]);

    const seen = await publicView('cs-pa2');
    expect(seen.items[0].photos).toHaveLength(1);
    expect(seen.items[0].photos[0]).toContain('/cup.jpg');
    expect(seen.items[0].rejectedPhotos).toBeUndefined();
    const mine = (await ok('pa2', 'shop', 'myReview', { orderId: order.id, skuId })).review;
    expect(mine.photos).toHaveLength(1);
    expect(mine.photos[0]).toContain('/cup.jpg');
    expect(mine.rejectedPhotos).toBe(1);
    expect((await reviewDoc(review.id)).photoChecks.map((c: { state: string }) => c.state)).toEqual(['pass', 'risky']);
  });

  test('a check that cannot start keeps the photo pending; the scheduler asks again until it is checked', async () => {
    const { order, skuId } = await bought('pa3', 'cs-pa3');
    const photo = await upload('pa3', 'later.jpg');
    await security({ failing: true });
    const { review } = await ok('pa3', 'shop', 'review', {
      orderId: order.id,
      skuId,
      rating: 5,
      text: '',
      photos: [photo],
    });
    // Stored, not lost; not public either, and no check under way.
    expect(review.pendingPhotos).toHaveLength(1);
    expect((await reviewDoc(review.id)).photoChecks[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await reviewDoc(review.id)).photoChecks[0].traceId).toBeUndefined();
    expect(await flush()).toEqual([]);
    expect((await publicView('cs-pa3')).items[0].photos).toEqual([]);

    await security({ failing: false });
    await shop.runScheduler();
    const asked = (await reviewDoc(review.id)).photoChecks[0];
    expect(asked).toMatchObject({ state: 'pending', attempts: 2, traceId: expect.any(String) });
    expect(await flush()).toEqual([{ outcome: 'recorded' }]);
    expect((await publicView('cs-pa3')).items[0].photos).toHaveLength(1);
    expect((await reviewDoc(review.id)).photoCheckDue).toBeUndefined();
  });

  test('after five asks the scheduler stops: the photo stays hidden, never published unchecked', async () => {
    const { order, skuId } = await bought('pa4', 'cs-pa4');
    const photo = await upload('pa4', 'stuck.jpg');
    await security({ failing: true });
    const { review } = await ok('pa4', 'shop', 'review', {
      orderId: order.id,
      skuId,
      rating: 2,
      text: '',
      photos: [photo],
    });
    for (let run = 0; run < 6; run++) await shop.runScheduler();
    const stored = await reviewDoc(review.id);
    expect(stored.photoChecks[0]).toMatchObject({ state: 'pending', attempts: 5 });
    expect(stored.photoCheckDue).toBeUndefined();
    expect((await publicView('cs-pa4')).items[0].photos).toEqual([]);
  });

  test('a verdict that never comes is asked again after the wait; a late one of the old ask is ignored', async () => {
    const { order, skuId } = await bought('pa5', 'cs-pa5');
    const photo = await upload('pa5', 'slow.jpg');
    const { review } = await ok('pa5', 'shop', 'review', {
      orderId: order.id,
      skuId,
      rating: 4,
      text: '',
      photos: [photo],
    });
    const first = (await reviewDoc(review.id)).photoChecks[0].traceId;
    await shop.runScheduler();
    expect((await reviewDoc(review.id)).photoChecks[0].traceId).toBe(first); // not due yet
    await shop.advance(31 * 60_000);
    await shop.runScheduler();
    const second = (await reviewDoc(review.id)).photoChecks[0];
    expect(second).toMatchObject({ state: 'pending', attempts: 2 });
    expect(second.traceId).not.toBe(first);
    expect(await flush()).toEqual([{ outcome: 'unknown' }, { outcome: 'recorded' }]);
    expect((await publicView('cs-pa5')).items[0].photos).toHaveLength(1);
  });

  test('a verdict on a review the owner hid counts nothing until it is shown again', async () => {
    const { order, skuId } = await bought('pa7', 'cs-pa7');
    const photo = await upload('pa7', 'hidden.jpg');
    const { review } = await ok('pa7', 'shop', 'review', {
      orderId: order.id,
      skuId,
      rating: 4,
      text: '',
      photos: [photo],
    });
    await ok(OWNER, 'shop', 'hideReview', { reviewId: review.id, hidden: true, reason: '待核实' });
    expect(await flush()).toEqual([{ outcome: 'recorded' }]);
    expect((await publicView('cs-pa7')).summary).toMatchObject({ count: 0, withPhotos: 0 });
    await ok(OWNER, 'shop', 'hideReview', { reviewId: review.id, hidden: false });
    const seen = await publicView('cs-pa7');
    expect(seen.summary).toMatchObject({ count: 1, withPhotos: 1 });
    expect(seen.photoOnly).toEqual([review.id]);
  });

  test('a member cannot forge a verdict: a client call to the security function is refused', async () => {
    const { order, skuId } = await bought('pa6', 'cs-pa6');
    const photo = await upload('pa6', 'forged.jpg');
    await security({ riskyFiles: [photo] }); // by fileID this time
    const { review } = await ok('pa6', 'shop', 'review', {
      orderId: order.id,
      skuId,
      rating: 5,
      text: '',
      photos: [photo],
    });
    const { traceId } = (await reviewDoc(review.id)).photoChecks[0];
    const forged = await shop.call('pa6', 'security', {
      ToUserName: 'gh_x',
      FromUserName: 'dev_pa6',
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: traceId,
      version: 2,
      result: { suggest: 'pass', label: 100 },
    });
    expect(forged).toEqual({ refused: 'not a message push' });
    expect((await reviewDoc(review.id)).photoChecks[0].state).toBe('pending');
    expect((await publicView('cs-pa6')).items[0].photos).toEqual([]);
    // WeChat's own verdict still lands.
    expect(await flush()).toEqual([{ outcome: 'recorded' }]);
    expect((await reviewDoc(review.id)).photoChecks[0].state).toBe('risky');
  });
});
