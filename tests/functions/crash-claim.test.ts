// No half-made claim after a crash: kill -9 of the emulator in the middle of a burst of coupon claims, a restart on
// the same data, and every coupon's `claimed` still equals the member coupons stored of it, never past `total`, and
// no member holds more than `perMember` (a claim writes the count and the member coupon in one transaction).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNER, Shop } from './order-kit';

const shop = new Shop();
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'youjian-crash-claim-'));
  await shop.start({ data: dataDir });
}, 60_000);

afterAll(async () => {
  await shop.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const MEMBERS = 12;
/** Claims acknowledged before the kill: the rest of the burst is in flight when it comes. */
const KILL_AFTER = 15;

test('kill -9 mid-burst of coupon.claim, restart: claimed = member coupons, within total and perMember', async () => {
  const draft = {
    name: '压测券',
    kind: 'amount_off',
    offFen: 100,
    thresholdFen: 0,
    scope: 'all',
    validDays: 7,
    total: 40,
    perMember: 5,
  };
  const saved = await shop.call(OWNER, 'coupon', { action: 'save', coupon: draft });
  const couponId = saved.data.coupon.id as string;
  const members = Array.from({ length: MEMBERS }, (_v, i) => `cc${i + 1}`);
  for (const m of members) {
    await shop.token(m);
    await shop.db
      .collection('points_accounts')
      .doc(`dev_${m}`)
      .set({ data: { joinedAt: new Date(), lots: [], available: 0, pending: 0, nextExpiryAt: null } });
  }
  let acknowledged = 0;
  let cutOff = 0;
  let killed!: () => void;
  const killNow = new Promise<void>((r) => (killed = r));
  let stop = false;
  const claimer = async (who: string) => {
    while (!stop) {
      try {
        const result = await shop.call(who, 'coupon', { action: 'claim', couponId });
        if (result.ok) acknowledged++;
        else if (result.error.code !== 'coupon.busy') return; // limit reached or claimed out
      } catch {
        cutOff++;
        return; // the emulator is gone
      }
      if (acknowledged >= KILL_AFTER) killed();
    }
  };
  const burst = Promise.all(members.map(claimer));
  await Promise.race([killNow, burst]);
  await shop.emu.kill();
  stop = true;
  await burst;
  await shop.restart();

  expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(cutOff).toBeGreaterThan(0);
  const [coupon] = (await shop.all('coupons')).filter((c) => c._id === couponId);
  const stored = (await shop.all('member_coupons')).filter((m) => m.couponId === couponId);
  expect(coupon.claimed).toBe(stored.length);
  expect(stored.length).toBeGreaterThanOrEqual(acknowledged);
  expect(coupon.claimed).toBeLessThanOrEqual(coupon.total);
  const perMember = new Map<string, number>();
  for (const m of stored) perMember.set(m.ownerId, (perMember.get(m.ownerId) ?? 0) + 1);
  expect(Math.max(...perMember.values())).toBeLessThanOrEqual(draft.perMember);

  // After the restart the claims go on from the stored count, up to the total exactly.
  for (const m of members) {
    for (let n = 0; n < draft.perMember; n++) await shop.call(m, 'coupon', { action: 'claim', couponId });
  }
  const after = (await shop.all('member_coupons')).filter((m) => m.couponId === couponId);
  const [final] = (await shop.all('coupons')).filter((c) => c._id === couponId);
  expect([final.claimed, after.length]).toEqual([40, 40]);
}, 120_000);
