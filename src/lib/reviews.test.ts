import { reviewSummaryText, reviewsUrl, starsText } from './reviews';

describe('reviewSummaryText', () => {
  it('counts the reviews and gives the average to one decimal', () => {
    expect(reviewSummaryText({ count: 12, avgRating: 4.8 })).toBe('12 条已购评价 · 4.8 分');
    expect(reviewSummaryText({ count: 1, avgRating: 5 })).toBe('1 条已购评价 · 5.0 分');
  });

  it('says 暂无评价 before the first review', () => {
    expect(reviewSummaryText({ count: 0, avgRating: null })).toBe('暂无评价');
  });
});

describe('starsText', () => {
  it.each([
    [5, '★★★★★'],
    [4, '★★★★☆'],
    [1, '★☆☆☆☆'],
    [0, '★☆☆☆☆'],
    [7, '★★★★★'],
  ])('%d → %s', (rating, stars) => {
    expect(starsText(rating)).toBe(stars);
  });
});

it('reviewsUrl opens the list of one product', () => {
  expect(reviewsUrl('p1')).toBe('/member/reviews/index?id=p1');
  expect(reviewsUrl('a&b')).toBe('/member/reviews/index?id=a%26b');
});
