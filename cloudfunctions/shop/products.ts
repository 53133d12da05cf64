// The owner's product desk: the catalogue (searched, filtered), a product for the editor, saving it (new or edited),
// stock adjustments with their ledger, and on/off sale. All are owner routes (the wrapper checks the owner list).
// Prices live on the product only: an order keeps the lines it was priced with, so an edit never changes an
// existing order.
import { AppError } from '../contracts/errors';
import type { OwnerProductCard, OwnerProductDetail, ShopInput, StockEntry } from '../contracts/shop';
import { requestHashOf } from '../core/order-id';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import { activeSkus, derivedId, isSoldOut, lowestPrice, stockLeft, type ProductRecord } from '../core/product';
import { existingCategoryIds, liveCategoryIds } from '../data/categories';
import { displayUrls, THUMBNAIL } from '../data/files';
import type { CallContext, OwnerContext } from '../platform/handler';
import { createProduct, editProduct, findProduct, firstSort, listAllProducts, setStatus } from '../data/products';
import { adjustStock, listLedger, type StockLedgerRecord } from '../data/stock-ledger';
import { findUsersByOpenids } from '../data/users';

const PAGE_SIZE = 20;

export async function ownerProducts(
  input: ShopInput<'ownerProducts'>,
  ctx: CallContext,
): Promise<{ items: OwnerProductCard[]; nextCursor: string | null }> {
  const query = (input.query ?? '').toLowerCase();
  const filter = input.filter ?? 'all';
  const matches = (await listAllProducts(ctx.db)).filter(
    (p) =>
      p.title.toLowerCase().includes(query) &&
      (filter === 'all' || (filter === 'sold_out' ? isSoldOut(p) : p.status === filter)),
  );
  // A position in the filtered list: the catalogue is small enough to filter whole (it is read in pages of 100).
  const start = input.cursor ? positionOf(input.cursor) : 0;
  const limit = input.limit ?? PAGE_SIZE;
  const page = matches.slice(start, start + limit);
  const urls = await displayUrls(ctx.cloud, page.map((p) => p.images[0]).filter(Boolean), THUMBNAIL);
  return {
    items: page.map((p) => ({
      id: p._id,
      title: p.title,
      image: urls.get(p.images[0]) ?? '',
      priceFen: lowestPrice(p),
      stock: stockLeft(p),
      skuCount: activeSkus(p).length,
      status: p.status,
      soldOut: isSoldOut(p),
    })),
    nextCursor: start + limit < matches.length ? String(start + limit) : null,
  };
}

function positionOf(cursor: string): number {
  const n = Number(cursor);
  if (!Number.isSafeInteger(n) || n < 0) throw new AppError('input.invalid', '请求参数有误：cursor');
  return n;
}

export async function ownerProduct(input: ShopInput<'ownerProduct'>, ctx: OwnerContext): Promise<OwnerProductDetail> {
  const product = await findProduct(ctx.db, input.id);
  if (!product) throw new AppError('product.not_found');
  const [urls, categoryIds] = await Promise.all([
    displayUrls(ctx.cloud, product.images, THUMBNAIL),
    liveCategoryIds(ctx.db, product.categoryIds ?? []),
  ]);
  return detailOf({ ...product, categoryIds }, ctx.settings.rules.commissionRateBp, urls);
}

/** `urls`: the photos' display URLs (the editor's tiles). */
function detailOf(
  product: ProductRecord,
  defaultCommissionRateBp: number,
  urls: ReadonlyMap<string, string>,
): OwnerProductDetail {
  return {
    id: product._id,
    title: product.title,
    description: product.description,
    photos: product.images.map((fileId) => ({ fileId, url: urls.get(fileId) ?? '' })),
    skus: activeSkus(product).map(({ id, spec, priceFen, stock }) => ({ id, spec, priceFen, stock })),
    commissionRateBp: product.commissionRateBp ?? null,
    defaultCommissionRateBp,
    status: product.status,
    categoryIds: product.categoryIds ?? [],
  };
}

export async function saveProduct(
  input: ShopInput<'saveProduct'>,
  ctx: OwnerContext,
): Promise<{ product: OwnerProductDetail }> {
  if (input.id && input.status) throw new AppError('input.invalid', '请求参数有误：已有商品请用上架/下架修改状态');
  // Photos must be files in our storage: the schema allows only `products/` fileIDs, and each must exist (their
  // URLs are the ones the answer shows).
  const [urls, categories] = await Promise.all([
    displayUrls(ctx.cloud, input.photos, THUMBNAIL),
    existingCategoryIds(ctx.db, input.categoryIds ?? []),
  ]);
  if (input.photos.some((id) => !urls.has(id))) throw new AppError('product.photo_missing');
  // Every category named must exist; the editor's list comes from `categories`, so an unknown one is a stale page.
  if (input.categoryIds?.some((id) => !categories.has(id))) throw new AppError('category.not_found');
  const fields = {
    title: input.title,
    description: input.description,
    images: input.photos,
    commissionRateBp: input.commissionRateBp,
    ...(input.categoryIds ? { categoryIds: input.categoryIds } : {}),
  };
  const change = {
    by: ctx.openid,
    at: ctx.now,
    requestHash: requestHashOf(input),
    newSkuId: (i: number) => derivedId('s', ctx.openid, input.requestId, String(i)),
  };
  const outcome = input.id
    ? await editProduct(ctx.db, input.id, fields, input.skus, change)
    : await createProduct(
        ctx.db,
        derivedId('p', ctx.openid, input.requestId),
        fields,
        input.skus,
        input.status ?? 'off_sale',
        (await firstSort(ctx.db)) - 1,
        change,
      );
  if ('refused' in outcome) throw new AppError(outcome.refused);
  return { product: detailOf(outcome.product, ctx.settings.rules.commissionRateBp, urls) };
}

export async function setStock(
  input: ShopInput<'setStock'>,
  ctx: CallContext,
): Promise<{ sku: OwnerProductDetail['skus'][number]; entry: StockEntry }> {
  let outcome: Awaited<ReturnType<typeof adjustStock>>;
  try {
    outcome = await adjustStock(ctx.db, {
      productId: input.productId,
      skuId: input.skuId,
      delta: input.delta,
      reason: input.reason,
      by: ctx.openid,
      at: ctx.now,
      key: `adjust:${ctx.openid}:${input.requestId}`,
      requestHash: requestHashOf(input),
    });
  } catch (error) {
    // Every retry met a reservation changing the same product: nothing was written; the owner can try again.
    if (error instanceof AppError && error.code === 'system.busy') throw new AppError('stock.busy');
    throw error;
  }
  if ('refused' in outcome) throw new AppError(outcome.refused);
  const [entry] = await viewEntries(ctx, [outcome.entry]);
  const { id, spec, priceFen, stock } = outcome.sku;
  return { sku: { id, spec, priceFen, stock }, entry };
}

export async function setSaleStatus(
  input: ShopInput<'setSaleStatus'>,
  ctx: CallContext,
): Promise<{ id: string; status: 'on_sale' | 'off_sale' }> {
  if (!(await setStatus(ctx.db, input.productId, input.status, ctx.now))) throw new AppError('product.not_found');
  return { id: input.productId, status: input.status };
}

export async function stockLedger(
  input: ShopInput<'stockLedger'>,
  ctx: CallContext,
): Promise<{ items: StockEntry[]; nextCursor: string | null }> {
  const limit = input.limit ?? PAGE_SIZE;
  const rows = await listLedger(ctx.db, input.productId, decodeTimeCursor(input.cursor), limit + 1);
  const page = splitTimePage(rows, limit, (r) => r.at);
  return { items: await viewEntries(ctx, page.rows), nextCursor: page.nextCursor };
}

async function viewEntries(ctx: CallContext, rows: readonly StockLedgerRecord[]): Promise<StockEntry[]> {
  const users = await findUsersByOpenids(
    ctx.db,
    rows.map((r) => r.by),
  );
  return rows.map((r) => ({
    id: r._id,
    skuId: r.skuId,
    spec: r.spec,
    delta: r.delta,
    stockAfter: r.stockAfter,
    reason: r.reason,
    by: users.get(r.by)?.nickname ?? '店主',
    at: new Date(r.at).toISOString(),
  }));
}
