import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { reportOwnerApi } from '../../api/report-owner';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import type { CustomerItem } from '../../../cloudfunctions/contracts/report';
import OwnerCustomersPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/report-owner', () => ({ reportOwnerApi: { customers: jest.fn() } }));

const Taro = mockedTaro();
const customers = reportOwnerApi.customers as jest.MockedFunction<typeof reportOwnerApi.customers>;

function makeCustomer(over: Partial<CustomerItem> = {}): CustomerItem {
  return {
    memberId: '0123456789abcdef',
    nickname: '李四',
    avatarUrl: 'https://example.com/a.png',
    orders: 3,
    paidFen: 12800,
    lastOrderAt: '2026-12-03T04:00:00Z',
    points: 128,
    tags: ['老客户'],
    ...over,
  };
}

const li = makeCustomer();
const wang = makeCustomer({ memberId: 'fedcba9876543210', nickname: '王五', avatarUrl: undefined, tags: ['爱喝咖啡'] });
/** A page as the function answers it: a first page (no cursor asked) names the owner's tags in use. */
const page = (items: CustomerItem[], nextCursor: string | null = null, tags?: string[]) =>
  Promise.resolve({ ok: true as const, data: { items, nextCursor, ...(tags ? { tags } : {}) } });

/** The native <input> inside Taro's web Input, which appears once the web component has rendered. */
function nativeInput(placeholder: string): Promise<HTMLInputElement> {
  return waitFor(
    () => {
      const input = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
      if (!input) throw new Error(`no input "${placeholder}"`);
      return input;
    },
    { timeout: 5000 },
  );
}

beforeEach(() => {
  resetTaroMock();
  customers.mockReset().mockImplementation(() => page([li, wang], null, ['爱喝咖啡', '老客户', '团长']));
});

describe('客户', () => {
  it('lists each customer: avatar, nickname, tags, orders · paid · last order day', async () => {
    render(<OwnerCustomersPage />);
    expect(await screen.findByText('李四')).toBeTruthy();
    expect(customers).toHaveBeenCalledWith({ sort: 'recent', limit: 20 });
    expect(screen.getAllByText('订单 3 · 消费 ¥128.00 · 最近 12月3日')).toHaveLength(2);
    expect(screen.getAllByText('老客户').length).toBeGreaterThan(0);
    // No avatar: the nickname's first character stands in.
    expect(screen.getByText('王')).toBeTruthy();
    expect(document.querySelector('.owner-customers__avatar')?.getAttribute('src')).toBe('https://example.com/a.png');
  });

  it('a row opens that customer by their member key', async () => {
    render(<OwnerCustomersPage />);
    fireEvent.click(await screen.findByText('王五'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/customer/index?id=fedcba9876543210' });
  });

  it('the search asks for the nickname or share code typed, and 清除 lists everyone again', async () => {
    render(<OwnerCustomersPage />);
    await screen.findByText('李四');
    customers.mockImplementation(() => page([wang]));
    fireEvent.input(await nativeInput('搜索昵称或推广码'), { target: { value: ' 王 ' } });
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ q: '王', sort: 'recent', limit: 20 }));
    expect(await screen.findByText('“王”的搜索结果')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('李四')).toBeNull());
    fireEvent.click(screen.getByText('清除'));
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ sort: 'recent', limit: 20 }));
  });

  it('sorting by 消费金额 and 订单数 asks the function for that order', async () => {
    render(<OwnerCustomersPage />);
    await screen.findByText('李四');
    fireEvent.click(screen.getByText('消费金额'));
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ sort: 'spent', limit: 20 }));
    fireEvent.click(screen.getByText('订单数'));
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ sort: 'orders', limit: 20 }));
    expect(screen.getByText('订单数').className).toContain('owner-customers__sort--active');
  });

  it('a tag chip filters by that word; tapped again, it lets go', async () => {
    render(<OwnerCustomersPage />);
    await screen.findByText('李四');
    const chip = () => document.querySelector('.owner-customers__chips')!;
    // The words the function names, in its order (most used first), also those no loaded customer has.
    const chips = Array.from(chip().children).map((c) => c.textContent);
    expect(chips).toEqual(['爱喝咖啡', '老客户', '团长']);
    customers.mockImplementation(() => page([wang], null, ['爱喝咖啡', '老客户']));
    fireEvent.click(chip().children[0]);
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ tag: '爱喝咖啡', sort: 'recent', limit: 20 }));
    await waitFor(() => expect(screen.queryByText('李四')).toBeNull());
    // The other words stay offered while one is chosen.
    expect(Array.from(chip().children).map((c) => c.textContent)).toEqual(['爱喝咖啡', '老客户']);
    fireEvent.click(chip().children[0]);
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ sort: 'recent', limit: 20 }));
  });

  it('a chosen word no customer has any more stays offered, so it can be let go', async () => {
    render(<OwnerCustomersPage />);
    await screen.findByText('李四');
    const words = () => Array.from(document.querySelector('.owner-customers__chips')!.children);
    customers.mockImplementation(() => page([], null, ['老客户']));
    fireEvent.click(words()[2]);
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ tag: '团长', sort: 'recent', limit: 20 }));
    await waitFor(() => expect(words().map((c) => c.textContent)).toEqual(['老客户', '团长']));
    fireEvent.click(words()[1]);
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ sort: 'recent', limit: 20 }));
  });

  it('reaching the bottom asks for the next page by its cursor', async () => {
    customers.mockReset();
    customers.mockImplementationOnce(() => page([li], 'cur1')).mockImplementationOnce(() => page([wang]));
    render(<OwnerCustomersPage />);
    await screen.findByText('李四');
    act(() => taroPage.reachBottom?.());
    expect(await screen.findByText('王五')).toBeTruthy();
    expect(customers).toHaveBeenLastCalledWith({ cursor: 'cur1', sort: 'recent', limit: 20 });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('no customers yet, and none matching a search, are said differently', async () => {
    customers.mockImplementation(() => page([]));
    render(<OwnerCustomersPage />);
    expect(await screen.findByText('还没有客户：买家付款后会出现在这里')).toBeTruthy();
    fireEvent.input(await nativeInput('搜索昵称或推广码'), { target: { value: 'ZZZ' } });
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('没有找到匹配的客户')).toBeTruthy();
    fireEvent.click(screen.getByText('查看全部客户'));
    await waitFor(() => expect(customers).toHaveBeenLastCalledWith({ sort: 'recent', limit: 20 }));
  });

  it('a failed first page says why and retries; a non-owner is told it is the owner’s', async () => {
    customers.mockReset().mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常' } });
    customers.mockImplementation(() => page([li]));
    const { unmount } = render(<OwnerCustomersPage />);
    expect(await screen.findByText('网络异常')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('李四')).toBeTruthy();
    unmount();
    customers.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerCustomersPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
