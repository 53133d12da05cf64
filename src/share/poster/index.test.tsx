import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import * as contract from '../../../cloudfunctions/contracts/commission';
import type { Poster } from '../../../cloudfunctions/contracts/commission';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { createPosterPainter, findPosterCanvas, savePoster, type PosterCanvas } from './canvas';
import PosterPage, { NOTE_MAX } from './index';

jest.mock('@tarojs/taro', () => {
  const mock = require('../../test-utils/taro-mock').taroMock();
  mock.default.openSetting = jest.fn(() => Promise.resolve({}));
  return mock;
});
jest.mock('../../api/commission', () => ({ commissionApi: { poster: jest.fn(), setNote: jest.fn() } }));
// The canvas cannot draw in jsdom: canvas.test.ts and layout.test.ts cover drawing; here, what the page asks for.
jest.mock('./canvas', () => ({
  ...jest.requireActual('./canvas'),
  findPosterCanvas: jest.fn(),
  createPosterPainter: jest.fn(),
  savePoster: jest.fn(),
}));

const Taro = mockedTaro() as ReturnType<typeof mockedTaro> & { openSetting: jest.Mock };
const api = commissionApi as jest.Mocked<typeof commissionApi>;
const find = findPosterCanvas as jest.MockedFunction<typeof findPosterCanvas>;
const createPainter = createPosterPainter as jest.MockedFunction<typeof createPosterPainter>;
const save = savePoster as jest.MockedFunction<typeof savePoster>;
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

const canvas: PosterCanvas = { width: 1200, height: 1920, getContext: jest.fn() };
const draw = jest.fn<Promise<void>, [string]>();
const poster = (extra: Partial<Poster> = {}): Poster => ({
  code: 'data:image/png;base64,AAAA',
  scene: 'p=p1&s=ALC234',
  product: { id: 'p1', title: '云南古树红茶', priceFen: 1290, image: '/img/p1.png', status: 'on_sale' },
  sharer: { nickname: 'alice', shareCode: 'ALC234' },
  note: '我家常备',
  ...extra,
});

beforeEach(() => {
  resetTaroMock();
  Taro.openSetting.mockClear();
  delete process.env.TARO_ENV;
  taroPage.params = { id: 'p1' };
  api.poster.mockReset().mockResolvedValue({ ok: true, data: poster() });
  api.setNote.mockReset();
  draw.mockReset().mockResolvedValue(undefined);
  find.mockReset().mockResolvedValue(canvas);
  createPainter.mockReset().mockImplementation((c) => ({ canvas: c, draw }));
  save.mockReset();
});

/** Types into Taro's Textarea the way its web component reports typing, once its native field is there. */
async function typeNote(value: string) {
  const placeholder = '写一句你的真实感受，会出现在海报和分享卡片上';
  const field = await waitFor(() => {
    const el = document.querySelector(`textarea[placeholder="${placeholder}"]`);
    if (!el) throw new Error('the note field has not rendered yet');
    return el;
  });
  const host = field.closest('taro-textarea-core')!;
  act(() => {
    host.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

async function openPoster() {
  render(<PosterPage />);
  await waitFor(() => expect(draw).toHaveBeenCalled());
  await screen.findByText('保存海报');
}

describe('分享海报', () => {
  it('draws the poster of the product with my saved note', async () => {
    await openPoster();
    expect(api.poster).toHaveBeenCalledWith({ productId: 'p1' });
    expect(find).toHaveBeenCalledWith('#poster');
    expect(createPainter).toHaveBeenCalledWith(
      canvas,
      expect.objectContaining({ product: expect.objectContaining({ id: 'p1' }) }),
    );
    expect(draw).toHaveBeenCalledWith('我家常备');
    expect(screen.getByText('4/60')).toBeTruthy();
  });

  it('saves an edited note and draws the poster again with it', async () => {
    await openPoster();
    const button = screen.getByText('保存推荐语');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await typeNote('  回甘明显，早上一杯  ');
    expect(screen.getByText('9/60')).toBeTruthy();
    api.setNote.mockResolvedValueOnce({ ok: true, data: { productId: 'p1', note: '回甘明显，早上一杯' } });
    await act(async () => fireEvent.click(screen.getByText('保存推荐语')));
    expect(api.setNote).toHaveBeenCalledWith({ productId: 'p1', note: '回甘明显，早上一杯' });
    expect(lastToast()).toBe('推荐语已保存');
    await waitFor(() => expect(draw).toHaveBeenLastCalledWith('回甘明显，早上一杯'));
    // One canvas, one painter: only the note changed.
    expect(createPainter).toHaveBeenCalledTimes(1);
    expect(screen.getByText('保存推荐语').getAttribute('aria-disabled')).toBe('true');
  });

  it('clears the note with an empty one', async () => {
    await openPoster();
    await typeNote('');
    api.setNote.mockResolvedValueOnce({ ok: true, data: { productId: 'p1', note: '' } });
    await act(async () => fireEvent.click(screen.getByText('保存推荐语')));
    expect(api.setNote).toHaveBeenCalledWith({ productId: 'p1', note: '' });
    expect(lastToast()).toBe('推荐语已清空');
    await waitFor(() => expect(draw).toHaveBeenLastCalledWith(''));
  });

  it('refuses a note over 60 characters (the contract’s limit) without asking the server', async () => {
    expect(NOTE_MAX).toBe(contract.NOTE_MAX);
    await openPoster();
    await typeNote('好'.repeat(61));
    await act(async () => fireEvent.click(screen.getByText('保存推荐语')));
    expect(screen.getByText('推荐语最多 60 个字')).toBeTruthy();
    expect(api.setNote).not.toHaveBeenCalled();
  });

  it('shows why the server refused the note and keeps the poster as it was', async () => {
    await openPoster();
    await typeNote('新的推荐语');
    api.setNote.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await act(async () => fireEvent.click(screen.getByText('保存推荐语')));
    expect(screen.getByText('网络异常，请稍后重试')).toBeTruthy();
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('weapp: saves the drawn poster to the album', async () => {
    save.mockResolvedValueOnce('saved');
    await openPoster();
    await act(async () => fireEvent.click(screen.getByText('保存海报')));
    expect(save).toHaveBeenCalledWith(canvas, 'youjian-p1.png');
    expect(lastToast()).toBe('已保存到相册');
  });

  it('weapp: when album access was refused, offers the settings', async () => {
    save.mockResolvedValueOnce('denied');
    await openPoster();
    await act(async () => fireEvent.click(screen.getByText('保存海报')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '无法保存到相册', confirmText: '去设置' }),
    );
    expect(Taro.openSetting).toHaveBeenCalledTimes(1);
  });

  it('h5: downloads the poster', async () => {
    process.env.TARO_ENV = 'h5';
    save.mockResolvedValueOnce('downloaded');
    render(<PosterPage />);
    await waitFor(() => expect(draw).toHaveBeenCalled());
    const button = await screen.findByText('下载海报');
    await act(async () => fireEvent.click(button));
    expect(lastToast()).toBe('海报已下载');
  });

  it('cannot save until the poster is drawn, and says so when drawing failed', async () => {
    draw.mockRejectedValueOnce(new Error('no canvas'));
    render(<PosterPage />);
    expect(await screen.findByText('海报生成失败，请返回重试')).toBeTruthy();
    const button = screen.getByText('保存海报');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(save).not.toHaveBeenCalled();
  });

  it('makes no poster of a product that is off sale', async () => {
    api.poster.mockResolvedValueOnce({
      ok: true,
      data: poster({ product: { ...poster().product, status: 'off_sale' } }),
    });
    render(<PosterPage />);
    expect(await screen.findByText('商品已下架')).toBeTruthy();
    expect(screen.queryByText('保存海报')).toBeNull();
    expect(find).not.toHaveBeenCalled();
    expect(draw).not.toHaveBeenCalled();
  });

  it('shows the error of a poster that could not be made, with a retry', async () => {
    api.poster.mockResolvedValueOnce({
      ok: false,
      error: { code: 'share.poster_failed', message: '生成小程序码失败，请稍后重试' },
    });
    render(<PosterPage />);
    expect(await screen.findByText('生成小程序码失败，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => expect(draw).toHaveBeenCalledWith('我家常备'));
    expect(api.poster).toHaveBeenCalledTimes(2);
  });

  it('asks for nothing with a bad product id', async () => {
    taroPage.params = { id: '../x' };
    render(<PosterPage />);
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy();
    expect(api.poster).not.toHaveBeenCalled();
  });
});
