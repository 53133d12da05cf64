import { act, fireEvent, render, screen } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import type { Review, ReviewSummary } from '../../../cloudfunctions/contracts/shop';
import { deferred } from '../../test-utils/deferred';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import ReviewListPage from './index';

// The page's Taro hooks hand their callbacks to taroPage: the test pulls down and reaches the bottom as a shopper
// would.
jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { listReviews: jest.fn() } }));

const Taro = mockedTaro();
const listReviews = shopApi.listReviews as jest.MockedFunction<typeof shopApi.listReviews>;

const summary: ReviewSummary = { count: 12, avgRating: 4.6, withPhotos: 2 };
const review = (n: number, extra: Partial<Review> = {}): Review => ({
  id: `YJ0000000000000000${String(n).padStart(2, '0')}:s1`,
  productId: 'p1',
  spec: '200g 罐装',
  nickname: `buyer${n}`,
  rating: 5,
  text: `评价${n}`,
  photos: [],
  createdAt: new Date(new Date().getFullYear(), 10, 20, 12, 0).toISOString(),
  ...extra,
});
const page = (items: Review[], nextCursor: string | null = null, s: ReviewSummary = summary) => ({
  ok: true as const,
  data: { items, nextCursor, summary: s },
});
const failed = (message: string) => ({ ok: false as const, error: { code: 'network' as const, message } });
const shownTexts = () => Array.from(document.querySelectorAll('.review__text')).map((el) => el.textContent);

beforeEach(() => {
  resetTaroMock();
  listReviews.mockReset();
  taroPage.params = { id: 'p1' };
});

async function openList(first = page([review(1), review(2)], 'c2')) {
  listReviews.mockResolvedValueOnce(first);
  render(<ReviewListPage />);
  await screen.findByText('12 条已购评价 · 4.6 分');
}

describe('全部评价', () => {
  it('heads the list with the product’s summary and both tabs counted, then the newest reviews', async () => {
    await openList();
    expect(listReviews).toHaveBeenCalledWith({ productId: 'p1', limit: 10 });
    // The average in whole stars: 4.6 shows five.
    expect(document.querySelector('.review-list__stars')!.textContent).toBe('★★★★★');
    expect(screen.getByText('全部 12')).toBeTruthy();
    expect(screen.getByText('有图 2')).toBeTruthy();
    expect(shownTexts()).toEqual(['评价1', '评价2']);
    expect(screen.getByText('buyer1').closest('.review')!.textContent).toContain('200g 罐装');
  });

  it('有图 asks for reviews with photos only, and says when there are none', async () => {
    await openList();
    listReviews.mockResolvedValueOnce(page([review(7, { photos: ['/img/r7.png'] })]));
    fireEvent.click(screen.getByText('有图 2'));
    expect(await screen.findByText('评价7')).toBeTruthy();
    expect(listReviews).toHaveBeenLastCalledWith({ productId: 'p1', photos: true, limit: 10 });
    expect(shownTexts()).toEqual(['评价7']);
    expect(screen.getByText('有图 2').className).toContain('review-list__tab--active');
    fireEvent.click(document.querySelector('.review__photo')!);
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: '/img/r7.png', urls: ['/img/r7.png'] });

    listReviews.mockResolvedValueOnce(page([]));
    fireEvent.click(screen.getByText('全部 12'));
    expect(await screen.findByText('还没有评价：评价仅来自已购买的顾客')).toBeTruthy();
    expect(listReviews).toHaveBeenLastCalledWith({ productId: 'p1', limit: 10 });
  });

  it('says so when no review has photos', async () => {
    await openList();
    listReviews.mockResolvedValueOnce(page([]));
    fireEvent.click(screen.getByText('有图 2'));
    expect(await screen.findByText('还没有带图的评价')).toBeTruthy();
  });

  it('loads the next page at the bottom, then says there are no more', async () => {
    await openList();
    listReviews.mockResolvedValueOnce(page([review(3)]));
    await act(async () => taroPage.reachBottom!());
    expect(listReviews).toHaveBeenLastCalledWith({ productId: 'p1', cursor: 'c2', limit: 10 });
    expect(shownTexts()).toEqual(['评价1', '评价2', '评价3']);
    expect(screen.getByText('没有更多了')).toBeTruthy();
    await act(async () => taroPage.reachBottom!());
    expect(listReviews).toHaveBeenCalledTimes(2);
  });

  it('a failed page waits at the bottom to be tapped again', async () => {
    await openList();
    listReviews.mockResolvedValueOnce(failed('网络异常，请稍后重试'));
    await act(async () => taroPage.reachBottom!());
    listReviews.mockResolvedValueOnce(page([review(3)]));
    fireEvent.click(screen.getByText('加载失败，点击重试'));
    expect(await screen.findByText('评价3')).toBeTruthy();
    expect(listReviews).toHaveBeenLastCalledWith({ productId: 'p1', cursor: 'c2', limit: 10 });
  });

  it('pulling down starts over from the newest, with the summary as it now is', async () => {
    await openList();
    const answer = deferred<ReturnType<typeof page>>();
    listReviews.mockReturnValueOnce(answer.promise);
    act(() => taroPage.pullDown!());
    // What was on screen stays until the new first page arrives.
    expect(shownTexts()).toEqual(['评价1', '评价2']);
    await act(async () =>
      answer.resolve(page([review(9), review(1)], null, { count: 13, avgRating: 4.7, withPhotos: 2 })),
    );
    expect(listReviews).toHaveBeenLastCalledWith({ productId: 'p1', limit: 10 });
    expect(shownTexts()).toEqual(['评价9', '评价1']);
    expect(screen.getByText('13 条已购评价 · 4.7 分')).toBeTruthy();
    expect(screen.getByText('全部 13')).toBeTruthy();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('a failed refresh keeps the list and says so', async () => {
    await openList();
    listReviews.mockResolvedValueOnce(failed('网络异常，请稍后重试'));
    await act(async () => taroPage.pullDown!());
    expect(screen.getByText('刷新失败：网络异常，请稍后重试')).toBeTruthy();
    expect(shownTexts()).toEqual(['评价1', '评价2']);
  });

  it('shows an error with a retry when the first page fails', async () => {
    listReviews.mockResolvedValueOnce(failed('网络异常，请稍后重试'));
    render(<ReviewListPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    listReviews.mockResolvedValueOnce(page([review(1)]));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('评价1')).toBeTruthy();
  });

  it('before the first review: 暂无评价 and who may write one', async () => {
    listReviews.mockResolvedValueOnce(page([], null, { count: 0, avgRating: null, withPhotos: 0 }));
    render(<ReviewListPage />);
    expect(await screen.findByText('还没有评价：评价仅来自已购买的顾客')).toBeTruthy();
    expect(screen.getByText('暂无评价')).toBeTruthy();
    expect(document.querySelector('.review-list__stars')).toBeNull();
    expect(screen.getByText('全部 0')).toBeTruthy();
  });

  it('asks for nothing without a valid product id', async () => {
    taroPage.params = { id: '../x' };
    render(<ReviewListPage />);
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy();
    expect(listReviews).not.toHaveBeenCalled();
  });
});
