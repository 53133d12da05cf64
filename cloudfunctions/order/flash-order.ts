// The flash-sale part of quote and create: lines of a SKU in a live sale are priced at its flash price
// (core/flash-sale.ts flashPrices, from the pointer the product carries: no extra read) and their units are taken
// from the sale, never from the SKU, within its stock and the member's `perMember` (data/flash-sales.ts takeUnits:
// one conditional update per sale, marked like data/stock.ts). A refusal is coded (sold out, limit, no longer
// live): an order is never placed at the normal price instead. The other lines reserve as before.
import { AppError } from '../contracts/errors';
import { hintedSoldOut, memberKey, takeRefusal, type WithFlash } from '../core/flash-sale';
import type { PricedLine } from '../core/pricing';
import type { Database } from '../data/db';
import { findSaleFor, takeUnits } from '../data/flash-sales';
import { cancelReservation, reserveAll } from '../data/stock';
import { bySale, giveBackReservation, isFlashLine, markSoldOut } from '../flows/flash-sale';

/**
 * Why the flash lines cannot be had now (quote's check; create's answer when a take missed), or null. `untouched`:
 * the member has no count in the sale (a take sets it, a give-back only lowers it), so no copy of this create
 * holds its units or placed an order with them: the create's refusal then reads no order.
 */
async function refusalOf(db: Database, saleId: string, lines: readonly PricedLine[], buyer: string, now: Date) {
  const sale = await findSaleFor(db, saleId, buyer);
  const wanted = new Map(lines.map((l) => [l.skuId, l.qty]));
  const held = sale?.bought?.[buyer];
  return { refused: takeRefusal(sale, wanted, held ?? 0, now), untouched: held === undefined };
}

/** Quote: the flash lines' coded refusal (sold out, over the member's limit, no longer live), or nothing. */
export async function checkFlashLines(db: Database, openid: string, lines: readonly PricedLine[], now: Date) {
  const buyer = memberKey(openid);
  for (const [saleId, group] of bySale(lines)) {
    const { refused } = await refusalOf(db, saleId, group, buyer, now);
    if (refused) throw refused;
  }
}

async function takeSale(
  db: Database,
  token: string,
  order: string,
  buyer: string,
  saleId: string,
  group: PricedLine[],
  products: ReadonlyMap<string, WithFlash>,
  now: Date,
): Promise<{ refused: AppError; untouched: boolean } | null> {
  const pointer = products.get(group[0].productId)?.flashSale;
  const lines = group.map((l) => ({
    skuId: l.skuId,
    index: pointer?.skus.findIndex((s) => s.skuId === l.skuId) ?? -1,
    qty: l.qty,
  }));
  // The product already says it is sold out: nothing to take, and only a copy of this request could hold units.
  if (
    hintedSoldOut(
      pointer,
      lines.map((l) => l.skuId),
      now,
    )
  )
    return { refused: new AppError('campaign.sold_out'), untouched: false };
  if (pointer && (await takeUnits(db, { saleId, lines }, { token, order, buyer, at: now }, pointer.perMember, now)))
    return null;
  const why = await refusalOf(db, saleId, group, buyer, now);
  if (why.refused?.code === 'campaign.sold_out') await markSoldOut(db, saleId, now);
  // Room after a miss: a cancel or a give-back raced it; the member asks again.
  return { refused: why.refused ?? new AppError('campaign.busy'), untouched: why.untouched };
}

/**
 * Reserves every line for `order` or none, all marked with `token`: first each sale's flash lines, then the other
 * lines from the SKUs. Returns the line that could not be had and, for a flash line, its coded refusal and whether
 * the member never took units of that sale (`untouched`: see refusalOf).
 */
export async function reserveLines(
  db: Database,
  token: string,
  order: string,
  openid: string,
  lines: readonly PricedLine[],
  products: ReadonlyMap<string, WithFlash>,
  now: Date,
): Promise<{ line: PricedLine; refused?: AppError; untouched?: boolean } | null> {
  const buyer = memberKey(openid);
  const taken: string[] = [];
  for (const [saleId, group] of bySale(lines)) {
    const missed = await takeSale(db, token, order, buyer, saleId, group, products, now);
    if (missed) {
      await Promise.all(taken.map((id) => giveBackReservation(db, id, token)));
      return { line: group[0], ...missed };
    }
    taken.push(saleId);
  }
  const short = await reserveAll(
    db,
    token,
    order,
    lines.filter((l) => !isFlashLine(l)),
    now,
  );
  if (!short) return null;
  await Promise.all(taken.map((id) => giveBackReservation(db, id, token)));
  return { line: short as PricedLine };
}

/** Gives a reservation back (an order that was not placed after all): the sales' units and the SKUs'. */
export async function cancelLines(db: Database, token: string, lines: readonly PricedLine[]): Promise<void> {
  await Promise.all([
    cancelReservation(
      db,
      token,
      lines.filter((l) => !isFlashLine(l)),
    ),
    ...[...bySale(lines).keys()].map((id) => giveBackReservation(db, id, token)),
  ]);
}
