// Cloud storage files as display URLs: fileIDs (cloud://…) become temporary URLs in one batch call.
import type { Cloud } from './db';

const MAX_PER_CALL = 50; // getTempFileURL takes at most 50 files per call

export async function displayUrls(cloud: Cloud, fileIds: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const cloudIds = [...new Set(fileIds.filter((id) => id.startsWith('cloud://')))];
  for (const id of fileIds) if (!id.startsWith('cloud://')) urls.set(id, id);
  for (let i = 0; i < cloudIds.length; i += MAX_PER_CALL) {
    const res = (await cloud.getTempFileURL({ fileList: cloudIds.slice(i, i + MAX_PER_CALL) })) as {
      fileList: Array<{ fileID: string; tempFileURL: string; status: number }>;
    };
    for (const file of res.fileList) if (file.status === 0) urls.set(file.fileID, file.tempFileURL);
  }
  return urls;
}
