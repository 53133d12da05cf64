// The product page with a flash sale (秒杀) or a live group buy (拼团): the band and its reload at zero, flash prices in
// the SKU picker, the group buy bar, the open groups, and 去参团 / 发起拼团 through the SKU sheet to the checkout.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { campaignApi } from '../../api/campaign';
import { commissionApi } from '../../api/commission';
import { shopApi } from '../../api/shop';
import type { ProductDetail } from '../../../cloudfunctions/contracts/shop';
import { useCheckout } from '../../stores/checkout';
import { useSession } from '../../stores/session';
import { at, HOUR, makeFlashSale, makeGroup, makeGroupBuy, makeLive, member, NOW } from '../../test-utils/campaign';
import { NO_SERVICE } from '../../test-utils/fixtures';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import ProductPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { getProduct: jest.fn(), session: jest.fn(), favorite: jest.fn() } }));
jest.mock('../../api/commission', () => ({ commissionApi: { recordVisit: jest.fn() } }));
jest.mock('../../api/coupon', () => ({
  couponApi: { available: jest.fn(async () => ({ ok: true, data: { items: [] } })) },
}));
jest.mock('../../api/campaign', () => ({ campaignApi: { groupBuy: jest.fn() } }));

const Taro = mockedTaro();
const getProduct = shopApi.getProduct as jest.MockedFunction<typeof shopApi.getProduct>;
const session = shopApi.session as jest.MockedFunction<typeof shopApi.session>;
const groupBuy = campaignApi.groupBuy as jest.MockedFunction<typeof campaignApi.groupBuy>;
const recordVisit = commissionApi.recordVisit as jest.MockedFunction<typeof commissionApi.recordVisit>;

const product = {
  id: 'p1',
  title: '云南古树红茶 200g',
  description: '',
  images: ['/img/p1-1.png'],
  priceFen: 1290,
  skus: [
    { id: 's1', spec: '200g 罐装', priceFen: 1290, stock: 5 },
    { id: 's2', spec: '500g 礼盒', priceFen: 3990, stock: 0 },
    { id: 's3', spec: '100g 尝鲜', priceFen: 1590, stock: 2 },
  ],
  status: 'on_sale' as const,
  categoryIds: [],
};
const detail = (extra: Partial<ProductDetail> = {}): ProductDetail => ({
  product,
  trust: {},
  reviews: { count: 0, avgRating: null, withPhotos: 0, latest: [], boughtLast30Days: 0 },
  favorited: false,
  ...extra,
});
const bob = {
  id: 'u2',
  openid: 'dev_u2',
  shareCode: 'BOB234',
  nickname: 'bob',
  isOwner: false,
  isMember: false,
  points: { available: 0, pending: 0 },
};
const initialSession = useSession.getState();
const initialCheckout = useCheckout.getState();
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  resetTaroMock();
  getProduct.mockReset();
  groupBuy.mockReset().mockResolvedValue({ ok: true, data: { live: null } });
  session.mockReset().mockResolvedValue({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
  recordVisit.mockReset();
  useSession.setState(initialSession, true);
  useCheckout.setState(initialCheckout, true);
  taroPage.params = { id: 'p1' };
  delete process.env.TARO_ENV;
});

afterEach(() => {
  jest.useRealTimers();
});

/**
 * Lets the mocked answers arrive without moving the fake clock (findBy* would advance it while it waits, and the
 * countdowns with it).
 */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });

async function openPage(extra: Partial<ProductDetail> = {}) {
  getProduct.mockResolvedValue({ ok: true, data: detail(extra) });
  render(<ProductPage />);
  await settle();
  expect(screen.getByText('云南古树红茶 200g')).toBeTruthy();
}

describe('product page: flash sale', () => {
  it('prices the sale’s SKUs at the flash price while live; a SKU with flash units left can be picked', async () => {
    const sale = makeFlashSale({
      skus: [
        { skuId: 's1', priceFen: 690, stockLeft: 8 },
        { skuId: 's2', priceFen: 2990, stockLeft: 3 },
      ],
    });
    await openPage({ flashSale: sale });
    expect(screen.getByText('秒杀 ¥6.90')).toBeTruthy();
    expect(screen.getByText('秒杀 ¥29.90')).toBeTruthy();
    expect(screen.getByText('秒杀剩 3')).toBeTruthy();
    // s2 has no stock of its own, but units left at the sale: it can be bought at the flash price.
    fireEvent.click(screen.getByText('500g 礼盒'));
    expect(screen.getByText('已选：500g 礼盒')).toBeTruthy();
    fireEvent.click(screen.getByText('立即购买'));
    expect(useCheckout.getState().draft?.lines).toEqual([expect.objectContaining({ skuId: 's2', priceFen: 2990 })]);
  });

  it('shows no flash price in the picker before the sale starts', async () => {
    await openPage({ flashSale: makeFlashSale({ status: 'upcoming', startAt: at(HOUR), endAt: at(2 * HOUR) }) });
    expect(screen.getByText('距开始 01:00:00')).toBeTruthy();
    expect(screen.queryByText('秒杀 ¥6.90')).toBeNull();
    expect(screen.getByText('500g 礼盒').parentElement!.getAttribute('aria-disabled')).toBe('true');
  });

  it('reads the product again in place when the countdown reaches zero, and not before', async () => {
    await openPage({ flashSale: makeFlashSale({ status: 'upcoming', startAt: at(2000), endAt: at(HOUR) }) });
    expect(getProduct).toHaveBeenCalledTimes(1);
    getProduct.mockResolvedValue({ ok: true, data: detail({ flashSale: makeFlashSale({ endAt: at(HOUR) }) }) });
    await act(async () => jest.advanceTimersByTime(1000));
    expect(getProduct).toHaveBeenCalledTimes(1);
    await act(async () => jest.advanceTimersByTime(1000));
    expect(getProduct).toHaveBeenCalledTimes(2);
    await settle();
    // The page stayed on screen and now shows the live sale.
    expect(screen.getByText('距结束 00:59:58')).toBeTruthy();
    expect(screen.getByText('仅剩 8 件')).toBeTruthy();
    await act(async () => jest.advanceTimersByTime(60_000));
    expect(getProduct).toHaveBeenCalledTimes(2);
  });
});

describe('product page: group buy', () => {
  it('asks for the live group buy of this product, and sells as usual without one', async () => {
    await openPage();
    await waitFor(() => expect(groupBuy).toHaveBeenCalledWith({ productId: 'p1' }));
    expect(screen.getByText('加入购物车')).toBeTruthy();
    expect(screen.queryByText(/发起拼团/)).toBeNull();
  });

  it('offers 单独购买 at the normal price and 发起拼团 at the group price, and lists the open groups', async () => {
    groupBuy.mockResolvedValue({
      ok: true,
      data: {
        live: makeLive({
          openGroups: [
            makeGroup(),
            makeGroup({ id: 'g_carol', members: [member('carol', { leader: true })], slotsLeft: 2, endsAt: at(HOUR) }),
          ],
        }),
      },
    });
    await openPage();
    expect(screen.getByText('发起拼团 · 3人团')).toBeTruthy();
    expect(screen.getByText('单独购买')).toBeTruthy();
    expect(screen.queryByText('加入购物车')).toBeNull();
    expect(screen.getByText('¥9.90')).toBeTruthy();
    expect(screen.getByText('3人团')).toBeTruthy();
    expect(screen.getByText('alice')).toBeTruthy();
    expect(screen.getByText('还差 1 人 · 剩 23:41:05')).toBeTruthy();
    expect(screen.getByText('还差 2 人 · 剩 01:00:00')).toBeTruthy();
    await act(async () => jest.advanceTimersByTime(3000));
    expect(screen.getByText('还差 1 人 · 剩 23:41:02')).toBeTruthy();
    // carol's group runs out on screen: it leaves the list.
    await act(async () => jest.advanceTimersByTime(HOUR));
    expect(screen.queryByText('carol')).toBeNull();
    expect(screen.getByText('alice')).toBeTruthy();

    // Picking a SKU prices both halves of the bar for it.
    fireEvent.click(screen.getByText('100g 尝鲜'));
    expect(screen.getByText('¥11.90')).toBeTruthy();
    expect(screen.getAllByText('¥15.90').length).toBeGreaterThan(0);
  });

  it('去参团 asks for one of the activity’s SKUs, then opens the checkout of that group at its group price', async () => {
    groupBuy.mockResolvedValue({ ok: true, data: { live: makeLive() } });
    await openPage();
    fireEvent.click(await screen.findByText('去参团'));
    const sheet = screen.getByRole('dialog', { name: '选择拼团规格' });
    expect(sheet.textContent).toContain('3人团 · 每人限购 2 件');
    // Only the activity's SKUs: 500g 礼盒 is not in it.
    expect(sheet.textContent).not.toContain('500g 礼盒');
    expect(screen.getByText('请选择规格')).toBeTruthy();
    fireEvent.click(screen.getByText('拼团价 ¥11.90'));
    fireEvent.click(screen.getByText('参团 ¥11.90'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/checkout/index?groupBuyId=gb1&groupId=g_alice' });
    expect(useCheckout.getState().draft).toMatchObject({
      source: 'buy_now',
      lines: [{ productId: 'p1', skuId: 's3', qty: 1, spec: '100g 尝鲜', priceFen: 1190, title: '云南古树红茶 200g' }],
    });
    expect(screen.queryByRole('dialog', { name: '选择拼团规格' })).toBeNull();
  });

  it('发起拼团 takes the SKU picked on the page and starts a group (no groupId)', async () => {
    groupBuy.mockResolvedValue({ ok: true, data: { live: makeLive({ openGroups: [] }) } });
    await openPage();
    expect(await screen.findByText('还没有人开团，发起拼团邀好友一起买')).toBeTruthy();
    fireEvent.click(screen.getByText('200g 罐装'));
    fireEvent.click(screen.getByText('发起拼团 · 3人团'));
    fireEvent.click(screen.getByText('发起拼团 ¥9.90'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/checkout/index?groupBuyId=gb1' });
    expect(useCheckout.getState().draft?.lines[0]).toMatchObject({ skuId: 's1', priceFen: 990 });
  });

  it('a SKU without stock cannot be picked in the sheet', async () => {
    groupBuy.mockResolvedValue({
      ok: true,
      data: {
        live: makeLive({
          groupBuy: makeGroupBuy({
            skus: [
              { skuId: 's1', spec: '200g 罐装', priceFen: 1290, groupPriceFen: 990 },
              { skuId: 's2', spec: '500g 礼盒', priceFen: 3990, groupPriceFen: 2990 },
            ],
          }),
        }),
      },
    });
    await openPage();
    fireEvent.click(await screen.findByText('去参团'));
    const giftBox = screen.getAllByText('500g 礼盒').find((el) => el.className.includes('group-sku__spec'))!;
    expect(giftBox.parentElement!.getAttribute('aria-disabled')).toBe('true');
    // The one SKU that can be bought is picked already.
    fireEvent.click(screen.getByText('参团 ¥9.90'));
    expect(useCheckout.getState().draft?.lines[0]).toMatchObject({ skuId: 's1' });
  });

  it('my own group leads to its page; at the per-member limit 发起拼团 says so instead of opening the sheet', async () => {
    groupBuy.mockResolvedValue({
      ok: true,
      data: { live: makeLive({ canBuy: 0, openGroups: [makeGroup({ mine: { orderId: 'YJ1', paid: true } })] }) },
    });
    await openPage();
    fireEvent.click(await screen.findByText('我的团'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/campaign/group/index?id=g_alice' });
    expect(screen.queryByText('去参团')).toBeNull();
    fireEvent.click(screen.getByText('发起拼团 · 3人团'));
    expect(lastToast()).toBe('已达到这个活动的每人限购数量');
    expect(screen.queryByRole('dialog', { name: '选择拼团规格' })).toBeNull();
  });

  it('does not ask for groups in Moments single-page mode', async () => {
    taroPage.scene = 1154;
    await openPage();
    expect(groupBuy).not.toHaveBeenCalled();
  });

  it('asks again when the buyer comes back to the page', async () => {
    await openPage();
    await waitFor(() => expect(groupBuy).toHaveBeenCalledTimes(1));
    act(() => taroPage.didShow!());
    expect(groupBuy).toHaveBeenCalledTimes(1);
    groupBuy.mockResolvedValue({ ok: true, data: { live: makeLive() } });
    await act(async () => taroPage.didShow!());
    expect(groupBuy).toHaveBeenCalledTimes(2);
    expect(await screen.findByText('去参团')).toBeTruthy();
  });
});

describe('product page: flash sale ending on screen', () => {
  it('drops a SKU picked for its flash units once the sale has ended', async () => {
    const sale = makeFlashSale({
      endAt: at(1000),
      skus: [
        { skuId: 's1', priceFen: 690, stockLeft: 8 },
        { skuId: 's2', priceFen: 2990, stockLeft: 3 },
      ],
    });
    await openPage({ flashSale: sale });
    fireEvent.click(screen.getByText('500g 礼盒'));
    expect(screen.getByText('已选：500g 礼盒')).toBeTruthy();
    getProduct.mockResolvedValue({ ok: true, data: detail() });
    await act(async () => jest.advanceTimersByTime(1000));
    await settle();
    expect(getProduct).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('已选：500g 礼盒')).toBeNull();
    expect(screen.queryByText(/距结束/)).toBeNull();
    fireEvent.click(screen.getByText('立即购买'));
    expect(lastToast()).toBe('请选择规格');
  });
});
