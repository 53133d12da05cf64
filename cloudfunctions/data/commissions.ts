// Commission lines: the sharer's ledger, one line per order line (`_id` = `<orderId>:<skuId>`, its idempotency key).
// When a line is created, settled or reversed is decided in flows/commission.ts.
import type { CommissionStatus, ShareChannel } from '../contracts/commission';
import type { Database } from './db';

export interface CommissionRecord {
  _id: string;
  key: string;
  sharerId: string;
  sharerCode: string;
  orderId: string;
  productId: string;
  skuId: string;
  title: string;
  spec: string;
  channel: ShareChannel;
  baseFen: number;
  rateBp: number;
  amountFen: number;
  reversedFen: number;
  status: CommissionStatus;
  createdAt: Date;
  settledAt?: Date;
  reversedAt?: Date;
}

const commissions = (db: Database) => db.collection<CommissionRecord>('commissions');
export const commissionId = (orderId: string, skuId: string) => `${orderId}:${skuId}`;

export interface LinePosition {
  createdAt: Date;
  id: string;
}

/** A sharer's lines, newest first, keyset-paged on (createdAt, _id). */
export async function listSharerLines(db: Database, sharerId: string, after: LinePosition | null, limit: number): Promise<CommissionRecord[]> {
  const _ = db.command;
  const where = after
    ? _.and([{ sharerId }, _.or([{ createdAt: _.lt(after.createdAt) }, { createdAt: after.createdAt, _id: _.lt(after.id) }])])
    : { sharerId };
  const { data } = await commissions(db).where(where as object).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data;
}
