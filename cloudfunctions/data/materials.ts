// The owner's Moments material of a product (一键发圈), `_id` = the product id. Its own collection rather than a field
// of the product: the product document is what every order's reservation updates and every list reads, while the
// material (up to 1,500 characters and 9 fileIDs) is read only by the share kit, so saving it never meets a
// reservation and never grows the catalogue's reads.
import { getOrNull, type Database } from './db';

export interface MaterialRecord {
  _id: string;
  texts: string[];
  /** fileIDs of the shop's images (`products/…` in this env). */
  images: string[];
  updatedBy: string;
  updatedAt: Date;
}

const materials = (db: Database) => db.collection<MaterialRecord>('materials');

export function findMaterial(db: Database, productId: string): Promise<MaterialRecord | null> {
  return getOrNull(materials(db), productId);
}

/** Replaces the product's material whole (a save of the editor's form). */
export async function saveMaterial(db: Database, record: MaterialRecord): Promise<void> {
  const { _id, ...data } = record;
  await materials(db).doc(_id).set({ data });
}
