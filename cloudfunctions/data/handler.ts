// Turns a route table into a cloud function's `main`: reads the caller from getWXContext() (never from the
// event), validates the input against the action's schema before anything runs, and wraps every outcome in
// the one response shape. Unexpected errors become `internal` and are logged with the request id.
import * as v from 'valibot';
import { AppError, ERRORS, type Result } from '../contracts/errors';
import { databaseOf, type Cloud, type Database } from './db';

export interface CallContext {
  cloud: Cloud;
  db: Database;
  /** The caller's openid; '' when the platform gives none (a timer, a Moments single-page visit). */
  openid: string;
  now: Date;
  requestId: string;
}

export interface Route<S extends v.GenericSchema, R> {
  input: S;
  run(input: v.InferOutput<S>, ctx: CallContext): Promise<R>;
}

export function route<S extends v.GenericSchema, R>(input: S, run: (input: v.InferOutput<S>, ctx: CallContext) => Promise<R>): Route<S, R> {
  return { input, run };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = Route<any, any>;

export function createHandler(cloud: Cloud, routes: Record<string, AnyRoute>) {
  return async function main(event: unknown, context: { request_id?: string } = {}): Promise<Result<unknown>> {
    const requestId = context.request_id ?? '';
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new AppError('input.invalid');
      // `userInfo` is added by the platform to client calls; identity comes from getWXContext() alone.
      const { action, userInfo: _platform, ...input } = event as Record<string, unknown>;
      const chosen = typeof action === 'string' && Object.hasOwn(routes, action) ? routes[action] : undefined;
      if (!chosen) throw new AppError('action.unknown', `${ERRORS['action.unknown']}：${String(action)}`);
      const parsed = v.safeParse(chosen.input, input);
      if (!parsed.success) {
        const issue = parsed.issues[0];
        const path = issue.path?.map((step: { key: unknown }) => String(step.key)).join('.') || 'input';
        throw new AppError('input.invalid', `${ERRORS['input.invalid']}：${path}`);
      }
      const { OPENID } = cloud.getWXContext();
      const ctx: CallContext = { cloud, db: databaseOf(cloud), openid: typeof OPENID === 'string' ? OPENID : '', now: new Date(), requestId };
      return { ok: true, data: await chosen.run(parsed.output, ctx) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`[${requestId}] internal error`, error);
      return { ok: false, error: { code: 'internal', message: ERRORS.internal } };
    }
  };
}
