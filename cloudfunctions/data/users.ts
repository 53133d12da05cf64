// Members: one document per openid. The openid never leaves the server; the shareCode is the public handle.
import { getOrNull, type Database } from './db';

export interface UserRecord {
  _id: string;
  openid: string;
  shareCode: string;
  nickname: string;
  createdAt: Date;
}

const users = (db: Database) => db.collection<UserRecord>('users');

export async function findUserByOpenid(db: Database, openid: string): Promise<UserRecord | null> {
  const { data } = await users(db).where({ openid }).limit(1).get();
  return data[0] ?? null;
}

export async function findUserByShareCode(db: Database, shareCode: string): Promise<UserRecord | null> {
  const { data } = await users(db).where({ shareCode }).limit(1).get();
  return data[0] ?? null;
}

export async function findUserById(db: Database, id: string): Promise<UserRecord | null> {
  return getOrNull(users(db), id);
}

/** Inserts a member; a duplicate openid or shareCode rejects with the unique index's error. */
export async function insertUser(db: Database, user: Omit<UserRecord, '_id'>): Promise<UserRecord> {
  const { _id } = await users(db).add({ data: user });
  return { _id, ...user };
}
