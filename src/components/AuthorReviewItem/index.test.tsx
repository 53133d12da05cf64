import { render } from '@testing-library/react';
import { REVIEW } from '../../test-utils/fixtures';
import AuthorReviewItem from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());

const base = REVIEW;

describe('AuthorReviewItem', () => {
  it('says when a refund took the review out of public view (its author and the owner are told)', () => {
    const { container, rerender } = render(<AuthorReviewItem review={{ ...base, text: '一般' }} />);
    expect(container.querySelector('.review__withdrawn')).toBeNull();
    rerender(
      <AuthorReviewItem review={{ ...base, text: '一般', withdrawn: { at: base.createdAt, reason: 'refunded' } }} />,
    );
    expect(container.querySelector('.review__withdrawn')!.textContent).toBe('订单已退款，评价不再公开');
  });

  it('marks its author’s photos still under content security 审核中, and says how many did not pass', () => {
    const { container, rerender } = render(<AuthorReviewItem review={{ ...base, photos: ['/a.png', '/b.png'] }} />);
    expect(container.querySelector('.review__photo-pending')).toBeNull();
    expect(container.querySelector('.review__photo-note')).toBeNull();
    rerender(
      <AuthorReviewItem
        review={{ ...base, photos: ['/a.png', '/b.png'], pendingPhotos: ['/b.png'], rejectedPhotos: 2 }}
      />,
    );
    const boxes = [...container.querySelectorAll('.review__photo-box')];
    expect(boxes.map((b) => b.querySelector('.review__photo-pending')?.textContent ?? '')).toEqual(['', '审核中']);
    expect([...container.querySelectorAll('.review__photo-note')].map((n) => n.textContent)).toEqual([
      '图片审核中，通过后其他人才能看到',
      '2 张图片未通过审核，已隐藏',
    ]);
  });
});
