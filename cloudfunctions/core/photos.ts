// Whose photo a fileID is. A member's upload sits at `<folder>/<openid>/<name>` in this env's storage (the storage
// rule lets a member write only there), so a fileID is the caller's own only when its env and its path say so; any
// other (another member's, the shop's, another env's, a path that climbs out) is refused. Compared as plain strings,
// never as a pattern built from the input.

/** Longer than any fileID CloudBase makes (a cloudPath is at most 850 bytes); refused before it is looked at. */
const FILE_ID_MAX = 1024;
/** `cloud://<env>.<bucket>/<cloudPath>`: an env id has no '.', the bucket no '/'. */
const FILE_ID = /^cloud:\/\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\/(.+)$/;
/** An openid as WeChat makes them (28 characters of [A-Za-z0-9_-]); anything else owns no folder. */
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
/** A file name the client makes (`<time>-<random>.<ext>`): no '/', no '%', no leading '.', so no '.' or '..'. */
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

export interface PhotoOwner {
  /** This function's env (getWXContext().ENV). */
  env: string;
  /** The caller (getWXContext().OPENID), never an input. */
  openid: string;
  /** The member upload folder, e.g. `reviews`. */
  folder: string;
}

/** Whether `fileID` is a file `owner.openid` uploaded to their own folder of `owner.folder` in `owner.env`. */
export function isOwnPhoto(fileID: unknown, owner: PhotoOwner): boolean {
  if (typeof fileID !== 'string' || fileID.length > FILE_ID_MAX) return false;
  if (!owner.env || !owner.folder || !OPENID.test(owner.openid)) return false;
  const match = FILE_ID.exec(fileID);
  if (!match || match[1] !== owner.env) return false;
  const segments = match[3].split('/');
  return (
    segments.length === 3 && segments[0] === owner.folder && segments[1] === owner.openid && NAME.test(segments[2])
  );
}

/**
 * Whether `fileID` is one of the shop's images in `env`: a file at `<folder>/<one segment>/<name>` of a shop folder
 * (an owner's upload under their openid, or the demo seed's under a product id). Another env's or another folder's
 * file (a member's review upload, a path that climbs out) is not.
 */
export function isShopImage(fileID: unknown, shop: { env: string; folder: string }): boolean {
  if (typeof fileID !== 'string' || fileID.length > FILE_ID_MAX || !shop.env || !shop.folder) return false;
  const match = FILE_ID.exec(fileID);
  if (!match || match[1] !== shop.env) return false;
  const segments = match[3].split('/');
  return segments.length === 3 && segments[0] === shop.folder && OPENID.test(segments[1]) && NAME.test(segments[2]);
}

/** The photos of a review everyone may see: those content security passed (all, for reviews written before checks). */
export function publicPhotos(review: { photos: readonly string[]; photoChecks?: readonly PhotoCheck[] }): string[] {
  if (!review.photoChecks) return [...review.photos];
  const passed = new Set(review.photoChecks.filter((c) => c.state === 'pass').map((c) => c.fileId));
  return review.photos.filter((p) => passed.has(p));
}

export type PhotoCheckState = 'pending' | 'pass' | 'risky';

/** Content security of one photo a member uploaded (a review's, an after-sale case's evidence). */
export interface PhotoCheck {
  fileId: string;
  state: PhotoCheckState;
  /** The trace id of the latest check asked (the verdict event names it). */
  traceId?: string;
  askedAt?: Date;
  /** Checks asked so far (started or failed to start). */
  attempts: number;
  /** WeChat's label with the verdict (100: normal). */
  label?: number | string;
  decidedAt?: Date;
}

/** What a change of photo checks writes: the checks, and when to ask again (null: nothing left to ask). */
export interface PhotoChecksChange {
  photoChecks: PhotoCheck[];
  due: Date | null;
}
