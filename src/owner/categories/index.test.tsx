import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import type { Category } from '../../../cloudfunctions/contracts/shop';
import { typeInto } from '../shared/test-fields';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { checkName, move, nextSort } from './order';
import OwnerCategoriesPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({
  shopApi: { categories: jest.fn(), saveCategory: jest.fn(), removeCategory: jest.fn() },
}));

const Taro = mockedTaro();
const api = shopApi as unknown as Record<'categories' | 'saveCategory' | 'removeCategory', jest.Mock>;
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;
const cat = (id: string, name: string, sort: number, products = 0): Category => ({ id, name, sort, products });
const tea = cat('c1', '茶叶', 10, 3);
const rice = cat('c2', '粮油', 20, 1);
const honey = cat('c3', '蜂蜜', 30, 0);
const names = () => Array.from(document.querySelectorAll('.owner-categories__name')).map((n) => n.textContent);
const row = (name: string) => screen.getByLabelText(name);

beforeEach(() => {
  resetTaroMock();
  for (const fn of Object.values(api)) fn.mockReset();
  api.categories.mockResolvedValue({ ok: true, data: { items: [tea, rice, honey] } });
});

describe('the owner’s 商品分类 page', () => {
  it('lists the categories in order with how many products each holds', async () => {
    render(<OwnerCategoriesPage />);
    expect(await screen.findByText('茶叶')).toBeTruthy();
    expect(names()).toEqual(['茶叶', '粮油', '蜂蜜']);
    expect(within(row('茶叶')).getByText('3 件商品')).toBeTruthy();
  });

  it('removes a category only after asking, saying its products stay', async () => {
    render(<OwnerCategoriesPage />);
    await screen.findByText('粮油');
    taroPage.confirm = false;
    await act(async () => fireEvent.click(within(row('粮油')).getByText('删除')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '删除分类',
        content: '删除「粮油」后，其中的商品仍在店里，只是不再属于这个分类。',
      }),
    );
    expect(api.removeCategory).not.toHaveBeenCalled();
    expect(names()).toEqual(['茶叶', '粮油', '蜂蜜']);

    taroPage.confirm = true;
    api.removeCategory.mockResolvedValueOnce({ ok: true, data: { id: 'c2' } });
    await act(async () => fireEvent.click(within(row('粮油')).getByText('删除')));
    expect(api.removeCategory).toHaveBeenCalledWith({ id: 'c2' });
    await waitFor(() => expect(names()).toEqual(['茶叶', '蜂蜜']));
  });

  it('keeps a category the shop refused to remove, and says why', async () => {
    render(<OwnerCategoriesPage />);
    await screen.findByText('粮油');
    api.removeCategory.mockResolvedValueOnce({
      ok: false,
      error: { code: 'network', message: '网络异常，请稍后重试' },
    });
    await act(async () => fireEvent.click(within(row('粮油')).getByText('删除')));
    await waitFor(() => expect(lastToast()).toBe('网络异常，请稍后重试'));
    expect(names()).toEqual(['茶叶', '粮油', '蜂蜜']);
  });

  it('adds a category after the others, with a trimmed name, and refuses a blank one', async () => {
    render(<OwnerCategoriesPage />);
    await screen.findByText('茶叶');
    fireEvent.click(screen.getByText('新建分类'));
    await typeInto('1-10 个字，如 茶叶', '   ');
    fireEvent.click(screen.getByText('保存'));
    expect(screen.getByText('请填写分类名称')).toBeTruthy();
    expect(api.saveCategory).not.toHaveBeenCalled();

    api.saveCategory.mockResolvedValueOnce({ ok: true, data: { category: cat('c4', '干货', 40) } });
    await typeInto('1-10 个字，如 茶叶', ' 干货 ');
    await act(async () => fireEvent.click(screen.getByText('保存')));
    expect(api.saveCategory).toHaveBeenCalledWith({ name: '干货', sort: 40 });
    await waitFor(() => expect(names()).toEqual(['茶叶', '粮油', '蜂蜜', '干货']));
    expect(screen.queryByText('保存')).toBeNull();
  });

  it('renames a category in place', async () => {
    render(<OwnerCategoriesPage />);
    await screen.findByText('茶叶');
    fireEvent.click(within(row('茶叶')).getByText('重命名'));
    api.saveCategory.mockResolvedValueOnce({ ok: true, data: { category: { ...tea, name: '好茶' } } });
    await typeInto('1-10 个字，如 茶叶', '好茶');
    await act(async () => fireEvent.click(screen.getByText('保存')));
    expect(api.saveCategory).toHaveBeenCalledWith({ id: 'c1', name: '好茶', sort: 10 });
    await waitFor(() => expect(names()).toEqual(['好茶', '粮油', '蜂蜜']));
  });

  it('moves a category down by saving the two sort numbers that changed', async () => {
    render(<OwnerCategoriesPage />);
    await screen.findByText('茶叶');
    api.saveCategory.mockImplementation(async (input: Category) => ({ ok: true, data: { category: input } }));
    api.categories.mockResolvedValueOnce({ ok: true, data: { items: [rice, tea, honey] } });
    await act(async () => fireEvent.click(within(row('茶叶')).getByText('下移')));
    expect(api.saveCategory.mock.calls.map(([input]) => input)).toEqual([
      { id: 'c2', name: '粮油', sort: 10 },
      { id: 'c1', name: '茶叶', sort: 20 },
    ]);
    await waitFor(() => expect(names()).toEqual(['粮油', '茶叶', '蜂蜜']));
  });

  it('says so to someone who is not an owner', async () => {
    api.categories.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可操作' } });
    render(<OwnerCategoriesPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });

  it('says when there are none yet', async () => {
    api.categories.mockResolvedValueOnce({ ok: true, data: { items: [] } });
    render(<OwnerCategoriesPage />);
    expect(await screen.findByText('还没有分类，点「新建分类」添加第一个')).toBeTruthy();
  });
});

describe('category order', () => {
  it('moving renumbers in tens and names only what changed; the ends do not move further', () => {
    const same = [cat('a', 'A', 1), cat('b', 'B', 1), cat('c', 'C', 1)];
    expect(move(same, 2, -1)).toEqual({
      items: [cat('a', 'A', 10), cat('c', 'C', 20), cat('b', 'B', 30)],
      changed: [cat('a', 'A', 10), cat('c', 'C', 20), cat('b', 'B', 30)],
    });
    expect(move([tea, rice, honey], 0, -1)).toBeNull();
    expect(move([tea, rice, honey], 2, 1)).toBeNull();
    expect(move([tea, rice, honey], 1, 1)?.changed.map((c) => [c.id, c.sort])).toEqual([
      ['c3', 20],
      ['c2', 30],
    ]);
  });

  it('a new category goes last; a name is 1-10 visible characters after trimming', () => {
    expect(nextSort([])).toBe(10);
    expect(nextSort([tea, honey])).toBe(40);
    expect(nextSort([cat('x', 'X', 9995)])).toBe(9999);
    expect(checkName(' 茶叶 ')).toEqual({ ok: true, name: '茶叶' });
    expect(checkName('\u200b\u200b')).toEqual({ ok: false, message: '请填写分类名称' });
    expect(checkName('好'.repeat(11))).toEqual({ ok: false, message: '分类名称最多 10 个字' });
  });
});
