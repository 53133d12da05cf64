// The steps of an open case, each through the case table (flows/after-sale.ts `moveCase`): the buyer cancels
// (before the refund is asked), ships a return back, or asks a rejected case again once; the owner approves
// (a return with the address the goods go back to, by default 店铺设置's), rejects with a reason, or confirms the
// goods came back. A step into `refunding` asks WeChat Pay for the refund at once; a refusal or a crash leaves the
// case refunding and the scheduler asks again (scheduler/jobs/after-sale-deadlines.ts).
import { AppError } from '../contracts/errors';
import { MEMBER_UPLOAD_FOLDERS } from '../contracts/limits';
import type { AfterSale, OrderInput } from '../contracts/order';
import { approvalOf } from '../core/after-sale-flow';
import { findCase, type AfterSaleRecord } from '../data/after-sales';
import { requireOwnPhotos } from '../data/files';
import { findOrder } from '../data/orders';
import { loadSettings, type Settings } from '../data/settings';
import { askCaseRefund, moveCase } from '../flows/after-sale';
import { askPhotoChecks, CASE_PHOTOS, pendingChecks } from '../flows/photo-checks';
import { notifyBuyer } from '../flows/notify-buyer';
import { checkText } from '../platform/content-security';
import type { CallContext, OwnerContext } from '../platform/handler';
import { viewCases } from './after-sale-view';

type One = Promise<{ afterSale: AfterSale }>;

/** The caller's own case: someone else's reads exactly like an unknown one. */
async function ownCase(ctx: CallContext, id: string): Promise<AfterSaleRecord> {
  if (!ctx.openid) throw new AppError('auth.required');
  const record = await findCase(ctx.db, id);
  if (!record || record.buyerId !== ctx.openid) throw new AppError('afterSale.not_found');
  return record;
}

async function shown(ctx: CallContext, record: AfterSaleRecord, viewer: 'buyer' | 'owner'): One {
  return { afterSale: (await viewCases(ctx.cloud, [record], viewer, ctx.now))[0] };
}

/** A case that moved into `refunding`: its refund is asked of WeChat Pay now (the scheduler asks again if need be). */
async function refundIfDue(ctx: CallContext, record: AfterSaleRecord, settings: Settings): Promise<void> {
  if (record.status !== 'refunding') return;
  const order = await findOrder(ctx.db, record.orderId);
  if (!order) return;
  try {
    if (!(await askCaseRefund(ctx.cloud, ctx.db, record, order, ctx.now, settings))) {
      console.error(`case ${record._id}: WeChat Pay refused the refund; the scheduler asks again`);
    }
  } catch (error) {
    console.error(`case ${record._id}: refund not asked; the scheduler asks again`, error);
  }
}

/**
 * Asks for the case's evidence photo checks (the owner sees a photo once it passed); on any failure the scheduler
 * asks instead (the case is stored).
 */
export async function checkCasePhotos(ctx: CallContext, record: AfterSaleRecord): Promise<void> {
  if (!record.photoChecks?.some((c) => c.state === 'pending')) return;
  try {
    await askPhotoChecks(ctx, CASE_PHOTOS, record, ctx.now);
  } catch (error) {
    console.error(`case ${record._id}: photo checks left to the scheduler`, error);
  }
}

export async function cancelAfterSale(input: OrderInput<'cancelAfterSale'>, ctx: CallContext): One {
  await ownCase(ctx, input.afterSaleId);
  const { rules } = await loadSettings(ctx.db);
  const moved = await moveCase(ctx.db, input.afterSaleId, 'cancel', 'buyer', ctx.now, rules, {
    event: { label: '买家撤销申请' },
  });
  return shown(ctx, moved, 'buyer');
}

export async function reopenAfterSale(input: OrderInput<'reopenAfterSale'>, ctx: CallContext): One {
  const record = await ownCase(ctx, input.afterSaleId);
  const photos = input.photos ?? [];
  if (!input.description && photos.length === 0) throw new AppError('input.invalid');
  // Only a case that can be reopened is worth checking words and photos for.
  if (record.status !== 'rejected') throw new AppError('afterSale.invalid_transition');
  if (record.reopened) throw new AppError('afterSale.reopen_used');
  const folder = MEMBER_UPLOAD_FOLDERS.afterSale;
  await requireOwnPhotos(ctx.cloud, { env: ctx.env, openid: ctx.openid, folder }, photos);
  await checkText(ctx.cloud, { openid: ctx.openid, scene: 'comment', content: input.description });
  const { rules } = await loadSettings(ctx.db);
  const moved = await moveCase(ctx.db, record._id, 'reopen', 'buyer', ctx.now, rules, {
    patch: {
      reopened: true,
      ...(input.description ? { description: input.description } : {}),
      ...(photos.length
        ? {
            photos: [...record.photos, ...photos],
            photoChecks: [...(record.photoChecks ?? []), ...pendingChecks(photos, ctx.now).photoChecks],
            photoCheckDue: ctx.now,
          }
        : {}),
    },
    event: {
      label: '买家再次申请',
      ...(input.description ? { text: input.description } : {}),
      ...(photos.length ? { photos } : {}),
    },
  });
  await checkCasePhotos(ctx, moved);
  return shown(ctx, moved, 'buyer');
}

export async function shipReturn(input: OrderInput<'shipReturn'>, ctx: CallContext): One {
  await ownCase(ctx, input.afterSaleId);
  const { rules } = await loadSettings(ctx.db);
  const moved = await moveCase(ctx.db, input.afterSaleId, 'shipReturn', 'buyer', ctx.now, rules, {
    patch: { returnShipping: { carrier: input.carrier, trackingNo: input.trackingNo, shippedAt: ctx.now } },
    event: { label: '买家已寄回', text: `${input.carrier} ${input.trackingNo}` },
  });
  return shown(ctx, moved, 'buyer');
}

export async function decideAfterSale(input: OrderInput<'decideAfterSale'>, ctx: OwnerContext): One {
  const record = await findCase(ctx.db, input.afterSaleId);
  if (!record) throw new AppError('afterSale.not_found');
  const { settings } = ctx;
  if (!input.approve) {
    if (!input.reason) throw new AppError('afterSale.reason_required');
    const reason = input.reason;
    const moved = await moveCase(ctx.db, record._id, 'reject', 'owner', ctx.now, settings.rules, {
      patch: { rejectReason: reason },
      event: { label: '商家拒绝', text: reason },
    });
    const order = await findOrder(ctx.db, record.orderId);
    if (order) await notifyBuyer(ctx.cloud, settings.templates, order, 'refund', ctx.now, `售后未通过：${reason}`);
    return shown(ctx, moved, 'owner');
  }
  const returnAddress = input.returnAddress ?? settings.returnAddress;
  if (record.type === 'return_refund' && !returnAddress) throw new AppError('afterSale.address_required');
  const moved = await moveCase(ctx.db, record._id, approvalOf(record.type), 'owner', ctx.now, settings.rules, {
    ...(record.type === 'return_refund'
      ? { patch: { returnAddress }, event: { label: '商家同意退货', text: '请按退货地址寄回商品并填写物流单号' } }
      : { event: { label: '商家同意退款', text: '退款已发起，将原路退回' } }),
  });
  await refundIfDue(ctx, moved, settings);
  return shown(ctx, moved, 'owner');
}

export async function receiveReturn(input: OrderInput<'receiveReturn'>, ctx: OwnerContext): One {
  const { settings } = ctx;
  const moved = await moveCase(ctx.db, input.afterSaleId, 'receiveReturn', 'owner', ctx.now, settings.rules, {
    patch: { receivedAt: ctx.now },
    event: { label: '商家确认收到退货', text: '退款已发起，将原路退回' },
  });
  await refundIfDue(ctx, moved, settings);
  return shown(ctx, moved, 'owner');
}
