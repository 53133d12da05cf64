// Turns a route table into a cloud function's `main`: reads the caller from getWXContext() (never from the
// event), refuses a non-owner on an owner route before anything else runs, validates the input against the
// action's schema, and wraps every outcome in the one response shape. Unexpected errors become `internal` and
// are logged with the request id.
import * as v from 'valibot';
import { AppError, ERRORS, type Result } from '../contracts/errors';
import { databaseOf, type Cloud, type Database } from '../data/db';
import { loadSettings, type Settings } from '../data/settings';

export interface CallContext {
  cloud: Cloud;
  db: Database;
  /** The caller's openid; '' when the platform gives none (a timer, a Moments single-page visit). */
  openid: string;
  /** The env this function runs in (getWXContext().ENV): whose storage a fileID must be in. */
  env: string;
  now: Date;
  requestId: string;
}

/** What an owner route runs with: the caller is one of the shop's owners, and the settings that said so. */
export interface OwnerContext extends CallContext {
  settings: Settings;
}

type Run<S extends v.GenericSchema, R, C> = (input: v.InferOutput<S>, ctx: C) => Promise<R>;

export type Route<S extends v.GenericSchema, R> =
  | { input: S; owner: false; run: Run<S, R, CallContext> }
  | { input: S; owner: true; run: Run<S, R, OwnerContext> };

/** `{ owner: true }`: only the shop's owners reach `run`; the wrapper is the only place that checks. */
export function route<S extends v.GenericSchema, R>(
  input: S,
  run: Run<S, R, OwnerContext>,
  options: { owner: true },
): Route<S, R>;
export function route<S extends v.GenericSchema, R>(
  input: S,
  run: Run<S, R, CallContext>,
  options?: { owner?: false },
): Route<S, R>;
export function route<S extends v.GenericSchema, R>(
  input: S,
  run: Run<S, R, OwnerContext>,
  options: { owner?: boolean } = {},
): Route<S, R> {
  // The overloads pair an OwnerContext use case with owner: true; any other was declared on CallContext.
  return options.owner ? { input, owner: true, run } : { input, owner: false, run: run as Run<S, R, CallContext> };
}

// biome-ignore lint/suspicious/noExplicitAny: a table of routes of every input and result type
export type AnyRoute = Route<any, any>;

export type Handler = ((event: unknown, context?: { request_id?: string }) => Promise<Result<unknown>>) & {
  /** The table it serves (tests walk it, e.g. every owner route). */
  readonly routes: Readonly<Record<string, AnyRoute>>;
};

export function createHandler(cloud: Cloud, routes: Record<string, AnyRoute>): Handler {
  // One database object for the instance's life, made at the first call (after the module's cloud.init), as
  // CloudBase's examples keep it at module level: wx-server-sdk defines a new class each time it makes one.
  let db: Database | undefined;
  async function main(event: unknown, context: { request_id?: string } = {}): Promise<Result<unknown>> {
    const requestId = context.request_id ?? '';
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new AppError('input.invalid');
      // `userInfo` is added by the platform to client calls; identity comes from getWXContext() alone.
      const { action, userInfo: _platform, ...input } = event as Record<string, unknown>;
      const chosen = typeof action === 'string' && Object.hasOwn(routes, action) ? routes[action] : undefined;
      // A fixed answer: the caller's text (any length, any markup) is never echoed back.
      if (!chosen) throw new AppError('action.unknown');
      const { OPENID, ENV } = cloud.getWXContext();
      const ctx: CallContext = {
        cloud,
        db: (db ??= databaseOf(cloud)),
        openid: typeof OPENID === 'string' ? OPENID : '',
        env: typeof ENV === 'string' ? ENV : '',
        now: new Date(),
        requestId,
      };
      // Before validation: a non-owner learns nothing about an owner action's input.
      if (chosen.owner) {
        const owner: OwnerContext = { ...ctx, settings: await ownerSettings(ctx) };
        return { ok: true, data: await chosen.run(validInput(chosen, input), owner) };
      }
      return { ok: true, data: await chosen.run(validInput(chosen, input), ctx) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`[${requestId}] internal error`, error);
      return { ok: false, error: { code: 'internal', message: ERRORS.internal } };
    }
  }
  return Object.assign(main, { routes: Object.freeze({ ...routes }) });
}

function validInput(chosen: AnyRoute, input: unknown): unknown {
  const parsed = v.safeParse(chosen.input, input);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const path = issue.path?.map((step: { key: unknown }) => String(step.key)).join('.') || 'input';
  throw new AppError('input.invalid', `${ERRORS['input.invalid']}：${path}`);
}

/** The shop's settings when the caller is on its owner list; a coded refusal otherwise. */
async function ownerSettings(ctx: CallContext): Promise<Settings> {
  if (!ctx.openid) throw new AppError('auth.required');
  const settings = await loadSettings(ctx.db);
  if (!settings.owners.includes(ctx.openid)) throw new AppError('auth.not_owner');
  return settings;
}
