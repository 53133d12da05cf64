// The emulator's command line; the application's entry point (scripts/emulator-cli.ts) calls it with its config:
//   --port 10086 --data .data --seed <name>|none [--functions dist/cloudfunctions] [--h5 dist/h5]
//   [--no-timers] [--warm N: start N instances of each function ahead of the first calls]
//   [--instances N: instances of one function running at once, 16 by default; further calls wait for one]
//   [--transaction-lifetime MS: how long a transaction lives, CloudBase's 30000 by default (tests shorten it)]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, type Emulator } from './server';
import { DEFAULT_MAX_INSTANCES } from './runtime/runtime';
import type { EmulatorConfig, Seed, SeedTarget } from './config';

export function runEmulatorCli(config: EmulatorConfig, args: string[] = process.argv.slice(2)): void {
  main(config, args).catch((error: Error) => {
    console.error(`emulator: ${error.message}`);
    process.exit(1);
  });
}

async function main(config: EmulatorConfig, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '10086' },
      data: { type: 'string', default: '.data' },
      seed: { type: 'string', default: 'none' },
      functions: { type: 'string', default: 'dist/cloudfunctions' },
      h5: { type: 'string', default: 'dist/h5' },
      'no-timers': { type: 'boolean', default: false },
      warm: { type: 'string', default: '0' },
      instances: { type: 'string', default: String(DEFAULT_MAX_INSTANCES) },
      'transaction-lifetime': { type: 'string', default: '30000' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  const lifetime = Number(values['transaction-lifetime']);
  if (!Number.isInteger(lifetime) || lifetime < 100 || lifetime > 600_000) {
    throw new Error(`--transaction-lifetime must be 100..600000 ms, got ${values['transaction-lifetime']}`);
  }
  const instances = Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 64) {
    throw new Error(`--instances must be 1..64, got ${values.instances}`);
  }
  const seeds: Record<string, Seed> = { none: async () => {}, ...config.seeds };
  const seed = Object.hasOwn(seeds, values.seed) ? seeds[values.seed] : undefined;
  if (!seed) throw new Error(`--seed must be one of ${Object.keys(seeds).join(', ')}`);

  const emulator = await startEmulator({
    port,
    data: values.data === ':memory:' ? ':memory:' : resolve(values.data),
    functionsDir: values.functions,
    h5Dir: values.h5,
    collections: config.collections,
    ...(config.storage ? { storage: config.storage } : {}),
    messagePush: config.messagePush,
    timers: !values['no-timers'],
    transactionLifetimeMs: lifetime,
    maxInstances: instances,
    log: (line) => console.log(`[emulator] ${line}`),
  });
  // Only an empty data folder is seeded: later starts keep what is there.
  if (values.seed !== 'none' && emulator.store.meta('seeded') === undefined) {
    await seed(seedTarget(emulator));
    emulator.store.setMeta('seeded', values.seed);
  }
  const warm = Number(values.warm);
  if (!Number.isInteger(warm) || warm < 0 || warm > 8) throw new Error(`--warm must be 0..8, got ${values.warm}`);
  if (warm > 0) emulator.runtime.prewarm(warm);
  console.log(`emulator listening on ${emulator.origin}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`emulator: ${signal}, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** Seeds write straight into the store and storage, as an import in the CloudBase console would. */
function seedTarget(emulator: Emulator): SeedTarget {
  const { store } = emulator;
  return {
    writeDocs: (collection, docs) =>
      store.atomic(() => {
        for (const doc of docs) store.write(collection, doc._id, doc, store.version(collection, doc._id) !== 0);
      }),
    putFile: (cloudPath, bytes) => emulator.putFile(cloudPath, bytes),
    now: () => emulator.now(),
  };
}
