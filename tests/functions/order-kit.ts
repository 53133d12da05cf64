// Shared by the order suites: one emulator per file on the built functions with the demo seed, calls through the
// client gateway as dev users, the pay simulator, the clock, and the stock invariant checked after every test.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { devSession, get, post, ROOT, sdkFor, startEmulator, type RunningEmulator } from '../emulator/harness';
import type { AfterSale, Order, OrderAction, OrderStatus, PayResult } from '../../cloudfunctions/contracts/order';

export type Outcome = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };
export interface Line {
  productId: string;
  skuId: string;
  qty: number;
}

export const OWNER = 'owner';
export const ADDRESS = {
  name: '张三',
  phone: '13800138000',
  region: '上海市 浦东新区',
  detail: '世纪大道 100 号 8 楼',
};
export const MINUTE = 60_000;
export const DAY = 86_400_000;

/**
 * Orders that still hold their stock: everything not cancelled, except a refund of an order that never shipped
 * (stock released) and a late payment that found the stock gone (attention.stockShort: nothing was taken again).
 */
export function holdsStock(order: {
  status: OrderStatus;
  shippedAt?: unknown;
  attention?: { stockShort?: boolean };
  refund?: { fromStatus?: OrderStatus };
}): boolean {
  if (order.attention?.stockShort) return false;
  switch (order.status) {
    case 'pending_payment':
    case 'grouping':
    case 'paid':
    case 'shipped':
    case 'completed':
      return true;
    // A payment refunded whole because it came after the (group) order was cancelled: the cancel gave the stock back.
    case 'refunding':
      return order.refund?.fromStatus !== 'cancelled';
    case 'refunded':
      return Boolean(order.shippedAt);
    case 'cancelled':
      return false;
  }
}

const skuKey = (productId: string, skuId: string) => `${productId}/${skuId}`;

export class Shop {
  emu!: RunningEmulator;
  db: any;
  private tokens = new Map<string, string>();
  /** Stock of every SKU before any order of this file (products made by the tests are added when made). */
  readonly initialStock = new Map<string, number>();

  /** The emulator's data directory when start was given one (kept across restart); absent: in memory. */
  private dataDir?: string;

  async start(opts: { data?: string } = {}): Promise<void> {
    this.dataDir = opts.data;
    this.emu = await startEmulator({
      functionsDir: join(ROOT, 'dist/cloudfunctions'),
      seed: 'demo',
      ...(opts.data ? { data: opts.data } : {}),
    });
    this.db = sdkFor(this.emu).database();
    for (const product of await this.all('products')) {
      for (const sku of product.skus) this.initialStock.set(skuKey(product._id, sku.id), sku.stock);
    }
  }

  async stop(): Promise<void> {
    await this.emu?.stop();
  }

  /**
   * A new emulator on the data directory given to start, after the old one was killed (`shop.emu.kill()`, kill -9)
   * or stopped; the initial stocks are kept (the demo seed is not applied twice), the dev sessions made anew.
   */
  async restart(): Promise<void> {
    if (!this.dataDir) throw new Error('restart needs start({ data: <directory> })');
    this.emu = await startEmulator({
      functionsDir: join(ROOT, 'dist/cloudfunctions'),
      seed: 'demo',
      data: this.dataDir,
    });
    this.db = sdkFor(this.emu).database();
    this.tokens.clear();
  }

  // --- calls

  async token(as: string): Promise<string> {
    let token = this.tokens.get(as);
    if (!token) {
      token = await devSession(this.emu, as);
      this.tokens.set(as, token);
    }
    return token;
  }

  /** A client call through the gateway, as the h5 build makes it, signed in as dev user `as`. */
  async call(as: string, fn: string, body: Record<string, unknown>): Promise<any> {
    const res = await post(this.emu, `/api/functions/${fn}`, body, { authorization: `Bearer ${await this.token(as)}` });
    if (res.status !== 200) throw new Error(`${fn}.${String(body.action)} as ${as}: HTTP ${res.status} ${res.text}`);
    return res.json.result;
  }

  /**
   * A photo `as` uploads from the client (the h5 build's wx.cloud.uploadFile, signed in as them) into their own
   * folder of `folder`, `<folder>/<openid from their session>/<name>`, or to `cloudPath` as given; answers the fileID.
   */
  async upload(as: string, target: { folder: string } | { cloudPath: string }): Promise<string> {
    const openid = async () => (await this.call(as, 'shop', { action: 'session' })).data.user.openid as string;
    const cloudPath =
      'cloudPath' in target ? target.cloudPath : `${target.folder}/${await openid()}/${randomUUID()}.png`;
    const res = await fetch(`${this.emu.origin}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${await this.token(as)}` },
      body: new Uint8Array(Buffer.from('\x89PNG fake bytes')),
    });
    const body = (await res.json()) as { fileID?: string };
    if (!res.ok || !body.fileID)
      throw new Error(`upload of ${cloudPath} as ${as}: HTTP ${res.status} ${JSON.stringify(body)}`);
    return body.fileID;
  }

  order(as: string, action: OrderAction | string, input: Record<string, unknown> = {}): Promise<Outcome> {
    return this.call(as, 'order', { action, ...input });
  }

  /** The action's data; fails the test with the error when it was refused. */
  async ok(as: string, action: OrderAction, input: Record<string, unknown> = {}): Promise<any> {
    const result = await this.order(as, action, input);
    if (!result?.ok) throw new Error(`order.${action} as ${as} refused: ${JSON.stringify(result)}`);
    return result.data;
  }

  /** The error code of a refused action; fails the test when it went through. */
  async refused(as: string, action: OrderAction | string, input: Record<string, unknown> = {}): Promise<string> {
    const result = await this.order(as, action, input);
    if (result?.ok !== false) throw new Error(`order.${action} as ${as} was not refused: ${JSON.stringify(result)}`);
    return result.error.code;
  }

  // --- the order's life

  create(as: string, items: Line[], extra: Record<string, unknown> = {}): Promise<Outcome> {
    return this.order(as, 'create', { requestId: randomUUID(), items, address: ADDRESS, ...extra });
  }

  async placed(as: string, items: Line[]): Promise<Order> {
    const result = await this.create(as, items);
    if (!result.ok) throw new Error(`create as ${as} refused: ${JSON.stringify(result)}`);
    return result.data.order;
  }

  async startPay(as: string, orderId: string, notify?: { shipped: boolean; refund: boolean }): Promise<PayResult> {
    return this.ok(as, 'pay', { orderId, ...(notify ? { notify } : {}) });
  }

  /** The user pays in WeChat: the simulator delivers the result callback to the function named in unifiedOrder. */
  async simulatePay(outTradeNo: string, opts: { deliveries?: number; totalFee?: number } = {}) {
    const res = await post(this.emu, '/__dev/pay', { outTradeNo, ...opts });
    if (res.status !== 200) throw new Error(`/__dev/pay ${outTradeNo}: ${res.status} ${res.text}`);
    return res.json as { outTradeNo: string; answers: any[] };
  }

  async simulateRefund(outRefundNo: string, opts: { deliveries?: number; refundFee?: number } = {}) {
    const res = await post(this.emu, '/__dev/refund', { outRefundNo, ...opts });
    if (res.status !== 200) throw new Error(`/__dev/refund ${outRefundNo}: ${res.status} ${res.text}`);
    return res.json as { outRefundNo: string; answers: any[] };
  }

  async get(as: string, orderId: string): Promise<Order> {
    return (await this.ok(as, 'get', { orderId })).order;
  }

  async paid(as: string, items: Line[], notify?: { shipped: boolean; refund: boolean }): Promise<Order> {
    const order = await this.placed(as, items);
    const { outTradeNo } = await this.startPay(as, order.id, notify);
    const { answers } = await this.simulatePay(outTradeNo);
    if (answers[0]?.errcode !== 0)
      throw new Error(`pay callback of ${order.id} not acknowledged: ${JSON.stringify(answers)}`);
    return this.get(as, order.id);
  }

  async ship(orderId: string): Promise<Order> {
    return (await this.ok(OWNER, 'ship', { orderId, courier: 'SF', trackingNo: `SF${orderId.slice(-10)}` })).order;
  }

  async shipped(as: string, items: Line[], notify?: { shipped: boolean; refund: boolean }): Promise<Order> {
    const order = await this.paid(as, items, notify);
    return this.ship(order.id);
  }

  async completed(as: string, items: Line[]): Promise<Order> {
    const order = await this.shipped(as, items);
    return (await this.ok(as, 'confirmReceipt', { orderId: order.id })).order;
  }

  /**
   * The buyer opens an after-sale case: by default refund only, every unit left of every line, for the most the
   * quote allows (everything paid before shipping; the goods after shipping).
   */
  async applyCase(
    as: string,
    orderId: string,
    opts: {
      type?: 'refund_only' | 'return_refund';
      lines?: Array<{ skuId: string; qty: number }>;
      refundFen?: number;
      photos?: string[];
      description?: string;
    } = {},
  ): Promise<AfterSale> {
    const lines = opts.lines ?? (await this.unitsLeft(orderId));
    const refundFen = opts.refundFen ?? (await this.ok(as, 'quoteAfterSale', { orderId, lines })).maxFen;
    const input = {
      orderId,
      type: opts.type ?? 'refund_only',
      lines,
      refundFen,
      reason: '商品与描述不符',
      ...(opts.photos ? { photos: opts.photos } : {}),
      ...(opts.description ? { description: opts.description } : {}),
    };
    return (await this.ok(as, 'applyAfterSale', input)).afterSale;
  }

  /** Every unit of the order no case has refunded yet. */
  async unitsLeft(orderId: string): Promise<Array<{ skuId: string; qty: number }>> {
    const order = await this.orderDoc(orderId);
    return order.items
      .map((l: any) => ({ skuId: l.skuId, qty: l.qty - (order.refundedQty?.[l.skuId] ?? 0) }))
      .filter((l: { qty: number }) => l.qty > 0);
  }

  /** The owner decides a case (a rejection gives a reason; a return's address comes from the settings). */
  async decideCase(afterSaleId: string, approve: boolean, extra: Record<string, unknown> = {}): Promise<AfterSale> {
    const reason = approve ? {} : { reason: '商品完好，不符合退款条件' };
    return (await this.ok(OWNER, 'decideAfterSale', { afterSaleId, approve, ...reason, ...extra })).afterSale;
  }

  /** WeChat Pay completes the case's refund (its callback). */
  async refundCase(afterSale: { outRefundNo?: string }): Promise<void> {
    if (!afterSale.outRefundNo) throw new Error('the case has no refund number yet');
    const { answers } = await this.simulateRefund(afterSale.outRefundNo);
    if (answers[0]?.errcode !== 0) throw new Error(`refund callback not acknowledged: ${JSON.stringify(answers)}`);
  }

  /** The whole refund-only path: applied for everything left, approved, refunded by WeChat Pay. */
  async refundAll(as: string, orderId: string): Promise<Order> {
    const opened = await this.applyCase(as, orderId);
    await this.refundCase(await this.decideCase(opened.id, true));
    return this.get(as, orderId);
  }

  async caseDoc(id: string): Promise<any> {
    return (await this.db.collection('after_sales').doc(id).get()).data;
  }

  // --- time

  async advance(ms: number): Promise<void> {
    const res = await post(this.emu, '/__dev/clock', { advanceMs: ms });
    if (res.status !== 200) throw new Error(`/__dev/clock: ${res.text}`);
  }

  /** The emulator's clock (moved by `advance`). */
  async now(): Promise<Date> {
    return new Date((await get(this.emu, '/__dev/clock')).json.now);
  }

  /** Fires the scheduler's timer triggers now; every run must succeed. */
  async runScheduler(): Promise<void> {
    const res = await post(this.emu, '/__dev/timers/run', { name: 'scheduler' });
    if (res.status !== 200) throw new Error(`/__dev/timers/run: ${res.text}`);
    const results = res.json.results as Array<{ ok: boolean; error?: string }>;
    if (results.length === 0) throw new Error('the scheduler has no timer trigger');
    const failed = results.filter((r) => !r.ok);
    if (failed.length > 0) throw new Error(`scheduler run failed: ${JSON.stringify(failed)}`);
  }

  // --- the stored state

  async all(collection: string): Promise<any[]> {
    const out: any[] = [];
    for (let skip = 0; ; skip += 1000) {
      const { data } = await this.db.collection(collection).skip(skip).limit(1000).get();
      out.push(...data);
      if (data.length < 1000) return out;
    }
  }

  async orderDoc(orderId: string): Promise<any> {
    return (await this.db.collection('orders').doc(orderId).get()).data;
  }

  async stock(productId: string, skuId: string): Promise<number> {
    const { data } = await this.db.collection('products').doc(productId).get();
    const sku = data.skus.find((s: any) => s.id === skuId);
    if (!sku) throw new Error(`no SKU ${productId}/${skuId}`);
    return sku.stock;
  }

  async payments() {
    return (await get(this.emu, '/__dev/payments')).json as { payments: any[]; refunds: any[] };
  }

  async outbox(): Promise<any[]> {
    return (await get(this.emu, '/__dev/outbox')).json.messages;
  }

  /** Everything an order action could change: orders, products, payments. Compared whole after a refusal. */
  async state() {
    const [orders, products, pay] = await Promise.all([this.all('orders'), this.all('products'), this.payments()]);
    const byId = (a: any, b: any) => (a._id < b._id ? -1 : 1);
    return { orders: orders.sort(byId), products: products.sort(byId), payments: pay.payments, refunds: pay.refunds };
  }

  /** A product of the test's own, so its stock numbers are isolated; its stocks join the invariant. */
  async makeProduct(
    id: string,
    skus: Array<{ stock: number; priceFen?: number }>,
    extra: Record<string, unknown> = {},
  ): Promise<Line[]> {
    const record = {
      _id: id,
      title: `测试商品 ${id}`,
      description: '',
      images: [],
      skus: skus.map((s, i) => ({
        id: `${id}-${i + 1}`,
        spec: `规格${i + 1}`,
        priceFen: s.priceFen ?? 1000,
        stock: s.stock,
      })),
      status: 'on_sale',
      sort: 5000,
      holds: [],
      ...extra,
    };
    await this.db.collection('products').add({ data: record });
    for (const sku of record.skus) this.initialStock.set(skuKey(id, sku.id), sku.stock);
    return record.skus.map((s) => ({ productId: id, skuId: s.id, qty: 1 }));
  }

  /**
   * For every SKU: stock now + quantity held by orders that did not release it + units in flash sales = stock at
   * the start + the stock ledger's deltas (a new SKU's initial stock, the owner's adjustments). Also the order's own
   * flag `holdsStock`, when the function keeps one, must agree with its status.
   */
  async checkStockInvariant(): Promise<void> {
    const [orders, products, ledger, sales] = await Promise.all([
      this.all('orders'),
      this.all('products'),
      this.all('stock_ledger'),
      this.all('flash_sales'),
    ]);
    const held = new Map<string, number>();
    const disagreements: string[] = [];
    for (const order of orders) {
      const holds = holdsStock(order);
      if (typeof order.holdsStock === 'boolean' && order.holdsStock !== holds) {
        disagreements.push(`${order._id} (${order.status}) holdsStock=${order.holdsStock}`);
      }
      if (!holds) continue;
      for (const line of order.items) {
        const key = skuKey(line.productId, line.skuId);
        // Units an after-sale case gave back to stock (never shipped, or returned) are no longer the order's.
        const restocked = order.restockedQty?.[line.skuId] ?? 0;
        held.set(key, (held.get(key) ?? 0) + line.qty - restocked);
      }
    }
    // A reservation's mark that no order took over (a create cut off by its timeout under load) still accounts
    // for its stock: the scheduler gives it back (flows/reclaim-stock.ts).
    const absorbed = new Set(orders.flatMap((o) => o.holds ?? []));
    for (const product of products) {
      for (const mark of product.holds ?? []) {
        if (absorbed.has(mark.token)) continue;
        const key = skuKey(product._id, mark.sku);
        held.set(key, (held.get(key) ?? 0) + mark.qty);
      }
    }
    // A flash sale's units moved out of the SKU and not back yet, and its marks no order took over, are the SKU's.
    for (const sale of sales) {
      for (const sku of sale.skus) {
        const key = skuKey(sale.productId, sku.skuId);
        held.set(key, (held.get(key) ?? 0) + sku.left);
      }
      for (const mark of sale.holds ?? []) {
        if (absorbed.has(mark.token)) continue;
        const key = skuKey(sale.productId, mark.sku);
        held.set(key, (held.get(key) ?? 0) + mark.qty);
      }
    }
    const ledgered = new Map<string, number>();
    for (const entry of ledger) {
      const key = skuKey(entry.productId, entry.skuId);
      ledgered.set(key, (ledgered.get(key) ?? 0) + entry.delta);
    }
    const broken: string[] = [];
    for (const product of products) {
      for (const sku of product.skus) {
        const key = skuKey(product._id, sku.id);
        const initial = this.initialStock.get(key) ?? (ledgered.has(key) ? 0 : undefined);
        if (initial === undefined) continue;
        const heldQty = held.get(key) ?? 0;
        const ledgerQty = ledgered.get(key) ?? 0;
        if (sku.stock < 0 || sku.stock + heldQty !== initial + ledgerQty) {
          broken.push(`${key}: stock ${sku.stock} + held ${heldQty} ≠ initial ${initial} + ledger ${ledgerQty}`);
          // Reported once, by the test that broke it: the next tests are checked against what is there now.
          this.initialStock.set(key, sku.stock + heldQty - ledgerQty);
        }
      }
    }
    expect({ broken, disagreements }).toEqual({ broken: [], disagreements: [] });
  }
}

/** One emulator for the file, the stock invariant after every test. */
export function useShop(): Shop {
  const shop = new Shop();
  beforeAll(() => shop.start(), 60_000);
  afterAll(() => shop.stop());
  afterEach(() => shop.checkStockInvariant());
  return shop;
}

/** A line of a demo product. */
export const line = (productId: string, skuId: string, qty = 1): Line => ({ productId, skuId, qty });

/** Like Promise.all, but waits for every promise before failing with the first error: no flow outlives its test. */
export async function settleAll<T>(promises: Array<Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/**
 * `fn` over the items, at most `size` at a time: for the set-up of a race, so that a loaded machine does not
 * cold-start more function instances at once than their timeout allows (the shop function has 5 s).
 */
export async function pool<T, R>(
  items: readonly T[],
  size: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await settleAll(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
