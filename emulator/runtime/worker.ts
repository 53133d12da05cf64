// One cloud function instance: a worker thread that serves invocations one after another, like a warm
// CloudBase instance. Each invocation brings its own environment (WX_OPENID, TCB_SOURCE, …), which
// wx-server-sdk's getWXContext() reads from process.env at every call, so a warm worker never mixes
// callers: the main thread sends it one invocation at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { threadTime } from './thread-cpu';

export interface InvokeMessage {
  id: number;
  /** The event as JSON text (see EventText in runtime.ts), parsed here. */
  event: string;
  /** Fields the platform sets on the parsed event. */
  set: Record<string, unknown>;
  context: Record<string, unknown>;
  env: Record<string, string>;
  clockOffsetMs: number;
}

type Outcome = { ok: true; json: string | undefined } | { ok: false; message: string; stack?: string };

/** `cpuNs`/`waitNs`: this instance's thread on a CPU / waiting for one during the invocation (null: unknown). */
export type ResultMessage = Outcome & { id: number; cpuNs: number | null; waitNs: number | null };

/** Sent once the function's code is loaded (the cold start, which CloudBase does not count in the timeout). */
export type ReadyMessage = { ready: true } | { ready: false; message: string };

// The emulator's clock can be moved (/__dev/clock); functions see it through Date, as they would see real time.
const RealDate = Date;
let clockOffsetMs = 0;
class EmulatedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs);
    else super(...(args as [string]));
  }
  static now(): number {
    return RealDate.now() + clockOffsetMs;
  }
}
globalThis.Date = EmulatedDate as DateConstructor;

const { file, env } = workerData as { file: string; env: Record<string, string> };
// A plain object, as fast to read as a process's own environment: a worker's process.env is a C++-backed copy
// whose every read costs about a microsecond, and wx-server-sdk reads some twenty variables several times per
// request (getCloudbaseContext), which made an instance's requests dearer than a CloudBase instance's.
process.env = { ...process.env };
let ownKeys: string[] = [];
let handler: ((event: unknown, context: unknown) => unknown) | undefined;
try {
  // Module-scope code (cloud.init, reading env) runs with the function's environment, as at a CloudBase cold start.
  Object.assign(process.env, env);
  handler = loadMain(file);
  parentPort!.postMessage({ ready: true } satisfies ReadyMessage);
} catch (error) {
  parentPort!.postMessage({ ready: false, message: (error as Error).message } satisfies ReadyMessage);
}

parentPort!.on('message', async (message: InvokeMessage) => {
  const started = threadTime();
  for (const key of ownKeys) delete process.env[key];
  Object.assign(process.env, message.env);
  ownKeys = Object.keys(message.env);
  clockOffsetMs = message.clockOffsetMs;
  let outcome: Outcome;
  try {
    if (!handler) throw new Error(`${file} could not be loaded`);
    const event: unknown = JSON.parse(message.event);
    if (typeof event === 'object' && event !== null && !Array.isArray(event)) Object.assign(event, message.set);
    const result = await handler(event, message.context);
    outcome = { ok: true, json: result === undefined ? undefined : JSON.stringify(result) };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(typeof error === 'string' ? error : JSON.stringify(error));
    outcome = { ok: false, message: err.message, stack: err.stack };
  }
  const ended = threadTime();
  parentPort!.postMessage({
    id: message.id,
    ...outcome,
    cpuNs: started && ended ? ended.cpuNs - started.cpuNs : null,
    waitNs: started && ended ? ended.waitNs - started.waitNs : null,
  } satisfies ResultMessage);
});

function loadMain(path: string): (event: unknown, context: unknown) => unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path) as { main?: unknown };
  if (typeof mod.main !== 'function') throw new Error(`${path} does not export main(event, context)`);
  return mod.main as (event: unknown, context: unknown) => unknown;
}
