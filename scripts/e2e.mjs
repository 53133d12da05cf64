// npm run test:e2e: the browser journeys (tests/e2e/*.test.ts) in headless Chromium on the h5 build served by the
// emulator. Builds what is stale, starts the emulator on a fresh demo shop in a temporary folder, launches Debian's
// Chromium once (playwright-core, no browser download), then runs jest with tests/e2e/jest.config.js, which connects
// to that browser. Extra arguments go to jest (e.g. `npm run test:e2e -- -t home`).
//
// The helpers below are shared with bench/run.mjs.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale } from './stale.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  // Nothing but loopback resolves: the journeys never reach the network, even by accident.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

const step = (msg) => console.log(`\x1b[36m▸\x1b[0m ${msg}`);

/** Runs `fn`, printing how long it took. */
export async function timed(label, fn) {
  const started = Date.now();
  step(`${label}…`);
  const result = await fn();
  console.log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Runs a command, streaming its output only on failure (Taro's progress bars would drown the log). */
export function run(cmd, args, { cwd = root, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, BROWSERSLIST_IGNORE_OLD_DATA: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (c) => (log += c));
    child.stderr.on('data', (c) => (log += c));
    child.once('error', reject);
    child.once('exit', (code) => {
      const where = relative(root, cwd) || '.';
      if (code === 0 && !/Failed to compile|ERROR in /.test(log)) resolve(log);
      else reject(new Error(`${cmd} ${args.join(' ')} (cwd ${where}) failed with exit ${code}:\n${log.slice(-8000)}`));
    });
  });
}

export { isStale };

/**
 * `taro build --type <type>` with cwd `appDir` (the repo by default), resolving packages from the repo's node_modules.
 */
export function taroBuild(type, appDir = root) {
  return run(process.execPath, [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', type], {
    cwd: appDir,
    env: { NODE_ENV: 'production' },
  });
}

const APP_INPUTS = [
  'src',
  'config',
  'babel.config.js',
  'package.json',
  'tsconfig.json',
  'cloudfunctions/contracts',
].map((p) => join(root, p));

/** Builds the h5 app unless dist/h5 is newer than its sources. */
export async function ensureH5({ force = false } = {}) {
  const marker = join(root, 'dist/h5/index.html');
  if (!force && !isStale(marker, APP_INPUTS)) {
    step('h5 build is up to date (dist/h5)');
    return false;
  }
  await timed('taro build --type h5', () => taroBuild('h5'));
  return true;
}

/** Builds the emulator and the cloud functions (esbuild: about a second). */
export async function buildServer() {
  const { buildEmulator } = await import(pathToFileURL(join(root, 'scripts/build-emulator.mjs')).href);
  await timed('build emulator', () => buildEmulator());
  const buildCloudScript = join(root, 'scripts/build-cloud.mjs');
  if (!existsSync(buildCloudScript))
    throw new Error('scripts/build-cloud.mjs is missing: the cloud functions cannot be built');
  const { buildCloud } = await import(pathToFileURL(buildCloudScript).href);
  await timed('build cloud functions', () => buildCloud());
}

/** Starts the emulator on a free port with a fresh data folder; resolves once it listens. */
export function startEmulator({ seed = 'demo', h5Dir = join(root, 'dist/h5'), quiet = true } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'youjian-e2e-'));
  const proc = spawn(
    process.execPath,
    [
      join(root, 'dist/emulator/cli.js'),
      '--port',
      '0',
      '--data',
      data,
      '--seed',
      seed,
      '--no-timers',
      '--warm',
      '2',
      '--functions',
      join(root, 'dist/cloudfunctions'),
      '--h5',
      h5Dir,
    ],
    // A caller's SDK settings (bench/run.mjs points wx-server-sdk at its own emulator) must not leak into this one.
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TCB_|TENCENTCLOUD_|SCF_|WX_)/.test(k))),
    },
  );
  let out = '';
  // If this process dies first (an uncaught error), take the emulator with it.
  const orphanGuard = () => proc.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.removeListener('exit', orphanGuard);
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGINT');
      await exited;
    }
    rmSync(data, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      if (!quiet) process.stdout.write(chunk);
      const m = /emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ origin: m[1], proc, stop, log: () => out });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => {
      rmSync(data, { recursive: true, force: true });
      reject(new Error(`emulator exited ${code} before listening:\n${out}`));
    });
  });
}

async function playwright() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: apt-get update && apt-get install -y chromium (browsers are never downloaded)`,
    );
  }
  return (await import('playwright-core')).chromium;
}

/** Debian's headless Chromium, in-process. */
export async function launchChromium() {
  return (await playwright()).launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Debian's headless Chromium as a server that jest's workers connect to (one browser for the whole run). */
export async function launchChromiumServer() {
  return (await playwright()).launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    host: '127.0.0.1',
  });
}

async function main() {
  const started = Date.now();
  await buildServer();
  await ensureH5({ force: process.env.E2E_REBUILD === '1' });
  const emulator = await timed('start emulator (demo seed)', () => startEmulator());
  console.log(`  ${emulator.origin}`);
  let browser;
  let code = 1;
  try {
    browser = await timed('launch chromium', () => launchChromiumServer());
    code = await new Promise((resolve, reject) => {
      const jest = spawn(
        process.execPath,
        [
          join(root, 'node_modules/jest/bin/jest.js'),
          '-c',
          join(root, 'tests/e2e/jest.config.js'),
          ...process.argv.slice(2),
        ],
        {
          cwd: root,
          stdio: 'inherit',
          env: { ...process.env, E2E_ORIGIN: emulator.origin, E2E_BROWSER_WS: browser.wsEndpoint() },
        },
      );
      jest.once('error', reject);
      jest.once('exit', (c) => resolve(c ?? 1));
    });
  } finally {
    await browser?.close();
    await emulator.stop();
  }
  if (code !== 0) {
    console.error(`emulator log (last lines):\n${emulator.log().split('\n').slice(-40).join('\n')}`);
  }
  console.log(`e2e: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  });
}
