// The owner's Moments material of a product (一键发圈): words sharers post with its pictures. Saved whole; every
// picture must be one of the shop's own images in this env, and the words pass content security (sharers post them
// in Moments under their own name).
import { SHOP_UPLOAD_FOLDERS } from '../contracts/limits';
import { AppError } from '../contracts/errors';
import type { OwnerMaterial, ShopInput, ShopResults } from '../contracts/shop';
import { isShopImage } from '../core/photos';
import { displayUrls, THUMBNAIL } from '../data/files';
import { findMaterial, saveMaterial as storeMaterial, type MaterialRecord } from '../data/materials';
import { findProduct } from '../data/products';
import { checkText } from '../platform/content-security';
import type { OwnerContext } from '../platform/handler';

export async function saveMaterial(
  input: ShopInput<'saveMaterial'>,
  ctx: OwnerContext,
): Promise<ShopResults['saveMaterial']> {
  const shop = { env: ctx.env, folder: SHOP_UPLOAD_FOLDERS.product };
  if (!input.images.every((fileID) => isShopImage(fileID, shop))) throw new AppError('material.image_not_shop');
  const [product, urls] = await Promise.all([
    findProduct(ctx.db, input.productId),
    displayUrls(ctx.cloud, input.images, THUMBNAIL),
  ]);
  if (!product) throw new AppError('product.not_found');
  if (input.images.some((id) => !urls.has(id))) throw new AppError('product.photo_missing');
  for (const content of input.texts) await checkText(ctx.cloud, { openid: ctx.openid, scene: 'social', content });
  const record: MaterialRecord = {
    _id: product._id,
    texts: input.texts,
    images: input.images,
    updatedBy: ctx.openid,
    updatedAt: ctx.now,
  };
  await storeMaterial(ctx.db, record);
  return { material: viewOf(product._id, record, urls) };
}

export async function ownerMaterial(
  input: ShopInput<'ownerMaterial'>,
  ctx: OwnerContext,
): Promise<ShopResults['ownerMaterial']> {
  const [product, record] = await Promise.all([
    findProduct(ctx.db, input.productId),
    findMaterial(ctx.db, input.productId),
  ]);
  if (!product) throw new AppError('product.not_found');
  const urls = await displayUrls(ctx.cloud, record?.images ?? [], THUMBNAIL);
  return { material: viewOf(product._id, record, urls) };
}

function viewOf(productId: string, record: MaterialRecord | null, urls: ReadonlyMap<string, string>): OwnerMaterial {
  return {
    productId,
    texts: record?.texts ?? [],
    images: (record?.images ?? []).map((fileId) => ({ fileId, url: urls.get(fileId) ?? '' })),
    updatedAt: record ? new Date(record.updatedAt).toISOString() : null,
  };
}
