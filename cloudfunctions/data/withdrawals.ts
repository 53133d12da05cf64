// Withdrawals of settled commission. Asking and deciding are transactions with the sharer's money counters,
// whose `openWithdrawalId` allows one open request at a time: two concurrent requests conflict and the second,
// retried, finds the first open. The owner pays out through WeChat transfer and records the decision here.
import { randomBytes } from 'node:crypto';
import type { ErrorCode } from '../contracts/errors';
import { SHARE_CODE_ALPHABET } from '../core/share-code';
import { txGet, type Database, transact } from './db';
import { changeMoney, moneyStatsId, type MoneyStats } from './sharer-stats';

export interface WithdrawalRecord {
  _id: string;
  sharerId: string;
  sharerCode: string;
  amountFen: number;
  status: 'open' | 'approved' | 'rejected';
  requestedAt: Date;
  decidedAt?: Date;
  reason?: string;
}

const withdrawals = (db: Database) => db.collection<WithdrawalRecord>('withdrawals');

/** What the sharer may still ask for: settled, less what was withdrawn or is asked for now. */
export function availableOf(money: Pick<MoneyStats, 'settledFen' | 'withdrawnFen' | 'requestedFen'> | null): number {
  return money ? money.settledFen - money.withdrawnFen - money.requestedFen : 0;
}

function newWithdrawalId(now: Date): string {
  const bytes = randomBytes(8);
  let tail = '';
  for (const b of bytes) tail += SHARE_CODE_ALPHABET[b % SHARE_CODE_ALPHABET.length];
  return `W${now.getTime().toString(36).toUpperCase()}${tail}`;
}

export type Refusal = { refused: ErrorCode };

export async function requestWithdrawal(
  db: Database,
  sharer: { id: string; code: string },
  amountFen: number,
  now: Date,
): Promise<WithdrawalRecord | Refusal> {
  return transact(db, async (t) => {
    const money = await txGet<MoneyStats>(t, 'sharer_stats', moneyStatsId(sharer.id));
    if (money?.openWithdrawalId) return { refused: 'withdraw.open_exists' as const };
    if (amountFen > availableOf(money)) return { refused: 'withdraw.insufficient' as const };
    const record: WithdrawalRecord = {
      _id: newWithdrawalId(now),
      sharerId: sharer.id,
      sharerCode: sharer.code,
      amountFen,
      status: 'open',
      requestedAt: now,
    };
    await t.collection('withdrawals').add({ data: record });
    await changeMoney(db, t, sharer, {
      totals: { requestedFen: amountFen },
      rows: [],
      set: { openWithdrawalId: record._id },
    });
    return record;
  });
}

export async function decideWithdrawalRecord(
  db: Database,
  id: string,
  approve: boolean,
  reason: string | undefined,
  now: Date,
): Promise<WithdrawalRecord | Refusal> {
  return transact(db, async (t) => {
    const record = await txGet<WithdrawalRecord>(t, 'withdrawals', id);
    if (!record) return { refused: 'withdraw.not_found' as const };
    if (record.status !== 'open') return { refused: 'withdraw.already_decided' as const };
    const decided: WithdrawalRecord = {
      ...record,
      status: approve ? 'approved' : 'rejected',
      decidedAt: now,
      ...(reason ? { reason } : {}),
    };
    await t
      .collection('withdrawals')
      .doc(id)
      .update({ data: { status: decided.status, decidedAt: now, ...(reason ? { reason } : {}) } });
    const totals = approve
      ? { requestedFen: -record.amountFen, withdrawnFen: record.amountFen }
      : { requestedFen: -record.amountFen };
    await changeMoney(
      db,
      t,
      { id: record.sharerId, code: record.sharerCode },
      { totals, rows: [], set: { openWithdrawalId: null } },
    );
    return decided;
  });
}

export interface WithdrawalPosition {
  requestedAt: Date;
  id: string;
}

/** Newest first, keyset-paged on (requestedAt, _id), filtered by sharer or status. */
export async function listWithdrawals(
  db: Database,
  filter: { sharerId?: string; status?: WithdrawalRecord['status'] },
  after: WithdrawalPosition | null,
  limit: number,
): Promise<WithdrawalRecord[]> {
  const _ = db.command;
  const where = after
    ? _.and([
        filter,
        _.or([{ requestedAt: _.lt(after.requestedAt) }, { requestedAt: after.requestedAt, _id: _.lt(after.id) }]),
      ])
    : filter;
  const { data } = await withdrawals(db)
    .where(where as object)
    .orderBy('requestedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

export async function findWithdrawal(db: Database, id: string): Promise<WithdrawalRecord | null> {
  const { data } = await withdrawals(db).where({ _id: id }).limit(1).get();
  return data[0] ?? null;
}
