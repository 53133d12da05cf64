// The function runtime: runs the built bundles `<functionsDir>/<fn>/index.js` with the real wx-server-sdk,
// one invocation per worker thread at a time (a worker is a warm CloudBase instance), honouring each
// function's config.json timeout (CloudBase default 3 s) and timer triggers (7-field cron in UTC+8).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Cron } from 'croner';
import type { Caller } from '../tcb/protocol';
import type { InvokeMessage, ReadyMessage, ResultMessage } from './worker';

// Placeholder credentials: the SDK signs requests with them and the emulator ignores the signature.
export function sdkEnvironment(tcbUrl: string, env: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: tcbUrl }),
    TENCENTCLOUD_SECRETID: 'local-emulator',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
    TENCENTCLOUD_SESSIONTOKEN: 'local-emulator',
    // Run as inside SCF, as CloudBase does; this also keeps the SDK from probing Tencent's metadata service.
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: env,
    TCB_ENV: env,
    SILENCE: 'true',
  };
}

/** Where an invocation comes from, as getWXContext().SOURCE reports it. */
export type Source = 'wx_client' | 'wx_paycallback' | 'wx_trigger' | 'wx_devtools' | 'wx_http';

export interface Invocation {
  openid: string;
  appid: string;
  source: Source | string;
  unionid?: string;
  triggerSrc?: 'timer';
}

export interface TimerTrigger {
  functionName: string;
  name: string;
  cron: string;
}

interface FunctionSpec {
  name: string;
  file: string;
  mtimeMs: number;
  timeoutMs: number;
  triggers: TimerTrigger[];
  /** config.json permissions.openapi: the openapi calls CloudBase lets this function make. */
  openapi: string[];
}

/**
 * An event as JSON text, with fields the platform sets on it (a client call's userInfo, over whatever the caller
 * sent). It crosses to the worker as text and is parsed there: JSON.parse does not recurse, whereas postMessage's
 * structured clone does, and overflowed the stack on bodies nested about 10,000 levels deep.
 */
export class EventText {
  constructor(
    readonly json: string,
    readonly set: Record<string, unknown> = {},
  ) {}
}

export class InvokeError extends Error {
  constructor(
    readonly code: 'FUNCTIONS_REQUEST_FAIL' | 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
    message: string,
    readonly requestId: string,
  ) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_S = 3;
/**
 * Instances per function running at once; further invocations queue (CloudBase scales out; one machine has to
 * bound it). Two per core, at least 4 and at most 16: each instance is a V8 isolate with its own JIT and heap, so
 * instances beyond what the cores can run add compiling, collecting and switching, not throughput (a rush of 500
 * creates on 2 cores cost a third more CPU with 16 than with 4).
 */
export const DEFAULT_MAX_INSTANCES = Math.min(16, Math.max(4, 2 * availableParallelism()));
const CRON_TIMEZONE = 'Asia/Shanghai';

class Instance {
  readonly worker: Worker;
  /** Resolves when the code is loaded; rejects when it cannot be. */
  readonly ready: Promise<void>;
  private pending: { resolve: (m: ResultMessage) => void; reject: (e: Error) => void } | null = null;
  dead = false;

  constructor(
    readonly spec: FunctionSpec,
    workerFile: string,
    env: Record<string, string>,
  ) {
    let settleReady: { resolve: () => void; reject: (e: Error) => void };
    this.ready = new Promise((resolve, reject) => (settleReady = { resolve, reject }));
    this.ready.catch(() => {}); // awaited by invoke(); an idle instance that dies must not raise an unhandled rejection
    this.worker = new Worker(workerFile, {
      workerData: { file: spec.file, env },
      env: {},
      stdout: false,
      stderr: false,
    });
    this.worker.on('message', (m: ResultMessage | ReadyMessage) => {
      if ('ready' in m) {
        if (m.ready) settleReady.resolve();
        else fail(new Error(m.message));
        return;
      }
      const p = this.pending;
      this.pending = null;
      p?.resolve(m);
    });
    const fail = (error: Error) => {
      this.dead = true;
      settleReady.reject(error);
      const p = this.pending;
      this.pending = null;
      p?.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`function instance exited with code ${code}`)));
  }

  run(message: InvokeMessage): Promise<ResultMessage> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message);
    });
  }

  kill(): void {
    this.dead = true;
    void this.worker.terminate();
  }
}

/** Where invocations spend their time (GET /__dev/stats `runtime`; zeroed by /__dev/stats/reset). */
export interface RuntimeStats {
  invocations: number;
  /** Waiting for one of the function's instances (all busy), summed over invocations. */
  queuedMs: number;
  /** Waiting for a new instance to load the function's code (cold starts). */
  coldStarts: number;
  coldStartMs: number;
  /** From the instance receiving the event to its answer: the function's own work and its awaits (TCB requests). */
  runMs: number;
  /** The instances' threads on a CPU during their invocations, and runnable but waiting for one (null: unknown). */
  instanceCpuMs: number | null;
  instanceWaitMs: number | null;
}

export const zeroRuntimeStats = (): RuntimeStats => ({
  invocations: 0,
  queuedMs: 0,
  coldStarts: 0,
  coldStartMs: 0,
  runMs: 0,
  instanceCpuMs: 0,
  instanceWaitMs: 0,
});

export class Runtime {
  readonly stats: RuntimeStats = zeroRuntimeStats();
  private specs = new Map<string, FunctionSpec>();
  private idle = new Map<string, Instance[]>();
  private running = new Map<string, number>();
  private waiting = new Map<string, Array<() => void>>();
  private callers = new Map<string, Caller & { source: string }>();
  private nextTimer = new Map<string, number>();
  private timerLoop: NodeJS.Timeout | undefined;
  private nextId = 1;

  constructor(
    private readonly opts: {
      functionsDir: string;
      workerFile: string;
      env: string;
      tcbUrl: () => string;
      clockOffsetMs: () => number;
      onTimerResult?: (trigger: TimerTrigger, outcome: { ok: boolean; error?: string }) => void;
      /** Instances of one function running at once (DEFAULT_MAX_INSTANCES); further invocations wait for one. */
      maxInstances?: number;
    },
  ) {}

  functionNames(): string[] {
    const dir = this.opts.functionsDir;
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((name) => existsSync(join(dir, name, 'index.js')));
  }

  /** The invocation behind a wxCloudApiToken (the WX_API_TOKEN the runtime gave it). */
  callerOf(token: unknown): (Caller & { source: string }) | null {
    return typeof token === 'string' ? (this.callers.get(token) ?? null) : null;
  }

  /**
   * Runs one invocation. `json` is the answer as the function's instance serialised it, for callers that pass it
   * on: serialising `result` again would recurse as deep as the function nested it.
   */
  async invoke(
    name: string,
    event: unknown,
    who: Invocation,
  ): Promise<{ requestId: string; result: unknown; json: string }> {
    const requestId = randomBytes(16).toString('hex');
    const spec = this.spec(name, requestId);
    const stats = this.stats;
    const queued = performance.now();
    await this.acquireSlot(name);
    const acquired = performance.now();
    stats.invocations += 1;
    stats.queuedMs += acquired - queued;
    // The most recently used instance first: its code is the most optimised (JIT) and its memory the warmest.
    const instance = this.idle.get(name)?.pop() ?? this.coldStart(spec);
    const token = randomBytes(16).toString('hex');
    this.callers.set(token, { openid: who.openid, appid: who.appid, functionName: name, source: who.source });
    let timer: NodeJS.Timeout | undefined;
    try {
      await instance.ready;
      const started = performance.now();
      stats.coldStartMs += started - acquired;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          instance.kill();
          const seconds = spec.timeoutMs / 1000;
          reject(
            new InvokeError(
              'FUNCTIONS_TIME_LIMIT_EXCEEDED',
              `Invoking task timed out after ${seconds} seconds`,
              requestId,
            ),
          );
        }, spec.timeoutMs);
      });
      const reply = await Promise.race([instance.run(this.message(spec, event, who, token, requestId)), timeout]);
      stats.runMs += performance.now() - started;
      stats.instanceCpuMs = sumOrNull(stats.instanceCpuMs, reply.cpuNs);
      stats.instanceWaitMs = sumOrNull(stats.instanceWaitMs, reply.waitNs);
      if (!reply.ok) {
        throw new InvokeError('FUNCTIONS_EXECUTE_FAIL', `${name} failed: ${reply.message}`, requestId);
      }
      const json = reply.json ?? 'null';
      return { requestId, result: JSON.parse(json), json };
    } catch (error) {
      if (error instanceof InvokeError) throw error;
      throw new InvokeError('FUNCTIONS_EXECUTE_FAIL', `${name} crashed: ${(error as Error).message}`, requestId);
    } finally {
      clearTimeout(timer);
      this.callers.delete(token);
      if (!instance.dead && instance.spec === this.specs.get(name)) this.idle.get(name)!.push(instance);
      else if (!instance.dead) instance.kill();
      this.releaseSlot(name);
    }
  }

  /**
   * Starts `perFunction` instances of every function ahead of the first calls, like CloudBase's provisioned
   * concurrency (预置并发): the first calls then skip the cold start (loading wx-server-sdk takes about 0.4 s).
   */
  prewarm(perFunction: number): void {
    for (const name of this.functionNames()) {
      const spec = this.readSpec(name);
      if (!spec) continue;
      for (let i = this.idle.get(name)!.length; i < perFunction; i++) {
        const instance = new Instance(spec, this.opts.workerFile, this.baseEnv(spec));
        instance.ready.then(
          () => {
            if (!instance.dead && this.specs.get(name) === spec) this.idle.get(name)!.push(instance);
            else instance.kill();
          },
          () => instance.kill(),
        );
      }
    }
  }

  openapiPermissions(name: string): string[] | null {
    return this.readSpec(name)?.openapi ?? null;
  }

  // --- timers

  triggers(): TimerTrigger[] {
    return this.functionNames().flatMap((name) => this.readSpec(name)?.triggers ?? []);
  }

  startTimers(): void {
    this.timerLoop = setInterval(() => void this.runDueTimers(), 1000);
    this.timerLoop.unref();
  }

  /** Fires every timer trigger whose next time (on the emulator clock) has come. */
  async runDueTimers(): Promise<TimerTrigger[]> {
    const now = Date.now() + this.opts.clockOffsetMs();
    const due: TimerTrigger[] = [];
    for (const trigger of this.triggers()) {
      const key = `${trigger.functionName}/${trigger.name}`;
      const next = this.nextTimer.get(key);
      if (next === undefined) {
        this.nextTimer.set(key, nextRun(trigger.cron, now));
      } else if (next <= now) {
        this.nextTimer.set(key, nextRun(trigger.cron, now));
        due.push(trigger);
      }
    }
    await Promise.all(due.map((t) => this.fire(t)));
    return due;
  }

  /** Fires the named triggers (or all) now, whatever their schedule. */
  async fireTimers(name?: string): Promise<Array<{ trigger: TimerTrigger; ok: boolean; error?: string }>> {
    const chosen = this.triggers().filter((t) => !name || t.name === name || t.functionName === name);
    return Promise.all(chosen.map(async (trigger) => ({ trigger, ...(await this.fire(trigger)) })));
  }

  private async fire(trigger: TimerTrigger): Promise<{ ok: boolean; error?: string }> {
    // CloudBase timer event: { Type: 'Timer', TriggerName, Time, Message } (云函数 › 触发器 › 定时触发器).
    const event = {
      Type: 'Timer',
      TriggerName: trigger.name,
      Time: new Date(Date.now() + this.opts.clockOffsetMs()).toISOString(),
      Message: '',
    };
    let outcome: { ok: boolean; error?: string };
    try {
      await this.invoke(trigger.functionName, event, {
        openid: '',
        appid: '',
        source: 'wx_trigger',
        triggerSrc: 'timer',
      });
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error: (error as Error).message };
    }
    this.opts.onTimerResult?.(trigger, outcome);
    return outcome;
  }

  async close(): Promise<void> {
    clearInterval(this.timerLoop);
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    await Promise.all(all.map((i) => i.worker.terminate()));
  }

  // --- internals

  private message(
    spec: FunctionSpec,
    event: unknown,
    who: Invocation,
    token: string,
    requestId: string,
  ): InvokeMessage {
    const env: Record<string, string> = {
      ...this.baseEnv(spec),
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_API_TOKEN',
      WX_OPENID: who.openid,
      WX_APPID: who.appid,
      WX_UNIONID: who.unionid ?? '',
      WX_API_TOKEN: token,
      TCB_SOURCE: who.source,
    };
    if (who.triggerSrc) env.TRIGGER_SRC = who.triggerSrc;
    const text = event instanceof EventText ? event : new EventText(JSON.stringify(event ?? {}));
    return {
      id: this.nextId++,
      event: text.json,
      set: text.set,
      env,
      clockOffsetMs: this.opts.clockOffsetMs(),
      context: {
        callbackWaitsForEmptyEventLoop: false,
        request_id: requestId,
        function_name: spec.name,
        function_version: '$LATEST',
        namespace: this.opts.env,
        time_limit_in_ms: spec.timeoutMs,
        memory_limit_in_mb: 256,
        environment: JSON.stringify({
          WX_CONTEXT_KEYS: env.WX_CONTEXT_KEYS,
          WX_OPENID: who.openid,
          WX_APPID: who.appid,
          TCB_SOURCE: who.source,
        }),
      },
    };
  }

  private coldStart(spec: FunctionSpec): Instance {
    this.stats.coldStarts += 1;
    return new Instance(spec, this.opts.workerFile, this.baseEnv(spec));
  }

  private baseEnv(spec: FunctionSpec): Record<string, string> {
    return { ...sdkEnvironment(this.opts.tcbUrl(), this.opts.env), SCF_FUNCTIONNAME: spec.name };
  }

  private spec(name: string, requestId: string): FunctionSpec {
    const spec = /^[A-Za-z][\w-]{0,59}$/.test(name) ? this.readSpec(name) : null;
    if (!spec)
      throw new InvokeError('FUNCTIONS_REQUEST_FAIL', `FunctionName parameter could not be found: ${name}`, requestId);
    return spec;
  }

  /** Reads a function's bundle and config; a rebuilt bundle (newer mtime) retires the warm instances. */
  private readSpec(name: string): FunctionSpec | null {
    const dir = resolve(this.opts.functionsDir, name);
    const file = join(dir, 'index.js');
    if (!existsSync(file)) return null;
    const mtimeMs = statSync(file).mtimeMs;
    const known = this.specs.get(name);
    if (known && known.mtimeMs === mtimeMs) return known;
    const config = readConfig(join(dir, 'config.json'));
    const spec: FunctionSpec = {
      name,
      file,
      mtimeMs,
      timeoutMs: Math.round(
        (typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : DEFAULT_TIMEOUT_S) * 1000,
      ),
      triggers: (Array.isArray(config.triggers) ? config.triggers : [])
        .filter(
          (t): t is { name: string; type: string; config: string } =>
            t?.type === 'timer' && typeof t.config === 'string',
        )
        .map((t) => ({ functionName: name, name: String(t.name), cron: t.config })),
      openapi: Array.isArray(config.permissions?.openapi) ? config.permissions.openapi.map(String) : [],
    };
    for (const t of spec.triggers) nextRun(t.cron, Date.now()); // reject a bad cron expression now, loudly
    this.specs.set(name, spec);
    for (const instance of this.idle.get(name) ?? []) instance.kill();
    this.idle.set(name, []);
    return spec;
  }

  private acquireSlot(name: string): Promise<void> {
    const running = this.running.get(name) ?? 0;
    if (running < (this.opts.maxInstances ?? DEFAULT_MAX_INSTANCES)) {
      this.running.set(name, running + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(name) ?? [];
      queue.push(resolve);
      this.waiting.set(name, queue);
    });
  }

  private releaseSlot(name: string): void {
    const next = this.waiting.get(name)?.shift();
    if (next) next();
    else this.running.set(name, (this.running.get(name) ?? 1) - 1);
  }
}

const sumOrNull = (sumMs: number | null, ns: number | null) =>
  sumMs === null || ns === null ? null : sumMs + ns / 1e6;

function readConfig(file: string): {
  timeout?: unknown;
  triggers?: Array<{ name: string; type: string; config: unknown }>;
  permissions?: { openapi?: unknown };
} {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** The next run after `afterMs` of a CloudBase cron (second minute hour day month week year), in UTC+8. */
export function nextRun(cron: string, afterMs: number): number {
  const next = new Cron(cron, { timezone: CRON_TIMEZONE, mode: '7-part', paused: true }).nextRun(new Date(afterMs));
  return next ? next.getTime() : Number.POSITIVE_INFINITY;
}
