// Commission lines: the sharer's ledger, one line per order line (`_id` = `<orderId>:<skuId>`, its idempotency key).
// When a line is created, settled or reversed is decided in flows/commission.ts.
import type { CommissionStatus, ShareChannel } from '../contracts/commission';
import { txGet, type Database, type Transaction } from './db';

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

/** The order's commission lines that exist, as a transaction sees them. */
export async function txLinesOf(
  t: Transaction,
  orderId: string,
  skuIds: readonly string[],
): Promise<CommissionRecord[]> {
  const lines: CommissionRecord[] = [];
  for (const skuId of skuIds) {
    const line = await txGet<CommissionRecord>(t, 'commissions', commissionId(orderId, skuId));
    if (line) lines.push(line);
  }
  return lines;
}

/** Writes new lines (`fresh`) or the changed fields of existing ones, inside the caller's transaction. */
export async function txSaveLines(t: Transaction, lines: readonly CommissionRecord[], fresh: boolean): Promise<void> {
  for (const line of lines) {
    if (fresh) {
      await t.collection('commissions').add({ data: line });
      continue;
    }
    const { status, settledAt, reversedFen, reversedAt } = line;
    const data = { status, reversedFen, ...(settledAt ? { settledAt } : {}), ...(reversedAt ? { reversedAt } : {}) };
    await t.collection('commissions').doc(line._id).update({ data });
  }
}

export interface LinePosition {
  createdAt: Date;
  id: string;
}

/** A sharer's lines, newest first, keyset-paged on (createdAt, _id). */
export async function listSharerLines(
  db: Database,
  sharerId: string,
  after: LinePosition | null,
  limit: number,
): Promise<CommissionRecord[]> {
  const _ = db.command;
  const where = after
    ? _.and([
        { sharerId },
        _.or([{ createdAt: _.lt(after.createdAt) }, { createdAt: after.createdAt, _id: _.lt(after.id) }]),
      ])
    : { sharerId };
  const { data } = await commissions(db)
    .where(where as object)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}
