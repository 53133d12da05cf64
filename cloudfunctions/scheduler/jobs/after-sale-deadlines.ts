// Buyer protection on the clock: an after-sale request the owner has not answered in time is approved, an approved
// return the buyer has not shipped in time closes, and goods shipped back that the owner has not confirmed in time
// are received. Each is the case table's system step (it runs only once its deadline has passed), recorded in the
// case's history by `system`; a step into `refunding` asks WeChat Pay for the refund. Refunds WeChat Pay has not
// confirmed are asked again (the case's fixed refund number: never refunded twice).
import { timeoutOf } from '../../core/after-sale-flow';
import { listCasesPastDeadline, listUnconfirmedCaseRefunds, type AfterSaleRecord } from '../../data/after-sales';
import { findOrder } from '../../data/orders';
import { askCaseRefund, moveCase } from '../../flows/after-sale';
import { BATCH, drain, type JobContext } from '../job';

/** Ask WeChat Pay again when a refund has not been confirmed this long after it was asked. */
export const ASK_AGAIN_AFTER_MS = 10 * 60_000;
/** Asks per refund; after them the owner's desk shows it still refunding. */
export const MAX_REFUND_ASKS = 6;

const TEXTS = {
  autoApproveRefund: { label: '商家超时未处理，系统自动同意退款', text: '退款已发起，将原路退回' },
  autoApproveReturn: { label: '商家超时未处理，系统自动同意退货', text: '请按退货地址寄回商品并填写物流单号' },
  closeUnshipped: { label: '买家超时未寄回，售后关闭', text: undefined },
  autoReceive: { label: '商家超时未确认收货，系统自动确认收到退货', text: '退款已发起，将原路退回' },
} as const;

async function refund(ctx: JobContext, c: AfterSaleRecord, now: Date): Promise<boolean> {
  const order = await findOrder(ctx.db, c.orderId);
  return order !== null && (await askCaseRefund(ctx.cloud, ctx.db, c, order, now, ctx.settings));
}

export async function afterSaleDeadlines(ctx: JobContext) {
  const timedOut = await drain(
    ctx,
    'after-sale case past its deadline',
    (now) => listCasesPastDeadline(ctx.db, ['requested', 'awaiting_return', 'returning'], now, BATCH),
    async (c, now) => {
      const step = timeoutOf(c);
      if (!step || step === 'refundDone') return false;
      const texts = TEXTS[step as keyof typeof TEXTS];
      const returnAddress = step === 'autoApproveReturn' ? ctx.settings.returnAddress : null;
      const moved = await moveCase(ctx.db, c._id, step, 'system', now, ctx.rules, {
        patch: {
          ...(returnAddress ? { returnAddress } : {}),
          ...(step === 'autoReceive' ? { receivedAt: now } : {}),
        },
        // Approved with no return address in 店铺设置: the buyer is told to ask the shop for it.
        event: {
          label: texts.label,
          ...(step === 'autoApproveReturn' && !returnAddress
            ? { text: '店铺尚未设置退货地址，请联系客服获取后寄回' }
            : texts.text
              ? { text: texts.text }
              : {}),
        },
      });
      if (moved.status === 'refunding') await refund(ctx, moved, now);
      return true;
    },
    (c) => c._id,
  );
  const askedAgain = await drain(
    ctx,
    'unconfirmed refund of case',
    (now) => listUnconfirmedCaseRefunds(ctx.db, new Date(now.getTime() - ASK_AGAIN_AFTER_MS), MAX_REFUND_ASKS, BATCH),
    (c, now) => refund(ctx, c, now),
    (c) => c._id,
  );
  return { timedOut, askedAgain };
}
