// Refunds a crash may have cut short: an approved refund WeChat Pay has not confirmed after a while is asked for
// once more (the same refund number: WeChat never refunds it twice), and a late payment whose points were gone
// gets the automatic refund it is owed.
import { listPointsShort, listUnconfirmedRefunds, updateOrder } from '../../data/orders';
import { refundAutomatically, sendRefund } from '../../flows/start-refund';
import { BATCH, drain, type JobContext } from '../job';

const ASK_AGAIN_AFTER_MS = 10 * 60_000;

export async function finishRefunds(ctx: JobContext) {
  const askedAgain = await drain(
    ctx,
    'unconfirmed refund of order',
    (now) => listUnconfirmedRefunds(ctx.db, new Date(now.getTime() - ASK_AGAIN_AFTER_MS), BATCH),
    async (order, now) => {
      const claimed = await updateOrder(
        ctx.db,
        { _id: order._id, status: 'refunding', 'refund.askedAgainAt': ctx.db.command.exists(false) },
        { 'refund.askedAgainAt': now },
      );
      return claimed && (await sendRefund(ctx.cloud, order, order.refund?.refundFen ?? 0, ctx.settings));
    },
    (order) => order._id,
  );
  const refunded = await drain(
    ctx,
    'late payment without its points, order',
    () => listPointsShort(ctx.db, BATCH),
    (order, now) => refundAutomatically(ctx.cloud, ctx.db, order, now, ctx.settings),
    (order) => order._id,
  );
  return { askedAgain, refunded };
}
