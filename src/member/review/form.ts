// The review form's rules, as the shop function checks them: a rating of 1-5, up to 500 characters, up to 6 photos.
import { REVIEW_PHOTOS_MAX, REVIEW_TEXT_MAX } from '../../../cloudfunctions/contracts/limits';

export { REVIEW_PHOTOS_MAX, REVIEW_TEXT_MAX };

export const RATING_LABELS = ['很差', '较差', '一般', '满意', '非常满意'] as const;

/** Why the form cannot be sent yet, or null. */
export function formProblem(rating: number, text: string, uploading: boolean): string | null {
  if (uploading) return '图片上传中，请稍候';
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return '请先打分';
  if (text.trim().length > REVIEW_TEXT_MAX) return `评价最多 ${REVIEW_TEXT_MAX} 个字`;
  return null;
}
