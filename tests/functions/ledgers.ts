// The ledger invariants the suites check after every test, in one place so that the flows of one suite and the
// races of tests/functions/contention.test.ts are held to the same sums: a member's points account against its
// ledger and lots, a sharer's money counters against their commission lines and withdrawals, a product's review
// counters against its visible reviews.
import type { Shop } from './order-kit';

/** Every account: available and pending equal the sums of its ledger and of its lots; nothing negative. */
export async function checkPointsAgainstLedger(shop: Shop): Promise<void> {
  const [accounts, entries] = await Promise.all([shop.all('points_accounts'), shop.all('points_ledger')]);
  const sums = new Map<string, { available: number; pending: number }>();
  for (const e of entries) {
    const s = sums.get(e.userId) ?? { available: 0, pending: 0 };
    s.available += e.available;
    s.pending += e.pending;
    sums.set(e.userId, s);
  }
  const broken: string[] = [];
  for (const a of accounts) {
    const fromLedger = sums.get(a._id) ?? { available: 0, pending: 0 };
    const fromLots = { available: 0, pending: 0 };
    for (const lot of a.lots) {
      if (lot.left < 0 || lot.left > lot.points)
        broken.push(`${a._id} lot ${lot.id} left ${lot.left} of ${lot.points}`);
      if (lot.state === 'available') fromLots.available += lot.left;
      if (lot.state === 'pending') fromLots.pending += lot.left;
    }
    if (a.available < 0 || a.pending < 0) broken.push(`${a._id} negative: ${a.available}/${a.pending}`);
    if (fromLedger.available !== a.available || fromLedger.pending !== a.pending) {
      broken.push(
        `${a._id}: account ${a.available}/${a.pending} ≠ ledger ${fromLedger.available}/${fromLedger.pending}`,
      );
    }
    if (fromLots.available !== a.available || fromLots.pending !== a.pending) {
      broken.push(`${a._id}: account ${a.available}/${a.pending} ≠ lots ${fromLots.available}/${fromLots.pending}`);
    }
  }
  expect(broken).toEqual([]);
}

/** For every sharer: the counters (money document) equal the sums over their commission lines and withdrawals. */
export async function checkCountersAgainstLedger(shop: Shop): Promise<void> {
  const [lines, withdrawals, counters] = await Promise.all([
    shop.all('commissions'),
    shop.all('withdrawals'),
    shop.all('sharer_stats'),
  ]);
  const expected = new Map<string, Record<string, number>>();
  const of = (id: string) => {
    let e = expected.get(id);
    if (!e)
      expected.set(
        id,
        (e = { pendingFen: 0, settledFen: 0, reversedFen: 0, withdrawnFen: 0, requestedFen: 0, gmvFen: 0 }),
      );
    return e;
  };
  for (const l of lines) {
    const e = of(l.sharerId);
    e.gmvFen += l.baseFen;
    e.reversedFen += l.reversedFen;
    // A pending line a partial refund took a share of keeps only the rest pending.
    if (l.status === 'pending') e.pendingFen += l.amountFen - l.reversedFen;
    if (l.status === 'settled') e.settledFen += l.amountFen - l.reversedFen;
  }
  for (const w of withdrawals) {
    if (w.status === 'approved') of(w.sharerId).withdrawnFen += w.amountFen;
    if (w.status === 'open') of(w.sharerId).requestedFen += w.amountFen;
  }
  const actual = new Map<string, Record<string, number>>();
  for (const c of counters.filter((d) => d.kind === 'money')) {
    const { pendingFen, settledFen, reversedFen, withdrawnFen, requestedFen, gmvFen } = c;
    actual.set(c.sharerId, { pendingFen, settledFen, reversedFen, withdrawnFen, requestedFen, gmvFen });
    // Every money figure of the per-product rows adds up to the total too.
    for (const key of ['pendingFen', 'settledFen', 'reversedFen', 'gmvFen'] as const) {
      let sum = 0;
      for (const byChannel of Object.values(c.products) as any[])
        for (const row of Object.values(byChannel) as any[]) sum += row[key] ?? 0;
      expect({ sharer: c.sharerId, key, sum }).toEqual({ sharer: c.sharerId, key, sum: c[key] });
    }
  }
  for (const [id, e] of expected) expect({ id, ...actual.get(id) }).toEqual({ id, ...e });
}

/** Every product's review counters equal the count, rating sum and photo count of its visible reviews (neither hidden
 * nor withdrawn). */
export async function checkStatsAgainstReviews(shop: Shop): Promise<void> {
  const [reviews, stats] = await Promise.all([shop.all('reviews'), shop.all('product_stats')]);
  const expected = new Map<string, { reviewCount: number; ratingSum: number; withPhotos: number }>();
  for (const r of reviews.filter((r) => !r.hidden && !r.withdrawn)) {
    const e = expected.get(r.productId) ?? { reviewCount: 0, ratingSum: 0, withPhotos: 0 };
    e.reviewCount += 1;
    e.ratingSum += r.rating;
    // A review counts as one with photos once a photo is public: content security passed it (older ones: any).
    const publicPhoto = r.photoChecks
      ? r.photoChecks.some((c: { state: string }) => c.state === 'pass')
      : r.photos.length > 0;
    e.withPhotos += publicPhoto ? 1 : 0;
    expected.set(r.productId, e);
  }
  for (const s of stats) {
    expect({ id: s._id, reviewCount: s.reviewCount, ratingSum: s.ratingSum, withPhotos: s.withPhotos }).toEqual({
      id: s._id,
      ...(expected.get(s._id) ?? { reviewCount: 0, ratingSum: 0, withPhotos: 0 }),
    });
  }
}
