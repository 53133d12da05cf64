// Seed data written on the first start of an empty data folder (`--seed <name>`).
import type { Emulator } from './server';

type Seed = (emulator: Emulator) => Promise<void>;

export const seeds: Record<string, Seed> = {
  none: async () => {},
  demo: async () => {
    // The demo shop (owner, alice, bob and products) is defined with the shop's data model by the shop spine.
    throw new Error('the demo seed is not available yet: start with --seed none');
  },
};
