// The shop's categories (`_id` = a short derived id), at most CATEGORIES_MAX, names unique by a unique index. A
// product names its categories in `categoryIds` (products.ts); removing a category takes its id out of them.
import { CATEGORIES_MAX } from '../contracts/limits';
import { getOrNull, isDuplicateKey, type Database } from './db';

export interface CategoryRecord {
  _id: string;
  name: string;
  sort: number;
  /** Its picture's fileID (under `products/`), when it has one. */
  image?: string;
  createdAt: Date;
  updatedAt: Date;
}

const categories = (db: Database) => db.collection<CategoryRecord>('categories');

/** Every category in the owner's order: `sort`, then name (the shop keeps at most CATEGORIES_MAX). */
export async function listCategories(db: Database): Promise<CategoryRecord[]> {
  const { data } = await categories(db)
    .orderBy('sort', 'asc')
    .orderBy('name', 'asc')
    .limit(CATEGORIES_MAX + 10)
    .get();
  return data;
}

export async function findCategory(db: Database, id: string): Promise<CategoryRecord | null> {
  return getOrNull(categories(db), id);
}

/** Which of these ids name a category (one request; none for no ids). */
export async function existingCategoryIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { data } = await categories(db)
    .where({ _id: db.command.in([...new Set(ids)]) })
    .field({ _id: true })
    .limit(ids.length)
    .get();
  return new Set(data.map((c) => c._id));
}

/** A product's `categoryIds` without those of removed categories (a remove cut short may have left some). */
export async function liveCategoryIds(db: Database, ids: readonly string[]): Promise<string[]> {
  const live = await existingCategoryIds(db, ids);
  return ids.filter((id) => live.has(id));
}

export interface CategoryFields {
  name: string;
  sort: number;
  /** Absent: unchanged (none for a new category); null: none. */
  image?: string | null;
}

type SaveOutcome = { category: CategoryRecord } | { refused: 'category.name_taken' | 'category.too_many' };

/**
 * A new category; refused past CATEGORIES_MAX or under a name another one has (the unique index decides, so two
 * owners creating the same name at once make one). The cap is counted first: two creates racing at the last slot
 * may both pass it, which only owners can do.
 */
export async function createCategory(db: Database, id: string, fields: CategoryFields, at: Date): Promise<SaveOutcome> {
  const { total } = await categories(db).count();
  if (total >= CATEGORIES_MAX) return { refused: 'category.too_many' };
  const { image, ...rest } = fields;
  const record: CategoryRecord = { _id: id, ...rest, ...(image ? { image } : {}), createdAt: at, updatedAt: at };
  try {
    await categories(db).add({ data: record });
  } catch (error) {
    if (isDuplicateKey(error)) return { refused: 'category.name_taken' };
    throw error;
  }
  return { category: record };
}

/** Renames, re-sorts or re-pictures a category; null when there is no such category. */
export async function editCategory(
  db: Database,
  id: string,
  fields: CategoryFields,
  at: Date,
): Promise<SaveOutcome | null> {
  const found = await findCategory(db, id);
  if (!found) return null;
  const _ = db.command;
  try {
    const { stats } = await categories(db)
      .where({ _id: id })
      .update({
        data: {
          name: fields.name,
          sort: fields.sort,
          ...(fields.image === undefined ? {} : { image: fields.image ?? _.remove() }),
          updatedAt: at,
        },
      });
    if (stats.updated === 0 && !(await findCategory(db, id))) return null;
  } catch (error) {
    if (isDuplicateKey(error)) return { refused: 'category.name_taken' };
    throw error;
  }
  const category: CategoryRecord = { ...found, name: fields.name, sort: fields.sort, updatedAt: at };
  if (fields.image) category.image = fields.image;
  else if (fields.image === null) delete category.image;
  return { category };
}

export async function deleteCategory(db: Database, id: string): Promise<void> {
  await categories(db).where({ _id: id }).remove();
}
