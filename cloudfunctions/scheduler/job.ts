// What every scheduler job is given, and the loop they share: batches of due work until none is left, a batch
// moves nothing, or the run's time budget is spent (the next run, a minute later, goes on).
import type { ShopRules } from '../core/rules';
import type { Cloud, Database } from '../data/db';
import type { Settings } from '../data/settings';

export const BATCH = 100;
/** Stop starting new batches after this long, well inside the function's 60 s timeout. */
export const BUDGET_MS = 40_000;

export interface JobContext {
  cloud: Cloud;
  db: Database;
  settings: Settings;
  rules: ShopRules;
  /** Read anew for each batch: a run can last tens of seconds. */
  now(): Date;
  /** True once the run has spent its time budget. */
  overBudget(): boolean;
}

export type Job = (ctx: JobContext) => Promise<Record<string, number>>;

/** Runs the jobs in their order: one that fails is logged and the others still run. */
export async function runJobs(jobs: Record<string, Job>, ctx: JobContext): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const [name, job] of Object.entries(jobs)) {
    try {
      results[name] = await job(ctx);
    } catch (error) {
      console.error(`scheduler job ${name} failed this run`, error);
      results[name] = { failed: true };
    }
  }
  return results;
}

/**
 * Runs `handle` on each item of each batch `next` lists; counts what it returns true for. A failing item is logged
 * and left for the next run.
 */
export async function drain<T>(
  ctx: JobContext,
  what: string,
  next: (now: Date) => Promise<T[]>,
  handle: (item: T, now: Date) => Promise<boolean>,
  idOf: (item: T) => string,
): Promise<number> {
  let done = 0;
  for (;;) {
    const now = ctx.now();
    const due = await next(now);
    let moved = 0;
    for (const item of due) {
      try {
        if (await handle(item, now)) moved++;
      } catch (error) {
        console.error(`${what} ${idOf(item)}: not done this run`, error);
      }
    }
    done += moved;
    if (due.length < BATCH || moved === 0 || ctx.overBudget()) return done;
  }
}
