import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { orderApi } from '../../api/order';
import { shopApi } from '../../api/shop';
import { uploadFile } from '../../api/storage';
import type { Order } from '../../../cloudfunctions/contracts/order';
import { typeInto } from '../../owner/shared/test-fields';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { useSession } from '../../stores/session';
import ReviewPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({ orderApi: { get: jest.fn() } }));
jest.mock('../../api/shop', () => ({ shopApi: { review: jest.fn(), myReview: jest.fn(), session: jest.fn() } }));
jest.mock('../../api/storage', () => ({
  uploadFile: jest.fn(),
  memberFolder: jest.requireActual('../../api/storage').memberFolder,
  cloudPathFor: (folder: string, p: string) => `${folder}/${p.split('/').pop()}`,
}));

const Taro = mockedTaro();
const getOrder = orderApi.get as jest.Mock;
const review = shopApi.review as jest.Mock;
const myReview = shopApi.myReview as jest.Mock;
const upload = uploadFile as jest.Mock;
const session = shopApi.session as jest.Mock;
const bob = {
  id: 'u-bob',
  openid: 'dev_bob',
  shareCode: 'K7M2QX',
  nickname: '小博',
  isOwner: false,
  isMember: true,
  points: { available: 0, pending: 0 },
};

const ID = 'YJ7K3M9Q2W4E6R8T1Y';
const order = (extra: Partial<Order> = {}): Order => ({
  id: ID,
  status: 'completed',
  items: [
    {
      productId: 'p1',
      skuId: 's1',
      title: '秦岭土蜂蜜',
      spec: '500g',
      image: '/img/p1.png',
      priceFen: 6800,
      qty: 1,
      lineFen: 6800,
    },
  ],
  amounts: { goodsFen: 6800, couponFen: 0, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 0, payableFen: 6800 },
  address: { name: '王小明', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '文三路 100 号' },
  createdAt: '2026-01-05T01:00:00.000Z',
  payBefore: '2026-01-05T01:30:00.000Z',
  timeline: [],
  commands: [],
  afterSales: [],
  refundedFen: 0,
  reviewedSkus: [],
  ...extra,
});

beforeEach(() => {
  resetTaroMock();
  taroPage.params = { orderId: ID, skuId: 's1' };
  taroPage.confirm = true;
  getOrder.mockReset();
  review.mockReset();
  myReview.mockReset();
  upload.mockReset();
  session.mockReset();
  session.mockResolvedValue({ ok: true, data: { user: bob, binding: null } });
  useSession.setState({ user: null, binding: null, status: 'idle', error: null });
});

async function open(o: Order) {
  getOrder.mockResolvedValueOnce({ ok: true, data: { order: o } });
  render(<ReviewPage />);
  await screen.findByText('秦岭土蜂蜜');
}

describe('review page', () => {
  it('sends the rating, trimmed text and the uploaded photos, after asking, then goes back', async () => {
    await open(order());
    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:a/1.jpg', 'blob:a/2.jpg'] });
    upload.mockImplementation(async (path: string) => ({ ok: true, data: { fileID: `cloud://e.b/${path}` } }));
    fireEvent.click(screen.getByText('添加图片 0/6'));
    await screen.findByText('添加图片 2/6');
    fireEvent.click(screen.getAllByLabelText('删除图片')[0]);
    await screen.findByText('添加图片 1/6');

    fireEvent.click(screen.getByLabelText('4 星 满意'));
    expect(screen.getByText('满意')).toBeTruthy();
    await typeInto('说说你的真实感受，帮到想买的朋友', '  很香，回购  ');
    review.mockResolvedValueOnce({ ok: true, data: { review: {} } });
    await act(async () => fireEvent.click(screen.getByText('提交评价')));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交评价' }));
    expect(review).toHaveBeenCalledWith({
      orderId: ID,
      skuId: 's1',
      rating: 4,
      text: '很香，回购',
      photos: ['cloud://e.b/reviews/dev_bob/2.jpg'],
    });
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('asks for a rating first, and sends nothing when the buyer thinks again', async () => {
    await open(order());
    await act(async () => fireEvent.click(screen.getByText('提交评价')));
    expect(screen.getByText('请先打分')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('5 星 非常满意'));
    taroPage.confirm = false;
    await act(async () => fireEvent.click(screen.getByText('提交评价')));
    expect(review).not.toHaveBeenCalled();
  });

  it("shows the server's refusal and stays", async () => {
    await open(order());
    fireEvent.click(screen.getByLabelText('5 星 非常满意'));
    review.mockResolvedValueOnce({ ok: false, error: { code: 'review.duplicate', message: '这件商品已经评价过了' } });
    await act(async () => fireEvent.click(screen.getByText('提交评价')));
    expect(screen.getByText('这件商品已经评价过了')).toBeTruthy();
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('a failed upload keeps the photos already added and says so', async () => {
    await open(order());
    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:a/1.jpg', 'blob:a/2.jpg'] });
    upload.mockResolvedValueOnce({ ok: true, data: { fileID: 'cloud://e.b/reviews/1.jpg' } });
    upload.mockResolvedValueOnce({ ok: false, error: { code: 'upload.failed', message: '图片上传失败，请重试' } });
    fireEvent.click(screen.getByText('添加图片 0/6'));
    await screen.findByText('添加图片 1/6');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '图片上传失败，请重试' }));
  });

  it("uploads into the buyer's own folder, named by their session; without a session it uploads nothing", async () => {
    session.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await open(order());
    Taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:a/1.jpg'] });
    fireEvent.click(screen.getByText('添加图片 0/6'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请稍后重试' })),
    );
    expect(upload).not.toHaveBeenCalled();
    expect(screen.getByText('添加图片 0/6')).toBeTruthy();

    upload.mockImplementation(async (path: string) => ({ ok: true, data: { fileID: `cloud://e.b/${path}` } }));
    fireEvent.click(screen.getByText('添加图片 0/6'));
    await screen.findByText('添加图片 1/6');
    expect(upload).toHaveBeenCalledWith('reviews/dev_bob/1.jpg', 'blob:a/1.jpg');
  });

  it('a line already reviewed, or an order not completed or refunded, cannot be reviewed', async () => {
    getOrder.mockResolvedValueOnce({ ok: true, data: { order: order({ reviewedSkus: ['s1'] }) } });
    myReview.mockResolvedValueOnce({ ok: true, data: { review: null } });
    const { unmount } = render(<ReviewPage />);
    await screen.findByText('这件商品已经评价过了');
    unmount();
    getOrder.mockResolvedValueOnce({ ok: true, data: { order: order({ status: 'shipped' }) } });
    const shipped = render(<ReviewPage />);
    await screen.findByText('订单完成后才能评价');
    shipped.unmount();
    getOrder.mockResolvedValueOnce({ ok: true, data: { order: order({ status: 'refunded' }) } });
    render(<ReviewPage />);
    await screen.findByText('已退款的订单不能评价');
    expect(screen.queryByText('提交评价')).toBeNull();
    expect(myReview).toHaveBeenCalledTimes(1);
  });

  const mine = {
    id: `${ID}:s1`,
    productId: 'p1',
    spec: '500g',
    nickname: '王小明',
    rating: 2,
    text: '甜得发腻',
    photos: [],
    createdAt: '2026-01-08T01:00:00.000Z',
  };

  it('a reviewed line shows the buyer their own review, with no form', async () => {
    getOrder.mockResolvedValueOnce({ ok: true, data: { order: order({ reviewedSkus: ['s1'] }) } });
    myReview.mockResolvedValueOnce({ ok: true, data: { review: mine } });
    render(<ReviewPage />);
    await screen.findByText('甜得发腻');
    expect(myReview).toHaveBeenCalledWith({ orderId: ID, skuId: 's1' });
    expect(screen.getByText('我的评价')).toBeTruthy();
    expect(screen.queryByText('订单已退款，评价不再公开')).toBeNull();
    expect(screen.queryByText('提交评价')).toBeNull();
  });

  it('a review a refund withdrew is still shown to its buyer, marked as no longer public', async () => {
    const refunded = order({ status: 'refunded', reviewedSkus: ['s1'] });
    getOrder.mockResolvedValueOnce({ ok: true, data: { order: refunded } });
    const withdrawn = { at: '2026-01-10T01:00:00.000Z', reason: 'refunded' };
    myReview.mockResolvedValueOnce({ ok: true, data: { review: { ...mine, withdrawn } } });
    render(<ReviewPage />);
    await screen.findByText('甜得发腻');
    expect(screen.getByText('订单已退款，评价不再公开')).toBeTruthy();
    expect(screen.queryByText('已退款的订单不能评价')).toBeNull();
    expect(screen.queryByText('提交评价')).toBeNull();
  });

  it("a failed read of the buyer's review offers to try again", async () => {
    getOrder.mockResolvedValue({ ok: true, data: { order: order({ reviewedSkus: ['s1'] }) } });
    myReview.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<ReviewPage />);
    await screen.findByText('网络异常，请稍后重试');
    myReview.mockResolvedValueOnce({ ok: true, data: { review: mine } });
    fireEvent.click(screen.getByText('重新加载'));
    await screen.findByText('甜得发腻');
  });
});
