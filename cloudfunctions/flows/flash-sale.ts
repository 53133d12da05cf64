// A flash sale's units after they left the SKUs (data/flash-sales.ts): the end (the clock's, found by the scheduler
// or lazily by a reader, or the owner's stop) sends what is left back to the SKUs; an order's flash lines go back
// to the sale on a cancel (to the SKU once the sale has returned its units: the same transaction reads which);
// and the marks of reservations are cleared once an order took them over, or given back when no order did
// (RECLAIM_AFTER_MS, as flows/reclaim-stock.ts does for products). A refund never goes back to the sale: the
// refunded units of a line that never shipped go back to the SKU, as any refund's (flows/release-stock.ts).
import { AppError } from '../contracts/errors';
import { isOver, memberKey, soldOutSkus, type FlashSaleRecord } from '../core/flash-sale';
import type { PricedLine } from '../core/pricing';
import { transact, type Database, type Transaction } from '../data/db';
import {
  clearSaleMarks,
  listMarkedSales,
  txFindProduct,
  txFindSale,
  txGiveBack,
  txMarkSoldOut,
  txReturnSale,
} from '../data/flash-sales';
import { holdsOf } from '../data/orders';
import { RECLAIM_AFTER_MS } from './reclaim-stock';

/**
 * Ends the sale's hold on its units: when its clock has run out (or `stop`: now, by the owner) the units left go
 * back to the SKUs. Idempotent: a returned sale stays as it is. Null when there is no such sale.
 */
export async function endSale(db: Database, id: string, now: Date, stop: boolean): Promise<FlashSaleRecord | null> {
  return transact(db, async (t) => {
    const sale = await txFindSale(t, id);
    if (!sale || sale.returned || (!stop && !isOver(sale, now))) return sale;
    return txReturnSale(t, db, sale, await txFindProduct(t, sale.productId), now, stop);
  });
}

/** Ends it now if its clock ran out; a failure is left to the scheduler (it finds the sale past its end). */
export async function endSaleSoon(db: Database, id: string, now: Date): Promise<void> {
  try {
    await endSale(db, id, now, false);
  } catch (error) {
    console.error(`flash sale ${id}: its end is left to the scheduler`, error);
  }
}

/**
 * Notes on the product's pointer which SKUs of the sale have no unit left, so the refusals that follow read only the
 * product (order/flash-order.ts). One attempt: a transaction that conflicts (a give-back, another refusal marking)
 * leaves the pointer as it was, and the next refusal tries again.
 */
export async function markSoldOut(db: Database, saleId: string, now: Date): Promise<void> {
  try {
    await transact(
      db,
      async (t) => {
        const sale = await txFindSale(t, saleId);
        const skus = sale ? soldOutSkus(sale) : [];
        if (!sale || skus.length === 0) return;
        const pointer = (await txFindProduct(t, sale.productId))?.flashSale;
        if (pointer?.id !== saleId || skus.every((id) => pointer.soldOut?.includes(id))) return;
        await txMarkSoldOut(t, db, sale, skus, now);
      },
      1,
    );
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'system.busy')) throw error;
  }
}

export const isFlashLine = (l: Pick<PricedLine, 'campaign' | 'campaignId'>) =>
  l.campaign === 'flash_sale' && Boolean(l.campaignId);

/** In a cancel's stock release: the order's flash lines leave their sales (units back to the sale or the SKU). */
export async function txReleaseFlashLines(
  t: Transaction,
  db: Database,
  buyerId: string,
  lines: readonly PricedLine[],
): Promise<void> {
  for (const [saleId, group] of bySale(lines)) {
    const sale = await txFindSale(t, saleId);
    if (sale) await txGiveBack(t, db, sale, memberKey(buyerId), group);
  }
}

/**
 * Gives back a reservation that no order took over (its order was not placed, or its call crashed): the marks of
 * `token` on the sale say what it took, and go with the units, so it happens once.
 */
export async function giveBackReservation(db: Database, saleId: string, token: string): Promise<boolean> {
  return transact(db, async (t) => {
    const sale = await txFindSale(t, saleId);
    const marks = (sale?.holds ?? []).filter((h) => h.token === token);
    if (!sale || marks.length === 0) return false;
    const lines = marks.map((m) => ({ skuId: m.sku, qty: m.qty }));
    await txGiveBack(t, db, sale, marks[0].buyer, lines, token);
    return true;
  });
}

/** The sales' marks: cleared once an order took them over; given back when none did after RECLAIM_AFTER_MS. */
export async function reclaimFlashMarks(db: Database, now: Date, limit: number) {
  const counts = { reclaimed: 0, cleared: 0 };
  const before = now.getTime() - RECLAIM_AFTER_MS;
  for (const sale of await listMarkedSales(db, now, limit)) {
    const taken = await holdsOf(db, [...new Set(sale.holds.map((h) => h.order))]);
    const absorbed = sale.holds.filter((h) => taken.get(h.order)?.includes(h.token));
    if (absorbed.length > 0) {
      await clearSaleMarks(db, sale._id, [...new Set(absorbed.map((h) => h.token))]);
      counts.cleared += absorbed.length;
    }
    const stale = new Set(
      sale.holds.filter((h) => !absorbed.includes(h) && h.at.getTime() <= before).map((h) => h.token),
    );
    for (const token of stale) if (await giveBackReservation(db, sale._id, token)) counts.reclaimed++;
  }
  return counts;
}

export function bySale<L extends Pick<PricedLine, 'campaign' | 'campaignId'>>(lines: readonly L[]): Map<string, L[]> {
  const out = new Map<string, L[]>();
  for (const l of lines) if (isFlashLine(l)) out.set(l.campaignId!, [...(out.get(l.campaignId!) ?? []), l]);
  return out;
}
