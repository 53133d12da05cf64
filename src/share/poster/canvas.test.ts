import Taro from '@tarojs/taro';
import type { Poster } from '../../../cloudfunctions/contracts/commission';
import { codeImageSource, createPosterPainter, findPosterCanvas, savePoster, type PosterCanvas } from './canvas';

// The platform APIs the poster uses, as the weapp and h5 builds provide them.
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: jest.fn(),
    canvasToTempFilePath: jest.fn(),
    saveImageToPhotosAlbum: jest.fn(),
    createSelectorQuery: jest.fn(),
  },
}));

const taro = Taro as unknown as {
  getFileSystemManager: jest.Mock;
  canvasToTempFilePath: jest.Mock;
  saveImageToPhotosAlbum: jest.Mock;
  createSelectorQuery: jest.Mock;
};
const writeFile = jest.fn();
const CODE = 'data:image/png;base64,iVBORw0KGgo=';

const poster: Poster = {
  code: CODE,
  scene: 'p=p1&s=ALC234',
  product: { id: 'p1', title: '云南古树红茶', priceFen: 1290, image: 'https://cdn.example/p1.png', status: 'on_sale' },
  sharer: { nickname: 'alice', shareCode: 'ALC234' },
  note: '',
};

beforeEach(() => {
  delete process.env.TARO_ENV;
  writeFile.mockReset().mockImplementation((opt: { success: () => void }) => opt.success());
  taro.getFileSystemManager.mockReset().mockReturnValue({ writeFile });
  taro.canvasToTempFilePath.mockReset().mockResolvedValue({ tempFilePath: 'wxfile://tmp/poster.png' });
  taro.saveImageToPhotosAlbum.mockReset().mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' });
  taro.createSelectorQuery.mockReset();
});

describe('codeImageSource', () => {
  it('weapp: writes the PNG to a file under the user data folder and loads it from there', async () => {
    await expect(codeImageSource(CODE)).resolves.toBe('wxfile://usr/poster-code.png');
    expect(writeFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://usr/poster-code.png', data: 'iVBORw0KGgo=', encoding: 'base64' }),
    );
  });

  it('weapp: fails when the file cannot be written', async () => {
    writeFile.mockImplementation((opt: { fail: (e: unknown) => void }) => opt.fail({ errMsg: 'writeFile:fail' }));
    await expect(codeImageSource(CODE)).rejects.toEqual({ errMsg: 'writeFile:fail' });
  });

  it('h5: the data URL as it is', async () => {
    process.env.TARO_ENV = 'h5';
    await expect(codeImageSource(CODE)).resolves.toBe(CODE);
    expect(writeFile).not.toHaveBeenCalled();
  });
});

describe('findPosterCanvas', () => {
  function answers(...nodes: Array<unknown>) {
    for (const node of nodes) {
      taro.createSelectorQuery.mockImplementationOnce(() => {
        const query = {
          select: () => query,
          fields: () => query,
          exec: (cb: (res: unknown[]) => void) => cb([node ? { node } : null]),
        };
        return query;
      });
    }
  }

  it('waits for the canvas the web component renders a moment later', async () => {
    jest.useFakeTimers();
    try {
      const node = { width: 300, height: 150, getContext: jest.fn() };
      answers(null, { id: 'poster' }, node);
      const found = findPosterCanvas('#poster');
      await jest.advanceTimersByTimeAsync(100);
      await expect(found).resolves.toBe(node);
      expect(taro.createSelectorQuery).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives up when there is no canvas', async () => {
    answers(null, null);
    jest.useFakeTimers();
    try {
      const found = findPosterCanvas('#poster', 2);
      const expectation = expect(found).rejects.toThrow('canvas #poster not found');
      await jest.advanceTimersByTimeAsync(100);
      await expectation;
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('createPosterPainter (weapp canvas)', () => {
  function weappCanvas(failing: string[] = []) {
    const calls: Array<[string, ...unknown[]]> = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (t, key: string) => {
        if (key in t) return t[key];
        if (key === 'measureText') return (text: string) => ({ width: Array.from(text).length * 20 });
        return (...args: unknown[]) => void calls.push([key, ...args]);
      },
      set: (t, key: string, value) => ((t[key] = value), true),
    });
    const loaded: string[] = [];
    const canvas: PosterCanvas = {
      width: 300,
      height: 150,
      getContext: () => ctx,
      createImage: () => {
        const image = {
          width: 400,
          height: 400,
          onload: null as null | (() => void),
          onerror: null as null | (() => void),
          src: '',
        };
        return new Proxy(image, {
          set: (t, key, value) => {
            (t as Record<string | symbol, unknown>)[key] = value;
            if (key === 'src') {
              loaded.push(value as string);
              queueMicrotask(() => (failing.includes(value as string) ? t.onerror?.() : t.onload?.()));
            }
            return true;
          },
        });
      },
    };
    return { canvas, calls, loaded };
  }
  const texts = (calls: Array<[string, ...unknown[]]>) => calls.filter((c) => c[0] === 'fillText').map((c) => c[1]);

  it('draws at twice the layout size with the photo, the code file and the note', async () => {
    const { canvas, calls, loaded } = weappCanvas();
    await createPosterPainter(canvas, poster).draw('我家常备');
    expect([canvas.width, canvas.height]).toEqual([1200, 1920]);
    expect(calls).toContainEqual(['scale', 2, 2]);
    expect(loaded.sort()).toEqual(['https://cdn.example/p1.png', 'wxfile://usr/poster-code.png']);
    expect(calls.filter((c) => c[0] === 'drawImage')).toHaveLength(2);
    expect(texts(calls)).toEqual(
      expect.arrayContaining(['¥12.90', '云南古树红茶', '来自 alice 的推荐', '“我家常备”', '长按识别小程序码']),
    );
  });

  it('loads the images once and redraws with a new note', async () => {
    const { canvas, calls, loaded } = weappCanvas();
    const painter = createPosterPainter(canvas, poster);
    await painter.draw('');
    calls.length = 0;
    await painter.draw('回甘明显');
    expect(loaded).toHaveLength(2);
    expect(texts(calls)).toContain('“回甘明显”');
  });

  it('still draws the poster when the photo does not load', async () => {
    const { canvas, calls } = weappCanvas(['https://cdn.example/p1.png']);
    await createPosterPainter(canvas, poster).draw('');
    expect(calls.filter((c) => c[0] === 'drawImage')).toHaveLength(1);
    expect(texts(calls)).toContain('云南古树红茶');
  });
});

describe('savePoster', () => {
  const canvas: PosterCanvas = { width: 1200, height: 1920, getContext: jest.fn() };

  it('weapp: exports the canvas and saves it to the album', async () => {
    await expect(savePoster(canvas, 'p.png')).resolves.toBe('saved');
    expect(taro.canvasToTempFilePath).toHaveBeenCalledWith({ canvas });
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
  });

  it.each([
    ['saveImageToPhotosAlbum:fail auth deny', 'denied'],
    ['saveImageToPhotosAlbum:fail authorize no response', 'denied'],
    ['saveImageToPhotosAlbum:fail cancel', 'cancelled'],
    ['saveImageToPhotosAlbum:fail system error', 'failed'],
  ])('weapp: "%s" → %s', async (errMsg, outcome) => {
    taro.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg });
    await expect(savePoster(canvas, 'p.png')).resolves.toBe(outcome);
  });

  it('h5: downloads the canvas as a PNG', async () => {
    process.env.TARO_ENV = 'h5';
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('youjian-p1.png');
      expect(this.href).toBe('data:image/png;base64,AAAA');
    });
    const h5Canvas = { ...canvas, toDataURL: jest.fn(() => 'data:image/png;base64,AAAA') };
    await expect(savePoster(h5Canvas, 'youjian-p1.png')).resolves.toBe('downloaded');
    expect(h5Canvas.toDataURL).toHaveBeenCalledWith('image/png');
    expect(click).toHaveBeenCalledTimes(1);
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
  });

  it('h5: a canvas the browser will not export (a cross-origin photo) fails', async () => {
    process.env.TARO_ENV = 'h5';
    const h5Canvas = {
      ...canvas,
      toDataURL: () => {
        throw new Error('SecurityError: tainted canvas');
      },
    };
    await expect(savePoster(h5Canvas, 'p.png')).resolves.toBe('failed');
  });
});
