import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import type { Review } from '../../../cloudfunctions/contracts/shop';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { typeInto } from '../shared/test-fields';
import OwnerReviewsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({
  shopApi: { ownerReviews: jest.fn(), replyReview: jest.fn(), hideReview: jest.fn() },
}));

const Taro = mockedTaro();
const list = shopApi.ownerReviews as jest.Mock;
const reply = shopApi.replyReview as jest.Mock;
const hide = shopApi.hideReview as jest.Mock;

const review = (id: string, extra: Partial<Review> = {}): Review => ({
  id,
  productId: 'cup',
  productTitle: '青花茶杯',
  spec: '单只',
  nickname: id === 'r1' ? '小波' : '爱丽丝',
  rating: id === 'r1' ? 1 : 5,
  text: id === 'r1' ? '垃圾！！！' : '很好看',
  photos: [],
  createdAt: '2026-11-23T06:05:00.000Z',
  ...extra,
});
const page = (items: Review[]) => ({ ok: true as const, data: { items, nextCursor: null } });
const card = (text: string) => within(screen.getByText(text).closest('.owner-reviews__card') as HTMLElement);

beforeEach(() => {
  resetTaroMock();
  list.mockReset().mockResolvedValue(page([review('r1'), review('r2')]));
  reply.mockReset();
  hide.mockReset();
});

describe('评价管理', () => {
  it('hides a review with an optional reason, and the row says so at once', async () => {
    render(<OwnerReviewsPage />);
    await screen.findByText('垃圾！！！');
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ view: 'all' }));
    fireEvent.click(card('垃圾！！！').getByText('隐藏'));
    await typeInto('如：辱骂、广告', ' 辱骂 ');
    hide.mockResolvedValueOnce({
      ok: true,
      data: { review: review('r1', { hidden: { at: '2026-11-23T07:00:00.000Z', reason: '辱骂' } }) },
    });
    await act(async () => fireEvent.click(screen.getByText('确认隐藏')));
    expect(hide).toHaveBeenCalledWith({ reviewId: 'r1', hidden: true, reason: '辱骂' });
    expect(card('垃圾！！！').getByText(/^已隐藏 .*：辱骂$/)).toBeTruthy();
    expect(card('垃圾！！！').getByText('恢复显示')).toBeTruthy();
  });

  it('replies (a reply is required) and shows it under the review', async () => {
    render(<OwnerReviewsPage />);
    await screen.findByText('很好看');
    fireEvent.click(card('很好看').getByText('回复'));
    await act(async () => fireEvent.click(screen.getByText('发布回复')));
    expect(screen.getByText('请填写回复（1-200 个字）')).toBeTruthy();
    expect(reply).not.toHaveBeenCalled();
    await typeInto('买家和所有顾客都会看到你的回复', '谢谢喜欢');
    reply.mockResolvedValueOnce({
      ok: true,
      data: { review: review('r2', { reply: { text: '谢谢喜欢', at: '2026-11-23T07:00:00.000Z' } }) },
    });
    await act(async () => fireEvent.click(screen.getByText('发布回复')));
    expect(reply).toHaveBeenCalledWith({ reviewId: 'r2', reply: '谢谢喜欢' });
    expect(screen.getByText('店主回复：谢谢喜欢')).toBeTruthy();
    expect(card('很好看').getByText('修改回复')).toBeTruthy();
  });

  it('shows a hidden review again only after asking', async () => {
    list.mockResolvedValue(page([review('r1', { hidden: { at: '2026-11-23T07:00:00.000Z' } })]));
    render(<OwnerReviewsPage />);
    await screen.findByText('垃圾！！！');
    taroPage.confirm = false;
    await act(async () => fireEvent.click(screen.getByText('恢复显示')));
    expect(hide).not.toHaveBeenCalled();
    taroPage.confirm = true;
    hide.mockResolvedValueOnce({ ok: true, data: { review: review('r1') } });
    await act(async () => fireEvent.click(screen.getByText('恢复显示')));
    expect(hide).toHaveBeenCalledWith({ reviewId: 'r1', hidden: false });
    expect(card('垃圾！！！').getByText('隐藏')).toBeTruthy();
  });

  it('the 已隐藏 tab lists only hidden reviews; a non-owner is told so', async () => {
    render(<OwnerReviewsPage />);
    await screen.findByText('垃圾！！！');
    list.mockResolvedValueOnce(page([]));
    fireEvent.click(screen.getByText('已隐藏'));
    await screen.findByText('没有隐藏的评价');
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ view: 'hidden' }));
  });

  it('a member who is not the owner sees 仅店主可以查看', async () => {
    list.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerReviewsPage />);
    await screen.findByText('仅店主可以查看');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
