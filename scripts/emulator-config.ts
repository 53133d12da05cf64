// The shop as the emulator sees it: its collections and indexes (cloudfunctions/data/indexes.ts), the folders members
// upload to, and its seeds.
// The emulator imports nothing of the shop; every emulator start gets this through dist/emulator/cli.js.
import type { EmulatorConfig } from '../emulator/config';
import { UPLOAD_FOLDERS } from '../cloudfunctions/contracts/limits';
import { collections } from '../cloudfunctions/data/indexes';
import { seedDemo } from './seed/demo';

export const shopEmulatorConfig: EmulatorConfig = {
  collections,
  // Members write only under their own openid there, as the storage rule holds them in production.
  storage: { userFolders: UPLOAD_FOLDERS },
  // Production sets the same in CloudBase (云开发 › 设置 › 其他设置 › 消息推送): content security's photo verdicts
  // go to the `security` function.
  messagePush: [{ msgType: 'event', event: 'wxa_media_check', functionName: 'security' }],
  seeds: { demo: seedDemo },
};
