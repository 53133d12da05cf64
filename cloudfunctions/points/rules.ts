// The owner's points rules. A change applies to orders placed, and members joining, after it: each order keeps
// the earning rules it was placed with, and a redemption is checked when its order is placed.
import type { PointsInput, PointsRules } from '../contracts/points';
import { pointsRulesOf } from '../core/points';
import type { CallContext } from '../data/handler';
import { requireOwner, saveRules } from '../data/settings';

export async function rules(_input: object, ctx: CallContext): Promise<PointsRules> {
  const settings = await requireOwner(ctx.db, ctx.openid);
  return pointsRulesOf(settings.rules);
}

export async function setRules(input: PointsInput<'setRules'>, ctx: CallContext): Promise<PointsRules> {
  const settings = await requireOwner(ctx.db, ctx.openid);
  const changed = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<PointsRules>;
  if (Object.keys(changed).length > 0) await saveRules(ctx.db, changed);
  return pointsRulesOf({ ...settings.rules, ...changed });
}
