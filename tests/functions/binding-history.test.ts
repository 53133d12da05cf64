// Binding history and mute (issue 21) through the emulator with the real SDK: each binding's end (released,
// expired, muted) newest first, a replayed visit writing nothing twice, a crash's missing entry read from the binding;
// a muted sharer recommends nothing and binds no one while the visit still counts; the sharer's centre's counts of
// friends against a scan; the owner's customer page with the whole history; hostile input changing nothing.
import { checkCountersAgainstLedger } from './ledgers';
import { MUTES_MAX } from '../../cloudfunctions/contracts/limits';
import { SHARE_CODE_ALPHABET } from '../../cloudfunctions/core/share-code';
import { DAY, MINUTE, OWNER, line, pool, useShop } from './order-kit';

const shop = useShop();

afterEach(() => checkCountersAgainstLedger(shop));

type Result = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };
type Item = { sharer: { nickname: string; shareCode: string }; since: string; until: string; ended: string | null };

const commission = (as: string, action: string, input: Record<string, unknown> = {}): Promise<Result> =>
  shop.call(as, 'commission', { action, ...input });

async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await commission(as, action, input);
  if (!result.ok) throw new Error(`commission.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function codeOf(as: string): Promise<string> {
  return (await shop.call(as, 'shop', { action: 'session' })).data.user.shareCode;
}

const visit = async (as: string, sharer: string, productId = 'aksu-apple', c = 'chat') =>
  ok(as, 'recordVisit', { productId, s: await codeOf(sharer), c });

/** The history as [shareCode, ended] pairs, newest first. */
async function history(as: string): Promise<Array<[string, string | null]>> {
  const { items } = await ok(as, 'bindingHistory');
  return items.map((i: Item) => [i.sharer.shareCode, i.ended]);
}

const stored = async (buyerId: string) =>
  (await shop.all('binding_history')).filter((e) => e.buyerId === buyerId).sort((a, b) => (a._id < b._id ? -1 : 1));

const product = (as: string, s?: string) =>
  shop.call(as, 'shop', { action: 'getProduct', id: 'aksu-apple', ...(s ? { s } : {}) });

describe('binding history', () => {
  test('bind → release → rebind → expire → another → mute: each end right, newest first, never twice', async () => {
    const [alice, carol] = [await codeOf('h_alice'), await codeOf('h_carol')];
    await visit('h_bob', 'h_alice');
    expect(await history('h_bob')).toEqual([[alice, null]]);
    await ok('h_bob', 'releaseBinding');
    expect(await history('h_bob')).toEqual([[alice, 'released']]);
    await shop.advance(MINUTE);
    expect((await visit('h_bob', 'h_alice')).bound).toBe(true);
    expect(await history('h_bob')).toEqual([
      [alice, null],
      [alice, 'released'],
    ]);
    await shop.advance(15 * DAY + MINUTE);
    expect(await history('h_bob')).toEqual([
      [alice, 'expired'],
      [alice, 'released'],
    ]);
    expect((await visit('h_bob', 'h_carol', 'ningxia-goji', 'moments')).bound).toBe(true);
    const before = await stored('dev_h_bob');
    // The entry of the binding the new one replaced was written with its end before the overwrite.
    expect(before.map((e) => [e.sharerCode, e.ended])).toEqual([
      [alice, 'released'],
      [alice, 'expired'],
      [carol, null],
    ]);
    // A replayed visit writes nothing twice.
    expect((await visit('h_bob', 'h_carol', 'ningxia-goji', 'moments')).bound).toBe(false);
    expect(await stored('dev_h_bob')).toEqual(before);
    await shop.advance(MINUTE);
    const mutedFrom = (await shop.now()).getTime();
    expect(await ok('h_bob', 'muteSharer', { shareCode: carol, on: true })).toMatchObject({ muted: true });
    const { items } = await ok('h_bob', 'bindingHistory');
    expect(items.map((i: Item) => [i.sharer.shareCode, i.ended])).toEqual([
      [carol, 'muted'],
      [alice, 'expired'],
      [alice, 'released'],
    ]);
    expect(items[0]).toMatchObject({ channel: 'moments', productId: 'ningxia-goji' });
    expect(Date.parse(items[0].until)).toBeGreaterThanOrEqual(mutedFrom);
    expect(Date.parse(items[0].until)).toBeLessThanOrEqual((await shop.now()).getTime());
    for (let i = 1; i < items.length; i++) expect(items[i - 1].since > items[i].since).toBe(true);
    expect((await stored('dev_h_bob')).map((e) => e.ended)).toEqual(['released', 'expired', 'muted']);
    expect(JSON.stringify(items)).not.toContain('dev_');
    // Nobody else's: another buyer sees only their own.
    await visit('h_dave', 'h_alice');
    expect(await history('h_dave')).toEqual([[alice, null]]);
    expect(await history('h_erin')).toEqual([]);
  });

  test('an order moves the current end; a crash that lost its entry still shows it from the binding', async () => {
    await visit('h_fay', 'h_gil');
    await shop.advance(5 * DAY);
    const order = await shop.paid('h_fay', [line('aksu-apple', 'aksu-apple-1')]);
    const [current] = (await ok('h_fay', 'bindingHistory')).items;
    expect(Date.parse(current.until)).toBe(new Date((await shop.orderDoc(order.id)).createdAt).getTime() + 15 * DAY);
    expect(current.ended).toBeNull();
    const [entry] = await stored('dev_h_fay');
    await shop.db.collection('binding_history').doc(entry._id).remove();
    expect(await history('h_fay')).toEqual([[await codeOf('h_gil'), null]]);
  });
});

describe('crashes between writes', () => {
  test('a release that never wrote its history: read from the binding, written before the overwrite', async () => {
    const [x, y] = [await codeOf('k_x'), await codeOf('k_y')];
    await visit('k_bob', 'k_x');
    await shop.advance(MINUTE);
    // The release's first write alone, as if the function died before writing the history.
    const now = await shop.now();
    await shop.db
      .collection('bindings')
      .doc('dev_k_bob')
      .update({ data: { until: now, releasedAt: now } });
    expect(await history('k_bob')).toEqual([[x, 'released']]);
    expect((await stored('dev_k_bob')).map((e) => e.ended)).toEqual([null]);
    await shop.advance(MINUTE);
    expect((await visit('k_bob', 'k_y')).bound).toBe(true);
    expect((await stored('dev_k_bob')).map((e) => [e.sharerCode, e.ended])).toEqual([
      [x, 'released'],
      [y, null],
    ]);
    expect((await ok('k_x', 'myStats')).friends).toEqual({ released: 1, muted: 0 });
  });
});

describe('mute', () => {
  test('a muted sharer’s card: no banner, no note, no binding; the visit counts; unmute restores', async () => {
    const alice = await codeOf('m_alice');
    await ok('m_alice', 'setNote', { productId: 'aksu-apple', note: '我家一直吃这个' });
    const seen = await product('m_bob', alice);
    expect(seen.data.trust).toMatchObject({ sharer: { shareCode: alice }, note: '我家一直吃这个' });
    expect(await ok('m_bob', 'muteSharer', { shareCode: alice, on: true })).toEqual({
      sharer: { nickname: expect.any(String), shareCode: alice },
      muted: true,
    });
    // Twice is the same as once.
    await ok('m_bob', 'muteSharer', { shareCode: alice, on: true });
    const muted = await product('m_bob', alice);
    expect(muted.ok).toBe(true);
    expect(muted.data.trust).toEqual({});
    expect(muted.data.product.id).toBe('aksu-apple');
    const before = await ok('m_alice', 'myStats');
    expect(await visit('m_bob', 'm_alice')).toEqual({ bound: false, binding: null });
    const after = await ok('m_alice', 'myStats');
    expect(after.visits).toBe(before.visits + 1);
    expect(after.visitors).toBe(before.visitors + 1);
    const row = (stats: any) => stats.rows.find((r: any) => r.productId === 'aksu-apple' && r.channel === 'chat');
    expect(row(after).visits).toBe((row(before)?.visits ?? 0) + 1);
    expect((await shop.all('bindings')).filter((b) => b.buyerId === 'dev_m_bob')).toEqual([]);
    expect(await history('m_bob')).toEqual([]);
    // Others still see her banner.
    expect((await product('m_cy', alice)).data.trust.sharer.shareCode).toBe(alice);
    expect((await ok('m_bob', 'mutes')).items).toEqual([
      { nickname: expect.any(String), shareCode: alice, at: expect.any(String) },
    ]);
    expect(await ok('m_bob', 'muteSharer', { shareCode: alice, on: false })).toMatchObject({ muted: false });
    expect((await ok('m_bob', 'mutes')).items).toEqual([]);
    expect((await product('m_bob', alice)).data.trust).toMatchObject({ sharer: { shareCode: alice } });
    expect(await visit('m_bob', 'm_alice')).toMatchObject({ bound: true, binding: { sharerCode: alice } });
  });

  test('muting the sharer one is bound to ends the binding (muted); later orders go to no one', async () => {
    const alice = await codeOf('n_alice');
    await visit('n_bob', 'n_alice');
    await shop.advance(MINUTE);
    await ok('n_bob', 'muteSharer', { shareCode: alice, on: true });
    expect((await ok('n_bob', 'binding')).binding).toBeNull();
    expect(await history('n_bob')).toEqual([[alice, 'muted']]);
    const order = await shop.paid('n_bob', [line('aksu-apple', 'aksu-apple-1')]);
    expect(order.sharerCode).toBeUndefined();
    // Unmuting does not bring the binding back; a muted other sharer does not stop a new one.
    await ok('n_bob', 'muteSharer', { shareCode: alice, on: false });
    expect((await ok('n_bob', 'binding')).binding).toBeNull();
    expect(await history('n_bob')).toEqual([[alice, 'muted']]);
  });

  test('a mute racing the visit that would bind: the buyer is never left bound to the muted sharer', async () => {
    const code = await codeOf('q_alice');
    const buyers = Array.from({ length: 16 }, (_, i) => `q_b${i}`);
    await Promise.all(buyers.map((b) => codeOf(b)));
    const visitInput = { productId: 'aksu-apple', s: code, c: 'chat' };
    await Promise.all(
      buyers.flatMap((b) => [ok(b, 'muteSharer', { shareCode: code, on: true }), ok(b, 'recordVisit', visitInput)]),
    );
    for (const b of buyers) {
      expect((await ok(b, 'binding')).binding).toBeNull();
      const items = await history(b);
      // Either the visit found the mute (no binding at all) or its binding ended by it.
      expect(items.every(([, ended]) => ended === 'muted')).toBe(true);
    }
  });

  test('a member mutes at most MUTES_MAX sharers; a repeat of one already muted still passes', async () => {
    // Sharers written straight into the store: a hundred sessions would only slow the test.
    const symbol = (n: number) => SHARE_CODE_ALPHABET[n % SHARE_CODE_ALPHABET.length];
    const codes = Array.from({ length: MUTES_MAX + 1 }, (_, i) => `CAP${symbol(i >> 10)}${symbol(i >> 5)}${symbol(i)}`);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [i, shareCode] of codes.entries())
      await shop.db.collection('users').add({
        data: { _id: `cap_${i}`, openid: `dev_cap_${i}`, shareCode, nickname: `推荐人${i}`, createdAt: new Date() },
      });
    await pool(codes.slice(0, MUTES_MAX), 8, (shareCode) => ok('cap_bob', 'muteSharer', { shareCode, on: true }));
    expect((await ok('cap_bob', 'mutes')).items).toHaveLength(MUTES_MAX);
    const refused = await commission('cap_bob', 'muteSharer', { shareCode: codes[MUTES_MAX], on: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'share.mutes_full' } });
    expect(await ok('cap_bob', 'muteSharer', { shareCode: codes[0], on: true })).toMatchObject({ muted: true });
    await ok('cap_bob', 'muteSharer', { shareCode: codes[0], on: false });
    expect(await ok('cap_bob', 'muteSharer', { shareCode: codes[MUTES_MAX], on: true })).toMatchObject({ muted: true });
  });

  test('hostile input is refused with coded errors and changes nothing', async () => {
    const [own, other] = [await codeOf('x_bob'), await codeOf('x_alice')];
    await visit('x_bob', 'x_alice');
    const state = async () => [
      await shop.all('sharer_marks'),
      await shop.all('bindings'),
      await shop.all('binding_history'),
    ];
    const before = await state();
    const code = async (input: Record<string, unknown>) => {
      const result = await commission('x_bob', 'muteSharer', input);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await code({ shareCode: own, on: true })).toBe('share.mute_self');
    expect(await code({ shareCode: 'ZZZZZZ', on: true })).toBe('share.sharer_not_found');
    for (const bad of [
      { shareCode: 123456, on: true },
      { shareCode: other, on: 'yes' },
      { shareCode: other },
      { shareCode: 'x'.repeat(10_000), on: true },
      { shareCode: '.*', on: true },
      { shareCode: { $ne: null }, on: true },
      { shareCode: other, on: true, openid: 'dev_x_carl' },
    ])
      expect(await code(bad)).toBe('input.invalid');
    expect(await code({ shareCode: other, on: true, buyerId: 'dev_x_carl' })).toBe('input.invalid');
    for (const bad of [{ limit: 5 }, { openid: 'dev_x_alice' }])
      expect((await commission('x_bob', 'bindingHistory', bad)).ok).toBe(false);
    expect(await state()).toEqual(before);
  });
});

describe('the sharer’s centre and the owner’s customer page', () => {
  test('friends who released or mute the sharer are counted, never named, and equal a scan', async () => {
    const code = await codeOf('c_alice');
    for (const friend of ['c_f1', 'c_f2', 'c_f3']) await visit(friend, 'c_alice');
    await ok('c_f1', 'releaseBinding');
    await ok('c_f2', 'releaseBinding');
    // c_f1 releases her twice: one friend still.
    await shop.advance(MINUTE);
    await visit('c_f1', 'c_alice');
    await ok('c_f1', 'releaseBinding');
    await ok('c_f3', 'muteSharer', { shareCode: code, on: true });
    await ok('c_f4', 'muteSharer', { shareCode: code, on: true });
    await ok('c_f5', 'muteSharer', { shareCode: code, on: true });
    await ok('c_f5', 'muteSharer', { shareCode: code, on: false });
    const { friends } = await ok('c_alice', 'myStats');
    const entries = (await shop.all('binding_history')).filter((e) => e.sharerCode === code);
    const released = new Set(entries.filter((e) => e.ended === 'released').map((e) => e.buyerId));
    const muting = (await shop.all('sharer_marks')).filter((m) => m.kind === 'muted' && m.sharerCode === code);
    expect(friends).toEqual({ released: released.size, muted: muting.length });
    expect(friends).toEqual({ released: 2, muted: 2 });
    expect(JSON.stringify(await ok('c_alice', 'myStats'))).not.toMatch(/c_f\d/);
  });

  test('report.customer shows the customer’s whole history (owner only), share codes and nicknames only', async () => {
    const [alice, carol] = [await codeOf('r_alice'), await codeOf('r_carol')];
    await visit('r_bob', 'r_alice');
    await ok('r_bob', 'releaseBinding');
    await shop.advance(MINUTE);
    await visit('r_bob', 'r_carol');
    await shop.paid('r_bob', [line('aksu-apple', 'aksu-apple-1')]);
    await shop.runScheduler();
    const customer = (await shop.all('customers')).find((c) => c.buyerId === 'dev_r_bob');
    if (!customer) throw new Error(`no customer: ${JSON.stringify(await shop.all('customers'))}`);
    const memberId = customer._id;
    const detail = await shop.call(OWNER, 'report', { action: 'customer', memberId });
    expect(detail.data.bindings).toEqual([
      { shareCode: carol, nickname: expect.any(String), from: expect.any(String) },
      {
        shareCode: alice,
        nickname: expect.any(String),
        from: expect.any(String),
        to: expect.any(String),
        ended: 'released',
      },
    ]);
    expect(JSON.stringify(detail.data.bindings)).not.toContain('dev_');
    expect(await shop.call('r_bob', 'report', { action: 'customer', memberId })).toMatchObject({
      ok: false,
      error: { code: 'auth.not_owner' },
    });
  });
});
