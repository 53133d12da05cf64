// A sharer's own words about a product (`_id` = `<sharerId>:<productId>`), shown on their cards and posters.
import { getOrNull, type Database } from './db';

export interface NoteRecord {
  _id: string;
  sharerId: string;
  productId: string;
  note: string;
  updatedAt: Date;
}

const notes = (db: Database) => db.collection<NoteRecord>('notes');
const noteId = (sharerId: string, productId: string) => `${sharerId}:${productId}`;

export async function findNote(db: Database, sharerId: string, productId: string): Promise<string> {
  if (!sharerId) return '';
  return (await getOrNull(notes(db), noteId(sharerId, productId)))?.note ?? '';
}

export async function saveNote(
  db: Database,
  sharerId: string,
  productId: string,
  note: string,
  now: Date,
): Promise<void> {
  const { _id, ...data } = { _id: noteId(sharerId, productId), sharerId, productId, note, updatedAt: now };
  await notes(db).doc(_id).set({ data });
}
