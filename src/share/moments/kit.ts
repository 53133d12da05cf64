// What the 一键发圈 page offers at first, apart from the page: the words, the first pick and the line on how to post.
import { MATERIAL_IMAGES_MAX } from '../../../cloudfunctions/contracts/limits';

/** The poster's key among the picked pictures (the others are their index in the kit's images). */
export const POSTER = 'poster';
export const HOW_TO_POST = '打开朋友圈 → 右上角相机 → 从相册选择';

/** The words offered: my note first (my own voice), then the owner's text. */
export function composeWords(ownerText: string, note: string): string {
  return note ? `${note}\n\n${ownerText}` : ownerText;
}

/** Picked at first: the first pictures, leaving the last place to the poster. */
export function firstPick(imageCount: number): string[] {
  const count = Math.min(imageCount, MATERIAL_IMAGES_MAX - 1);
  return [...Array.from({ length: count }, (_, i) => String(i)), POSTER];
}
