// Bundles the emulator (server + function worker) into dist/emulator with esbuild; npm packages stay external.
// The CLI entry is the shop's (scripts/emulator-cli.ts): it hands the domain-blind emulator the shop's config.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildEmulator() {
  await build({
    entryPoints: {
      cli: join(root, 'scripts/emulator-cli.ts'),
      worker: join(root, 'emulator/runtime/worker.ts'),
    },
    outdir: join(root, 'dist/emulator'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildEmulator();
}
