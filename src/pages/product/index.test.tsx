import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import { shopApi } from '../../api/shop';
import type { ProductDetail, Review } from '../../../cloudfunctions/contracts/shop';
import { useCart } from '../../stores/cart';
import { useCheckout } from '../../stores/checkout';
import { useSession } from '../../stores/session';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import ProductPage from './index';
import { NO_SERVICE } from '../../test-utils/fixtures';
import { deferred } from '../../test-utils/deferred';

// What the page takes from Taro: route params, the launch scene, the share hooks and a few APIs (see taroPage).
jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { getProduct: jest.fn(), session: jest.fn(), favorite: jest.fn() } }));
jest.mock('../../api/commission', () => ({ commissionApi: { recordVisit: jest.fn(), muteSharer: jest.fn() } }));

/** The sharer as the trust card gets her: her track record counted by the shop. */
const ALICE = {
  nickname: 'alice',
  shareCode: 'ALC234',
  memberSince: '2023-05-02T02:00:00.000Z',
  keptProducts: 6,
  reviews: 4,
};

const Taro = mockedTaro();
const getProduct = shopApi.getProduct as jest.MockedFunction<typeof shopApi.getProduct>;
const session = shopApi.session as jest.MockedFunction<typeof shopApi.session>;
const favorite = shopApi.favorite as jest.MockedFunction<typeof shopApi.favorite>;
const recordVisit = commissionApi.recordVisit as jest.MockedFunction<typeof commissionApi.recordVisit>;
const muteSharer = commissionApi.muteSharer as jest.MockedFunction<typeof commissionApi.muteSharer>;

const product = {
  id: 'p1',
  title: '云南古树红茶 200g',
  description: '高山古树春茶，蜜香回甘。',
  images: ['/img/p1-1.png', '/img/p1-2.png'],
  priceFen: 1290,
  skus: [
    { id: 's1', spec: '200g 罐装', priceFen: 1290, stock: 5 },
    { id: 's2', spec: '500g 礼盒', priceFen: 3990, stock: 0 },
    { id: 's3', spec: '100g 尝鲜', priceFen: 1590, stock: 2 },
  ],
  status: 'on_sale' as const,
  categoryIds: [],
};
const reviews: ProductDetail['reviews'] = { count: 0, avgRating: null, withPhotos: 0, latest: [], boughtLast30Days: 0 };
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
const initialCart = useCart.getState();
const initialCheckout = useCheckout.getState();
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

beforeEach(() => {
  resetTaroMock();
  getProduct.mockReset();
  favorite.mockReset();
  session.mockReset().mockResolvedValue({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
  recordVisit.mockReset().mockResolvedValue({ ok: true, data: { bound: false, binding: null } });
  useSession.setState(initialSession, true);
  useCart.setState(initialCart, true);
  useCheckout.setState(initialCheckout, true);
  taroPage.params = { id: 'p1' };
  delete process.env.TARO_ENV;
});

async function openPage(
  trust: ProductDetail['trust'] = {},
  extra: Partial<Pick<ProductDetail, 'myNote' | 'reviews' | 'favorited'>> = {},
) {
  getProduct.mockResolvedValue({ ok: true, data: { product, trust, reviews, favorited: false, ...extra } });
  render(<ProductPage />);
  await screen.findByText('云南古树红茶 200g');
}

describe('product page', () => {
  it('says whose recommendation it is when the link carries a sharer', async () => {
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'chat' };
    await openPage({
      sharer: ALICE,
      note: '我家常备',
      sharerVerifiedPurchases: 2,
    });
    expect(getProduct).toHaveBeenCalledWith({ id: 'p1', s: 'ALC234' });
    expect(screen.getByText('来自 alice 的推荐')).toBeTruthy();
    expect(screen.getByText('“我家常备”')).toBeTruthy();
    expect(screen.getByText('TA 买过 2 次')).toBeTruthy();
  });

  it('shows no recommendation banner without a sharer', async () => {
    await openPage();
    expect(getProduct).toHaveBeenCalledWith({ id: 'p1' });
    expect(screen.queryByText(/的推荐$/)).toBeNull();
  });

  it('shows the lowest price until a SKU is picked, then that SKU’s price', async () => {
    await openPage();
    expect(screen.getByText('¥12.90')).toBeTruthy();
    expect(screen.getByText('起')).toBeTruthy();
    fireEvent.click(screen.getByText('100g 尝鲜'));
    expect(screen.getByText('¥15.90')).toBeTruthy();
    expect(screen.queryByText('¥12.90')).toBeNull();
    expect(screen.getByText('已选：100g 尝鲜')).toBeTruthy();
  });

  it('lists stock per SKU and does not let a sold-out SKU be picked', async () => {
    await openPage();
    expect(screen.getByText('库存 5')).toBeTruthy();
    expect(screen.getByText('库存 2')).toBeTruthy();
    const soldOut = screen.getByText('500g 礼盒').parentElement!;
    expect(soldOut.textContent).toContain('已售罄');
    expect(soldOut.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByText('500g 礼盒'));
    expect(screen.queryByText('¥39.90')).toBeNull();
    expect(screen.queryByText('已选：500g 礼盒')).toBeNull();
    expect(screen.getByText('¥12.90')).toBeTruthy();
  });

  it('shares with my share code in chat and Moments', async () => {
    await openPage();
    await waitFor(() => expect(useSession.getState().status).toBe('ready'));
    expect(taroPage.shareApp!().path).toBe('/pages/product/index?id=p1&s=BOB234&c=chat');
    expect(taroPage.shareTimeline!().query).toBe('id=p1&s=BOB234&c=moments');
  });

  it('reads a poster scan’s scene', async () => {
    taroPage.params = { scene: encodeURIComponent('p=p1&s=ALC234') };
    await openPage();
    expect(getProduct).toHaveBeenCalledWith({ id: 'p1', s: 'ALC234' });
  });

  it('in h5 opens a share sheet with the link to copy', async () => {
    process.env.TARO_ENV = 'h5';
    await openPage();
    await waitFor(() => expect(useSession.getState().status).toBe('ready'));
    fireEvent.click(screen.getByText('分享'));
    const url = `${window.location.origin}/#/pages/product/index?id=p1&s=BOB234&c=chat`;
    expect(screen.getByText(url)).toBeTruthy();
    fireEvent.click(screen.getByText('复制链接'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: url });
  });

  it('opened in Moments single-page mode: no session, no share or buy, says where to buy', async () => {
    taroPage.scene = 1154;
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'moments' };
    await openPage({ sharer: ALICE });
    expect(screen.getByText('当前为朋友圈预览，点击屏幕下方「前往小程序」打开完整店铺')).toBeTruthy();
    expect(screen.getByText('来自 alice 的推荐')).toBeTruthy();
    expect(screen.queryByText('立即购买')).toBeNull();
    expect(screen.queryByText('加入购物车')).toBeNull();
    expect(screen.queryByText('分享')).toBeNull();
    expect(session).not.toHaveBeenCalled();
  });

  it('outside Moments offers 加入购物车 and 立即购买, both asking for a SKU first', async () => {
    await openPage();
    expect(session).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByText('加入购物车'));
    expect(lastToast()).toBe('请选择规格');
    fireEvent.click(screen.getByText('立即购买'));
    expect(lastToast()).toBe('请选择规格');
    expect(useCart.getState().lines).toEqual([]);
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('加入购物车 adds one of the picked SKU and says so', async () => {
    await openPage();
    fireEvent.click(screen.getByText('100g 尝鲜'));
    fireEvent.click(screen.getByText('加入购物车'));
    expect(lastToast()).toBe('已加入购物车');
    expect(useCart.getState().lines).toEqual([
      {
        productId: 'p1',
        skuId: 's3',
        title: '云南古树红茶 200g',
        spec: '100g 尝鲜',
        priceFen: 1590,
        image: '/img/p1-1.png',
        stock: 2,
        qty: 1,
        selected: true,
      },
    ]);
    // The bar's cart entry counts it.
    expect(screen.getByText('1')).toBeTruthy();
    fireEvent.click(screen.getByText('购物车'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/cart/index' });
  });

  it('stops adding at the SKU’s stock and says why', async () => {
    await openPage();
    fireEvent.click(screen.getByText('100g 尝鲜'));
    fireEvent.click(screen.getByText('加入购物车'));
    fireEvent.click(screen.getByText('加入购物车'));
    fireEvent.click(screen.getByText('加入购物车'));
    expect(lastToast()).toBe('购物车已有 2 件，已达可购买上限');
    expect(useCart.getState().lines[0].qty).toBe(2);
  });

  it('立即购买 starts a checkout of just that line, leaving the cart alone', async () => {
    await openPage();
    fireEvent.click(screen.getByText('200g 罐装'));
    fireEvent.click(screen.getByText('立即购买'));
    const draft = useCheckout.getState().draft!;
    expect(draft.source).toBe('buy_now');
    expect(draft.lines).toEqual([
      {
        productId: 'p1',
        skuId: 's1',
        qty: 1,
        title: '云南古树红茶 200g',
        spec: '200g 罐装',
        image: '/img/p1-1.png',
        priceFen: 1290,
      },
    ]);
    expect(draft.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/checkout/index' });
    expect(useCart.getState().lines).toEqual([]);
  });

  it('says 已售罄 instead of offering to buy when every SKU is sold out', async () => {
    getProduct.mockResolvedValue({
      ok: true,
      data: {
        product: { ...product, skus: product.skus.map((k) => ({ ...k, stock: 0 })) },
        trust: {},
        reviews,
        favorited: false,
      },
    });
    render(<ProductPage />);
    await screen.findByText('云南古树红茶 200g');
    // Three SKU chips and the bar.
    expect(screen.getAllByText('已售罄')).toHaveLength(4);
    expect(screen.queryByText('加入购物车')).toBeNull();
    expect(screen.queryByText('立即购买')).toBeNull();
  });

  it('says the product is gone on product.not_found', async () => {
    getProduct.mockResolvedValue({ ok: false, error: { code: 'product.not_found', message: '商品不存在或已下架' } });
    render(<ProductPage />);
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
  });

  it('does not call getProduct for a link without a valid id', async () => {
    taroPage.params = { id: '' };
    render(<ProductPage />);
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy();
    expect(getProduct).not.toHaveBeenCalled();
  });

  it('shows an error with a retry that loads again', async () => {
    getProduct.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<ProductPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    getProduct.mockResolvedValueOnce({ ok: true, data: { product, trust: {}, reviews, favorited: false } });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('云南古树红茶 200g')).toBeTruthy();
    expect(getProduct).toHaveBeenCalledTimes(2);
  });
});

describe('product page: share attribution', () => {
  const alice = ALICE;
  const binding = { sharerCode: 'ALC234', nickname: 'alice', until: '2026-12-08T00:00:00.000Z' };

  it('records a visit through someone else’s share once, and takes the binding it answers with', async () => {
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'moments' };
    recordVisit.mockResolvedValueOnce({ ok: true, data: { bound: true, binding } });
    await openPage({ sharer: alice });
    await waitFor(() => expect(useSession.getState().binding).toEqual(binding));
    expect(recordVisit).toHaveBeenCalledTimes(1);
    expect(recordVisit).toHaveBeenCalledWith({ productId: 'p1', s: 'ALC234', c: 'moments' });
    // Using the page (re-renders) records nothing more.
    fireEvent.click(screen.getByText('100g 尝鲜'));
    fireEvent.click(screen.getByText('200g 罐装'));
    expect(recordVisit).toHaveBeenCalledTimes(1);
  });

  it('counts a link without a channel as a chat card, and a poster scan as the poster channel', async () => {
    taroPage.params = { id: 'p1', s: 'ALC234' };
    await openPage({ sharer: alice });
    await waitFor(() => expect(recordVisit).toHaveBeenCalledWith({ productId: 'p1', s: 'ALC234', c: 'chat' }));
  });

  it('passes the group chat’s cloudID when opened in a group, and none from a one-to-one chat', async () => {
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'chat' };
    taroPage.shareTicket = 'ticket-1';
    await openPage({ sharer: alice });
    await waitFor(() =>
      expect(recordVisit).toHaveBeenCalledWith({ productId: 'p1', s: 'ALC234', c: 'chat' }, 'cid:ticket-1'),
    );
    cleanup();
    recordVisit.mockClear();
    taroPage.shareTicket = undefined;
    await openPage({ sharer: alice });
    await waitFor(() => expect(recordVisit).toHaveBeenCalledWith({ productId: 'p1', s: 'ALC234', c: 'chat' }));
    expect(Taro.getGroupEnterInfo).toHaveBeenCalledTimes(1);
  });

  it('still records the visit, as 单聊, when WeChat refuses the group info', async () => {
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'chat' };
    taroPage.shareTicket = 'ticket-2';
    Taro.getGroupEnterInfo.mockRejectedValueOnce(new Error('getGroupEnterInfo:fail'));
    await openPage({ sharer: alice });
    await waitFor(() => expect(recordVisit).toHaveBeenCalledWith({ productId: 'p1', s: 'ALC234', c: 'chat' }));
    taroPage.shareTicket = undefined;
  });

  it('reads the poster channel from a scanned code', async () => {
    taroPage.params = { scene: encodeURIComponent('p=p1&s=ALC234') };
    await openPage({ sharer: alice });
    await waitFor(() => expect(recordVisit).toHaveBeenCalledWith({ productId: 'p1', s: 'ALC234', c: 'poster' }));
  });

  it('records nothing when I open my own share', async () => {
    taroPage.params = { id: 'p1', s: 'BOB234', c: 'chat' };
    await openPage();
    await waitFor(() => expect(useSession.getState().status).toBe('ready'));
    expect(recordVisit).not.toHaveBeenCalled();
  });

  it('records nothing for a link without a sharer', async () => {
    await openPage();
    await waitFor(() => expect(useSession.getState().status).toBe('ready'));
    expect(recordVisit).not.toHaveBeenCalled();
  });

  it('in Moments single-page mode records the visit without a session', async () => {
    taroPage.scene = 1154;
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'moments' };
    await openPage({ sharer: alice });
    await waitFor(() => expect(recordVisit).toHaveBeenCalledWith({ productId: 'p1', s: 'ALC234', c: 'moments' }));
    expect(session).not.toHaveBeenCalled();
  });

  it('renders the product while the visit is still in flight, and stays whole when it fails', async () => {
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'chat' };
    let fail!: (e: Error) => void;
    recordVisit.mockReturnValueOnce(new Promise((_, reject) => (fail = reject)));
    await openPage({ sharer: alice });
    await waitFor(() => expect(recordVisit).toHaveBeenCalledTimes(1));
    expect(screen.getByText('来自 alice 的推荐')).toBeTruthy();
    await act(async () => fail(new Error('offline')));
    expect(screen.getByText('加入购物车')).toBeTruthy();
    expect(useSession.getState().binding).toBeNull();
  });

  it('an error answer leaves the binding alone', async () => {
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'chat' };
    recordVisit.mockResolvedValueOnce({
      ok: false,
      error: { code: 'share.sharer_not_found', message: '推荐人不存在' },
    });
    await openPage({ sharer: alice });
    await waitFor(() => expect(recordVisit).toHaveBeenCalledTimes(1));
    await act(async () => undefined);
    expect(useSession.getState().binding).toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});

describe('product page: my note and the poster', () => {
  it('puts my note in the chat card title, keeping the first photo', async () => {
    await openPage({}, { myNote: '我家常备' });
    await waitFor(() => expect(useSession.getState().status).toBe('ready'));
    expect(taroPage.shareApp!()).toEqual({
      title: '「我家常备」云南古树红茶 200g',
      path: '/pages/product/index?id=p1&s=BOB234&c=chat',
      imageUrl: '/img/p1-1.png',
    });
  });

  it('in weapp offers 海报 beside 分享, opening the poster page', async () => {
    await openPage();
    fireEvent.click(screen.getByText('海报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/share/poster/index?id=p1' });
  });

  it('in weapp offers 发圈 beside 海报, opening 一键发圈; in h5 the share sheet does', async () => {
    await openPage();
    fireEvent.click(screen.getByText('发圈'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/share/moments/index?id=p1' });
    cleanup();
    Taro.navigateTo.mockClear();
    process.env.TARO_ENV = 'h5';
    await openPage();
    expect(screen.queryByText('发圈')).toBeNull();
    fireEvent.click(screen.getByText('分享'));
    fireEvent.click(screen.getByText('一键发圈'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/share/moments/index?id=p1' });
    expect(screen.queryByText('复制链接')).toBeNull();
  });

  it('offers no poster of a product that is off sale', async () => {
    getProduct.mockResolvedValue({
      ok: true,
      data: { product: { ...product, status: 'off_sale' }, trust: {}, reviews, favorited: false },
    });
    render(<ProductPage />);
    await screen.findByText('云南古树红茶 200g');
    expect(screen.getAllByText('商品已下架').length).toBeGreaterThan(0);
    expect(screen.queryByText('海报')).toBeNull();
    expect(screen.queryByText('发圈')).toBeNull();
  });

  it('says 已下架 on the chat card and the Moments title of a product off sale, not the note', async () => {
    getProduct.mockResolvedValue({
      ok: true,
      data: { product: { ...product, status: 'off_sale' }, trust: {}, reviews, favorited: false, myNote: '我家常备' },
    });
    render(<ProductPage />);
    await screen.findByText('云南古树红茶 200g');
    expect(taroPage.shareApp!().title).toBe('【已下架】云南古树红茶 200g');
    expect(taroPage.shareTimeline!().title).toBe('【已下架】云南古树红茶 200g');
  });

  it('in h5 the share sheet shows my note and opens the poster page', async () => {
    process.env.TARO_ENV = 'h5';
    await openPage({}, { myNote: '我家常备' });
    expect(screen.queryByText('海报')).toBeNull();
    fireEvent.click(screen.getByText('分享'));
    expect(screen.getByText('“我家常备”')).toBeTruthy();
    fireEvent.click(screen.getByText('生成海报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/share/poster/index?id=p1' });
    // The sheet closes on the way: coming back shows the product, not the sheet.
    expect(screen.queryByText('复制链接')).toBeNull();
  });
});

// Built from local fields so the shown day holds in any time zone.
const day = (mo: number, d: number) => new Date(new Date().getFullYear(), mo - 1, d, 12, 0).toISOString();
const review = (id: string, extra: Partial<Review> = {}): Review => ({
  id: `YJ00000000000000000${id}:s1`,
  productId: 'p1',
  spec: '200g 罐装',
  nickname: `buyer${id}`,
  rating: 5,
  text: `评价${id}`,
  photos: [],
  createdAt: day(11, 20),
  ...extra,
});

describe('product page: the sharer’s proof of use', () => {
  const alice = ALICE;
  const aliceReview = review('A', {
    nickname: 'alice',
    rating: 4,
    text: '喝了半年，回甘明显',
    photos: ['/img/a-1.png', '/img/a-2.png'],
  });

  beforeEach(() => {
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'chat' };
  });

  it('shows the purchases the shop counted as TA 买过 N 次, said to be verified', async () => {
    await openPage({ sharer: alice, sharerVerifiedPurchases: 3 });
    const badge = screen.getByText('TA 买过 3 次');
    expect(badge.closest('.trust')).toBeTruthy();
    expect(screen.getByText('已核实的购买记录')).toBeTruthy();
  });

  it('shows her track record in plain words on the card, the refund rate only when the shop gives one', async () => {
    await openPage({ sharer: ALICE, sharerVerifiedPurchases: 1 });
    const words = screen.getByText('2023 年加入 · 买过 6 件 · 写过 4 条评价');
    expect(words.closest('.trust')).toBeTruthy();
    expect(screen.queryByText(/退款率/)).toBeNull();
    cleanup();
    await openPage({ sharer: { ...ALICE, referredRefundRate: 4 }, sharerVerifiedPurchases: 1 });
    expect(screen.getByText('推荐的订单退款率 4%').closest('.trust')).toBeTruthy();
  });

  it('claims no purchase when the sharer has none here', async () => {
    await openPage({ sharer: alice, sharerVerifiedPurchases: 0 });
    expect(screen.getByText('来自 alice 的推荐')).toBeTruthy();
    expect(screen.queryByText(/TA 买过/)).toBeNull();
    expect(screen.queryByText('已核实的购买记录')).toBeNull();
  });

  it('claims no purchase when the count is missing', async () => {
    await openPage({ sharer: alice });
    expect(screen.queryByText(/TA 买过/)).toBeNull();
  });

  it('shows the sharer’s own review in their banner, once, its photos opening full size', async () => {
    await openPage(
      { sharer: alice, note: '我家常备', sharerVerifiedPurchases: 1, sharerReview: aliceReview },
      { reviews: { ...reviews, count: 2, avgRating: 4.5, latest: [aliceReview, review('1')] } },
    );
    const text = screen.getByText('喝了半年，回甘明显');
    const banner = text.closest('.trust')!;
    expect(banner.textContent).toContain('★★★★☆');
    // Under the note, not repeated among the latest reviews.
    expect(banner.textContent!.indexOf('“我家常备”')).toBeLessThan(banner.textContent!.indexOf('喝了半年，回甘明显'));
    expect(screen.getAllByText('喝了半年，回甘明显')).toHaveLength(1);
    expect(screen.getByText('评价1').closest('.trust')).toBeNull();
    const photos = banner.querySelectorAll('.review__photo');
    fireEvent.click(photos[1]);
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: '/img/a-2.png', urls: ['/img/a-1.png', '/img/a-2.png'] });
  });
});

describe('product page: reviews', () => {
  const latest = [
    review('1', {
      rating: 4,
      photos: ['/img/r1-1.png', '/img/r1-2.png'],
      reply: { text: '谢谢支持', at: day(11, 21) },
    }),
    review('2', { spec: '100g 尝鲜', text: '' }),
    review('3', { rating: 3, text: '一般' }),
  ];
  const rated = { count: 12, avgRating: 4.8, withPhotos: 5, latest, boughtLast30Days: 23 };

  it('sums them up: 条已购评价 and the average, and who bought it lately', async () => {
    await openPage({}, { reviews: rated });
    expect(screen.getByText('12 条已购评价 · 4.8 分')).toBeTruthy();
    expect(screen.getByText('近30天 23 人购买')).toBeTruthy();
  });

  it('lists the latest with who, stars, spec, text and the shop’s reply', async () => {
    await openPage({}, { reviews: rated });
    const shown = Array.from(document.querySelectorAll('.review')).map((el) => el.textContent);
    expect(shown).toEqual([
      'buyer1★★★★☆11月20日 12:00200g 罐装评价1店主回复：谢谢支持',
      'buyer2★★★★★11月20日 12:00100g 尝鲜',
      'buyer3★★★☆☆11月20日 12:00200g 罐装一般',
    ]);
  });

  it('opens a review’s photos full size from the one tapped', async () => {
    await openPage({}, { reviews: rated });
    const photos = screen.getByText('评价1').closest('.review')!.querySelectorAll('.review__photo');
    expect(photos).toHaveLength(2);
    fireEvent.click(photos[0]);
    expect(Taro.previewImage).toHaveBeenCalledWith({
      current: '/img/r1-1.png',
      urls: ['/img/r1-1.png', '/img/r1-2.png'],
    });
  });

  it('links to all of them when there are more than shown', async () => {
    await openPage({}, { reviews: rated });
    fireEvent.click(screen.getByText('查看全部评价 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/reviews/index?id=p1' });
  });

  it('offers no link when all of them are shown', async () => {
    await openPage({}, { reviews: { ...rated, count: 3 } });
    expect(screen.getAllByText(/^buyer\d$/)).toHaveLength(3);
    expect(screen.queryByText('查看全部评价 ›')).toBeNull();
  });

  it('in Moments single-page mode shows the reviews but no link it could not follow', async () => {
    taroPage.scene = 1154;
    await openPage({}, { reviews: rated });
    expect(screen.getByText('12 条已购评价 · 4.8 分')).toBeTruthy();
    expect(screen.getByText('评价1')).toBeTruthy();
    expect(screen.queryByText('查看全部评价 ›')).toBeNull();
  });

  it('says 暂无评价 before the first, and nothing of recent buyers when there were none', async () => {
    await openPage();
    expect(screen.getByText('暂无评价')).toBeTruthy();
    expect(screen.queryByText(/近30天/)).toBeNull();
    expect(document.querySelector('.review')).toBeNull();
    expect(screen.queryByText('查看全部评价 ›')).toBeNull();
  });

  it('counts recent buyers even before anyone reviewed', async () => {
    await openPage({}, { reviews: { ...reviews, boughtLast30Days: 4 } });
    expect(screen.getByText('暂无评价')).toBeTruthy();
    expect(screen.getByText('近30天 4 人购买')).toBeTruthy();
  });
});

describe('收藏 on the product page', () => {
  const star = () => screen.getByRole('switch');

  it("shows the kept state at once, then the shop's word", async () => {
    await openPage();
    expect(star().textContent).toBe('☆ 收藏');
    const answer = deferred<Awaited<ReturnType<typeof shopApi.favorite>>>();
    favorite.mockReturnValueOnce(answer.promise);
    fireEvent.click(star());
    expect(favorite).toHaveBeenCalledWith({ productId: 'p1', on: true });
    expect(star().textContent).toBe('★ 已收藏');
    expect(star().getAttribute('aria-checked')).toBe('true');
    await act(async () => answer.resolve({ ok: true, data: { productId: 'p1', favorited: true } }));
    expect(star().textContent).toBe('★ 已收藏');
    expect(lastToast()).toBe('已收藏');
  });

  it('puts it back and says why when the shop refuses', async () => {
    await openPage({}, { favorited: true });
    expect(star().textContent).toBe('★ 已收藏');
    const answer = deferred<Awaited<ReturnType<typeof shopApi.favorite>>>();
    favorite.mockReturnValueOnce(answer.promise);
    fireEvent.click(star());
    expect(favorite).toHaveBeenCalledWith({ productId: 'p1', on: false });
    expect(star().textContent).toBe('☆ 收藏');
    // A second tap while the first is under way sends nothing.
    fireEvent.click(star());
    expect(favorite).toHaveBeenCalledTimes(1);
    await act(async () => answer.resolve({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } }));
    expect(star().textContent).toBe('★ 已收藏');
    expect(lastToast()).toBe('网络异常，请稍后重试');
  });

  it('is not offered in the Moments preview, which has no buyer signed in', async () => {
    taroPage.scene = 1154;
    await openPage();
    expect(screen.queryByRole('switch')).toBeNull();
  });
});

describe('不再看 TA 的推荐 on the trust banner', () => {
  const alice = ALICE;
  const binding = { sharerCode: 'ALC234', nickname: 'alice', until: '2099-01-01T00:00:00.000Z' };
  beforeEach(() => {
    muteSharer
      .mockReset()
      .mockResolvedValue({ ok: true, data: { sharer: { nickname: 'alice', shareCode: 'ALC234' }, muted: true } });
    taroPage.params = { id: 'p1', s: 'ALC234', c: 'chat' };
  });

  it('asks first, mutes the sharer, ends the binding shown and reads the page again: no banner', async () => {
    await openPage({ sharer: alice, note: '我家常备' });
    useSession.setState({ binding });
    getProduct.mockResolvedValue({ ok: true, data: { product, trust: {}, reviews, favorited: false } });
    fireEvent.click(screen.getByText('不再看 TA 的推荐'));
    await waitFor(() => expect(muteSharer).toHaveBeenCalledWith({ shareCode: 'ALC234', on: true }));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不再看 TA 的推荐' }));
    await waitFor(() => expect(screen.queryByText('来自 alice 的推荐')).toBeNull());
    expect(screen.queryByText('“我家常备”')).toBeNull();
    expect(useSession.getState().binding).toBeNull();
    expect(lastToast()).toBe('已不再看 TA 的推荐');
  });

  it('does nothing when the member says 再想想, and says why when the shop refuses', async () => {
    await openPage({ sharer: alice });
    taroPage.confirm = false;
    fireEvent.click(screen.getByText('不再看 TA 的推荐'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(muteSharer).not.toHaveBeenCalled();
    taroPage.confirm = true;
    muteSharer.mockResolvedValueOnce({ ok: false, error: { code: 'share.mute_self', message: '不能屏蔽自己' } });
    fireEvent.click(screen.getByText('不再看 TA 的推荐'));
    await waitFor(() => expect(lastToast()).toBe('不能屏蔽自己'));
    expect(screen.getByText('来自 alice 的推荐')).toBeTruthy();
  });

  it('is not offered in Moments, where no one is signed in', async () => {
    taroPage.scene = 1154;
    await openPage({ sharer: alice });
    expect(screen.getByText('来自 alice 的推荐')).toBeTruthy();
    expect(screen.queryByText('不再看 TA 的推荐')).toBeNull();
  });
});
