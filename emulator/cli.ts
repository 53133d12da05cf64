// npm run emulator -- --port 10086 --data .data --seed demo|none [--functions dist/cloudfunctions] [--h5 dist/h5]
//   [--no-timers] [--warm N: start N instances of each function ahead of the first calls]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from './server';
import { seeds } from './seeds';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '10086' },
      data: { type: 'string', default: '.data' },
      seed: { type: 'string', default: 'none' },
      functions: { type: 'string', default: 'dist/cloudfunctions' },
      h5: { type: 'string', default: 'dist/h5' },
      'no-timers': { type: 'boolean', default: false },
      warm: { type: 'string', default: '0' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const seed = seeds[values.seed as keyof typeof seeds];
  if (!seed) throw new Error(`--seed must be one of ${Object.keys(seeds).join(', ')}`);

  const emulator = await startEmulator({
    port,
    data: values.data === ':memory:' ? ':memory:' : resolve(values.data),
    functionsDir: values.functions,
    h5Dir: values.h5,
    timers: !values['no-timers'],
    log: (line) => console.log(`[emulator] ${line}`),
  });
  if (values.seed !== 'none' && emulator.store.meta('seeded') === undefined) {
    await seed(emulator);
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

main().catch((error: Error) => {
  console.error(`emulator: ${error.message}`);
  process.exit(1);
});
