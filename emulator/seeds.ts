// Seed data written on the first start of an empty data folder (`--seed <name>`).
import type { Emulator } from './server';
import { seedDemo } from '../scripts/seed/demo';

type Seed = (emulator: Emulator) => Promise<void>;

export const seeds: Record<string, Seed> = {
  none: async () => {},
  demo: (emulator) =>
    seedDemo({
      writeDocs: (collection, docs) =>
        emulator.store.atomic(() => {
          for (const doc of docs) emulator.store.write(collection, doc._id, doc, emulator.store.version(collection, doc._id) !== 0);
        }),
      putFile: (cloudPath, bytes) => emulator.putFile(cloudPath, bytes),
      now: () => emulator.now(),
    }),
};
