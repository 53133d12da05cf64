// The `scheduler` cloud function (timer trigger, every minute): a route table of jobs, one file each under jobs/,
// run in this order. A job that fails is logged and the others still run; the next run goes on where it stopped.
import cloud from 'wx-server-sdk';
import { databaseOf } from '../data/db';
import { loadSettings } from '../data/settings';
import { BUDGET_MS, runJobs, type Job, type JobContext } from './job';
import { afterSaleDeadlines } from './jobs/after-sale-deadlines';
import { autoConfirm } from './jobs/auto-confirm';
import { expirePoints } from './jobs/expire-points';
import { expireUnpaid } from './jobs/expire-unpaid';
import { finishRefunds } from './jobs/finish-refunds';
import { foldStats } from './jobs/fold-stats';
import { groupDeadlines } from './jobs/group-deadlines';
import { moveSideStates } from './jobs/move-side-states';
import { reclaimStock } from './jobs/reclaim-stock';
import { endFlashSales } from './jobs/end-flash-sales';
import { reclaimFlashMarks } from './jobs/reclaim-flash-marks';
import { recheckPhotos } from './jobs/recheck-photos';
import { releaseStranded } from './jobs/release-stranded';
import { uploadShipping } from './jobs/upload-shipping';
import { cleanReportFiles } from './jobs/clean-report-files';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const JOBS = {
  expireUnpaid,
  autoConfirm,
  releaseStranded,
  reclaimStock,
  groupDeadlines,
  reclaimFlashMarks,
  endFlashSales,
  finishRefunds,
  afterSaleDeadlines,
  moveSideStates,
  foldStats,
  expirePoints,
  recheckPhotos,
  uploadShipping,
  cleanReportFiles,
} satisfies Record<string, Job>;

export async function main() {
  // Only its timer runs it: a client calling the function (a user's callFunction) changes nothing.
  const { SOURCE } = cloud.getWXContext() as { SOURCE?: string };
  if (SOURCE !== 'wx_trigger') return { refused: 'the scheduler runs only from its timer trigger' };
  const db = databaseOf(cloud);
  const started = Date.now();
  const settings = await loadSettings(db);
  const ctx: JobContext = {
    cloud,
    db,
    settings,
    rules: settings.rules,
    now: () => new Date(),
    overBudget: () => Date.now() - started > BUDGET_MS,
  };
  return runJobs(JOBS, ctx);
}
