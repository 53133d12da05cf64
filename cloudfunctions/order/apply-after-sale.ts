// The buyer opens an after-sale case (售后) on their order: refund only, or return then refund (only once the goods
// shipped), for some units of some lines, asking at most what those units paid (core/after-sale.ts `refundBound`):
// a paid order not yet shipped is refunded whole for the units asked (shipping too when it is everything). A
// completed order only inside the after-sale window; one open case per order at a time. Evidence photos are the
// buyer's own uploads; the words pass content security before anything is stored.
import { AppError } from '../contracts/errors';
import { MEMBER_UPLOAD_FOLDERS } from '../contracts/limits';
import type { OrderInput, OrderResults } from '../contracts/order';
import { refundBound, type RefundableOrder, type RefundBound } from '../core/after-sale';
import { afterSaleRefusal } from '../core/order-flow';
import type { ShopRules } from '../core/rules';
import { requireOwnPhotos } from '../data/files';
import type { OrderRecord } from '../data/orders';
import { loadSettings } from '../data/settings';
import { openCase } from '../flows/after-sale';
import { checkText } from '../platform/content-security';
import type { CallContext } from '../platform/handler';
import { checkCasePhotos } from './after-sale-steps';
import { viewCases } from './after-sale-view';
import { ownOrder } from './own-order';
import { orderFactsOf } from './view';

export function refundableOf(order: OrderRecord): RefundableOrder {
  return {
    items: order.items,
    amounts: order.amounts,
    paidFen: order.paidFen ?? order.amounts.payableFen,
    refundedFen: order.refundedFen ?? 0,
    refundedQty: order.refundedQty ?? {},
    shipped: order.status !== 'paid',
  };
}

type Asked = Pick<OrderInput<'applyAfterSale'>, 'lines'> & Partial<OrderInput<'applyAfterSale'>>;

/** Throws the coded reason the case cannot be opened on `order` as it is now; else the most it may refund. */
function checkApplicable(order: OrderRecord, input: Asked, now: Date, rules: ShopRules): RefundBound {
  const refused = afterSaleRefusal(orderFactsOf(order), now, rules);
  if (refused) throw refused;
  if (input.type === 'return_refund' && order.status === 'paid') throw new AppError('afterSale.return_not_shipped');
  const bound = refundBound(refundableOf(order), input.lines);
  if (!bound) throw new AppError('afterSale.lines_invalid');
  if (input.refundFen === undefined) return bound;
  if (input.refundFen > bound.maxFen) throw new AppError('afterSale.amount_invalid');
  // Goods that never left are refunded whole: their stock comes back with them.
  if (order.status === 'paid' && input.refundFen !== bound.maxFen) throw new AppError('afterSale.amount_invalid');
  return bound;
}

export async function quoteAfterSale(
  input: OrderInput<'quoteAfterSale'>,
  ctx: CallContext,
): Promise<OrderResults['quoteAfterSale']> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  const bound = checkApplicable(order, input, ctx.now, settings.rules);
  return { ...bound, returnAllowed: order.status !== 'paid' };
}

export async function applyAfterSale(
  input: OrderInput<'applyAfterSale'>,
  ctx: CallContext,
): Promise<OrderResults['applyAfterSale']> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  const photos = input.photos ?? [];
  const description = input.description ?? '';
  checkApplicable(order, input, ctx.now, settings.rules);
  const folder = MEMBER_UPLOAD_FOLDERS.afterSale;
  await requireOwnPhotos(ctx.cloud, { env: ctx.env, openid: ctx.openid, folder }, photos);
  // The owner reads these words: they pass content security like any member's (nothing is stored otherwise).
  await checkText(ctx.cloud, {
    openid: ctx.openid,
    scene: 'comment',
    content: `${input.reason}\n${description}`.trim(),
  });
  const lines = input.lines.map((want) => {
    const line = order.items.find((l) => l.skuId === want.skuId) as OrderRecord['items'][number];
    return {
      productId: line.productId,
      skuId: line.skuId,
      title: line.title,
      spec: line.spec,
      cover: line.cover,
      priceFen: line.priceFen,
      qty: want.qty,
    };
  });
  const record = await openCase(
    ctx.db,
    {
      orderId: order._id,
      type: input.type,
      lines,
      refundFen: input.refundFen,
      reason: input.reason,
      description,
      photos,
    },
    ctx.openid,
    ctx.now,
    settings.rules,
    // Read again inside the transaction: a shipment or another case since then decides anew.
    (fresh) => void checkApplicable(fresh, input, ctx.now, settings.rules),
    {
      label: input.type === 'refund_only' ? '申请仅退款' : '申请退货退款',
      text: [input.reason, description].filter(Boolean).join('：'),
      ...(photos.length ? { photos } : {}),
    },
  );
  await checkCasePhotos(ctx, record);
  return { afterSale: (await viewCases(ctx.cloud, [record], 'buyer', ctx.now))[0] };
}
