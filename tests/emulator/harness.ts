// Test harness: spawns the built emulator CLI on a random port and points the real wx-server-sdk at it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import dns from 'node:dns';
import { join } from 'node:path';
import { sdkEnvironment } from '../../emulator/runtime/runtime';

export const ROOT = join(__dirname, '..', '..');
export const TEST_ENV = 'youjian-local';

export interface RunningEmulator {
  origin: string;
  tcbUrl: string;
  proc: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Ctrl-C: resolves with the exit code. */
  stop(): Promise<number | null>;
  /** kill -9 */
  kill(): Promise<void>;
}

export function startEmulator(
  opts: { functionsDir?: string; data?: string; seed?: 'none' | 'demo'; args?: string[] } = {},
): Promise<RunningEmulator> {
  const args = [
    join(ROOT, 'dist/emulator/cli.js'),
    '--port',
    '0',
    '--data',
    opts.data ?? ':memory:',
    '--seed',
    opts.seed ?? 'none',
    '--functions',
    opts.functionsDir ?? join(ROOT, 'tests/fixtures/functions'),
    '--no-timers',
    ...(opts.args ?? []),
  ];
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, SILENCE: 'true' } });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        proc.stdout.off('data', onData);
        proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
        const origin = match[1];
        const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
        resolve({
          origin,
          tcbUrl: `${origin}/tcb`,
          proc,
          output: () => out,
          stop: () => {
            proc.kill('SIGINT');
            return exited;
          },
          kill: async () => {
            proc.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => reject(new Error(`emulator exited with ${code} before listening:\n${out}`)));
  });
}

// wx-server-sdk's typings overload every call with callback forms (results typed `string | void | …`);
// the tests check result shapes at run time, so they work with it untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cloud = any;

/**
 * The real wx-server-sdk, initialised against the emulator as a cloud function would see it.
 * The SDK reads its endpoint and identity from process.env, so a test file talks to one emulator at a time.
 */
export function sdkFor(emu: RunningEmulator, ctx: { openid?: string; appid?: string } = {}): Cloud {
  guardLoopback();
  Object.assign(process.env, sdkEnvironment(emu.tcbUrl, TEST_ENV), {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: ctx.openid ?? '',
    WX_APPID: ctx.appid ?? '',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud: Cloud = require('wx-server-sdk');
  cloud.init({ env: TEST_ENV });
  return cloud;
}

export async function post(emu: RunningEmulator, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${emu.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export async function get(emu: RunningEmulator, path: string) {
  const res = await fetch(`${emu.origin}${path}`);
  return { status: res.status, json: await res.json() };
}

export async function devSession(emu: RunningEmulator, as: string): Promise<string> {
  const res = await post(emu, '/__dev/session', { as });
  if (res.status !== 200) throw new Error(`session failed: ${res.text}`);
  return res.json.token as string;
}

/** Nothing may leave 127.0.0.1: resolving any other host name (say, the SDK reaching for Tencent Cloud) fails. */
export function guardLoopback(): void {
  const realLookup = dns.lookup as (...args: unknown[]) => unknown;
  jest.spyOn(dns, 'lookup').mockImplementation(((host: string, ...rest: unknown[]) => {
    if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`test tried to resolve ${host}`);
    return realLookup(host, ...rest);
  }) as never);
}
