// The product editor's form as the owner types it (yuan, percent, text) and its conversion into the saveProduct
// input (integer fen, basis points), with the checks the shop function makes, said in plain Chinese. The server
// stays the authority; these only spare a round trip.
import {
  CATEGORIES_PER_PRODUCT_MAX,
  PRODUCT_DESCRIPTION_MAX,
  PRODUCT_PHOTOS_MAX,
  PRODUCT_SKUS_MAX,
  PRODUCT_TITLE_MAX,
  SKU_PRICE_MAX_FEN,
  SKU_SPEC_MAX,
  STOCK_MAX,
  STOCK_REASON_MAX,
} from '../../../cloudfunctions/contracts/limits';
import type { OwnerProductDetail, ShopInput } from '../../../cloudfunctions/contracts/shop';
import type { ErrorCode } from '../../../cloudfunctions/contracts/errors';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../lib/money';
import { parseRatePercent, rateBpToPercentText } from '../rates/rate';
import type { SaleStatus } from '../shared/product-text';

// The contract's bounds, under the names the editor uses.
export const TITLE_MAX = PRODUCT_TITLE_MAX;
export const DESCRIPTION_MAX = PRODUCT_DESCRIPTION_MAX;
export const PHOTOS_MAX = PRODUCT_PHOTOS_MAX;
export const SKUS_MAX = PRODUCT_SKUS_MAX;
export const SPEC_MAX = SKU_SPEC_MAX;
export const PRICE_MAX_FEN = SKU_PRICE_MAX_FEN;
export const STOCK_LIMIT = STOCK_MAX;
export const REASON_MAX = STOCK_REASON_MAX;

export type SaveInput = ShopInput<'saveProduct'>;

export interface PhotoDraft {
  fileId: string;
  /** What the editor shows: the server's display URL, or the picked file until the page is reloaded. */
  url: string;
}

export interface SkuDraft {
  /** React's key: the SKU's id, or a local one for a SKU not saved yet. */
  key: string;
  /** Set for a SKU the server already has. */
  id?: string;
  spec: string;
  /** Yuan as typed: "12.9". */
  price: string;
  /** New SKUs only: units to start with, as typed ('' is none). */
  initialStock: string;
  /** Existing SKUs only: units left (changed through setStock, never through the form). */
  stock: number;
}

export interface ProductDraft {
  title: string;
  description: string;
  photos: PhotoDraft[];
  skus: SkuDraft[];
  /** The shop default applies (commissionRateBp: null). */
  useDefaultRate: boolean;
  /** The product's own rate in percent as typed, when it has one. */
  rate: string;
  /** The categories the product is in, in the order the owner picked them. */
  categoryIds: string[];
}

let lastKey = 0;

export function newSkuDraft(): SkuDraft {
  lastKey += 1;
  return { key: `new-${lastKey}`, spec: '', price: '', initialStock: '', stock: 0 };
}

/** A new product starts with one empty SKU row. */
export function emptyDraft(): ProductDraft {
  return {
    title: '',
    description: '',
    photos: [],
    skus: [newSkuDraft()],
    useDefaultRate: true,
    rate: '',
    categoryIds: [],
  };
}

export function draftFromProduct(p: OwnerProductDetail): ProductDraft {
  return {
    title: p.title,
    description: p.description,
    photos: p.photos.map((ph) => ({ fileId: ph.fileId, url: ph.url })),
    skus: p.skus.map((s) => ({
      key: s.id,
      id: s.id,
      spec: s.spec,
      price: fenToYuanText(s.priceFen),
      initialStock: '',
      stock: s.stock,
    })),
    useDefaultRate: p.commissionRateBp === null,
    rate: p.commissionRateBp === null ? '' : rateBpToPercentText(p.commissionRateBp),
    categoryIds: [...p.categoryIds],
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** "12.9" → 1290 fen; or why it is not a price a SKU may have (more than 0, at most ¥50,000, at most two decimals). */
export function parsePriceFen(text: string): Parsed<number> {
  const t = text.trim();
  if (!t) return { ok: false, message: '请填写价格' };
  if (/^-/.test(t)) return { ok: false, message: '价格需大于 0' };
  if (/^¥?\s*\d*\.\d{3,}$/.test(t)) return { ok: false, message: '价格最多两位小数' };
  const fen = parseYuanToFen(t);
  if (fen === null) return { ok: false, message: '价格请填数字，如 12.9' };
  if (fen <= 0) return { ok: false, message: '价格需大于 0' };
  if (fen > PRICE_MAX_FEN) return { ok: false, message: `价格不能超过 ${formatFen(PRICE_MAX_FEN)}` };
  return { ok: true, value: fen };
}

/** A count of units as typed: a whole number of 0..STOCK_MAX. */
export function parseStockCount(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, message: `请填 0-${STOCK_LIMIT} 的整数` };
  const n = Number(t);
  return n <= STOCK_LIMIT ? { ok: true, value: n } : { ok: false, message: `不能超过 ${STOCK_LIMIT}` };
}

/** A new row the owner typed nothing into: left out of the save rather than refused. */
const isBlankNewSku = (s: SkuDraft) => !s.id && !s.spec.trim() && !s.price.trim() && !s.initialStock.trim();

export interface SaveMeta {
  /** The product's id when editing; none creates it. */
  id?: string;
  requestId: string;
  /** Creation only: whether it goes on sale at once. */
  status?: SaleStatus;
}

/** The draft as the saveProduct input, or the first thing the owner has to fix. */
export function buildSaveInput(draft: ProductDraft, meta: SaveMeta): Parsed<SaveInput> {
  const fail = (message: string) => ({ ok: false as const, message });
  const title = draft.title.trim();
  if (!title) return fail('请填写商品标题');
  if (title.length > TITLE_MAX) return fail(`商品标题最多 ${TITLE_MAX} 个字`);
  const description = draft.description.trim();
  if (description.length > DESCRIPTION_MAX) return fail(`商品描述最多 ${DESCRIPTION_MAX} 个字`);
  if (draft.photos.length === 0) return fail('请至少添加一张商品图片');
  if (draft.photos.length > PHOTOS_MAX) return fail(`商品图片最多 ${PHOTOS_MAX} 张`);

  const skus: SaveInput['skus'] = [];
  const specs = new Set<string>();
  for (const [i, row] of draft.skus.entries()) {
    if (isBlankNewSku(row)) continue;
    const at = `第 ${i + 1} 个规格：`;
    const spec = row.spec.trim();
    if (!spec) return fail(`${at}请填写规格名称`);
    if (spec.length > SPEC_MAX) return fail(`${at}规格名称最多 ${SPEC_MAX} 个字`);
    if (specs.has(spec)) return fail(`规格名称不能重复：「${spec}」`);
    specs.add(spec);
    const price = parsePriceFen(row.price);
    if (!price.ok) return fail(at + price.message);
    if (row.id) {
      skus.push({ id: row.id, spec, priceFen: price.value });
      continue;
    }
    if (!row.initialStock.trim()) {
      skus.push({ spec, priceFen: price.value });
      continue;
    }
    const stock = parseStockCount(row.initialStock);
    if (!stock.ok) return fail(`${at}初始库存${stock.message}`);
    skus.push({ spec, priceFen: price.value, initialStock: stock.value });
  }
  if (skus.length === 0) return fail('请至少添加一个规格');
  if (skus.length > SKUS_MAX) return fail(`规格最多 ${SKUS_MAX} 个`);

  let commissionRateBp: number | null = null;
  if (!draft.useDefaultRate) {
    const rate = parseRatePercent(draft.rate);
    if (!rate.ok) return fail(rate.message.includes('佣金') ? rate.message : `佣金比例${rate.message}`);
    commissionRateBp = rate.rateBp;
  }
  if (draft.categoryIds.length > CATEGORIES_PER_PRODUCT_MAX)
    return fail(`一件商品最多属于 ${CATEGORIES_PER_PRODUCT_MAX} 个分类`);

  return {
    ok: true,
    value: {
      ...(meta.id ? { id: meta.id } : {}),
      requestId: meta.requestId,
      title,
      description,
      photos: draft.photos.map((p) => p.fileId),
      skus,
      commissionRateBp,
      categoryIds: [...draft.categoryIds],
      ...(!meta.id && meta.status ? { status: meta.status } : {}),
    },
  };
}

/** The photo at `index` becomes the first one, the cover; the others keep their order. */
export function moveToFront<T>(items: T[], index: number): T[] {
  if (index <= 0 || index >= items.length) return items;
  return [items[index], ...items.slice(0, index), ...items.slice(index + 1)];
}

export type StockDirection = 'add' | 'remove';

export interface StockChange {
  delta: number;
  reason: string;
}

/** The stock sheet's fields as the setStock change, or what to fix; `current` is the stock the owner sees. */
export function parseStockChange(
  direction: StockDirection,
  amount: string,
  reason: string,
  current: number,
): Parsed<StockChange> {
  const t = amount.trim();
  if (!t) return { ok: false, message: '请填写数量' };
  if (!/^\d+$/.test(t) || Number(t) === 0) return { ok: false, message: '数量请填正整数' };
  const n = Number(t);
  if (n > STOCK_LIMIT) return { ok: false, message: `单次最多调整 ${STOCK_LIMIT} 件` };
  if (direction === 'remove' && n > current)
    return { ok: false, message: `库存只有 ${current} 件，最多减少 ${current} 件` };
  const why = reason.trim();
  if (!why) return { ok: false, message: '请选择或填写调整原因' };
  if (why.length > REASON_MAX) return { ok: false, message: `原因最多 ${REASON_MAX} 个字` };
  return { ok: true, value: { delta: direction === 'add' ? n : -n, reason: why } };
}

/** The stock after the change as typed, or null while the amount is not a count. */
export function stockAfter(direction: StockDirection, amount: string, current: number): number | null {
  const t = amount.trim();
  if (!/^\d+$/.test(t)) return null;
  return direction === 'add' ? current + Number(t) : current - Number(t);
}

/**
 * After a failed request, whether to send the same requestId again: yes when the outcome is unknown (the answer was
 * lost, or the server failed midway), so a retry cannot apply the change twice; no after a plain refusal, which
 * changed nothing, so the corrected request is a new one.
 */
export function keepsRequestId(code: ErrorCode): boolean {
  return code === 'network' || code === 'internal';
}
