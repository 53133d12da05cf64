// Photos the owner picks (a product's, the shop logo). The mini program uses chooseMedia (its chooseImage is no longer
// maintained); h5 uses chooseImage, which Taro implements with a file input.
import Taro from '@tarojs/taro';

/** Local paths of up to `count` picked photos; none when the owner cancelled. */
export async function pickImages(count: number): Promise<string[]> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const { tempFiles } = await Taro.chooseMedia({
        count,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      return tempFiles.map((f) => f.tempFilePath).slice(0, count);
    }
    const { tempFilePaths } = await Taro.chooseImage({
      count,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    return tempFilePaths.slice(0, count);
  } catch {
    return []; // cancelled
  }
}
