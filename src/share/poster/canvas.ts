// The poster's canvas on each platform: finding the 2D canvas node, loading its images, drawing, and saving the
// result (weapp: to the photo album; h5: a download). The drawing itself is layout.ts + paint.ts.
import Taro from '@tarojs/taro';
import type { Poster } from '../../../cloudfunctions/contracts/commission';
import { formatFen } from '../../lib/money';
import { layoutPoster, POSTER_HEIGHT, POSTER_SCALE, POSTER_WIDTH } from './layout';
import { paintPoster, type PosterContext, type PosterImage } from './paint';

// Read when called (the build replaces it with a constant either way), so tests can run both builds.
const isH5 = () => process.env.TARO_ENV === 'h5';

/** weapp's Image from canvas.createImage(), or h5's HTMLImageElement: both load by `src` and report their size. */
interface LoadableImage {
  src: string;
  width: number;
  height: number;
  onload: (() => void) | null;
  onerror: ((e?: unknown) => void) | null;
  crossOrigin?: string | null;
}

/** A weapp canvas node (type 2d) or an h5 <canvas>. */
export interface PosterCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
  /** weapp only. */
  createImage?: () => LoadableImage;
  /** h5 only. */
  toDataURL?: (type?: string) => string;
}

export interface PosterPainter {
  canvas: PosterCanvas;
  /** Draws the whole poster with this note; the images are loaded once, on the first draw. */
  draw: (note: string) => Promise<void>;
}

export type SaveOutcome = 'saved' | 'downloaded' | 'denied' | 'cancelled' | 'failed';

export const CODE_FILE_NAME = 'poster-code.png';

/**
 * The canvas node behind `<Canvas type='2d' id=…>`. In h5 the canvas element appears a moment after React inserts
 * the component (it is a web component that renders its own <canvas>), so the query is tried a few times.
 */
export async function findPosterCanvas(selector: string, attempts = 20): Promise<PosterCanvas> {
  for (let i = 0; i < attempts; i += 1) {
    const node = await queryNode(selector);
    if (node) return node;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`canvas ${selector} not found`);
}

function queryNode(selector: string): Promise<PosterCanvas | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(selector)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: PosterCanvas } | null>) => {
        const node = res?.[0]?.node;
        resolve(node && typeof node.getContext === 'function' ? node : null);
      });
  });
}

/**
 * Where the mini program code can be loaded from. weapp's canvas images do not load data URLs reliably, so the
 * PNG is written to a file under the user data folder first; h5 loads the data URL as it is.
 */
export async function codeImageSource(dataUrl: string): Promise<string> {
  if (isH5()) return dataUrl;
  const filePath = `${Taro.env.USER_DATA_PATH}/${CODE_FILE_NAME}`;
  const data = dataUrl.replace(/^data:image\/\w+;base64,/, '');
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data,
      encoding: 'base64',
      success: () => resolve(),
      fail: reject,
    });
  });
  return filePath;
}

/** The image at `src`, or null when it does not load (the poster then shows a grey box in its place). */
function loadImage(canvas: PosterCanvas, src: string): Promise<PosterImage | null> {
  return new Promise((resolve) => {
    const image: LoadableImage = canvas.createImage ? canvas.createImage() : (new Image() as unknown as LoadableImage);
    // h5: a cross-origin photo without CORS would taint the canvas and make the download fail.
    if (!canvas.createImage) image.crossOrigin = 'anonymous';
    image.onload = () =>
      resolve({ source: image as unknown as CanvasImageSource, width: image.width, height: image.height });
    image.onerror = () => resolve(null);
    image.src = src;
  });
}

export function createPosterPainter(canvas: PosterCanvas, poster: Poster): PosterPainter {
  let images: Promise<{ product: PosterImage | null; code: PosterImage | null }> | null = null;
  const loadImages = () =>
    Promise.all([
      poster.product.image ? loadImage(canvas, poster.product.image) : Promise.resolve(null),
      codeImageSource(poster.code)
        .then((src) => loadImage(canvas, src))
        .catch(() => null),
    ]).then(([product, code]) => ({ product, code }));

  return {
    canvas,
    draw: async (note) => {
      images ??= loadImages();
      const loaded = await images;
      // Setting the size clears the canvas and its transform: every draw starts clean.
      canvas.width = POSTER_WIDTH * POSTER_SCALE;
      canvas.height = POSTER_HEIGHT * POSTER_SCALE;
      const ctx = canvas.getContext('2d') as PosterContext & Pick<CanvasRenderingContext2D, 'scale' | 'measureText'>;
      ctx.scale(POSTER_SCALE, POSTER_SCALE);
      const measure = (text: string, font: string) => {
        ctx.font = font;
        return ctx.measureText(text).width;
      };
      const content = {
        title: poster.product.title,
        priceText: formatFen(poster.product.priceFen),
        nickname: poster.sharer.nickname,
        note,
      };
      paintPoster(ctx, layoutPoster(content, measure), loaded);
    },
  };
}

/** weapp: into the photo album (the first time WeChat asks for permission); h5: a PNG download. */
export async function savePoster(canvas: PosterCanvas, fileName: string): Promise<SaveOutcome> {
  if (isH5()) {
    try {
      const link = document.createElement('a');
      link.href = canvas.toDataURL!('image/png');
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      return 'downloaded';
    } catch {
      return 'failed';
    }
  }
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas });
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return 'saved';
  } catch (e) {
    const message = String((e as { errMsg?: string } | null)?.errMsg ?? e);
    // "saveImageToPhotosAlbum:fail auth deny", "…:fail authorize no response", "…:fail auth denied"
    if (/auth/i.test(message)) return 'denied';
    if (/cancel/i.test(message)) return 'cancelled';
    return 'failed';
  }
}

/** The album permission was refused: say why saving needs it and offer the settings page where it is given. */
export async function guideToAlbumSetting(): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '无法保存到相册',
    content: '需要你允许「保存到相册」，请在设置中打开后再保存',
    confirmText: '去设置',
    cancelText: '取消',
  });
  if (confirm) void Taro.openSetting();
}
