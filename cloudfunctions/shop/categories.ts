// The shop's categories: everyone lists them in the owner's order (pictures as display URLs; an owner also gets each
// one's fileID and product count); owners create, rename, re-sort and remove them. Removing one leaves its products
// in the shop: its id is taken out of them first, then the category goes, so a remove cut short is simply run again,
// and an id a racing product save put back names nothing (readers drop ids of categories that do not exist).
import { randomUUID } from 'node:crypto';
import { AppError } from '../contracts/errors';
import type { Category, ShopInput } from '../contracts/shop';
import { derivedId } from '../core/product';
import {
  type CategoryRecord,
  createCategory,
  deleteCategory,
  editCategory,
  findCategory,
  listCategories,
} from '../data/categories';
import { displayUrls, THUMBNAIL } from '../data/files';
import { countByCategory, countInCategory, leaveCategory } from '../data/products';
import { loadSettings } from '../data/settings';
import type { CallContext, OwnerContext } from '../platform/handler';

export async function categories(_input: object, ctx: CallContext): Promise<{ items: Category[] }> {
  const [rows, settings] = await Promise.all([listCategories(ctx.db), loadSettings(ctx.db)]);
  const isOwner = ctx.openid !== '' && settings.owners.includes(ctx.openid);
  const [urls, counts] = await Promise.all([
    displayUrls(
      ctx.cloud,
      rows.flatMap((c) => (c.image ? [c.image] : [])),
      THUMBNAIL,
    ),
    isOwner ? countByCategory(ctx.db) : Promise.resolve(null),
  ]);
  return { items: rows.map((c) => viewOf(c, urls, counts)) };
}

/** `counts` only for owners: then the fileID and the product count are shown too. */
function viewOf(c: CategoryRecord, urls: ReadonlyMap<string, string>, counts: ReadonlyMap<string, number> | null) {
  const url = c.image ? urls.get(c.image) : undefined;
  return {
    id: c._id,
    name: c.name,
    sort: c.sort,
    ...(url ? { image: url } : {}),
    ...(counts ? { products: counts.get(c._id) ?? 0, ...(c.image ? { imageFileId: c.image } : {}) } : {}),
  };
}

export async function saveCategory(
  input: ShopInput<'saveCategory'>,
  ctx: OwnerContext,
): Promise<{ category: Category }> {
  if (input.image) {
    const exists = await displayUrls(ctx.cloud, [input.image]);
    if (!exists.has(input.image)) throw new AppError('product.photo_missing');
  }
  const fields = { name: input.name, sort: input.sort, ...(input.image === undefined ? {} : { image: input.image }) };
  const outcome = input.id
    ? await editCategory(ctx.db, input.id, fields, ctx.now)
    : await createCategory(ctx.db, derivedId('c', randomUUID()), fields, ctx.now);
  if (!outcome) throw new AppError('category.not_found');
  if ('refused' in outcome) throw new AppError(outcome.refused);
  const { image } = outcome.category;
  // An unchanged picture is shown too: its URL is asked for with the answer's.
  const urls = image ? await displayUrls(ctx.cloud, [image], THUMBNAIL) : new Map<string, string>();
  const id = outcome.category._id;
  const count = input.id ? await countInCategory(ctx.db, id) : 0;
  return { category: viewOf(outcome.category, urls, new Map([[id, count]])) };
}

export async function removeCategory(input: ShopInput<'removeCategory'>, ctx: OwnerContext): Promise<{ id: string }> {
  if (!(await findCategory(ctx.db, input.id))) throw new AppError('category.not_found');
  await leaveCategory(ctx.db, input.id, ctx.now);
  await deleteCategory(ctx.db, input.id);
  return { id: input.id };
}
