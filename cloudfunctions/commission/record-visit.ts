// A product page opened through a member's share: the visit is counted for the sharer (by product and channel,
// with first-time visitors), and a signed-in visitor with no active binding is bound to the sharer. Visits
// never create money or points; one's own link does nothing; an anonymous view (Moments) binds nobody, nor does a
// visit through a sharer the visitor muted (still counted as a visit). The binding a new one replaces goes into
// the history first. A chat visit from a group chat (its open data resolved by CloudBase) is counted as 群聊,
// keeping only the shop's hash of the group.
import { randomBytes } from 'node:crypto';
import { AppError } from '../contracts/errors';
import type { CommissionInput, VisitResult } from '../contracts/commission';
import { decideVisit } from '../core/commission';
import { groupHash, groupIdOf } from '../core/group-visit';
import { findBinding, takeBinding } from '../data/bindings';
import type { CallContext } from '../platform/handler';
import { findProduct } from '../data/products';
import { groupSecretOf, loadSettings } from '../data/settings';
import { countVisit, firstVisit } from '../data/sharer-stats';
import { bumpDay } from '../data/stats';
import { chinaDay } from '../core/order-id';
import { findUserByShareCode } from '../data/users';
import { isMuted } from '../data/sharer-marks';
import { bindingTaken, recordBindingEnd } from './binding-ends';
import { viewBinding } from './views';

export async function recordVisit(input: CommissionInput<'recordVisit'>, ctx: CallContext): Promise<VisitResult> {
  const [sharer, product, current] = await Promise.all([
    findUserByShareCode(ctx.db, input.s),
    findProduct(ctx.db, input.productId),
    findBinding(ctx.db, ctx.openid),
  ]);
  if (!sharer) throw new AppError('share.sharer_not_found');
  if (!product) throw new AppError('product.not_found');
  const decided = decideVisit(ctx.openid, sharer.openid, current, ctx.now);
  // Only a visit that would bind asks about a mute: repeat visits and anonymous views send one request less.
  const decision = decided === 'bind' && (await isMuted(ctx.db, ctx.openid, input.s)) ? 'keep' : decided;
  if (decision === 'own_link') return { bound: false, binding: viewBinding(current, ctx.now) };

  const groupId = decision === 'anonymous' ? null : groupIdOf(input.c, input.group);
  const group = groupId ? groupHash(await groupSecretOf(ctx.db, randomBytes(32).toString('hex')), groupId) : null;
  const [newRowVisitor, newVisitor, newGroup, taken] = await Promise.all([
    decision === 'anonymous'
      ? false
      : firstVisit(ctx.db, [sharer.openid, input.productId, input.c, ctx.openid].join('|'), ctx.now),
    decision === 'anonymous' ? false : firstVisit(ctx.db, [sharer.openid, ctx.openid].join('|'), ctx.now),
    group ? firstVisit(ctx.db, ['g', sharer.openid, input.productId, group].join('|'), ctx.now, { group }) : false,
    decision === 'bind'
      ? Promise.all([loadSettings(ctx.db), current && recordBindingEnd(ctx.db, current, ctx.now)]).then(([settings]) =>
          takeBinding(
            ctx.db,
            ctx.openid,
            current,
            {
              sharerId: sharer.openid,
              sharerCode: sharer.shareCode,
              sharerNickname: sharer.nickname,
              channel: input.c,
              productId: input.productId,
            },
            ctx.now,
            settings.rules.bindingDays,
          ),
        )
      : Promise.resolve({ bound: false, binding: current }),
  ]);
  // A mute that raced this visit ends the binding it just took (bindingTaken answers false).
  const kept = taken.bound && taken.binding ? await bindingTaken(ctx, taken.binding, sharer.shareCode) : true;
  await countVisit(
    ctx.db,
    sharer.openid,
    input.productId,
    input.c,
    newRowVisitor,
    newVisitor,
    group ? { newGroup } : null,
  );
  const day = chinaDay(ctx.now);
  const bumps = [{ day, path: `channels.${input.c}.visits`, by: 1 }];
  if (group) bumps.push({ day, path: `channels.${input.c}.groupVisits`, by: 1 });
  await bumpDay(ctx.db, bumps, day);
  return kept ? { bound: taken.bound, binding: viewBinding(taken.binding, ctx.now) } : { bound: false, binding: null };
}
