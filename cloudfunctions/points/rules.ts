// The owner's points rules. A change applies to orders placed, and members joining, after it: each order keeps
// the earning rules it was placed with, and a redemption is checked when its order is placed.
import type { PointsInput, PointsRules } from '../contracts/points';
import { pointsRulesOf } from '../core/points';
import type { OwnerContext } from '../platform/handler';
import { saveRules } from '../data/settings';

export async function rules(_input: object, ctx: OwnerContext): Promise<PointsRules> {
  return pointsRulesOf(ctx.settings.rules);
}

export async function setRules(input: PointsInput<'setRules'>, ctx: OwnerContext): Promise<PointsRules> {
  const changed = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<PointsRules>;
  if (Object.keys(changed).length > 0) await saveRules(ctx.db, changed);
  return pointsRulesOf({ ...ctx.settings.rules, ...changed });
}
