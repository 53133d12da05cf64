// The customer page's tag editor: a word the owner typed, checked before it joins the draft with the same bounds the
// function holds (CUSTOMER_TAG_BOUNDS, CUSTOMER_TAGS_MAX, no repeats), so a refusal is said at once.
import { CUSTOMER_TAG_BOUNDS, CUSTOMER_TAGS_MAX, hasVisibleText } from '../../../cloudfunctions/contracts/limits';

/** The draft with the word added, or why it cannot be. */
export function addTag(tags: string[], typed: string): { tags: string[] } | { refusal: string } {
  const word = typed.trim();
  if (!hasVisibleText(word)) return { refusal: '请输入标签' };
  if (word.length > CUSTOMER_TAG_BOUNDS.max) return { refusal: `标签最多 ${CUSTOMER_TAG_BOUNDS.max} 个字` };
  if (tags.includes(word)) return { refusal: '已有这个标签' };
  if (tags.length >= CUSTOMER_TAGS_MAX) return { refusal: `最多 ${CUSTOMER_TAGS_MAX} 个标签` };
  return { tags: [...tags, word] };
}

export const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
