// Photos a member adds to a form (a review, an after-sale case's evidence): picked, then uploaded one by one into the
// member's own folder `<folder>/<openid>/` (the only place the storage rule lets them write and the functions take
// their photos from), with 上传中 i/n meanwhile. The form sends the fileIDs.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { cloudPathFor, uploadFile } from '../api/storage';
import { ownUploadFolder } from '../stores/session';

export interface UploadedPhoto {
  /** What the page shows: the picked file. */
  local: string;
  fileID: string;
}

export interface PhotoUploads {
  photos: UploadedPhoto[];
  /** '上传中 i/n' while uploading, else null. */
  uploading: string | null;
  /** Picks up to what is left of `max`, and uploads them. */
  add: () => Promise<void>;
  remove: (fileID: string) => void;
}

export function usePhotoUploads(folder: string, max: number): PhotoUploads {
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

  const add = async () => {
    if (uploading) return;
    let picked: string[];
    try {
      picked = (
        await Taro.chooseImage({
          count: max - photos.length,
          sizeType: ['compressed'],
          sourceType: ['album', 'camera'],
        })
      ).tempFilePaths;
    } catch {
      return; // cancelled
    }
    setUploading(`上传中 1/${picked.length}`);
    const own = await ownUploadFolder(folder);
    if (!own.ok) {
      setUploading(null);
      return toast(own.error.message);
    }
    const added: UploadedPhoto[] = [];
    for (const [i, local] of picked.slice(0, max - photos.length).entries()) {
      setUploading(`上传中 ${i + 1}/${picked.length}`);
      const res = await uploadFile(cloudPathFor(own.data, local), local);
      if (!res.ok) {
        toast(res.error.message);
        break;
      }
      added.push({ local, fileID: res.data.fileID });
    }
    setUploading(null);
    setPhotos((now) => [...now, ...added].slice(0, max));
  };

  const remove = (fileID: string) => setPhotos((now) => now.filter((p) => p.fileID !== fileID));

  return { photos, uploading, add, remove };
}
