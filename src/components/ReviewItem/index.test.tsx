import { render } from '@testing-library/react';
import { REVIEW } from '../../test-utils/fixtures';
import ReviewItem from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());

const base = REVIEW;

describe('ReviewItem', () => {
  it('shows a review of another year with its year, and leaves out the text, photos and reply it does not have', () => {
    const { container } = render(<ReviewItem review={base} />);
    expect(container.textContent).toBe(
      new Date().getFullYear() === 2025 ? 'bob★★☆☆☆1月5日 09:03500g 礼盒' : 'bob★★☆☆☆2025年1月5日 09:03500g 礼盒',
    );
    expect(container.querySelector('.review__text')).toBeNull();
    expect(container.querySelector('.review__photos')).toBeNull();
    expect(container.querySelector('.review__reply')).toBeNull();
  });

  it('shows every photo and the shop’s reply', () => {
    const { container } = render(
      <ReviewItem
        review={{
          ...base,
          text: '包装很好',
          photos: ['/a.png', '/b.png', '/c.png'],
          reply: { text: '感谢', at: base.createdAt },
        }}
      />,
    );
    expect(container.querySelectorAll('.review__photo')).toHaveLength(3);
    expect(container.querySelector('.review__text')!.textContent).toBe('包装很好');
    expect(container.querySelector('.review__reply')!.textContent).toBe('店主回复：感谢');
  });
});
