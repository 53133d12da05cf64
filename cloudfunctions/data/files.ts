// Cloud storage files as display URLs: fileIDs (cloud://…) become temporary URLs in one batch call. A list asks
// for thumbnails: CloudBase's image processing (云存储 › 图片处理, 数据万象 imageMogr2) resizes on the download URL.
import { AppError } from '../contracts/errors';
import { isOwnPhoto, type PhotoOwner } from '../core/photos';
import type { Cloud } from './db';

const MAX_PER_CALL = 50; // getTempFileURL takes at most 50 files per call

/** A list's image: at least 360×360 px (the page crops it to its square), a fraction of a phone photo's bytes. */
export const THUMBNAIL = 'imageMogr2/thumbnail/!360x360r';
/** A photo on a page of its own (the product gallery, a review): at most 1080×1080 px, never enlarged. */
export const PHOTO = 'imageMogr2/thumbnail/1080x1080>';

export async function displayUrls(
  cloud: Cloud,
  fileIds: readonly string[],
  style?: typeof THUMBNAIL | typeof PHOTO,
): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const cloudIds = [...new Set(fileIds.filter((id) => id.startsWith('cloud://')))];
  for (const id of fileIds) if (!id.startsWith('cloud://')) urls.set(id, id);
  for (let i = 0; i < cloudIds.length; i += MAX_PER_CALL) {
    const res = (await cloud.getTempFileURL({ fileList: cloudIds.slice(i, i + MAX_PER_CALL) })) as {
      fileList: Array<{ fileID: string; tempFileURL: string; status: number }>;
    };
    for (const file of res.fileList) {
      if (file.status !== 0) continue;
      const url = file.tempFileURL;
      urls.set(file.fileID, style ? `${url}${url.includes('?') ? '&' : '?'}${style}` : url);
    }
  }
  return urls;
}

/**
 * A member's photos are accepted only as files they uploaded themselves: each named in this env's storage under
 * `<folder>/<caller's openid>/` (another member's photo or the shop's images would otherwise appear under the
 * caller's name: `photo.not_yours`) and stored (an upload that did not finish: `upload.failed`).
 */
export async function requireOwnPhotos(cloud: Cloud, owner: PhotoOwner, photos: readonly string[]): Promise<void> {
  if (photos.length === 0) return;
  if (!photos.every((fileID) => isOwnPhoto(fileID, owner))) throw new AppError('photo.not_yours');
  const urls = await displayUrls(cloud, photos);
  if (!photos.every((fileID) => urls.has(fileID))) throw new AppError('upload.failed');
}

/** Writes `content` to storage at `cloudPath` (the function's own write, not a client's); answers its fileID. */
export async function storeFile(cloud: Cloud, cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content });
  return fileID;
}

/**
 * A file's bytes; null when storage has no such file (CloudBase answers a missing file with STORAGE_FILE_NONEXIST,
 * or its bucket with 404 NoSuchKey). Any other failure is thrown (the caller's `internal`).
 */
export async function readFile(cloud: Cloud, fileID: string): Promise<Buffer | null> {
  try {
    const { fileContent } = await cloud.downloadFile({ fileID });
    return Buffer.isBuffer(fileContent) ? fileContent : Buffer.from(fileContent as unknown as Uint8Array);
  } catch (error) {
    const e = error as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
    const text = [e?.code, e?.errCode, e?.errMsg, e?.message].map((part) => String(part ?? '')).join(' ');
    if (/FILE_NONEXIST|NoSuchKey|not exist|\b404\b/i.test(text)) return null;
    throw error;
  }
}

/** Deletes stored files (at most 50 a call); a file already gone counts as deleted. Answers the files deleted. */
export async function deleteFiles(cloud: Cloud, fileIDs: readonly string[]): Promise<string[]> {
  if (fileIDs.length === 0) return [];
  const answer = await cloud.deleteFile({ fileList: [...fileIDs] });
  const fileList = (answer as { fileList: Array<{ fileID: string; status: number; errMsg?: string }> }).fileList;
  return fileList.filter((f) => f.status === 0 || /FILE_NONEXIST/i.test(String(f.errMsg ?? ''))).map((f) => f.fileID);
}

/** A temporary download URL of a stored file ('' when storage has none). */
export async function downloadUrl(cloud: Cloud, fileID: string): Promise<string> {
  return (await displayUrls(cloud, [fileID])).get(fileID) ?? '';
}
