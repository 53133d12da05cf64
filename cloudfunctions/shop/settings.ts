// The shop's settings, for its owners: the name, every rule number (validated against its bounds by the schema)
// the logo (a file that exists in our storage), the owner list, where an owner is added or removed by member code
// and the last one cannot be removed, the customer service contacts, the default return address and whether shipping
// info goes to WeChat (发货信息管理服务).
import { AppError } from '../contracts/errors';
import type { ShopInput, ShopSettings } from '../contracts/shop';
import { displayUrls } from '../data/files';
import type { CallContext, OwnerContext } from '../platform/handler';
import { loadSettings, updateSettingsRecord, type Settings } from '../data/settings';
import { findUserByShareCode, findUsersByOpenids } from '../data/users';

export async function settings(_input: object, ctx: OwnerContext): Promise<ShopSettings> {
  return view(ctx, ctx.settings);
}

export async function updateSettings(input: ShopInput<'updateSettings'>, ctx: OwnerContext): Promise<ShopSettings> {
  const [added, removed, logoUrls] = await Promise.all([
    memberOf(ctx, input.addOwner),
    memberOf(ctx, input.removeOwner),
    input.logo ? displayUrls(ctx.cloud, [input.logo]) : Promise.resolve(null),
  ]);
  if (input.logo && !logoUrls?.has(input.logo)) throw new AppError('upload.failed');
  const rules = Object.fromEntries(Object.entries(input.rules ?? {}).filter(([, value]) => value !== undefined));
  const outcome = await updateSettingsRecord(ctx.db, {
    ...(input.shopName ? { shopName: input.shopName } : {}),
    ...(input.logo ? { logo: input.logo } : {}),
    ...(Object.keys(rules).length ? { rules } : {}),
    ...(added ? { addOwner: added } : {}),
    ...(removed ? { removeOwner: removed } : {}),
    ...(input.service ? { service: input.service } : {}),
    ...(input.returnAddress ? { returnAddress: input.returnAddress } : {}),
    ...(input.shippingInfoUpload !== undefined ? { shippingInfoUpload: input.shippingInfoUpload } : {}),
  });
  if ('refused' in outcome) throw new AppError(outcome.refused);
  // The settings as this change left them, not as the guard read them.
  return view(ctx, await loadSettings(ctx.db));
}

/** The openid behind a member code, or a coded refusal when no member has it. */
async function memberOf(ctx: CallContext, shareCode: string | undefined): Promise<string | undefined> {
  if (!shareCode) return undefined;
  const user = await findUserByShareCode(ctx.db, shareCode);
  if (!user) throw new AppError('settings.member_not_found');
  return user.openid;
}

async function view(ctx: CallContext, s: Settings): Promise<ShopSettings> {
  const [users, urls] = await Promise.all([
    findUsersByOpenids(ctx.db, s.owners),
    displayUrls(ctx.cloud, s.logo ? [s.logo] : []),
  ]);
  const logoUrl = urls.get(s.logo);
  return {
    shopName: s.shopName,
    ...(logoUrl ? { logo: { fileId: s.logo, url: logoUrl } } : {}),
    rules: s.rules,
    owners: s.owners.map((openid) => {
      const u = users.get(openid);
      return { nickname: u?.nickname ?? '（尚未登录）', shareCode: u?.shareCode ?? '', isMe: openid === ctx.openid };
    }),
    service: { ...s.service },
    returnAddress: s.returnAddress,
    shippingInfoUpload: s.shippingInfoUpload,
  };
}
