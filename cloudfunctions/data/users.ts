// Members: one document per openid. The openid goes to no one but its member (their session: their upload folder);
// the shareCode is the public handle.
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

/** Members by openid, in one request. */
export async function findUsersByOpenids(db: Database, openids: readonly string[]): Promise<Map<string, UserRecord>> {
  const unique = [...new Set(openids)];
  if (unique.length === 0) return new Map();
  const { data } = await users(db)
    .where({ openid: db.command.in(unique) })
    .limit(unique.length)
    .get();
  return new Map(data.map((u) => [u.openid, u]));
}

export async function findUserById(db: Database, id: string): Promise<UserRecord | null> {
  return getOrNull(users(db), id);
}

/** Inserts a member; a duplicate openid or shareCode rejects with the unique index's error. */
export async function insertUser(db: Database, user: Omit<UserRecord, '_id'>): Promise<UserRecord> {
  const { _id } = await users(db).add({ data: user });
  return { _id, ...user };
}

/** Users by share code, keyed by it (one query). */
export async function findUsersByShareCodes(db: Database, codes: readonly string[]): Promise<Map<string, UserRecord>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const { data } = await users(db)
    .where({ shareCode: db.command.in(unique) })
    .limit(unique.length)
    .get();
  return new Map(data.map((u) => [u.shareCode, u]));
}
