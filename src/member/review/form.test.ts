import {
  REVIEW_PHOTOS_MAX as CONTRACT_PHOTOS,
  REVIEW_TEXT_MAX as CONTRACT_TEXT,
} from '../../../cloudfunctions/contracts/shop';
import { formProblem, REVIEW_PHOTOS_MAX, REVIEW_TEXT_MAX } from './form';

it('holds the limits the shop function checks', () => {
  expect([REVIEW_TEXT_MAX, REVIEW_PHOTOS_MAX]).toEqual([CONTRACT_TEXT, CONTRACT_PHOTOS]);
});

it('says what keeps the form from being sent', () => {
  expect(formProblem(0, '', false)).toBe('请先打分');
  expect(formProblem(5, 'x'.repeat(REVIEW_TEXT_MAX + 1), false)).toBe(`评价最多 ${REVIEW_TEXT_MAX} 个字`);
  expect(formProblem(5, '好', true)).toBe('图片上传中，请稍候');
  expect(formProblem(5, '', false)).toBeNull();
});
