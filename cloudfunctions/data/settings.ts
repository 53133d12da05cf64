// Shop settings: one document. Owners are listed by openid; the rule numbers fall back to core/rules defaults.
import type { Address } from '../contracts/order';
import { rulesOf, type ShopRules } from '../core/rules';
import { getOrNull, isDuplicateKey, txGet, type Database, transact } from './db';

export const SETTINGS_ID = 'shop';

export interface SettingsRecord extends Partial<ShopRules> {
  _id: typeof SETTINGS_ID;
  shopName: string;
  owners: string[];
  /** The logo's fileID. */
  logo?: string;
  /** The shop's WeChat Pay sub-merchant id (云开发微信支付 binds it to the environment). */
  subMchId?: string;
  /** Subscribe message template ids chosen in the mini program admin (订阅消息); '' sends nothing. */
  templates?: { shipped?: string; refund?: string };
  /** Customer service contacts shown in the h5 build. */
  service?: { phone?: string; wechatId?: string };
  /** The default address of approved returns. */
  returnAddress?: Address;
  /** false: the shop is outside WeChat's 发货信息管理服务 and uploads no shipping info. Default on. */
  shippingInfoUpload?: boolean;
  /** The shop's secret for hashing group chat ids (core/group-visit.ts); made on the first group visit, never shown. */
  groupSecret?: string;
}

export interface Settings {
  shopName: string;
  /** The logo's fileID, '' without one. */
  logo: string;
  owners: string[];
  rules: ShopRules;
  subMchId: string;
  templates: { shipped: string; refund: string };
  service: { phone: string; wechatId: string };
  returnAddress: Address | null;
  shippingInfoUpload: boolean;
}

export async function loadSettings(db: Database): Promise<Settings> {
  const found = await getOrNull(db.collection<SettingsRecord>('settings'), SETTINGS_ID);
  return {
    shopName: found?.shopName ?? '友荐小店',
    logo: found?.logo ?? '',
    owners: found?.owners ?? [],
    rules: rulesOf(found ?? undefined),
    subMchId: found?.subMchId ?? '',
    templates: { shipped: found?.templates?.shipped ?? '', refund: found?.templates?.refund ?? '' },
    service: { phone: found?.service?.phone ?? '', wechatId: found?.service?.wechatId ?? '' },
    returnAddress: found?.returnAddress ?? null,
    shippingInfoUpload: found?.shippingInfoUpload !== false,
  };
}

/**
 * The shop's group-hash secret; the first caller's `fresh` one is kept when there is none yet (a conditional write:
 * of two first group visits at once, both then read the one that won).
 */
export async function groupSecretOf(db: Database, fresh: string): Promise<string> {
  const settings = db.collection<SettingsRecord>('settings');
  const found = await getOrNull(settings, SETTINGS_ID);
  if (found?.groupSecret) return found.groupSecret;
  if (!found) {
    try {
      await settings.add({ data: { _id: SETTINGS_ID, shopName: '友荐小店', owners: [], groupSecret: fresh } });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  await settings
    .where({ _id: SETTINGS_ID, groupSecret: db.command.exists(false) })
    .update({ data: { groupSecret: fresh } });
  const kept = (await getOrNull(settings, SETTINGS_ID))?.groupSecret;
  if (!kept) throw new Error('settings: the group secret was not kept');
  return kept;
}

/** Stores rule values (already validated by the caller's schema) in the settings document. */
export async function saveRules(db: Database, rules: Partial<ShopRules>): Promise<void> {
  const settings = db.collection<SettingsRecord>('settings');
  const { stats } = await settings.doc(SETTINGS_ID).update({ data: rules });
  if (stats.updated === 0 && !(await getOrNull(settings, SETTINGS_ID))) {
    await settings.doc(SETTINGS_ID).set({ data: { shopName: '友荐小店', owners: [], ...rules } });
  }
}

export type SettingsChange = {
  shopName?: string;
  logo?: string;
  rules?: Partial<ShopRules>;
  addOwner?: string;
  removeOwner?: string;
  service?: { phone?: string; wechatId?: string };
  returnAddress?: Address;
  shippingInfoUpload?: boolean;
};

/**
 * Applies the owner's changes in one transaction on the settings document: two owners editing at once never lose
 * each other's change, and the owner list is never left empty. `addOwner` / `removeOwner` are openids.
 */
export async function updateSettingsRecord(
  db: Database,
  change: SettingsChange,
): Promise<{ refused: 'settings.last_owner' } | { owners: string[] }> {
  return transact(db, async (t) => {
    const found = await txGet<SettingsRecord>(t, 'settings', SETTINGS_ID);
    let owners = [...(found?.owners ?? [])];
    if (change.addOwner && !owners.includes(change.addOwner)) owners.push(change.addOwner);
    if (change.removeOwner) owners = owners.filter((o) => o !== change.removeOwner);
    if (owners.length === 0) return { refused: 'settings.last_owner' as const };
    const data = {
      ...(change.rules ?? {}),
      ...(change.shopName ? { shopName: change.shopName } : {}),
      ...(change.logo ? { logo: change.logo } : {}),
      ...(change.service ? { service: { ...found?.service, ...change.service } } : {}),
      ...(change.returnAddress ? { returnAddress: change.returnAddress } : {}),
      ...(change.shippingInfoUpload !== undefined ? { shippingInfoUpload: change.shippingInfoUpload } : {}),
      owners,
    };
    if (found) await t.collection('settings').doc(SETTINGS_ID).update({ data });
    else
      await t
        .collection('settings')
        .doc(SETTINGS_ID)
        .set({ data: { shopName: '友荐小店', ...data } });
    return { owners };
  });
}
