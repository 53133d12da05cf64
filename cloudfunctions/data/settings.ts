// Shop settings: one document. Owners are listed by openid.
import { getOrNull, type Database } from './db';

export const SETTINGS_ID = 'shop';

export interface SettingsRecord {
  _id: typeof SETTINGS_ID;
  shopName: string;
  owners: string[];
}

export async function loadSettings(db: Database): Promise<SettingsRecord> {
  const found = await getOrNull(db.collection<SettingsRecord>('settings'), SETTINGS_ID);
  return found ?? { _id: SETTINGS_ID, shopName: '友荐小店', owners: [] };
}
