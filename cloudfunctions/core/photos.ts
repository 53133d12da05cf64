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
