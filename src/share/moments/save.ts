// Saving the kit's pictures one at a time, in the order picked: weapp: into the photo album (the album permission
// asked first: a refusal is answered 'denied' and the page guides to settings, as WeChat never asks twice); h5: each
// as a download. Progress is reported before each picture.
import Taro from '@tarojs/taro';
import type { PosterCanvas } from '../poster/canvas';

/** A picture to save: a display URL, or the drawn poster. */
export type KitPicture = { kind: 'url'; url: string } | { kind: 'poster'; canvas: PosterCanvas };

export type SaveAllOutcome =
  | { outcome: 'saved' | 'downloaded'; count: number }
  | { outcome: 'denied' }
  | { outcome: 'failed'; saved: number };

const ALBUM = 'scope.writePhotosAlbum';
const isH5 = () => process.env.TARO_ENV === 'h5';

/** Whether the album may be written: already allowed, or allowed now when asked (never asked again once refused). */
export async function albumAllowed(): Promise<boolean> {
  try {
    const { authSetting } = await Taro.getSetting();
    const allowed = (authSetting as Record<string, boolean | undefined>)[ALBUM];
    if (allowed !== undefined) return allowed;
    await Taro.authorize({ scope: ALBUM });
    return true;
  } catch {
    return false;
  }
}

/** Saves every picture; `name(i, ext)` names the h5 downloads. */
export async function savePictures(
  pictures: readonly KitPicture[],
  name: (index: number, ext: string) => string,
  onProgress: (done: number, total: number) => void,
): Promise<SaveAllOutcome> {
  if (!isH5() && !(await albumAllowed())) return { outcome: 'denied' };
  for (const [i, picture] of pictures.entries()) {
    onProgress(i + 1, pictures.length);
    try {
      if (isH5()) await download(picture, (ext) => name(i, ext));
      else await intoAlbum(picture);
    } catch (e) {
      const message = String((e as { errMsg?: string } | null)?.errMsg ?? e);
      // The permission was withdrawn meanwhile ("saveImageToPhotosAlbum:fail auth deny").
      if (/auth/i.test(message)) return { outcome: 'denied' };
      return { outcome: 'failed', saved: i };
    }
  }
  return { outcome: isH5() ? 'downloaded' : 'saved', count: pictures.length };
}

async function intoAlbum(picture: KitPicture): Promise<void> {
  let filePath: string;
  if (picture.kind === 'poster') {
    filePath = (await Taro.canvasToTempFilePath({ canvas: picture.canvas as unknown as Taro.Canvas })).tempFilePath;
  } else {
    const res = await Taro.downloadFile({ url: picture.url });
    if (res.statusCode !== 200) throw new Error(`download failed: HTTP ${res.statusCode}`);
    filePath = res.tempFilePath;
  }
  await Taro.saveImageToPhotosAlbum({ filePath });
}

async function download(picture: KitPicture, name: (ext: string) => string): Promise<void> {
  let href: string;
  let ext = 'png';
  let revoke = false;
  if (picture.kind === 'poster') {
    href = picture.canvas.toDataURL!('image/png');
  } else {
    const res = await fetch(picture.url);
    if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
    const blob = await res.blob();
    ext = extensionOf(blob.type, picture.url);
    href = URL.createObjectURL(blob);
    revoke = true;
  }
  const link = document.createElement('a');
  link.href = href;
  link.download = name(ext);
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (revoke) setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** The file's extension: from its type, else from the URL's path, else png. */
export function extensionOf(type: string, url: string): string {
  const byType: Record<string, string> = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/webp': 'webp',
    'image/gif': 'gif',
    'image/svg+xml': 'svg',
  };
  if (byType[type]) return byType[type];
  const match = /\.([a-z0-9]{2,4})(?:$|[?#])/i.exec(url.split('?')[0] ?? '');
  return match ? match[1].toLowerCase() : 'png';
}
