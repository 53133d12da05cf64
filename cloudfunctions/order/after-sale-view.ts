// After-sale cases as their viewers see them (dates as ISO strings, photos and covers as display URLs, the commands
// the case table allows that viewer now), and the reads: one case (its buyer or an owner), the buyer's own cases,
// the owner's desk (open cases, the oldest deadline first, with counts per status).
import { AppError } from '../contracts/errors';
import type { AfterSale, AfterSaleStatus, AfterSaleSummary, OrderInput, OrderResults } from '../contracts/order';
import { caseCommandsFor, DEADLINE_ACTIONS, OPEN_CASE_STATUSES } from '../core/after-sale-flow';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import { countCases, findCase, listBuyerCases, listOwnerCases, type AfterSaleRecord } from '../data/after-sales';
import type { Cloud } from '../data/db';
import { displayUrls, PHOTO, THUMBNAIL } from '../data/files';
import { passedPhotos } from '../flows/photo-checks';
import { loadSettings } from '../data/settings';
import type { CallContext, OwnerContext } from '../platform/handler';

const iso = (d: Date | string) => new Date(d).toISOString();

export async function viewCases(
  cloud: Cloud,
  records: readonly AfterSaleRecord[],
  viewer: 'buyer' | 'owner',
  now: Date,
): Promise<AfterSale[]> {
  const files = records.flatMap((r) => [
    ...r.photos,
    ...r.history.flatMap((h) => h.photos ?? []),
    ...r.lines.map((l) => l.cover),
  ]);
  const urls = await displayUrls(cloud, files.filter(Boolean), PHOTO);
  const urlsOf = (ids: readonly string[]) => ids.map((id) => urls.get(id)).filter((u): u is string => Boolean(u));
  return records.map((r) => {
    // The buyer sees their own photos; the owner those content security passed, and how many wait or failed.
    const visible = new Set(viewer === 'buyer' ? r.photos : passedPhotos(r.photos, r.photoChecks));
    const shown = (ids: readonly string[]) => urlsOf(ids.filter((id) => visible.has(id)));
    const checks = r.photoChecks ?? [];
    const pending = checks.filter((c) => c.state === 'pending').length;
    const rejected = checks.filter((c) => c.state === 'risky').length;
    return toCase(r, urls, shown, viewer, now, viewer === 'owner' ? { pending, rejected } : { pending: 0, rejected });
  });
}

function toCase(
  r: AfterSaleRecord,
  urls: ReadonlyMap<string, string>,
  shown: (ids: readonly string[]) => string[],
  viewer: 'buyer' | 'owner',
  now: Date,
  photoCounts: { pending: number; rejected: number },
): AfterSale {
  return {
    id: r._id,
    orderId: r.orderId,
    type: r.type,
    status: r.status,
    lines: r.lines.map((l) => ({
      productId: l.productId,
      skuId: l.skuId,
      title: l.title,
      spec: l.spec,
      image: urls.get(l.cover) ?? '',
      priceFen: l.priceFen,
      qty: l.qty,
    })),
    refundFen: r.refundFen,
    reason: r.reason,
    description: r.description,
    photos: shown(r.photos),
    ...(photoCounts.pending ? { pendingPhotos: photoCounts.pending } : {}),
    ...(photoCounts.rejected ? { rejectedPhotos: photoCounts.rejected } : {}),
    ...(r.returnAddress ? { returnAddress: r.returnAddress } : {}),
    ...(r.returnShipping
      ? { returnShipping: { ...r.returnShipping, shippedAt: iso(r.returnShipping.shippedAt) } }
      : {}),
    ...(r.outRefundNo ? { outRefundNo: r.outRefundNo } : {}),
    ...(r.deadline ? { deadline: iso(r.deadline) } : {}),
    ...(r.deadline && r.status in DEADLINE_ACTIONS
      ? { deadlineAction: DEADLINE_ACTIONS[r.status as keyof typeof DEADLINE_ACTIONS] }
      : {}),
    createdAt: iso(r.createdAt),
    ...(r.refundedAt ? { refundedAt: iso(r.refundedAt) } : {}),
    ...(r.rejectReason ? { rejectReason: r.rejectReason } : {}),
    reopened: r.reopened,
    history: r.history.map((h) => ({
      at: iso(h.at),
      by: h.by,
      label: h.label,
      ...(h.text ? { text: h.text } : {}),
      ...(h.photos?.length ? { photos: shown(h.photos) } : {}),
    })),
    commands: caseCommandsFor(r, viewer, now),
  };
}

/** A line of a list: the first line's title and cover, the units in all. */
export async function summarizeCases(cloud: Cloud, records: readonly AfterSaleRecord[]): Promise<AfterSaleSummary[]> {
  const urls = await displayUrls(cloud, records.map((r) => r.lines[0]?.cover ?? '').filter(Boolean), THUMBNAIL);
  return records.map((r) => ({
    id: r._id,
    orderId: r.orderId,
    type: r.type,
    status: r.status,
    refundFen: r.refundFen,
    createdAt: iso(r.createdAt),
    ...(r.deadline ? { deadline: iso(r.deadline) } : {}),
    title: r.lines[0]?.title ?? '',
    image: urls.get(r.lines[0]?.cover ?? '') ?? '',
    units: r.lines.reduce((sum, l) => sum + l.qty, 0),
  }));
}

/** The case for its buyer or an owner; anyone else's reads exactly like an unknown one. */
export async function afterSale(input: OrderInput<'afterSale'>, ctx: CallContext): Promise<OrderResults['afterSale']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const [record, settings] = await Promise.all([findCase(ctx.db, input.afterSaleId), loadSettings(ctx.db)]);
  if (!record) throw new AppError('afterSale.not_found');
  const viewer = record.buyerId === ctx.openid ? 'buyer' : settings.owners.includes(ctx.openid) ? 'owner' : null;
  if (!viewer) throw new AppError('afterSale.not_found');
  return { afterSale: (await viewCases(ctx.cloud, [record], viewer, ctx.now))[0] };
}

/** The caller's own cases, newest first. */
export async function afterSales(
  input: OrderInput<'afterSales'>,
  ctx: CallContext,
): Promise<OrderResults['afterSales']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const limit = input.limit ?? 20;
  const after = decodeTimeCursor(input.cursor);
  const records = await listBuyerCases(ctx.db, ctx.openid, after, limit + 1);
  const { rows, nextCursor } = splitTimePage(records, limit, (r) => new Date(r.createdAt));
  return { items: await summarizeCases(ctx.cloud, rows), nextCursor };
}

/** The owner's desk: open cases (or those of one status), the oldest deadline first, with the open counts. */
export async function ownerAfterSales(
  input: OrderInput<'ownerAfterSales'>,
  ctx: OwnerContext,
): Promise<OrderResults['ownerAfterSales']> {
  const limit = input.limit ?? 20;
  const after = decodeTimeCursor(input.cursor);
  const statuses: readonly AfterSaleStatus[] = input.status ? [input.status] : OPEN_CASE_STATUSES;
  const [records, counts] = await Promise.all([
    listOwnerCases(ctx.db, statuses, after, limit + 1),
    countCases(ctx.db, OPEN_CASE_STATUSES),
  ]);
  const { rows, nextCursor } = splitTimePage(records, limit, (r) => new Date(r.sortAt));
  return { items: await summarizeCases(ctx.cloud, rows), nextCursor, counts };
}
