import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { reportOwnerApi } from '../../api/report-owner';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import type { CustomerDetail } from '../../../cloudfunctions/contracts/report';
import OwnerCustomerPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/report-owner', () => ({ reportOwnerApi: { customer: jest.fn(), tagCustomer: jest.fn() } }));

const Taro = mockedTaro();
const customer = reportOwnerApi.customer as jest.MockedFunction<typeof reportOwnerApi.customer>;
const tagCustomer = reportOwnerApi.tagCustomer as jest.MockedFunction<typeof reportOwnerApi.tagCustomer>;

const MEMBER = '0123456789abcdef';
const detail: CustomerDetail = {
  customer: {
    memberId: MEMBER,
    nickname: '李四',
    shareCode: 'XYZ789',
    orders: 3,
    paidFen: 12800,
    lastOrderAt: '2026-12-03T04:00:00Z',
    firstSharer: { shareCode: 'ABC234', nickname: '张三' },
    points: 128,
    tags: ['老客户'],
  },
  orders: [
    {
      id: 'YJ0000000000000009',
      status: 'shipped',
      payableFen: 9900,
      createdAt: '2026-12-03T04:00:00Z',
      title: '云南小粒咖啡',
      qty: 2,
    },
  ],
  points: { balance: 128, earned: 228, spent: 100, expired: 0 },
  reviews: [
    { productId: 'p1', title: '云南小粒咖啡', rating: 5, text: '好喝', at: '2026-12-01T04:00:00Z', hidden: false },
    { productId: 'p2', title: '挂耳包', rating: 1, text: '广告', at: '2026-11-20T04:00:00Z', hidden: true },
  ],
  bindings: [
    { shareCode: 'DEF456', nickname: '赵六', from: '2026-12-02T04:00:00Z' },
    {
      shareCode: 'ABC234',
      nickname: '张三',
      from: '2026-11-02T04:00:00Z',
      to: '2026-12-02T04:00:00Z',
      ended: 'expired',
    },
  ],
};

const figure = (label: string) => screen.getByLabelText(label).textContent;
const tagsShown = () =>
  Array.from(document.querySelectorAll('.customer__tag')).map((t) => t.getAttribute('aria-label'));

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

async function typeTag(word: string) {
  fireEvent.input(await nativeInput('输入标签'), { target: { value: word } });
  fireEvent.click(screen.getByText('添加'));
}

beforeEach(() => {
  resetTaroMock();
  taroPage.params = { id: MEMBER };
  customer.mockReset().mockResolvedValue({ ok: true, data: detail });
  tagCustomer.mockReset();
});

describe('a customer', () => {
  it('shows their figures, who recommended them, orders, points, reviews and bindings in words', async () => {
    render(<OwnerCustomerPage />);
    expect(await screen.findByText('李四')).toBeTruthy();
    expect(customer).toHaveBeenCalledWith({ memberId: MEMBER });
    expect(screen.getByText('推广码 XYZ789')).toBeTruthy();
    expect(screen.getByText('首单由 张三 推荐')).toBeTruthy();
    expect(figure('订单')).toBe('3订单');
    expect(figure('消费')).toBe('¥128.00消费');
    expect(figure('最近下单')).toBe('12月3日最近下单');
    expect(figure('累计获得')).toBe('228累计获得');
    expect(figure('已使用')).toBe('100已使用');
    expect(screen.getByText('云南小粒咖啡 ×2')).toBeTruthy();
    expect(screen.getByText('¥99.00 ›')).toBeTruthy();
    expect(screen.getByText(/^12月3日 \d\d:\d\d · 待收货\(已发货\)$/)).toBeTruthy();
    expect(screen.getByText('广告').closest('.customer__review')?.textContent).toContain('已隐藏');
    expect(screen.getByText('好喝').closest('.customer__review')?.textContent).not.toContain('已隐藏');
    expect(screen.getByText('2026.11.02–2026.12.02 由 张三（ABC234）推荐 · 已过期')).toBeTruthy();
    expect(screen.getByText('2026.12.02 起 由 赵六（DEF456）推荐 · 推荐中')).toBeTruthy();
  });

  it('an order opens on the owner’s order page', async () => {
    render(<OwnerCustomerPage />);
    fireEvent.click(await screen.findByText('云南小粒咖啡 ×2'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/order/index?id=YJ0000000000000009' });
  });

  it('adds and removes words, then saves the list with tagCustomer', async () => {
    const saved = { ...detail.customer, tags: ['爱喝咖啡'] };
    tagCustomer.mockResolvedValueOnce({ ok: true, data: { customer: saved } });
    render(<OwnerCustomerPage />);
    await screen.findByText('李四');
    expect(screen.queryByText('保存标签')).toBeNull();
    await typeTag(' 爱喝咖啡 ');
    fireEvent.click(screen.getByLabelText('删除标签 老客户'));
    expect(tagsShown()).toEqual(['标签 爱喝咖啡']);
    fireEvent.click(screen.getByText('保存标签'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '标签已保存', icon: 'success' }));
    expect(tagCustomer).toHaveBeenCalledWith({ memberId: MEMBER, tags: ['爱喝咖啡'] });
    expect(tagsShown()).toEqual(['标签 爱喝咖啡']);
    expect(screen.queryByText('保存标签')).toBeNull();
  });

  it('refuses a blank, repeated or too long word before asking the function', async () => {
    render(<OwnerCustomerPage />);
    await screen.findByText('李四');
    await typeTag('老客户');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已有这个标签', icon: 'none' });
    await typeTag('\u200b ');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '请输入标签', icon: 'none' });
    await typeTag('一二三四五六七八九');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '标签最多 8 个字', icon: 'none' });
    expect(tagsShown()).toEqual(['标签 老客户']);
    expect(tagCustomer).not.toHaveBeenCalled();
  });

  it('a refused save is said and keeps the draft to try again', async () => {
    tagCustomer.mockResolvedValueOnce({ ok: false, error: { code: 'input.invalid', message: '请求参数有误' } });
    render(<OwnerCustomerPage />);
    await screen.findByText('李四');
    await typeTag('团长');
    fireEvent.click(screen.getByText('保存标签'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '请求参数有误', icon: 'none' }));
    expect(tagsShown()).toEqual(['标签 老客户', '标签 团长']);
    expect(screen.getByText('保存标签')).toBeTruthy();
  });

  it('a customer with nothing yet says so in each section', async () => {
    customer.mockResolvedValue({
      ok: true,
      data: { ...detail, customer: { ...detail.customer, tags: [] }, orders: [], reviews: [], bindings: [] },
    });
    render(<OwnerCustomerPage />);
    expect(await screen.findByText('暂无订单')).toBeTruthy();
    expect(screen.getByText('暂无评价')).toBeTruthy();
    expect(screen.getByText('没有推荐人，自己找到的店')).toBeTruthy();
    expect(screen.getByText('还没有标签，如「老客户」「爱喝咖啡」')).toBeTruthy();
  });

  it('an unknown customer is said with 重新加载; a non-owner is told it is the owner’s', async () => {
    customer.mockResolvedValueOnce({ ok: false, error: { code: 'customer.not_found', message: '客户不存在' } });
    const { unmount } = render(<OwnerCustomerPage />);
    expect(await screen.findByText('客户不存在')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('李四')).toBeTruthy();
    unmount();
    customer.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerCustomerPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });

  it('pull-down reads the customer again and shows tags changed meanwhile', async () => {
    render(<OwnerCustomerPage />);
    await screen.findByText('李四');
    customer.mockResolvedValue({ ok: true, data: { ...detail, customer: { ...detail.customer, tags: ['团长'] } } });
    act(() => taroPage.pullDown?.());
    await waitFor(() => expect(tagsShown()).toEqual(['标签 团长']));
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});
