// The shop as the emulator sees it: its collections and indexes (cloudfunctions/data/indexes.ts), the folders members
// upload to, and its seeds.
// The emulator imports nothing of the shop; every emulator start gets this through dist/emulator/cli.js.
import type { EmulatorConfig } from '../emulator/config';
import { MEMBER_UPLOAD_FOLDERS } from '../cloudfunctions/contracts/limits';
import { collections } from '../cloudfunctions/data/indexes';
import { seedDemo } from './seed/demo';

export const shopEmulatorConfig: EmulatorConfig = {
  collections,
  // Members write only under their own openid there, as the storage rule holds them in production.
  storage: { userFolders: Object.values(MEMBER_UPLOAD_FOLDERS) },
  seeds: { demo: seedDemo },
};
