// No stranded stock after a crash: kill -9 of the emulator in the middle of a burst of checkouts (many buyers at
// once, some orders of several lines and products), a restart on the same data, the clock past every deadline and
// the scheduler's runs. Afterwards every unit is either in stock or held by an order that holds stock: a
// reservation cut off before its order was written must not be lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINUTE, Shop, type Line } from './order-kit';

const shop = new Shop();
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'youjian-crash-create-'));
  await shop.start({ data: dataDir });
}, 60_000);

afterAll(async () => {
  await shop.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const ROUNDS = 3;
const BUYERS = 12;
/** Checkouts acknowledged in a round before the kill: the rest of the burst is in flight when it comes. */
const KILL_AFTER = 20;

test('kill -9 mid-burst of order.create, restart, deadlines past, scheduler run: stock + held = initial', async () => {
  const [a] = await shop.makeProduct('crashA', [{ stock: 200, priceFen: 1990 }]);
  const [b1, b2] = await shop.makeProduct('crashB', [
    { stock: 200, priceFen: 2990 },
    { stock: 200, priceFen: 3990 },
  ]);
  // One line, two lines of two products, three lines: the window between reserving and writing the order varies.
  const baskets: Line[][] = [[a], [a, b1], [{ ...b2, qty: 2 }, a], [a, b1, b2]];
  const rounds: Array<{ acknowledged: number; refused: Record<string, number>; cutOff: number }> = [];

  for (let round = 1; round <= ROUNDS; round++) {
    const buyers = Array.from({ length: BUYERS }, (_v, i) => `k${round}x${i + 1}`);
    await Promise.all(buyers.map((x) => shop.token(x)));
    const tally = { acknowledged: 0, refused: {} as Record<string, number>, cutOff: 0 };
    let killed!: () => void;
    const killNow = new Promise<void>((r) => (killed = r));
    let stop = false;
    const buyer = async (who: string, i: number) => {
      for (let n = i; !stop; n++) {
        try {
          const result = await shop.create(who, baskets[n % baskets.length]);
          if (result.ok) tally.acknowledged++;
          else tally.refused[result.error.code] = (tally.refused[result.error.code] ?? 0) + 1;
        } catch {
          tally.cutOff++;
          return; // the emulator is gone
        }
        if (tally.acknowledged >= KILL_AFTER) killed();
      }
    };
    const burst = Promise.all(buyers.map((x, i) => buyer(x, i)));
    await killNow;
    await shop.emu.kill();
    stop = true;
    await burst;
    rounds.push(tally);

    await shop.restart();
    // Every unpaid order's deadline passes; the scheduler cancels them and finishes whatever was left half done.
    await shop.advance(120 * MINUTE);
    await shop.runScheduler();
    await shop.runScheduler();
  }

  // The harness did its part: checkouts went through before each kill, and some were cut off by it.
  for (const r of rounds) expect(r.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(rounds.reduce((sum, r) => sum + r.cutOff, 0)).toBeGreaterThan(0);
  // Every order is past its deadline: none is left pending.
  const orders = await shop.all('orders');
  expect(orders.filter((o) => o.status === 'pending_payment').map((o) => o._id)).toEqual([]);
  await shop.checkStockInvariant();
}, 240_000);

test('a placed order takes its reservation over: the scheduler clears its marks, the stock stays', async () => {
  const [line] = await shop.makeProduct('markA', [{ stock: 10, priceFen: 1000 }]);
  const order = await shop.placed('mark1', [{ ...line, qty: 3 }]);
  const marks = async () => (await shop.all('products')).find((p) => p._id === 'markA').holds;
  const [mark] = await marks();
  expect(mark).toMatchObject({ order: order.id, sku: line.skuId, qty: 3 });
  const stored = (await shop.all('orders')).find((o) => o._id === order.id);
  expect(stored.holds).toEqual([mark.token]);

  // Young or old, a mark whose order took it over is only cleared: the 3 units stay the order's, not given back.
  await shop.runScheduler();
  expect(await marks()).toEqual([]);
  expect(await shop.stock('markA', line.skuId)).toBe(7);
  await shop.advance(120 * MINUTE);
  await shop.runScheduler();
  expect(await shop.stock('markA', line.skuId)).toBe(10); // the unpaid order expired and released them, once
  await shop.checkStockInvariant();
});
