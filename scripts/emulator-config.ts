// The shop as the emulator sees it: its collections and indexes (cloudfunctions/data/indexes.ts) and its seeds.
// The emulator imports nothing of the shop; every emulator start gets this through dist/emulator/cli.js.
import type { EmulatorConfig } from '../emulator/config';
import { collections } from '../cloudfunctions/data/indexes';
import { seedDemo } from './seed/demo';

export const shopEmulatorConfig: EmulatorConfig = {
  collections,
  seeds: { demo: seedDemo },
};
