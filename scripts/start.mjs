// npm start: builds what is stale (with visible progress), then runs the local shop on the emulator.
// The first run seeds the demo shop into .data/; later runs keep what is there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '10086';

const steps = [
  {
    label: 'local cloud (emulator)',
    inputs: [
      'emulator',
      'cloudfunctions/data/indexes.ts',
      'scripts/seed',
      'scripts/emulator-config.ts',
      'scripts/emulator-cli.ts',
      'scripts/build-emulator.mjs',
    ],
    output: 'dist/emulator/cli.js',
    command: ['node', 'scripts/build-emulator.mjs'],
  },
  {
    label: 'cloud functions',
    inputs: ['cloudfunctions', 'scripts/build-cloud.mjs'],
    output: 'dist/cloudfunctions/.built',
    command: ['node', 'scripts/build-cloud.mjs'],
    marker: true,
  },
  {
    label: 'h5 build (taro, about 30 s)',
    inputs: ['src', 'config', 'babel.config.js', 'cloudfunctions/contracts'],
    output: 'dist/h5/index.html',
    command: ['npx', 'taro', 'build', '--type', 'h5'],
  },
];

for (const [i, step] of steps.entries()) {
  const prefix = `[${i + 1}/${steps.length}] ${step.label}`;
  const out = join(root, step.output);
  if (
    !isStale(
      out,
      step.inputs.map((p) => join(root, p)),
    )
  ) {
    console.log(`${prefix}: up to date`);
    continue;
  }
  console.log(`${prefix}: building…`);
  const started = Date.now();
  const res = spawnSync(step.command[0], step.command.slice(1), { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) {
    console.error(`${prefix}: failed (exit ${res.status})`);
    process.exit(res.status ?? 1);
  }
  if (step.marker) writeFileSync(out, new Date().toISOString());
  console.log(`${prefix}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const firstRun = !existsSync(join(root, '.data', 'cloud.sqlite'));
const emulator = spawn(
  process.execPath,
  ['dist/emulator/cli.js', '--port', port, '--data', '.data', '--seed', 'demo', '--warm', '2'],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
emulator.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  const match = /emulator listening on (\S+)/.exec(text);
  if (match) {
    const dataNote = firstRun
      ? 'The demo shop was seeded into .data/ (delete the folder to start over).'
      : 'Data: .data/ (delete the folder to start over with the demo shop).';
    console.log(`
  友荐 Youjian is running: ${match[1]}/
  ${dataNote}
  Identities to try (switch with the "本地模拟" pill in the page): owner (the shop owner), alice, bob.
  Open a friend's card: sign in as bob, then open a product from alice's share sheet.
  Ctrl-C stops.
`);
  }
});
const stop = (signal) => emulator.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
emulator.on('exit', (code) => process.exit(code ?? 0));
