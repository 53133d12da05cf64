// Puts a file the user picked into the shop's cloud storage and answers its fileID (what functions are given).
// weapp: Taro.cloud.uploadFile, the mini program writing to storage itself; h5: the local emulator's
// `POST /api/storage/upload`, which stands in for it (same-origin, the dev session is the uploader).
import Taro from '@tarojs/taro';
import type { Result } from './client';

const FAILED = { code: 'upload.failed', message: '图片上传失败，请重试' } as const;

/** A fresh cloudPath under `folder` keeping the picked file's image extension (jpg when it has none). */
export function cloudPathFor(folder: string, filePath: string, now = Date.now(), random = Math.random()): string {
  const ext = /\.(jpe?g|png|gif|webp)$/i.exec(filePath.split('?')[0])?.[1]?.toLowerCase() ?? 'jpg';
  return `${folder}/${now.toString(36)}-${Math.floor(random * 36 ** 8)
    .toString(36)
    .padStart(8, '0')}.${ext}`;
}

const EXT_OF_TYPE: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

export async function uploadFile(cloudPath: string, filePath: string): Promise<Result<{ fileID: string }>> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      // A picked file in h5 is a blob: URL (no extension): its bytes go as the body, its type names the extension.
      const blob = await (await fetch(filePath)).blob();
      const ext = EXT_OF_TYPE[blob.type];
      const path = ext ? cloudPath.replace(/\.[a-z]+$/, `.${ext}`) : cloudPath;
      const res = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(path)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': blob.type || 'application/octet-stream' },
        body: blob,
      });
      const body = (await res.json()) as { fileID?: string };
      return res.ok && body.fileID ? { ok: true, data: { fileID: body.fileID } } : { ok: false, error: FAILED };
    }
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath });
    return fileID ? { ok: true, data: { fileID } } : { ok: false, error: FAILED };
  } catch {
    return { ok: false, error: FAILED };
  }
}
