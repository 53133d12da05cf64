// Text a member or the owner must write (a name, an address, a reason, a reply, a title): one helper refuses it when
// nothing in it would show, in every schema that has such a field; optional free text made only of such characters
// is kept as ''.
import * as v from 'valibot';
import { commissionInputs } from './commission';
import { hasVisibleText } from './limits';
import { orderInputs } from './order';
import { shopInputs } from './shop';

/** Texts that show nothing; each long enough for every minimum (2 at most). */
const BLANKS: Record<string, string> = {
  'zero-width spaces (U+200B)': '\u200B\u200B\u200B',
  'zero-width non-joiner and joiner (U+200C, U+200D)': '\u200C\u200D\u200C',
  'word joiners (U+2060)': '\u2060\u2060',
  'byte order marks (U+FEFF)': '\uFEFF\uFEFF',
  'ideographic spaces (U+3000)': '\u3000\u3000',
  'no-break spaces': '\u00A0\u00A0',
  'tabs and newlines': '\t\n\r\n\t',
  'a mix with Hangul fillers and a soft hyphen': ' \u200B\u3164\u00AD\u3000\uFEFF\u2060 ',
};

describe('hasVisibleText', () => {
  it.each(Object.entries(BLANKS))('is false for %s', (_label, text) => {
    expect(hasVisibleText(text)).toBe(false);
  });

  it('is true for any text with one character that shows, whatever surrounds it', () => {
    for (const text of ['张', '\u200B张\u200B', ' 1 ', '👨\u200D👩\u200D👧', '\u3000.', 'A']) {
      expect([text, hasVisibleText(text)]).toEqual([text, true]);
    }
    expect(hasVisibleText('')).toBe(false);
  });

  it("matches Unicode's default-ignorable code points and white space, and nothing else", () => {
    const invisible = /^[\s\p{Default_Ignorable_Code_Point}]$/u;
    const disagree: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (hasVisibleText(ch) === invisible.test(ch)) disagree.push(cp.toString(16));
    }
    expect(disagree).toEqual([]);
  });
});

const ok = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).success;
const orderId = 'YJ0000000000000001';
const reviewId = `${orderId}:s1`;
const address = { name: '张三', phone: '13800138000', region: '浙江省 杭州市', detail: '西湖区文三路 1 号' };
const product = {
  requestId: 'req-00000001',
  title: '秦岭土蜂蜜',
  description: '',
  photos: ['cloud://env.bucket/products/a.jpg'],
  skus: [{ spec: '500g', priceFen: 6800, initialStock: 10 }],
  commissionRateBp: null,
};

/** Every required text field: its schema, and an input with `text` in that field. */
const REQUIRED: Array<[string, v.GenericSchema, (text: string) => unknown]> = [
  ['order.create address.name', orderInputs.create, (name) => create({ ...address, name })],
  ['order.create address.region', orderInputs.create, (region) => create({ ...address, region })],
  ['order.create address.detail', orderInputs.create, (detail) => create({ ...address, detail })],
  [
    'order.applyAfterSale reason',
    orderInputs.applyAfterSale,
    (reason) => ({ orderId, type: 'refund_only', lines: [{ skuId: 's1', qty: 1 }], refundFen: 100, reason }),
  ],
  [
    'order.decideAfterSale reason',
    orderInputs.decideAfterSale,
    (reason) => ({ afterSaleId: `${orderId}S1`, approve: false, reason }),
  ],
  [
    'order.shipReturn carrier',
    orderInputs.shipReturn,
    (carrier) => ({ afterSaleId: `${orderId}S1`, carrier, trackingNo: 'SF1234567' }),
  ],
  [
    'commission.decideWithdrawal reason',
    commissionInputs.decideWithdrawal,
    (reason) => ({ withdrawalId: 'W0001', approve: false, reason }),
  ],
  ['shop.replyReview reply', shopInputs.replyReview, (reply) => ({ reviewId, reply })],
  ['shop.saveProduct title', shopInputs.saveProduct, (title) => ({ ...product, title })],
  [
    'shop.saveProduct sku spec',
    shopInputs.saveProduct,
    (spec) => ({ ...product, skus: [{ ...product.skus[0], spec }] }),
  ],
  [
    'shop.setStock reason',
    shopInputs.setStock,
    (reason) => ({ productId: 'p1', skuId: 's1', requestId: 'req-00000001', delta: 1, reason }),
  ],
  ['shop.updateSettings shopName', shopInputs.updateSettings, (shopName) => ({ shopName })],
];

function create(to: typeof address) {
  return { requestId: 'req-00000001', items: [{ productId: 'p1', skuId: 's1', qty: 1 }], address: to };
}

describe('required text fields refuse text that shows nothing', () => {
  it.each(REQUIRED)('%s takes real text', (_field, schema, input) => {
    expect(ok(schema, input('正常文字'))).toBe(true);
  });

  it.each(REQUIRED)('%s refuses every blank', (field, schema, input) => {
    const accepted = Object.entries(BLANKS).filter(([, text]) => ok(schema, input(text)));
    expect({ field, accepted: accepted.map(([label]) => label) }).toEqual({ field, accepted: [] });
  });

  it('a visible text padded with invisible characters still counts (and is trimmed of white space)', () => {
    const parsed = v.parse(orderInputs.create, create({ ...address, name: '\u3000 张三\t' }));
    expect(parsed.address.name).toBe('张三');
  });
});

describe('optional free text made only of invisible characters is kept as nothing', () => {
  const review = (text: string) => v.parse(shopInputs.review, { orderId, skuId: 's1', rating: 5, text }).text;
  const note = (text: string) => v.parse(orderInputs.create, { ...create(address), note: text }).note;
  const sharerNote = (text: string) => v.parse(commissionInputs.setNote, { productId: 'p1', note: text }).note;
  const hideReason = (text: string) => v.parse(shopInputs.hideReview, { reviewId, hidden: true, reason: text }).reason;

  it.each(Object.entries(BLANKS))('%s', (_label, text) => {
    expect([review(text), note(text), sharerNote(text), hideReason(text)]).toEqual(['', '', '', '']);
  });

  it('real text is kept as written (trimmed)', () => {
    expect(review(' 很香\u200B，回购 ')).toBe('很香\u200B，回购');
    expect(note('放门口')).toBe('放门口');
  });
});
