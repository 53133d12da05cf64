// The owner's shipments file, picked where a phone keeps files: the mini program from a chat (chooseMessageFile: a
// CSV sent to oneself or a file transfer), h5 from a file input. Answers its local path, name, size and text (for
// the preview), or null when the owner cancelled.
import Taro from '@tarojs/taro';

export interface PickedCsv {
  /** What uploadFile reads: the mini program's temp path, or the h5 blob: URL. */
  path: string;
  name: string;
  size: number;
  text: string;
}

export async function pickCsv(): Promise<PickedCsv | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser();
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
    const file = tempFiles[0];
    if (!file) return null;
    const text = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string;
    return { path: file.path, name: file.name, size: file.size, text };
  } catch {
    return null; // cancelled
  }
}

function pickInBrowser(): Promise<PickedCsv | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv,text/plain';
    input.onchange = async () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      resolve({ path: URL.createObjectURL(file), name: file.name, size: file.size, text: await file.text() });
    };
    input.click();
  });
}
