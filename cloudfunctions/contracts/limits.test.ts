import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as v from 'valibot';
import { commissionInputs } from './commission';
import * as limits from './limits';
import { orderInputs } from './order';
import { pointsInputs } from './points';
import { shopInputs } from './shop';

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const ok = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).success;
const chars = (n: number) => '字'.repeat(n);

describe('limits.ts: what the client may import as values', () => {
  it('imports nothing (so src/ never pulls the schema library into the mini program through it)', () => {
    const source = readFileSync(join(__dirname, 'limits.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(/);
    expect(source).not.toMatch(/^\s*export\s[^;]*\sfrom\s/m);
  });

  it('src/ imports the other contracts as types only', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const source = readFileSync(file, 'utf8');
      const imports = /^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']*cloudfunctions\/contracts\/([\w-]+))'/gms;
      for (const m of source.matchAll(imports)) {
        if (!m[2] && m[4] !== 'limits') offending.push(`${relative(SRC, file)}: ${m[3]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('the contracts still export the limits under the names the functions use', async () => {
    const order = await import('./order');
    const commission = await import('./commission');
    const points = await import('./points');
    const shop = await import('./shop');
    expect(order.PHONE_PATTERN).toBe(limits.PHONE_PATTERN);
    expect(order.ORDER_ID_PATTERN).toBe(limits.ORDER_ID_PATTERN);
    expect(order.MAX_LINE_QTY).toBe(limits.MAX_LINE_QTY);
    expect(commission.MIN_WITHDRAWAL_FEN).toBe(limits.MIN_WITHDRAWAL_FEN);
    expect(commission.NOTE_MAX).toBe(limits.SHARER_NOTE_MAX);
    expect(points.POINTS_RULE_BOUNDS).toBe(limits.POINTS_RULE_BOUNDS);
    expect(shop.SHOP_RULE_BOUNDS).toBe(limits.SHOP_RULE_BOUNDS);
    expect(shop.PRODUCT_TITLE_MAX).toBe(limits.PRODUCT_TITLE_MAX);
  });
});

describe('the schemas enforce the limits the client checks', () => {
  const address = { name: '张三', phone: '13800138000', region: '浙江省 杭州市', detail: '西湖区文三路 1 号' };
  const orderId = 'YJ0000000000000001';

  it('order: address, phone, note, refund reason, carrier, tracking number, search', () => {
    const items = [{ productId: 'p1', skuId: 's1', qty: 1 }];
    const create = (over: object) => ({ requestId: 'req-00000001', items, address, ...over });
    expect(ok(orderInputs.create, create({}))).toBe(true);
    for (const [field, { min, max }] of Object.entries(limits.ADDRESS_BOUNDS)) {
      expect(ok(orderInputs.create, create({ address: { ...address, [field]: chars(max) } }))).toBe(true);
      expect(ok(orderInputs.create, create({ address: { ...address, [field]: chars(max + 1) } }))).toBe(false);
      expect(ok(orderInputs.create, create({ address: { ...address, [field]: chars(min - 1) } }))).toBe(false);
    }
    expect(ok(orderInputs.create, create({ address: { ...address, phone: '12800138000' } }))).toBe(false);
    expect(limits.PHONE_PATTERN.test('12800138000')).toBe(false);
    expect(ok(orderInputs.create, create({ note: chars(limits.ORDER_NOTE_MAX) }))).toBe(true);
    expect(ok(orderInputs.create, create({ note: chars(limits.ORDER_NOTE_MAX + 1) }))).toBe(false);
    const tooMany = [{ productId: 'p1', skuId: 's1', qty: limits.MAX_LINE_QTY + 1 }];
    expect(ok(orderInputs.create, create({ items: tooMany }))).toBe(false);
    // The limit is per SKU of the order: lines of one SKU count together; other SKUs do not.
    const half = (skuId: string, qty: number) => ({ productId: 'p1', skuId, qty });
    const atLimit = [half('s1', 50), half('s2', 99), half('s1', limits.MAX_LINE_QTY - 50)];
    expect(ok(orderInputs.create, create({ items: atLimit }))).toBe(true);
    expect(ok(orderInputs.create, create({ items: [...atLimit, half('s1', 1)] }))).toBe(false);
    expect(ok(orderInputs.quote, { items: [half('s1', 60), half('s1', 60)] })).toBe(false);

    const { min, max } = limits.REFUND_REASON_BOUNDS;
    const apply = (over: object) => ({
      orderId,
      type: 'refund_only',
      lines: [{ skuId: 's1', qty: 1 }],
      refundFen: 100,
      reason: chars(min),
      ...over,
    });
    expect(ok(orderInputs.applyAfterSale, apply({}))).toBe(true);
    expect(ok(orderInputs.applyAfterSale, apply({ reason: chars(min - 1) }))).toBe(false);
    expect(ok(orderInputs.applyAfterSale, apply({ reason: chars(max + 1) }))).toBe(false);
    const many = Array.from(
      { length: limits.AFTER_SALE_PHOTOS_MAX + 1 },
      (_, i) => `cloud://e.b/aftersales/o/${i}.jpg`,
    );
    expect(ok(orderInputs.applyAfterSale, apply({ photos: many.slice(1) }))).toBe(true);
    expect(ok(orderInputs.applyAfterSale, apply({ photos: many }))).toBe(false);
    expect(ok(orderInputs.applyAfterSale, apply({ description: chars(limits.AFTER_SALE_DESCRIPTION_MAX + 1) }))).toBe(
      false,
    );
    // The same SKU twice in one case, no lines, a fen below 1: refused by the schema.
    expect(
      ok(
        orderInputs.applyAfterSale,
        apply({
          lines: [
            { skuId: 's1', qty: 1 },
            { skuId: 's1', qty: 1 },
          ],
        }),
      ),
    ).toBe(false);
    expect(ok(orderInputs.applyAfterSale, apply({ lines: [] }))).toBe(false);
    expect(ok(orderInputs.applyAfterSale, apply({ refundFen: 0 }))).toBe(false);
    expect(ok(orderInputs.applyAfterSale, apply({ refundFen: 1.5 }))).toBe(false);
    const caseId = `${orderId}S1`;
    expect(limits.AFTER_SALE_ID_PATTERN.test(caseId)).toBe(true);
    expect(ok(orderInputs.decideAfterSale, { afterSaleId: caseId, approve: false, reason: chars(max + 1) })).toBe(
      false,
    );
    expect(ok(orderInputs.afterSale, { afterSaleId: `${orderId}S1'` })).toBe(false);

    const ship = (courier: string, trackingNo: string) => ok(orderInputs.ship, { orderId, courier, trackingNo });
    expect(ship('SF', 'SF1234567')).toBe(true);
    expect(ship('顺丰速运', 'SF1234567')).toBe(false);
    expect(ship('SF', 'SF_123456')).toBe(limits.TRACKING_NO_PATTERN.test('SF_123456'));
    const back = (carrier: string) =>
      ok(orderInputs.shipReturn, { afterSaleId: caseId, carrier, trackingNo: 'SF1234567' });
    expect(back(chars(limits.CARRIER_BOUNDS.max))).toBe(true);
    expect(back(chars(limits.CARRIER_BOUNDS.max + 1))).toBe(false);
    expect(ok(orderInputs.ownerList, { q: '1'.repeat(limits.ORDER_QUERY_MAX + 1) })).toBe(false);
    expect(ok(orderInputs.get, { orderId: 'YJ123' })).toBe(limits.ORDER_ID_PATTERN.test('YJ123'));
  });

  it('commission: withdrawal bounds, the rate cap, the sharer note, a refusal reason', () => {
    expect(ok(commissionInputs.withdraw, { amountFen: limits.MIN_WITHDRAWAL_FEN })).toBe(true);
    expect(ok(commissionInputs.withdraw, { amountFen: limits.MIN_WITHDRAWAL_FEN - 1 })).toBe(false);
    expect(ok(commissionInputs.withdraw, { amountFen: limits.MAX_WITHDRAWAL_FEN })).toBe(true);
    expect(ok(commissionInputs.withdraw, { amountFen: limits.MAX_WITHDRAWAL_FEN + 1 })).toBe(false);
    expect(ok(commissionInputs.setRate, { rateBp: limits.MAX_RATE_BP })).toBe(true);
    expect(ok(commissionInputs.setRate, { rateBp: limits.MAX_RATE_BP + 1 })).toBe(false);
    expect(ok(commissionInputs.setNote, { productId: 'p1', note: chars(limits.SHARER_NOTE_MAX) })).toBe(true);
    expect(ok(commissionInputs.setNote, { productId: 'p1', note: chars(limits.SHARER_NOTE_MAX + 1) })).toBe(false);
    const reject = (reason: string) =>
      ok(commissionInputs.decideWithdrawal, { withdrawalId: 'W0001', approve: false, reason });
    expect(reject(chars(limits.WITHDRAWAL_REJECT_REASON_BOUNDS.max))).toBe(true);
    expect(reject(chars(limits.WITHDRAWAL_REJECT_REASON_BOUNDS.max + 1))).toBe(false);
    expect(reject(chars(limits.WITHDRAWAL_REJECT_REASON_BOUNDS.min - 1))).toBe(false);
  });

  it('points and settings: every rule at its bounds, the shop name', () => {
    for (const [name, { min, max }] of Object.entries(limits.POINTS_RULE_BOUNDS)) {
      const set = (value: number) => ok(pointsInputs.setRules, { [name]: value });
      expect([name, set(min), set(max), set(min - 1), set(max + 1)]).toEqual([name, true, true, false, false]);
    }
    const rules = { ...limits.SHOP_RULE_BOUNDS, ...limits.POINTS_RULE_BOUNDS };
    for (const [name, { min, max }] of Object.entries(rules)) {
      const set = (value: number) => ok(shopInputs.updateSettings, { rules: { [name]: value } });
      expect([name, set(min), set(max), set(min - 1), set(max + 1)]).toEqual([name, true, true, false, false]);
    }
    expect(limits.SHOP_RULE_BOUNDS.commissionRateBp.max).toBe(limits.MAX_RATE_BP);
    expect(ok(shopInputs.updateSettings, { shopName: chars(limits.SHOP_NAME_MAX) })).toBe(true);
    expect(ok(shopInputs.updateSettings, { shopName: chars(limits.SHOP_NAME_MAX + 1) })).toBe(false);
    expect(ok(shopInputs.updateSettings, { addOwner: 'ABC234' })).toBe(limits.SHARE_CODE_PATTERN.test('ABC234'));
    expect(ok(shopInputs.updateSettings, { addOwner: 'ABC10O' })).toBe(limits.SHARE_CODE_PATTERN.test('ABC10O'));
  });

  it('shop: reviews, replies, hiding, the product desk', () => {
    const reviewId = 'YJ0000000000000001:s1';
    const review = (text: string) =>
      ok(shopInputs.review, { orderId: 'YJ0000000000000001', skuId: 's1', rating: 5, text });
    expect(review(chars(limits.REVIEW_TEXT_MAX))).toBe(true);
    expect(review(chars(limits.REVIEW_TEXT_MAX + 1))).toBe(false);
    expect(ok(shopInputs.replyReview, { reviewId, reply: chars(limits.REVIEW_REPLY_MAX) })).toBe(true);
    expect(ok(shopInputs.replyReview, { reviewId, reply: chars(limits.REVIEW_REPLY_MAX + 1) })).toBe(false);
    const hide = (reason: string) => ok(shopInputs.hideReview, { reviewId, hidden: true, reason });
    expect(hide(chars(limits.REVIEW_HIDE_REASON_MAX))).toBe(true);
    expect(hide(chars(limits.REVIEW_HIDE_REASON_MAX + 1))).toBe(false);

    const stock = (reason: string) =>
      ok(shopInputs.setStock, { productId: 'p1', skuId: 's1', requestId: 'req-00000001', delta: 1, reason });
    expect(stock(chars(limits.STOCK_REASON_MAX))).toBe(true);
    expect(stock(chars(limits.STOCK_REASON_MAX + 1))).toBe(false);
    expect(ok(shopInputs.ownerProducts, { query: chars(limits.PRODUCT_TITLE_MAX + 1) })).toBe(false);
    expect(ok(shopInputs.getProduct, { id: 'a'.repeat(17) })).toBe(limits.SHORT_ID_PATTERN.test('a'.repeat(17)));
  });
});
