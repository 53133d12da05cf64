// Content security of the photos members upload for others to see: a review's photos (everyone) and an after-sale
// case's evidence (the shop's owners). Others see a photo only once WeChat's verdict event passed it; its author sees
// it meanwhile (审核中); a photo not passed stays hidden and its author is told. A check that cannot be started
// (timeout, quota, errcode ≠ 0) or whose verdict never arrives leaves the photo pending, hidden from others, and the
// scheduler asks again (`recheckPhotos`), at most MAX_PHOTO_CHECKS times: never shown unchecked, never lost.
import type { PhotoCheck, PhotoChecksChange } from '../core/photos';
import {
  findCaseByTrace,
  listCasePhotoChecksDue,
  updateCasePhotoChecks,
  type AfterSaleRecord,
} from '../data/after-sales';
import type { Cloud, Database } from '../data/db';
import { findReviewByTrace, listPhotoChecksDue, updatePhotoChecks, type ReviewRecord } from '../data/reviews';
import { startPhotoCheck, type Scene, type Suggest } from '../platform/content-security';

/** What carries photo checks: a review or an after-sale case, each with its author and its own storage calls. */
export interface PhotoSubject {
  _id: string;
  buyerId: string;
  photoChecks?: PhotoCheck[];
}

export interface PhotoStore<T extends PhotoSubject> {
  what: string;
  /** The content-security scene WeChat is told. */
  scene: Scene;
  findByTrace(db: Database, traceId: string): Promise<T | null>;
  listDue(db: Database, now: Date, limit: number): Promise<T[]>;
  update(db: Database, id: string, change: (stored: T) => PhotoChecksChange | null): Promise<T | null>;
}

export const REVIEW_PHOTOS: PhotoStore<ReviewRecord> = {
  what: 'review',
  scene: 'comment',
  findByTrace: findReviewByTrace,
  listDue: listPhotoChecksDue,
  update: updatePhotoChecks,
};

export const CASE_PHOTOS: PhotoStore<AfterSaleRecord> = {
  what: 'after-sale case',
  scene: 'comment',
  findByTrace: findCaseByTrace,
  listDue: listCasePhotoChecksDue,
  update: updateCasePhotoChecks,
};

/** Every kind of subject, in the order a verdict's trace id is looked up. */
export const PHOTO_STORES = [REVIEW_PHOTOS, CASE_PHOTOS] as const;

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
  return { ...pendingChecks(photos, now), hasPhotos: false };
}

/** Checks for new photos: each pending, due to be asked now. */
export function pendingChecks(
  photos: readonly string[],
  now: Date,
): { photoChecks: PhotoCheck[]; photoCheckDue?: Date } {
  if (photos.length === 0) return { photoChecks: [] };
  return { photoChecks: photos.map((fileId) => ({ fileId, state: 'pending', attempts: 0 })), photoCheckDue: now };
}

/** The photos others may see now: those passed (a subject from before checks existed shows all). */
export function passedPhotos(photos: readonly string[], checks: readonly PhotoCheck[] | undefined): string[] {
  if (!checks) return [...photos];
  const passed = new Set(checks.filter((c) => c.state === 'pass').map((c) => c.fileId));
  return photos.filter((p) => passed.has(p));
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
 * Asks WeChat about the subject's photos that are due (new, never started, or without a verdict for too long) and
 * records the trace ids. Returns how many checks were started.
 */
export async function askPhotoChecks<T extends PhotoSubject>(
  deps: { cloud: Cloud; db: Database },
  store: PhotoStore<T>,
  subject: T,
  now: Date,
): Promise<number> {
  const due = (subject.photoChecks ?? []).filter((c) => {
    const at = nextAsk(c);
    return at !== null && at <= now.getTime();
  });
  if (due.length === 0) return 0;
  // At once, not one after another: a review's photos must fit in the writing function's few seconds.
  const traceIds = await Promise.all(
    due.map((c) => startPhotoCheck(deps.cloud, { openid: subject.buyerId, scene: store.scene, fileId: c.fileId })),
  );
  const asked = new Map(due.map((c, i) => [c.fileId, traceIds[i]]));
  const failed = [...asked.values()].filter((t) => t === null).length;
  if (failed > 0) {
    console.error(`${store.what} ${subject._id}: ${failed} photo check(s) not started; the scheduler retries`);
  }
  await store.update(deps.db, subject._id, (stored): PhotoChecksChange | null => {
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
 * WeChat's verdict on one photo (the wxa_media_check event): 'pass' shows it to others; anything else ('risky', or
 * 'review', which no one at the shop would ever decide) hides it for good, and its author is told. `unknown` when
 * no pending check of a review or a case has this trace id, or the event names another member than the author.
 */
export async function recordPhotoVerdict(
  db: Database,
  verdict: { traceId: string; suggest: Suggest | string; label?: number | string; openid?: string },
  now: Date,
): Promise<VerdictOutcome> {
  for (const store of PHOTO_STORES) {
    const outcome = await recordIn(db, store as PhotoStore<PhotoSubject>, verdict, now);
    if (outcome !== 'unknown') return outcome;
  }
  return 'unknown';
}

async function recordIn<T extends PhotoSubject>(
  db: Database,
  store: PhotoStore<T>,
  verdict: { traceId: string; suggest: Suggest | string; label?: number | string; openid?: string },
  now: Date,
): Promise<VerdictOutcome> {
  const subject = await store.findByTrace(db, verdict.traceId);
  if (!subject) return 'unknown';
  if (verdict.openid && verdict.openid !== subject.buyerId) return 'unknown';
  const state = verdict.suggest === 'pass' ? 'pass' : 'risky';
  const written = await store.update(db, subject._id, (stored) => {
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
