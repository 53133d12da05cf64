// The 素材 editor's form: the owner's words (1–3 texts, each 1–500 characters after trimming) and pictures (≤ 9),
// checked as the server's schema checks them, so a save is refused here with the same limits.
import {
  hasVisibleText,
  MATERIAL_IMAGES_MAX,
  MATERIAL_TEXT_MAX,
  MATERIAL_TEXTS_MAX,
} from '../../../cloudfunctions/contracts/limits';

export { MATERIAL_IMAGES_MAX as IMAGES_MAX, MATERIAL_TEXT_MAX as TEXT_MAX, MATERIAL_TEXTS_MAX as TEXTS_MAX };

export interface MaterialDraft {
  texts: string[];
  images: Array<{ fileId: string; url: string }>;
}

/** Why the draft cannot be saved, or null. */
export function draftProblem(draft: MaterialDraft): string | null {
  const texts = draft.texts.map((t) => t.trim());
  if (!texts.some((t) => hasVisibleText(t))) return '请至少写一段文案';
  const index = texts.findIndex((t) => t.length > MATERIAL_TEXT_MAX);
  if (index >= 0) return `文案 ${index + 1} 超过 ${MATERIAL_TEXT_MAX} 字`;
  if (draft.images.length > MATERIAL_IMAGES_MAX) return `图片最多 ${MATERIAL_IMAGES_MAX} 张`;
  return null;
}

/** What the save sends: the texts that show something, trimmed (blank boxes are left out), and the fileIDs. */
export function saveInput(productId: string, draft: MaterialDraft) {
  return {
    productId,
    texts: draft.texts.map((t) => t.trim()).filter((t) => hasVisibleText(t)),
    images: draft.images.map((i) => i.fileId),
  };
}
