// Content security of review photos: others see a photo only once WeChat's verdict event passed it; its author sees
// it meanwhile (审核中); a photo not passed stays hidden and its author is told. A check that cannot be started
// (timeout, quota, errcode ≠ 0) or whose verdict never arrives leaves the photo pending, hidden from others, and the
// scheduler asks again (`recheckPhotos`), at most MAX_PHOTO_CHECKS times: never published unchecked, never lost.
import type { Cloud, Database } from '../data/db';
import {
  findReviewByTrace,
  type PhotoCheck,
  type PhotoChecksChange,
  type ReviewRecord,
  updatePhotoChecks,
} from '../data/reviews';
import { startPhotoCheck, type Suggest } from '../platform/content-security';

/** Ask again when a started check has had no verdict for this long (WeChat answers within minutes). */
export const RECHECK_AFTER_MS = 30 * 60_000;
/** Asks per photo, started or not; after them it stays hidden from others (WeChat never said it passed). */
export const MAX_PHOTO_CHECKS = 5;

/** The fields a new review starts with: every photo pending, none public yet, due to be asked now. */
export function pendingPhotos(
  photos: readonly string[],
  now: Date,
): Pick<ReviewRecord, 'photoChecks' | 'hasPhotos' | 'photoCheckDue'> {
  if (photos.length === 0) return { photoChecks: [], hasPhotos: false };
  return {
    photoChecks: photos.map((fileId) => ({ fileId, state: 'pending', attempts: 0 })),
    hasPhotos: false,
    photoCheckDue: now,
  };
}

/** When a pending photo is to be asked about next: at once if its check never started, else after the wait. */
function nextAsk(check: PhotoCheck): number | null {
  if (check.state !== 'pending' || check.attempts >= MAX_PHOTO_CHECKS) return null;
  if (!check.askedAt) return 0;
  return new Date(check.askedAt).getTime() + (check.traceId ? RECHECK_AFTER_MS : 0);
}

function dueOf(checks: readonly PhotoCheck[]): Date | null {
  const times = checks.map(nextAsk).filter((t): t is number => t !== null);
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/**
 * Asks WeChat about the review's photos that are due (new, never started, or without a verdict for too long) and
 * records the trace ids. Returns how many checks were started.
 */
export async function askPhotoChecks(
  deps: { cloud: Cloud; db: Database },
  review: ReviewRecord,
  now: Date,
): Promise<number> {
  const due = (review.photoChecks ?? []).filter((c) => {
    const at = nextAsk(c);
    return at !== null && at <= now.getTime();
  });
  if (due.length === 0) return 0;
  // At once, not one after another: a review's photos must fit in the writing function's few seconds.
  const traceIds = await Promise.all(
    due.map((c) => startPhotoCheck(deps.cloud, { openid: review.buyerId, scene: 'comment', fileId: c.fileId })),
  );
  const asked = new Map(due.map((c, i) => [c.fileId, traceIds[i]]));
  const failed = [...asked.values()].filter((t) => t === null).length;
  if (failed > 0) console.error(`review ${review._id}: ${failed} photo check(s) not started; the scheduler retries`);
  await updatePhotoChecks(deps.db, review._id, (stored): PhotoChecksChange | null => {
    const photoChecks = (stored.photoChecks ?? []).map((c): PhotoCheck => {
      // A verdict that landed meanwhile wins over a new ask.
      if (c.state !== 'pending' || !asked.has(c.fileId)) return c;
      const traceId = asked.get(c.fileId);
      const { traceId: _old, ...rest } = c;
      return { ...rest, ...(traceId ? { traceId } : {}), askedAt: now, attempts: c.attempts + 1 };
    });
    return { photoChecks, due: dueOf(photoChecks) };
  });
  return asked.size - failed;
}

export type VerdictOutcome = 'recorded' | 'already' | 'unknown';

/**
 * WeChat's verdict on one photo (the wxa_media_check event): 'pass' makes it public; anything else ('risky', or
 * 'review', which no one at the shop would ever decide) hides it for good, and its author is told on their review.
 * `unknown` when no pending check has this trace id or the event names another member than the review's author.
 */
export async function recordPhotoVerdict(
  db: Database,
  verdict: { traceId: string; suggest: Suggest | string; label?: number | string; openid?: string },
  now: Date,
): Promise<VerdictOutcome> {
  const review = await findReviewByTrace(db, verdict.traceId);
  if (!review) return 'unknown';
  if (verdict.openid && verdict.openid !== review.buyerId) return 'unknown';
  const state = verdict.suggest === 'pass' ? 'pass' : 'risky';
  const written = await updatePhotoChecks(db, review._id, (stored) => {
    const checks = stored.photoChecks ?? [];
    if (!checks.some((c) => c.traceId === verdict.traceId && c.state === 'pending')) return null;
    const photoChecks = checks.map(
      (c): PhotoCheck =>
        c.traceId === verdict.traceId && c.state === 'pending'
          ? { ...c, state, decidedAt: now, ...(verdict.label !== undefined ? { label: verdict.label } : {}) }
          : c,
    );
    return { photoChecks, due: dueOf(photoChecks) };
  });
  return written ? 'recorded' : 'already';
}
