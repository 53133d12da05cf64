// npm run deploy -- --env <envId> [--dry-run] [--json]: bundles the deploy (scripts/deploy/, TypeScript) with esbuild
// like the emulator's CLI, then runs it with the build step of npm start (dist/cloudfunctions rebuilt when stale)
// and a real @cloudbase/manager-node for the env. Build progress goes to stderr, so that `--dry-run --json` keeps
// stdout for the plan alone (with `npm run -s`, which leaves out npm's own banner).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isStale } from './stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

async function buildIfStale() {
  const marker = join(root, 'dist/cloudfunctions/.built');
  const inputs = ['cloudfunctions', 'scripts/build-cloud.mjs'].map((p) => join(root, p));
  if (!isStale(marker, inputs)) {
    console.error('cloud functions: up to date');
    return;
  }
  console.error('cloud functions: building…');
  const res = spawnSync(process.execPath, ['scripts/build-cloud.mjs'], {
    cwd: root,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (res.status !== 0) throw new Error(`the build failed (exit ${res.status})`);
  writeFileSync(marker, new Date().toISOString());
}

await build({
  entryPoints: [join(root, 'scripts/deploy/cli.ts')],
  outfile: join(root, 'dist/deploy/cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const { main, realManager } = require(join(root, 'dist/deploy/cli.js'));
process.exitCode = await main(process.argv.slice(2), {
  root,
  buildIfStale,
  managerFor: realManager,
  environment: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
