import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import type { MaterialKit } from '../../../cloudfunctions/contracts/commission';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { createPosterPainter, findPosterCanvas, type PosterCanvas } from '../poster/canvas';
import MomentsPage from './index';
import { composeWords, firstPick, HOW_TO_POST, POSTER } from './kit';

jest.mock('@tarojs/taro', () => {
  const mock = require('../../test-utils/taro-mock').taroMock();
  Object.assign(mock.default, {
    openSetting: jest.fn(() => Promise.resolve({})),
    getSetting: jest.fn(),
    authorize: jest.fn(),
    downloadFile: jest.fn(),
    saveImageToPhotosAlbum: jest.fn(),
    canvasToTempFilePath: jest.fn(),
  });
  return mock;
});
jest.mock('../../api/commission', () => ({ commissionApi: { material: jest.fn() } }));
// The canvas cannot draw in jsdom (poster/canvas.test.ts covers drawing): here, what the page asks of it.
jest.mock('../poster/canvas', () => ({
  ...jest.requireActual('../poster/canvas'),
  findPosterCanvas: jest.fn(),
  createPosterPainter: jest.fn(),
}));

type Mock = jest.Mock;
const Taro = mockedTaro() as ReturnType<typeof mockedTaro> &
  Record<'openSetting' | 'getSetting' | 'authorize' | 'downloadFile' | 'saveImageToPhotosAlbum', Mock> & {
    canvasToTempFilePath: Mock;
  };
const api = commissionApi as jest.Mocked<typeof commissionApi>;
const find = findPosterCanvas as jest.MockedFunction<typeof findPosterCanvas>;
const createPainter = createPosterPainter as jest.MockedFunction<typeof createPosterPainter>;
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

const canvas: PosterCanvas = { width: 1200, height: 1920, getContext: jest.fn() };
const draw = jest.fn<Promise<void>, [string]>();
const kit = (extra: Partial<MaterialKit> = {}): MaterialKit => ({
  productId: 'p1',
  texts: ['秦岭土蜂蜜，一年只取一次', '第二段文案'],
  note: '我家常备',
  images: [
    { url: 'https://cdn/o1.jpg', source: 'owner' },
    { url: 'https://cdn/o2.jpg', source: 'owner' },
    { url: 'https://cdn/r1.jpg', source: 'review' },
  ],
  poster: {
    code: 'data:image/png;base64,AAAA',
    scene: 'p=p1&s=ALC234',
    product: { id: 'p1', title: '秦岭土蜂蜜', priceFen: 6800, image: 'https://cdn/o1.jpg', status: 'on_sale' },
    sharer: { nickname: 'alice', shareCode: 'ALC234' },
    note: '我家常备',
  },
  ...extra,
});

beforeEach(() => {
  resetTaroMock();
  delete process.env.TARO_ENV;
  taroPage.params = { id: 'p1' };
  api.material.mockReset().mockResolvedValue({ ok: true, data: kit() });
  draw.mockReset().mockResolvedValue(undefined);
  find.mockReset().mockResolvedValue(canvas);
  createPainter.mockReset().mockImplementation((c) => ({ canvas: c, draw }));
  Taro.openSetting.mockClear();
  Taro.getSetting.mockReset().mockResolvedValue({ authSetting: {} });
  Taro.authorize.mockReset().mockResolvedValue({});
  Taro.downloadFile
    .mockReset()
    .mockImplementation(({ url }: { url: string }) => Promise.resolve({ statusCode: 200, tempFilePath: `tmp:${url}` }));
  Taro.saveImageToPhotosAlbum.mockReset().mockResolvedValue({});
  Taro.canvasToTempFilePath.mockReset().mockResolvedValue({ tempFilePath: 'tmp:poster' });
});

async function openPage() {
  render(<MomentsPage />);
  await waitFor(() => expect(draw).toHaveBeenCalledWith('我家常备'));
  await screen.findByText('保存图片（4）');
}

const tile = (label: string) => screen.getByLabelText(label);
/** The native <textarea> inside Taro's web Textarea, which appears once the web component has rendered. */
const nativeTextarea = () =>
  waitFor(() => {
    const found = document.querySelector<HTMLTextAreaElement>('textarea');
    if (!found) throw new Error('no textarea yet');
    return found;
  });
const saved = () => Taro.saveImageToPhotosAlbum.mock.calls.map(([o]: [{ filePath: string }]) => o.filePath);

describe('一键发圈', () => {
  it('offers the owner’s pictures, my review photo, my poster last, and my note before the owner’s words', async () => {
    await openPage();
    expect(api.material).toHaveBeenCalledWith({ productId: 'p1' });
    expect(createPainter).toHaveBeenCalledWith(canvas, expect.objectContaining({ scene: 'p=p1&s=ALC234' }));
    expect(screen.getByText('已选 4/9')).toBeTruthy();
    expect(tile('我的评价照片 3').getAttribute('aria-checked')).toBe('true');
    expect(tile('我的海报').textContent).toContain('4');
    expect((await nativeTextarea()).value).toBe('我家常备\n\n秦岭土蜂蜜，一年只取一次');
    fireEvent.click(screen.getByText('文案 2'));
    await waitFor(() => expect(document.querySelector('textarea')?.value).toBe('我家常备\n\n第二段文案'));
  });

  it('picking: a picture taken out and back goes before the poster; never more than 9', async () => {
    api.material.mockResolvedValueOnce({
      ok: true,
      data: kit({ images: Array.from({ length: 10 }, (_, i) => ({ url: `https://cdn/${i}.jpg`, source: 'owner' })) }),
    });
    render(<MomentsPage />);
    await screen.findByText('已选 9/9');
    expect(tile('店主图片 9').getAttribute('aria-checked')).toBe('false');
    fireEvent.click(tile('店主图片 9'));
    expect(lastToast()).toBe('朋友圈最多 9 张图片');
    expect(screen.getByText('已选 9/9')).toBeTruthy();
    fireEvent.click(tile('店主图片 1'));
    expect(screen.getByText('已选 8/9')).toBeTruthy();
    fireEvent.click(tile('店主图片 10'));
    expect(tile('店主图片 10').textContent).toBe('8');
    expect(tile('我的海报').textContent).toContain('9');
  });

  it('weapp: asks for the album, saves each picture in order with the poster last, showing progress', async () => {
    await openPage();
    let release: () => void = () => undefined;
    Taro.saveImageToPhotosAlbum.mockImplementationOnce(
      () => new Promise<void>((resolve) => (release = () => resolve())),
    );
    await act(async () => fireEvent.click(screen.getByText('保存图片（4）')));
    expect(Taro.authorize).toHaveBeenCalledWith({ scope: 'scope.writePhotosAlbum' });
    expect(screen.getByText('正在保存 1/4')).toBeTruthy();
    await act(async () => release());
    await waitFor(() => expect(saved()).toHaveLength(4));
    expect(saved()).toEqual([
      'tmp:https://cdn/o1.jpg',
      'tmp:https://cdn/o2.jpg',
      'tmp:https://cdn/r1.jpg',
      'tmp:poster',
    ]);
    expect(Taro.canvasToTempFilePath).toHaveBeenCalledWith({ canvas });
    await screen.findByText(`图片已保存：${HOW_TO_POST}`);
    expect(lastToast()).toBe('已保存 4 张到相册');
  });

  it('weapp: album permission refused before: guides to the settings, saves nothing', async () => {
    Taro.getSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': false } });
    await openPage();
    await act(async () => fireEvent.click(screen.getByText('保存图片（4）')));
    expect(Taro.authorize).not.toHaveBeenCalled();
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '无法保存到相册', confirmText: '去设置' }),
    );
    expect(Taro.openSetting).toHaveBeenCalledTimes(1);
    expect(saved()).toEqual([]);
    expect(screen.queryByText(`图片已保存：${HOW_TO_POST}`)).toBeNull();
  });

  it('weapp: refused when asked now: the same guide; 取消 leaves the settings closed', async () => {
    Taro.authorize.mockRejectedValue({ errMsg: 'authorize:fail auth deny' });
    taroPage.confirm = false;
    await openPage();
    await act(async () => fireEvent.click(screen.getByText('保存图片（4）')));
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(Taro.openSetting).not.toHaveBeenCalled();
    expect(Taro.downloadFile).not.toHaveBeenCalled();
  });

  it('weapp: a picture that fails stops the saving and says how many were saved', async () => {
    Taro.downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'tmp:1' });
    Taro.downloadFile.mockResolvedValueOnce({ statusCode: 404, tempFilePath: '' });
    await openPage();
    await act(async () => fireEvent.click(screen.getByText('保存图片（4）')));
    expect(saved()).toEqual(['tmp:1']);
    expect(lastToast()).toBe('已保存 1 张，其余保存失败，请重试');
  });

  it('copies the words as edited, then says how to post', async () => {
    await openPage();
    const host = (await nativeTextarea()).closest('taro-textarea-core') as Element;
    act(() => {
      host.dispatchEvent(new CustomEvent('input', { detail: { value: '  改过的文案  ' } }));
    });
    await act(async () => fireEvent.click(screen.getByText('复制文案')));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '改过的文案' });
    expect(lastToast()).toBe('文案已复制');
    expect(screen.getByText(`文案已复制：${HOW_TO_POST}`)).toBeTruthy();
  });

  it('h5: downloads each picture as a file, the poster as a PNG', async () => {
    process.env.TARO_ENV = 'h5';
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const fetchMock = jest.fn((url: string) =>
      Promise.resolve({
        ok: true,
        status: 200,
        blob: () => Promise.resolve(new Blob(['x'], { type: 'image/jpeg' })),
        url,
      }),
    );
    const realFetch = globalThis.fetch;
    Object.assign(globalThis, { fetch: fetchMock });
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
    Object.assign(canvas, { toDataURL: jest.fn(() => 'data:image/png;base64,AAAA') });
    try {
      await openPage();
      await act(async () => fireEvent.click(screen.getByText('保存图片（4）')));
      expect(names).toEqual(['youjian-p1-1.jpg', 'youjian-p1-2.jpg', 'youjian-p1-3.jpg', 'youjian-p1-poster.png']);
      expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
        'https://cdn/o1.jpg',
        'https://cdn/o2.jpg',
        'https://cdn/r1.jpg',
      ]);
      expect(Taro.getSetting).not.toHaveBeenCalled();
      expect(lastToast()).toBe('已下载 4 张');
    } finally {
      click.mockRestore();
      Object.assign(globalThis, { fetch: realFetch });
    }
  });

  it('loading, error with a retry, an off-sale product and a bad id', async () => {
    api.material.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const { unmount } = render(<MomentsPage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    await screen.findByText('保存图片（4）');
    unmount();

    const off = kit();
    off.poster.product.status = 'off_sale';
    api.material.mockResolvedValueOnce({ ok: true, data: off });
    const second = render(<MomentsPage />);
    expect(await screen.findByText('商品已下架，换一件在售的好物分享吧')).toBeTruthy();
    second.unmount();

    taroPage.params = { id: '../x' };
    api.material.mockClear();
    render(<MomentsPage />);
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy();
    expect(api.material).not.toHaveBeenCalled();
  });
});

describe('the kit’s helpers', () => {
  it('composeWords puts my note first; firstPick leaves the last place to the poster', () => {
    expect(composeWords('店主的话', '')).toBe('店主的话');
    expect(composeWords('店主的话', '我的话')).toBe('我的话\n\n店主的话');
    expect(firstPick(2)).toEqual(['0', '1', POSTER]);
    expect(firstPick(12)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', POSTER]);
  });
});
