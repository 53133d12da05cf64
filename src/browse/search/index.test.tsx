import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { field, typeInto } from '../../owner/shared/test-fields';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { checkQuery, SEARCH_HISTORY_KEY, withSearch } from './history';
import SearchPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { listProducts: jest.fn() } }));

// The device's storage, as a map the page reads and writes through Taro.
const stored = new Map<string, unknown>();
const Taro = Object.assign(mockedTaro(), {
  getStorageSync: jest.fn((key: string) => stored.get(key) ?? ''),
});
Taro.setStorageSync.mockImplementation((key: string, value: unknown) => void stored.set(key, value));
Taro.removeStorageSync.mockImplementation((key: string) => void stored.delete(key));

const listProducts = shopApi.listProducts as jest.MockedFunction<typeof shopApi.listProducts>;
const card = (id: string, title: string, priceFen: number) => ({ id, title, image: '', priceFen, soldOut: false });
const PLACEHOLDER = '搜索商品名称或规格';
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

beforeEach(() => {
  resetTaroMock();
  stored.clear();
  listProducts.mockReset();
});

async function searchFor(text: string) {
  await typeInto(PLACEHOLDER, text);
  fireEvent.click(screen.getByText('搜索'));
}

describe('search page', () => {
  it('searches the trimmed text, shows the results as cards and pages on', async () => {
    listProducts
      .mockResolvedValueOnce({ ok: true, data: { items: [card('p1', '云南古树红茶 200g', 1290)], nextCursor: 'c1' } })
      .mockResolvedValueOnce({ ok: true, data: { items: [card('p2', '红茶 礼盒', 3990)], nextCursor: null } });
    render(<SearchPage />);
    await searchFor('  红茶 ');
    expect(await screen.findByText('云南古树红茶 200g')).toBeTruthy();
    expect(listProducts).toHaveBeenLastCalledWith({ q: '红茶', limit: 10 });
    expect(screen.getByText('¥12.90')).toBeTruthy();

    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('红茶 礼盒')).toBeTruthy();
    expect(listProducts).toHaveBeenLastCalledWith({ q: '红茶', cursor: 'c1', limit: 10 });
    expect(screen.getByText('没有更多了')).toBeTruthy();

    fireEvent.click(screen.getByText('红茶 礼盒'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/product/index?id=p2' });

    // The same words again search afresh.
    listProducts.mockResolvedValueOnce({ ok: true, data: { items: [card('p9', '新到 红茶', 990)], nextCursor: null } });
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('新到 红茶')).toBeTruthy();
    expect(listProducts).toHaveBeenCalledTimes(3);
  });

  it('refuses an empty or blank search without asking the shop', async () => {
    render(<SearchPage />);
    await field(PLACEHOLDER);
    fireEvent.click(screen.getByText('搜索'));
    expect(lastToast()).toBe('请输入要搜索的商品');
    await searchFor('   ');
    expect(lastToast()).toBe('请输入要搜索的商品');
    expect(listProducts).not.toHaveBeenCalled();
    expect(stored.has(SEARCH_HISTORY_KEY)).toBe(false);
  });

  it('keeps the last searches on the device, latest first, and a tap searches one again', async () => {
    stored.set(SEARCH_HISTORY_KEY, ['蜂蜜', '大米']);
    listProducts.mockResolvedValue({
      ok: true,
      data: { items: [card('p1', '五常稻花香大米 5kg', 6990)], nextCursor: null },
    });
    render(<SearchPage />);
    expect(screen.getByText('搜索历史')).toBeTruthy();
    fireEvent.click(screen.getByText('大米'));
    expect(await screen.findByText('五常稻花香大米 5kg')).toBeTruthy();
    expect(listProducts).toHaveBeenLastCalledWith({ q: '大米', limit: 10 });
    expect(stored.get(SEARCH_HISTORY_KEY)).toEqual(['大米', '蜂蜜']);

    await searchFor('红茶');
    await waitFor(() => expect(listProducts).toHaveBeenLastCalledWith({ q: '红茶', limit: 10 }));
    expect(stored.get(SEARCH_HISTORY_KEY)).toEqual(['红茶', '大米', '蜂蜜']);

    // Clearing the field shows the history again.
    fireEvent.click(screen.getByLabelText('清除'));
    expect(screen.getByText('搜索历史')).toBeTruthy();
    expect(screen.getAllByText(/^(红茶|大米|蜂蜜)$/).map((el) => el.textContent)).toEqual(['红茶', '大米', '蜂蜜']);
  });

  it('clears the history only after the buyer confirms', async () => {
    stored.set(SEARCH_HISTORY_KEY, ['蜂蜜']);
    render(<SearchPage />);
    taroPage.confirm = false;
    fireEvent.click(screen.getByText('清空'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(screen.getByText('蜂蜜')).toBeTruthy();
    expect(stored.get(SEARCH_HISTORY_KEY)).toEqual(['蜂蜜']);

    taroPage.confirm = true;
    fireEvent.click(screen.getByText('清空'));
    await waitFor(() => expect(screen.queryByText('蜂蜜')).toBeNull());
    expect(screen.queryByText('搜索历史')).toBeNull();
    expect(stored.has(SEARCH_HISTORY_KEY)).toBe(false);
  });

  it('advises when nothing matched, with a way to the 分类 tab', async () => {
    listProducts.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
    render(<SearchPage />);
    await searchFor('不存在的东西');
    expect(await screen.findByText('没有找到与「不存在的东西」相关的商品')).toBeTruthy();
    expect(screen.getByText('· 试试更短的关键词')).toBeTruthy();
    fireEvent.click(screen.getByText('去分类看看'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' });
  });

  it('shows a failed search with 重新加载', async () => {
    listProducts.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<SearchPage />);
    await searchFor('蜂蜜');
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    listProducts.mockResolvedValueOnce({
      ok: true,
      data: { items: [card('p1', '秦岭土蜂蜜', 6800)], nextCursor: null },
    });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('秦岭土蜂蜜')).toBeTruthy();
  });
});

describe('search rules', () => {
  it('a query is 1-30 characters after trimming', () => {
    expect(checkQuery(' 茶 ')).toEqual({ ok: true, q: '茶' });
    expect(checkQuery('好'.repeat(30))).toEqual({ ok: true, q: '好'.repeat(30) });
    expect(checkQuery('好'.repeat(31))).toEqual({ ok: false, message: '最多 30 个字' });
    expect(checkQuery('\n \t')).toEqual({ ok: false, message: '请输入要搜索的商品' });
  });

  it('the history keeps each search once, the latest first, at most 10', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `q${i}`);
    expect(withSearch(ten, 'q5')).toEqual(['q5', ...ten.filter((q) => q !== 'q5')]);
    expect(withSearch(ten, 'new')).toEqual(['new', ...ten.slice(0, 9)]);
  });
});
